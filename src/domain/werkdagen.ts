// Werkdagen (working days) for payout deadlines: Monday to Friday, except the holidays of the
// Algemene termijnenwet (art. 3): Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag,
// 5 mei, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag. (Eerste Paas- and
// Pinksterdag are Sundays.)
import { addDays, type Datum, makeDate, weekdayIndex } from './calendar.js';

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easter(year: number): Datum {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDate(year, month, day);
}

/** The holidays of a year, by name. Koningsdag moves to 26 April when the 27th is a Sunday. */
export function feestdagen(year: number): Map<Datum, string> {
  const e = easter(year);
  const koningsdag = makeDate(year, 4, 27);
  return new Map([
    [makeDate(year, 1, 1), 'Nieuwjaarsdag'],
    [addDays(e, -2), 'Goede Vrijdag'],
    [addDays(e, 1), 'Tweede Paasdag'],
    [weekdayIndex(koningsdag) === 6 ? makeDate(year, 4, 26) : koningsdag, 'Koningsdag'],
    [makeDate(year, 5, 5), '5 mei'],
    [addDays(e, 39), 'Hemelvaartsdag'],
    [addDays(e, 50), 'Tweede Pinksterdag'],
    [makeDate(year, 12, 25), 'Eerste Kerstdag'],
    [makeDate(year, 12, 26), 'Tweede Kerstdag'],
  ]);
}

const cache = new Map<number, Map<Datum, string>>();

export function isWerkdag(date: Datum): boolean {
  if (weekdayIndex(date) >= 5) return false;
  const year = Number(date.slice(0, 4));
  let days = cache.get(year);
  if (!days) {
    days = feestdagen(year);
    cache.set(year, days);
  }
  return !days.has(date);
}

/** The date `n` werkdagen after `date` (the date itself not counted). */
export function addWerkdagen(date: Datum, n: number): Datum {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWerkdag(d)) left--;
  }
  return d;
}
