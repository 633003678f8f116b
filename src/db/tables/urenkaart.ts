import type { Insertable, Selectable } from 'kysely';

/**
 * One urenkaart: a child's hours at one gastouder under one koppeling in one month. `regels`
 * holds the lines as JSON: [[day of month, van, tot(, opmerking)], …], times in minutes.
 */
export interface UrenkaartTable {
  maand: string;
  gastouder: string;
  kind: string;
  koppeling: string;
  minuten: number;
  regels: string;
  te_laat: number;
}
export type UrenkaartRow = Selectable<UrenkaartTable>;
export type NewUrenkaart = Insertable<UrenkaartTable>;

/** One line of an urenkaart as stored in `regels`. */
export type PackedUrenregel = [day: number, van: number, tot: number, opmerking?: string];
