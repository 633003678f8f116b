import type { Insertable, Selectable, Updateable } from 'kysely';

export interface OuderTable {
  code: string;
  naam: string;
  geboortedatum: string | null;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  email: string | null;
  telefoon: string | null;
  iban: string | null;
  bsn: string | null;
  /** SEPA mandate id and the date it was signed. */
  mandaat: string | null;
  mandaat_datum: string | null;
  /** The toeslagpartner (CONTRACT §8), named on the jaaropgave. */
  partner_naam: string | null;
  partner_bsn: string | null;
  partner_geboortedatum: string | null;
}
export type OuderRow = Selectable<OuderTable>;
export type NewOuder = Insertable<OuderTable>;
export type OuderUpdate = Updateable<OuderTable>;
