// The registry's fields, one list per entity. A field's Dutch name is the command-line option
// (--ervaring-sinds) and the CSV header; the database column is its snake_case form
// (ervaring_sinds) and the JSON key its camelCase form (ervaringSinds). Amounts add 'Cent'/'_cent'.
import { formatSchaal, parseSchaal } from './bureaukosten.js';
import {
  ACCEPTED,
  parseAmount,
  parseBic,
  parseBool,
  parseBsn,
  parseCode,
  parseDate,
  parseDay,
  parseEmail,
  parseIban,
  parseIncassantId,
  parseInteger,
  parseKvk,
  parseLrk,
  parseMandaat,
  parseOpmerking,
  parsePad,
  parsePostcode,
  parseText,
  parseTime,
  parseUurtarief,
} from './values.js';
import { formatBedrag } from './money.js';
import { ValueError } from '../errors.js';

export type Stored = string | number | null;

export interface FieldType {
  /** Raw text → stored value (throws ValueError). Empty text is handled by the caller (null). */
  parse(raw: string): Stored;
  /** Stored value → text for CSV cells and human tables (the form `parse` reads back). */
  text(value: Stored): string;
  /** Stored value → JSON value. */
  json(value: Stored): unknown;
  /** Placeholder in --help: '--geboortedatum <datum>'. */
  hint: string;
  /** Money is stored and keyed in cent. */
  cent?: boolean;
  bsn?: boolean;
}

const plain = (hint: string, parse: (raw: string) => string): FieldType => ({
  hint,
  parse,
  text: (v) => (v === null ? '' : String(v)),
  json: (v) => v,
});

function integer(min: number, max: number): FieldType {
  return { hint: 'getal', parse: (raw) => parseInteger(raw, { min, max }), text: (v) => (v === null ? '' : String(v)), json: (v) => v };
}

/** The visits and conversations of CONTRACT §10; an evaluatie is per koppeling, the others per gastouder. */
export const BEZOEK_SOORTEN = ['huisbezoek', 'risico-inventarisatie', 'evaluatie', 'voortgangsgesprek'] as const;
export type BezoekSoort = (typeof BEZOEK_SOORTEN)[number];

export const TYPES = {
  text: plain('tekst', parseText),
  code: plain('code', parseCode),
  datum: plain('datum', parseDate),
  iban: plain('iban', parseIban),
  lrk: plain('lrk', parseLrk),
  email: plain('e-mail', parseEmail),
  postcode: plain('postcode', parsePostcode),
  bsn: { ...plain('bsn', parseBsn), bsn: true },
  janee: {
    hint: 'ja|nee',
    parse: (raw) => (parseBool(raw) ? 1 : 0),
    text: (v) => (v === null ? '' : v ? 'ja' : 'nee'),
    json: (v) => (v === null ? null : v === 1),
  },
  bedrag: {
    hint: 'bedrag',
    parse: (raw) => parseAmount(raw),
    text: (v) => (v === null ? '' : formatBedrag(Number(v), { csv: true })),
    json: (v) => v,
    cent: true,
  },
  uurtarief: {
    hint: 'bedrag',
    parse: (raw) => parseUurtarief(raw),
    text: (v) => (v === null ? '' : formatBedrag(Number(v), { csv: true })),
    json: (v) => v,
    cent: true,
  },
  mandaat: plain('kenmerk', parseMandaat),
  pad: plain('bestand', parsePad),
  kvk: plain('kvk', parseKvk),
  dag: plain('dag', parseDay),
  tijd: plain('tijd', (raw) => parseTime(raw)),
  eindtijd: plain('tijd', (raw) => parseTime(raw, { end: true })),
  bic: plain('bic', parseBic),
  incassantId: plain('id', parseIncassantId),
  dagVanDeMaand: integer(1, 28),
  aantal: integer(0, 365),
  procent: { ...integer(1, 100), hint: 'procent' },
  schaal: plain('tarief', (raw) => formatSchaal(parseSchaal(raw))),
  bureaukostenModel: plain('maand|uur', (raw) => {
    const s = raw.trim().toLowerCase();
    if (s !== 'maand' && s !== 'uur') throw new ValueError(raw, 'maand of uur');
    return s;
  }),
  evaluatiesPerJaar: { ...integer(1, 2), hint: '1|2' },
  bewaartermijn: { ...integer(7, 100), hint: 'jaren' },
  id: { ...integer(1, Number.MAX_SAFE_INTEGER), hint: 'id' },
  opmerking: plain('tekst', parseOpmerking),
  bezoekSoort: plain(BEZOEK_SOORTEN.join('|'), (raw) => {
    const s = raw.trim().toLowerCase();
    if (!(BEZOEK_SOORTEN as readonly string[]).includes(s)) throw new ValueError(raw, BEZOEK_SOORTEN.join(', '));
    return s;
  }),
  opvanglocatie: plain('gastouder|ouder', (raw) => {
    const s = raw.trim().toLowerCase();
    if (s !== 'gastouder' && s !== 'ouder') throw new ValueError(raw, 'gastouder of ouder');
    return s;
  }),
} satisfies Record<string, FieldType>;

