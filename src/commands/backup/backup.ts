import fs from 'node:fs';
import { backupDatabase, describeDatabase, isPostgresUrl } from '../../db/open.js';
import { Refused } from '../../errors.js';
import { writeLog } from '../../db/repo/log.js';
import { produceFileSafely } from '../../files/write.js';
import type { Deps } from '../deps.js';

/**
 * `gob backup <file> [--force]`: SQLite's online backup, so the copy is consistent even while
 * other gob processes write. Created 0600 like the database itself, under a temporary name that
 * is renamed only when the copy is complete (files/write.ts).
 */
export async function backup(opts: { bestand: string; force?: boolean }, deps: Deps) {
  // A server's database is backed up by the server's own tool, which knows its roles and settings.
  if (isPostgresUrl(deps.dbFile)) {
    throw new Refused(
      `'gob backup' kopieert een SQLite-bestand; ${describeDatabase(deps.dbFile)} is een PostgreSQL-database. Maak de backup met pg_dump, bijvoorbeeld: pg_dump --format=custom --file=gob.dump <database>. Er is niets geschreven.`,
    );
  }
  await produceFileSafely(opts.bestand, { force: opts.force, createFolder: false }, async (tmp) => {
    await backupDatabase(deps.db, tmp);
  });
  await writeLog(deps.db, deps, `backup gemaakt: ${opts.bestand}`);
  const bytes = fs.statSync(opts.bestand).size;
  deps.out.line(`Backup geschreven naar ${opts.bestand} (${Math.ceil(bytes / 1024)} kB).`);
  return { bestand: opts.bestand, bytes };
}
