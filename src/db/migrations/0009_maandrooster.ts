// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// The agreement an invoiced month was billed from (CONTRACT v2 §9), kept like its rate (maandtarief)
// and its fee settings (maandbureaukosten): a later rooster change re-bills no invoiced month.
// - maandrooster: per month and koppeling, the koppeling's rooster entries that touch the month as
//   they stood when the month was first invoiced with that koppeling in it, packed as the repo packs
//   them (`dag|van|tot|vanaf|tot_en_met`, joined by `;`; '' when it had none: a rooster added later
//   bills nothing either). Written by `factuur run` for every koppeling running in the month (or
//   owing notice in it) that has no row yet, as maandtarief is.
// Months invoiced before this migration keep the rooster they have now: the best that is known.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';
import { run } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await run(db, [
    sql`create table maandrooster (
      maand text not null,
      koppeling text not null references koppeling (code) on update cascade,
      rooster text not null,
      primary key (maand, koppeling)
    ) strict, without rowid`,
  ]);
  // An invoiced month: one with invoices, or whose fee settings were kept when it was invoiced.
  const maanden = (await sql<{ maand: string }>`select maand from factuur union select maand from maandbureaukosten`.execute(db)).rows;
  const entry = sql`r.dag || '|' || r.van || '|' || r.tot || '|' || coalesce(r.vanaf, '') || '|' || coalesce(r.tot_en_met, '')`;
  const packed = isPostgres(db) ? sql`string_agg(${entry}, ';')` : sql`group_concat(${entry}, ';')`;
  for (const { maand } of maanden) {
    const eerste = `${maand}-01`;
    // Dates are compared as text: every date of the month is at most its '-31'.
    const laatste = `${maand}-31`;
    const [jaar, mm] = maand.split('-').map(Number) as [number, number];
    const vroegst = mm === 1 ? `${jaar - 1}-12-01` : `${jaar}-${String(mm - 1).padStart(2, '0')}-01`;
    await sql`insert into maandrooster (maand, koppeling, rooster)
      select ${maand}, kp.code, coalesce(${packed}, '')
      from koppeling kp
      left join rooster r on r.koppeling = kp.code
        and (r.vanaf is null or r.vanaf <= ${laatste}) and (r.tot_en_met is null or r.tot_en_met >= ${eerste})
      where kp.start <= ${laatste} and (kp.eind is null or kp.eind >= ${eerste} or kp.opzegdatum >= ${vroegst})
      group by kp.code`.execute(db);
  }
}
