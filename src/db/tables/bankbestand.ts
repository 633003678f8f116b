import type { Insertable, Selectable } from 'kysely';

/** A SEPA file as it was booked (immutable: triggers refuse update and delete). */
export interface BankbestandTable {
  bericht_id: string;
  soort: 'incasso' | 'uitbetaling';
  /** The collection date or the payout execution date. */
  datum: string;
  /** Null only for a file made before bank files were stored (migration 0003). */
  formaat: string | null;
  aantal: number;
  totaal_cent: number;
  /** The path the file was first written to. */
  bestand: string;
  /** The exact bytes; null only for a file made before migration 0003. */
  inhoud: Uint8Array | null;
  /** Clock time (UTC ISO) of the booking. */
  aangemaakt: string;
}
export type BankbestandRow = Selectable<BankbestandTable>;
export type NewBankbestand = Insertable<BankbestandTable>;

/** The payout is the primary key: one bank file per payout, ever. */
export interface BankbestandUitbetalingTable {
  uitbetaling: string;
  bericht_id: string;
}

/** When a stored file was first completely written to disk; absent: booked but never written. */
export interface BankbestandGeschrevenTable {
  bericht_id: string;
  /** Clock time (UTC ISO). */
  geschreven_op: string;
}
