// What a contract shows and who signed it.
import { newId } from '../dialect.js';
import type { Db } from '../open.js';
import type { HandtekeningTable } from '../tables/handtekening.js';

/**
 * The parties of a koppeling's contract; undefined when there is no such koppeling. `ouders`: the
 * kind's own ouder first, then the koppeling's tweede-ouder when it has one (each signs her own).
 */
export async function contractPartijen(db: Db, koppeling: string) {
  const kp = await db.selectFrom('koppeling').selectAll().where('code', '=', koppeling).executeTakeFirst();
  if (!kp) return undefined;
  const kind = await db.selectFrom('kind').selectAll().where('code', '=', kp.kind).executeTakeFirstOrThrow();
  const ouder = await db.selectFrom('ouder').selectAll().where('code', '=', kind.ouder!).executeTakeFirstOrThrow();
  const tweede = kp.tweede_ouder
    ? await db.selectFrom('ouder').selectAll().where('code', '=', kp.tweede_ouder).executeTakeFirstOrThrow()
    : undefined;
  const ouders = tweede ? [ouder, tweede] : [ouder];
  const gastouder = await db.selectFrom('gastouder').selectAll().where('code', '=', kp.gastouder).executeTakeFirstOrThrow();
  const bureau = await db.selectFrom('bureau').selectAll().executeTakeFirstOrThrow();
  return { kp, kind, ouders, gastouder, bureau };
}

/** A koppeling's rooster, unordered (the contract orders it by weekday). */
export async function contractRooster(db: Db, koppeling: string) {
  return db.selectFrom('rooster').selectAll().where('koppeling', '=', koppeling).orderBy('id').execute();
}

export async function handtekeningen(db: Db, koppeling: string, soort: HandtekeningTable['soort']) {
  return db.selectFrom('handtekening').selectAll().where('koppeling', '=', koppeling).where('soort', '=', soort).orderBy('id').execute();
}

/**
 * Record a signature; signing again replaces the party's earlier one. A signature of partij
 * 'ouder' names the ouder who signed (default: the kind's own ouder); a co-parent signs apart.
 */
export async function storeHandtekening(db: Db, h: Omit<HandtekeningTable, 'id' | 'ouder'> & { ouder?: string | null }): Promise<void> {
  const ouder =
    h.partij !== 'ouder'
      ? null
      : (h.ouder ??
        (
          await db
            .selectFrom('koppeling as kp')
            .innerJoin('kind as k', 'k.code', 'kp.kind')
            .select('k.ouder')
            .where('kp.code', '=', h.koppeling)
            .executeTakeFirstOrThrow()
        ).ouder);
  let earlier = db
    .deleteFrom('handtekening')
    .where('koppeling', '=', h.koppeling)
    .where('soort', '=', h.soort)
    .where('partij', '=', h.partij);
  earlier = ouder === null ? earlier.where('ouder', 'is', null) : earlier.where('ouder', '=', ouder);
  await earlier.execute();
  const { naam, datum, plaats } = h;
  await db
    .insertInto('handtekening')
    .values({ ...newId(db, 'handtekening'), koppeling: h.koppeling, soort: h.soort, partij: h.partij, ouder, naam, datum, plaats })
    .execute();
}
