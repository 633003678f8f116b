// A bank file is booked first and written after: the database is the only truth, a file on disk
// a copy that `gob sepa bestand` can always make again. The order, and where a test may stop the
// process (GOB_TEST_STOP_AT) to prove that a kill at any moment is safe:
//   1. the --out target is checked (exists without --force, a symlink: refused, nothing booked)
//   'gecontroleerd'
//   2. the booking and the file's bytes are stored in one transaction         'geboekt' (before commit)
//   3. commit                                                                  'vastgelegd'
//   4. the file is written under a temporary name and renamed                  'geschreven'
// So no file exists under its final name before its booking is committed; a kill before the commit
// leaves nothing, after it a booking whose file `sepa bestand` writes.
import { byFolder, checkTarget, checkWritable, removeStaleTemporaries, writeFileSafely } from '../../files/write.js';
import { Refused } from '../../errors.js';
import { interruptNote } from '../../files/interrupt.js';
import { markWritten } from '../../db/repo/bankbestand.js';
import { unwrittenBankFiles } from '../bank-files.js';
import { nietGeschrevenMelding } from '../../domain/sepa.js';
import type { BaseDeps, Deps } from '../deps.js';

export type StopStage = 'gecontroleerd' | 'geboekt' | 'vastgelegd' | 'geschreven';

export function stage(deps: BaseDeps, at: StopStage): void {
  deps.stop?.(at);
}

/**
 * Step 1: refuse the target before anything is booked: a file in the way, and a folder that cannot
 * be written (read-only, missing rights, not a folder), which booked the money and then failed.
 */
export function checkBankFileTarget(deps: BaseDeps, file: string, force: boolean): void {
  checkTarget(file, { force });
  checkWritable(file);
  // Also when there turns out to be nothing to book: a killed run's partial file holds IBANs.
  for (const [folder, names] of byFolder([file])) removeStaleTemporaries(folder, names);
  stage(deps, 'gecontroleerd');
}

/**
 * Step 4, after the commit: a failure here leaves the booking, and says how to get the file. Once
 * the file is complete on disk that is recorded; until then every SEPA and payout command names it.
 */
export async function writeBookedFile(deps: Deps, berichtId: string, file: string, inhoud: Uint8Array, force: boolean): Promise<void> {
  // A Ctrl-C from here on (on PostgreSQL the mark 'written' waits on the server) leaves a booking:
  // it says so, and how to get the file, instead of 'er is niets opgeslagen'.
  const release = interruptNote(
    `Afgebroken na de boeking: ${berichtId} is geboekt en blijft geboekt. Controleer ${file}, of schrijf het bestand opnieuw met 'gob sepa bestand ${berichtId} --out ${file}'.`,
  );
  stage(deps, 'vastgelegd');
  try {
    writeFileSafely(file, inhoud, { force });
    await markWritten(deps.db, berichtId, deps.now);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Refused(
      `De boeking is gemaakt onder ${berichtId}, maar het bestand ${file} is niet geschreven: ${reason} Schrijf het bestand opnieuw met 'gob sepa bestand ${berichtId} --out ${file}'.`,
    );
  } finally {
    release();
  }
  stage(deps, 'geschreven');
}

/** Name every booked bank file that was never written (see writeBookedFile). */
export async function warnUnwritten(deps: Deps): Promise<string[]> {
  const meldingen = (await unwrittenBankFiles(deps)).map(nietGeschrevenMelding);
  for (const melding of meldingen) deps.out.warn(melding);
  return meldingen;
}
