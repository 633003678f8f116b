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

/**
 * The rooster entries of a koppeling that a month was first invoiced from (CONTRACT §9), packed
 * `dag|van|tot|vanaf|tot_en_met` joined by `;` ('' for none); that month's later runs and its
 * `factuur check` use them instead of today's rooster.
 */
export interface MaandroosterTable {
  maand: string;
  koppeling: string;
  rooster: string;
}