export interface Field {
  name: string;
  /** Dutch description, used in --help and prompts. */
  label: string;
  type: FieldType;
  required?: boolean;
  /** Stored default when an add leaves the field out. */
  default?: Stored;
  /**
   * The default is the date of the add (deps.today), not a constant: a gastouder's `start` (CONTRACT
   * §10). Only a new record gets it; clearing the field on edit or with an empty cell leaves it empty.
   */
  defaultToday?: boolean;
}

export function columnOf(field: Field): string {
  return field.name.replaceAll('-', '_') + (field.type.cent ? '_cent' : '');
}

export function jsonKeyOf(field: Field): string {
  return field.name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) + (field.type.cent ? 'Cent' : '');
}

/** Option property name as commander gives it (--ervaring-sinds → ervaringSinds). */
export function optionKey(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function optionKeyOf(field: Field): string {
  return optionKey(field.name);
}

export type EntityName = 'gastouder' | 'ouder' | 'kind' | 'koppeling';

export interface Entity {
  name: EntityName;
  /** Code prefix for codes that gob assigns: G0001, O0001, K0001, KP0001. */
  prefix: string;
  fields: Field[];
  /** Pairs of fields of which a record needs exactly one (a kind: ouder or eigen-kind-van). */
  oneOf?: [string, string][];
}

const code: Field = { name: 'code', label: 'code (leeg: volgende vrije)', type: TYPES.code };
const adresVelden: Field[] = [
  { name: 'adres', label: 'straat en huisnummer', type: TYPES.text },
  { name: 'postcode', label: 'postcode', type: TYPES.postcode },
  { name: 'plaats', label: 'woonplaats', type: TYPES.text },
  { name: 'email', label: 'e-mailadres', type: TYPES.email },
  { name: 'telefoon', label: 'telefoonnummer', type: TYPES.text },
  { name: 'iban', label: 'IBAN', type: TYPES.iban },
];

export const GASTOUDER: Entity = {
  name: 'gastouder',
  prefix: 'G',
  fields: [
    code,
    { name: 'naam', label: 'naam', type: TYPES.text, required: true },
    { name: 'geboortedatum', label: 'geboortedatum', type: TYPES.datum, required: true },
    ...adresVelden,
    { name: 'lrk', label: 'LRK-nummer (9 cijfers)', type: TYPES.lrk },
    { name: 'ervaring-sinds', label: 'datum waarop de opvangervaring begon', type: TYPES.datum },
    { name: 'achterwacht', label: 'achterwacht: naam en telefoon (leeg: geen)', type: TYPES.text },
    { name: 'slaapruimte', label: 'aparte slaapruimte voor kinderen onder 1,5 jaar (ja/nee)', type: TYPES.janee, default: 0 },
    { name: 'ehbo-tot', label: 'EHBO-certificaat geldig tot', type: TYPES.datum },
    { name: 'vog-datum', label: 'datum van de VOG', type: TYPES.datum },
    { name: 'diploma', label: 'diploma', type: TYPES.text },
    // CONTRACT §10.
    { name: 'verzekering-tot', label: 'aansprakelijkheidsverzekering geldig tot', type: TYPES.datum },
    {
      name: 'prk',
      label: 'gekoppeld aan het bureau in het Personenregister Kinderopvang (ja/nee, standaard nee)',
      type: TYPES.janee,
      default: 0,
    },
    {
      name: 'start',
      label: 'datum waarop zij bij het bureau begon (standaard: de dag van toevoegen)',
      type: TYPES.datum,
      defaultToday: true,
    },
  ],
};

export const OUDER: Entity = {
  name: 'ouder',
  prefix: 'O',
  fields: [
    code,
    { name: 'naam', label: 'naam', type: TYPES.text, required: true },
    { name: 'geboortedatum', label: 'geboortedatum', type: TYPES.datum },
    ...adresVelden,
    { name: 'bsn', label: 'BSN', type: TYPES.bsn },
    { name: 'mandaat', label: 'kenmerk van de SEPA-machtiging', type: TYPES.mandaat },
    { name: 'mandaat-datum', label: 'datum van ondertekening van de machtiging', type: TYPES.datum },
    { name: 'partner-naam', label: 'naam van de toeslagpartner', type: TYPES.text },
    { name: 'partner-bsn', label: 'BSN van de toeslagpartner', type: TYPES.bsn },
    { name: 'partner-geboortedatum', label: 'geboortedatum van de toeslagpartner', type: TYPES.datum },
  ],
};

export const KIND: Entity = {
  name: 'kind',
  prefix: 'K',
  oneOf: [['ouder', 'eigen-kind-van']],
  fields: [
    code,
    { name: 'naam', label: 'naam', type: TYPES.text, required: true },
    { name: 'geboortedatum', label: 'geboortedatum', type: TYPES.datum, required: true },
    { name: 'bsn', label: 'BSN', type: TYPES.bsn },
    { name: 'ouder', label: 'code van de vraagouder (gastkind)', type: TYPES.code },
    { name: 'eigen-kind-van', label: 'code van de gastouder (eigen kind, kind van partner of pleegkind)', type: TYPES.code },
  ],
};

export const KOPPELING: Entity = {
  name: 'koppeling',
  prefix: 'KP',
  fields: [
    code,
    { name: 'kind', label: 'code van het kind', type: TYPES.code, required: true },
    { name: 'gastouder', label: 'code van de gastouder', type: TYPES.code, required: true },
    { name: 'start', label: 'eerste opvangdag', type: TYPES.datum, required: true },
    { name: 'eind', label: 'laatste opvangdag (leeg: doorlopend)', type: TYPES.datum },
    { name: 'uurtarief', label: 'uurtarief van de gastouder', type: TYPES.uurtarief, required: true },
    { name: 'opvanglocatie', label: 'opvanglocatie: gastouder of ouder', type: TYPES.opvanglocatie, default: 'gastouder' },
    {
      name: 'lrk',
      label: 'LRK-nummer van de opvang bij de ouder thuis (9 cijfers; nodig om te factureren bij opvanglocatie ouder)',
      type: TYPES.lrk,
    },
    // Co-parents (CONTRACT §9): each ouder is invoiced her share of every line (domain/coouders.ts).
    { name: 'tweede-ouder', label: 'code van een tweede ouder die een deel betaalt (leeg: geen)', type: TYPES.code },
    {
      name: 'verdeling',
      label: 'percentage (1–100) dat de ouder van het kind betaalt; de tweede ouder betaalt de rest (standaard 100)',
      type: TYPES.procent,
      default: 100,
    },
  ],
};

/** The bureau's settings (CONTRACT §6): one row, set with `gob init` or `gob bureau set`. */
export const BUREAU_FIELDS: Field[] = [
  { name: 'naam', label: 'naam van het bureau', type: TYPES.text },
  ...adresVelden,
  { name: 'kvk', label: 'KvK-nummer (8 cijfers)', type: TYPES.kvk },
  { name: 'lrk', label: 'LRK-nummer van het bureau (9 cijfers)', type: TYPES.lrk },
  { name: 'bic', label: 'BIC van de bank van het bureau', type: TYPES.bic },
  { name: 'incassant-id', label: 'incassant-ID voor SEPA-incasso', type: TYPES.incassantId },
  { name: 'deadline-dag', label: 'urenkaarten van maand M op tijd vóór deze dag van maand M+1 (standaard 5)', type: TYPES.dagVanDeMaand },
  { name: 'betaaltermijn', label: 'betaaltermijn van facturen in dagen (standaard 14)', type: TYPES.aantal },
  { name: 'uitbetaaltermijn', label: 'uitbetalen binnen zoveel werkdagen na betaling (standaard 5)', type: TYPES.aantal },
  { name: 'beginner-max', label: 'max. kinderen bij een gastouder met < 6 maanden ervaring (0 = uit)', type: TYPES.aantal },
  { name: 'bureaukosten-model', label: 'bureaukosten per maand of per uur (maand/uur)', type: TYPES.bureaukostenModel },
  { name: 'bureaukosten-een-kind', label: 'bureaukosten per maand, één kind (standaard 29,50)', type: TYPES.bedrag },
  { name: 'bureaukosten-meer-kinderen', label: 'bureaukosten per maand, twee of meer kinderen (standaard 57,50)', type: TYPES.bedrag },
  { name: 'bureaukosten-uur', label: 'bureaukosten per uur: tarief of staffel 0:1,60;80:1,40', type: TYPES.schaal },
  { name: 'certificaat', label: 'pad van het .p12-certificaat voor digitale handtekeningen', type: TYPES.pad },
  {
    name: 'afgesproken-uren',
    label: 'factureer ook afgesproken uren die niet op tijd zijn afgemeld (ja/nee, standaard nee)',
    type: TYPES.janee,
  },
  { name: 'afmeldtermijn', label: 'afwezigheid zoveel dagen van tevoren melden om niet te betalen (standaard 14)', type: TYPES.aantal },
  // CONTRACT §10: a bureau's own policy may ask more than the law. Cleared, they go back to the default.
  {
    name: 'huisbezoeken-per-jaar',
    label: 'huisbezoeken per gastouder per kalenderjaar (standaard 2)',
    type: TYPES.aantal,
    default: 2,
  },
  {
    name: 'evaluaties-per-jaar',
    label: 'evaluaties per koppeling per jaar: 1 (binnen 12 maanden) of 2 (binnen 6 maanden); standaard 1',
    type: TYPES.evaluatiesPerJaar,
    default: 1,
  },
  // CONTRACT §13. At least 7: invoices are fiscal records for that long (art. 52 AWR).
  {
    name: 'bewaartermijn',
    label: 'bewaartermijn in jaren (standaard 7, de fiscale termijn; 7 tot 100)',
    type: TYPES.bewaartermijn,
    default: 7,
  },
];

/**
 * A housemate of a gastouder (CONTRACT §10), keyed by the id gob gives it. `id` is a CSV column and
 * JSON key (import upserts by it) but no option: add assigns it, edit and remove take it as argument.
 */
export const HUISGENOOT_FIELDS: Field[] = [
  { name: 'id', label: 'id (leeg: nieuw)', type: TYPES.id },
  { name: 'gastouder', label: 'code van de gastouder', type: TYPES.code, required: true },
  { name: 'naam', label: 'naam', type: TYPES.text, required: true },
  { name: 'geboortedatum', label: 'geboortedatum', type: TYPES.datum, required: true },
  { name: 'vog-datum', label: 'datum van de VOG', type: TYPES.datum },
  {
    name: 'prk',
    label: 'gekoppeld aan het bureau in het Personenregister Kinderopvang (ja/nee, standaard nee)',
    type: TYPES.janee,
    default: 0,
  },
];

/** A visit or conversation (CONTRACT §10), keyed by id like a huisgenoot. */
export const BEZOEK_FIELDS: Field[] = [
  { name: 'id', label: 'id (leeg: nieuw)', type: TYPES.id },
  { name: 'gastouder', label: 'code van de gastouder', type: TYPES.code, required: true },
  { name: 'soort', label: `soort: ${BEZOEK_SOORTEN.join(', ')}`, type: TYPES.bezoekSoort, required: true },
  { name: 'datum', label: 'datum van het bezoek of gesprek', type: TYPES.datum, required: true },
  { name: 'koppeling', label: 'code van de koppeling (alleen en verplicht bij een evaluatie)', type: TYPES.code },
  { name: 'notitie', label: 'notitie (ten hoogste 500 tekens)', type: TYPES.opmerking },
];

/** A rooster entry: a weekly slot of a guest child (koppeling) or of an own child (kind). */
export const ROOSTER_FIELDS: Field[] = [
  { name: 'koppeling', label: 'code van de koppeling (gastkind)', type: TYPES.code },
  { name: 'kind', label: 'code van een eigen kind van de gastouder', type: TYPES.code },
  { name: 'dag', label: 'dag van de week (ma … zo)', type: TYPES.dag, required: true },
  { name: 'van', label: 'begintijd', type: TYPES.tijd, required: true },
  { name: 'tot', label: 'eindtijd', type: TYPES.eindtijd, required: true },
  { name: 'vanaf', label: 'geldt vanaf (leeg: start van de koppeling)', type: TYPES.datum },
  { name: 'tot-en-met', label: 'geldt tot en met (leeg: eind van de koppeling)', type: TYPES.datum },
];

export const ENTITIES: Record<EntityName, Entity> = { gastouder: GASTOUDER, ouder: OUDER, kind: KIND, koppeling: KOPPELING };

export { ACCEPTED };
