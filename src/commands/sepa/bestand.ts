import { getBankbestand, markWritten } from '../../db/repo/bankbestand.js';
import { NotFound, Refused } from '../../errors.js';
import { writeFileSafely } from '../../files/write.js';
import type { Deps } from '../deps.js';
import { missingOptions } from '../options.js';

/**
 * `gob sepa bestand <berichtId> --out <file> [--force]`: write a stored bank file again, byte for
 * byte as it was booked. Books nothing: the file on disk is only a copy of what the database holds.
 */
export async function sepaBestand(opts: { berichtId: string; out?: string; force?: boolean }, deps: Deps) {
  missingOptions(opts, ['out']);
  const row = await getBankbestand(deps.db, opts.berichtId);
  if (!row) throw new NotFound(`Er is geen bankbestand met bericht-id ${opts.berichtId}. Zie 'gob sepa list'.`);
  if (row.inhoud === null) {
    throw new Refused(
      `Bankbestand ${row.bericht_id} is gemaakt voordat gob bankbestanden bewaarde; de inhoud is niet bekend. Het werd geschreven naar ${row.bestand}.`,
    );
  }
  writeFileSafely(opts.out!, row.inhoud, { force: Boolean(opts.force) });
  await markWritten(deps.db, row.bericht_id, deps.now);
  deps.out.line(`Bankbestand ${row.bericht_id} (${row.soort}, ${row.datum}) opnieuw geschreven naar ${opts.out}.`);
  return { berichtId: row.bericht_id, bestand: opts.out };
}
