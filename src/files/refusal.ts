// What the operating system or SQLite refuses is the user's problem with a file, never a bug in
// gob (CONTRACT §1 "Exit codes"): a full disk, no permission, a read-only disk, a folder where a
// file was meant, a file that is not a gob database. This is the one table that says each of
// those in Dutch, with the fix; files/write.ts, db/open.ts, cli/context.ts and cli/main.ts all use it.
import fs from 'node:fs';
import path from 'node:path';
import { Refused } from '../errors.js';

interface Reason {
  reason: string;
  fix: string;
}

const OTHER_PATH = 'kies een ander pad';
const FREE_SPACE = 'maak ruimte vrij of kies een andere schijf';
const PERMISSION = 'kies een map waarin je mag schrijven, of pas de rechten aan';
const READ_ONLY = 'kies een map waarin geschreven mag worden';

/**
 * Node's errno codes and SQLite's result codes (extended codes like SQLITE_IOERR_WRITE are looked
 * up by their primary code, SQLITE_IOERR).
 */
const REASONS: Record<string, Reason> = {
  ENOENT: { reason: 'de map bestaat niet', fix: OTHER_PATH },
  ENOTDIR: { reason: 'een deel van het pad is een bestand, geen map', fix: OTHER_PATH },
  EEXIST: { reason: 'er staat al een bestand met die naam', fix: 'kies een andere naam, of overschrijf met --force' },
  EISDIR: { reason: 'dat is een map', fix: 'geef een bestandsnaam' },
  EACCES: { reason: 'geen rechten', fix: PERMISSION },
  EPERM: { reason: 'geen rechten (of het bestand is beveiligd tegen wijzigen)', fix: PERMISSION },
  ENOSPC: { reason: 'de schijf is vol', fix: FREE_SPACE },
  EDQUOT: { reason: 'het schijfquotum is op', fix: FREE_SPACE },
  EFBIG: { reason: 'het bestand wordt te groot voor de schijf', fix: 'kies een andere schijf' },
  EROFS: { reason: 'de schijf is alleen-lezen', fix: READ_ONLY },
  EBUSY: { reason: 'het is in gebruik', fix: 'sluit het programma dat het gebruikt, of kies een ander pad' },
  ETXTBSY: { reason: 'het is in gebruik', fix: 'sluit het programma dat het gebruikt, of kies een ander pad' },
  ELOOP: { reason: 'het pad is een kring van symbolische koppelingen', fix: OTHER_PATH },
  ENAMETOOLONG: { reason: 'de naam is te lang', fix: 'kies een kortere naam' },
  EMFILE: { reason: 'te veel open bestanden', fix: 'sluit andere programma’s en probeer het opnieuw' },
  ENFILE: { reason: 'te veel open bestanden', fix: 'sluit andere programma’s en probeer het opnieuw' },
  EIO: { reason: 'een leesfout of schrijffout van de schijf', fix: 'controleer de schijf, of kies een andere' },
  ENXIO: { reason: 'het apparaat bestaat niet', fix: OTHER_PATH },
  ENODEV: { reason: 'het apparaat bestaat niet', fix: OTHER_PATH },
  EINVAL: { reason: 'de naam of het bestand wordt door de schijf niet aanvaard', fix: OTHER_PATH },
  SQLITE_FULL: { reason: 'de schijf is vol', fix: FREE_SPACE },
  SQLITE_READONLY: {
    reason: 'het bestand of zijn map is alleen-lezen',
    fix: 'geef schrijfrechten op het bestand en de map, of werk met een kopie',
  },
  SQLITE_PERM: { reason: 'geen rechten', fix: PERMISSION },
  SQLITE_AUTH: { reason: 'geen rechten', fix: PERMISSION },
  SQLITE_CANTOPEN: { reason: 'het bestand kan niet geopend worden', fix: 'controleer het pad en de rechten op het bestand en de map' },
  SQLITE_NOTADB: {
    reason: 'het is geen gob-database (geen SQLite-bestand, of versleuteld of beschadigd)',
    fix: 'kies het juiste bestand met --db, of zet een backup terug',
  },
  SQLITE_CORRUPT: { reason: 'het bestand is beschadigd', fix: "zet een backup terug (gemaakt met 'gob backup')" },
  SQLITE_IOERR: {
    reason: 'een leesfout of schrijffout van de schijf',
    fix: 'controleer de schijf (is hij vol of losgekoppeld?) en probeer het opnieuw',
  },
  SQLITE_NOMEM: { reason: 'te weinig geheugen', fix: 'sluit andere programma’s en probeer het opnieuw' },
  SQLITE_BUSY: { reason: 'bezet door een ander gob-proces, en hij kwam niet op tijd vrij', fix: 'probeer het opnieuw' },
  SQLITE_PROTOCOL: { reason: 'bezet door een ander gob-proces, en hij kwam niet op tijd vrij', fix: 'probeer het opnieuw' },
};

