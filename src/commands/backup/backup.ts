import fs from 'node:fs';
import { writeLog } from '../../db/repo/log.js';
import { Refused } from '../../errors.js';
import type { Deps } from '../deps.js';

/**
 * `gob backup <file> [--force]`: SQLite's online backup, so the copy is consistent even while
 * other gob processes write. Created 0600 like the database itself.
 */
export async function backup(opts: { file: string; force?: boolean }, deps: Deps) {
  if (fs.existsSync(opts.file) && !opts.force) {
    throw new Refused(`${opts.file} bestaat al. Kies een andere naam, of overschrijf met --force.`);
  }
  const tmp = `${opts.file}.tmp-${process.pid}`;
  fs.closeSync(fs.openSync(tmp, 'w', 0o600));
  try {
    await deps.sqlite.backup(tmp);
    fs.renameSync(tmp, opts.file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fs.chmodSync(opts.file, 0o600);
  await writeLog(deps.db, deps, `backup gemaakt: ${opts.file}`);
  const bytes = fs.statSync(opts.file).size;
  deps.out.line(`Backup geschreven naar ${opts.file} (${Math.ceil(bytes / 1024)} kB).`);
  return { bestand: opts.file, bytes };
}
