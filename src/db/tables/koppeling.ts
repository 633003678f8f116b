import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface KoppelingTable {
  code: string;
  kind: string;
  gastouder: string;
  start: string;
  /** Last day of care (inclusive); null while it runs. */
  eind: string | null;
  uurtarief_cent: number;
  opvanglocatie: Generated<'gastouder' | 'ouder'>;
  opzegdatum: string | null;
  /** LRK number of care at the ouder's home (registered apart); used when opvanglocatie is 'ouder'. */
  lrk: string | null;
}
export type KoppelingRow = Selectable<KoppelingTable>;
export type NewKoppeling = Insertable<KoppelingTable>;
export type KoppelingUpdate = Updateable<KoppelingTable>;
