// Parsers for the values of CONTRACT §2. Each takes the raw text a user typed (option, prompt or CSV
// cell) and returns the stored form, or throws a ValueError that names the accepted forms.
import { electronicFormatIBAN, isSEPACountry, isValidIBAN } from 'ibantools';
import { ValueError } from '../errors.js';
import { CONTROL } from './show-value.js';
import { DAGEN, DAGNAAM, type Dag, type Datum, daysInMonth, type Maand, makeDate } from './calendar.js';
import { type Cent, formatEuro } from './money.js';

export { showValue } from './show-value.js';

export const ACCEPTED = {
  datum: 'een datum als JJJJ-MM-DD, DD-MM-JJJJ, D-M-JJJJ of DD/MM/JJJJ',
  maand: 'een maand als JJJJ-MM of MM-JJJJ',
  jaar: 'een jaar als JJJJ, van 2000 tot en met 2100',
  tijd: 'een tijd als HH:MM, H:MM, HH.MM of HH:MM:00 (00:00 tot en met 23:59)',
  eindtijd: 'een tijd als HH:MM, H:MM, HH.MM of HH:MM:00 (00:01 tot en met 24:00)',
  bedrag: 'een bedrag als 7,50, 7.50, € 7,50 of 1.234,56',
  code: '1 tot 20 letters, cijfers, - of _',
  iban: 'een IBAN met geldig controlegetal (ISO 13616), bijvoorbeeld NL91 ABNA 0417 1643 00',
  bsn: '9 cijfers die voldoen aan de elfproef',
  lrk: 'een LRK-nummer van 9 cijfers',
  kvk: 'een KvK-nummer van 8 cijfers',
  janee: 'ja, nee, true, false, 1 of 0',
  dag: 'ma, di, wo, do, vr, za, zo of de volledige naam (maandag … zondag)',
  geheelGetal: 'een geheel getal',
  bic: 'een BIC van 8 of 11 tekens, bijvoorbeeld ABNANL2A',
  email: 'een e-mailadres als naam@voorbeeld.nl, van ten hoogste 200 tekens',
  tekst: 'tekst van ten hoogste 200 tekens, zonder stuurtekens (zoals tab, regeleinde, ESC of NUL)',
  opmerking: 'tekst van ten hoogste 500 tekens, zonder stuurtekens (zoals tab, regeleinde, ESC of NUL)',
  pad: 'een bestandspad zonder stuurtekens (zoals tab, regeleinde, ESC of NUL)',
  uurtarief: 'een bedrag van meer dan € 0,00 en ten hoogste € 100,00, als 7,50 of € 7,50',
  mandaat:
    "1 tot 35 tekens uit de SEPA-tekenset: letters A–Z en a–z (zonder accenten), cijfers, spatie en / - ? : ( ) . , ' +; niet beginnend of eindigend met / of een spatie, zonder // en zonder dubbele spaties",
} as const;

/** CONTRACT §2 "Bounds". */
export const MAX_BEDRAG_CENT = 100_000_000;
export const MAX_UURTARIEF_CENT = 10_000;
export const MAX_TEKST = 200;
export const MAX_OPMERKING = 500;

function fail(raw: string, accepted: string): never {
  throw new ValueError(raw, accepted);
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function parseDate(raw: string): Datum {
  const s = raw.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number;
  let m: number;
  let d: number;
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(s);
    if (!match) fail(raw, ACCEPTED.datum);
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1900 || y > 2200) fail(raw, `${ACCEPTED.datum}, in de jaren 1900 tot en met 2200`);
  if (!validDate(y, m, d)) fail(raw, `${ACCEPTED.datum}, die in de kalender bestaat`);
  return makeDate(y, m, d);
}

