// Booked bank files whose writing was not recorded (see sepa/write.ts): every SEPA and payout
// command names them. A kill between the file getting its name and the mark "written" left a
// complete file under that name and a warning that could not be cleared: it asked for
// `gob sepa bestand … --out <that same path>`, which refused because the file existed, and so
// pushed towards a second copy for the bank. A file on disk that is the booking byte for byte is
// the booking written: it is recorded as such (when the database can be written) and not named.
import fs from 'node:fs';
import { getBankbestand, markWritten, unwrittenBankbestanden } from '../db/repo/bankbestand.js';
import type { Deps } from './deps.js';

export async function unwrittenBankFiles(deps: Deps): Promise<Awaited<ReturnType<typeof unwrittenBankbestanden>>> {
  const unwritten = [];
  for (const b of await unwrittenBankbestanden(deps.db)) {
    if (await writtenAfterAll(deps, b.bericht_id, b.bestand)) continue;
    unwritten.push(b);
  }
  return unwritten;
}

/** Is `file` the booked file, byte for byte? Then the mark is made (best effort) and it counts as written. */
export async function writtenAfterAll(deps: Deps, berichtId: string, file: string): Promise<boolean> {
  const row = await getBankbestand(deps.db, berichtId);
  if (!row?.inhoud) return false;
  let onDisk: Buffer;
  try {
    onDisk = fs.readFileSync(file);
  } catch {
    return false;
  }
  if (!onDisk.equals(Buffer.from(row.inhoud))) return false;
  await markWritten(deps.db, berichtId, deps.now).catch(() => undefined);
  return true;
}
