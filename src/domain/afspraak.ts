// The agreement (CONTRACT §9): what the rooster says a child is at a gastouder, per date of a month,
// and how that compares with the urenkaart. Pure: the caller loads the koppeling and its rooster
// entries; `gob factuur check`, `gob urenkaart check` and the billing of agreed hours share it, so
// "the agreed minutes of a date" means one thing everywhere.
import {
  DAGEN,
  type Datum,
  dayNumber,
  daysInMonth,
  type Maand,
  makeDate,
  maxDate,
  minDate,
  timeToMinutes,
  weekdayIndex,
} from './calendar.js';
import { formatEuro, formatUren } from './money.js';
import type { RoosterEntry } from './rooster.js';
import { MAX_MINUTEN_PER_MAAND } from './urenkaart.js';

/** What of a rooster entry counts for the agreed minutes (a `RoosterEntry` fits). */
export type AfspraakEntry = Pick<RoosterEntry, 'dag' | 'van' | 'tot' | 'vanaf' | 'totEnMet'>;

/** The period of a koppeling: `eind` inclusive, null while it runs. */
export interface AfspraakPeriode {
  start: Datum;
  eind: Datum | null;
}

/**
 * The rooster minutes of one koppeling on each date of `maand`: every entry counts on each date of
 * its weekday that lies in the month, within the koppeling's start and end and within the entry's
 * own `vanaf` … `tot-en-met`. Two entries on one date add up (a child's entries never overlap; the
 * rooster refuses that). Public holidays count like any other date: the rooster is the agreement,
 * and a day off is an absence (§9), not a gap in the rooster. Only dates with minutes are in the
 * map, in date order.
 */
export function afgesprokenPerDatum(maand: Maand, koppeling: AfspraakPeriode, entries: readonly AfspraakEntry[]): Map<Datum, number> {
  const m = maandGegevens(maand);
  let perDag: number[] | null = null;
  for (const entry of entries) {
    const minuten = timeToMinutes(entry.tot) - timeToMinutes(entry.van);
    const span = minuten > 0 ? dagenVan(m, koppeling, entry) : null;
    if (span === null) continue;
    perDag ??= new Array<number>(m.datums.length).fill(0);
    for (let n = span[0]; n <= span[1]; n += 7) perDag[n - m.eersteDag]! += minuten;
  }
  const result = new Map<Datum, number>();
  if (perDag === null) return result;
  for (let i = 0; i < perDag.length; i++) if (perDag[i]! > 0) result.set(m.datums[i]!, perDag[i]!);
  return result;
}

interface MaandGegevens {
  maand: Maand;
  eerste: Datum;
  laatste: Datum;
  eersteDag: number;
  datums: Datum[];
}

/**
 * The month's first and last date and all its dates, kept for the last month asked: billing and
 * the checks ask for the same month once per koppeling (50,000 times in a large bureau), and
 * formatting the dates was most of the work. A cache of a pure value; nothing else is kept.
 */
let vorigeMaand: MaandGegevens | null = null;
function maandGegevens(maand: Maand): MaandGegevens {
  if (vorigeMaand?.maand === maand) return vorigeMaand;
  const [y, m] = [Number(maand.slice(0, 4)), Number(maand.slice(5, 7))];
  const datums = Array.from({ length: daysInMonth(y, m) }, (_, i) => makeDate(y, m, i + 1));
  vorigeMaand = { maand, eerste: datums[0]!, laatste: datums.at(-1)!, eersteDag: dayNumber(datums[0]!), datums };
  return vorigeMaand;
}

/**
 * The first and last day number (calendar.ts `dayNumber`) on which an entry applies in the month,
 * a week apart; null when it has no date there (its weekday may not occur in a short overlap).
 */
function dagenVan(m: MaandGegevens, koppeling: AfspraakPeriode, entry: AfspraakEntry): [number, number] | null {
  const vanaf = maxDate(maxDate(m.eerste, koppeling.start), entry.vanaf ?? koppeling.start);
  let tot = m.laatste;
  if (koppeling.eind !== null) tot = minDate(tot, koppeling.eind);
  if (entry.totEnMet !== null) tot = minDate(tot, entry.totEnMet);
  if (tot < vanaf) return null;
  const eerste = dayNumber(vanaf) + ((DAGEN.indexOf(entry.dag) - weekdayIndex(vanaf) + 7) % 7);
  const laatste = dayNumber(tot);
  return eerste <= laatste ? [eerste, laatste] : null;
}

