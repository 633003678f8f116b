import { aantal } from '../../domain/tekst.js';
import path from 'node:path';
import { allocatePayment } from '../../domain/kas.js';
import { formatEuro } from '../../domain/money.js';
import {
  type IncassoFormaat,
  type Incasso,
  incassoOmschrijving,
  incassoXml,
  isSepaMandaat,
  MANDAAT_TOEGESTAAN,
} from '../../domain/sepa.js';
import { addMonths } from '../../domain/calendar.js';
import { target2OpOfNa, target2Sluiting, volgendeTarget2Dag } from '../../domain/target2.js';
import { isSepaIban, parseDate } from '../../domain/values.js';
import { ValueError, Refused, UsageError } from '../../errors.js';
import { inTransaction } from '../../db/open.js';
import { storeBankbestand } from '../../db/repo/bankbestand.js';
import { getBureau } from '../../db/repo/bureau.js';
import { reserveNumbers } from '../../db/repo/factuur.js';
import { insertBetaling, insertToewijzingen, openPosts, usedMandates } from '../../db/repo/kas.js';
import { ouderMandaten } from '../../db/repo/register.js';
import { writeLog } from '../../db/repo/log.js';
import type { Deps } from '../deps.js';
import { missingOptions, parseOption, parseOptional } from '../options.js';
import { settle, type Verrekening, verrekeningJson, verrekeningTekst } from '../../kas/ledger.js';
import { checkBankFileTarget, stage, warnUnwritten, writeBookedFile } from './write.js';
import { formatNummer } from '../../domain/nummers.js';

/** An ouder whose credits covered her open invoices: settled without collecting. */
type IncassoVerrekening = Verrekening & { ouder: string; naam: string };

const FORMATEN = ['pain.008.001.08', 'pain.008.001.02'] as const;

function parseFormaat<T extends string>(formaten: readonly T[]) {
  return (raw: string): T => {
    if (!(formaten as readonly string[]).includes(raw)) throw new ValueError(raw, formaten.join(' of '));
    return raw as T;
  };
}

export { parseFormaat };

export const TARGET2_REGEL = 'maandag tot en met vrijdag, behalve 1 januari, Goede Vrijdag, Tweede Paasdag, 1 mei, 25 en 26 december';

/**
 * A collection date is a TARGET2 day, and at least the next TARGET2 day after today (a bank needs
 * the file before the day). Out of bounds is a malformed option value (exit 2), with the next
 * date that would be accepted.
 */
export function checkIncassodatum(datum: string, today: string): void {
  const eerste = volgendeTarget2Dag(today);
  const sluiting = target2Sluiting(datum);
  if (sluiting) {
    const volgende = target2OpOfNa(datum < eerste ? eerste : datum);
    throw new UsageError(
      `--incassodatum: ${datum} is ${sluiting}, geen TARGET2-dag (${TARGET2_REGEL}). De eerstvolgende mogelijke incassodatum is ${volgende}.`,
    );
  }
  if (datum < eerste) {
    throw new UsageError(
      `--incassodatum: ${datum} is te vroeg; een incasso kan op zijn vroegst op de eerste TARGET2-dag na vandaag (${today}): ${eerste}.`,
    );
  }
  withinAYear('incassodatum', datum, today);
}

/**
 * A bank file is for the coming weeks. A date more than a year ahead is a typo (2062 for 2026),
 * and it is not harmless: the invoices count as paid on that date, and a payout waits for it.
 */
export function withinAYear(option: string, datum: string, today: string): void {
  const grens = addMonths(today, 12);
  if (datum > grens) {
    throw new UsageError(
      `--${option}: ${datum} ligt meer dan een jaar na vandaag (${today}); een bankbestand is voor de komende weken. Kies een datum tot en met ${grens}.`,
    );
  }
}

/**
 * `gob sepa incasso --incassodatum <datum> --out <file.xml> [--formaat] [--force]`: collect the open
 * balance of every ouder with an IBAN and a mandate signed on or before the collection date
 * (credit invoices set off). The invoices it collects count as paid on the incasso date. An ouder
 * whose open credits cover all her open invoices (a net of zero or less) is not collected from: her
 * invoices are settled against the credits on the incasso date (kas/ledger.ts `settle`), what is
 * left of the credit stays open for later invoices, and the output names each such ouder. The
 * file is stored with the booking, then written (see write.ts).
 */
