// The legal limits of CONTRACT §4: which children are at one gastouder at the same time, and which
// rule that breaks. Pure: the caller loads the data; nothing here reads the clock or the database.
//
// A range of dates is split into segments at every date where anything can change (a koppeling or
// rooster period starting or ending, a birthday crossing 18 months, 1, 2, 4, 10 or 13 years, six
// months of experience). Inside a segment every week is the same, so each weekday is evaluated once
// and reported as one weekly violation from its first to its last date.
import {
  addDays,
  addMonths,
  DAGEN,
  type Dag,
  type Datum,
  dateOfAgeInMonths,
  dayNumber,
  fromDayNumber,
  minutesToTime,
  timeToMinutes,
  weekdayIndex,
} from './calendar.js';

export const REGELS = [
  'max-totaal',
  'max-onder-4',
  'max-onder-2',
  'max-onder-1',
  'achterwacht',
  'slaapruimte',
  'leeftijd',
  'beginner',
] as const;
export type Opvangregel = (typeof REGELS)[number];

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
  /** Care at the ouder's home (opvanglocatie ouder): counts for the limits, not for `slaapruimte`. */
  bijOuder?: boolean;
}

/** A slot on one date (an urenkaart row). */
export interface DaySlot {
  kind: string;
  datum: Datum;
  van: string;
  tot: string;
  bijOuder?: boolean;
}

export interface Violation {
  gastouder: string;
  /** The first date; with `totDatum` the last date of a weekly pattern (null: open-ended). */
  datum: Datum;
  totDatum?: Datum | null;
  dag: Dag;
  van: string;
  tot: string;
  regel: Opvangregel;
  aantal: number;
  maximum: number;
  kinderen: string[];
}

interface Interval {
  kind: string;
  van: number;
  tot: number;
  /** At the ouder's home: the sleeping room there is the ouder's, so `slaapruimte` is not checked. */
  bijOuder?: boolean;
}

const NONE: ReadonlySet<string> = new Set();

/** The dates on which a child reaches the ages that matter; computed once per child (or birth date). */
export interface Milestones {
  code: string;
  eigen: boolean;
  een: Datum;
  achttienMaanden: Datum;
  twee: Datum;
  vier: Datum;
  tien: Datum;
  dertien: Datum;
}

function milestones(c: RuleChild): Milestones {
  const at = (months: number) => dateOfAgeInMonths(c.geboortedatum, months);
  return {
    code: c.code,
    eigen: c.eigen,
    een: at(12),
    achttienMaanden: at(LIMIETEN.slaapruimteOnderMaanden),
    twee: at(24),
    vier: at(48),
    tien: at(LIMIETEN.eigenKindTelttotJaar * 12),
    dertien: at(LIMIETEN.gastkindTotJaar * 12),
  };
}

/** milestones(c), the dates taken from `byBirthDate` when a child with the same birth date had them. */
function milestonesOf(c: RuleChild, byBirthDate: Map<Datum, Milestones>): Milestones {
  const same = byBirthDate.get(c.geboortedatum);
  if (same) return { ...same, code: c.code, eigen: c.eigen };
  const m = milestones(c);
  byBirthDate.set(c.geboortedatum, m);
  return m;
}

/** A child on one date: which limits its age falls under (completed years and months). */
interface AgedChild {
  code: string;
  eigen: boolean;
  onder1: boolean;
  onder18Maanden: boolean;
  onder2: boolean;
  onder4: boolean;
  onder10: boolean;
  vanaf13: boolean;
  /** The flags as one number: two dates with the same class give the same outcome. */
  klasse: number;
}

function ageOn(m: Milestones, date: Datum): AgedChild {
  const onder1 = date < m.een;
  const onder18Maanden = date < m.achttienMaanden;
  const onder2 = date < m.twee;
  const onder4 = date < m.vier;
  const onder10 = date < m.tien;
  const vanaf13 = date >= m.dertien;
  const klasse = +onder1 | (+onder18Maanden << 1) | (+onder2 << 2) | (+onder4 << 3) | (+onder10 << 4) | (+vanaf13 << 5);
  return { code: m.code, eigen: m.eigen, onder1, onder18Maanden, onder2, onder4, onder10, vanaf13, klasse };
}

