import { getBankbestand, markWritten, unwrittenBankbestanden } from '../../db/repo/bankbestand.js';
import { writeLog } from '../../db/repo/log.js';
import { NotFound, Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { writtenAfterAll } from '../bank-files.js';
import { writeLoggedFile } from '../logged-file.js';
import { missingOptions } from '../options.js';

/**
 * `gob sepa bestand <berichtId> --out <file> [--force]`: write a stored bank file again, byte for
 * byte as it was booked. Books nothing: the file on disk is only a copy of what the database holds.
 * The copy holds the names and IBANs of everyone in it, so it is logged as every export of personal
 * data is, and it appears only once that line and the mark "written" are committed
 * (logged-file.ts): a database that cannot be written leaves no file. It is marked written only
 * after it has its name, so a booked file never loses its "not written" warning to a copy that
 * did not appear.
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
  // The very file of the booking already there (a kill came between its name and the mark
  // "written"): recorded as written, nothing to write, no second copy for the bank.
  const unwritten = (await unwrittenBankbestanden(deps.db)).some((b) => b.bericht_id === row.bericht_id);
  if (!opts.force && unwritten && (await writtenAfterAll(deps, row.bericht_id, opts.out!, row.inhoud))) {
    deps.out.line(
      `Bankbestand ${row.bericht_id} staat al volledig in ${opts.out} (gelijk aan de boeking); het is nu als geschreven vastgelegd.`,
    );
    return { berichtId: row.bericht_id, bestand: opts.out };
  }
  await writeLoggedFile(deps, opts.out!, { force: Boolean(opts.force) }, row.inhoud, async (trx) => {
    await writeLog(trx, deps, `bankbestand ${row.bericht_id} opnieuw geschreven naar ${opts.out}`);
  });
  // 'Written' only once the file has its name: marked before the rename, a rename that failed (or
  // a Ctrl-C in between) left a booking counted as written with no file, and its warning gone.
  await markWritten(deps.db, row.bericht_id, deps.now);
  deps.out.line(`Bankbestand ${row.bericht_id} (${row.soort}, ${row.datum}) opnieuw geschreven naar ${opts.out}.`);
  return { berichtId: row.bericht_id, bestand: opts.out };
}
