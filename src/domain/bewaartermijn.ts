// The retention term (CONTRACT §13): who is past it, and what anonymising a person makes of the
// documents that name them. Pure: the repository gathers the dates and applies the result.
import { addMonths, type Datum, lastOfMonth, type Maand, maxDate } from './calendar.js';

export type Soort = 'gastouder' | 'ouder' | 'kind';

/** Everything dated that involves one person, gathered from every table. */
export interface Betrokkenheid {
  soort: Soort;
  code: string;
  naam: string;
  /** The latest date of anything of theirs (null: nothing dated). */
  laatste: Datum | null;
  /** Something of theirs still runs: a koppeling or (a gastouder) her time with the bureau without an end. */
  lopend: boolean;
}

export interface Verlopen {
  soort: Soort;
  code: string;
  laatste: Datum;
}

/** The first day still within the term: today, `jaren` years back (29 February goes to the 28th). */
export function termijnGrens(today: Datum, jaren: number): Datum {
  return addMonths(today, -12 * jaren);
}

export const anoniemeNaam = (code: string) => `geanonimiseerd ${code}`;

/** Is this person's record already anonymised (a second run changes nothing)? */
export const isGeanonimiseerd = (b: { code: string; naam: string }) => b.naam === anoniemeNaam(b.code);

/**
 * Who is past the term on `today` and not anonymised yet. Somebody with nothing dated at all (a
 * registration never used) is not: gob does not know when they were registered, and keeps them
 * until something says otherwise. Ordered gastouders, ouders, kinderen, each by code.
 */
export function verlopen(personen: Betrokkenheid[], today: Datum, jaren: number): Verlopen[] {
  const grens = termijnGrens(today, jaren);
  const order: Record<Soort, number> = { gastouder: 0, ouder: 1, kind: 2 };
  return personen
    .filter((p) => !p.lopend && p.laatste !== null && p.laatste < grens && !isGeanonimiseerd(p))
    .map((p) => ({ soort: p.soort, code: p.code, laatste: p.laatste! }))
    .sort((a, b) => order[a.soort] - order[b.soort] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The latest of some dates and months (a month counts to its last day); null when there are none. */
export function laatsteVan(datums: (Datum | null | undefined)[], maanden: (Maand | null | undefined)[] = []): Datum | null {
  let laatste: Datum | null = null;
  for (const d of [...datums, ...maanden.map((m) => (m ? lastOfMonth(m) : null))]) {
    if (d) laatste = laatste === null ? d : maxDate(laatste, d);
  }
  return laatste;
}

/**
 * A birth date keeps only its year. Stored as 1 January of that year (`JJJJ-01-01`), so that every
 * reader of a date (ages in the rules, CSV round trips, JSON consumers) keeps working; the name
 * `geanonimiseerd <code>` says the record is anonymised, and with it that the day is not real.
 */
export function anoniemeGeboortedatum(d: string | null): string | null {
  return d && /^\d{4}/.test(d) ? `${d.slice(0, 4)}-01-01` : null;
}

/** The fields a person's record or snapshot loses: cleared, or (name, birth date) reduced. */
export const GEWISTE_VELDEN = ['adres', 'postcode', 'plaats', 'email', 'telefoon', 'iban', 'bsn', 'mandaat'] as const;

export interface Anoniem {
  gastouders: Set<string>;
  ouders: Set<string>;
  kinderen: Set<string>;
}

/** A person's object in a snapshot, anonymised: the same keys, personal values reduced. */
function persoon(obj: Record<string, unknown>, code: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'naam') out[k] = anoniemeNaam(code);
    else if (k === 'geboortedatum') out[k] = anoniemeGeboortedatum(typeof v === 'string' ? v : null);
    else if ((GEWISTE_VELDEN as readonly string[]).includes(k)) out[k] = null;
    else out[k] = v;
  }
  return out;
}

function perCode(map: unknown, codes: Set<string>): unknown {
  if (!map || typeof map !== 'object') return map;
  return Object.fromEntries(
    Object.entries(map as Record<string, Record<string, unknown>>).map(([c, v]) => [
      c,
      codes.has(c) && v && typeof v === 'object' ? persoon(v, c) : v,
    ]),
  );
}

/**
 * An invoice's or jaaropgave's snapshot (JSON text) with the anonymised people's fields reduced,
 * and everything else (bureau, figures, lines, keys) as it was. Returns the same text when it
 * names nobody of `anoniem`, so that a second run writes nothing.
 */
export function anonimiseerSnapshot(gegevens: string, anoniem: Anoniem): string {
  const g = JSON.parse(gegevens) as Record<string, unknown>;
  const ouder = g.ouder as Record<string, unknown> | undefined;
  const out: Record<string, unknown> = { ...g };
  if (ouder && typeof ouder.code === 'string' && anoniem.ouders.has(ouder.code)) {
    out.ouder = persoon(ouder, ouder.code);
    // The toeslagpartner is known only through the ouder: cleared with them, name included.
    if (g.partner && typeof g.partner === 'object') {
      out.partner = Object.fromEntries(Object.keys(g.partner).map((k) => [k, null]));
    }
  }
  if ('kinderen' in g) out.kinderen = perCode(g.kinderen, anoniem.kinderen);
  if ('gastouders' in g) out.gastouders = perCode(g.gastouders, anoniem.gastouders);
  const text = JSON.stringify(out);
  return text === JSON.stringify(g) ? gegevens : text;
}

/**
 * A stored SEPA file with the anonymised people's names, IBANs and mandates replaced, per
 * transaction: `wie(endToEndId)` names the person a transaction is about (null: someone else).
 * Amounts, dates, ids and the bureau's own details stay, so the file still says what was booked;
 * it is no longer a file a bank would accept, which a file older than the term never needs to be.
 */
export function anonimiseerSepa(xml: string, wie: (endToEndId: string) => string | null): string {
  return xml.replace(/<(DrctDbtTxInf|CdtTrfTxInf)>([\s\S]*?)<\/\1>/g, (block, _tag: string, body: string) => {
    const id = /<EndToEndId>([^<]*)<\/EndToEndId>/.exec(body)?.[1];
    const persoonCode = id === undefined ? null : wie(id);
    if (persoonCode === null) return block;
    return block
      .replace(/<Nm>[^<]*<\/Nm>/g, `<Nm>${anoniemeNaam(persoonCode)}</Nm>`)
      .replace(/<IBAN>[^<]*<\/IBAN>/g, '<IBAN>geanonimiseerd</IBAN>')
      .replace(/<MndtId>[^<]*<\/MndtId>/g, '<MndtId>geanonimiseerd</MndtId>');
  });
}
