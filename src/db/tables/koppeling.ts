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
  /** A co-parent who pays a share (CONTRACT §9); null: the kind's ouder pays all. */
  tweede_ouder: string | null;
  /** The whole-number percentage billed to the kind's ouder (1–100). */
  verdeling: Generated<number>;
  /** 1: ended by mutual agreement, no notice period billed. */
  zonder_opzegtermijn: Generated<number>;
}
export type KoppelingRow = Selectable<KoppelingTable>;
export type NewKoppeling = Insertable<KoppelingTable>;
export type KoppelingUpdate = Updateable<KoppelingTable>;
