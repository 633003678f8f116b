// Shared by betaling add, storno, sepa incasso and factuur run: apply money an ouder already paid
// but that was not allocated yet (an overpayment) to her open invoices, before anything new; and
// when her open credit invoices cover all her open invoices, set them off against each other.
import { allocatePayment, type OpenstaandePost, type Toewijzing } from '../domain/kas.js';
import type { Datum } from '../domain/calendar.js';
import { formatEuro } from '../domain/money.js';
import type { Db } from '../db/open.js';
import { insertBetaling, insertToewijzingen, remainders } from '../db/repo/kas.js';

export function applyAllocations(open: OpenstaandePost[], allocations: { factuur: string; bedragCent: number }[]): OpenstaandePost[] {
  const byFactuur = new Map(allocations.map((a) => [a.factuur, a.bedragCent]));
  return open.map((p) => ({ ...p, openCent: p.openCent - (byFactuur.get(p.factuur) ?? 0) })).filter((p) => p.openCent !== 0);
}

/** Apply the ouder's unallocated money to `open`, on `datum`; returns what is still open. */
export async function settleRemainders(db: Db, ouder: string, open: OpenstaandePost[], datum: Datum): Promise<OpenstaandePost[]> {
  let current = open;
  for (const r of (await remainders(db, ouder)).get(ouder) ?? []) {
    if (!current.some((p) => p.openCent > 0)) break;
    const { allocations } = allocatePayment(r.restCent, current);
    await insertToewijzingen(db, r.betaling, allocations, datum);
    current = applyAllocations(current, allocations);
  }
  return current;
}

/** A set-off booked by `settle`: which invoices a credit paid, and what credit is left. */
export interface Verrekening {
  /** The invoices settled, and the credit invoices used for them. */
  facturen: string[];
  creditfacturen: string[];
  /** The allocations: positive on the invoices settled, negative on the credits used. */
  toewijzingen: Toewijzing[];
  /** What the settled invoices add up to (= the credit used). */
  bedragCent: number;
  /** Credit still open after the set-off, for later invoices: 0 or more. */
  tegoedCent: number;
}

/** A set-off as JSON output (`sepa incasso`'s `verrekend`, `factuur run`'s `verrekendMetCredit`). */
export function verrekeningJson({ ouder, facturen, creditfacturen, bedragCent, tegoedCent }: Verrekening & { ouder: string }) {
  return { ouder, facturen, creditfacturen, bedragCent, tegoedCent };
}

/** How every command says a set-off (after the ouder's code): the amount, the invoices, what is left. */
export function verrekeningTekst(v: Verrekening, toevoeging = ''): string {
  const credit = `${v.creditfacturen.length === 1 ? 'creditfactuur' : 'creditfacturen'} ${v.creditfacturen.join(', ')}`;
  const tegoed = v.tegoedCent > 0 ? `${formatEuro(v.tegoedCent)} tegoed blijft staan voor volgende facturen` : 'geen tegoed over';
  return `${formatEuro(v.bedragCent)} (${v.facturen.join(', ')}) verrekend met ${credit}${toevoeging}; ${tegoed}`;
}

/**
 * Her overpayments first (settleRemainders), then: when her open credit invoices cover all her open
 * invoices (net 0 or less), they are set off on `datum` without any money moving. A set-off with a
 * payment happens inside that payment's allocation (allocatePayment); this is the case where there
 * is no payment to carry it: nothing to collect, nothing to transfer, yet the invoices are settled
 * (paid on `datum`, so the gastouder's care on them becomes payable). It is booked as a payment of
 * € 0,00 (soort 'betaling', omschrijving 'verrekening …') that carries the allocations: the
 * schema's toewijzing needs a payment, and a payment of 0 adds no money anywhere, is never a
 * remainder and is never a storno candidate (the bank returns nothing of it).
 * The rest of the credit stays open for the next invoices.
 */
export async function settle(
  db: Db,
  ouder: string,
  open: OpenstaandePost[],
  datum: Datum,
): Promise<{ open: OpenstaandePost[]; verrekening: Verrekening | null }> {
  const current = await settleRemainders(db, ouder, open, datum);
  const netto = current.reduce((s, p) => s + p.openCent, 0);
  if (netto > 0 || !current.some((p) => p.openCent > 0)) return { open: current, verrekening: null };
  // allocatePayment with nothing paid: every open invoice from the credits, oldest credit first.
  const { allocations } = allocatePayment(0, current);
  const betaald = allocations.filter((a) => a.bedragCent > 0);
  const facturen = betaald.map((a) => a.factuur);
  const creditfacturen = allocations.filter((a) => a.bedragCent < 0).map((a) => a.factuur);
  const id = await insertBetaling(db, {
    ouder,
    datum,
    bedragCent: 0,
    soort: 'betaling',
    omschrijving: `verrekening: ${facturen.join(', ')} met creditfactuur ${creditfacturen.join(', ')}`,
  });
  await insertToewijzingen(db, id, allocations, datum);
  const bedragCent = betaald.reduce((s, a) => s + a.bedragCent, 0);
  return {
    open: applyAllocations(current, allocations),
    verrekening: { facturen, creditfacturen, toewijzingen: allocations, bedragCent, tegoedCent: -netto },
  };
}
