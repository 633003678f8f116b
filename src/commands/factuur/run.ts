import { type Bureaukosten, differenceRegels, perKind, type Factuurregel, targetRegels, totaal, type Uren } from '../../domain/billing.js';
import { parseSchaal } from '../../domain/bureaukosten.js';
import { addDays, type Datum, type Maand } from '../../domain/calendar.js';
import { formatEuro, formatUren } from '../../domain/money.js';
import { MAX_MINUTEN_PER_MAAND } from '../../domain/urenkaart.js';
import { parseDate, parseMonth } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { getBureau } from '../../db/repo/bureau.js';
import { openPosts, remainders } from '../../db/repo/kas.js';
import {
  billedMonth,
  freezeBureaukosten,
  freezeRates,
  frozenBureaukosten,
  insertFacturen,
  invoiceNames,
  latestFactuur,
  type MonthUren,
  monthUren,
  reserveNumbers,
} from '../../db/repo/factuur.js';
import { writeLog } from '../../db/repo/log.js';
import { ouderMandaten } from '../../db/repo/register.js';
import { toeslagMaximum } from '../../db/repo/toeslag.js';
import type { BureauRow } from '../../db/tables/bureau.js';
import type { MaandbureaukostenTable } from '../../db/tables/maandtarief.js';
import type { Db } from '../../db/open.js';
import { Refused, UsageError } from '../../errors.js';
import { requireBureau } from '../bureau-gegevens.js';
import type { Deps } from '../deps.js';
import { settle, settleRemainders, type Verrekening, verrekeningJson, verrekeningTekst } from '../../kas/ledger.js';
import { notAfterToday, parseOptional, requireOption } from '../options.js';
import { type FactuurGegevens, factuurJson } from '../../documents/factuur.js';
import { formatNummer } from '../../domain/nummers.js';
import { aantal } from '../../domain/tekst.js';
import { type Afwezigheid, afgesprokenMinuten } from '../../domain/afgesproken.js';
import { type MaandAfspraak, maandAfspraken } from '../../db/repo/afgesproken.js';
import { maandOpzeggingen } from '../../db/repo/opzegtermijn.js';
import { freezeRooster } from '../../db/repo/rooster.js';
import { opzegtermijnUren } from './opzegtermijn.js';
import { delingenVanMaand, type KoppelingDeling, samenvoegen, splitRegels } from '../../domain/coouders.js';
import { maandDelingen } from '../../db/repo/coouders.js';

/** The bureau's fee settings as they are now: what a month not invoiced yet is billed with (and then keeps). */
export function currentBureaukosten(bureau: BureauRow, maand: Maand): MaandbureaukostenTable {
  return {
    maand,
    model: bureau.bureaukosten_model,
    een_kind_cent: bureau.bureaukosten_een_kind_cent,
    meer_kinderen_cent: bureau.bureaukosten_meer_kinderen_cent,
    uur: bureau.bureaukosten_uur,
    afgesproken_uren: bureau.afgesproken_uren,
    afmeldtermijn: bureau.afmeldtermijn,
  };
}

export function bureaukosten(instellingen: MaandbureaukostenTable): Bureaukosten {
  if (instellingen.model === 'uur') {
    if (!instellingen.uur) {
      throw new Refused(
        "Het bureau rekent bureaukosten per uur, maar er is geen tarief. Stel het in met 'gob bureau set --bureaukosten-uur 1,60' (of een staffel).",
      );
    }
    return { model: 'uur', schaal: parseSchaal(instellingen.uur) };
  }
  return { model: 'maand', eenKindCent: instellingen.een_kind_cent, meerKinderenCent: instellingen.meer_kinderen_cent };
}

/**
 * Every care line names the LRK number it was given under (the toeslag and the btw exemption
 * depend on it): the gastouder's, or the koppeling's for care at the ouder's home. One missing
 * refuses the whole run, naming each.
 */
