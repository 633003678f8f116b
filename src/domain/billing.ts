// The monthly invoices (CONTRACT §6), as a pure computation: the month's urenkaarten, the rates
// and the bureau's fee settings, minus what earlier invoices of the month already billed, give the
// lines of the invoices to make now. Integers only; every total is the sum of its lines.
import type { Schaaltrede } from './bureaukosten.js';
import { allocate, type Cent, careAmount, divRoundHalfAwayFromZero } from './money.js';
import { compareNummer } from './nummers.js';

/**
 * The kinds of line: care (the urenkaart), agreed hours not worked and not excused (CONTRACT §9,
 * only with the bureau setting `afgesproken-uren`), the notice period's hours (§9), the bureau's fee.
 * Every kind but `bureaukosten` is care billed for the gastouder: paid out to her, counted as care
 * for the toeslag, the jaaropgave and the fees.
 */
export type Soort = 'opvang' | 'afgesproken' | 'opzegtermijn' | 'bureaukosten';

/** The order of the kinds of line within a child × gastouder on an invoice. */
const SOORT_VOLGORDE: Record<Soort, number> = { opvang: 0, afgesproken: 1, opzegtermijn: 2, bureaukosten: 3 };

/** One line of an invoice. `kind` is null for a monthly fee (per ouder and gastouder). */
export interface Factuurregel {
  soort: Soort;
  kind: string | null;
  gastouder: string;
  minuten: number;
  tariefCent: Cent;
  bedragCent: Cent;
  /** The LRK number the care was given under (several, comma-separated, in the rare month a line spans two registrations). */
  lrk?: string | null;
  /** On a correction invoice: the invoice whose line this line corrects (null: a line not billed before). */
  correctieOp?: string | null;
}

/** A line of an earlier invoice of the month, with that invoice's number. */
export interface GefactureerdeRegel extends Factuurregel {
  factuur: string;
}

/** A month's hours of one child at one gastouder at one rate (an urenkaart, priced). */
export interface Uren {
  ouder: string;
  kind: string;
  gastouder: string;
  minuten: number;
  uurtariefCent: Cent;
  /** The LRK of this care: the gastouder's, or the koppeling's for care at the ouder's home. */
  lrk: string | null;
}

export type Bureaukosten = { model: 'maand'; eenKindCent: Cent; meerKinderenCent: Cent } | { model: 'uur'; schaal: Schaaltrede[] };

/** The rate per hour for a child with this many minutes in the month: the highest step reached. */
export function schaalTarief(schaal: Schaaltrede[], minuten: number): Cent {
  let tarief = schaal[0]?.tariefCent ?? 0;
  for (const trede of schaal) if (minuten >= trede.vanafUren * 60) tarief = trede.tariefCent;
  return tarief;
}

/** Child (fees without a child last), gastouder, care before fees, rate, corrected invoice. */
function compareRegels(a: Factuurregel, b: Factuurregel): number {
  // Field by field, without building keys: this sorts every line of a month's 44,000 invoices.
  const ka = a.kind ?? '~';
  const kb = b.kind ?? '~';
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.gastouder !== b.gastouder) return a.gastouder < b.gastouder ? -1 : 1;
  if (a.soort !== b.soort) return SOORT_VOLGORDE[a.soort] - SOORT_VOLGORDE[b.soort];
  if (a.tariefCent !== b.tariefCent) return a.tariefCent - b.tariefCent;
  // Parts of one credit (one line split over invoices) stand in the order of those invoices.
  const ca = a.correctieOp ?? '';
  const cb = b.correctieOp ?? '';
  return ca === cb ? 0 : ca < cb ? -1 : 1;
}

/**
 * What the current urenkaarten give for one ouder's month: care lines, then the fee lines.
 * `afgesproken`: the agreed minutes not worked and not excused (CONTRACT §9), per koppeling, priced
 * like care; they are billed care, so they count for the fees as care does (the `uur` model's
 * minutes and scale, the `maand` model's "child with care"). Empty when the bureau bills only
 * hours of care, and then the lines are exactly what they were before §9.
 * `opzegtermijn`: the rooster minutes of a notice period after care ended early (§9), per
 * koppeling; billed care too, counted for the fees the same way.
 */
