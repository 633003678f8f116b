// What a contract shows and who signed it.
import type { Db } from '../open.js';
import type { HandtekeningTable } from '../tables/handtekening.js';

/** The parties of a koppeling's contract; undefined when there is no such koppeling. */
export async function contractPartijen(db: Db, koppeling: string) {
  const kp = await db.selectFrom('koppeling').selectAll().where('code', '=', koppeling).executeTakeFirst();
  if (!kp) return undefined;
  const kind = await db.selectFrom('kind').selectAll().where('code', '=', kp.kind).executeTakeFirstOrThrow();
  const ouder = await db.selectFrom('ouder').selectAll().where('code', '=', kind.ouder!).executeTakeFirstOrThrow();
  const gastouder = await db.selectFrom('gastouder').selectAll().where('code', '=', kp.gastouder).executeTakeFirstOrThrow();
  const bureau = await db.selectFrom('bureau').selectAll().executeTakeFirstOrThrow();
  return { kp, kind, ouder, gastouder, bureau };
}

/** A koppeling's rooster, unordered (the contract orders it by weekday). */
export async function contractRooster(db: Db, koppeling: string) {
  return db.selectFrom('rooster').selectAll().where('koppeling', '=', koppeling).execute();
}

export async function handtekeningen(db: Db, koppeling: string, soort: HandtekeningTable['soort']) {
  return db.selectFrom('handtekening').selectAll().where('koppeling', '=', koppeling).where('soort', '=', soort).execute();
}

/** Record a signature; signing again replaces the party's earlier one. */
export async function storeHandtekening(db: Db, h: Omit<HandtekeningTable, 'id'>): Promise<void> {
  const { naam, datum, plaats } = h;
  await db
    .insertInto('handtekening')
    .values({ koppeling: h.koppeling, soort: h.soort, partij: h.partij, naam, datum, plaats })
    .onConflict((oc) => oc.columns(['koppeling', 'soort', 'partij']).doUpdateSet({ naam, datum, plaats }))
    .execute();
}
