// The legal limits of CONTRACT §4: which children are at one gastouder at the same time, and which
// rule that breaks. Pure: the caller loads the data; nothing here reads the clock or the database.
//
// A range of dates is split into segments at every date where anything can change (a koppeling or
// rooster period starting or ending, a birthday crossing 18 months, 1, 2, 4, 10 or 13 years, six
// months of experience). Inside a segment every week is the same, so each weekday is evaluated once
// and reported as one weekly violation from its first to its last date.
import {
  addDays, addMonths, ageInMonths, ageInYears, DAGEN, type Dag, type Datum, dateOfAgeInMonths, dayNumber, fromDayNumber,
  minutesToTime, timeToMinutes, weekdayIndex,
} from './calendar.js';

export const REGELS = ['max-totaal', 'max-onder-4', 'max-onder-2', 'max-onder-1', 'achterwacht', 'slaapruimte', 'leeftijd', 'beginner'] as const;
export type Regel = (typeof REGELS)[number];

export const LIMIETEN = {
  totaal: 6,
  onder4: 5,
  onder2: 4,
  onder1: 2,
  achterwachtVanaf: 4,
  slaapruimteOnderMaanden: 18,
  gastkindTotJaar: 13,
  eigenKindTelttotJaar: 10,
  beginnerMaanden: 6,
} as const;

export interface RuleGastouder {
  code: string;
  achterwacht: boolean;
  slaapruimte: boolean;
  ervaringSinds: Datum | null;
  /** Bureau setting; 0 = the beginner rule is off. */
  beginnerMax: number;
}

export interface RuleChild {
  code: string;
  geboortedatum: Datum;
  /** An own child of the gastouder (counts while under 10; present during all care unless it has slots). */
  eigen: boolean;
}

/** A weekly slot of a child, valid from `vanaf` up to and including `totEnMet` (null: open). */
export interface WeeklySlot {
  kind: string;
  dag: Dag;
  van: string;
  tot: string;
  vanaf: Datum;
  totEnMet: Datum | null;
}

/** A slot on one date (an urenkaart row). */
export interface DaySlot {
  kind: string;
  datum: Datum;
  van: string;
  tot: string;
}

export interface Violation {
  gastouder: string;
  /** The first date; with `totDatum` the last date of a weekly pattern (null: open-ended). */
  datum: Datum;
  totDatum?: Datum | null;
  dag: Dag;
  van: string;
  tot: string;
  regel: Regel;
  aantal: number;
  maximum: number;
  kinderen: string[];
}

interface Interval {
  kind: string;
  van: number;
  tot: number;
}

/** Ages that matter on one date, computed once per segment. */
interface AgedChild {
  code: string;
  eigen: boolean;
  years: number;
  months: number;
}

function age(child: RuleChild, date: Datum): AgedChild {
  return { code: child.code, eigen: child.eigen, years: ageInYears(child.geboortedatum, date), months: ageInMonths(child.geboortedatum, date) };
}

function isBeginner(g: RuleGastouder, date: Datum): boolean {
  return g.beginnerMax > 0 && (g.ervaringSinds === null || date < addMonths(g.ervaringSinds, LIMIETEN.beginnerMaanden));
}

/**
 * The violations of one day's presence. Own children under 10 without slots of their own are
 * present whenever a guest child is; slots are half-open, so 08:00–12:00 and 12:00–17:00 never meet.
 */
