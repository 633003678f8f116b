import fs from 'node:fs';
import { backupDatabase } from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import { produceFileSafely } from '../../files/write.js';
import type { Deps } from '../deps.js';

/**
 * `gob backup <file> [--force]`: SQLite's online backup, so the copy is consistent even while
 * other gob processes write. Created 0600 like the database itself, under a temporary name that
 * is renamed only when the copy is complete (files/write.ts).
 */
export async function backup(opts: { bestand: string; force?: boolean }, deps: Deps) {
  await produceFileSafely(opts.bestand, { force: opts.force, createFolder: false }, async (tmp) => {
    await backupDatabase(deps.db, tmp);
  });
  await writeLog(deps.db, deps, `backup gemaakt: ${opts.bestand}`);
  const bytes = fs.statSync(opts.bestand).size;
  deps.out.line(`Backup geschreven naar ${opts.bestand} (${Math.ceil(bytes / 1024)} kB).`);
  return { bestand: opts.bestand, bytes };
}
