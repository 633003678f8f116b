// A frozen copy of the invoice lines as gob computed them before CONTRACT §9 (commit 255083c of
// src/domain/billing.ts: targetRegels and perKind), the oracle of the regression property in
// afgesproken.test.ts: with the bureau setting afgesproken-uren off, every line and every per-child
// overview must stay exactly what it was. Never edit this file to make that test pass.
import type { Bureaukosten, Factuurregel, Uren } from '../../src/domain/billing.js';
import { schaalTarief } from '../../src/domain/billing.js';
import { allocate, type Cent, careAmount, divRoundHalfAwayFromZero } from '../../src/domain/money.js';

/** Child (fees without a child last), gastouder, care before fees, rate, corrected invoice. */
function compareRegels(a: Factuurregel, b: Factuurregel): number {
  // Field by field, without building keys: this sorts every line of a month's 44,000 invoices.
  const ka = a.kind ?? '~';
  const kb = b.kind ?? '~';
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.gastouder !== b.gastouder) return a.gastouder < b.gastouder ? -1 : 1;
  if (a.soort !== b.soort) return a.soort === 'opvang' ? -1 : 1;
  if (a.tariefCent !== b.tariefCent) return a.tariefCent - b.tariefCent;
  // Parts of one credit (one line split over invoices) stand in the order of those invoices.
  const ca = a.correctieOp ?? '';
  const cb = b.correctieOp ?? '';
  return ca === cb ? 0 : ca < cb ? -1 : 1;
}

/** What the current urenkaarten give for one ouder's month: care lines, then the fee lines. */
export function targetRegelsVoor9(uren: Uren[], kosten: Bureaukosten, minutenPerKind: Map<string, number>): Factuurregel[] {
  const care = new Map<string, Factuurregel>();
  const lrks = new Map<Factuurregel, Set<string>>();
  for (const u of uren) {
    const key = `${u.kind}|${u.gastouder}|${u.uurtariefCent}`;
    let line = care.get(key);
    if (line) line.minuten += u.minuten;
    else {
      line = { soort: 'opvang', kind: u.kind, gastouder: u.gastouder, minuten: u.minuten, tariefCent: u.uurtariefCent, bedragCent: 0 };
      care.set(key, line);
      lrks.set(line, new Set());
    }
    if (u.lrk) lrks.get(line)!.add(u.lrk);
  }
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
      const lrk = lrkOf(regels.filter((r) => r.soort === 'opvang' && r.gastouder === gastouder));
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

/** Per child on an invoice: its hours and its average price per hour, care and bureau costs together. */
interface KindOverzicht {
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
export function perKindVoor9(regels: Factuurregel[]): KindOverzicht[] {
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
    if (r.soort === 'opvang') k.minuten += r.minuten;
    k.kostenCent += r.bedragCent;
  }
  for (const fee of regels.filter((r) => r.kind === null)) {
    const shares = regels.filter((r) => r.soort === 'opvang' && r.gastouder === fee.gastouder && r.kind !== null);
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
