// An invoice as people read it, shared by the text rendering (`factuur show`) and the PDF: the
// same words and numbers in both. Pure: everything comes from the stored invoice and its snapshot.
import { formatDatumLang, formatMaandLang } from '../domain/calendar.js';
import type { KindOverzicht, Factuurregel } from '../domain/billing.js';
import { formatEuro, formatUren } from '../domain/money.js';
import type { FactuurRow } from '../db/tables/factuur.js';

/** What an invoice shows of the world, as it was when the invoice was made (factuur.gegevens). */
export interface FactuurGegevens {
  bureau: {
    naam: string;
    adres: string;
    postcode: string;
    plaats: string;
    email: string | null;
    telefoon: string | null;
    kvk: string;
    lrk: string;
    iban: string;
  };
  ouder: { code: string; naam: string; adres: string | null; postcode: string | null; plaats: string | null };
  kinderen: Record<string, { naam: string; geboortedatum: string }>;
  gastouders: Record<string, { naam: string; lrk: string | null }>;
  /** The month's totals per child after this invoice (all invoices of the month together). */
  overzicht: KindOverzicht[];
  toeslagMaximumCent: number | null;
  /** The ouder pays by SEPA incasso (IBAN and mandate known). */
  incasso: boolean;
}

export const BTW_VRIJSTELLING = 'Vrijgesteld van btw op grond van art. 11 lid 1 onderdeel w Wet OB 1968.';

export interface DocumentLine {
  omschrijving: string;
  detail: string;
  uren: string;
  tarief: string;
  bedrag: string;
  /** 'correctie op 2026-00001' on a correction line; '' otherwise. */
  correctieOp: string;
}

export interface FactuurDocument {
  titel: string;
  afzender: string[];
  aan: string[];
  kenmerken: [string, string][];
  regels: DocumentLine[];
  totaal: string;
  betaling: string;
  btw: string;
  overzichtTitel: string;
  overzicht: { kind: string; uren: string; kosten: string; uurprijs: string }[];
  overzichtNoot: string;
}

export function factuurDocument(f: FactuurRow, regels: Factuurregel[], g: FactuurGegevens): FactuurDocument {
  const credit = f.totaal_cent < 0;
  const kind = (code: string | null) => (code ? `${g.kinderen[code]?.naam ?? code} (${code})` : '');
  // The line's own LRK (the koppeling's for care at the ouder's home); lines made before it was
  // stored per line show the gastouder's from the snapshot.
  const gastouder = (code: string, lrk: string | null | undefined) => {
    const go = g.gastouders[code];
    const nummer = lrk ?? go?.lrk;
    return `gastouder ${go?.naam ?? code}${nummer ? `, LRK ${nummer}` : ''}`;
  };
  const lines = regels.map((r) => ({
    // Agreed hours and notice (CONTRACT §9) are lines of their own kind: the words say why they are
    // billed, the child goes to the second line beside the gastouder (the first has no room for both).
    omschrijving:
      r.soort === 'opvang'
        ? `Opvang ${kind(r.kind)}`
        : r.soort === 'afgesproken'
          ? 'Afgesproken, niet afgemeld'
          : r.soort === 'opzegtermijn'
            ? 'Opzegtermijn (afgesproken uren)'
            : r.kind
              ? `Bureaukosten ${kind(r.kind)}`
              : 'Bureaukosten per maand',
    detail:
      r.soort === 'afgesproken' || r.soort === 'opzegtermijn'
        ? `${kind(r.kind)}, ${gastouder(r.gastouder, r.lrk)}`
        : gastouder(r.gastouder, r.lrk),
    uren: r.soort === 'bureaukosten' && r.kind === null ? '' : formatUren(r.minuten),
    tarief: r.soort === 'bureaukosten' && r.kind === null ? `${formatEuro(r.tariefCent)} p/m` : `${formatEuro(r.tariefCent)} p/u`,
    bedrag: formatEuro(r.bedragCent),
    correctieOp: r.correctieOp ? `correctie op ${r.correctieOp}` : '',
  }));
  const b = g.bureau;
  const kenmerken: [string, string][] = [
    [credit ? 'Creditfactuur' : 'Factuurnummer', f.nummer],
    ['Factuurdatum', formatDatumLang(f.datum)],
    ['Vervaldatum', formatDatumLang(f.vervaldatum)],
    ['Periode', formatMaandLang(f.maand)],
    ['Klantnummer', g.ouder.code],
  ];
  if (f.correctie_van) {
    // The invoices whose lines this one corrects (each line names its own); a correction of only
    // new lines names the month's latest invoice, as before.
    const op = [...new Set(regels.flatMap((r) => (r.correctieOp ? [r.correctieOp] : [])))].sort();
    const nummers = op.length > 0 ? op : [f.correctie_van];
    // Several do not fit beside the label on the PDF: each line names its own.
    kenmerken.push([
      'Correctie op',
      nummers.length === 1 ? `factuur ${nummers[0]} (${formatMaandLang(f.maand)})` : `${nummers.length} facturen, vermeld per regel`,
    ]);
  }
  const amount = formatEuro(Math.abs(f.totaal_cent));
  // A € 0,00 invoice (a correction that only moves amounts between lines, e.g. from care to agreed
  // hours) asks for nothing: "Graag € 0,00 overmaken" or an announced collection of € 0,00 would
  // only confuse the ouder.
  const betaling =
    f.totaal_cent === 0
      ? f.correctie_van
        ? 'Er hoeft niets betaald te worden: deze correctie verschuift alleen regels.'
        : 'Er hoeft niets betaald te worden.'
      : credit
        ? `Dit is een creditfactuur: wij verrekenen ${amount} met uw volgende factuur, of betalen het terug op uw rekening.`
        : g.incasso
          ? `Wij schrijven ${amount} rond de vervaldatum automatisch af van uw rekening (SEPA-incasso), onder vermelding van ${f.nummer}.`
          : `Graag ${amount} vóór ${formatDatumLang(f.vervaldatum)} overmaken op ${b.iban} t.n.v. ${b.naam}, onder vermelding van ${f.nummer}.`;
  const max = g.toeslagMaximumCent;
  return {
    titel: credit ? 'CREDITFACTUUR' : 'FACTUUR',
    afzender: [
      b.naam,
      b.adres,
      `${b.postcode} ${b.plaats}`,
      ...(b.telefoon ? [`Tel. ${b.telefoon}`] : []),
      ...(b.email ? [b.email] : []),
      `KvK ${b.kvk}`,
      `LRK ${b.lrk}`,
      `IBAN ${b.iban}`,
    ],
    aan: [
      g.ouder.naam,
      ...(g.ouder.adres ? [g.ouder.adres] : []),
      ...(g.ouder.postcode || g.ouder.plaats ? [`${g.ouder.postcode ?? ''} ${g.ouder.plaats ?? ''}`.trim()] : []),
    ],
    kenmerken,
    regels: lines,
    totaal: formatEuro(f.totaal_cent),
    betaling,
    btw: BTW_VRIJSTELLING,
    overzichtTitel: `Voor de kinderopvangtoeslag: ${formatMaandLang(f.maand)}, alle facturen van de maand samen`,
    overzicht: g.overzicht.map((o) => ({
      kind: kind(o.kind),
      uren: formatUren(o.minuten),
      kosten: formatEuro(o.kostenCent),
      uurprijs: o.gemiddeldUurprijsCent === null ? '-' : formatEuro(o.gemiddeldUurprijsCent),
    })),
    overzichtNoot:
      max === null
        ? 'De maximale uurprijs voor de kinderopvangtoeslag van dit jaar is nog niet bekend.'
        : `Maximale uurprijs gastouderopvang ${f.maand.slice(0, 4)} voor de kinderopvangtoeslag: ${formatEuro(max)}. Gemiddelde uurprijs = (opvang + bureaukosten) / uren.`,
  };
}

