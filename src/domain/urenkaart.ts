// Urenkaarten: a month's actual hours per gastouder and child (CONTRACT §5). Pure pieces of the
// import: the deadline, the column names, the koppeling a line falls under, and the check of a
// whole month of rows (clashes, the 230 hours, the §4 rules on the actual hours).
//
// A month of a large bureau is a million rows, so rows are kept in typed arrays (codes as numbers
// into a list of codes) instead of a million objects: ~30 MB instead of ~300 MB.
import { Refused } from '../errors.js';
import { addMonthsToMaand, type Datum, dayNumber, lastOfMonth, type Maand, makeDate, minutesToTime, timeToMinutes } from './calendar.js';
import { formatUren } from './money.js';
import {
  checkDayIntervals,
  type DayInterval,
  mayBreakRules,
  type Milestones,
  type RuleChild,
  type RuleGastouder,
  type Violation,
  type WeeklySlot,
} from './rules.js';

/** The kinderopvangtoeslag pays for at most 230 hours a month per child. */
export const MAX_MINUTEN_PER_MAAND = 230 * 60;

/** Header names per column (normalised: lower case, no spaces, '-' or '_'). */
export const UREN_COLUMNS = {
  gastouder: ['gastouder', 'gastoudercode'],
  kind: ['kind', 'kindcode'],
  datum: ['datum'],
  van: ['van', 'begintijd', 'begin'],
  tot: ['tot', 'eindtijd', 'eind'],
  opmerking: ['opmerking'],
} as const;
export type UrenColumn = keyof typeof UREN_COLUMNS;

/** The urenkaarten of month M are on time when imported before this date (day `deadlineDag` of M+1). */
export function deadline(maand: Maand, deadlineDag: number): Datum {
  const next = addMonthsToMaand(maand, 1);
  return makeDate(Number(next.slice(0, 4)), Number(next.slice(5, 7)), deadlineDag);
}

export function isLate(maand: Maand, deadlineDag: number, today: Datum): boolean {
  return today >= deadline(maand, deadlineDag);
}

/**
 * Days left to deliver the urenkaarten of `maand` on time, today included: 2 on the 3rd with
 * deadline-dag 5 (the 3rd and the 4th), 0 on the deadline day itself (already late, as for the
 * import), negative after it.
 */
export function dagenTotDeadline(maand: Maand, deadlineDag: number, today: Datum): number {
  return dayNumber(deadline(maand, deadlineDag)) - dayNumber(today);
}

/** A month of rows in typed arrays. Codes are indexes into the caller's code lists. */
export class UrenRows {
  length = 0;
  gastouder = new Int32Array(1024);
  kind = new Int32Array(1024);
  koppeling = new Int32Array(1024);
  /** Day of the month, 1–31. */
  day = new Uint8Array(1024);
  /** Minutes since midnight; `tot` may be 1440 (24:00). */
  van = new Int16Array(1024);
  tot = new Int16Array(1024);
  /** Line in the file; 0 for a row already in the database. */
  line = new Int32Array(1024);
  opmerking = new Map<number, string>();

  /** Positional, so that a million rows make no million objects. */
  add(gastouder: number, kind: number, koppeling: number, day: number, van: number, tot: number, line: number, opmerking?: string): number {
    if (this.length === this.line.length) this.grow();
    const i = this.length++;
    this.gastouder[i] = gastouder;
    this.kind[i] = kind;
    this.koppeling[i] = koppeling;
    this.day[i] = day;
    this.van[i] = van;
    this.tot[i] = tot;
    this.line[i] = line;
    if (opmerking) this.opmerking.set(i, opmerking);
    return i;
  }

  private grow(): void {
    const size = this.line.length * 2;
    const grow = <T extends Int32Array | Int16Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.gastouder = grow(this.gastouder, Int32Array);
    this.kind = grow(this.kind, Int32Array);
    this.koppeling = grow(this.koppeling, Int32Array);
    this.day = grow(this.day, Uint8Array);
    this.van = grow(this.van, Int16Array);
    this.tot = grow(this.tot, Int16Array);
    this.line = grow(this.line, Int32Array);
  }
}

