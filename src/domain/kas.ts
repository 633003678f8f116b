// The kassiersfunctie as pure computations: allocating payments to invoices, and which care lines
// are due to a gastouder and when. All money flows through the bureau; this decides what is owed.
import { type Datum, type Maand, maxDate, minDate } from './calendar.js';
import { compareNummer } from './nummers.js';
import type { Cent } from './money.js';
import { addWerkdagen } from './werkdagen.js';

/** An invoice with what is still open on it (negative for a credit invoice not yet set off). */
export interface OpenstaandePost {
  factuur: string;
  vervaldatum: Datum;
  openCent: Cent;
}

export interface Toewijzing {
  factuur: string;
  bedragCent: Cent;
}

/**
 * How a payment of `amount` pays an ouder's open invoices: the preferred invoice first, then the
 * oldest due first. Open credit invoices are set off against what is paid, as far as it goes.
 * What is left is the remainder, kept for later invoices. The allocations add up to
 * `amount - restCent`.
 */
export function allocatePayment(amount: Cent, open: OpenstaandePost[], preferred?: string): { allocations: Toewijzing[]; restCent: Cent } {
  const credits = open.filter((p) => p.openCent < 0);
  const creditTotal = -credits.reduce((s, p) => s + p.openCent, 0);
  const positives = open
    .filter((p) => p.openCent > 0)
    .sort((a, b) =>
      a.factuur === preferred
        ? -1
        : b.factuur === preferred
          ? 1
          : a.vervaldatum === b.vervaldatum
            ? compareNummer(a.factuur, b.factuur)
            : a.vervaldatum < b.vervaldatum
              ? -1
              : 1,
    );
  const allocations: Toewijzing[] = [];
  let budget = amount + creditTotal;
  let paid = 0;
  for (const post of positives) {
    if (budget <= 0) break;
    const take = Math.min(budget, post.openCent);
    allocations.push({ factuur: post.factuur, bedragCent: take });
    budget -= take;
    paid += take;
  }
  let creditUsed = Math.min(creditTotal, paid);
  for (const post of credits) {
    if (creditUsed <= 0) break;
    const take = Math.min(creditUsed, -post.openCent);
    allocations.push({ factuur: post.factuur, bedragCent: -take });
    creditUsed -= take;
  }
  const allocated = allocations.reduce((s, a) => s + a.bedragCent, 0);
  return { allocations, restCent: amount - allocated };
}

/** A payment not reversed yet, with what it holds on the invoice a storno names. */
export interface StornoKandidaat {
  id: number;
  datum: Datum;
  soort: 'betaling' | 'incasso';
  bedragCent: Cent;
  /** What the payment's allocations to the invoice add up to. */
  opFactuurCent: Cent;
}

/**
 * Which payment a storno of an invoice reverses: what the bank returns is one payment, whole, the
 * latest (by date, then as booked) that still holds money on the invoice. Undefined: none does.
 */
export function teStorneren(kandidaten: StornoKandidaat[]): StornoKandidaat | undefined {
  let latest: StornoKandidaat | undefined;
  for (const k of kandidaten) {
    // A set-off (a booking of € 0,00, kas/ledger.ts) moved no money: the bank has nothing to return.
    if (k.opFactuurCent <= 0 || k.bedragCent <= 0) continue;
    if (!latest || k.datum > latest.datum || (k.datum === latest.datum && k.id > latest.id)) latest = k;
  }
  return latest;
}

/** Per invoice, what the reversed payment allocated there and what all payments hold there now. */
export interface StornoPost {
  factuur: string;
  somCent: Cent;
  nettoCent: Cent;
}

/**
 * The allocations that undo a payment: per invoice what it still holds there, never more than is
 * allocated there now (a credit set off undoes the other way). Undefined when nothing is held on
 * `factuur` any more: a storno booked before gob 0.2 reversed whole invoices without naming a
 * payment, and may already have taken this money back.
 */
export function stornoToewijzingen(factuur: string, posten: StornoPost[]): Toewijzing[] | undefined {
  if ((posten.find((p) => p.factuur === factuur)?.nettoCent ?? 0) <= 0) return undefined;
  return posten
    .map((p) => ({
      factuur: p.factuur,
      bedragCent: -(p.somCent > 0 ? Math.min(p.somCent, Math.max(p.nettoCent, 0)) : Math.max(p.somCent, Math.min(p.nettoCent, 0))),
    }))
    .filter((a) => a.bedragCent !== 0);
}

/** A care line of an invoice as the payout sees it. */
export interface Zorgregel {
  id: number;
  gastouder: string;
  factuur: string;
  kind: string;
  maand: Maand;
  minuten: number;
  bedragCent: Cent;
  /** When the bureau had the money for this line: the invoice paid in full (of € 0,00 or less: correctieBetaaldOp); null while unpaid. */
  betaaldOp: Datum | null;
  /** Already in a payout. */
  uitbetaald: boolean;
}

/**
 * When the bureau has the money for a gastouder's lines on an invoice of € 0,00 or less (a
 * correction that asks the ouder for nothing, or a credit): no money of its own comes in for it.
 * - Her lines net negative: she gets less, counted from the invoice's date (a credit lowers her
 *   next payout at once; that never pays out money not received).
 * - Her lines net zero or more: what they give her is money the ouder paid on the invoices this
 *   one takes amounts back from (`bronnen`: the paid dates of the invoices its negative lines
 *   correct). It counts when all of those are paid, and not before this invoice's date; null
 *   while one is unpaid. So a correction of an unpaid invoice pays nothing out before the ouder
 *   paid it, and its lines carry the deadline of that money, not of the correction's date.
 */