function requireLrk(uren: MonthUren[]): void {
  const missing = new Map<string, { wie: string; fix: string }>();
  for (const u of uren) {
    if (u.lrk) continue;
    if (u.opvanglocatie === 'ouder') {
      missing.set(`k ${u.koppeling}`, {
        wie: `koppeling ${u.koppeling} (kind ${u.kind} bij de ouder thuis, gastouder ${u.gastouder} ${u.gastouderNaam})`,
        fix: `gob koppeling edit ${u.koppeling} --lrk …`,
      });
    } else {
      missing.set(`g ${u.gastouder}`, {
        wie: `gastouder ${u.gastouder} (${u.gastouderNaam})`,
        fix: `gob gastouder edit ${u.gastouder} --lrk …`,
      });
    }
  }
  if (missing.size === 0) return;
  const list = [...missing].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, m]) => m);
  const wie = list.length === 1 ? list[0]!.wie : `${list.length} registraties (zie hieronder)`;
  throw new Refused(
    `Er is niets gefactureerd: elke opvangregel moet het LRK-nummer van de opvang noemen, en dat ontbreekt bij ${wie}. Opvang bij de ouder thuis heeft een eigen LRK-nummer op de koppeling. Vul het aan en factureer opnieuw.`,
    list.map((m) => `  ${m.wie}: '${m.fix}'`),
  );
}

/**
 * The agreed minutes not worked and not excused (CONTRACT §9), per koppeling, as care to price:
 * at the koppeling's rate for the month and under its LRK, like its urenkaart. Dates from the
 * invoice date on are not over yet and are not billed as agreed (a later run bills them).
 */
function afgesprokenUren(
  afspraken: MaandAfspraak[],
  gewerkt: Map<string, Map<string, number>>,
  afwezigheden: Afwezigheid[],
  maand: Maand,
  totEnMet: Datum,
  afmeldtermijn: number,
  waarschuwingen: string[],
): MonthUren[] {
  const per = new Map<string, Afwezigheid[]>();
  for (const a of afwezigheden) {
    const key = a.kind !== null ? `k ${a.kind}` : `g ${a.gastouder}`;
    per.set(key, [...(per.get(key) ?? []), a]);
  }
  const result: MonthUren[] = [];
  for (const a of afspraken) {
    const perDatum = gewerkt.get(`${a.kind}|${a.gastouder}`);
    const relevant = [...(per.get(`k ${a.kind}`) ?? []), ...(per.get(`g ${a.gastouder}`) ?? [])];
    const minuten = afgesprokenMinuten(a, maand, totEnMet, (d) => perDatum?.get(d) ?? 0, relevant, afmeldtermijn);
    if (minuten === 0) continue;
    // A missing urenkaart looks like a month of absence: say so, it is billed all the same (§9).
    if (!perDatum)
      waarschuwingen.push(
        `kind ${a.kind} bij gastouder ${a.gastouder} heeft geen urenkaart in ${maand}; de afgesproken uren (${formatUren(minuten)}) worden gefactureerd als 'afgesproken, niet afgemeld'. Komt de urenkaart nog, importeer haar dan en factureer opnieuw: de correctie crediteert ze`,
      );
    result.push({
      ouder: a.ouder,
      kind: a.kind,
      gastouder: a.gastouder,
      minuten,
      uurtariefCent: a.uurtariefCent,
      lrk: a.lrk,
      koppeling: a.koppeling,
      opvanglocatie: a.opvanglocatie,
      gastouderNaam: a.gastouderNaam,
    });
  }
  return result;
}

/** Two koppelingen of one kind × gastouder in the month that share differently: its lines cannot be split one way. */
function delingConflict(maand: Maand, conflicten: KoppelingDeling[][]): Refused {
  return new Refused(
    `Er is niets gefactureerd: in ${maand} heeft een kind bij één gastouder twee koppelingen met een verschillende verdeling over de ouders, en een factuurregel kan maar op één manier gedeeld worden. Geef de koppelingen van die maand dezelfde tweede-ouder en verdeling ('gob koppeling edit <code> --tweede-ouder … --verdeling …') en factureer opnieuw.`,
    conflicten.map(
      (list) =>
        `  kind ${list[0]!.kind} bij gastouder ${list[0]!.gastouder}: ${list.map((k) => `${k.koppeling} ${k.tweedeOuder === null ? 'niet gedeeld' : `${k.verdeling}% / ${k.tweedeOuder}`}`).join(', ')}`,
    ),
  );
}

