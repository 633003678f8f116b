import type { Generated, Insertable, Selectable } from 'kysely';

export interface UitbetalingTable {
  nummer: string;
  gastouder: string;
  datum: string;
  bedrag_cent: number;
  te_laat: number;
}
export type UitbetalingRow = Selectable<UitbetalingTable>;
export type NewUitbetaling = Insertable<UitbetalingTable>;

export interface UitbetalingregelTable {
  id: Generated<number>;
  uitbetaling: string;
  factuurregel: number;
  factuur: string;
  kind: string;
  maand: string;
  minuten: number;
  bedrag_cent: number;
  betaald_op: string;
  uiterlijk: string;
}
