// Plain calendar dates as 'JJJJ-MM-DD' strings, computed with integers only. Nothing here reads the
// clock: "today" is always passed in (see src/cli/context.ts).

declare const brand: unique symbol;
/**
 * A date 'JJJJ-MM-DD' (parseDate in values.ts reads one from what a user typed). Datum and Maand
 * are strings with a name: a plain string still goes in (a database column, a literal), but a
 * Maand where a Datum belongs, or the other way round, does not type-check. The brand is optional
 * because database rows and tests hand in plain strings that are dates by construction.
 */
export type Datum = string & { readonly [brand]?: 'Datum' };
/** A month 'JJJJ-MM' (parseMonth in values.ts). */
export type Maand = string & { readonly [brand]?: 'Maand' };

export const DAGEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export type Dag = (typeof DAGEN)[number];

/** The full Dutch name of each weekday, as messages, contracts and the day parser use it. */
export const DAGNAAM: Record<Dag, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
};

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function splitDate(d: Datum): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

export function makeDate(y: number, m: number, d: number): Datum {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil): lets us add days and find weekdays. */
export function dayNumber(date: Datum): number {
  const [y0, m, d] = splitDate(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): Datum {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return makeDate(y, m, d);
}

export function addDays(date: Datum, days: number): Datum {
  return fromDayNumber(dayNumber(date) + days);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day. */
export function addMonths(date: Datum, months: number): Datum {
  const [y, m, d] = splitDate(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return makeDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Weekday of a date, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayIndex(date: Datum): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

export function weekday(date: Datum): Dag {
  return DAGEN[weekdayIndex(date)]!;
}

/**
 * Completed years on a date. Comparing (month, day) pairs makes someone born on 29 February a year
 * older on 1 March in years without a 29 February, as the contract requires.
 */
export function ageInYears(geboortedatum: Datum, on: Datum): number {
  const [by, bm, bd] = splitDate(geboortedatum);
  const [y, m, d] = splitDate(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Completed months on a date, with the same rule for days that a month lacks. */
export function ageInMonths(geboortedatum: Datum, on: Datum): number {
  const [by, bm, bd] = splitDate(geboortedatum);
  const [y, m, d] = splitDate(on);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/**
 * The first date on which someone born on `geboortedatum` is `months` months old: the same day
 * `months` later, or the 1st of the next month when that month is too short (29 February → 1 March).
 */
export function dateOfAgeInMonths(geboortedatum: Datum, months: number): Datum {
  const [by, bm, bd] = splitDate(geboortedatum);
  const index = by * 12 + (bm - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  if (bd <= daysInMonth(y, m)) return makeDate(y, m, bd);
  return addDays(makeDate(y, m, daysInMonth(y, m)), 1);
}

export function monthOf(date: Datum): Maand {
  return date.slice(0, 7);
}

export function firstOfMonth(maand: Maand): Datum {
  return `${maand}-01`;
}

export function lastOfMonth(maand: Maand): Datum {
  const y = Number(maand.slice(0, 4));
  const m = Number(maand.slice(5, 7));
  return makeDate(y, m, daysInMonth(y, m));
}

export function addMonthsToMaand(maand: Maand, months: number): Maand {
  return monthOf(addMonths(firstOfMonth(maand), months));
}

export function minDate(a: Datum, b: Datum): Datum {
  return a < b ? a : b;
}

export function maxDate(a: Datum, b: Datum): Datum {
  return a > b ? a : b;
}

/** Do the inclusive periods [aStart, aEnd] and [bStart, bEnd] share a date? A null end is open. */
export function periodsOverlap(aStart: Datum, aEnd: Datum | null, bStart: Datum, bEnd: Datum | null): boolean {
  return (bEnd === null || aStart <= bEnd) && (aEnd === null || bStart <= aEnd);
}

/** Minutes since midnight of 'HH:MM' ('24:00' → 1440). */
export function timeToMinutes(tijd: string): number {
  return Number(tijd.slice(0, 2)) * 60 + Number(tijd.slice(3, 5));
}

export function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const MAANDNAMEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** '3 november 2026'. */
export function formatDatumLang(date: Datum): string {
  const [y, m, d] = splitDate(date);
  return `${d} ${MAANDNAMEN[m - 1]} ${y}`;
}

/** 'oktober 2026'. */
export function formatMaandLang(maand: Maand): string {
  return `${MAANDNAMEN[Number(maand.slice(5, 7)) - 1]} ${maand.slice(0, 4)}`;
}