/** Row indexes grouped by a small integer key (counting sort): O(n), no comparisons. */
export function groupBy(rows: UrenRows, key: Int32Array, keys: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(keys + 1);
  let grouped = true;
  for (let i = 0; i < rows.length; i++) {
    start[key[i]! + 1]!++;
    if (i > 0 && key[i]! < key[i - 1]!) grouped = false;
  }
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const order = new Int32Array(rows.length);
  // A file lists a gastouder's (or child's) lines together, and ids are given in order of first
  // appearance: then the stable grouping is the rows as they are.
  if (grouped) for (let i = 0; i < rows.length; i++) order[i] = i;
  else {
    const next = start.slice(0, keys);
    for (let i = 0; i < rows.length; i++) order[next[key[i]!]!++] = i;
  }
  return { order, start };
}

export interface Clash {
  /** The later row (the one reported), and the row it clashes with. */
  row: number;
  other: number;
  /** 'dubbel': the same gastouder, child, date and times; 'overlap': the child in two places. */
  soort: 'dubbel' | 'overlap';
}

/**
 * Rows of one child that overlap in time on the same date (half-open: 12:00 touches 12:00), at
 * the same or another gastouder. Each clashing row is reported once, against the row it meets.
 */
export function findClashes(rows: UrenRows, kinds: number): Clash[] {
  const { order, start } = groupBy(rows, rows.kind, kinds);
  const clashes: Clash[] = [];
  for (let k = 0; k < kinds; k++) {
    const from = start[k]!;
    const to = start[k + 1]!;
    if (to - from < 2) continue;
    const list = Array.from(order.subarray(from, to)).sort(
      (a, b) => rows.day[a]! - rows.day[b]! || rows.van[a]! - rows.van[b]! || rows.line[a]! - rows.line[b]!,
    );
    let reach = -1; // the row whose end reaches furthest so far on this date
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      const bothOld = reach >= 0 && rows.line[r] === 0 && rows.line[reach] === 0;
      if (reach >= 0 && !bothOld && rows.day[reach] === rows.day[r] && rows.van[r]! < rows.tot[reach]!) {
        const same = rows.gastouder[r] === rows.gastouder[reach] && rows.van[r] === rows.van[reach] && rows.tot[r] === rows.tot[reach];
        // Report the row from the file; an older database row is the one it meets.
        const [row, other] = rows.line[r] === 0 ? [reach, r] : [r, reach];
        clashes.push({ row, other, soort: same ? 'dubbel' : 'overlap' });
      }
      if (reach < 0 || rows.day[reach] !== rows.day[r] || rows.tot[r]! > rows.tot[reach]!) reach = r;
    }
  }
  return clashes;
}

/** Minutes per child over the month, and the day on which a child passed the 230 hours. */
export function over230(rows: UrenRows, kinds: number): { kind: number; minuten: number; day: number }[] {
  const { order, start } = groupBy(rows, rows.kind, kinds);
  const result: { kind: number; minuten: number; day: number }[] = [];
  for (let k = 0; k < kinds; k++) {
    let total = 0;
    for (let i = start[k]!; i < start[k + 1]!; i++) total += rows.tot[order[i]!]! - rows.van[order[i]!]!;
    if (total <= MAX_MINUTEN_PER_MAAND) continue;
    const list = Array.from(order.subarray(start[k]!, start[k + 1]!)).sort(
      (a, b) => rows.day[a]! - rows.day[b]! || rows.van[a]! - rows.van[b]!,
    );
    let running = 0;
    let day = 0;
    for (const r of list) {
      running += rows.tot[r]! - rows.van[r]!;
      if (running > MAX_MINUTEN_PER_MAAND) {
        day = rows.day[r]!;
        break;
      }
    }
    result.push({ kind: k, minuten: total, day });
  }
  return result;
}

/** Stable counting sort of `order` by `key(i)` in [0, keys). */
function countingSort(order: Int32Array, key: Int32Array, keys: number): Int32Array {
  const start = new Int32Array(keys + 1);
  for (let j = 0; j < order.length; j++) start[key[order[j]!]! + 1]!++;
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(order.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    out[start[key[i]!]!++] = i;
  }
  return out;
}

