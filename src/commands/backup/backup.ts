import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, describeDatabase, isPostgresUrl } from '../../db/open.js';
import { Refused } from '../../errors.js';
import { writeLog } from '../../db/repo/log.js';
import { onInterrupt } from '../../files/interrupt.js';
import { encryptFile } from '../../files/versleuteld.js';
import { checkTarget, produceFileSafely, temporaryName } from '../../files/write.js';
import type { Deps } from '../deps.js';
import { backupWachtwoord } from './wachtwoord.js';

/**
 * `gob backup <file> [--force] [--versleuteld]`: SQLite's online backup, so the copy is consistent
 * even while other gob processes write. Created 0600 like the database itself, under a temporary
 * name that is renamed only when the copy is complete (files/write.ts).
 *
 * Encrypted (CONTRACT §13): the consistent copy is made first beside the DATABASE (never beside the
 * target: that is the USB stick or the cloud folder the plain bytes must not reach), encrypted from
 * there into the target's temporary file, and removed, also on a failure or Ctrl-C.
 */
export async function backup(opts: { bestand: string; force?: boolean; versleuteld?: boolean }, deps: Deps) {
  // A server's database is backed up by the server's own tool, which knows its roles and settings.
  if (isPostgresUrl(deps.dbFile)) {
    throw new Refused(
      `'gob backup' kopieert een SQLite-bestand; ${describeDatabase(deps.dbFile)} is een PostgreSQL-database. Maak de backup met pg_dump, bijvoorbeeld: pg_dump --format=custom --file=gob.dump <database>. Er is niets geschreven.`,
    );
  }
  refuseOwnFiles(opts.bestand, deps.dbFile);
  // The target first: nobody should type a passphrase twice to hear that the file exists.
  if (opts.versleuteld) checkTarget(opts.bestand, { force: opts.force });
  const wachtwoord = opts.versleuteld ? await backupWachtwoord(deps, { nieuw: true }) : undefined;
  await produceFileSafely(opts.bestand, { force: opts.force, createFolder: false }, async (tmp) => {
    if (wachtwoord === undefined) {
      await backupDatabase(deps.db, tmp);
      return;
    }
    const plain = temporaryName(deps.dbFile);
    const removePlain = () => {
      for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(plain + suffix, { force: true });
    };
    const release = onInterrupt(removePlain);
    try {
      fs.closeSync(fs.openSync(plain, 'wx', 0o600));
      await backupDatabase(deps.db, plain);
      await encryptFile(plain, tmp, wachtwoord);
    } finally {
      removePlain();
      release();
    }
  });
  await writeLog(deps.db, deps, `${wachtwoord === undefined ? 'backup' : 'versleutelde backup'} gemaakt: ${opts.bestand}`);
  const bytes = fs.statSync(opts.bestand).size;
  deps.out.line(
    `${wachtwoord === undefined ? 'Backup' : 'Versleutelde backup (AES-256-GCM)'} geschreven naar ${opts.bestand} (${Math.ceil(bytes / 1024)} kB).`,
  );
  return { bestand: opts.bestand, bytes, versleuteld: wachtwoord !== undefined };
}

/**
 * A backup over the database itself (or its WAL, shared-memory or journal file) would replace the
 * live file by rename, even with --force: refused, whatever path names it (a link, `./`, `..`).
 */
function refuseOwnFiles(target: string, dbFile: string): void {
  const same = (a: string, b: string): boolean => {
    if (path.resolve(a) === path.resolve(b)) return true;
    const [sa, sb] = [fs.statSync(a, { throwIfNoEntry: false }), fs.statSync(b, { throwIfNoEntry: false })];
    return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
  };
  const own = ['', '-wal', '-shm', '-journal'].find((suffix) => same(target, dbFile + suffix));
  if (own === undefined) return;
  throw new Refused(
    `${target} is ${own === '' ? 'de database zelf' : `een werkbestand van de database (${path.basename(dbFile + own)})`}; een backup daaroverheen vervangt de database. Kies een ander bestand, liefst op een andere schijf. Er is niets geschreven.`,
  );
}
