import type { Db } from '../open.js';

export async function getUitbetaling(db: Db, nummer: string) {
  const u = await db.selectFrom('uitbetaling').selectAll().where('nummer', '=', nummer).executeTakeFirst();
  if (!u) return undefined;
  const regels = await db.selectFrom('uitbetalingregel').selectAll().where('uitbetaling', '=', nummer).orderBy('id').execute();
  return { uitbetaling: u, regels };
}

export async function listUitbetalingen(db: Db, filter: { gastouder?: string; datum?: string }) {
  let q = db.selectFrom('uitbetaling').selectAll().orderBy('nummer');
  if (filter.gastouder) q = q.where('gastouder', '=', filter.gastouder);
  if (filter.datum) q = q.where('datum', '=', filter.datum);
  return q.execute();
}