/** Each row's key, through `rank` when given: a plain array, not a function per row (a million rows, four passes). */
function keysOf(values: Int32Array | Int16Array | Uint8Array, n: number, rank?: Int32Array): Int32Array {
  const key = new Int32Array(n);
  if (rank) for (let i = 0; i < n; i++) key[i] = rank[values[i]!]!;
  else for (let i = 0; i < n; i++) key[i] = values[i]!;
  return key;
}

/**
 * Row indexes in the order of the table's key (gastouder, kind, datum, van), given each code's
 * rank in string order: inserting in key order appends to the B-tree instead of splitting pages
 * all over it. Four stable counting passes, least significant first: O(n).
 */
export function keyOrder(rows: UrenRows, gastouderRank: Int32Array, kindRank: Int32Array): Int32Array {
  const n = rows.length;
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Most files are in this order already (by gastouder, child, date and time): the stable sort
  // would give the rows as they are, so a pass that checks it saves the four.
  if (inKeyOrder(rows, gastouderRank, kindRank)) return order;
  order = countingSort(order, keysOf(rows.van, n), 1441);
  order = countingSort(order, keysOf(rows.day, n), 32);
  order = countingSort(order, keysOf(rows.kind, n, kindRank), kindRank.length);
  order = countingSort(order, keysOf(rows.gastouder, n, gastouderRank), gastouderRank.length);
  return order;
}

function inKeyOrder(rows: UrenRows, gastouderRank: Int32Array, kindRank: Int32Array): boolean {
  for (let i = 1; i < rows.length; i++) {
    const g = gastouderRank[rows.gastouder[i]!]! - gastouderRank[rows.gastouder[i - 1]!]!;
    if (g !== 0) {
      if (g < 0) return false;
      continue;
    }
    const k = kindRank[rows.kind[i]!]! - kindRank[rows.kind[i - 1]!]!;
    if (k !== 0) {
      if (k < 0) return false;
      continue;
    }
    const d = rows.day[i]! - rows.day[i - 1]!;
    if (d < 0 || (d === 0 && rows.van[i]! < rows.van[i - 1]!)) return false;
  }
  return true;
}

/** The rank of each code in string order (codes compare as the database compares them). */
export function ranks(codes: string[]): Int32Array {
  const byCode = codes.map((code, id) => [code, id] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const rank = new Int32Array(codes.length);
  byCode.forEach(([, id], r) => {
    rank[id] = r;
  });
  return rank;
}

/** Codes as small numbers, so a million rows fit in typed arrays. */
export class Codes {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(code, id);
      this.list.push(code);
    }
    return id;
  }
}

export interface UrenKoppeling {
  code: string;
  start: Datum;
  eind: Datum | null;
}

/** What urenkaart lines are checked against (the database's registry, loaded once per import). */
export interface UrenReference {
  /** Every gastouder, with what the rules need to tell quickly whether she can break one. */
  gastouders: Map<string, RuleGastouder>;
  /** Every child; own children have `eigenKindVan`. */
  kinderen: Map<string, { eigen: boolean; geboortedatum: Datum; eigenKindVan: string | null }>;
  /** Koppelingen per kind and gastouder (two maps: no key string to build per line). */
  koppelingen: Map<string, Map<string, UrenKoppeling[]>>;
  /** Koppelingen with care at the ouder's home, where `slaapruimte` is not checked. */
  bijOuder: Set<string>;
  deadlineDag: number;
}

/** A line that is refused, by its line in the file (the shape of every import's errors). */
export interface UrenFout {
  regel: number;
  veld: string;
  melding: string;
}

export interface Waarschuwing {
  regel: string;
  gastouder: string;
  kind?: string;
  kinderen?: string[];
  datum: Datum;
  van?: string;
  tot?: string;
  melding: string;
}

/**
 * Whether a month's urenkaarten may come in today: after the deadline, or once the month is
 * invoiced (`invoiced`: its first invoice), only with --te-laat. True when they are late.
 */
