// The year's figures of one ouder (CONTRACT §8), as a pure computation over the lines of that
// ouder's invoices for months of the year. Nothing is recomputed from urenkaarten: whatever the
// invoices billed (corrections, credits, frozen rates and fees) is what the year shows, so the
// jaaropgave adds up, to the cent, to the ouder's invoices. The toeslag export is the same
// figures, month by month.
import type { Soort } from './billing.js';
import type { Maand } from './calendar.js';
import { allocate, type Cent, divRoundHalfAwayFromZero } from './money.js';

/** A line of one of the ouder's invoices, with the care month of that invoice. */
export interface Jaarregelbron {
  maand: Maand;
  soort: Soort;
  kind: string | null;
  gastouder: string;
  minuten: number;
  bedragCent: Cent;
  /** The LRK the line was billed under; null on lines from before gob stored it. */
  lrk: string | null;
}

export interface Jaarmaand {
  maand: Maand;
  minuten: number;
  bedragCent: Cent;
}

/** Care of one kind at one gastouder under one registration in the year: care plus its share of the fees. */
export interface Jaarregel {
  /** Null only for a fee that no care line of its month can carry (an invoice of a bureau fee alone). */
  kind: string | null;
  gastouder: string;
  lrk: string | null;
  minuten: number;
  bedragCent: Cent;
  /** round_half_up(bedrag × 60 / minuten); null without minutes. */
  uurprijsCent: Cent | null;
  maanden: Jaarmaand[];
}

/** Average price per hour, to the cent, a half cent away from zero; null without minutes. */
export function uurprijs(bedragCent: Cent, minuten: number): Cent | null {
  return minuten > 0 ? divRoundHalfAwayFromZero(bedragCent * 60, minuten) : null;
}

interface Unit {
  kind: string | null;
  gastouder: string;
  lrk: string | null;
  minuten: number;
  bedragCent: Cent;
}

const unitKey = (kind: string | null, gastouder: string, lrk: string | null) => `${kind ?? ''}\u0000${gastouder}\u0000${lrk ?? ''}`;

/** By kind code (no kind last), gastouder and LRK: the order of the document and of the fee split's ties. */
function compareUnits(a: Omit<Unit, 'minuten' | 'bedragCent'>, b: Omit<Unit, 'minuten' | 'bedragCent'>): number {
  const ka = a.kind ?? '\uffff';
  const kb = b.kind ?? '\uffff';
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.gastouder !== b.gastouder) return a.gastouder < b.gastouder ? -1 : 1;
  const la = a.lrk ?? '';
  const lb = b.lrk ?? '';
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/**
 * One month at one gastouder: the care lines (corrections included) summed per kind and LRK, and
 * every fee line divided over them. A fee is divided in proportion to the month's net minutes of
 * the care it belongs to: a monthly fee (kind null) over all that gastouder's children of the
 * month, an hourly fee over its own child's care (one unit, unless that month's care of the child
 * was under two registrations). Largest remainder, ties to the lowest kind code. A fee whose care
 * has no minutes left (all credited) goes whole to the first of its units; one with no care line at
 * all stays a line of its own, so that nothing billed is ever left out of the year.
 */
function monthUnits(lines: Jaarregelbron[], standaardLrk: (gastouder: string) => string | null): Unit[] {
  const units = new Map<string, Unit>();
  const unit = (kind: string | null, gastouder: string, lrk: string | null) => {
    const key = unitKey(kind, gastouder, lrk);
    let u = units.get(key);
    if (!u) {
      u = { kind, gastouder, lrk, minuten: 0, bedragCent: 0 };
      units.set(key, u);
    }
    return u;
  };
  const fees: Jaarregelbron[] = [];
  for (const line of lines) {
    if (line.soort === 'bureaukosten') {
      fees.push(line);
      continue;
    }
    const u = unit(line.kind, line.gastouder, line.lrk ?? standaardLrk(line.gastouder));
    u.minuten += line.minuten;
    u.bedragCent += line.bedragCent;
  }
  const care = [...units.values()].sort(compareUnits);
  // Fees of one kind (or of the whole gastouder) are summed first: a correction's fee line then
  // moves the same share as the line it corrects.
  const feeSums = new Map<string, { kind: string | null; gastouder: string; lrk: string | null; bedragCent: Cent }>();
  for (const fee of fees) {
    const key = `${fee.kind ?? ''}\u0000${fee.gastouder}`;
    const s = feeSums.get(key);
    if (s) s.bedragCent += fee.bedragCent;
    else
      feeSums.set(key, {
        kind: fee.kind,
        gastouder: fee.gastouder,
        lrk: fee.lrk ?? standaardLrk(fee.gastouder),
        bedragCent: fee.bedragCent,
      });
  }
  for (const fee of feeSums.values()) {
    if (fee.bedragCent === 0) continue;
    const dragers = care.filter((u) => u.gastouder === fee.gastouder && (fee.kind === null || u.kind === fee.kind));
    if (dragers.length === 0) {
      unit(fee.kind, fee.gastouder, fee.lrk).bedragCent += fee.bedragCent;
      continue;
    }
    const weights = dragers.map((u) => Math.max(u.minuten, 0));
    if (weights.every((w) => w === 0)) {
      dragers[0]!.bedragCent += fee.bedragCent;
      continue;
    }
    const parts = allocate(fee.bedragCent, weights);
    for (const [i, u] of dragers.entries()) u.bedragCent += parts[i]!;
  }
  return [...units.values()];
}

/**
 * The jaaropgave lines of one ouder from the lines of her invoices for months of one year (any
 * order). `standaardLrk` gives the LRK for the rare old line stored without one (the gastouder's).
 * Months where a line nets to nothing are left out; a line whose months all net to nothing too;
 * with `nulMaanden` (the toeslag delivery) they are kept with 0 minutes and 0 cent.
 */
export function jaarregels(
  lines: Jaarregelbron[],
  standaardLrk: (gastouder: string) => string | null = () => null,
  opties: { nulMaanden?: boolean } = {},
): Jaarregel[] {
  const nulMaanden = opties.nulMaanden === true;
  const perMaand = new Map<Maand, Jaarregelbron[]>();
  for (const line of lines) {
    const list = perMaand.get(line.maand);
    if (list) list.push(line);
    else perMaand.set(line.maand, [line]);
  }
  const regels = new Map<string, Jaarregel>();
  for (const maand of [...perMaand.keys()].sort()) {
    for (const u of monthUnits(perMaand.get(maand)!, standaardLrk)) {
      if (u.minuten === 0 && u.bedragCent === 0 && !nulMaanden) continue;
      const key = unitKey(u.kind, u.gastouder, u.lrk);
      let r = regels.get(key);
      if (!r) {
        r = { kind: u.kind, gastouder: u.gastouder, lrk: u.lrk, minuten: 0, bedragCent: 0, uurprijsCent: null, maanden: [] };
        regels.set(key, r);
      }
      r.minuten += u.minuten;
      r.bedragCent += u.bedragCent;
      r.maanden.push({ maand, minuten: u.minuten, bedragCent: u.bedragCent });
    }
  }
  const result = [...regels.values()].sort(compareUnits);
  for (const r of result) r.uurprijsCent = uurprijs(r.bedragCent, r.minuten);
  return result;
}

/** The hours of a month for the toeslag file: minutes as hours with two decimals, '12,50'. */
export function urenMetDecimalen(minuten: number): string {
  const honderdsten = divRoundHalfAwayFromZero(minuten * 100, 60);
  const sign = honderdsten < 0 ? '-' : '';
  const abs = Math.abs(honderdsten);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
