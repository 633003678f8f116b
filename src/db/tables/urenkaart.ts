import type { Generated, Insertable, Selectable } from 'kysely';

/** One row of a gastouder's monthly timesheet: a child's actual hours on a date. */
export interface UrenkaartTable {
  id: Generated<number>;
  maand: string;
  gastouder: string;
  kind: string;
  koppeling: string;
  datum: string;
  van: string;
  tot: string;
  minuten: number;
  opmerking: string | null;
  te_laat: number;
}
export type UrenkaartRow = Selectable<UrenkaartTable>;
export type NewUrenkaart = Insertable<UrenkaartTable>;
