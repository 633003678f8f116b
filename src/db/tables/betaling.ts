import type { Generated, Insertable, Selectable } from 'kysely';

export interface BetalingTable {
  id: Generated<number>;
  ouder: string;
  datum: string;
  bedrag_cent: number;
  soort: 'betaling' | 'incasso' | 'storno';
  mandaat: string | null;
  sepa_bericht: string | null;
  omschrijving: string | null;
  /** For a storno: the payment it reverses. */
  storno_van: number | null;
}
export type BetalingRow = Selectable<BetalingTable>;
export type NewBetaling = Insertable<BetalingTable>;

export interface ToewijzingTable {
  id: Generated<number>;
  betaling: number;
  factuur: string;
  bedrag_cent: number;
  /** When this money started to count for the invoice: never before the payment nor the invoice. */
  datum: string;
}