/** Text padded to a width (characters, not bytes), on the left with `right`. */
export function pad(text: string, width: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, width - [...text].length));
  return right ? gap + text : text + gap;
}

/** Words wrapped to a width, for the text rendering. */
export function wrap(text: string, width = 78): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The top of a document as text: title and sender side by side, the addressee, the references. */
export function headerText(doc: { titel: string; afzender: string[]; aan: string[]; kenmerken: [string, string][] }): string[] {
  const out: string[] = [];
  out.push(`${pad(doc.titel, 40)}${doc.afzender[0]}`);
  for (const line of doc.afzender.slice(1)) out.push(`${pad('', 40)}${line}`);
  out.push('');
  out.push(`Aan: ${doc.aan[0] ?? ''}`);
  for (const line of doc.aan.slice(1)) out.push(`     ${line}`);
  out.push('');
  for (const [k, v] of doc.kenmerken) out.push(`${pad(`${k}:`, 15)}${v}`);
  out.push('');
  return out;
}

/** The invoice as plain text, 78 columns: what `factuur show` prints (golden-tested). */
export function renderFactuurText(doc: FactuurDocument): string {
  const out = headerText(doc);
  out.push(`${pad('Omschrijving', 38)}${pad('Uren', 8, true)}${pad('Tarief', 16, true)}${pad('Bedrag', 16, true)}`);
  out.push('-'.repeat(78));
  for (const r of doc.regels) {
    out.push(`${pad(r.omschrijving, 38)}${pad(r.uren, 8, true)}${pad(r.tarief, 16, true)}${pad(r.bedrag, 16, true)}`);
    // The invoice a line corrects stands beside it, under the amount.
    const gap = ' '.repeat(Math.max(2, 76 - [...r.detail].length - r.correctieOp.length));
    out.push(r.correctieOp ? `  ${r.detail}${gap}${r.correctieOp}` : `  ${r.detail}`);
  }
  out.push('-'.repeat(78));
  out.push(`${pad('Totaal', 62)}${pad(doc.totaal, 16, true)}`);
  out.push('');
  out.push(...wrap(doc.betaling), ...wrap(doc.btw));
  out.push('');
  out.push(doc.overzichtTitel);
  out.push(`${pad('Kind', 38)}${pad('Uren', 8, true)}${pad('Kosten', 16, true)}${pad('Gem. uurprijs', 16, true)}`);
  for (const o of doc.overzicht)
    out.push(`${pad(o.kind, 38)}${pad(o.uren, 8, true)}${pad(o.kosten, 16, true)}${pad(o.uurprijs, 16, true)}`);
  out.push(...wrap(doc.overzichtNoot));
  return `${out.join('\n')}\n`;
}

/** `factuur show --json` per the contract; `list` drops `regels`. */
export function factuurJson(f: FactuurRow, regels?: Factuurregel[]) {
  return {
    nummer: f.nummer,
    ouder: f.ouder,
    maand: f.maand,
    datum: f.datum,
    vervaldatum: f.vervaldatum,
    correctieVan: f.correctie_van,
    totaalCent: f.totaal_cent,
    ...(regels
      ? {
          regels: regels.map((r) => ({
            soort: r.soort,
            kind: r.kind,
            gastouder: r.gastouder,
            minuten: r.minuten,
            tariefCent: r.tariefCent,
            bedragCent: r.bedragCent,
            lrk: r.lrk ?? null,
            correctieOp: r.correctieOp ?? null,
          })),
        }
      : {}),
  };
}