export function urenTiming(maand: Maand, deadlineDag: number, today: Datum, invoiced: string | null, teLaat: boolean): boolean {
  const late = isLate(maand, deadlineDag, today);
  if (late && !teLaat) {
    throw new Refused(
      `Te laat: de urenkaarten van ${maand} moesten vóór ${deadline(maand, deadlineDag)} binnen zijn (deadline-dag ${deadlineDag}); vandaag is ${today}. Importeer ze alsnog met --te-laat; de rijen worden dan als te laat gemarkeerd. Er is niets opgeslagen.`,
    );
  }
  if (invoiced && !teLaat) {
    throw new Refused(
      `De maand ${maand} is al gefactureerd (factuur ${invoiced} en verder). Uren van een gefactureerde maand komen alleen binnen met --te-laat; de volgende 'gob factuur run --maand ${maand}' factureert dan het verschil. Er is niets opgeslagen.`,
    );
  }
  return late || invoiced !== null;
}

/** The koppeling of a kind with a gastouder that covers a date (a plain loop: this runs a million times). */
export function koppelingOn(ref: UrenReference, kind: string, gastouder: string, datum: Datum): UrenKoppeling | undefined {
  return koppelingIn(ref.koppelingen.get(kind)?.get(gastouder), datum);
}

/** The koppeling of a pair's list that covers a date; for a parser that looked the pair up once. */
export function koppelingIn(list: readonly UrenKoppeling[] | undefined, datum: Datum): UrenKoppeling | undefined {
  if (!list) return undefined;
  for (const kp of list) if (kp.start <= datum && (kp.eind === null || kp.eind >= datum)) return kp;
  return undefined;
}

/** Why a line of a known kind and gastouder has no koppeling on its date. */
export function geenKoppeling(ref: UrenReference, kind: string, gastouder: string, datum: Datum): string {
  return ref.kinderen.get(kind)?.eigen
    ? `${kind} is een eigen kind van de gastouder; eigen kinderen staan niet op de urenkaart`
    : `er is geen koppeling van kind ${kind} met gastouder ${gastouder} op ${datum}`;
}

/**
 * A UrenRows of the first `n` rows that shares the arrays (no copy): the file's rows after the
 * rows of other gastouders were appended behind them for the checks across gastouders.
 */
function firstRows(rows: UrenRows, n: number): UrenRows {
  const view = new UrenRows();
  view.length = n;
  view.gastouder = rows.gastouder.subarray(0, n);
  view.kind = rows.kind.subarray(0, n);
  view.koppeling = rows.koppeling.subarray(0, n);
  view.day = rows.day.subarray(0, n);
  view.van = rows.van.subarray(0, n);
  view.tot = rows.tot.subarray(0, n);
  view.line = rows.line.subarray(0, n);
  view.opmerking = rows.opmerking;
  return view;
}

/** A month's rows as they come from the file: codes as ids into the three lists. */
export interface UrenMonth {
  maand: Maand;
  rows: UrenRows;
  gastouders: Codes;
  kinderen: Codes;
  koppelingen: Codes;
}

/** What the §4 rules need of one gastouder besides her urenkaart: her children and their weekly slots. */
export interface UrenRuleInput {
  gastouder: RuleGastouder;
  children: RuleChild[];
  slots: WeeklySlot[];
}

/** Own children per gastouder (they count for the limits without being on the urenkaart). */
function ownChildren(ref: UrenReference): Map<string, RuleChild[]> {
  const own = new Map<string, RuleChild[]>();
  for (const [code, k] of ref.kinderen) {
    if (k.eigenKindVan)
      own.set(k.eigenKindVan, [...(own.get(k.eigenKindVan) ?? []), { code, geboortedatum: k.geboortedatum, eigen: true }]);
  }
  return own;
}

/**
 * The file's gastouders (all of `month.gastouders`: no rows of others have joined yet) whose
 * children could break a §4 rule this month even all at once (mayBreakRules). Only these need
 * their rooster data loaded and their days checked; for most gastouders the month ends here.
 */
