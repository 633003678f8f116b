import { opsomming } from '../../domain/registry.js';
import { parseCode, parseDate } from '../../domain/values.js';
import { writeLog } from '../../db/repo/log.js';
import { endGastouder, getGastouder, koppelingenStartingAfter } from '../../db/repo/register.js';
import { gastouderUrenNa } from '../../db/repo/urenkaart.js';
import { NotFound, Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOption, requireOption } from '../options.js';
import { inTransactionSaying } from '../say-after-commit.js';

/**
 * `gob gastouder end <code> --eind <datum>`: her last day with the bureau. Her koppelingen that run
 * longer end on the same day, since no child can be cared for by a gastouder who has left.
 */
export async function gastouderEnd(opts: { code: string; eind?: string }, deps: Deps) {
  const code = parseOption('code', opts.code, parseCode);
  const eind = await requireOption('eind', opts.eind, parseDate, deps, 'Laatste dag van de gastouder (datum):');
  return inTransactionSaying(deps, async (trx, deps) => {
    const gastouder = await getGastouder(trx, code);
    if (!gastouder) throw new NotFound(`Er is geen gastouder met code ${code}. Zie 'gob gastouder list'.`);
    const later = await koppelingenStartingAfter(trx, code, eind);
    if (later.length > 0) {
      throw new Refused(
        `Gastouder ${code} kan niet op ${eind} stoppen: er ${later.length === 1 ? 'begint een koppeling' : 'beginnen koppelingen'} na die datum. Pas die eerst aan.`,
        later.map((k) => `koppeling ${k.code} begint op ${k.start}`),
      );
    }
    // Care on her urenkaart after her last day belongs to no koppeling any more (each ends then
    // too): the urenkaart is corrected first, as for 'koppeling end'.
    const uren = await gastouderUrenNa(trx, code, eind);
    if (uren.length > 0) {
      throw new Refused(
        `Gastouder ${code} kan niet op ${eind} stoppen: haar urenkaart heeft daarna nog opvang. Corrigeer eerst de urenkaart (importeer haar opnieuw zonder die dagen, na facturering met --te-laat), of kies als laatste dag ${uren
          .flatMap((k) => k.datums)
          .sort()
          .at(-1)} of later. Er is niets opgeslagen.`,
        uren.map((k) => `koppeling ${k.koppeling}: opvang op ${opsomming(k.datums)}`),
      );
    }
    const koppelingen = await endGastouder(trx, code, eind);
    await writeLog(
      trx,
      deps,
      `gastouder ${code} beëindigd per ${eind}${koppelingen.length ? `; koppelingen beëindigd: ${koppelingen.join(', ')}` : ''}`,
    );
    deps.out.line(`Gastouder ${code} (${gastouder.naam}) stopt op ${eind}.`);
    if (koppelingen.length > 0) deps.out.line(`Ook beëindigd per ${eind}: ${koppelingen.join(', ')}.`);
    return { code, eind, koppelingen };
  });
}
