import type { Insertable, Selectable, Updateable } from 'kysely';

export interface KindTable {
  code: string;
  naam: string;
  geboortedatum: string;
  bsn: string | null;
  /** A guest child's vraagouder … */
  ouder: string | null;
  /** … or the gastouder whose own (partner's, foster) child this is. Exactly one is set. */
  eigen_kind_van: string | null;
}
export type KindRow = Selectable<KindTable>;
export type NewKind = Insertable<KindTable>;
export type KindUpdate = Updateable<KindTable>;
