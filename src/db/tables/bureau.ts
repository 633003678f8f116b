import type { Generated, Selectable, Updateable } from 'kysely';

export interface BureauTable {
  id: Generated<number>;
  naam: string | null;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  email: string | null;
  telefoon: string | null;
  kvk: string | null;
  lrk: string | null;
  iban: string | null;
  bic: string | null;
  incassant_id: string | null;
  deadline_dag: Generated<number>;
  betaaltermijn: Generated<number>;
  uitbetaaltermijn: Generated<number>;
  beginner_max: Generated<number>;
  bureaukosten_model: Generated<'maand' | 'uur'>;
  bureaukosten_een_kind_cent: Generated<number>;
  bureaukosten_meer_kinderen_cent: Generated<number>;
  bureaukosten_uur: string | null;
  certificaat: string | null;
  /** 1: bill the rooster's agreed hours too (CONTRACT §9); 0 (default): only hours of care. */
  afgesproken_uren: Generated<number>;
  /** Days ahead an absence must be reported to be excused (default 14). */
  afmeldtermijn: Generated<number>;
  /** CONTRACT §10: home visits per calendar year (default 2) and evaluations per koppeling per year (1 or 2). */
  huisbezoeken_per_jaar: Generated<number>;
  evaluaties_per_jaar: Generated<number>;
  /** CONTRACT §13: years after which a person's data is anonymised (default 7, the fiscal term). */
  bewaartermijn: Generated<number>;
}
export type BureauRow = Selectable<BureauTable>;
export type BureauUpdate = Updateable<BureauTable>;
