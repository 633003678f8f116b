// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// Three facts the kassiersfunctie needs that 0001 did not keep (found in review):
// - toewijzing.datum: the day money started to count for an invoice. An overpayment applied to a
//   later invoice counts from that invoice's date, not from the old payment's date; otherwise the
//   invoice looks paid before it existed and its payout looks late.
// - betaling.storno_van: a storno reverses one payment (what the bank returned), not everything
//   on the invoice; the reversed payment's unallocated rest is gone with it.
// - maandtarief: the hourly rate a month was first invoiced at, per koppeling, so that a later
//   rate change does not re-price an invoiced month when a correction is made.
import { type Kysely, sql } from 'kysely';
import { run, type Step } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: Step[] = [
    sql`alter table toewijzing add column datum text`,
    {
      sqlite: [
        sql`update toewijzing set datum = max(
      (select b.datum from betaling b where b.id = toewijzing.betaling),
      (select f.datum from factuur f where f.nummer = toewijzing.factuur))`,
      ],
      postgres: [
        sql`update toewijzing set datum = greatest(
      (select b.datum from betaling b where b.id = toewijzing.betaling),
      (select f.datum from factuur f where f.nummer = toewijzing.factuur))`,
      ],
    },
    sql`alter table betaling add column storno_van integer references betaling (id)`,
    sql`create unique index betaling_storno_van on betaling (storno_van) where storno_van is not null`,
    sql`create index toewijzing_betaling on toewijzing (betaling)`,
    sql`create table maandtarief (
      maand text not null,
      koppeling text not null references koppeling (code) on update cascade,
      uurtarief_cent integer not null check (uurtarief_cent >= 0),
      primary key (maand, koppeling)
    ) strict, without rowid`,
    // Months invoiced before this migration keep the rate they have now: the best that is known.
    sql`insert into maandtarief (maand, koppeling, uurtarief_cent)
      select distinct u.maand, u.koppeling, kp.uurtarief_cent
      from urenkaart u join koppeling kp on kp.code = u.koppeling
      where exists (select 1 from factuur f where f.maand = u.maand)`,
  ];
  await run(db, statements);
}
