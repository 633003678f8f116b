import type { Generated, Insertable, Selectable } from 'kysely';

/** One weekly slot: a guest child's (via its koppeling) or a gastouder's own child's (via kind). */
export interface RoosterTable {
  id: Generated<number>;
  koppeling: string | null;
  kind: string | null;
  dag: string;
  van: string;
  tot: string;
  /** The weeks it applies: from `vanaf` up to and including `tot_en_met`; null is unbounded. */
  vanaf: string | null;
  tot_en_met: string | null;
}
export type RoosterRow = Selectable<RoosterTable>;
export type NewRooster = Insertable<RoosterTable>;
