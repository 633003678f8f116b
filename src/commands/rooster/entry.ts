import { columnOf, ROOSTER_FIELDS } from '../../domain/fields.js';
import type { Rec } from '../../domain/registry.js';
import type { RoosterEntry } from '../../domain/rooster.js';
import type { Dag } from '../../domain/calendar.js';
import { keptMonthsChanged } from '../../db/repo/rooster.js';
import type { Db } from '../../db/open.js';
import type { Deps } from '../deps.js';

export function entryFromRecord(rec: Rec): RoosterEntry {
  const get = (name: string) => (rec[columnOf(ROOSTER_FIELDS.find((f) => f.name === name)!)] ?? null) as string | null;
  return {
    koppeling: get('koppeling'),
    kind: get('kind'),
    dag: get('dag') as Dag,
    van: get('van')!,
    tot: get('tot')!,
    vanaf: get('vanaf'),
    totEnMet: get('tot-en-met'),
  };
}

export function entryToJson(entry: RoosterEntry & { id?: number }) {
  return {
    id: entry.id,
    koppeling: entry.koppeling,
    kind: entry.kind,
    dag: entry.dag,
    van: entry.van,
    tot: entry.tot,
    vanaf: entry.vanaf,
    totEnMet: entry.totEnMet,
  };
}

export function describeEntry(entry: RoosterEntry): string {
  const who = entry.koppeling ? `koppeling ${entry.koppeling}` : `kind ${entry.kind}`;
  const weeks = entry.vanaf || entry.totEnMet ? ` (${entry.vanaf ?? 'begin'} t/m ${entry.totEnMet ?? 'eind'})` : '';
  return `${who} ${entry.dag} ${entry.van}-${entry.tot}${weeks}`;
}

/**
 * After a rooster change, name the invoiced months it would have changed: they keep the rooster
 * they were first invoiced with (CONTRACT §9, like a rate change: see freezeRooster). A notice, not
 * a refusal: the change is meant for the months still to come. `changes`: per koppeling, its
 * entries before and after that differ.
 */
export async function warnKeptMonths(
  db: Db,
  changes: ReadonlyMap<string, { voor: readonly RoosterEntry[]; na: readonly RoosterEntry[] }>,
  deps: Deps,
): Promise<void> {
  for (const { koppeling, maanden } of await keptMonthsChanged(db, changes)) {
    const een = maanden.length === 1;
    deps.out.warn(
      `Let op: het gewijzigde rooster van koppeling ${koppeling} geldt vanaf de eerste maand die nog niet gefactureerd is; ${maanden.join(', ')} ${een ? 'is al gefactureerd en houdt zijn' : 'zijn al gefactureerd en houden hun'} afgesproken rooster, ook bij een correctie, zoals ${een ? 'hij zijn uurtarief houdt' : 'ze hun uurtarief houden'}.`,
    );
  }
}
