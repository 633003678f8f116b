import fs from 'node:fs';
import path from 'node:path';

/** Write a file next to its final name and rename it: a reader never sees half a file. */
export function writeAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
