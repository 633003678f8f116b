import { addMonths } from '../../domain/calendar.js';
import { parseCode, parseDate } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import { endKoppeling, getKoppeling } from '../../db/repo/register.js';
import { NotFound, Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOption, parseOptional } from '../options.js';

/** The opzegtermijn of every overeenkomst: one calendar month. */
export const OPZEGTERMIJN_MAANDEN = 1;

/**
 * `gob koppeling end <code> [--eind <datum>] [--opzegdatum <datum>]`: without --eind the koppeling
 * ends one month after the notice date (today unless --opzegdatum).
 */
export async function koppelingEnd(opts: { code: string; eind?: string; opzegdatum?: string }, deps: Deps) {
  const code = parseOption('code', opts.code, parseCode);
  const opzegdatum = parseOptional('opzegdatum', opts.opzegdatum, parseDate) ?? deps.today;
  const eind = parseOptional('eind', opts.eind, parseDate) ?? addMonths(opzegdatum, OPZEGTERMIJN_MAANDEN);
  return inTransaction(deps.db, async (trx) => {
    const koppeling = await getKoppeling(trx, code);
    if (!koppeling) throw new NotFound(`Er is geen koppeling met code ${code}. Zie 'gob koppeling list'.`);
    if (eind < koppeling.start)
      throw new Refused(`Koppeling ${code} begint op ${koppeling.start}; de einddatum ${eind} mag daar niet vóór liggen.`);
    await endKoppeling(trx, code, eind, opzegdatum);
    await writeLog(trx, deps, `koppeling ${code} beëindigd per ${eind} (opgezegd op ${opzegdatum})`);
    deps.out.line(`Koppeling ${code} eindigt op ${eind} (opgezegd op ${opzegdatum}).`);
    return { code, eind, opzegdatum };
  });
}