/** An invoice must name the bureau with address, KvK and LRK, and say where to pay. */
export function requireBureauForInvoices(bureau: BureauRow): FactuurGegevens['bureau'] {
  const b = requireBureau(
    bureau,
    ['naam', 'adres', 'postcode', 'plaats', 'kvk', 'lrk', 'iban'],
    'Een factuur',
    'Er is niets gefactureerd.',
  );
  return { ...b, email: bureau.email, telefoon: bureau.telefoon };
}

/** The invoices a correction's lines correct, as the invoice's header names them. */
function gecorrigeerd(p: Planned): string {
  const op = [...new Set(p.regels.flatMap((r) => (r.correctieOp ? [r.correctieOp] : [])))].sort();
  return op.length === 0 ? p.correctieVan! : op.length === 1 ? op[0]! : `${op.length} facturen`;
}

interface Planned {
  nummer: string | null;
  ouder: string;
  regels: Factuurregel[];
  totaalCent: number;
  correctieVan: string | null;
  /** The month's lines before this invoice: for the per-child overview. */
  eerder: Factuurregel[];
}

/** Everything an invoice shows besides its lines, loaded once for the whole run. */
async function loadNames(db: Db) {
  const { ouders, kinderen, gastouders } = await invoiceNames(db);
  return {
    ouders: new Map(ouders.map((o) => [o.code, o])),
    kinderen: new Map(kinderen.map((k) => [k.code, { naam: k.naam, geboortedatum: k.geboortedatum }])),
    gastouders: new Map(gastouders.map((g) => [g.code, { naam: g.naam, lrk: g.lrk }])),
  };
}

function snapshot(
  names: Awaited<ReturnType<typeof loadNames>>,
  bureau: FactuurGegevens['bureau'],
  ouder: string,
  alles: Factuurregel[],
  toeslagMaximumCent: number | null,
): FactuurGegevens {
  const o = names.ouders.get(ouder)!;
  const kinderen: FactuurGegevens['kinderen'] = {};
  const gastouders: FactuurGegevens['gastouders'] = {};
  for (const r of alles) {
    if (r.kind && names.kinderen.has(r.kind)) kinderen[r.kind] = names.kinderen.get(r.kind)!;
    if (names.gastouders.has(r.gastouder)) gastouders[r.gastouder] = names.gastouders.get(r.gastouder)!;
  }
  return {
    bureau,
    ouder: { code: o.code, naam: o.naam, adres: o.adres, postcode: o.postcode, plaats: o.plaats },
    kinderen,
    gastouders,
    overzicht: perKind(alles),
    toeslagMaximumCent,
    incasso: Boolean(o.iban && o.mandaat),
  };
}

/**
 * `gob factuur run --maand <JJJJ-MM> [--datum] [--dry-run]`: one invoice per ouder for what the
 * month's urenkaarten give and earlier invoices of the month did not bill yet; a negative
 * difference is a credit invoice. Numbers are taken inside the transaction that stores them.
 */
