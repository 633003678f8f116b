import type { Generated, Insertable, Selectable } from 'kysely';

/** Someone living at a gastouder's address (CONTRACT §10): from 18 a VOG and a PRK link are due. */
export interface HuisgenootTable {
  id: Generated<number>;
  gastouder: string;
  naam: string;
  geboortedatum: string;
  vog_datum: string | null;
  prk: Generated<number>;
}
export type HuisgenootRow = Selectable<HuisgenootTable>;
export type NewHuisgenoot = Insertable<HuisgenootTable>;

/** A visit or conversation the bureau recorded (CONTRACT §10); an evaluation names its koppeling. */
export interface BezoekTable {
  id: Generated<number>;
  gastouder: string;
  soort: 'huisbezoek' | 'risico-inventarisatie' | 'evaluatie' | 'voortgangsgesprek';
  datum: string;
  koppeling: string | null;
  notitie: string | null;
}
export type BezoekRow = Selectable<BezoekTable>;
export type NewBezoek = Insertable<BezoekTable>;