export function parseMonth(raw: string): Maand {
  const s = raw.trim();
  let match = /^(\d{4})-(\d{1,2})$/.exec(s);
  let y: number;
  let m: number;
  if (match) {
    [y, m] = [Number(match[1]), Number(match[2])];
  } else {
    match = /^(\d{1,2})-(\d{4})$/.exec(s);
    if (!match) fail(raw, ACCEPTED.maand);
    [m, y] = [Number(match[1]), Number(match[2])];
  }
  if (m < 1 || m > 12 || y < 1900 || y > 2200) fail(raw, ACCEPTED.maand);
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** A care year, as the jaaropgave and the toeslag tables take it. */
export function parseJaar(raw: string): number {
  const s = raw.trim();
  if (!/^\d{4}$/.test(s)) fail(raw, ACCEPTED.jaar);
  const y = Number(s);
  if (y < 2000 || y > 2100) fail(raw, ACCEPTED.jaar);
  return y;
}

/**
 * A time of day; `end` allows 24:00 (the end of a slot that runs to midnight) and forbids 00:00.
 * Seconds are accepted only as ':00' (Excel's own export writes 08:00:00): a time with other
 * seconds is no whole minute, and rounding it silently would change the hours billed.
 */
export function parseTime(raw: string, { end = false } = {}): string {
  const match = /^(\d{1,2})(?::(\d{2})(?::00)?|\.(\d{2}))$/.exec(raw.trim());
  const accepted = end ? ACCEPTED.eindtijd : ACCEPTED.tijd;
  if (!match) fail(raw, accepted);
  const h = Number(match[1]);
  const min = Number(match[2] ?? match[3]);
  if (min > 59) fail(raw, accepted);
  if (end ? h > 24 || (h === 24 && min > 0) || (h === 0 && min === 0) : h > 23) fail(raw, accepted);
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * An amount in euro to integer cent, without floating point. With both '.' and ',' the last one
 * is the decimal mark; a lone '.' followed by exactly three digits is a thousands separator
 * (Dutch '1.234' is twelve hundred), otherwise a decimal mark.
 */
export function parseAmount(raw: string, { negative = false, max = MAX_BEDRAG_CENT } = {}): Cent {
  let s = raw
    .trim()
    .replace(/^€\s*/, '')
    .replace(/^EUR\s*/i, '')
    .replace(/\s/g, '');
  let sign = 1;
  if (s.startsWith('-') && negative) {
    sign = -1;
    s = s.slice(1).replace(/^€/, '');
  }
  const accepted = negative ? `${ACCEPTED.bedrag}, eventueel met een minteken` : ACCEPTED.bedrag;
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) fail(raw, accepted);
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let decimalAt = -1;
  if (lastComma >= 0 && lastDot >= 0) decimalAt = Math.max(lastComma, lastDot);
  else if (lastComma >= 0) decimalAt = lastComma;
  // `1.234` is a thousand euros; `0.075` and `0.500` are no thousands (nobody groups a leading
  // zero) but three decimals, refused below: read as thousands they were € 75 and € 500.
  else if (lastDot >= 0 && !/^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) decimalAt = lastDot;
  const intPart = decimalAt >= 0 ? s.slice(0, decimalAt) : s;
  const fracPart = decimalAt >= 0 ? s.slice(decimalAt + 1) : '';
  const thousandsMark = decimalAt >= 0 ? (s[decimalAt] === ',' ? '.' : ',') : '.';
  const groups = intPart.split(thousandsMark);
  const wellGrouped = groups.length === 1 || (!groups[0]!.startsWith('0') && groups.slice(1).every((g) => g.length === 3));
  if (!wellGrouped || groups.some((g) => !/^\d+$/.test(g)) || !/^\d{0,2}$/.test(fracPart)) fail(raw, accepted);
  const euros = Number(groups.join(''));
  const cents = Number(fracPart.padEnd(2, '0') || '0');
  const total = euros * 100 + cents;
  // Saying how it was read: `7.500` for an hourly rate is seven and a half thousand euros.
  if (!Number.isSafeInteger(total) || total > max)
    fail(raw, `${accepted}, van ten hoogste ${formatEuro(max)}${Number.isSafeInteger(total) ? readAs(raw, total) : ''}`);
  return sign * total;
}

/** ' (gelezen als € 7.500,00)' when the amount was read otherwise than it was written (`7.500`). */
function readAs(raw: string, cent: Cent): string {
  const shown = formatEuro(cent);
  const bare = (text: string) => text.replace(/€|\s/g, '');
  return bare(raw) === bare(shown) ? '' : ` (gelezen als ${shown})`;
}

/** A gastouder's hourly rate: more than € 0 and at most € 100,00 (CONTRACT §2). */
export function parseUurtarief(raw: string): Cent {
  let cent: Cent;
  try {
    cent = parseAmount(raw);
  } catch {
    fail(raw, ACCEPTED.uurtarief);
  }
  if (cent > MAX_UURTARIEF_CENT) fail(raw, `${ACCEPTED.uurtarief}${readAs(raw, cent)}`);
  if (cent <= 0) fail(raw, ACCEPTED.uurtarief);
  return cent;
}

export function parseCode(raw: string): string {
  const s = raw.trim();
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(s)) fail(raw, ACCEPTED.code);
  return s;
}

export function parseIban(raw: string): string {
  // Any white space, also the non-breaking spaces a bank's web page puts between the groups.
  const iban = electronicFormatIBAN(raw.replace(/\s/g, '')) ?? '';
  if (!isValidIBAN(iban)) fail(raw, ACCEPTED.iban);
  return iban;
}

/**
 * Can money reach this IBAN by SEPA (incasso, overboeking)? ISO 13616 has IBANs of countries
 * outside the SEPA area too (Brazil, Pakistan); a bank file with one is refused by the bank.
 */
export function isSepaIban(iban: string): boolean {
  return isSEPACountry(iban.slice(0, 2));
}

/** The elfproef: 9 digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11. */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  sum -= Number(bsn[8]);
  return sum % 11 === 0 && bsn !== '000000000';
}

export function parseBsn(raw: string): string {
  const s = raw.trim();
  if (!isValidBsn(s)) fail(raw, ACCEPTED.bsn);
  return s;
}

export function parseLrk(raw: string): string {
  const s = raw.trim();
  if (!/^\d{9}$/.test(s)) fail(raw, ACCEPTED.lrk);
  return s;
}