export function evaluateDay(
  g: RuleGastouder,
  children: Map<string, AgedChild>,
  guestAndOwnSlots: Interval[],
  beginner: boolean,
): Omit<Violation, 'gastouder' | 'datum' | 'dag'>[] {
  const counted = guestAndOwnSlots.filter((s) => {
    const c = children.get(s.kind);
    return c !== undefined && (!c.eigen || c.years < LIMIETEN.eigenKindTelttotJaar);
  });
  const guestSlots = counted.filter((s) => !children.get(s.kind)!.eigen);
  if (counted.length === 0) return [];
  const ownWithoutSlots = [...children.values()].filter(
    (c) => c.eigen && c.years < LIMIETEN.eigenKindTelttotJaar && !guestAndOwnSlots.some((s) => s.kind === c.code),
  );
  // Points where presence can change.
  const points = new Set<number>();
  for (const s of counted) {
    points.add(s.van);
    points.add(s.tot);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const result: Omit<Violation, 'gastouder' | 'datum' | 'dag'>[] = [];
  const open = new Map<Regel, Omit<Violation, 'gastouder' | 'datum' | 'dag'>>();
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const present = new Set<string>();
    for (const s of counted) if (s.van <= from && from < s.tot) present.add(s.kind);
    if (ownWithoutSlots.length > 0 && guestSlots.some((s) => s.van <= from && from < s.tot)) {
      for (const c of ownWithoutSlots) present.add(c.code);
    }
    const found = new Map<Regel, { aantal: number; maximum: number; kinderen: string[] }>();
    if (present.size > 0) {
      const kids = [...present].map((code) => children.get(code)!).sort((a, b) => (a.code < b.code ? -1 : 1));
      const codes = (list: AgedChild[]) => list.map((c) => c.code);
      const under = (years: number) => kids.filter((c) => c.years < years);
      const check = (regel: Regel, list: AgedChild[], maximum: number) => {
        if (list.length > maximum) found.set(regel, { aantal: list.length, maximum, kinderen: codes(list) });
      };
      check('max-totaal', kids, LIMIETEN.totaal);
      check('max-onder-4', under(4), LIMIETEN.onder4);
      check('max-onder-2', under(2), LIMIETEN.onder2);
      check('max-onder-1', under(1), LIMIETEN.onder1);
      if (!g.achterwacht) check('achterwacht', kids, LIMIETEN.achterwachtVanaf - 1);
      if (!g.slaapruimte) check('slaapruimte', kids.filter((c) => c.months < LIMIETEN.slaapruimteOnderMaanden), 0);
      check('leeftijd', kids.filter((c) => !c.eigen && c.years >= LIMIETEN.gastkindTotJaar), 0);
      if (beginner) check('beginner', kids, g.beginnerMax);
    }
    // Extend a violation that continues unchanged into this slot, close the others.
    for (const [regel, v] of open) {
      const now = found.get(regel);
      if (now && now.aantal === v.aantal && now.kinderen.join() === v.kinderen.join()) {
        v.tot = minutesToTime(to);
        found.delete(regel);
      } else {
        open.delete(regel);
      }
    }
    for (const [regel, v] of found) {
      const violation = { van: minutesToTime(from), tot: minutesToTime(to), regel, ...v };
      open.set(regel, violation);
      result.push(violation);
    }
  }
  return result.sort((a, b) => (a.van === b.van ? REGELS.indexOf(a.regel) - REGELS.indexOf(b.regel) : a.van < b.van ? -1 : 1));
}

/** Every date in [vanaf, tot] where a rule's input can change: segment boundaries. */
export function breakpoints(g: RuleGastouder, children: RuleChild[], slots: WeeklySlot[], vanaf: Datum, tot: Datum | null): Datum[] {
  const points = new Set<Datum>([vanaf]);
  const add = (d: Datum) => {
    if (d > vanaf && (tot === null || d <= tot)) points.add(d);
  };
  for (const s of slots) {
    add(s.vanaf);
    if (s.totEnMet) add(addDays(s.totEnMet, 1));
  }
  for (const c of children) {
    add(dateOfAgeInMonths(c.geboortedatum, LIMIETEN.slaapruimteOnderMaanden));
    for (const years of [1, 2, 4, LIMIETEN.eigenKindTelttotJaar, LIMIETEN.gastkindTotJaar]) add(dateOfAgeInMonths(c.geboortedatum, years * 12));
  }
  if (g.beginnerMax > 0 && g.ervaringSinds) add(addMonths(g.ervaringSinds, LIMIETEN.beginnerMaanden));
  return [...points].sort();
}

/**
 * Check a gastouder's weekly rooster over [vanaf, tot] (tot null: open-ended, as for a new rooster
 * entry "from its start onward"). Violations of the same weekday that continue across segments
 * with the same children are merged into one weekly pattern.
 */