export async function factuurRun(opts: { maand?: string; datum?: string; dryRun?: boolean }, deps: Deps) {
  const maand = await requireOption('maand', opts.maand, parseMonth, deps, 'Welke maand factureren (JJJJ-MM)?');
  const datum: Datum = notAfterToday(
    'datum',
    parseOptional('datum', opts.datum, parseDate) ?? deps.today,
    deps.today,
    'een factuur wordt gedateerd op de dag dat ze gemaakt wordt of eerder',
  );
  // An invoice bills the care of its month: dated before that month began it is a typo, and its
  // number takes the year of the date (--datum 1900-01-01 made invoices 1900-00001 and on).
  if (datum < `${maand}-01`) {
    throw new UsageError(
      opts.datum === undefined
        ? `--maand: ${maand} is nog niet begonnen (vandaag is ${datum}); een factuur wordt gedateerd in of na de maand die ze factureert.`
        : `--datum: ${datum} ligt vóór ${maand}, de maand die gefactureerd wordt; een factuur wordt gedateerd in of na die maand (het factuurnummer krijgt het jaar van de datum).`,
    );
  }
  const dryRun = Boolean(opts.dryRun);
  // An invoice as stored and as shown: the same row for both (gegevens only when stored).
  const factuurRow = (p: Planned, gegevens: string) => ({
    nummer: p.nummer as string,
    ouder: p.ouder,
    maand,
    datum,
    vervaldatum,
    correctie_van: p.correctieVan,
    totaal_cent: p.totaalCent,
    gegevens,
  });
  let vervaldatum = datum;
  // What the run made is the callback's result: on PostgreSQL a retryable failure runs it again
  // after a rollback, and nothing an earlier attempt collected may be invoiced, numbered or said.
  const { waarschuwingen, planned, verrekend, metCredit } = await inTransaction(
    deps.db,
    async (trx) => {
      const made = {
        waarschuwingen: [] as string[],
        planned: [] as Planned[],
        verrekend: [] as { ouder: string; bedragCent: number }[],
        metCredit: [] as (Verrekening & { ouder: string })[],
      };
      const { waarschuwingen, planned, verrekend, metCredit } = made;
      const bureau = await getBureau(trx);
      const bureauGegevens = requireBureauForInvoices(bureau);
      const laatste = await latestFactuur(trx);
      if (laatste && datum < laatste.datum) {
        throw new Refused(
          `De factuurdatum ${datum} ligt vóór ${laatste.datum}, de datum van de laatste factuur (${laatste.nummer}). Een factuur wordt nooit eerder gedateerd dan de laatste; kies --datum ${laatste.datum} of later. Er is niets gefactureerd.`,
        );
      }
      // A month keeps the fee settings it was first invoiced with, as it keeps its rates; so too
      // whether it bills agreed hours (§9), and the notice an absence needs.
      const vast = await frozenBureaukosten(trx, maand);
      const instellingen = vast ?? currentBureaukosten(bureau, maand);
      const kosten = bureaukosten(instellingen);
      vervaldatum = addDays(datum, bureau.betaaltermijn);
      const [uren, billed, names, maximum, opzeggingen] = await Promise.all([
        monthUren(trx, maand),
        billedMonth(trx, maand),
        loadNames(trx),
        toeslagMaximum(trx, Number(maand.slice(0, 4))),
        maandOpzeggingen(trx, maand),
      ]);
      // The notice of koppelingen ended early (§9), whatever `afgesproken-uren` says.
      const opzegtermijn = opzegtermijnUren(opzeggingen, maand);
      // With `afgesproken-uren` off nothing of this is loaded, and every invoice is what it was before §9.
      let afgesproken: MonthUren[] = [];
      if (instellingen.afgesproken_uren === 1) {
        const m = await maandAfspraken(trx, maand);
        afgesproken = afgesprokenUren(
          m.afspraken,
          m.gewerkt,
          m.afwezigheden,
          maand,
          addDays(datum, -1),
          instellingen.afmeldtermijn,
          waarschuwingen,
        );
      }
      requireLrk([...uren, ...afgesproken, ...opzegtermijn]);
      const minutenPerKind = new Map<string, number>();
      const perOuder = new Map<string, Uren[]>();
      const afgesprokenPerOuder = new Map<string, Uren[]>();
      const opzegPerOuder = new Map<string, Uren[]>();
      for (const [list, per] of [
        [uren, perOuder],
        [afgesproken, afgesprokenPerOuder],
        [opzegtermijn, opzegPerOuder],
      ] as const) {
        for (const u of list) {
          // Billed agreed hours and notice are billed care: they count for the fee scale and the 230 hours.
          minutenPerKind.set(u.kind, (minutenPerKind.get(u.kind) ?? 0) + u.minuten);
          const l = per.get(u.ouder);
          if (l) l.push(u);
          else per.set(u.ouder, [u]);
        }
      }
      for (const [kind, minuten] of minutenPerKind) {
        if (minuten > MAX_MINUTEN_PER_MAAND)
          waarschuwingen.push(
            `kind ${kind}: ${Math.floor(minuten / 60)} uur in ${maand}, meer dan de 230 uur die de kinderopvangtoeslag vergoedt`,
          );
      }
      // Co-parents (CONTRACT §9): each family's lines are computed as before and then split per ouder;
      // a second ouder's parts stand beside her own lines, and each ouder is billed the difference
      // with what her own earlier invoices of the month billed.
      const { delingVan, conflicten } = delingenVanMaand(await maandDelingen(trx, maand));
      const gezinnen = [...new Set([...perOuder.keys(), ...afgesprokenPerOuder.keys(), ...opzegPerOuder.keys()])].sort().map((ouder) => ({
        ouder,
        doel: targetRegels(
          perOuder.get(ouder) ?? [],
          kosten,
          minutenPerKind,
          afgesprokenPerOuder.get(ouder) ?? [],
          opzegPerOuder.get(ouder) ?? [],
        ),
      }));
      // Only a pair with lines this month needs one way to share them.
      if (conflicten.length > 0) {
        const metRegels = new Set(gezinnen.flatMap((g) => g.doel.map((r) => `${r.kind}|${r.gastouder}`)));
        const echt = conflicten.filter((c) => metRegels.has(`${c[0]!.kind}|${c[0]!.gastouder}`));
        if (echt.length > 0) throw delingConflict(maand, echt);
      }
      const doelen = new Map<string, Factuurregel[][]>();
      for (const { ouder, doel } of gezinnen)
        for (const [wie, regels] of splitRegels(ouder, doel, delingVan)) doelen.set(wie, [...(doelen.get(wie) ?? []), regels]);
      for (const ouder of [...new Set([...doelen.keys(), ...billed.keys()])].sort()) {
        const earlier = billed.get(ouder);
        const delen = doelen.get(ouder) ?? [];
        const regels = differenceRegels(delen.length > 1 ? samenvoegen(delen.flat()) : (delen[0] ?? []), earlier?.regels ?? []);
        if (regels.length === 0) continue;
        const o = names.ouders.get(ouder)!;
        if (!o.adres || !o.postcode || !o.plaats)
          waarschuwingen.push(`ouder ${ouder} (${o.naam}) heeft geen volledig adres; de factuur wordt zonder adres gemaakt`);
        planned.push({
          nummer: null,
          ouder,
          regels,
          totaalCent: totaal(regels),
          correctieVan: earlier?.laatste ?? null,
          eerder: earlier?.regels ?? [],
        });
      }
      if (dryRun || planned.length === 0) return made;
      const jaar = Number(datum.slice(0, 4));
      const first = await reserveNumbers(trx, 'factuur', jaar, planned.length);
      // Made as they are stored: on PostgreSQL the server stores the first invoices while the
      // next are being made.
      const rows = (function* () {
        for (const [i, p] of planned.entries()) {
          p.nummer = formatNummer('factuur', jaar, first + i);
          const gegevens = snapshot(names, bureauGegevens, p.ouder, [...p.eerder, ...p.regels], maximum);
          yield { factuur: factuurRow(p, JSON.stringify(gegevens)), regels: p.regels };
        }
      })();
      await insertFacturen(trx, rows);
      await freezeRates(trx, maand, [...new Set([...afgesproken, ...opzegtermijn].map((u) => u.koppeling))]);
      // The agreement too (§9): a later rooster change re-bills no invoiced month, as a rate change does not.
      await freezeRooster(trx, maand);
      if (!vast) await freezeBureaukosten(trx, instellingen);
      // Money an ouder paid in advance (an overpayment) pays her new invoice now, as of its date:
      // without a mandate there is no incasso to do it, and the gastouder's payout waits on it.
      const tegoeden = await remainders(trx);
      for (const p of planned) {
        if (!tegoeden.has(p.ouder) || p.totaalCent <= 0) continue;
        const open = (await openPosts(trx, p.ouder)).get(p.ouder) ?? [];
        const voor = open.reduce((s, x) => s + x.openCent, 0);
        const na = (await settleRemainders(trx, p.ouder, open, datum)).reduce((s, x) => s + x.openCent, 0);
        if (voor !== na) verrekend.push({ ouder: p.ouder, bedragCent: voor - na });
      }
      // An ouder the incasso cannot collect from (no IBAN or no mandate) settles by her own
      // transfers: when her credits cover her open invoices she owes nothing and pays nothing, so
      // they are set off now, as of the invoice date, as an overpayment is (above); else they
      // would stay open, and the gastouder's care on them unpaid, until she pays something. An
      // ouder with a mandate has them set off by the next sepa incasso, on its date, like her
      // invoices are collected (kas/ledger.ts settle).
      const zonderMachtiging = new Set(
        (await ouderMandaten(trx)).filter((o) => !o.iban || !o.mandaat || !o.mandaat_datum).map((o) => o.code),
      );
      for (const ouder of new Set(planned.map((p) => p.ouder))) {
        if (!zonderMachtiging.has(ouder)) continue;
        const { verrekening } = await settle(trx, ouder, (await openPosts(trx, ouder)).get(ouder) ?? [], datum);
        if (verrekening) metCredit.push({ ouder, ...verrekening });
      }
      await writeLog(
        trx,
        deps,
        `facturen ${maand}: ${planned.length} gemaakt (${planned[0]!.nummer} t/m ${planned.at(-1)!.nummer}), totaal ${formatEuro(totaal(planned.flatMap((p) => p.regels)))}`,
      );
      return made;
    },
    { dryRun },
  );
  for (const w of waarschuwingen) deps.out.warn(`Let op: ${w}.`);
  const total = planned.reduce((s, p) => s + p.totaalCent, 0);
  if (planned.length === 0) {
    deps.out.line(`Niets te factureren voor ${maand}: de facturen van die maand kloppen al met de urenkaarten.`);
  } else {
    deps.out.table(
      [
        { key: 'nummer', title: 'factuur' },
        { key: 'ouder', title: 'ouder' },
        { key: 'soort', title: 'soort' },
        { key: 'totaal', title: 'totaal', align: 'right' },
      ],
      planned.map((p) => ({
        nummer: p.nummer ?? '(proef)',
        ouder: p.ouder,
        soort: p.correctieVan ? `correctie op ${gecorrigeerd(p)}${p.totaalCent < 0 ? ' (credit)' : ''}` : 'maand',
        totaal: formatEuro(p.totaalCent),
      })),
    );
    for (const v of verrekend)
      deps.out.line(`Tegoed van ouder ${v.ouder} verrekend: ${formatEuro(v.bedragCent)} van een eerdere betaling.`);
    for (const v of metCredit) deps.out.line(`${v.ouder}: ${verrekeningTekst(v)}.`);
    deps.out.line(
      `${dryRun ? 'Proef (--dry-run, niets opgeslagen, geen nummers gebruikt)' : 'Gemaakt'}: ${aantal(planned.length, 'factuur', 'facturen')} voor ${maand}, samen ${formatEuro(total)}.`,
    );
  }
  return {
    maand,
    datum,
    dryRun,
    facturen: planned.map((p) => factuurJson(factuurRow(p, ''), p.regels)),
    totaalCent: total,
    verrekend,
    verrekendMetCredit: metCredit.map(verrekeningJson),
    waarschuwingen,
  };
}
