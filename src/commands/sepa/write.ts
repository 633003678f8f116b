import fs from 'node:fs';
import path from 'node:path';

/**
 * A file written beside its final name, put in place only when the booking it belongs to is
 * committed. Written inside the transaction (a full disk then aborts the booking), renamed after
 * the commit: a bank file never exists for a collection or payout that was not booked, and a
 * reader never sees half a file.
 */
export interface StagedFile {
  publish(): void;
  discard(): void;
}

export function stageFile(file: string, content: string): StagedFile {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content);
  return {
    publish: () => fs.renameSync(tmp, file),
    discard: () => fs.rmSync(tmp, { force: true }),
  };
}

/** Run a booking that writes a bank file: publish the file after the commit, discard it on failure. */
export async function withStagedFile<T>(book: (stage: (file: string, content: string) => void) => Promise<T>): Promise<T> {
  let staged: StagedFile | undefined;
  try {
    const result = await book((file, content) => {
      staged = stageFile(file, content);
    });
    staged?.publish();
    return result;
  } catch (error) {
    staged?.discard();
    throw error;
  }
}
