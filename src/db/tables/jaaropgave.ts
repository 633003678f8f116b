import type { Insertable, Selectable } from 'kysely';

/** The maximum hourly price of the kinderopvangtoeslag for gastouderopvang in a year (CONTRACT §8). */
export interface ToeslagtariefTable {
  jaar: number;
  max_cent: number;
  /** 1 for a year fixed by law and built into gob; 0 for one the bureau set. */
  ingebouwd: number;
}
export type ToeslagtariefRow = Selectable<ToeslagtariefTable>;

/** One version of an ouder's jaaropgave. Immutable once stored (triggers refuse update and delete). */
export interface JaaropgaveTable {
  nummer: string;
  versie: number;
  jaar: number;
  ouder: string;
  datum: string;
  minuten: number;
  totaal_cent: number;
  /** A digest of the figures and BSNs: a new version is made only when it changes. */
  kenmerk: string;
  /** JSON snapshot (JaaropgaveGegevens in documents/jaaropgave.ts). */
  gegevens: string;
}
export type JaaropgaveRow = Selectable<JaaropgaveTable>;
export type NewJaaropgave = Insertable<JaaropgaveTable>;
