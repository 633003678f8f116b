import { formatEuro } from '../../domain/money.js';
import { parseCode, parseDate } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { insertBetaling, insertToewijzingen, openPosts } from '../../db/repo/kas.js';
import { writeLog } from '../../db/repo/log.js';
import { NotFound, Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { missingOptions, notAfterToday, parseOption } from '../options.js';
import { settleRemainders } from '../../kas/ledger.js';

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
  const datum = notAfterToday('datum', parseOption('datum', opts.datum!, parseDate), deps.today, 'boek een terugboeking op de dag dat de bank het geld teruggaf');
  return inTransaction(deps.db, async (trx) => {
    const f = await trx.selectFrom('factuur').select(['nummer', 'ouder']).where('nummer', '=', factuur).executeTakeFirst();
    if (!f) throw new NotFound(`Er is geen factuur met nummer ${factuur}. Zie 'gob factuur list'.`);
    const betaling = await trx
      .selectFrom('betaling as b')
      .innerJoin('toewijzing as t', 't.betaling', 'b.id')
      .select(['b.id', 'b.datum', 'b.soort', 'b.bedrag_cent'])
      .where('t.factuur', '=', factuur)
      .where('b.soort', '!=', 'storno')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('betaling as s').select('s.id').whereRef('s.storno_van', '=', 'b.id'))))
      .groupBy('b.id')
      .having((eb) => eb.fn.sum<number>('t.bedrag_cent'), '>', 0)
      .orderBy('b.datum', 'desc')
      .orderBy('b.id', 'desc')
      .executeTakeFirst();
    const nietsBetaald = new Refused(`Op factuur ${factuur} is niets betaald dat nog teruggeboekt kan worden.`);
    if (!betaling) throw nietsBetaald;
    // What the payment allocated per invoice, and what is allocated there now (all payments).
    const undo = await trx
      .selectFrom('toewijzing as t')
      .select((eb) => [
        't.factuur',
        eb.fn.sum<number>('t.bedrag_cent').as('som'),
        eb.selectFrom('toewijzing as n').select((n) => n.fn.sum<number>('n.bedrag_cent').as('netto')).whereRef('n.factuur', '=', 't.factuur').as('netto'),
      ])
      .where('t.betaling', '=', betaling.id)
      .groupBy('t.factuur')
      .orderBy('t.factuur')
      .execute();
    // Stornos booked before gob 0.2 reversed whole invoices without naming a payment: one of
    // them may already have taken this money back.
    if (Number(undo.find((u) => u.factuur === factuur)?.netto ?? 0) <= 0) throw nietsBetaald;
    if (datum < betaling.datum) {
      throw new Refused(`--datum ${datum} ligt vóór de ${betaling.soort} van ${betaling.datum} die teruggeboekt wordt; een storno komt erna.`);
    }
    // Undo what the payment still holds on each invoice: never more than is allocated there now.
    const allocations = undo
      .map((u) => {
        const som = Number(u.som);
        const rest = Number(u.netto ?? 0);
        return { factuur: u.factuur, bedragCent: -(som > 0 ? Math.min(som, Math.max(rest, 0)) : Math.max(som, Math.min(rest, 0))) };
      })
      .filter((a) => a.bedragCent !== 0);
    const id = await insertBetaling(trx, {
      ouder: f.ouder,
      datum,
      bedragCent: -betaling.bedrag_cent,
      soort: 'storno',
      stornoVan: betaling.id,
      omschrijving: `storno ${betaling.soort} ${betaling.id} (${factuur})`,
    });
    await insertToewijzingen(trx, id, allocations, datum);
    await settleRemainders(trx, f.ouder, (await openPosts(trx, f.ouder)).get(f.ouder) ?? [], datum);
    const heropend = allocations.map((a) => a.factuur);
    await writeLog(trx, deps, `storno van ${betaling.soort} ${betaling.id} (${formatEuro(betaling.bedrag_cent)}) op ${datum}; weer open: ${heropend.join(', ')}`);
    deps.out.line(
      `Storno geboekt: de ${betaling.soort} van ${betaling.datum} (${formatEuro(betaling.bedrag_cent)}) is teruggeboekt. Weer open: ${heropend.join(', ')}.`,
    );
    return { id, stornoVan: betaling.id, factuur, ouder: f.ouder, datum, bedragCent: -betaling.bedrag_cent, toewijzingen: allocations };
  });
}
