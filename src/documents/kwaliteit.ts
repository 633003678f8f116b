// The quality file of one gastouder for a GGD inspection (CONTRACT §10): her details, huisgenoten,
// certificates, koppelingen, every visit with its notes, and the duties with their status today.
import type { BureauRow } from '../db/tables/bureau.js';
import type { GastouderRow } from '../db/tables/gastouder.js';
import { ageInYears, formatDatumLang } from '../domain/calendar.js';
import type { PlichtRij } from '../domain/kwaliteit.js';
import type { DossierDocument } from '../pdf/dossier.js';

const SOORT: Record<string, string> = {
  huisbezoek: 'huisbezoek',
  'risico-inventarisatie': 'risico-inventarisatie',
  evaluatie: 'evaluatie',
  voortgangsgesprek: 'voortgangsgesprek',
};
const STATUS: Record<PlichtRij['status'], string> = { ok: 'in orde', binnenkort: 'binnenkort', 'te-laat': 'TE LAAT' };
const jaNee = (v: number) => (v === 1 ? 'ja' : 'nee');

export interface KwaliteitBestand {
  bureau: Pick<BureauRow, 'naam' | 'adres' | 'postcode' | 'plaats' | 'kvk' | 'lrk'>;
  gastouder: Pick<
    GastouderRow,
    | 'code'
    | 'naam'
    | 'geboortedatum'
    | 'adres'
    | 'postcode'
    | 'plaats'
    | 'lrk'
    | 'ehbo_tot'
    | 'vog_datum'
    | 'diploma'
    | 'verzekering_tot'
    | 'prk'
    | 'start'
    | 'eind'
  >;
  huisgenoten: { naam: string; geboortedatum: string; vog_datum: string | null; prk: number }[];
  bezoeken: { datum: string; soort: string; koppeling: string | null; notitie: string | null }[];
  koppelingen: { code: string; kind: string; kindnaam: string; start: string; eind: string | null }[];
}

export function kwaliteitDocument(b: KwaliteitBestand, rows: PlichtRij[], today: string): DossierDocument {
  const g = b.gastouder;
  const of = (v: string | null) => v ?? '—';
  return {
    titel: 'KWALITEITSDOSSIER GASTOUDER',
    afzender: [
      b.bureau.naam ?? '',
      b.bureau.adres ?? '',
      `${b.bureau.postcode ?? ''} ${b.bureau.plaats ?? ''}`.trim(),
      ...(b.bureau.kvk ? [`KvK ${b.bureau.kvk}`] : []),
      ...(b.bureau.lrk ? [`LRK ${b.bureau.lrk}`] : []),
    ].filter(Boolean),
    kenmerken: [
      ['Gastouder', `${g.naam} (${g.code})`],
      ['Geboortedatum', g.geboortedatum],
      ['Adres', [g.adres, `${g.postcode ?? ''} ${g.plaats ?? ''}`.trim()].filter(Boolean).join(', ') || '—'],
      ['LRK', of(g.lrk)],
      ['Bij het bureau sinds', of(g.start)],
      ...(g.eind ? [['Bij het bureau tot', g.eind] as [string, string]] : []),
      ['Stand van', formatDatumLang(today)],
    ],
    secties: [
      {
        titel: 'Certificaten en registraties',
        kolommen: ['Wat', 'Gegevens'],
        rijen: [
          ['Kinder-EHBO geldig tot', of(g.ehbo_tot)],
          ['VOG', g.vog_datum ? `afgegeven ${g.vog_datum}` : '—'],
          ['Diploma', g.diploma?.trim() ? g.diploma : '—'],
          ['Aansprakelijkheidsverzekering tot', of(g.verzekering_tot)],
          ['Personenregister Kinderopvang (gekoppeld)', jaNee(g.prk)],
        ],
        leeg: '',
      },
      {
        titel: 'Huisgenoten',
        kolommen: ['Naam', 'Geboortedatum', 'Leeftijd', 'VOG', 'Personenregister'],
        rijen: b.huisgenoten.map((h) => [
          h.naam,
          h.geboortedatum,
          String(ageInYears(h.geboortedatum, today)),
          of(h.vog_datum),
          jaNee(h.prk),
        ]),
        leeg: 'Geen huisgenoten vastgelegd.',
      },
      {
        titel: 'Koppelingen',
        kolommen: ['Koppeling', 'Kind', 'Start', 'Eind'],
        rijen: b.koppelingen.map((k) => [k.code, `${k.kindnaam} (${k.kind})`, k.start, of(k.eind)]),
        leeg: 'Geen koppelingen.',
      },
      {
        titel: 'Bezoeken en gesprekken',
        kolommen: ['Datum', 'Soort', 'Koppeling', 'Notitie'],
        rijen: b.bezoeken.map((v) => [v.datum, SOORT[v.soort] ?? v.soort, v.koppeling ?? '', v.notitie ?? '']),
        leeg: 'Geen bezoeken vastgelegd.',
      },
      {
        titel: `Plichten op ${formatDatumLang(today)}`,
        kolommen: ['Plicht', 'Voor', 'Laatst', 'Uiterlijk', 'Status'],
        rijen: rows.map((r) => [
          r.plicht,
          r.koppeling !== null ? `koppeling ${r.koppeling}` : r.huisgenoot !== null ? `huisgenoot ${r.huisgenoot}` : 'gastouder',
          of(r.laatste),
          of(r.uiterlijk),
          STATUS[r.status],
        ]),
        leeg: 'Geen actieve koppeling: er gelden nu geen plichten.',
      },
    ],
    noten: [
      'Binnenkort: uiterlijk binnen 30 dagen. Een VOG blijft geldig zolang de persoon in het Personenregister Kinderopvang aan het bureau gekoppeld is (continue screening).',
    ],
  };
}
