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
  soort: 'opvang' | 'bureaukosten';
  kind: string | null;
  gastouder: string;
  minuten: number;
  tarief_cent: number;
  bedrag_cent: number;
}
export type FactuurregelRow = Selectable<FactuurregelTable>;
export type NewFactuurregel = Insertable<FactuurregelTable>;
