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
    const inhoud = (await getBankbestand(deps.db, b.bericht_id))?.inhoud;
    if (inhoud && (await writtenAfterAll(deps, b.bericht_id, b.bestand, inhoud))) continue;
    unwritten.push(b);
  }
  return unwritten;
}

/** Is `file` the booked file `inhoud`, byte for byte? Then the mark is made (best effort) and it counts as written. */
export async function writtenAfterAll(deps: Deps, berichtId: string, file: string, inhoud: Uint8Array): Promise<boolean> {
  let onDisk: Buffer;
  try {
    onDisk = fs.readFileSync(file);
  } catch {
    return false;
  }
  if (!onDisk.equals(inhoud)) return false;
  await markWritten(deps.db, berichtId, deps.now).catch(() => undefined);
  return true;
}
