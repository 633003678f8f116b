// Shared by `koppeling end` and `koppeling edit` (a command folder never imports another).
import { careAmount } from '../domain/money.js';
import { opzegMaanden } from '../domain/opzegtermijn.js';
import type { koppelingOpzegging } from '../db/repo/opzegtermijn.js';

/** What the notice costs per month, as `factuur run` will bill it (a month already invoiced keeps its rate and rooster). */
export function opzegKosten({ opzegging: o, maandtarieven, maandroosters }: Awaited<ReturnType<typeof koppelingOpzegging>>) {
  if (!o) return [];
  return opzegMaanden(o, o.entries, maandroosters).map((m) => {
    const tariefCent = maandtarieven.get(m.maand) ?? o.uurtariefCent;
    return { ...m, tariefCent, bedragCent: careAmount(m.minuten, tariefCent) };
  });
}
