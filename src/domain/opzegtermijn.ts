// The notice period (CONTRACT §9 "Notice (opzegtermijn)", §3 `koppeling end`), pure. The opzegtermijn
// of every overeenkomst is one calendar month from the day notice was given (the opzegdatum): given
// on 15 October, the agreement runs through 14 November. Care that ends earlier still owes the
// rooster minutes of the notice dates after its last day, as if the koppeling had continued; they
// are billed as lines of `soort` `opzegtermijn` in the months those dates fall in. This file says
// which dates those are and how many minutes each month has; the caller loads the koppeling and its
// rooster entries, and prices the minutes as care.
import { type AfspraakEntry, afgesprokenPerDatum, totaalMinuten } from './afspraak.js';
import {
  addDays,
  addMonths,
  addMonthsToMaand,
  type Datum,
  firstOfMonth,
  lastOfMonth,
  type Maand,
  maxDate,
  minDate,
  monthOf,
} from './calendar.js';

/** The opzegtermijn of every overeenkomst: one calendar month. */
export const OPZEGTERMIJN_MAANDEN = 1;

/** A koppeling as ended by `koppeling end`, with what limits the notice it owes. */
export interface Opzegging {
  /** The last day of care (inclusive). */
  eind: Datum;
  /** The day notice was given. */
  opzegdatum: Datum;
  /** Ended by mutual agreement (`--zonder-opzegtermijn`): no notice is owed. */
  zonderOpzegtermijn: boolean;
  /** The gastouder's last day with the bureau (null: she stays): care she could not give is never owed. */
  gastouderEind: Datum | null;
  /**
   * The first day of a later koppeling of the same kind at the same gastouder (null: none): from that
   * day the care goes on under the new agreement, and its hours are billed under it, not as notice.
   */
  volgendeStart: Datum | null;
}

/** The last day of the notice period: one month after the opzegdatum, less a day (15 Oct → 14 Nov; 31 Jan → 27 Feb). */
export function laatsteOpzegdag(opzegdatum: Datum): Datum {
  return addDays(addMonths(opzegdatum, OPZEGTERMIJN_MAANDEN), -1);
}

/**
 * The dates owed as notice, or null when none are: from the day after `eind` (but not before the
 * opzegdatum: care that ended before notice was given owes the notice month, never more) through
 * the last day of the notice period, cut short where the gastouder stops or a next koppeling of the
 * child with her starts. Nothing with `zonderOpzegtermijn`, nor when care runs to the notice's end.
 */
export function opzegPeriode(o: Opzegging): { van: Datum; totEnMet: Datum } | null {
  if (o.zonderOpzegtermijn) return null;
  let totEnMet = laatsteOpzegdag(o.opzegdatum);
  if (o.gastouderEind !== null) totEnMet = minDate(totEnMet, o.gastouderEind);
  if (o.volgendeStart !== null) totEnMet = minDate(totEnMet, addDays(o.volgendeStart, -1));
  const van = maxDate(addDays(o.eind, 1), o.opzegdatum);
  return van <= totEnMet ? { van, totEnMet } : null;
}

/**
 * The rooster minutes of the notice dates in `maand`: the entries that would have applied on those
 * dates had the koppeling continued (each within its own `vanaf` … `tot-en-met`), counted as
 * `afgesprokenPerDatum` counts agreed minutes everywhere else; less, per date, the urenkaart minutes
 * `gewerkt` gives of the child at this gastouder.
 */
export function opzegMinuten(maand: Maand, o: Opzegging, entries: readonly AfspraakEntry[], gewerkt?: (datum: Datum) => number): number {
  const periode = opzegPeriode(o);
  if (periode === null || periode.totEnMet < firstOfMonth(maand) || periode.van > lastOfMonth(maand)) return 0;
  const perDatum = afgesprokenPerDatum(maand, { start: periode.van, eind: periode.totEnMet }, entries);
  if (!gewerkt) return totaalMinuten(perDatum);
  // A notice date with care on the urenkaart (left from before gob refused an end before it) owes
  // only what the care fell short of the rooster, as agreed hours do: its care is billed as opvang.
  let minuten = 0;
  for (const [datum, m] of perDatum) minuten += Math.max(0, m - gewerkt(datum));
  return minuten;
}

/** One month of a notice: its dates and their rooster minutes. */
export interface OpzegMaand {
  maand: Maand;
  van: Datum;
  totEnMet: Datum;
  minuten: number;
}

/**
 * The notice per month it falls in (months without rooster minutes left out), for `koppeling end`
 * to say what it costs; a month in `gehouden` (invoiced, with the rooster it keeps) is counted
 * from that rooster, as `factuur run` bills it.
 */
export function opzegMaanden(
  o: Opzegging,
  entries: readonly AfspraakEntry[],
  gehouden: ReadonlyMap<Maand, readonly AfspraakEntry[]> = new Map(),
): OpzegMaand[] {
  const periode = opzegPeriode(o);
  if (periode === null) return [];
  const result: OpzegMaand[] = [];
  for (let maand = monthOf(periode.van); maand <= monthOf(periode.totEnMet); maand = addMonthsToMaand(maand, 1)) {
    const minuten = opzegMinuten(maand, o, gehouden.get(maand) ?? entries);
    if (minuten === 0) continue;
    result.push({
      maand,
      van: maxDate(periode.van, firstOfMonth(maand)),
      totEnMet: minDate(periode.totEnMet, lastOfMonth(maand)),
      minuten,
    });
  }
  return result;
}

/**
 * Whether a change of a koppeling's end by `edit` or `import` withdraws the notice `koppeling end`
 * recorded: reopened (no end any more), or an end set on an open koppeling (a fixed term). A moved
 * end keeps it: care ran shorter or longer, and the notice given still stands.
 */
export function eindTrektOpzeggingIn(voor: Datum | null, na: Datum | null): boolean {
  return voor !== na && (voor === null || na === null);
}
