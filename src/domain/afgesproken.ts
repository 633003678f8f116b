// The agreement as billed (CONTRACT §9 "Absence"), pure: on every date the rooster agreed and the
// child was not there (fewer urenkaart minutes), the difference is billed as agreed hours
// (`afgesproken`), unless the date is excused: the gastouder was absent, or the child's absence
// was reported in time. Per date, billed = max(actual, agreed − excused): the urenkaart's minutes
// are billed as care anyway, this file computes only what comes on top.
import { addDays, addMonths, type Dag, type Datum, firstOfMonth, lastOfMonth, type Maand, timeToMinutes, weekday } from './calendar.js';

export type AfwezigheidSoort = 'ziek' | 'vakantie' | 'overig';
export const AFWEZIGHEID_SOORTEN: readonly AfwezigheidSoort[] = ['ziek', 'vakantie', 'overig'];

/** An absence of a kind or (exactly one of the two) of a gastouder. */
export interface Afwezigheid {
  id?: number;
  kind: string | null;
  gastouder: string | null;
  van: Datum;
  totEnMet: Datum;
  soort: AfwezigheidSoort;
  /** The day it was reported. */
  gemeld: Datum;
}

/** A rooster entry of a koppeling: a weekly slot, within `vanaf` … `totEnMet` (null: unbounded). */
export interface Roosterblok {
  dag: Dag;
  van: string;
  tot: string;
  vanaf: Datum | null;
  totEnMet: Datum | null;
}

/** A koppeling with its rooster: the agreement of one kind at one gastouder. */
export interface Afspraak {
  kind: string;
  gastouder: string;
  start: Datum;
  eind: Datum | null;
  rooster: Roosterblok[];
}

/** The rooster minutes agreed on a date (0 outside the koppeling or outside every entry's weeks). */
export function afgesprokenOp(afspraak: Afspraak, datum: Datum, dag: Dag = weekday(datum)): number {
  if (datum < afspraak.start || (afspraak.eind !== null && datum > afspraak.eind)) return 0;
  let minuten = 0;
  for (const r of afspraak.rooster) {
    if (r.dag !== dag || (r.vanaf !== null && datum < r.vanaf) || (r.totEnMet !== null && datum > r.totEnMet)) continue;
    minuten += timeToMinutes(r.tot) - timeToMinutes(r.van);
  }
  return minuten;
}

/**
 * Is the agreement of this date excused? By (a) an absence of the gastouder, however late it was
 * reported (her absence is never the ouder's cost), or (b) an absence of the kind reported at least
 * `afmeldtermijn` days before the date; a holiday (`vakantie`) at least two calendar months before
 * (the contract's holiday notice, whatever the afmeldtermijn). A late report excuses nothing.
 */
export function verontschuldigd(
  kind: string,
  gastouder: string,
  datum: Datum,
  afwezigheden: readonly Afwezigheid[],
  afmeldtermijn: number,
): boolean {
  for (const a of afwezigheden) {
    if (datum < a.van || datum > a.totEnMet) continue;
    if (a.gastouder !== null) {
      if (a.gastouder === gastouder) return true;
      continue;
    }
    if (a.kind !== kind) continue;
    const uiterlijk = a.soort === 'vakantie' ? addMonths(datum, -2) : addDays(datum, -afmeldtermijn);
    if (a.gemeld <= uiterlijk) return true;
  }
  return false;
}

// The dates of a month with their weekdays, made once per month: a run of a large bureau asks
// for the same month for every koppeling.
const MAANDDAGEN = new Map<Maand, [Datum, Dag][]>();
function maandDagen(maand: Maand): [Datum, Dag][] {
  let dagen = MAANDDAGEN.get(maand);
  if (!dagen) {
    dagen = [];
    for (let d = firstOfMonth(maand); d <= lastOfMonth(maand); d = addDays(d, 1)) dagen.push([d, weekday(d)]);
    MAANDDAGEN.set(maand, dagen);
  }
  return dagen;
}

export interface AfgesprokenDag {
  datum: Datum;
  /** Rooster minutes of the date. */
  afgesproken: number;
  /** Urenkaart minutes of the date, of this kind at this gastouder. */
  gewerkt: number;
  verontschuldigd: boolean;
  /** What is billed on top of the urenkaart: max(0, afgesproken − gewerkt), 0 when excused. */
  minuten: number;
}

/**
 * Every date of `maand` with agreed minutes, up to and including `totEnMet` (a date not over yet is
 * not billed as agreed: the child may still come; the caller passes the day before the invoice
 * date). `gewerkt` gives the urenkaart minutes of this kind at this gastouder per date.
 */
export function afgesprokenDagen(
  afspraak: Afspraak,
  maand: Maand,
  totEnMet: Datum,
  gewerkt: (datum: Datum) => number,
  afwezigheden: readonly Afwezigheid[],
  afmeldtermijn: number,
): AfgesprokenDag[] {
  const dagen: AfgesprokenDag[] = [];
  for (const [datum, dag] of maandDagen(maand)) {
    if (datum > totEnMet) break;
    const afgesproken = afgesprokenOp(afspraak, datum, dag);
    if (afgesproken === 0) continue;
    const g = gewerkt(datum);
    const excused = verontschuldigd(afspraak.kind, afspraak.gastouder, datum, afwezigheden, afmeldtermijn);
    dagen.push({ datum, afgesproken, gewerkt: g, verontschuldigd: excused, minuten: excused ? 0 : Math.max(0, afgesproken - g) });
  }
  return dagen;
}

/** The month's agreed minutes not worked and not excused: the minutes of the `afgesproken` line. */
export function afgesprokenMinuten(...args: Parameters<typeof afgesprokenDagen>): number {
  return afgesprokenDagen(...args).reduce((s, d) => s + d.minuten, 0);
}

/** Two absences of the same kind (or the same gastouder) may not share a date. */
export function overlapt(a: Afwezigheid, b: Afwezigheid): boolean {
  const zelfde = (a.kind !== null && a.kind === b.kind) || (a.gastouder !== null && a.gastouder === b.gastouder);
  return zelfde && a.van <= b.totEnMet && b.van <= a.totEnMet;
}

/**
 * The first date of a kind's absence that is excused by it (reported in time), or null when none
 * is: for telling the owner, when the absence is entered, which of its dates will still be billed.
 */
export function eersteVerontschuldigd(a: Afwezigheid, afmeldtermijn: number): Datum | null {
  if (a.gastouder !== null) return a.van;
  for (let datum = a.van; datum <= a.totEnMet; datum = addDays(datum, 1)) {
    if (verontschuldigd(a.kind!, '', datum, [a], afmeldtermijn)) return datum;
  }
  return null;
}