export function checkRooster(g: RuleGastouder, children: RuleChild[], slots: WeeklySlot[], vanaf: Datum, tot: Datum | null): Violation[] {
  const byCode = new Map(children.map((c) => [c.code, c]));
  const starts = breakpoints(g, children, slots, vanaf, tot);
  const result: Violation[] = [];
  const lastOf = new Map<string, Violation>();
  for (let i = 0; i < starts.length; i++) {
    const segStart = starts[i]!;
    const segEnd: Datum | null = i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : tot;
    const aged = new Map<string, AgedChild>();
    for (const c of children) aged.set(c.code, age(c, segStart));
    const beginner = isBeginner(g, segStart);
    const active = slots.filter((s) => s.vanaf <= segStart && (s.totEnMet === null || s.totEnMet >= segStart) && byCode.has(s.kind));
    const startIndex = weekdayIndex(segStart);
    const days = segEnd === null ? 7 : Math.min(7, dayNumber(segEnd) - dayNumber(segStart) + 1);
    for (let offset = 0; offset < days; offset++) {
      const dagIndex = (startIndex + offset) % 7;
      const dag = DAGEN[dagIndex]!;
      const intervals = active.filter((s) => s.dag === dag).map((s) => ({ kind: s.kind, van: timeToMinutes(s.van), tot: timeToMinutes(s.tot) }));
      if (intervals.length === 0) continue;
      const first = addDays(segStart, offset);
      // The last date of this weekday within the segment.
      const last = segEnd === null ? null : fromDayNumber(dayNumber(first) + 7 * Math.floor((dayNumber(segEnd) - dayNumber(first)) / 7));
      for (const v of evaluateDay(g, aged, intervals, beginner)) {
        const key = `${dag}|${v.regel}|${v.van}|${v.tot}|${v.aantal}|${v.kinderen.join()}`;
        const previous = lastOf.get(key);
        if (previous && previous.totDatum && addDays(previous.totDatum, 7) === first) {
          previous.totDatum = last;
          continue;
        }
        const violation: Violation = { gastouder: g.code, datum: first, totDatum: last, dag, ...v };
        lastOf.set(key, violation);
        result.push(violation);
      }
    }
  }
  return result.sort(compareViolations);
}

/** Check actual hours (urenkaart rows), date by date. Own children follow their weekly slots, if any. */
export function checkDays(g: RuleGastouder, children: RuleChild[], slots: DaySlot[], ownSlots: WeeklySlot[]): Violation[] {
  const byDate = new Map<Datum, DaySlot[]>();
  for (const s of slots) {
    const list = byDate.get(s.datum);
    if (list) list.push(s);
    else byDate.set(s.datum, [s]);
  }
  const result: Violation[] = [];
  for (const [datum, daySlots] of [...byDate].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const aged = new Map<string, AgedChild>();
    for (const c of children) aged.set(c.code, age(c, datum));
    const dag = DAGEN[weekdayIndex(datum)]!;
    const intervals: Interval[] = daySlots.map((s) => ({ kind: s.kind, van: timeToMinutes(s.van), tot: timeToMinutes(s.tot) }));
    for (const s of ownSlots) {
      if (s.dag === dag && s.vanaf <= datum && (s.totEnMet === null || s.totEnMet >= datum)) {
        intervals.push({ kind: s.kind, van: timeToMinutes(s.van), tot: timeToMinutes(s.tot) });
      }
    }
    for (const v of evaluateDay(g, aged, intervals, isBeginner(g, datum))) result.push({ gastouder: g.code, datum, dag, ...v });
  }
  return result.sort(compareViolations);
}

export function compareViolations(a: Violation, b: Violation): number {
  if (a.gastouder !== b.gastouder) return a.gastouder < b.gastouder ? -1 : 1;
  if (a.datum !== b.datum) return a.datum < b.datum ? -1 : 1;
  if (a.van !== b.van) return a.van < b.van ? -1 : 1;
  return REGELS.indexOf(a.regel) - REGELS.indexOf(b.regel);
}

/** Does a violation touch a weekly slot (same weekday, overlapping hours and dates)? */
export function touchesSlot(v: Violation, slot: { dag: Dag; van: string; tot: string; vanaf: Datum; totEnMet: Datum | null }): boolean {
  if (v.dag !== slot.dag || !(v.van < slot.tot && slot.van < v.tot)) return false;
  const vEnd = v.totDatum === undefined ? v.datum : v.totDatum;
  return (vEnd === null || slot.vanaf <= vEnd) && (slot.totEnMet === null || v.datum <= slot.totEnMet);
}

