// Rooster entries: weekly slots. Pure checks on one entry against its koppeling and the child's
// other entries.
import type { Dag, Datum } from './calendar.js';
import { periodsOverlap } from './calendar.js';
import type { Problem } from './registry.js';

export interface RoosterEntry {
  id?: number;
  koppeling: string | null;
  kind: string | null;
  dag: Dag;
  van: string;
  tot: string;
  vanaf: Datum | null;
  totEnMet: Datum | null;
}

/** Half-open slots: 08:00–12:00 and 12:00–17:00 do not overlap. */
export function slotsOverlap(a: { van: string; tot: string }, b: { van: string; tot: string }): boolean {
  return a.van < b.tot && b.van < a.tot;
}

/** The weeks an entry applies: its own bounds, within its koppeling's period. */
export function effectivePeriod(entry: RoosterEntry, koppeling: { start: Datum; eind: Datum | null } | null): [Datum, Datum | null] {
  const start = entry.vanaf ?? koppeling?.start ?? '0000-01-01';
  const eind = entry.totEnMet ?? koppeling?.eind ?? null;
  return [start, eind];
}

export function roosterProblems(
  entry: RoosterEntry,
  koppeling: { start: Datum; eind: Datum | null } | null,
  others: { entry: RoosterEntry; koppeling: { start: Datum; eind: Datum | null } | null }[],
): Problem[] {
  const problems: Problem[] = [];
  if ((entry.koppeling === null) === (entry.kind === null)) {
    problems.push({ veld: 'koppeling', melding: 'geef precies één van koppeling (gastkind) of kind (eigen kind van de gastouder)' });
  }
  if (entry.van >= entry.tot) problems.push({ veld: 'tot', melding: `de eindtijd ${entry.tot} moet na de begintijd ${entry.van} liggen` });
  if (entry.vanaf && entry.totEnMet && entry.totEnMet < entry.vanaf) {
    problems.push({ veld: 'tot-en-met', melding: `${entry.totEnMet} ligt vóór vanaf ${entry.vanaf}` });
  }
  if (koppeling) {
    if (entry.vanaf && entry.vanaf < koppeling.start) {
      problems.push({ veld: 'vanaf', melding: `${entry.vanaf} ligt vóór de start van de koppeling (${koppeling.start})` });
    }
    if (entry.totEnMet && koppeling.eind && entry.totEnMet > koppeling.eind) {
      problems.push({ veld: 'tot-en-met', melding: `${entry.totEnMet} ligt na het eind van de koppeling (${koppeling.eind})` });
    }
    if (entry.vanaf && koppeling.eind && entry.vanaf > koppeling.eind) {
      problems.push({ veld: 'vanaf', melding: `${entry.vanaf} ligt na het eind van de koppeling (${koppeling.eind})` });
    }
  }
  const [start, eind] = effectivePeriod(entry, koppeling);
  for (const other of others) {
    if (other.entry.dag !== entry.dag || !slotsOverlap(entry, other.entry)) continue;
    const [oStart, oEind] = effectivePeriod(other.entry, other.koppeling);
    if (!periodsOverlap(start, eind, oStart, oEind)) continue;
    problems.push({
      veld: 'van',
      melding: `het kind staat op ${entry.dag} ${other.entry.van}-${other.entry.tot} al ingeroosterd${other.entry.koppeling ? ` (koppeling ${other.entry.koppeling})` : ''}${other.entry.id ? `, rooster-id ${other.entry.id}` : ''}; een kind kan niet op twee plaatsen tegelijk zijn`,
    });
  }
  return problems;
}