export function targetRegels(
  uren: Uren[],
  kosten: Bureaukosten,
  minutenPerKind: Map<string, number>,
  afgesproken: readonly Uren[] = [],
  opzegtermijn: readonly Uren[] = [],
): Factuurregel[] {
  const care = new Map<string, Factuurregel>();
  const lrks = new Map<Factuurregel, Set<string>>();
  const add = (u: Uren, soort: Exclude<Soort, 'bureaukosten'>) => {
    const key = `${soort}|${u.kind}|${u.gastouder}|${u.uurtariefCent}`;
    let line = care.get(key);
    if (line) line.minuten += u.minuten;
    else {
      line = { soort, kind: u.kind, gastouder: u.gastouder, minuten: u.minuten, tariefCent: u.uurtariefCent, bedragCent: 0 };
      care.set(key, line);
      lrks.set(line, new Set());
    }
    if (u.lrk) lrks.get(line)!.add(u.lrk);
  };
  for (const u of uren) add(u, 'opvang');
  for (const u of afgesproken) add(u, 'afgesproken');
  for (const u of opzegtermijn) add(u, 'opzegtermijn');
  const regels = [...care.values()].filter((r) => r.minuten !== 0);
  for (const r of regels) r.bedragCent = careAmount(r.minuten, r.tariefCent);
  // A fee line names the registrations of the care it is for (nearly always one).
  const lrkOf = (lines: Factuurregel[]) => {
    const all = lines.length === 1 ? lrks.get(lines[0]!)! : new Set(lines.flatMap((r) => [...lrks.get(r)!]));
    return all.size === 0 ? null : all.size === 1 ? all.values().next().value! : [...all].sort().join(', ');
  };
  for (const r of regels) r.lrk = lrkOf([r]);
  if (kosten.model === 'maand') {
    // One fee per ouder and gastouder with care that month: one child, or two and more. It is
    // not per hour, so it carries no minutes (and more hours later do not change it).
    const byGastouder = new Map<string, Set<string>>();
    for (const r of regels) byGastouder.set(r.gastouder, (byGastouder.get(r.gastouder) ?? new Set<string>()).add(r.kind!));
    for (const [gastouder, kinderen] of byGastouder) {
      const fee = kinderen.size === 1 ? kosten.eenKindCent : kosten.meerKinderenCent;
      const lrk = lrkOf(regels.filter((r) => r.gastouder === gastouder));
      regels.push({ soort: 'bureaukosten', kind: null, gastouder, minuten: 0, tariefCent: fee, bedragCent: fee, lrk });
    }
  } else {
    // Per child and gastouder, her minutes at the rate the child's month hours reach on the
    // scale (one fee line, even when the care was at two rates).
    const fees = new Map<string, { fee: Factuurregel; care: Factuurregel[] }>();
    for (const r of [...regels]) {
      const tarief = schaalTarief(kosten.schaal, minutenPerKind.get(r.kind!) ?? r.minuten);
      const key = `${r.kind}|${r.gastouder}`;
      const entry = fees.get(key);
      if (entry) {
        entry.fee.minuten += r.minuten;
        entry.care.push(r);
      } else
        fees.set(key, {
          fee: { soort: 'bureaukosten', kind: r.kind, gastouder: r.gastouder, minuten: r.minuten, tariefCent: tarief, bedragCent: 0 },
          care: [r],
        });
    }
    for (const { fee, care: lines } of fees.values()) {
      fee.bedragCent = careAmount(fee.minuten, fee.tariefCent);
      fee.lrk = lrkOf(lines);
      regels.push(fee);
    }
  }
  return regels.sort(compareRegels);
}

function regelKey(r: Factuurregel): string {
  return `${r.soort}|${r.kind ?? ''}|${r.gastouder}|${r.tariefCent}`;
}

/**
 * The lines still to bill: per line (kind of line, child, gastouder, rate) what the target gives
 * minus what earlier invoices billed. A line billed before and now gone is credited in full.
 * Each difference names the invoice whose line it corrects (CONTRACT §6): more billed names the
 * latest earlier invoice with that line; a credit is taken back from the invoices that billed it,
 * the latest first, one line per invoice, so that no line credits more than its invoice billed.
 * A line never billed before corrects nothing (correctieOp null).
 */
export function differenceRegels(target: Factuurregel[], billed: GefactureerdeRegel[]): Factuurregel[] {
  const sum = new Map<
    string,
    { regel: Factuurregel; laatste: string; perFactuur: Map<string, { minuten: number; bedragCent: Cent; lrk: string | null }> }
  >();
  for (const r of billed) {
    const key = regelKey(r);
    let s = sum.get(key);
    if (!s) {
      s = {
        regel: {
          soort: r.soort,
          kind: r.kind,
          gastouder: r.gastouder,
          minuten: 0,
          tariefCent: r.tariefCent,
          bedragCent: 0,
          lrk: r.lrk ?? null,
        },
        laatste: r.factuur,
        perFactuur: new Map(),
      };
      sum.set(key, s);
    }
    s.regel.minuten += r.minuten;
    s.regel.bedragCent += r.bedragCent;
    if (compareNummer(r.factuur, s.laatste) > 0) {
      s.laatste = r.factuur;
      s.regel.lrk = r.lrk ?? s.regel.lrk;
    }
    // A credit counts against the invoice it took back from; anything billed, against its own.
    const van = r.bedragCent < 0 || r.minuten < 0 ? (r.correctieOp ?? r.factuur) : r.factuur;
    const f = s.perFactuur.get(van) ?? { minuten: 0, bedragCent: 0, lrk: r.lrk ?? null };
    f.minuten += r.minuten;
    f.bedragCent += r.bedragCent;
    s.perFactuur.set(van, f);
  }
  const result: Factuurregel[] = [];
  const push = (
    t: Factuurregel,
    b: (typeof sum extends Map<string, infer V> ? V : never) | undefined,
    minuten: number,
    bedragCent: Cent,
  ) => {
    if (minuten === 0 && bedragCent === 0) return;
    if (!b || (minuten >= 0 && bedragCent >= 0)) result.push({ ...t, minuten, bedragCent, correctieOp: b?.laatste ?? null });
    else result.push(...creditLines(t, b.perFactuur, minuten, bedragCent, b.laatste));
  };
  for (const t of target) {
    const key = regelKey(t);
    const b = sum.get(key);
    sum.delete(key);
    push(t, b, t.minuten - (b?.regel.minuten ?? 0), t.bedragCent - (b?.regel.bedragCent ?? 0));
  }
  for (const b of sum.values()) push(b.regel, b, 0 - b.regel.minuten, 0 - b.regel.bedragCent);
  return result.sort(compareRegels);
}

