import type { Generated, Insertable, Selectable } from 'kysely';

export interface NummeringTable {
  soort: string;
  jaar: number;
  laatste: number;
}

/** Immutable once stored (triggers refuse update and delete). `gegevens` is a JSON snapshot (FactuurGegevens). */
export interface FactuurTable {
  nummer: string;
  ouder: string;
  maand: string;
  datum: string;
  vervaldatum: string;
  correctie_van: string | null;
  totaal_cent: number;
  gegevens: string;
}
export type FactuurRow = Selectable<FactuurTable>;
export type NewFactuur = Insertable<FactuurTable>;

export interface FactuurregelTable {
  id: Generated<number>;
  factuur: string;
  volgnummer: number;
  soort: 'opvang' | 'afgesproken' | 'opzegtermijn' | 'bureaukosten';
  kind: string | null;
  gastouder: string;
  minuten: number;
  tarief_cent: number;
  bedrag_cent: number;
  /** The invoice whose line this correction line corrects (null: a first invoice's line, or a new line). */
  correctie_op: string | null;
  /** The LRK number the care was billed under; null on lines from before migration 0004. */
  lrk: string | null;
}
export type FactuurregelRow = Selectable<FactuurregelTable>;
export type NewFactuurregel = Insertable<FactuurregelTable>;