function isBeginner(g: RuleGastouder, date: Datum): boolean {
  return g.beginnerMax > 0 && (g.ervaringSinds === null || date < addMonths(g.ervaringSinds, LIMIETEN.beginnerMaanden));
}

type DayViolation = Omit<Violation, 'gastouder' | 'datum' | 'dag'>;

/** The rules that the children present at one moment break, with count, maximum and who. */
function brokenRules(
  g: RuleGastouder,
  kids: AgedChild[],
  beginner: boolean,
  bijOuder: ReadonlySet<string> = NONE,
): Map<Opvangregel, { aantal: number; maximum: number; kinderen: string[] }> {
  const found = new Map<Opvangregel, { aantal: number; maximum: number; kinderen: string[] }>();
  if (kids.length === 0) return found;
  const check = (regel: Opvangregel, list: AgedChild[], maximum: number) => {
    if (list.length > maximum) found.set(regel, { aantal: list.length, maximum, kinderen: list.map((c) => c.code) });
  };
  check('max-totaal', kids, LIMIETEN.totaal);
  check(
    'max-onder-4',
    kids.filter((c) => c.onder4),
    LIMIETEN.onder4,
  );
  check(
    'max-onder-2',
    kids.filter((c) => c.onder2),
    LIMIETEN.onder2,
  );
  check(
    'max-onder-1',
    kids.filter((c) => c.onder1),
    LIMIETEN.onder1,
  );
  if (!g.achterwacht) check('achterwacht', kids, LIMIETEN.achterwachtVanaf - 1);
  if (!g.slaapruimte)
    check(
      'slaapruimte',
      kids.filter((c) => c.onder18Maanden && !bijOuder.has(c.code)),
      0,
    );
  check(
    'leeftijd',
    kids.filter((c) => !c.eigen && c.vanaf13),
    0,
  );
  if (beginner) check('beginner', kids, g.beginnerMax);
  return found;
}

/**
 * The violations of one day's presence. Own children under 10 without slots of their own are
 * present whenever a guest child is; slots are half-open, so 08:00–12:00 and 12:00–17:00 never meet.
 */
export function evaluateDay(g: RuleGastouder, children: Map<string, AgedChild>, slots: Interval[], beginner: boolean): DayViolation[] {
  const counted = slots.filter((s) => {
    const c = children.get(s.kind);
    return c !== undefined && (!c.eigen || c.onder10);
  });
  if (counted.length === 0) return [];
  const guestSlots = counted.filter((s) => !children.get(s.kind)!.eigen);
  const withSlots = new Set(slots.map((s) => s.kind));
  const ownWithoutSlots = [...children.values()].filter((c) => c.eigen && c.onder10 && !withSlots.has(c.code));
  // The rules are monotone (more children never fixes a count), so if all of the day's children
  // at once break nothing, no moment of the day can: most days end here.
  const everyone = [...new Set(counted.map((s) => s.kind))].map((code) => children.get(code)!);
  if (guestSlots.length > 0) everyone.push(...ownWithoutSlots);
  // Only a child at the ouder's home all day is left out of `slaapruimte` here (the worst case).
  const elsewhere = new Set(counted.filter((s) => !s.bijOuder).map((s) => s.kind));
  const allDayBijOuder = new Set(counted.filter((s) => s.bijOuder && !elsewhere.has(s.kind)).map((s) => s.kind));
  if (brokenRules(g, everyone, beginner, allDayBijOuder).size === 0) return [];
  // The moments where presence can change, in order.
  const points = [...new Set(counted.flatMap((s) => [s.van, s.tot]))].sort((a, b) => a - b);
  const result: DayViolation[] = [];
  const open = new Map<Opvangregel, DayViolation>();
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const present = new Set<string>();
    const bijOuder = new Set<string>();
    for (const s of counted) {
      if (s.van <= from && from < s.tot) {
        present.add(s.kind);
        if (s.bijOuder) bijOuder.add(s.kind);
      }
    }
    if (ownWithoutSlots.length > 0 && guestSlots.some((s) => s.van <= from && from < s.tot)) {
      for (const c of ownWithoutSlots) present.add(c.code);
    }
    const found = brokenRules(
      g,
      [...present].sort().map((code) => children.get(code)!),
      beginner,
      bijOuder,
    );
    // Extend a violation that continues unchanged into this slot; close the others.
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
  return segmentStarts(g, children.map(milestones), slots, vanaf, tot);
}

