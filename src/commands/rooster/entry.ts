import { columnOf, ROOSTER_FIELDS } from '../../domain/fields.js';
import type { Rec } from '../../domain/registry.js';
import type { RoosterEntry } from '../../domain/rooster.js';
import type { Dag } from '../../domain/calendar.js';

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
