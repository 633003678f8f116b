import { allocate } from '../../domain/kas.js';
import { formatEuro } from '../../domain/money.js';
import { type IncassoFormaat, incassoXml, type Incasso } from '../../domain/sepa.js';
import { parseDate } from '../../domain/values.js';
import { ValueError, Refused } from '../../errors.js';
import { inTransaction } from '../../db/open.js';
import { getBureau } from '../../db/repo/bureau.js';
import { reserveNumbers } from '../../db/repo/factuur.js';
import { insertBetaling, insertToewijzingen, openPosts } from '../../db/repo/kas.js';
import { writeLog } from '../../db/repo/log.js';
import type { Deps } from '../deps.js';
import { missingOptions, parseOption, parseOptional } from '../options.js';
import { settleRemainders } from '../betaling/ledger.js';
import { withBankFile } from './write.js';

const FORMATEN = ['pain.008.001.08', 'pain.008.001.02'] as const;

function parseFormaat<T extends string>(formaten: readonly T[]) {
  return (raw: string): T => {
    if (!(formaten as readonly string[]).includes(raw)) throw new ValueError(raw, formaten.join(' of '));
    return raw as T;
  };
}

export { parseFormaat };

/**
 * `gob sepa incasso --incassodatum <datum> --out <file.xml> [--formaat]`: collect the open
 * balance of every ouder with an IBAN and a mandate (credit invoices set off; nothing for a balance
 * of zero or less). The invoices it collects count as paid on the incasso date.
 */
export async function sepaIncasso(opts: { incassodatum?: string; out?: string; formaat?: string }, deps: Deps) {
  missingOptions(opts, ['incassodatum', 'out']);
  const incassodatum = parseOption('incassodatum', opts.incassodatum!, parseDate);
  const formaat: IncassoFormaat = parseOptional('formaat', opts.formaat, parseFormaat(FORMATEN)) ?? 'pain.008.001.08';
  const waarschuwingen: string[] = [];
  const result = await withBankFile((write) => inTransaction(deps.db, async (trx) => {
    const bureau = await getBureau(trx);
    const missing = (['naam', 'iban', 'incassant_id'] as const).filter((f) => !bureau[f]);
    if (missing.length > 0) {
      throw new Refused(`Voor een incasso heeft het bureau nodig: ${missing.map((m) => m.replace('_', '-')).join(', ')}. Vul aan met 'gob bureau set'. Er is niets geïncasseerd.`);
    }
    const ouders = await trx.selectFrom('ouder').select(['code', 'naam', 'iban', 'mandaat', 'mandaat_datum']).orderBy('code').execute();
    const posts = await openPosts(trx);
    const eerdere = new Set((await trx.selectFrom('betaling').select('mandaat').where('soort', '=', 'incasso').where('mandaat', 'is not', null).execute()).map((b) => b.mandaat));
    const jaar = Number(incassodatum.slice(0, 4));
    // The message number is taken only when there is something to collect: no gaps for empty runs.
    let bericht = '';
    const berichtId = async () => {
      if (!bericht) bericht = `GOB-INC-${jaar}-${String(await reserveNumbers(trx, 'sepa', jaar, 1)).padStart(5, '0')}`;
      return bericht;
    };
    const incasso: (Incasso & { ouder: string })[] = [];
    for (const o of ouders) {
      let open = posts.get(o.code) ?? [];
      if (open.length === 0) continue;
      if (!o.iban || !o.mandaat || !o.mandaat_datum) {
        const saldo = open.reduce((s, p) => s + p.openCent, 0);
        if (saldo > 0) waarschuwingen.push(`ouder ${o.code} (${o.naam}) heeft ${formatEuro(saldo)} open maar geen ${!o.iban ? 'IBAN' : 'machtiging (mandaat en mandaat-datum)'}; niet geïncasseerd`);
        continue;
      }
      open = await settleRemainders(trx, o.code, open, incassodatum);
      const saldo = open.reduce((s, p) => s + p.openCent, 0);
      if (saldo <= 0) continue;
      const { allocations } = allocate(saldo, open);
      const id = await insertBetaling(trx, { ouder: o.code, datum: incassodatum, bedragCent: saldo, soort: 'incasso', mandaat: o.mandaat, sepaBericht: await berichtId() });
      await insertToewijzingen(trx, id, allocations, incassodatum);
      const betaald = allocations.filter((a) => a.bedragCent > 0).map((a) => a.factuur);
      const verrekend = allocations.filter((a) => a.bedragCent < 0).map((a) => a.factuur);
      incasso.push({
        ouder: o.code,
        endToEndId: `${bericht.slice(4)}-${o.code}`,
        bedragCent: saldo,
        naam: o.naam,
        iban: o.iban,
        mandaat: o.mandaat,
        mandaatDatum: o.mandaat_datum,
        omschrijving: `${bureau.naam} facturen ${betaald.join(' ')}${verrekend.length ? ` verrekend ${verrekend.join(' ')}` : ''}`,
        volgorde: eerdere.has(o.mandaat) ? 'RCUR' : 'FRST',
      });
    }
    if (incasso.length === 0) return { bericht: null, incasso };
    const xml = incassoXml({
      formaat,
      berichtId: bericht,
      aangemaakt: deps.now.slice(0, 19),
      incassodatum,
      bureau: { naam: bureau.naam!, iban: bureau.iban!, bic: bureau.bic, incassantId: bureau.incassant_id! },
      incasso,
    });
    await writeLog(trx, deps, `SEPA-incasso ${bericht} op ${incassodatum}: ${incasso.length} ouders, ${formatEuro(incasso.reduce((s, i) => s + i.bedragCent, 0))}, ${opts.out}`);
    write(opts.out!, xml); // last: see withBankFile
    return { bericht, incasso };
  }));
  for (const w of waarschuwingen) deps.out.warn(`Let op: ${w}.`);
  const total = result.incasso.reduce((s, i) => s + i.bedragCent, 0);
  if (result.bericht === null) deps.out.line('Er is niets te incasseren: geen ouder met machtiging heeft een open saldo.');
  else {
    deps.out.table(
      [
        { key: 'ouder', title: 'ouder' },
        { key: 'volgorde', title: 'soort' },
        { key: 'bedrag', title: 'bedrag', align: 'right' },
        { key: 'omschrijving', title: 'omschrijving' },
      ],
      result.incasso.map((i) => ({ ouder: i.ouder, volgorde: i.volgorde, bedrag: formatEuro(i.bedragCent), omschrijving: i.omschrijving })),
    );
    deps.out.line(`Incassobestand ${opts.out} (${formaat}): ${result.incasso.length} incasso's, samen ${formatEuro(total)}, op ${incassodatum}.`);
  }
  return { bestand: result.bericht ? opts.out : null, bericht: result.bericht, formaat, incassodatum, aantal: result.incasso.length, totaalCent: total, incasso: result.incasso, waarschuwingen };
}
