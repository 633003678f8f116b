// Absences of a kind or a gastouder (CONTRACT §9): what excuses agreed hours from being billed.
import type { Afwezigheid } from '../../domain/afgesproken.js';
import type { Datum } from '../../domain/calendar.js';
import { newId } from '../dialect.js';
import type { Db } from '../open.js';
import type { AfwezigheidRow } from '../tables/afwezigheid.js';

export function rowToAfwezigheid(r: AfwezigheidRow): Afwezigheid & { id: number } {
  return { id: r.id, kind: r.kind, gastouder: r.gastouder, van: r.van, totEnMet: r.tot_en_met, soort: r.soort, gemeld: r.gemeld };
}

export async function insertAfwezigheid(db: Db, a: Afwezigheid): Promise<number> {
  const row = await db
    .insertInto('afwezigheid')
    .values({
      ...newId(db, 'afwezigheid'),
      kind: a.kind,
      gastouder: a.gastouder,
      van: a.van,
      tot_en_met: a.totEnMet,
      soort: a.soort,
      gemeld: a.gemeld,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The absences of the same kind (or the same gastouder) that share a date with `a`. */
export async function overlappendeAfwezigheden(db: Db, a: Afwezigheid): Promise<(Afwezigheid & { id: number })[]> {
  let q = db.selectFrom('afwezigheid').selectAll().where('van', '<=', a.totEnMet).where('tot_en_met', '>=', a.van).orderBy('van');
  q = a.kind !== null ? q.where('kind', '=', a.kind) : q.where('gastouder', '=', a.gastouder!);
  return (await q.execute()).map(rowToAfwezigheid);
}

export async function getAfwezigheid(db: Db, id: number): Promise<(Afwezigheid & { id: number }) | undefined> {
  const row = await db.selectFrom('afwezigheid').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToAfwezigheid(row) : undefined;
}

export async function deleteAfwezigheid(db: Db, id: number): Promise<void> {
  await db.deleteFrom('afwezigheid').where('id', '=', id).execute();
}

/** Absences in date order; with a period, those sharing a date with it. */
export async function listAfwezigheden(
  db: Db,
  filter: { van?: Datum; totEnMet?: Datum; kind?: string; gastouder?: string },
): Promise<(Afwezigheid & { id: number })[]> {
  let q = db.selectFrom('afwezigheid').selectAll().orderBy('van').orderBy('id');
  if (filter.totEnMet) q = q.where('van', '<=', filter.totEnMet);
  if (filter.van) q = q.where('tot_en_met', '>=', filter.van);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.gastouder) q = q.where('gastouder', '=', filter.gastouder);
  return (await q.execute()).map(rowToAfwezigheid);
}

/** A kind's code and ouder (null for a gastouder's own child), or undefined when there is no such kind. */
export async function kindVoorAfwezigheid(db: Db, code: string): Promise<{ code: string; ouder: string | null } | undefined> {
  return db.selectFrom('kind').select(['code', 'ouder']).where('code', '=', code).executeTakeFirst();
}

/** The months from `van` through `totEnMet` that have invoices already. */
export async function gefactureerdeMaanden(db: Db, van: Datum, totEnMet: Datum): Promise<string[]> {
  const rows = await db
    .selectFrom('factuur')
    .select('maand')
    .distinct()
    .where('maand', '>=', van.slice(0, 7))
    .where('maand', '<=', totEnMet.slice(0, 7))
    .orderBy('maand')
    .execute();
  return rows.map((r) => r.maand);
}