/** The `code` an error carries (Node's errno name, SQLite's or PostgreSQL's code), if it is a string. */
export function codeOf(error: unknown): string | undefined {
  const code = (typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined) as unknown;
  return typeof code === 'string' ? code : undefined;
}

function lookup(code: string | undefined): Reason | undefined {
  if (code === undefined) return undefined;
  return REASONS[code] ?? (code.startsWith('SQLITE_') ? REASONS[/^SQLITE_[A-Z]+/.exec(code)![0]] : undefined);
}

/** Why the operating system (or SQLite) refused a file, in Dutch; null for a code that is not a file problem. */
export function fileReason(code: unknown): string | null {
  return typeof code === 'string' ? (lookup(code)?.reason ?? null) : null;
}

/** Is this an error of the operating system or SQLite that this table explains? */
export function isSystemError(error: unknown): boolean {
  return lookup(codeOf(error)) !== undefined;
}

/** The Dutch refusal for an OS or SQLite error on `file`; `error` is returned unchanged when it is neither. */
export function fileRefusal(error: unknown, file: string, what = 'schrijven'): unknown {
  if (error instanceof Refused) return error;
  const found = lookup(codeOf(error));
  if (!found) return error;
  return new Refused(`Kan ${file} niet ${what}: ${found.reason}. Er is niets geschreven; ${found.fix}.`);
}

