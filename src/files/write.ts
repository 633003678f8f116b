// Every file gob writes for the user (PDFs, bank files, backups, certificates) goes through here,
// so that CONTRACT §1 "Files written" holds in one place:
// - an existing file is never overwritten without --force, and a symbolic link is never followed;
// - the content goes to a temporary name in the same folder and is renamed when complete (and
//   synced), so a kill or a full disk never leaves a partial file under the final name;
// - the file is created 0600: nearly everything gob writes holds personal data or money.
// What the operating system refuses becomes a Dutch refusal (exit 1) naming the file and the fix.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Refused } from '../errors.js';

export interface WriteOptions {
  /** --force: replace an existing regular file. */
  force?: boolean;
  /** Permission bits of a new file; default 0600. */
  mode?: number;
}

/** Why the operating system refused a file, in Dutch; null for a code that is not a file problem. */
const REASONS: Record<string, string> = {
  ENOENT: 'de map bestaat niet',
  ENOTDIR: 'een deel van het pad is een bestand, geen map',
  EEXIST: 'er staat al een bestand met die naam',
  EISDIR: 'dat is een map',
  EACCES: 'geen rechten',
  EPERM: 'geen rechten',
  ENOSPC: 'de schijf is vol',
  EDQUOT: 'het schijfquotum is op',
  EROFS: 'de schijf is alleen-lezen',
  EBUSY: 'het is in gebruik',
  ELOOP: 'het pad is een kring van symbolische koppelingen',
  ENAMETOOLONG: 'de naam is te lang',
  EMFILE: 'te veel open bestanden',
  EIO: 'een leesfout of schrijffout van de schijf',
};

const FIXES: Record<string, string> = {
  ENOSPC: 'maak ruimte vrij of kies een andere schijf',
  EDQUOT: 'maak ruimte vrij of kies een andere schijf',
  EROFS: 'kies een map waarin geschreven mag worden',
  EACCES: 'kies een map waarin je mag schrijven, of pas de rechten aan',
  EPERM: 'kies een map waarin je mag schrijven, of pas de rechten aan',
};

export function fileReason(code: unknown): string | null {
  return typeof code === 'string' ? (REASONS[code] ?? null) : null;
}

/** The Dutch refusal for an OS error on `file`; `error` is returned unchanged when it is no OS error. */
export function fileRefusal(error: unknown, file: string, what = 'schrijven'): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = fileReason(code);
  if (!reason) return error;
  const fix = FIXES[code as string] ?? 'kies een ander pad';
  return new Refused(`Kan ${file} niet ${what}: ${reason}. Er is niets geschreven; ${fix}.`);
}

/**
 * Refuse a target before any work is done: a symbolic link, a folder, or (without force) an
 * existing file. Commands that write many files check them all first, so a refusal leaves nothing.
 */
export function checkTarget(file: string, { force = false }: WriteOptions = {}): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileRefusal(error, file, 'lezen');
  }
  if (stat.isSymbolicLink()) {
    throw new Refused(`${file} is een symbolische koppeling; gob schrijft daar niet doorheen. Kies een ander pad.`);
  }
  if (stat.isDirectory()) throw new Refused(`${file} is een map. Geef een bestandsnaam.`);
  if (!force) throw new Refused(`${file} bestaat al. Kies een andere naam, of overschrijf met --force.`);
}

/** Create a folder for output (with its parents); an OS refusal names the folder. */
export function ensureFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw fileRefusal(error, folder, 'aanmaken');
  }
}

/** A temporary name beside `file`, hidden, unique per process and call. */
export function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Write `content` to `file` under the rules above. The temporary file is removed on any failure;
 * the final name appears only complete.
 */
export function writeFileSafely(file: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  checkTarget(file, options);
  ensureFolder(path.dirname(path.resolve(file)));
  const tmp = temporaryName(file);
  try {
    const fd = fs.openSync(tmp, 'wx', options.mode ?? 0o600);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw fileRefusal(error, file);
  }
}

/**
 * The same for a writer that produces the file itself at a path (SQLite's online backup):
 * `produce` fills the temporary file, which is then renamed.
 */
export async function produceFileSafely(file: string, options: WriteOptions, produce: (tmp: string) => Promise<void>): Promise<void> {
  checkTarget(file, options);
  ensureFolder(path.dirname(path.resolve(file)));
  const tmp = temporaryName(file);
  try {
    fs.closeSync(fs.openSync(tmp, 'wx', options.mode ?? 0o600));
    await produce(tmp);
    fs.chmodSync(tmp, options.mode ?? 0o600);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw fileRefusal(error, file);
  }
}
