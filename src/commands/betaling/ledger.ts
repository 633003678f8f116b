// Shared by betaling add and sepa incasso: apply money an ouder already paid but that was not
// allocated yet (an overpayment) to her open invoices, before anything new.
import { allocate, type OpenPost } from '../../domain/kas.js';
import type { Db } from '../../db/open.js';
import { insertToewijzingen, remainders } from '../../db/repo/kas.js';

export function applyAllocations(open: OpenPost[], allocations: { factuur: string; bedragCent: number }[]): OpenPost[] {
  const byFactuur = new Map(allocations.map((a) => [a.factuur, a.bedragCent]));
  return open.map((p) => ({ ...p, openCent: p.openCent - (byFactuur.get(p.factuur) ?? 0) })).filter((p) => p.openCent !== 0);
}

export async function settleRemainders(db: Db, ouder: string, open: OpenPost[]): Promise<OpenPost[]> {
  let current = open;
  for (const r of (await remainders(db, ouder)).get(ouder) ?? []) {
    const { allocations } = allocate(r.restCent, current);
    await insertToewijzingen(db, r.betaling, allocations);
    current = applyAllocations(current, allocations);
  }
  return current;
}
