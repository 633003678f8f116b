// The yearly overview of one gastouder (CONTRACT §8, `jaaropgave gastouder`): its JSON and the
// document its PDF draws (the table document of the payout specifications, her other paper from
// the bureau). BSNs in full on the PDF, for her tax return; masked in the JSON unless asked for.
import type { BureauRow } from '../db/tables/bureau.js';
import type { GastouderRow } from '../db/tables/gastouder.js';
import { type Datum, formatDatumLang } from '../domain/calendar.js';
import type { GastouderJaar } from '../domain/gastouderjaar.js';
import { formatEuro, formatUren } from '../domain/money.js';
import { maskBsn } from '../domain/values.js';
import type { TableDocument } from '../pdf/table.js';

/** The people an overview names, as they are now (it is made on demand, not stored). */
export interface GastouderJaarNamen {
  bureau: Pick<BureauRow, 'naam' | 'adres' | 'postcode' | 'plaats' | 'kvk' | 'lrk'>;
  gastouder: Pick<GastouderRow, 'code' | 'naam' | 'geboortedatum' | 'lrk' | 'adres' | 'postcode' | 'plaats'>;
  kinderen: Map<string, { naam: string; geboortedatum: string }>;
  ouders: Map<string, { naam: string; bsn: string | null }>;
}

/** JSON per gastouder: `{gastouder, lrk, jaar, regels: [{kind, ouder, minuten, uurprijsCent, uitbetaaldCent}], uitbetaaldCent}`, with names added. */
export function gastouderJaarJson(jaar: number, g: GastouderJaar, namen: GastouderJaarNamen, { toonBsn = false } = {}) {
  return {
    gastouder: g.gastouder,
    naam: namen.gastouder.naam,
    geboortedatum: namen.gastouder.geboortedatum,
    lrk: namen.gastouder.lrk,
    jaar,
    minuten: g.minuten,
    regels: g.regels.map((r) => {
      const ouder = namen.ouders.get(r.ouder);
      const bsn = ouder?.bsn ?? null;
      return {
        kind: r.kind,
        kindNaam: namen.kinderen.get(r.kind)?.naam ?? null,
        ouder: r.ouder,
        ouderNaam: ouder?.naam ?? null,
        ouderBsn: toonBsn ? bsn : maskBsn(bsn),
        minuten: r.minuten,
        opvangCent: r.opvangCent,
        uurprijsCent: r.uurprijsCent,
        uitbetaaldCent: r.uitbetaaldCent,
      };
    }),
    uitbetaaldCent: g.uitbetaaldCent,
  };
}

const ONTBREEKT = 'ontbreekt';

export function gastouderJaarDocument(jaar: number, datum: Datum, g: GastouderJaar, namen: GastouderJaarNamen): TableDocument {
  const b = namen.bureau;
  const go = namen.gastouder;
  return {
    titel: `JAAROVERZICHT GASTOUDER ${jaar}`,
    afzender: [
      b.naam ?? '',
      b.adres ?? '',
      `${b.postcode ?? ''} ${b.plaats ?? ''}`.trim(),
      ...(b.kvk ? [`KvK ${b.kvk}`] : []),
      ...(b.lrk ? [`LRK ${b.lrk}`] : []),
    ].filter(Boolean),
    aan: [
      go.naam,
      ...(go.adres ? [go.adres] : []),
      ...(go.postcode || go.plaats ? [`${go.postcode ?? ''} ${go.plaats ?? ''}`.trim()] : []),
    ],
    kenmerken: [
      ['Gastouder', `${go.naam} (${go.code})`],
      ['Geboortedatum', formatDatumLang(go.geboortedatum as Datum)],
      ['LRK', go.lrk ?? ONTBREEKT],
      ['Jaar', String(jaar)],
      ['Datum', formatDatumLang(datum)],
      [`Uren in ${jaar}`, formatUren(g.minuten)],
    ],
    kolommen: ['Kind', 'Vraagouder', 'BSN vraagouder', 'Uren', 'Gem. uurprijs', `Uitbetaald in ${jaar}`],
    rechts: [false, false, false, true, true, true],
    rijen: g.regels.map((r) => {
      const ouder = namen.ouders.get(r.ouder);
      return [
        `${namen.kinderen.get(r.kind)?.naam ?? r.kind} (${r.kind})`,
        `${ouder?.naam ?? r.ouder} (${r.ouder})`,
        ouder?.bsn ?? ONTBREEKT,
        formatUren(r.minuten),
        r.uurprijsCent === null ? '-' : formatEuro(r.uurprijsCent),
        formatEuro(r.uitbetaaldCent),
      ];
    }),
    totaal: formatEuro(g.uitbetaaldCent),
    noten: [
      `Uren: de opvang in de maanden van ${jaar} volgens de facturen aan de ouders, correcties inbegrepen.`,
      'Gemiddelde uurprijs: uw opvangbedrag gedeeld door de uren; de bureaukosten zijn van het bureau en tellen niet mee.',
      `Uitbetaald: wat het bureau u in ${jaar} voor dit kind heeft uitbetaald (uitbetalingen met een datum in ${jaar}). Opvang van december wordt vaak in januari uitbetaald en telt dan in het volgende jaar.`,
    ],
  };
}