export async function sepaIncasso(opts: { incassodatum?: string; out?: string; formaat?: string; force?: boolean }, deps: Deps) {
  missingOptions(opts, ['incassodatum', 'out']);
  const incassodatum = parseOption('incassodatum', opts.incassodatum!, parseDate);
  const formaat: IncassoFormaat = parseOptional('formaat', opts.formaat, parseFormaat(FORMATEN)) ?? 'pain.008.001.08';
  checkIncassodatum(incassodatum, deps.today);
  const out = opts.out!;
  const force = Boolean(opts.force);
  checkBankFileTarget(deps, out, force);
  // A collection booked earlier whose file never reached the disk: the bank must still get it.
  const nietGeschreven = await warnUnwritten(deps);
  // The warnings are the callback's result: on PostgreSQL a retryable failure runs it again after a
  // rollback, and an earlier attempt's would be said twice.
  const result = await inTransaction(deps.db, async (trx) => {
    const waarschuwingen: string[] = [];
    const bureau = await getBureau(trx);
    const missing = (['naam', 'iban', 'incassant_id'] as const).filter((f) => !bureau[f]);
    if (missing.length > 0) {
      throw new Refused(
        `Voor een incasso heeft het bureau nodig: ${missing.map((m) => m.replace('_', '-')).join(', ')}. Vul aan met 'gob bureau set'. Er is niets geïncasseerd.`,
      );
    }
    const ouders = await ouderMandaten(trx);
    const posts = await openPosts(trx);
    const eerdere = new Set(await usedMandates(trx));
    const jaar = Number(incassodatum.slice(0, 4));
    // The message number is taken only when there is something to collect: no gaps for empty runs.
    let bericht = '';
    const berichtId = async () => {
      if (!bericht) bericht = formatNummer('sepa-incasso', jaar, await reserveNumbers(trx, 'sepa-incasso', jaar, 1));
      return bericht;
    };
    const ongeldig: string[] = [];
    const incasso: (Incasso & { ouder: string })[] = [];
    const verrekeningen: IncassoVerrekening[] = [];
    for (const o of ouders) {
      let open = posts.get(o.code) ?? [];
      // Only credits open: nothing to settle them against yet, they wait for her next invoice.
      if (!open.some((p) => p.openCent > 0)) continue;
      // Set-off moves no money, so it needs no IBAN or mandate: an ouder whose credits cover her
      // open invoices owes nothing, and her invoices are settled now, on the incasso date, like
      // the invoices of everyone who is collected from (else they stay open for good).
      const settled = await settle(trx, o.code, open, incassodatum);
      open = settled.open;
      if (settled.verrekening) {
        verrekeningen.push({ ouder: o.code, naam: o.naam, ...settled.verrekening });
        await writeLog(trx, deps, `verrekening ${o.code} op ${incassodatum}: ${verrekeningTekst(settled.verrekening)}`);
      }
      const saldo = open.reduce((s, p) => s + p.openCent, 0);
      if (saldo <= 0) continue;
      if (!o.iban || !o.mandaat || !o.mandaat_datum) {
        waarschuwingen.push(
          `ouder ${o.code} (${o.naam}) heeft ${formatEuro(saldo)} open maar geen ${!o.iban ? 'IBAN' : 'machtiging (mandaat en mandaat-datum)'}; niet geïncasseerd`,
        );
        continue;
      }
      if (!isSepaIban(o.iban)) {
        waarschuwingen.push(
          `ouder ${o.code} (${o.naam}) heeft een IBAN van buiten het SEPA-gebied (${o.iban.slice(0, 2)}), waarvan niet geïncasseerd kan worden; ${formatEuro(saldo)} niet geïncasseerd`,
        );
        continue;
      }
      // A mandate signed after the collection date does not cover it: nothing is collected from her.
      if (o.mandaat_datum > incassodatum) {
        waarschuwingen.push(
          `ouder ${o.code} (${o.naam}) heeft de machtiging getekend op ${o.mandaat_datum}, na de incassodatum ${incassodatum}; ${formatEuro(saldo)} niet geïncasseerd`,
        );
        continue;
      }
      // Only an ouder who is collected from can stop the collection with a mandate id it cannot carry.
      if (!isSepaMandaat(o.mandaat)) {
        ongeldig.push(`ouder ${o.code} (${o.naam}): mandaat ${JSON.stringify(o.mandaat)}`);
        continue;
      }
      const { allocations } = allocatePayment(saldo, open);
      const id = await insertBetaling(trx, {
        ouder: o.code,
        datum: incassodatum,
        bedragCent: saldo,
        soort: 'incasso',
        mandaat: o.mandaat,
        sepaBericht: await berichtId(),
      });
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
        omschrijving: incassoOmschrijving(bureau.naam!, betaald, verrekend),
        volgorde: eerdere.has(o.mandaat) ? 'RCUR' : 'FRST',
      });
    }
    // The same id for two ouders (a database from before add and edit refused it) would collect the
    // second under the first one's mandate.
    const houders = new Map<string, string[]>();
    for (const o of ouders) if (o.mandaat) houders.set(o.mandaat, [...(houders.get(o.mandaat) ?? []), o.code]);
    for (const i of incasso) {
      const samen = houders.get(i.mandaat)!;
      if (samen.length > 1)
        ongeldig.push(
          `ouder ${i.ouder} (${i.naam}): mandaat ${JSON.stringify(i.mandaat)}, ook van ${samen.filter((c) => c !== i.ouder).join(', ')}`,
        );
    }
    if (ongeldig.length > 0) {
      // The bank matches the id with the signed mandate: a changed id would be refused or worse.
      throw new Refused(
        `Een mandaat-id gaat ongewijzigd in het incassobestand, en hoort bij één ouder; dat kan niet voor: ${ongeldig.join('; ')}. Toegestaan: ${MANDAAT_TOEGESTAAN}, voor elke ouder een eigen id. Pas het aan met 'gob ouder edit <code> --mandaat …'. Er is niets geïncasseerd.`,
      );
    }
    if (incasso.length === 0) return { bericht: null, incasso, inhoud: null, verrekend: verrekeningen, waarschuwingen };
    const inhoud = Buffer.from(
      incassoXml({
        formaat,
        berichtId: bericht,
        aangemaakt: deps.now.slice(0, 19),
        incassodatum,
        bureau: { naam: bureau.naam!, iban: bureau.iban!, bic: bureau.bic, incassantId: bureau.incassant_id! },
        incasso,
      }),
      'utf8',
    );
    const totaal = incasso.reduce((s, i) => s + i.bedragCent, 0);
    await storeBankbestand(trx, {
      bericht_id: bericht,
      soort: 'incasso',
      datum: incassodatum,
      formaat,
      aantal: incasso.length,
      totaal_cent: totaal,
      bestand: path.resolve(out),
      inhoud,
      aangemaakt: deps.now,
    });
    await writeLog(
      trx,
      deps,
      `SEPA-incasso ${bericht} op ${incassodatum}: ${aantal(incasso.length, 'ouder', 'ouders')}, ${formatEuro(totaal)}, ${out}`,
    );
    stage(deps, 'geboekt');
    return { bericht, incasso, inhoud, verrekend: verrekeningen, waarschuwingen };
  });
  for (const v of result.verrekend) deps.out.line(`${v.ouder} (${v.naam}): ${verrekeningTekst(v, ', niet geïncasseerd')}.`);
  for (const w of result.waarschuwingen) deps.out.warn(`Let op: ${w}.`);
  if (result.bericht !== null) await writeBookedFile(deps, result.bericht, out, result.inhoud, force);
  const total = result.incasso.reduce((s, i) => s + i.bedragCent, 0);
  if (result.bericht === null)
    deps.out.line('Er is niets te incasseren: geen ouder met machtiging heeft een open saldo. Er is geen bestand geschreven.');
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
    deps.out.line(
      `Incassobestand ${out} (${formaat}, ${result.bericht}): ${aantal(result.incasso.length, 'incasso', "incasso's")}, samen ${formatEuro(total)}, op ${incassodatum}.`,
    );
  }
  return {
    bestand: result.bericht ? out : null,
    berichtId: result.bericht,
    formaat,
    incassodatum,
    aantal: result.incasso.length,
    totaalCent: total,
    incasso: result.incasso,
    verrekend: result.verrekend.map(verrekeningJson),
    waarschuwingen: result.waarschuwingen,
    nietGeschreven,
  };
}
