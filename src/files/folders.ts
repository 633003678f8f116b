// Kept apart from write.ts: opening the database makes its folder too, and every command opens the
// database, so this must not bring write.ts (and what it loads) into every command's start-up.
import fs from 'node:fs';
import path from 'node:path';

/**
 * mkdir -p, one level at a time from the nearest folder that exists. Node's own recursive mkdir
 * never returns where a file system refuses with ENOENT (under /proc it spun at full CPU for good).
 */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = path.resolve(folder);
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const dir of missing) {
    try {
      fs.mkdirSync(dir);
    } catch (error) {
      // Made by another process in between: fine, as with mkdir -p.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