function segmentStarts(g: RuleGastouder, children: Milestones[], slots: WeeklySlot[], vanaf: Datum, tot: Datum | null): Datum[] {
  const points = new Set<Datum>([vanaf]);
  const add = (d: Datum) => {
    if (d > vanaf && (tot === null || d <= tot)) points.add(d);
  };
  for (const s of slots) {
    add(s.vanaf);
    if (s.totEnMet) add(addDays(s.totEnMet, 1));
  }
  for (const m of children) for (const d of [m.een, m.achttienMaanden, m.twee, m.vier, m.tien, m.dertien]) add(d);
  if (g.beginnerMax > 0 && g.ervaringSinds) add(addMonths(g.ervaringSinds, LIMIETEN.beginnerMaanden));
  return [...points].sort();
}

/**
 * Check a gastouder's weekly rooster over [vanaf, tot] (tot null: open-ended, as for a new rooster
 * entry "from its start onward"). Violations of the same weekday that continue across segments
 * with the same children are merged into one weekly pattern.
 */
export function checkRooster(g: RuleGastouder, children: RuleChild[], slots: WeeklySlot[], vanaf: Datum, tot: Datum | null): Violation[] {
  const known = children.map(milestones);
  const byCode = new Set(children.map((c) => c.code));
  const own = known.filter((m) => m.eigen);
  const mine = slots.filter((s) => byCode.has(s.kind));
  const starts = segmentStarts(g, known, mine, vanaf, tot);
  const result: Violation[] = [];
  const lastOf = new Map<string, Violation>();
  // Per weekday, what the previous segment looked like: most segment boundaries are birthdays of
  // children who are not there that day, or cross no limit that matters, and then the outcome is
  // the week before's and need not be computed again.
  const previous = new Map<Dag, { signature: number[]; violations: Violation[] }>();
  const slotsByDag = new Map<Dag, WeeklySlot[]>(DAGEN.map((d) => [d, mine.filter((s) => s.dag === d)]));
  const slotIndex = new Map(mine.map((s, index) => [s, index]));
  for (let i = 0; i < starts.length; i++) {
    const segStart = starts[i]!;
    const segEnd: Datum | null = i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : tot;
    const aged = new Map<string, AgedChild>();
    for (const m of known) aged.set(m.code, ageOn(m, segStart));
    const beginner = isBeginner(g, segStart);
    const startDay = dayNumber(segStart);
    const endDay = segEnd === null ? null : dayNumber(segEnd);
    const days = endDay === null ? 7 : Math.min(7, endDay - startDay + 1);
    const ownClasses = own.map((m) => aged.get(m.code)!.klasse);
    for (let offset = 0; offset < days; offset++) {
      const firstDay = startDay + offset;
      const dag = DAGEN[(((firstDay + 3) % 7) + 7) % 7]!; // 1970-01-01 (day 0) was a Thursday
      const daySlots = slotsByDag.get(dag)!.filter((s) => s.vanaf <= segStart && (s.totEnMet === null || s.totEnMet >= segStart));
      // The last date of this weekday within the segment (null: open-ended).
      const last = endDay === null ? null : fromDayNumber(firstDay + 7 * Math.floor((endDay - firstDay) / 7));
      // Everything the outcome depends on, as numbers: which slots run, the age class of each
      // child in them and of the own children, and the beginner rule.
      const signature = [+beginner, ...ownClasses, ...daySlots.map((s) => slotIndex.get(s)! * 64 + aged.get(s.kind)!.klasse)];
      const before = previous.get(dag);
      if (before && sameNumbers(before.signature, signature)) {
        for (const v of before.violations) v.totDatum = last;
        continue;
      }
      const found: Violation[] = [];
      previous.set(dag, { signature, violations: found });
      if (daySlots.length === 0) continue;
      const first = fromDayNumber(firstDay);
      const intervals = daySlots.map((s) => ({
        kind: s.kind,
        van: timeToMinutes(s.van),
        tot: timeToMinutes(s.tot),
        bijOuder: s.bijOuder === true,
      }));
      for (const v of evaluateDay(g, aged, intervals, beginner)) {
        const key = `${dag}|${v.regel}|${v.van}|${v.tot}|${v.aantal}|${v.kinderen.join()}`;
        const earlier = lastOf.get(key);
        if (earlier?.totDatum && addDays(earlier.totDatum, 7) === first) {
          earlier.totDatum = last;
          found.push(earlier);
          continue;
        }
        const violation: Violation = { gastouder: g.code, datum: first, totDatum: last, dag, ...v };
        lastOf.set(key, violation);
        found.push(violation);
        result.push(violation);
      }
    }
  }
  return result.sort(compareViolations);
}

