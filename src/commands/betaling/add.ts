import { allocatePayment } from '../../domain/kas.js';
import { formatEuro } from '../../domain/money.js';
import { parseAmount, parseCode, parseDate } from '../../domain/values.js';
import { insertBetaling, insertToewijzingen, openPosts } from '../../db/repo/kas.js';
import { factuurOuder } from '../../db/repo/factuur.js';
import { writeLog } from '../../db/repo/log.js';
import { codeExists } from '../../db/repo/register.js';
import { NotFound, Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { missingOptions, notAfterToday, parseOption, parseOptional } from '../options.js';
import { settle, verrekeningTekst } from '../../kas/ledger.js';
import { inTransactionSaying } from '../say-after-commit.js';

/**
 * `gob betaling add --ouder <code> --bedrag <bedrag> --datum <datum> [--factuur <nummer>]`: a
 * payment received from an ouder, allocated to that invoice first, then to the oldest open ones.
 * What is left stays with the ouder for her next invoices.
 */
export async function betalingAdd(opts: { ouder?: string; bedrag?: string; datum?: string; factuur?: string }, deps: Deps) {
  missingOptions(opts, ['ouder', 'bedrag', 'datum']);
  const ouder = parseOption('ouder', opts.ouder!, parseCode);
  const bedrag = parseOption('bedrag', opts.bedrag!, parseAmount);
  const datum = parseOption('datum', opts.datum!, parseDate);
  const factuur = parseOptional('factuur', opts.factuur, parseCode);
  // Money is booked when it has come in: a date ahead would make an invoice paid (and its payout
  // due) before the money exists. Out of bounds as an option value: exit 2.
  notAfterToday('datum', datum, deps.today, 'boek een betaling op of na de dag van ontvangst, niet vooruit');
  if (bedrag <= 0) throw new Refused(`--bedrag moet meer dan € 0,00 zijn; een terugboeking is 'gob betaling storno'.`);
  return inTransactionSaying(deps, async (trx, deps) => {
    if (!(await codeExists(trx, 'ouder', ouder))) {
      throw new NotFound(`Er is geen ouder met code ${ouder}. Zie 'gob ouder list'.`);
    }
    let open = (await openPosts(trx, ouder)).get(ouder) ?? [];
    if (factuur && !open.some((p) => p.factuur === factuur)) {
      const exists = await factuurOuder(trx, factuur);
      if (!exists) throw new NotFound(`Er is geen factuur met nummer ${factuur}.`);
      if (exists.ouder !== ouder) throw new Refused(`Factuur ${factuur} is van ouder ${exists.ouder}, niet van ${ouder}.`);
      throw new Refused(`Factuur ${factuur} is al betaald. Laat --factuur weg om de betaling aan andere open facturen toe te wijzen.`);
    }
    // Credits that already cover her open invoices are set off first (kas/ledger.ts `settle`, as
    // sepa incasso does): this payment then is money in advance for her next invoices.
    const { open: rest, verrekening } = await settle(trx, ouder, open, datum);
    open = rest;
    const { allocations, restCent } = allocatePayment(bedrag, open, factuur);
    const id = await insertBetaling(trx, { ouder, datum, bedragCent: bedrag, soort: 'betaling' });
    await insertToewijzingen(trx, id, allocations, datum);
    await writeLog(
      trx,
      deps,
      `${verrekening ? `verrekening ${ouder} op ${datum}: ${verrekeningTekst(verrekening)}; ` : ''}betaling ${id} van ${ouder}: ${formatEuro(bedrag)} op ${datum}${allocations.length ? `, voor ${allocations.map((a) => a.factuur).join(', ')}` : ''}`,
    );
    if (verrekening) deps.out.line(`${ouder}: ${verrekeningTekst(verrekening)}.`);
    deps.out.line(`Betaling van ${formatEuro(bedrag)} van ${ouder} op ${datum} geboekt.`);
    for (const a of allocations) deps.out.line(`  ${a.factuur}: ${formatEuro(a.bedragCent)}`);
    if (restCent > 0) deps.out.line(`  nog niet toegewezen (tegoed voor volgende facturen): ${formatEuro(restCent)}`);
    return {
      id,
      ouder,
      datum,
      bedragCent: bedrag,
      toewijzingen: allocations.map((a) => ({ factuur: a.factuur, bedragCent: a.bedragCent })),
      tegoedCent: restCent,
    };
  });
}
