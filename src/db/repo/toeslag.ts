import type { Maand } from '../../domain/calendar.js';
import type { Db } from '../open.js';
import type { ToeslagtariefRow } from '../tables/jaaropgave.js';

/** The maximum hourly price of the kinderopvangtoeslag per known year, by year. */
export async function toeslagtarieven(db: Db): Promise<ToeslagtariefRow[]> {
  return db.selectFrom('toeslagtarief').selectAll().orderBy('jaar').execute();
}

/** The maximum hourly price of a year; null when it is not known yet ("nog niet bekend"). */
export async function toeslagMaximum(db: Db, jaar: number): Promise<number | null> {
  const row = await db.selectFrom('toeslagtarief').select('max_cent').where('jaar', '=', jaar).executeTakeFirst();
  return row?.max_cent ?? null;
}

/** Set (or replace) a year the bureau sets; the caller has refused built-in years. */
export async function setToeslagtarief(db: Db, jaar: number, maxCent: number): Promise<void> {
  await db
    .insertInto('toeslagtarief')
    .values({ jaar, max_cent: maxCent, ingebouwd: 0 })
    .onConflict((oc) => oc.column('jaar').doUpdateSet({ max_cent: maxCent }))
    .execute();
}

/** The number of invoices for the care months `van`..`tot`. */
export async function countInvoices(db: Db, van: Maand, tot: Maand): Promise<number> {
  const row = await db
    .selectFrom('factuur')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('maand', '>=', van)
    .where('maand', '<=', tot)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Everything the toeslag delivery names besides the figures, loaded once (a large bureau has
 * 44,000 ouders; a query per row would be most of the export's time).
 */
export async function toeslagNames(db: Db) {
  const [ouders, kinderen, gastouders, koppelingen] = await Promise.all([
    db.selectFrom('ouder').select(['code', 'naam', 'geboortedatum', 'bsn', 'partner_naam', 'partner_bsn']).execute(),
    db.selectFrom('kind').select(['code', 'naam', 'geboortedatum', 'bsn']).execute(),
    db.selectFrom('gastouder').select(['code', 'naam', 'lrk']).execute(),
    db.selectFrom('koppeling').select(['code', 'kind', 'gastouder', 'start', 'eind', 'opvanglocatie', 'lrk']).orderBy('start').execute(),
  ]);
  return { ouders, kinderen, gastouders, koppelingen };
}
