import { stornoToewijzingen, teStorneren } from '../../domain/kas.js';
import { formatEuro } from '../../domain/money.js';
import { parseCode, parseDate } from '../../domain/values.js';
import { factuurOuder } from '../../db/repo/factuur.js';
import { insertBetaling, insertToewijzingen, openPosts, stornoKandidaten, stornoPosten } from '../../db/repo/kas.js';
import { writeLog } from '../../db/repo/log.js';
import { NotFound, Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { missingOptions, notAfterToday, parseOption } from '../options.js';
import { settle } from '../../kas/ledger.js';
import { inTransactionSaying } from '../say-after-commit.js';

/**
 * `gob betaling storno --factuur <nummer> --datum <datum>`: the payment of an invoice came back (an
 * incasso reversed by the ouder's bank). What the bank returns is one payment, whole: the latest
 * payment on this invoice not reversed yet. Its every allocation is undone, so the invoices it
 * paid are open again and a credit it set off is open again; other payments on the invoice stay.
 * Money the ouder still has with the bureau (an overpayment) is then applied to what reopened.
 * Care lines already paid out stay paid out: the bureau advanced that money and collects it again.
 */
export async function betalingStorno(opts: { factuur?: string; datum?: string }, deps: Deps) {
  missingOptions(opts, ['factuur', 'datum']);
  const factuur = parseOption('factuur', opts.factuur!, parseCode);
  const datum = notAfterToday(
    'datum',
    parseOption('datum', opts.datum!, parseDate),
    deps.today,
    'boek een terugboeking op de dag dat de bank het geld teruggaf',
  );
  return inTransactionSaying(deps, async (trx, deps) => {
    const f = await factuurOuder(trx, factuur);
    if (!f) throw new NotFound(`Er is geen factuur met nummer ${factuur}. Zie 'gob factuur list'.`);
    const betaling = teStorneren(await stornoKandidaten(trx, factuur));
    const nietsBetaald = new Refused(`Op factuur ${factuur} is niets betaald dat nog teruggeboekt kan worden.`);
    if (!betaling) throw nietsBetaald;
    const allocations = stornoToewijzingen(factuur, await stornoPosten(trx, betaling.id));
    if (!allocations) throw nietsBetaald;
    if (datum < betaling.datum) {
      throw new Refused(
        `--datum ${datum} ligt vóór de ${betaling.soort} van ${betaling.datum} die teruggeboekt wordt; een storno komt erna.`,
      );
    }
    const id = await insertBetaling(trx, {
      ouder: f.ouder,
      datum,
      bedragCent: -betaling.bedragCent,
      soort: 'storno',
      stornoVan: betaling.id,
      omschrijving: `storno ${betaling.soort} ${betaling.id} (${factuur})`,
    });
    await insertToewijzingen(trx, id, allocations, datum);
    const { verrekening } = await settle(trx, f.ouder, (await openPosts(trx, f.ouder)).get(f.ouder) ?? [], datum);
    const heropend = allocations.map((a) => a.factuur);
    await writeLog(
      trx,
      deps,
      `storno van ${betaling.soort} ${betaling.id} (${formatEuro(betaling.bedragCent)}) op ${datum}; weer open: ${heropend.join(', ')}${verrekening ? `; verrekend met creditfactuur: ${formatEuro(verrekening.bedragCent)}` : ''}`,
    );
    deps.out.line(
      `Storno geboekt: de ${betaling.soort} van ${betaling.datum} (${formatEuro(betaling.bedragCent)}) is teruggeboekt. Weer open: ${heropend.join(', ')}.`,
    );
    return { id, stornoVan: betaling.id, factuur, ouder: f.ouder, datum, bedragCent: -betaling.bedragCent, toewijzingen: allocations };
  });
}
