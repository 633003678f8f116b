import fs from 'node:fs';
import path from 'node:path';

/**
 * Write a file next to its final name and rename it: a reader never sees half a file. A path
 * that cannot be written is reported by src/cli/main.ts, by the name given here.
 */
export function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Run a booking that writes a bank file. The booking calls `write` as its last step inside its
 * transaction: when writing fails, nothing is booked; when anything fails after it (the commit
 * itself), the file is removed again. So a bank file exists exactly when its collection or
 * payout is booked — a file without booking would collect twice, a booking without file never.
 */
export async function withBankFile<T>(book: (write: (file: string, content: string) => void) => Promise<T>): Promise<T> {
  let written: string | undefined;
  try {
    return await book((file, content) => {
      writeAtomically(file, content);
      written = file;
    });
  } catch (error) {
    if (written) fs.rmSync(written, { force: true });
    throw error;
  }
}
