import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, describeDatabase, inTransaction, isPostgresUrl } from '../../db/open.js';
import { Refused } from '../../errors.js';
import { writeLog } from '../../db/repo/log.js';
import { onInterrupt } from '../../files/interrupt.js';
import { codeOf, fileReason } from '../../files/refusal.js';
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
 *
 * The log line is committed before the backup gets its name, as for every export (logged-file.ts),
 * with one exception: a database that cannot be written (read-only, a full disk) is backed up
 * anyway, with a warning that the log lacks the line. A backup is what an owner needs most from
 * such a database, and the refusal of every other command advises it (docs/decisions.md).
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
  let nietGelogd: { reason: string; fix: string } | undefined;
  const beforePublish = async () => {
    try {
      await inTransaction(deps.db, (trx) =>
        writeLog(trx, deps, `${wachtwoord === undefined ? 'backup' : 'versleutelde backup'} gemaakt: ${opts.bestand}`),
      );
    } catch (error) {
      // Only a database that cannot be written; anything else (another writer that kept it busy,
      // a bug) stops the backup, which then leaves no file.
      if (!CANNOT_WRITE.has(baseCode(error))) throw error;
      nietGelogd = {
        reason: fileReason(codeOf(error)) ?? 'onbekende oorzaak',
        fix: FULL.has(baseCode(error)) ? 'maak ruimte vrij op de schijf van de database' : 'geef schrijfrechten op de database en zijn map',
      };
    }
  };
  await produceFileSafely(opts.bestand, { force: opts.force, createFolder: false, beforePublish }, async (tmp) => {
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
      try {
        fs.closeSync(fs.openSync(plain, 'wx', 0o600));
        await backupDatabase(deps.db, plain);
      } catch (error) {
        throw plainCopyRefusal(error, deps.dbFile, opts.bestand);
      }
      await encryptFile(plain, tmp, wachtwoord);
    } finally {
      removePlain();
      release();
    }
  });
  const bytes = fs.statSync(opts.bestand).size;
  deps.out.line(
    `${wachtwoord === undefined ? 'Backup' : 'Versleutelde backup (AES-256-GCM)'} geschreven naar ${opts.bestand} (${Math.ceil(bytes / 1024)} kB).`,
  );
  if (nietGelogd !== undefined) {
    const verder =
      wachtwoord === undefined
        ? `werk verder met de backup (--db ${opts.bestand})`
        : `zet de backup terug met 'gob herstel ${opts.bestand} --naar <nieuw.sqlite>' en werk daarmee verder`;
    deps.out.warn(
      `Let op: de backup is volledig, maar staat niet in het logboek: de database ${deps.dbFile} kan niet geschreven worden (${nietGelogd.reason}). Om verder te werken: ${nietGelogd.fix}, of ${verder}.`,
    );
  }
  return { bestand: opts.bestand, bytes, versleuteld: wachtwoord !== undefined, gelogd: nietGelogd === undefined };
}

/** What SQLite or the OS says when the database file or its disk cannot be written at all. */
const CANNOT_WRITE = new Set([
  'SQLITE_READONLY',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_PERM',
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EACCES',
  'EPERM',
  'EIO',
]);

/** A full disk (or quota), said with the fix "make room". */
const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', 'EFBIG']);

/** An error's code without SQLite's extension (SQLITE_IOERR_WRITE is SQLITE_IOERR). */
function baseCode(error: unknown): string {
  return /^(SQLITE_[A-Z]+|E[A-Z]+)/.exec(codeOf(error) ?? '')?.[0] ?? '';
}

/**
 * The plain copy of an encrypted backup is made in the database's folder, not at the target: a
 * failure there (a full disk under the database) is said of that folder, with its fix, not of
 * the target, whose disk may have all the room it needs.
 */
function plainCopyRefusal(error: unknown, dbFile: string, target: string): unknown {
  let reason = fileReason(codeOf(error));
  if (reason === null) return error;
  const folder = path.dirname(path.resolve(dbFile));
  const bytes = fs.statSync(dbFile, { throwIfNoEntry: false })?.size ?? 0;
  // SQLite may say 'disk I/O error' where the disk is full: less room than the copy needs is that.
  const full = FULL.has(baseCode(error)) || freeBytes(folder) < bytes;
  if (full) reason = 'de schijf is vol';
  const size = Math.ceil(bytes / 1024);
  const fix = full
    ? `maak op die schijf minstens ${size} kB vrij (de tussenkopie is zo groot als de database), of maak eerst een gewone backup op een eigen schijf met ruimte, versleutel die met 'gob --db <die backup> backup ${target} --versleuteld' en verwijder de gewone daarna`
    : 'geef gob schrijfrechten in die map';
  return new Refused(
    `Kan de versleutelde backup ${target} niet maken: de onversleutelde tussenkopie komt eerst in ${folder}, de map van de database (nooit naast de backup), en daar kan gob niet schrijven: ${reason}. Er is niets geschreven; ${fix}.`,
  );
}

/** Room left for this process on the disk of `folder`; infinite when the system does not say. */
function freeBytes(folder: string): number {
  try {
    const { bavail, bsize } = fs.statfsSync(folder);
    return bavail * bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
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
