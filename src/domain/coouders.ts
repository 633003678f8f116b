// Co-parents (CONTRACT §9): a kind's koppeling may name a second ouder who pays the rest of every
// line after the kind's own ouder's `verdeling` (a whole-number percentage). The two shares of a
// line add up exactly to the line, minutes and cents: the first ouder's part is computed, the
// second has what is left, so no cent appears or disappears.
import type { Factuurregel } from './billing.js';
import { allocate, careAmount, type Cent, divRoundHalfAwayFromZero } from './money.js';

/** How a kind × gastouder's lines are shared in a month: `verdeling` percent to the kind's ouder, the rest to `tweedeOuder`. */
export interface Deling {
  tweedeOuder: string;
  verdeling: number;
}

/** The first ouder's part of a line: minutes `round_half_up(minuten × verdeling / 100)`, the amount computed from them. */
export function eersteDeel(
  r: Pick<Factuurregel, 'minuten' | 'tariefCent' | 'bedragCent'>,
  verdeling: number,
): { minuten: number; bedragCent: Cent } {
  const minuten = divRoundHalfAwayFromZero(r.minuten * verdeling, 100);
  // Care and hourly fees are priced per minute (careAmount), so her amount is her minutes priced;
  // a line priced otherwise (none is today) is shared by the percentage of its amount.
  const bedragCent =
    r.bedragCent === careAmount(r.minuten, r.tariefCent)
      ? careAmount(minuten, r.tariefCent)
      : divRoundHalfAwayFromZero(r.bedragCent * verdeling, 100);
  return { minuten, bedragCent };
}

/**
 * One family's target lines (those of the kind's `ouder`) split into lines per ouder. Lines of
 * a kind without a deling stay with `ouder`, untouched; a family without any deling gets back
 * the very same lines, so nothing changes for a bureau without co-parents.
 *
 * Fees, as decided for the bureau: an `uur`-model fee line is per child and priced per minute,
 * so it is split like care. A `maand`-model fee line (per ouder × gastouder, kind null) is first
 * divided over that month's children at that gastouder in proportion to their minutes (largest
 * remainder, ties to the lowest kind code, as the jaaropgave divides it), each shared child's part
 * is split by its verdeling (the amount rounded half up to the first ouder, the rest to the
 * second), unshared children's parts stay with the first ouder, and each ouder gets ONE fee line
 * per gastouder with the sum of her parts (minutes 0, tarief = amount).
 */
export function splitRegels(
  ouder: string,
  regels: Factuurregel[],
  delingVan: (kind: string, gastouder: string) => Deling | undefined,
): Map<string, Factuurregel[]> {
  if (!regels.some((r) => r.kind !== null && delingVan(r.kind, r.gastouder))) return new Map([[ouder, regels]]);
  const result = new Map<string, Factuurregel[]>([[ouder, []]]);
  const add = (wie: string, r: Factuurregel) => {
    if (r.minuten === 0 && r.bedragCent === 0) return;
    const list = result.get(wie);
    if (list) list.push(r);
    else result.set(wie, [r]);
  };
  for (const r of regels) {
    if (r.kind === null) {
      splitMaandFee(ouder, r, regels, delingVan, add);
      continue;
    }
    const d = delingVan(r.kind, r.gastouder);
    if (!d) {
      add(ouder, r);
      continue;
    }
    const eerste = eersteDeel(r, d.verdeling);
    add(ouder, { ...r, ...eerste });
    add(d.tweedeOuder, { ...r, minuten: r.minuten - eerste.minuten, bedragCent: r.bedragCent - eerste.bedragCent });
  }
  return result;
}

function splitMaandFee(
  ouder: string,
  fee: Factuurregel,
  regels: Factuurregel[],
  delingVan: (kind: string, gastouder: string) => Deling | undefined,
  add: (wie: string, r: Factuurregel) => void,
): void {
  const perKind = new Map<string, number>();
  for (const r of regels)
    if (r.kind !== null && r.soort !== 'bureaukosten' && r.gastouder === fee.gastouder)
      perKind.set(r.kind, (perKind.get(r.kind) ?? 0) + r.minuten);
  const kinderen = [...perKind].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const totaalMinuten = kinderen.reduce((s, [, m]) => s + m, 0);
  if (totaalMinuten === 0 || !kinderen.some(([kind]) => delingVan(kind, fee.gastouder))) {
    add(ouder, fee);
    return;
  }
  const parts = allocate(
    fee.bedragCent,
    kinderen.map(([, m]) => m),
  );
  const som = new Map<string, Cent>([[ouder, 0]]);
  for (const [i, [kind]] of kinderen.entries()) {
    const part = parts[i]!;
    const d = delingVan(kind, fee.gastouder);
    const eerste = d ? divRoundHalfAwayFromZero(part * d.verdeling, 100) : part;
    som.set(ouder, som.get(ouder)! + eerste);
    if (d) som.set(d.tweedeOuder, (som.get(d.tweedeOuder) ?? 0) + part - eerste);
  }
  for (const [wie, bedragCent] of som) add(wie, { ...fee, minuten: 0, tariefCent: bedragCent, bedragCent });
}

/**
 * An ouder's lines from several families (her own and those she is the second ouder of) as one
 * invoice's target: lines that the corrections compare as one (the same kind of line, child,
 * gastouder and rate: two fee parts of one gastouder with the same amount) are added up.
 */
export function samenvoegen(regels: Factuurregel[]): Factuurregel[] {
  const by = new Map<string, Factuurregel>();
  for (const r of regels) {
    const key = `${r.soort}|${r.kind ?? ''}|${r.gastouder}|${r.tariefCent}`;
    const s = by.get(key);
    if (!s) {
      by.set(key, { ...r });
      continue;
    }
    s.minuten += r.minuten;
    s.bedragCent += r.bedragCent;
    const lrks = new Set([...(s.lrk ?? '').split(', '), ...(r.lrk ?? '').split(', ')].filter(Boolean));
    s.lrk = lrks.size === 0 ? null : [...lrks].sort().join(', ');
  }
  return [...by.values()];
}

/** A koppeling running in the month with how it shares (tweedeOuder null: not shared). */
export interface KoppelingDeling {
  koppeling: string;
  kind: string;
  gastouder: string;
  tweedeOuder: string | null;
  verdeling: number;
}

/**
 * The deling per kind × gastouder of a month. One invoice line of a kind × gastouder can be shared
 * only one way: two koppelingen of the pair in one month that share differently (a new koppeling
 * from the 15th with another verdeling) are returned as a conflict, for the caller to refuse.
 */
export function delingenVanMaand(koppelingen: KoppelingDeling[]): {
  delingVan: (kind: string, gastouder: string) => Deling | undefined;
  conflicten: KoppelingDeling[][];
} {
  const per = new Map<string, KoppelingDeling[]>();
  for (const k of koppelingen) {
    const key = `${k.kind}|${k.gastouder}`;
    per.set(key, [...(per.get(key) ?? []), k]);
  }
  const deling = new Map<string, Deling>();
  const conflicten: KoppelingDeling[][] = [];
  for (const [key, list] of per) {
    const soorten = new Set(list.map((k) => (k.tweedeOuder === null ? '' : `${k.tweedeOuder}|${k.verdeling}`)));
    if (soorten.size > 1) conflicten.push(list);
    const k = list[0]!;
    if (soorten.size === 1 && k.tweedeOuder !== null) deling.set(key, { tweedeOuder: k.tweedeOuder, verdeling: k.verdeling });
  }
  return { delingVan: (kind, gastouder) => (deling.size === 0 ? undefined : deling.get(`${kind}|${gastouder}`)), conflicten };
}
