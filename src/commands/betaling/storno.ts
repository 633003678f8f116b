import { formatEuro } from '../../domain/money.js';
import { parseCode, parseDate } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { insertBetaling, insertToewijzingen } from '../../db/repo/kas.js';
import { writeLog } from '../../db/repo/log.js';
import { NotFound, Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { missingOptions, parseOption } from '../options.js';

/**
 * `gob betaling storno --factuur <nummer> --datum <datum>`: the payment of an invoice came back (an
 * incasso reversed by the ouder's bank); the invoice is open again. Care lines already paid out
 * stay paid out: the bureau advanced that money and collects it from the ouder again.
 */
export async function betalingStorno(opts: { factuur?: string; datum?: string }, deps: Deps) {
  missingOptions(opts, ['factuur', 'datum']);
  const factuur = parseOption('factuur', opts.factuur!, parseCode);
  const datum = parseOption('datum', opts.datum!, parseDate);
  return inTransaction(deps.db, async (trx) => {
    const f = await trx.selectFrom('factuur').select(['nummer', 'ouder', 'totaal_cent']).where('nummer', '=', factuur).executeTakeFirst();
    if (!f) throw new NotFound(`Er is geen factuur met nummer ${factuur}. Zie 'gob factuur list'.`);
    const paid = await trx.selectFrom('toewijzing').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('bedrag_cent'), eb.lit(0)).as('som')).where('factuur', '=', factuur).executeTakeFirstOrThrow();
    const bedrag = Number(paid.som);
    if (bedrag <= 0) throw new Refused(`Op factuur ${factuur} is niets betaald; er is niets terug te boeken.`);
    const id = await insertBetaling(trx, { ouder: f.ouder, datum, bedragCent: -bedrag, soort: 'storno', omschrijving: `storno ${factuur}` });
    await insertToewijzingen(trx, id, [{ factuur, bedragCent: -bedrag }]);
    await writeLog(trx, deps, `storno ${factuur}: ${formatEuro(bedrag)} teruggeboekt op ${datum}`);
    deps.out.line(`Storno geboekt: ${formatEuro(bedrag)} van factuur ${factuur} is teruggeboekt; de factuur staat weer open.`);
    return { id, factuur, ouder: f.ouder, datum, bedragCent: -bedrag };
  });
}