/**
 * A credit of `minuten` and `bedragCent` (both ≤ 0) on one line, split over the invoices that
 * billed it, latest first, each up to what it still holds. The last part takes what is left, so
 * the parts add up exactly to the credit.
 */
function creditLines(
  t: Factuurregel,
  perFactuur: Map<string, { minuten: number; bedragCent: Cent; lrk: string | null }>,
  minuten: number,
  bedragCent: Cent,
  laatste: string,
): Factuurregel[] {
  const bronnen = [...perFactuur.entries()].filter(([, f]) => f.minuten > 0 || f.bedragCent > 0).sort((a, b) => compareNummer(b[0], a[0]));
  if (bronnen.length <= 1) return [{ ...t, minuten, bedragCent, correctieOp: bronnen[0]?.[0] ?? laatste }];
  const lines: Factuurregel[] = [];
  let restMinuten = -minuten;
  let restBedrag = -bedragCent;
  for (const [i, [factuur, f]] of bronnen.entries()) {
    const last = i === bronnen.length - 1;
    // Per minute where the line has minutes (care, hourly fees); per cent for a monthly fee.
    const takeMinuten = last ? restMinuten : Math.min(restMinuten, Math.max(f.minuten, 0));
    // The part that takes the last minutes takes the rest of the amount too (rounding stays whole).
    const finishes = restMinuten > 0 && takeMinuten === restMinuten;
    const takeBedrag =
      last || finishes
        ? restBedrag
        : restMinuten > 0
          ? Math.min(restBedrag, takeMinuten === f.minuten ? f.bedragCent : careAmount(takeMinuten, t.tariefCent))
          : Math.min(restBedrag, Math.max(f.bedragCent, 0));
    if (takeMinuten === 0 && takeBedrag === 0) continue;
    lines.push({ ...t, lrk: f.lrk ?? t.lrk ?? null, minuten: -takeMinuten, bedragCent: -takeBedrag, correctieOp: factuur });
    restMinuten -= takeMinuten;
    restBedrag -= takeBedrag;
    if (restMinuten <= 0 && restBedrag <= 0) break;
  }
  return lines;
}

export function totaal(regels: Factuurregel[]): Cent {
  return regels.reduce((s, r) => s + r.bedragCent, 0);
}

/** Per child on an invoice: its hours and its average price per hour, care and bureau costs together. */
export interface KindOverzicht {
  kind: string;
  minuten: number;
  kostenCent: Cent;
  /** (care + share of the fees) per hour, to the cent, a half cent away from zero; null without hours. */
  gemiddeldUurprijsCent: Cent | null;
}

/**
 * What the kinderopvangtoeslag asks per child. A monthly fee (kind null) is shared among that
 * gastouder's children in proportion to their minutes (largest remainder, so the shares add up).
 */
export function perKind(regels: Factuurregel[]): KindOverzicht[] {
  const kinderen = new Map<string, { minuten: number; kostenCent: Cent }>();
  const get = (kind: string) => {
    let k = kinderen.get(kind);
    if (!k) {
      k = { minuten: 0, kostenCent: 0 };
      kinderen.set(kind, k);
    }
    return k;
  };
  for (const r of regels) {
    if (r.kind === null) continue;
    const k = get(r.kind);
    // Agreed hours billed are care billed: the toeslag counts their hours and their cost.
    if (r.soort !== 'bureaukosten') k.minuten += r.minuten;
    k.kostenCent += r.bedragCent;
  }
  for (const fee of regels.filter((r) => r.kind === null)) {
    const shares = regels.filter((r) => r.soort !== 'bureaukosten' && r.gastouder === fee.gastouder && r.kind !== null);
    const minuten = shares.reduce((s, r) => s + r.minuten, 0);
    if (shares.length === 0 || minuten === 0) continue;
    const parts = allocate(
      fee.bedragCent,
      shares.map((r) => r.minuten),
    );
    for (const [i, r] of shares.entries()) get(r.kind!).kostenCent += parts[i]!;
  }
  return [...kinderen]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([kind, k]) => ({
      kind,
      minuten: k.minuten,
      kostenCent: k.kostenCent,
      gemiddeldUurprijsCent: k.minuten > 0 ? divRoundHalfAwayFromZero(k.kostenCent * 60, k.minuten) : null,
    }));
}