export function gastoudersToCheck(month: UrenMonth, ref: UrenReference): string[] {
  const { maand, rows, gastouders, kinderen } = month;
  const vanaf = `${maand}-01`;
  const tot = lastOfMonth(maand);
  const own = ownChildren(ref);
  const { order, start } = groupBy(rows, rows.gastouder, gastouders.list.length);
  const result: string[] = [];
  // A bureau's children share a few thousand birth dates: their milestones are worked out once each.
  const byBirthDate = new Map<Datum, Milestones>();
  for (let g = 0; g < gastouders.list.length; g++) {
    const code = gastouders.list[g]!;
    const present = new Set<string>();
    for (let i = start[g]!; i < start[g + 1]!; i++) present.add(kinderen.list[rows.kind[order[i]!]!]!);
    const children = [
      ...[...present].map((k) => ({ code: k, geboortedatum: ref.kinderen.get(k)!.geboortedatum, eigen: false })),
      ...(own.get(code) ?? []),
    ];
    if (mayBreakRules(ref.gastouders.get(code)!, children, present, vanaf, tot, byBirthDate)) result.push(code);
  }
  return result;
}

export interface UrenCheck {
  /** The file's rows (the month's rows of other gastouders are only compared against). */
  rows: UrenRows;
  /** The gastouders in the file, whose urenkaarten of the month the import replaces. */
  gastouders: string[];
  /** The errors given, and a line for every clash; when there are any, nothing else is checked. */
  fouten: UrenFout[];
  /** The 230 hours, and then the §4 rules (`violations`, as warnings: the hours were worked). */
  waarschuwingen: Waarschuwing[];
  violations: Violation[];
  minuten: number;
}

/**
 * Check a month of the file's rows against the month's rows of other gastouders and the §4 rules.
 * `month` is taken over: the others' rows are appended to its arrays (one child in two places is
 * found across all of them); the result's `rows` are the file's rows alone. `fouten` are the
 * errors found so far, by line; `ruleInputs` has the gastouders of gastoudersToCheck.
 */
export function checkUren(
  month: UrenMonth,
  others: readonly { gastouder: string; kind: string; datum: string; van: string; tot: string }[],
  ref: UrenReference,
  ruleInputs: Map<string, UrenRuleInput>,
  fouten: UrenFout[],
): UrenCheck {
  const { maand, rows: all, gastouders, kinderen, koppelingen } = month;
  // The file's gastouders, before rows of others join the lists.
  const fileGastouders = [...gastouders.list];
  const fileRows = all.length;
  const rows = firstRows(all, fileRows);
  const dates = Array.from({ length: 32 }, (_, day) => `${maand}-${String(day).padStart(2, '0')}`);
  const dateOf = (day: number) => dates[day]!;
  const result: UrenCheck = { rows, gastouders: fileGastouders, fouten, waarschuwingen: [], violations: [], minuten: 0 };

  // One child in two places: within the file, and against rows of other gastouders already in.
  for (const r of others) {
    all.add(
      gastouders.id(r.gastouder),
      kinderen.id(r.kind),
      -1,
      Number(r.datum.slice(8, 10)),
      timeToMinutes(r.van),
      timeToMinutes(r.tot),
      0,
    );
  }
  for (const c of findClashes(all, kinderen.list.length)) {
    const other = all.line[c.other] === 0 ? 'al geïmporteerd' : `regel ${all.line[c.other]}`;
    const when = `${dateOf(all.day[c.row]!)} ${minutesToTime(all.van[c.other]!)}-${minutesToTime(all.tot[c.other]!)}`;
    fouten.push({
      regel: all.line[c.row]!,
      veld: c.soort === 'dubbel' ? 'csv' : 'van',
      melding:
        c.soort === 'dubbel'
          ? `precies dezelfde rij als ${other}`
          : `kind ${kinderen.list[all.kind[c.row]!]} is op ${when} al bij gastouder ${gastouders.list[all.gastouder[c.other]!]} (${other}); een kind kan niet op twee plaatsen tegelijk zijn`,
    });
  }
  if (fouten.length > 0) return result;

  // Above 230 hours, counting the child's hours at other gastouders too: the toeslag limit is per child.
  for (const o of over230(all, kinderen.list.length)) {
    const kind = kinderen.list[o.kind]!;
    const first = rows.kind.indexOf(o.kind);
    if (first < 0) continue; // only at other gastouders: warned when their urenkaarten came in
    result.waarschuwingen.push({
      regel: '230-uur',
      gastouder: gastouders.list[rows.gastouder[first]!]!,
      kind,
      datum: dateOf(o.day),
      melding: `kind ${kind} heeft ${formatUren(o.minuten)} uur in ${maand}; de kinderopvangtoeslag vergoedt maximaal 230 uur per maand (overschreden op ${dateOf(o.day)})`,
    });
  }

  // The §4 rules on the file's hours, per gastouder (own children follow their rooster).
  const own = ownChildren(ref);
  const { order, start } = groupBy(rows, rows.gastouder, fileGastouders.length);
  for (let g = 0; g < fileGastouders.length; g++) {
    const code = fileGastouders[g]!;
    const input = ruleInputs.get(code);
    if (!input) continue;
    const byDate = new Map<Datum, DayInterval[]>();
    for (let i = start[g]!; i < start[g + 1]!; i++) {
      const r = order[i]!;
      const datum = dateOf(rows.day[r]!);
      const interval = {
        kind: kinderen.list[rows.kind[r]!]!,
        van: rows.van[r]!,
        tot: rows.tot[r]!,
        bijOuder: ref.bijOuder.has(koppelingen.list[rows.koppeling[r]!]!),
      };
      const list = byDate.get(datum);
      if (list) list.push(interval);
      else byDate.set(datum, [interval]);
    }
    const ownCodes = new Set((own.get(code) ?? []).map((c) => c.code));
    result.violations.push(
      ...checkDayIntervals(
        input.gastouder,
        input.children,
        byDate,
        input.slots.filter((s) => ownCodes.has(s.kind)),
      ),
    );
  }

  for (let i = 0; i < rows.length; i++) result.minuten += rows.tot[i]! - rows.van[i]!;
  return result;
}

