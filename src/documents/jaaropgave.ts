// The jaaropgave of one ouder (CONTRACT §8): what is stored with it (a snapshot, like an
// invoice's), its JSON, and the document that `jaaropgave show` prints and the PDF draws.
import { formatDatumLang, formatMaandLang, type Datum, type Maand } from '../domain/calendar.js';
import type { Jaarregel } from '../domain/jaaropgave.js';
import { formatEuro, formatUren } from '../domain/money.js';
import { maskBsn } from '../domain/values.js';
import type { JaaropgaveRow } from '../db/tables/jaaropgave.js';
import { headerText, pad, wrap } from './factuur.js';

/** What a jaaropgave shows, as it was when it was made: later changes of address or name change no version. */
export interface JaaropgaveGegevens {
  bureau: { naam: string; adres: string; postcode: string; plaats: string; kvk: string; lrk: string };
  ouder: {
    code: string;
    naam: string;
    adres: string | null;
    postcode: string | null;
    plaats: string | null;
    geboortedatum: string | null;
    bsn: string | null;
  };
  /** The toeslagpartner, when the bureau knows one. */
  partner: { naam: string | null; geboortedatum: string | null; bsn: string | null } | null;
  kinderen: Record<string, { naam: string; geboortedatum: string; bsn: string | null }>;
  gastouders: Record<string, { naam: string }>;
  regels: Jaarregel[];
  /** The maximum hourly price of the kinderopvangtoeslag for the year, when known. */
  toeslagMaximumCent: number | null;
}

/** The version a jaaropgave replaces: always the one before it (null for version 1). */
export function vervangt(row: Pick<JaaropgaveRow, 'versie'>): number | null {
  return row.versie > 1 ? row.versie - 1 : null;
}

/** The BSNs on a jaaropgave that are missing, as 'ouder O0001', 'kind K0003 (Sem)'. */
export function ontbrekendeBsns(g: JaaropgaveGegevens): string[] {
  const missing: string[] = [];
  if (!g.ouder.bsn) missing.push(`ouder ${g.ouder.code} (${g.ouder.naam})`);
  if (g.partner && !g.partner.bsn) missing.push(`partner van ouder ${g.ouder.code}`);
  const kinderen = [...new Set(g.regels.flatMap((r) => (r.kind ? [r.kind] : [])))].sort();
  for (const k of kinderen) if (!g.kinderen[k]?.bsn) missing.push(`kind ${k} (${g.kinderen[k]?.naam ?? '?'})`);
  return missing;
}

/** The snapshot with every BSN masked: for the terminal, where a BSN is never shown in full unasked. */
export function maskBsns(g: JaaropgaveGegevens): JaaropgaveGegevens {
  return {
    ...g,
    ouder: { ...g.ouder, bsn: maskBsn(g.ouder.bsn) },
    partner: g.partner ? { ...g.partner, bsn: maskBsn(g.partner.bsn) } : null,
    kinderen: Object.fromEntries(Object.entries(g.kinderen).map(([code, k]) => [code, { ...k, bsn: maskBsn(k.bsn) }])),
  };
}

/** `jaaropgave show --json`, and without the snapshot `list --json` (no `regels`); BSNs masked unless asked for. */
export function jaaropgaveJson(row: JaaropgaveRow, g?: JaaropgaveGegevens, { toonBsn = false } = {}) {
  const bsn = (value: string | null) => (toonBsn ? value : maskBsn(value));
  return {
    nummer: row.nummer,
    versie: row.versie,
    jaar: row.jaar,
    ouder: row.ouder,
    datum: row.datum,
    minuten: row.minuten,
    totaalCent: row.totaal_cent,
    vervangt: vervangt(row),
    ...(g
      ? {
          bsn: bsn(g.ouder.bsn),
          partner: g.partner ? { naam: g.partner.naam, geboortedatum: g.partner.geboortedatum, bsn: bsn(g.partner.bsn) } : null,
          regels: g.regels.map((r) => ({
            kind: r.kind,
            gastouder: r.gastouder,
            lrk: r.lrk,
            minuten: r.minuten,
            bedragCent: r.bedragCent,
            uurprijsCent: r.uurprijsCent,
            maanden: r.maanden.map((m) => ({ maand: m.maand, minuten: m.minuten, bedragCent: m.bedragCent })),
          })),
        }
      : {}),
  };
}

export interface JaaropgaveDocument {
  titel: string;
  afzender: string[];
  aan: string[];
  kenmerken: [string, string][];
  /** Ouder and toeslagpartner: label, name, date of birth, BSN (in full, or 'ontbreekt'). */
  personen: { rol: string; naam: string; geboortedatum: string; bsn: string }[];
  blokken: {
    kind: string;
    kindGegevens: string;
    gastouder: string;
    maanden: { maand: string; uren: string; bedrag: string }[];
    uren: string;
    bedrag: string;
    uurprijs: string;
  }[];
  totaalUren: string;
  totaal: string;
  noten: string[];
}

const ONTBREEKT = 'ontbreekt';

/**
 * The jaaropgave as the ouder gets it. BSNs in full: the document exists for the Belastingdienst
 * (CONTRACT §8); only the JSON masks them.
 */
