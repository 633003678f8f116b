import type { Insertable, Selectable, Updateable } from 'kysely';

export interface GastouderTable {
  code: string;
  naam: string;
  geboortedatum: string;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  email: string | null;
  telefoon: string | null;
  iban: string | null;
  lrk: string | null;
  ervaring_sinds: string | null;
  achterwacht: string | null;
  slaapruimte: number;
  ehbo_tot: string | null;
  vog_datum: string | null;
  diploma: string | null;
  /** CONTRACT §10: liability insurance valid until; linked in the Personenregister Kinderopvang; the day she joined the bureau. */
  verzekering_tot: string | null;
  prk: number;
  start: string | null;
  /** Set by `gob gastouder end`: her last day with the bureau. */
  eind: string | null;
}
export type GastouderRow = Selectable<GastouderTable>;
export type NewGastouder = Insertable<GastouderTable>;
export type GastouderUpdate = Updateable<GastouderTable>;
