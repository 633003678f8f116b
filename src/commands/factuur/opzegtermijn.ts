import type { Maand } from '../../domain/calendar.js';
import { opzegMinuten } from '../../domain/opzegtermijn.js';
import type { MonthUren } from '../../db/repo/factuur.js';
import type { KoppelingOpzegging } from '../../db/repo/opzegtermijn.js';

/**
 * The notice owed in `maand` (CONTRACT §9 "Notice"), per koppeling, as care to price: at the
 * month's rate (frozen, else the koppeling's) and under its LRK, like its urenkaart. Unlike agreed
 * hours, every notice date of the month is billed, also one after the invoice date: care has
 * ended, so nothing can still change what is owed (a later `koppeling end` or `edit` is corrected
 * by the next run, like any other change). Whatever `afgesproken-uren` says.
 */
export function opzegtermijnUren(opzeggingen: readonly KoppelingOpzegging[], maand: Maand): MonthUren[] {
  const result: MonthUren[] = [];
  for (const o of opzeggingen) {
    const minuten = opzegMinuten(maand, o, o.entries, (d) => o.gewerkt?.get(d) ?? 0);
    if (minuten === 0) continue;
    result.push({
      ouder: o.ouder,
      kind: o.kind,
      gastouder: o.gastouder,
      minuten,
      uurtariefCent: o.uurtariefCent,
      lrk: o.lrk,
      koppeling: o.koppeling,
      opvanglocatie: o.opvanglocatie,
      gastouderNaam: o.gastouderNaam,
    });
  }
  return result;
}