export function jaaropgaveDocument(row: JaaropgaveRow, g: JaaropgaveGegevens): JaaropgaveDocument {
  const b = g.bureau;
  const datum = (d: string | null) => (d ? formatDatumLang(d as Datum) : ONTBREEKT);
  const kenmerken: [string, string][] = [
    ['Nummer', row.nummer],
    ['Jaar', String(row.jaar)],
    ['Datum', formatDatumLang(row.datum as Datum)],
    ['Klantnummer', g.ouder.code],
  ];
  if (row.versie > 1) kenmerken.push(['Versie', `${row.versie}, vervangt versie ${vervangt(row)}`]);
  const personen = [{ rol: 'Vraagouder', naam: g.ouder.naam, geboortedatum: datum(g.ouder.geboortedatum), bsn: g.ouder.bsn ?? ONTBREEKT }];
  if (g.partner)
    personen.push({
      rol: 'Toeslagpartner',
      naam: g.partner.naam ?? ONTBREEKT,
      geboortedatum: datum(g.partner.geboortedatum),
      bsn: g.partner.bsn ?? ONTBREEKT,
    });
  const blokken = g.regels.map((r) => {
    const kind = r.kind ? g.kinderen[r.kind] : undefined;
    return {
      kind: r.kind ? `${kind?.naam ?? r.kind} (${r.kind})` : 'Bureaukosten zonder opvang',
      kindGegevens: r.kind ? `geboren ${datum(kind?.geboortedatum ?? null)}, BSN ${kind?.bsn ?? ONTBREEKT}` : '',
      gastouder: `gastouder ${g.gastouders[r.gastouder]?.naam ?? r.gastouder}, LRK ${r.lrk ?? ONTBREEKT}`,
      maanden: r.maanden.map((m) => ({
        maand: formatMaandLang(m.maand as Maand),
        uren: formatUren(m.minuten),
        bedrag: formatEuro(m.bedragCent),
      })),
      uren: formatUren(r.minuten),
      bedrag: formatEuro(r.bedragCent),
      uurprijs: r.uurprijsCent === null ? '-' : formatEuro(r.uurprijsCent),
    };
  });
  const max = g.toeslagMaximumCent;
  return {
    titel: `JAAROPGAVE KINDEROPVANG ${row.jaar}`,
    afzender: [b.naam, b.adres, `${b.postcode} ${b.plaats}`, `KvK ${b.kvk}`, `LRK ${b.lrk}`],
    aan: [
      g.ouder.naam,
      ...(g.ouder.adres ? [g.ouder.adres] : []),
      ...(g.ouder.postcode || g.ouder.plaats ? [`${g.ouder.postcode ?? ''} ${g.ouder.plaats ?? ''}`.trim()] : []),
    ],
    kenmerken,
    personen,
    blokken,
    totaalUren: formatUren(row.minuten),
    totaal: formatEuro(row.totaal_cent),
    noten: [
      `Gastouderopvang via ${b.naam} (LRK ${b.lrk}) in ${row.jaar}, per kind en gastouder: de uren en de kosten (opvang en bureaukosten) van alle facturen over de maanden van ${row.jaar}, correcties inbegrepen. Gemiddelde uurprijs = kosten / uren.`,
      max === null
        ? `De maximale uurprijs voor de kinderopvangtoeslag van ${row.jaar} is nog niet bekend.`
        : `Maximale uurprijs gastouderopvang ${row.jaar} voor de kinderopvangtoeslag: ${formatEuro(max)}.`,
      'Bewaar deze jaaropgave bij uw aangifte en de definitieve berekening van de kinderopvangtoeslag.',
    ],
  };
}

/** The jaaropgave as plain text, 78 columns: what `jaaropgave show` prints. */
export function renderJaaropgaveText(doc: JaaropgaveDocument): string {
  const out = headerText(doc);
  for (const p of doc.personen) out.push(`${pad(`${p.rol}:`, 16)}${p.naam}, geboren ${p.geboortedatum}, BSN ${p.bsn}`);
  for (const blok of doc.blokken) {
    out.push('');
    out.push(`${blok.kind}${blok.kindGegevens ? `, ${blok.kindGegevens}` : ''}`);
    out.push(`  ${blok.gastouder}`);
    out.push(`  ${pad('Maand', 36)}${pad('Uren', 10, true)}${pad('Bedrag', 16, true)}`);
    for (const m of blok.maanden) out.push(`  ${pad(m.maand, 36)}${pad(m.uren, 10, true)}${pad(m.bedrag, 16, true)}`);
    out.push(`  ${pad('Totaal', 36)}${pad(blok.uren, 10, true)}${pad(blok.bedrag, 16, true)}`);
    out.push(`  ${pad('Gemiddelde uurprijs', 36)}${pad('', 10)}${pad(blok.uurprijs, 16, true)}`);
  }
  out.push('');
  out.push('-'.repeat(78));
  out.push(`${pad('Totaal van het jaar', 38)}${pad(doc.totaalUren, 10, true)}${pad(doc.totaal, 16, true)}`);
  out.push('');
  for (const n of doc.noten) out.push(...wrap(n));
  return `${out.join('\n')}\n`;
}