export function correctieBetaaldOp(datum: Datum, nettoCent: Cent, bronnen: (Datum | null)[]): Datum | null {
  if (nettoCent < 0) return datum;
  let op = datum;
  for (const b of bronnen) {
    if (b === null) return null;
    op = maxDate(op, b);
  }
  return op;
}

/**
 * Does this line's deadline count toward "te laat"? Only a positive line of an invoice whose due
 * lines for the gastouder net positive: lines that net to zero per gastouder (a € 0,00 correction
 * moving minutes from care to agreed hours) or below move no money to her, so no payout can be
 * late for them.
 */
function telt(due: Zorgregel[]): (l: Zorgregel) => boolean {
  const netto = new Map<string, number>();
  for (const l of due) netto.set(l.factuur, (netto.get(l.factuur) ?? 0) + l.bedragCent);
  return (l) => l.bedragCent > 0 && (netto.get(l.factuur) ?? 0) > 0;
}

export interface GeplandeUitbetaling {
  gastouder: string;
  bedragCent: Cent;
  teLaat: boolean;
  regels: (Zorgregel & { uiterlijk: Datum })[];
}

/** The deadline of a line: its payment date plus the bureau's uitbetaaltermijn in werkdagen. */
export function uiterlijk(betaaldOp: Datum, termijn: number): Datum {
  return addWerkdagen(betaaldOp, termijn);
}

/**
 * One payout per gastouder of every due line not paid out yet. Lines of credit invoices are
 * negative and are netted: when a gastouder's due lines add up to zero or less, she gets nothing
 * now and the lines wait for the next run (a payout is never negative).
 */
export function planPayouts(lines: Zorgregel[], datum: Datum, termijn: number): GeplandeUitbetaling[] {
  const by = new Map<string, Zorgregel[]>();
  for (const l of lines) {
    if (l.uitbetaald || l.betaaldOp === null || l.betaaldOp > datum) continue;
    by.set(l.gastouder, [...(by.get(l.gastouder) ?? []), l]);
  }
  const payouts: GeplandeUitbetaling[] = [];
  for (const [gastouder, due] of [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const bedragCent = due.reduce((s, l) => s + l.bedragCent, 0);
    if (bedragCent <= 0) continue;
    const regels = due.map((l) => ({ ...l, uiterlijk: uiterlijk(l.betaaldOp!, termijn) }));
    const geldt = telt(due);
    payouts.push({ gastouder, bedragCent, teLaat: regels.some((r) => geldt(r) && r.uiterlijk < datum), regels });
  }
  return payouts;
}

/**
 * Money held for a gastouder: what was received for her and not paid out yet. Positive due lines
 * count when received; credit lines count once netted in a payout, so this is never negative.
 */
export function held(lines: Zorgregel[], gastouder: string): Cent {
  return lines
    .filter((l) => l.gastouder === gastouder && !l.uitbetaald && l.betaaldOp !== null && l.bedragCent > 0)
    .reduce((s, l) => s + l.bedragCent, 0);
}

/** What `uitbetaling open` shows per gastouder (CONTRACT §6): never a negative amount. */
export interface OpenUitbetaling {
  gastouder: string;
  /** What the next payout would pay her: the net of her due lines, or 0. */
  bedragCent: Cent;
  /** What she owes back (credit invoices after a payout), set off against her next care: 0 or more. */
  teVerrekenenCent: Cent;
  /** The earliest deadline of a positive line; null when there is nothing to pay. */
  uiterlijk: Datum | null;
}

/**
 * Per gastouder the due lines not paid out yet, received by `today` (a collection dated later is
 * not money yet), netted as the next payout would: a negative net is money to set off, not a
 * negative amount to pay.
 */
export function openUitbetalingen(lines: Zorgregel[], today: Datum, termijn: number): OpenUitbetaling[] {
  const due = new Map<string, Zorgregel[]>();
  for (const l of lines) {
    if (l.uitbetaald || l.betaaldOp === null || l.betaaldOp > today) continue;
    const regels = due.get(l.gastouder);
    if (regels) regels.push(l);
    else due.set(l.gastouder, [l]);
  }
  const by = new Map<string, { netCent: Cent; uiterlijk: Datum | null }>();
  for (const [gastouder, regels] of due) {
    const geldt = telt(regels);
    const entry: { netCent: Cent; uiterlijk: Datum | null } = { netCent: 0, uiterlijk: null };
    for (const l of regels) {
      entry.netCent += l.bedragCent;
      if (!geldt(l)) continue;
      const deadline = uiterlijk(l.betaaldOp!, termijn);
      entry.uiterlijk = entry.uiterlijk === null ? deadline : minDate(entry.uiterlijk, deadline);
    }
    by.set(gastouder, entry);
  }
  return [...by]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .filter(([, e]) => e.netCent !== 0)
    .map(([gastouder, e]) =>
      // Nothing to pay, so no deadline to meet.
      e.netCent > 0
        ? { gastouder, bedragCent: e.netCent, teVerrekenenCent: 0, uiterlijk: e.uiterlijk }
        : { gastouder, bedragCent: 0, teVerrekenenCent: -e.netCent, uiterlijk: null },
    );
}
