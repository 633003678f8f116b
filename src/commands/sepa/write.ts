import fs from 'node:fs';
import path from 'node:path';
import { Refused } from '../../errors.js';

const REASONS: Record<string, string> = { EISDIR: 'het is een map', EACCES: 'geen schrijfrechten', EPERM: 'geen schrijfrechten', ENOSPC: 'de schijf is vol', EROFS: 'alleen-lezen schijf', EBUSY: 'het bestand is in gebruik' };

/** Write a file next to its final name and rename it: a reader never sees half a file. */
export function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw new Refused(`Kan ${file} niet schrijven (${REASONS[code] ?? code}). Er is niets opgeslagen; kies met --out een ander bestand.`);
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
