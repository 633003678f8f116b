// The encrypted backup file (CONTRACT §13; the layout is in docs/backup-format.md). Only Node's own
// crypto: AES-256-GCM with a key derived by scrypt from the passphrase and a random salt. The
// header is authenticated too (it is the GCM "additional data"), so a changed parameter, salt or
// nonce fails the tag like a changed byte of the ciphertext does.
//
//   offset  size  field
//        0     8  magic "GOBBAK\r\n" (a text tool shows it; a CR/LF conversion breaks it visibly)
//        8     1  format version (1)
//        9     1  log2 of scrypt's N (17: N = 131072)
//       10     1  scrypt r (8)
//       11     1  scrypt p (1)
//       12    16  salt (random)
//       28    12  nonce (random)
//       40     …  ciphertext: the SQLite file, encrypted
//   end-16    16  GCM authentication tag
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Refused } from '../errors.js';

export const MAGIC = Buffer.from('GOBBAK\r\n', 'latin1');
export const VERSION = 1;
export const HEADER_BYTES = 40;
export const TAG_BYTES = 16;
/** scrypt's cost: N = 2^17, r = 8, p = 1 (OWASP's advice for scrypt; ~128 MB and a few tenths of a second). */
export const SCRYPT = { log2N: 17, r: 8, p: 1 } as const;
/** At least this many characters (CONTRACT §13). */
export const MIN_WACHTWOORD = 12;

/** What a file's first bytes say it is: an encrypted gob backup, a plain SQLite file, or neither. */
export function soortBackup(first: Buffer): 'versleuteld' | 'sqlite' | 'onbekend' {
  if (first.length >= MAGIC.length && first.subarray(0, MAGIC.length).equals(MAGIC)) return 'versleuteld';
  if (first.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  return 'onbekend';
}

/** At least MIN_WACHTWOORD characters, not counting spaces around it (twelve spaces protect nothing). */
export function longEnough(wachtwoord: string): boolean {
  return [...wachtwoord.trim()].length >= MIN_WACHTWOORD;
}

/** The passphrase's own check, before any work; it is never echoed (not even its length's digits matter). */
export function checkWachtwoord(wachtwoord: string, bron: string): void {
  if (!longEnough(wachtwoord)) {
    throw new Refused(
      `Het wachtwoord uit ${bron} is te kort: een backup-wachtwoord heeft minstens ${MIN_WACHTWOORD} tekens. Kies een langer wachtwoord (een zin van een paar woorden werkt goed). Er is niets geschreven.`,
    );
  }
}

function deriveKey(wachtwoord: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    // Node's default limit (32 MB) is below what N = 2^17, r = 8 needs (128 MB).
    scrypt(wachtwoord.normalize('NFC'), salt, 32, { N, r, p, maxmem: 128 * N * r * p + 32 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Encrypt the file `plain` into `target` (which the caller created empty, 0600), streaming. */
export async function encryptFile(plain: string, target: string, wachtwoord: string): Promise<void> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION, SCRYPT.log2N, SCRYPT.r, SCRYPT.p]), salt, nonce]);
  const key = await deriveKey(wachtwoord, salt, SCRYPT.log2N, SCRYPT.r, SCRYPT.p);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(header);
  const out = fs.createWriteStream(target, { flags: 'w' });
  out.write(header);
  await pipeline(fs.createReadStream(plain), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve())));
}

const kapot = (backup: string) =>
  new Refused(
    `${backup} is geen leesbare versleutelde backup van gob: het bestand is te kort of de kop is beschadigd. Er is niets geschreven.`,
  );

/**
 * Decrypt `backup` into `target` (created empty by the caller, beside the final name). Throws a
 * Refused when the passphrase is wrong or a byte changed: GCM says so only at the end, after the
 * last byte, so the caller must treat `target` as rubbish until this returns.
 */
export async function decryptFile(backup: string, target: string, wachtwoord: string): Promise<void> {
  const size = fs.statSync(backup).size;
  if (size < HEADER_BYTES + TAG_BYTES) throw kapot(backup);
  const fd = fs.openSync(backup, 'r');
  const header = Buffer.alloc(HEADER_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  if (soortBackup(header) !== 'versleuteld') throw kapot(backup);
  const [version, log2N, r, p] = [header[8]!, header[9]!, header[10]!, header[11]!];
  if (version !== VERSION) {
    throw new Refused(
      `${backup} is een versleutelde backup in versie ${version} van het formaat; deze gob kent versie ${VERSION}. Werk gob bij.`,
    );
  }
  // A changed header could ask for an absurd amount of work or memory before the tag can say so.
  if (log2N < 10 || log2N > 20 || r < 1 || r > 16 || p < 1 || p > 4) throw kapot(backup);
  const key = await deriveKey(wachtwoord, header.subarray(12, 28), log2N, r, p);
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(28, 40));
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      size - TAG_BYTES > HEADER_BYTES
        ? fs.createReadStream(backup, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 })
        : (async function* () {})(),
      decipher,
      fs.createWriteStream(target, { flags: 'w' }),
    );
  } catch (error) {
    if (/unable to authenticate|unsupported state/i.test(String((error as Error).message))) {
      throw new Refused(
        `${backup} kan niet worden ontsleuteld: het wachtwoord is onjuist, of het bestand is veranderd of beschadigd (de controle van AES-GCM klopt niet). Er is niets geschreven.`,
      );
    }
    throw error;
  }
}