/**
 * Can these children break any rule at this gastouder between two dates, whenever they come?
 * All of them at once, each at the youngest age the period gives (and the oldest for the
 * 13-year limit), is the worst case; the rules are monotone, so if that breaks nothing, nothing
 * in the period can. Most gastouders' months end here without looking at a single day.
 */
export function mayBreakRules(
  g: RuleGastouder,
  children: RuleChild[],
  present: Set<string>,
  vanaf: Datum,
  tot: Datum,
  /** Milestones by birth date, kept by a caller that asks for thousands of gastouders (an import). */
  byBirthDate?: Map<Datum, Milestones>,
): boolean {
  const worst: AgedChild[] = [];
  for (const c of children) {
    const m = byBirthDate ? milestonesOf(c, byBirthDate) : milestones(c);
    const young = ageOn(m, vanaf);
    if (!present.has(c.code) && !(c.eigen && young.onder10)) continue;
    worst.push({ ...young, vanaf13: ageOn(m, tot).vanaf13 });
  }
  return brokenRules(g, worst, isBeginner(g, vanaf)).size > 0;
}

/** Check actual hours (urenkaart lines), date by date. Own children follow their weekly slots, if any. */
export function checkDays(g: RuleGastouder, children: RuleChild[], slots: DaySlot[], ownSlots: WeeklySlot[]): Violation[] {
  const byDate = new Map<Datum, DayInterval[]>();
  for (const s of slots) {
    const interval = { kind: s.kind, van: timeToMinutes(s.van), tot: timeToMinutes(s.tot), bijOuder: s.bijOuder === true };
    const list = byDate.get(s.datum);
    if (list) list.push(interval);
    else byDate.set(s.datum, [interval]);
  }
  return checkDayIntervals(g, children, byDate, ownSlots);
}

/** A child's presence on one date, in minutes since midnight (half-open). */
export type DayInterval = Interval;

/**
 * checkDays for callers that have minutes already (the urenkaart import: a million lines). A date
 * whose children, hours and age classes equal an earlier date's has that date's outcome.
 */
export function checkDayIntervals(
  g: RuleGastouder,
  children: RuleChild[],
  byDate: Map<Datum, DayInterval[]>,
  ownSlots: WeeklySlot[],
): Violation[] {
  const known = children.map(milestones);
  const result: Violation[] = [];
  const outcomes = new Map<string, DayViolation[]>();
  for (const [datum, guests] of [...byDate].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const aged = new Map<string, AgedChild>();
    for (const m of known) aged.set(m.code, ageOn(m, datum));
    const dag = DAGEN[weekdayIndex(datum)]!;
    const intervals = [...guests];
    for (const s of ownSlots) {
      if (s.dag === dag && s.vanaf <= datum && (s.totEnMet === null || s.totEnMet >= datum)) {
        intervals.push({ kind: s.kind, van: timeToMinutes(s.van), tot: timeToMinutes(s.tot) });
      }
    }
    intervals.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.van - b.van));
    const beginner = isBeginner(g, datum);
    const signature = `${+beginner}|${[...aged.values()].map((c) => c.klasse).join()}|${intervals.map((i) => `${i.kind}:${i.van}-${i.tot}${i.bijOuder ? 'o' : ''}`).join()}`;
    let outcome = outcomes.get(signature);
    if (!outcome) {
      outcome = evaluateDay(g, aged, intervals, beginner);
      outcomes.set(signature, outcome);
    }
    for (const v of outcome) result.push({ gastouder: g.code, datum, dag, ...v, kinderen: [...v.kinderen] });
  }
  return result.sort(compareViolations);
}

function sameNumbers(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