export interface Urenkaart {
  gastouder: string;
  kind: string;
  koppeling: string;
  minuten: number;
  /** [day, van, tot] or [day, van, tot, opmerking], minutes since midnight, in date order. */
  regels: ([number, number, number] | [number, number, number, string])[];
}

/**
 * What an import replaces by nothing: a child of a gastouder in the file who had hours in the month
 * and has no line in the file. §5 replaces a gastouder's month as a whole, so a file with only
 * some of her children (`urenkaart list --csv --kind`, edited and imported again) removes the
 * others' hours; the import says so, by name.
 */
export function vervallenUren<T extends { gastouder: string; kind: string }>(before: readonly T[], month: Omit<UrenMonth, 'maand'>): T[] {
  const { rows, gastouders, kinderen } = month;
  const inFile = new Set<string>();
  let last = -1;
  for (let i = 0; i < rows.length; i++) {
    const pair = rows.gastouder[i]! * kinderen.list.length + rows.kind[i]!;
    if (pair === last) continue;
    last = pair;
    inFile.add(`${gastouders.list[rows.gastouder[i]!]}|${kinderen.list[rows.kind[i]!]}`);
  }
  return before.filter((p) => !inFile.has(`${p.gastouder}|${p.kind}`));
}

/**
 * The file's rows as urenkaarten: one per gastouder, kind and koppeling, in the order of the
 * table's key (see keyOrder), lines in date order. A generator: the write takes them one by one.
 */
export function* urenkaarten(month: Omit<UrenMonth, 'maand'>): Generator<Urenkaart> {
  const { rows, gastouders, kinderen, koppelingen } = month;
  const order = keyOrder(rows, ranks(gastouders.list), ranks(kinderen.list));
  let current: Urenkaart | undefined;
  let key = -1;
  for (const i of order) {
    const k = (rows.gastouder[i]! * kinderen.list.length + rows.kind[i]!) * koppelingen.list.length + rows.koppeling[i]!;
    if (k !== key) {
      if (current) yield current;
      key = k;
      current = {
        gastouder: gastouders.list[rows.gastouder[i]!]!,
        kind: kinderen.list[rows.kind[i]!]!,
        koppeling: koppelingen.list[rows.koppeling[i]!]!,
        minuten: 0,
        regels: [],
      };
    }
    const opmerking = rows.opmerking.get(i);
    current!.regels.push(opmerking ? [rows.day[i]!, rows.van[i]!, rows.tot[i]!, opmerking] : [rows.day[i]!, rows.van[i]!, rows.tot[i]!]);
    current!.minuten += rows.tot[i]! - rows.van[i]!;
  }
  if (current) yield current;
}
