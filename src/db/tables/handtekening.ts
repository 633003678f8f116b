import type { Generated, Insertable, Selectable } from 'kysely';

/** A party's recorded signature under one of a koppeling's two agreements. */
export interface HandtekeningTable {
  id: Generated<number>;
  koppeling: string;
  soort: 'gastouder' | 'bureau';
  partij: 'ouder' | 'gastouder' | 'bureau';
  /** Which ouder signed (partij 'ouder' only; co-parents each sign their own). */
  ouder: string | null;
  naam: string;
  datum: string;
  plaats: string | null;
}
export type HandtekeningRow = Selectable<HandtekeningTable>;
export type NewHandtekening = Insertable<HandtekeningTable>;
