import type { Generated, Insertable, Selectable } from 'kysely';

/** An absence of a kind or (exactly one of the two) of a gastouder, with the day it was reported (CONTRACT §9). */
export interface AfwezigheidTable {
  id: Generated<number>;
  kind: string | null;
  gastouder: string | null;
  van: string;
  tot_en_met: string;
  soort: 'ziek' | 'vakantie' | 'overig';
  gemeld: string;
}
export type AfwezigheidRow = Selectable<AfwezigheidTable>;
export type NewAfwezigheid = Insertable<AfwezigheidTable>;
