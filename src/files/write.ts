// Every file gob writes for the user (PDFs, bank files, backups, certificates) goes through here,
// so that CONTRACT §1 "Files written" holds in one place:
// - an existing file is never overwritten without --force, and a symbolic link is never followed;
// - the content goes to a temporary name in the same folder and is renamed when complete (and
//   synced), so a kill or a full disk never leaves a partial file under the final name;
// - the file is created 0600: nearly everything gob writes holds personal data or money;
// - a file that must be recorded (the audit-log line of an export) gets its final name only after
//   that record is committed (`beforePublish`): a file never exists without its log line.
// What the operating system refuses becomes a Dutch refusal (exit 1) naming the file and the fix.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Refused } from '../errors.js';
import { onInterrupt } from './interrupt.js';
import { makeFolders } from './folders.js';
import { fileRefusal } from './refusal.js';

export interface WriteOptions {
  /** --force: replace an existing regular file. */
  force?: boolean;
  /** Permission bits of a new file; default 0600. */
  mode?: number;
  /**
   * Create a missing folder (default). A backup does not: `/mnt/usb/backup.sqlite` with the stick
   * not mounted must fail, not land on the internal disk.
   */
  createFolder?: boolean;
}

export interface PublishOptions extends WriteOptions {
  /**
   * Runs when the content is complete under its temporary name, before the file gets its final
   * name: the commit of what the database must hold of the file (its audit-log line). When it
   * fails, the temporary file is removed and its error is thrown unchanged: it is the database's
   * problem, not the file's, and must not be said as "Kan <bestand> niet schrijven".
   */
  beforePublish?: () => Promise<void>;
}

export { fileReason, fileRefusal } from './refusal.js';

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
    // A target: what stops the look at it (a file where a folder is meant) stops the writing.
    throw fileRefusal(error, file);
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
    makeFolders(folder);
  } catch (error) {
    throw fileRefusal(error, folder, 'aanmaken');
  }
}

/**
 * Can `file` be written? Its folder is made, and a temporary file made and removed there. For a
 * write that must not fail after the fact: a bank file is booked before it is written, and a
 * read-only or missing folder (`--out /mnt/ro/f.xml`, `/proc/f.xml`) booked the money and then
 * failed, naming the same path to write it again.
 */
export function checkWritable(file: string): void {
  ensureFolder(path.dirname(path.resolve(file)));
  const probe = temporaryName(file);
  try {
    fs.closeSync(fs.openSync(probe, 'wx', 0o600));
  } catch (error) {
    throw fileRefusal(error, file);
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

/** Files grouped by their folder: folder → their names, each folder once however many files. */
export function byFolder(files: Iterable<string>): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const file of files) {
    const folder = path.dirname(path.resolve(file));
    folders.set(folder, (folders.get(folder) ?? new Set()).add(path.basename(file)));
  }
  return folders;
}

/**
 * Remove the temporary files (temporaryName: `.<name>.<pid>-<hex>.tmp`, and what SQLite put beside
 * one) of the given names in `folder` whose process `whose` picks: this process's after a Ctrl-C
 * (pdf/batch.ts), or those of processes that no longer run (removeStaleTemporaries).
 */
export function removeTemporaries(folder: string, names: ReadonlySet<string>, whose: (pid: number) => boolean): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = /^\.(.+)\.(\d+)-[0-9a-f]+\.tmp(-journal|-wal|-shm)?$/.exec(entry);
    if (m && names.has(m[1]!) && whose(Number(m[2]))) fs.rmSync(path.join(folder, entry), { force: true });
  }
}

/**
 * Remove what a killed gob left beside these names: temporary files of processes that no longer
 * run. A partial bank file holds names and IBANs; nothing removed them. A process that still runs
 * (another gob writing the same name) keeps its own.
 */
export function removeStaleTemporaries(folder: string, names: ReadonlySet<string>): void {
  removeTemporaries(folder, names, (pid) => !alive(pid));
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Before one file is written: its target refused or made ready, and a killed run's leftovers of it removed. */
function prepareTarget(file: string, options: WriteOptions): void {
  checkTarget(file, options);
  if (options.createFolder !== false) ensureFolder(path.dirname(path.resolve(file)));
  for (const [folder, names] of byFolder([file])) removeStaleTemporaries(folder, names);
}

/** A temporary name beside `file`, hidden, unique per process and call. */
export function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Give the complete temporary file its final name. Without --force this is a hard link, which the
 * OS refuses when the name exists (EEXIST): a file that appeared since checkTarget is not
 * overwritten either. A file system without hard links (a FAT USB stick) falls back to rename.
 */
function publish(tmp: string, file: string, force: boolean): void {
  if (!force) {
    try {
      fs.linkSync(tmp, file);
      fs.rmSync(tmp, { force: true });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new Refused(`${file} bestaat al. Kies een andere naam, of overschrijf met --force.`);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
      checkTarget(file);
    }
  }
  fs.renameSync(tmp, file);
}

/** Remove a temporary file and what SQLite may have left beside it; never fails. */
function removeTemporary(tmp: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(tmp + suffix, { force: true });
}

/**
 * Write `content` to `file` under the rules above. The temporary file is removed on any failure;
 * the final name appears only complete. `checked`: the caller already ran checkTarget and
 * ensureFolder (a batch checks every target before it renders any).
 */
export function writeFileSafely(file: string, content: string | Uint8Array, options: WriteOptions & { checked?: boolean } = {}): void {
  if (!options.checked) prepareTarget(file, options);
  const tmp = temporaryName(file);
  const release = onInterrupt(() => removeTemporary(tmp));
  try {
    const fd = fs.openSync(tmp, 'wx', options.mode ?? 0o600);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    publish(tmp, file, Boolean(options.force));
  } catch (error) {
    removeTemporary(tmp);
    throw fileRefusal(error, file);
  } finally {
    release();
  }
}

/**
 * The same for a writer that produces the file itself at a path (SQLite's online backup):
 * `produce` fills the temporary file, which is then renamed. With `beforePublish` (see
 * PublishOptions), the file appears only once that step succeeded.
 */
export async function produceFileSafely(file: string, options: PublishOptions, produce: (tmp: string) => Promise<void>): Promise<void> {
  prepareTarget(file, options);
  const tmp = temporaryName(file);
  // Until the file has its final name, a Ctrl-C (also during beforePublish) leaves nothing behind.
  const release = onInterrupt(() => removeTemporary(tmp));
  try {
    try {
      fs.closeSync(fs.openSync(tmp, 'wx', options.mode ?? 0o600));
      await produce(tmp);
      fs.chmodSync(tmp, options.mode ?? 0o600);
      const fd = fs.openSync(tmp, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      removeTemporary(tmp);
      throw fileRefusal(error, file);
    }
    try {
      await options.beforePublish?.();
    } catch (error) {
      removeTemporary(tmp);
      throw error;
    }
    try {
      publish(tmp, file, Boolean(options.force));
    } catch (error) {
      removeTemporary(tmp);
      throw fileRefusal(error, file);
    }
  } finally {
    release();
  }
}