/**
 * The dates of the month on which one rooster entry applies, by the same rule as
 * `afgesprokenPerDatum` (the urenkaart template lists them, so that an untouched template imports
 * exactly the agreed minutes).
 */
export function datumsVan(maand: Maand, koppeling: AfspraakPeriode, entry: AfspraakEntry): Datum[] {
  const m = maandGegevens(maand);
  const span = timeToMinutes(entry.tot) > timeToMinutes(entry.van) ? dagenVan(m, koppeling, entry) : null;
  const datums: Datum[] = [];
  if (span) for (let n = span[0]; n <= span[1]; n += 7) datums.push(m.datums[n - m.eersteDag]!);
  return datums;
}

/** Does the koppeling have rooster minutes on any date of the month? (Without building the dates: a large bureau asks it 50,000 times.) */
export function heeftRoosterIn(maand: Maand, koppeling: AfspraakPeriode, entries: readonly AfspraakEntry[]): boolean {
  return entries.some(
    (entry) => timeToMinutes(entry.tot) > timeToMinutes(entry.van) && dagenVan(maandGegevens(maand), koppeling, entry) !== null,
  );
}

/** Adds minutes per date of `van` into `naar` (several koppelingen of one kind × gastouder, or urenkaart lines). */
export function telOp(naar: Map<Datum, number>, van: ReadonlyMap<Datum, number>): Map<Datum, number> {
  for (const [datum, minuten] of van) naar.set(datum, (naar.get(datum) ?? 0) + minuten);
  return naar;
}

export function totaalMinuten(perDatum: ReadonlyMap<Datum, number>): number {
  let total = 0;
  for (const minuten of perDatum.values()) total += minuten;
  return total;
}

/** One kind × gastouder of a month for `gob factuur check`: agreed against actual, per date. */
export interface Vergelijking {
  /** Rooster minutes per date (over every koppeling of this kind with this gastouder). */
  afgesproken: ReadonlyMap<Datum, number>;
  /** Urenkaart minutes per date. */
  uren: ReadonlyMap<Datum, number>;
  /** The kind's urenkaart minutes in the month at every gastouder together (the 230 hours are per child). */
  kindMinuten: number;
  /**
   * The average hourly price of this care as `factuur run` bills it (care plus its share of the
   * bureau's fee), or null without minutes.
   */
  uurprijsCent: number | null;
  /** The year's maximum hourly price of the kinderopvangtoeslag; null when not known yet. */
  maximumCent: number | null;
}

/**
 * What needs a look before `factuur run` (CONTRACT §9), as Dutch sentences, in a fixed order:
 * hours on a date without rooster, rooster without any hours, more than 230 hours for the child,
 * an average price above the toeslag maximum. Fewer hours than agreed on a date is not a finding:
 * it is what an urenkaart normally says (a child picked up early), and the contract lists only
 * these four.
 */
export function meldingen(maand: Maand, v: Vergelijking): string[] {
  const result: string[] = [];
  const zonderRooster = [...v.uren]
    .filter(([datum, minuten]) => minuten > 0 && (v.afgesproken.get(datum) ?? 0) === 0)
    .map(([datum]) => datum);
  zonderRooster.sort();
  if (zonderRooster.length > 0) {
    result.push(
      `uren zonder rooster op ${zonderRooster.length === 1 ? '1 dag' : `${zonderRooster.length} dagen`}: ${zonderRooster.join(', ')}`,
    );
  }
  const afgesproken = totaalMinuten(v.afgesproken);
  const minuten = totaalMinuten(v.uren);
  if (afgesproken > 0 && minuten === 0) {
    result.push(`rooster zonder uren: ${formatUren(afgesproken)} uur afgesproken, geen uren op de urenkaart`);
  }
  if (v.kindMinuten > MAX_MINUTEN_PER_MAAND) {
    result.push(
      `meer dan 230 uur: ${formatUren(v.kindMinuten)} uur in ${maand} bij alle gastouders samen; de kinderopvangtoeslag vergoedt er 230`,
    );
  }
  if (v.uurprijsCent !== null && v.maximumCent !== null && v.uurprijsCent > v.maximumCent) {
    result.push(
      `gemiddelde uurprijs ${formatEuro(v.uurprijsCent)} (opvang en bureaukosten) boven het maximum van de kinderopvangtoeslag in ${maand.slice(0, 4)} (${formatEuro(v.maximumCent)})`,
    );
  }
  return result;
}