export function parseKvk(raw: string): string {
  const s = raw.trim();
  if (!/^\d{8}$/.test(s)) fail(raw, ACCEPTED.kvk);
  return s;
}

export function parseBic(raw: string): string {
  const s = raw.trim().toUpperCase();
  if (!/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(s)) fail(raw, ACCEPTED.bic);
  return s;
}

export function parseEmail(raw: string): string {
  const s = raw.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) || !fitsText(s, MAX_TEKST)) fail(raw, ACCEPTED.email);
  return s;
}

export function parseBool(raw: string): boolean {
  const s = raw.trim().toLowerCase();
  if (s === 'ja' || s === 'true' || s === '1') return true;
  if (s === 'nee' || s === 'false' || s === '0') return false;
  fail(raw, ACCEPTED.janee);
}

const DAG_NAMEN = new Map(DAGEN.map((dag) => [DAGNAAM[dag], dag]));

export function parseDay(raw: string): Dag {
  const s = raw.trim().toLowerCase();
  if ((DAGEN as readonly string[]).includes(s)) return s as Dag;
  const full = DAG_NAMEN.get(s);
  if (!full) fail(raw, ACCEPTED.dag);
  return full;
}

export function parseInteger(raw: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const s = raw.trim();
  const accepted = `${ACCEPTED.geheelGetal} van ${min} tot en met ${max}`;
  if (!/^-?\d+$/.test(s)) fail(raw, accepted);
  const n = Number(s);
  if (n < min || n > max) fail(raw, accepted);
  return n;
}

/** Dutch postcodes are normalised to '1234 AB'; anything else (a Belgian or German address) is kept as typed. */
export function parsePostcode(raw: string): string {
  const s = parseText(raw);
  const nl = /^(\d{4})\s*([A-Za-z]{2})$/.exec(s);
  return nl ? `${nl[1]} ${nl[2]!.toUpperCase()}` : s;
}

/** At most `max` characters (code points, so 'ł' is one) and no control character. */
function fitsText(s: string, max: number): boolean {
  if (CONTROL.test(s)) return false;
  if (s.length <= max) return true;
  // UTF-16 length over the bound may still be within it in code points; count no further than needed.
  let n = 0;
  for (const _ of s) if (++n > max) return false;
  return true;
}

/** Names and other free text (CONTRACT §2): at most 200 characters, no control characters. */
export function parseText(raw: string): string {
  const s = raw.trim();
  if (!fitsText(s, MAX_TEKST)) fail(raw, ACCEPTED.tekst);
  return s;
}

/** An `opmerking` (a note on an urenkaart line): at most 500 characters, no control characters. */
export function parseOpmerking(raw: string): string {
  const s = raw.trim();
  if (!fitsText(s, MAX_OPMERKING)) fail(raw, ACCEPTED.opmerking);
  return s;
}

/** A file path the bureau sets (its certificate): any length the system allows, no control characters. */
export function parsePad(raw: string): string {
  const s = raw.trim();
  if (!fitsText(s, 4096)) fail(raw, ACCEPTED.pad);
  return s;
}

/**
 * A SEPA mandate id (MndtId): 1–35 characters of the SEPA character set, so that a bank file
 * carries it unchanged. The EPC also forbids a leading or trailing '/' and '//' in identifiers;
 * a bank would reject the collection, so gob refuses it here.
 */
export function parseMandaat(raw: string): string {
  const s = raw.trim();
  if (!isMandaat(s)) fail(raw, ACCEPTED.mandaat);
  return s;
}

/**
 * The one rule for a mandate id, at entry and when a collection is made: it goes into the bank
 * file exactly as signed (no character the SEPA set lacks, no space the XML writer would squeeze).
 */
export function isMandaat(s: string): boolean {
  return (
    /^[A-Za-z0-9 /\-?:().,'+]{1,35}$/.test(s) &&
    s.trim() === s &&
    !s.includes('  ') &&
    !s.startsWith('/') &&
    !s.endsWith('/') &&
    !s.includes('//')
  );
}

/** '*****2782': the last four digits are enough to tell children apart, the rest stays private. */
export function maskBsn(bsn: string | null): string | null {
  return bsn === null ? null : `*****${bsn.slice(-4)}`;
}

/**
 * A SEPA creditor identifier (incassant-ID) such as NL79ZZZ999999990000: country, two check
 * digits over the national part (mod 97, as an IBAN), a 3-character business code, the national id.
 */
export function parseIncassantId(raw: string): string {
  const s = raw.replace(/\s/g, '').toUpperCase();
  const accepted = 'een incassant-ID als NL79ZZZ999999990000 (land, controlegetal, ZZZ, KvK-nummer en volgnummer)';
  const match = /^([A-Z]{2})(\d{2})[A-Z0-9]{3}([A-Z0-9]{1,28})$/.exec(s);
  if (!match) fail(raw, accepted);
  const digits = `${match[3]}${match[1]}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let mod = 0;
  for (const ch of digits) mod = (mod * 10 + Number(ch)) % 97;
  if (98 - mod !== Number(match[2])) fail(raw, accepted);
  return s;
}
