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