/** Is `folder` a place this process may create files in? (root ignores modes, but not a read-only mount or chattr +i.) */
function writableFolder(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Dutch refusal for an error on the database `file` (opening it, or any statement of a
 * command); `error` unchanged when it is no OS or SQLite error. SQLite reports most problems with
 * the file as 'cannot open', so the file and its folder are looked at to name the real cause.
 */
export function databaseRefusal(error: unknown, file: string): unknown {
  if (error instanceof Refused) return error;
  const code = codeOf(error);
  const found = lookup(code);
  if (!found) return error;
  const base = /^SQLITE_[A-Z]+/.exec(code ?? '')?.[0] ?? code;
  const nothing = 'Er is niets opgeslagen';
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  const folder = path.dirname(path.resolve(file));
  if (stat?.isDirectory()) {
    return new Refused(
      `De database ${file} is een map, geen bestand. Geef het databasebestand met --db (of GOB_DB), bijvoorbeeld ${path.join(file, 'gob.sqlite')}.`,
    );
  }
  if (base === 'SQLITE_BUSY' || base === 'SQLITE_PROTOCOL') {
    return new Refused(
      `De database ${file} is bezet door een ander gob-proces en kwam niet op tijd vrij. ${nothing}; probeer het opnieuw.`,
    );
  }
  if (base === 'SQLITE_FULL' || base === 'ENOSPC' || ((base === 'SQLITE_IOERR' || base === 'SQLITE_CANTOPEN') && nearlyFull(folder)))
    return new Refused(
      `De schijf van de database ${file} is vol. ${nothing}; maak ruimte vrij of verplaats de database naar een andere schijf, en probeer het opnieuw.`,
    );
  if (base === 'SQLITE_NOTADB')
    return new Refused(
      `${file} is geen gob-database: geen SQLite-bestand, of versleuteld of beschadigd. Kies het juiste bestand met --db (of GOB_DB), of zet een backup terug.`,
    );
  if (base === 'SQLITE_CORRUPT')
    return new Refused(
      `De database ${file} is beschadigd. ${nothing}. Zet een backup terug (gemaakt met 'gob backup') en probeer het opnieuw.`,
    );
  // SQLite writes beside the database (file-wal, file-shm, file-journal): a read-only folder
  // makes even reading a WAL database fail with 'cannot open'.
  if ((base === 'SQLITE_CANTOPEN' || base === 'SQLITE_READONLY' || base === 'SQLITE_IOERR') && !writableFolder(folder)) {
    return new Refused(
      `De map ${folder} van de database is alleen-lezen of je mag er niet schrijven; gob schrijft naast ${path.basename(file)} zijn logbestanden (-wal, -shm). ${nothing}. Geef schrijfrechten op de map, of kopieer de database naar een map waarin je mag schrijven en gebruik --db.`,
    );
  }
  // SQLite makes its -wal and -shm with the database's own rights, and cannot remove them after
  // reading a database it may not write: chmod 444 on gob.sqlite, one `gob gastouder list`, chmod 600
  // again, and the next change was still refused, the message naming only the database.
  const sideFiles = ['-wal', '-shm', '-journal'].map((suffix) => `${file}${suffix}`).filter((f) => fs.existsSync(f) && !writableFile(f));
  const readOnly = base === 'SQLITE_READONLY' || base === 'SQLITE_IOERR' || base === 'SQLITE_CANTOPEN';
  if (readOnly && stat && writableFile(file) && sideFiles.length > 0) {
    return new Refused(
      `De database ${file} kan niet geschreven worden: naast hem ${sideFiles.length === 1 ? 'staat' : 'staan'} ${sideFiles.join(' en ')} zonder schrijfrechten (achtergebleven toen de database alleen-lezen was). ${nothing}. Geef ook ${sideFiles.length === 1 ? 'dat bestand' : 'die bestanden'} schrijfrechten (chmod 600 ${sideFiles.join(' ')}) en probeer het opnieuw.`,
    );
  }
  if (
    base === 'SQLITE_READONLY' ||
    ((base === 'SQLITE_CANTOPEN' || base === 'EACCES' || base === 'EPERM' || base === 'EROFS') && stat && !writableFile(file))
  ) {
    const also = sideFiles.length > 0 ? ` (en op ${sideFiles.join(' en ')} ernaast)` : '';
    return new Refused(
      `De database ${file} is alleen-lezen (bestandsrechten, een beveiligd bestand of een alleen-lezen schijf). ${nothing}. Geef schrijfrechten op het bestand${also}, of werk met een kopie ('gob backup kopie.sqlite' en --db kopie.sqlite).`,
    );
  }
  return new Refused(`De database ${file} kan niet gebruikt worden: ${found.reason}. ${nothing}; ${found.fix}.`);
}

/**
 * SQLite says 'disk I/O error' when even its shared-memory file (-shm, 32 kB) cannot be made: on
 * a disk with less free space than that, a full disk is the cause.
 */
function nearlyFull(folder: string): boolean {
  try {
    const { bavail, bsize } = fs.statfsSync(folder);
    return bavail * bsize < 256 * 1024;
  } catch {
    return false;
  }
}

function writableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The last resort in cli/main.ts: an OS error that names its own path (Node's errors do) is a
 * refusal about that path, by the name the user gave (gob writes beside it first under a
 * temporary name). Null for anything else.
 */
export function pathRefusal(error: unknown): Refused | null {
  const found = lookup(codeOf(error));
  const file = (error as { path?: unknown } | null)?.path;
  if (!found || typeof file !== 'string') return null;
  const given = file.replace(/\.tmp-\d+$/, '').replace(/(^|\/)\.([^/]+)\.\d+-[0-9a-f]+\.tmp$/, '$1$2');
  return new Refused(`Kan ${given} niet schrijven of lezen: ${found.reason}. Er is niets opgeslagen; ${found.fix}.`);
}

/** An OS or SQLite error without a path of its own (SQLite's, say), said as well as possible. */
export function systemRefusal(error: unknown): Refused | null {
  const found = lookup(codeOf(error));
  if (!found) return null;
  return new Refused(`De opdracht is geweigerd: ${found.reason}. Er is niets opgeslagen; ${found.fix}.`);
}

/** For output that cannot be written (stdout to a full disk). */
export function outputReason(code: string | undefined): string {
  return lookup(code)?.reason ?? code ?? 'onbekende fout';
}
