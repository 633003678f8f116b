// Shared by betaling add, storno, sepa incasso and factuur run: apply money an ouder already paid
// but that was not allocated yet (an overpayment) to her open invoices, before anything new.
import { allocatePayment, type OpenstaandePost } from '../domain/kas.js';
import type { Datum } from '../domain/calendar.js';
import type { Db } from '../db/open.js';
import { insertToewijzingen, remainders } from '../db/repo/kas.js';

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
