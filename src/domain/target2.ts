// TARGET2 days: the days the euro payment system settles, and so the only dates a SEPA collection
// or transfer can be executed on. Monday to Friday except 1 January, Good Friday, Easter Monday,
// 1 May, 25 and 26 December (CONTRACT §6). Not the Dutch werkdagen: Koningsdag, Hemelvaartsdag
// and the like are TARGET2 days.
import { addDays, type Datum, weekdayIndex } from './calendar.js';
import { easter } from './werkdagen.js';

/** Why `date` is no TARGET2 day ('zaterdag', 'Goede Vrijdag', …), or null when it is one. */
export function target2Sluiting(date: Datum): string | null {
  const weekday = weekdayIndex(date);
  if (weekday === 5) return 'een zaterdag';
  if (weekday === 6) return 'een zondag';
  const monthDay = date.slice(5);
  const fixed: Record<string, string> = {
    '01-01': 'Nieuwjaarsdag',
    '05-01': '1 mei',
    '12-25': 'Eerste Kerstdag',
    '12-26': 'Tweede Kerstdag',
  };
  if (fixed[monthDay]) return fixed[monthDay];
  const e = easter(Number(date.slice(0, 4)));
  if (date === addDays(e, -2)) return 'Goede Vrijdag';
  if (date === addDays(e, 1)) return 'Tweede Paasdag';
  return null;
}

export function isTarget2Dag(date: Datum): boolean {
  return target2Sluiting(date) === null;
}

/** The first TARGET2 day on or after `date`. */
export function target2OpOfNa(date: Datum): Datum {
  let d = date;
  while (!isTarget2Dag(d)) d = addDays(d, 1);
  return d;
}

/** The first TARGET2 day strictly after `date`: the earliest collection date when today is `date`. */
export function volgendeTarget2Dag(date: Datum): Datum {
  return target2OpOfNa(addDays(date, 1));
}
