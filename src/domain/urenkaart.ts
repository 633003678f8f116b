// Urenkaarten: a month's actual hours per gastouder and child (CONTRACT §5). Pure pieces of the
// import: the deadline, the column names, and checks over a whole month of rows.
//
// A month of a large bureau is a million rows, so rows are kept in typed arrays (codes as numbers
// into a list of codes) instead of a million objects: ~30 MB instead of ~300 MB.
import { addMonthsToMaand, type Datum, type Maand, makeDate } from './calendar.js';

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
  for (let i = 0; i < rows.length; i++) start[key[i]! + 1]!++;
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, keys);
  const order = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) order[next[key[i]!]!++] = i;
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
    const list = Array.from(order.subarray(from, to)).sort((a, b) => rows.day[a]! - rows.day[b]! || rows.van[a]! - rows.van[b]! || rows.line[a]! - rows.line[b]!);
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
    const list = Array.from(order.subarray(start[k]!, start[k + 1]!)).sort((a, b) => rows.day[a]! - rows.day[b]! || rows.van[a]! - rows.van[b]!);
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
function countingSort(order: Int32Array, key: (i: number) => number, keys: number): Int32Array {
  const start = new Int32Array(keys + 1);
  for (const i of order) start[key(i) + 1]!++;
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(order.length);
  for (const i of order) out[start[key(i)]!++] = i;
  return out;
}

/**
 * Row indexes in the order of the table's key (gastouder, kind, datum, van), given each code's
 * rank in string order: inserting in key order appends to the B-tree instead of splitting pages
 * all over it. Four stable counting passes, least significant first: O(n).
 */
export function keyOrder(rows: UrenRows, gastouderRank: Int32Array, kindRank: Int32Array): Int32Array {
  let order: Int32Array = Int32Array.from({ length: rows.length }, (_, i) => i);
  order = countingSort(order, (i) => rows.van[i]!, 1441);
  order = countingSort(order, (i) => rows.day[i]!, 32);
  order = countingSort(order, (i) => kindRank[rows.kind[i]!]!, kindRank.length);
  order = countingSort(order, (i) => gastouderRank[rows.gastouder[i]!]!, gastouderRank.length);
  return order;
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
