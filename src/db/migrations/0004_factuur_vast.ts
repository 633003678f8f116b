// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// What an invoiced month needs so that it can never be re-priced or shown wrong (CONTRACT v2 §6):
// - maandbureaukosten: the bureau's fee settings in force when a month was first invoiced, as
//   maandtarief (0002) keeps the hourly rates: a later `bureau set` re-prices no invoiced month.
// - koppeling.lrk: care at the ouder's home has its own LRK registration (§3).
// - factuurregel.correctie_op: the invoice whose line a correction line corrects.
// - factuurregel.lrk: the LRK number the line was billed under (the gastouder's, or the
//   koppeling's for care at the ouder's home); null on lines made before this migration, which
//   show the gastouder's LRK from the invoice's snapshot as before.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table maandbureaukosten (
      maand text primary key,
      model text not null check (model in ('maand', 'uur')),
      een_kind_cent integer not null,
      meer_kinderen_cent integer not null,
      uur text
    ) strict, without rowid`,
    // Months invoiced before this migration keep the settings the bureau has now: what they were
    // when those months were invoiced was never stored, and today's are the best that is known.
    sql`insert into maandbureaukosten (maand, model, een_kind_cent, meer_kinderen_cent, uur)
      select distinct f.maand, b.bureaukosten_model, b.bureaukosten_een_kind_cent, b.bureaukosten_meer_kinderen_cent, b.bureaukosten_uur
      from factuur f, bureau b`,
    sql`alter table koppeling add column lrk text`,
    sql`alter table factuurregel add column correctie_op text references factuur (nummer)`,
    sql`alter table factuurregel add column lrk text`,
  ];
  for (const statement of statements) await statement.execute(db);
}
