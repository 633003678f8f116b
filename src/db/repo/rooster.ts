import { sql } from 'kysely';
import { type Dag, firstOfMonth, lastOfMonth, type Maand } from '../../domain/calendar.js';
import type { Problem } from '../../domain/registry.js';
import { type RoosterEntry, roosterProblems } from '../../domain/rooster.js';
import { groupConcat, newId } from '../dialect.js';
import type { Db } from '../open.js';
import type { RoosterRow } from '../tables/rooster.js';

export function rowToEntry(row: RoosterRow): RoosterEntry {
  return {
    id: row.id,
    koppeling: row.koppeling,
    kind: row.kind,
    dag: row.dag as Dag,
    van: row.van,
    tot: row.tot,
    vanaf: row.vanaf,
    totEnMet: row.tot_en_met,
  };
}

export async function insertRooster(db: Db, entry: RoosterEntry): Promise<number> {
  const row = await db
    .insertInto('rooster')
    .values({
      ...newId(db, 'rooster'),
      koppeling: entry.koppeling,
      kind: entry.kind,
      dag: entry.dag,
      van: entry.van,
      tot: entry.tot,
      vanaf: entry.vanaf,
      tot_en_met: entry.totEnMet,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RoosterFilter {
  gastouder?: string;
  koppeling?: string;
  kind?: string;
}

/** Rooster rows with the child and gastouder they belong to (via koppeling, or the own child's gastouder). */
export async function listRooster(db: Db, filter: RoosterFilter) {
  let q = db
    .selectFrom('rooster as r')
    .leftJoin('koppeling as kp', 'kp.code', 'r.koppeling')
    .leftJoin('kind as k', (join) => join.on((eb) => eb('k.code', '=', eb.fn.coalesce('kp.kind', 'r.kind'))))
    .select(['r.id', 'r.koppeling', 'r.kind', 'r.dag', 'r.van', 'r.tot', 'r.vanaf', 'r.tot_en_met'])
    .select((eb) => [
      eb.fn.coalesce('kp.kind', 'r.kind').as('kindCode'),
      eb.fn.coalesce('kp.gastouder', 'k.eigen_kind_van').as('gastouderCode'),
    ])
    .orderBy('gastouderCode')
    .orderBy('kindCode')
    .orderBy('r.id');
  if (filter.koppeling) q = q.where('r.koppeling', '=', filter.koppeling);
  if (filter.kind) q = q.where((eb) => eb.or([eb('r.kind', '=', filter.kind!), eb('kp.kind', '=', filter.kind!)]));
  if (filter.gastouder)
    q = q.where((eb) => eb.or([eb('kp.gastouder', '=', filter.gastouder!), eb('k.eigen_kind_van', '=', filter.gastouder!)]));
  return q.execute();
}

/**
 * Everything wrong with storing `entry`: unknown or wrong koppeling/kind, bounds, and overlap with
 * the child's other entries (at any gastouder).
 */
export async function roosterEntryProblems(db: Db, entry: RoosterEntry): Promise<Problem[]> {
  const problems: Problem[] = [];
  let koppeling: { start: string; eind: string | null; kind: string } | undefined;
  let kindCode: string | null = null;
  if (entry.koppeling) {
    koppeling = await db.selectFrom('koppeling').select(['start', 'eind', 'kind']).where('code', '=', entry.koppeling).executeTakeFirst();
    if (!koppeling) problems.push({ veld: 'koppeling', melding: `er is geen koppeling met code ${entry.koppeling}` });
    else kindCode = koppeling.kind;
  }
  if (entry.kind) {
    const kind = await db.selectFrom('kind').select(['code', 'eigen_kind_van']).where('code', '=', entry.kind).executeTakeFirst();
    if (!kind) problems.push({ veld: 'kind', melding: `er is geen kind met code ${entry.kind}` });
    else if (kind.eigen_kind_van === null) {
      problems.push({ veld: 'kind', melding: `${entry.kind} is een gastkind: geef het rooster op bij de koppeling (--koppeling)` });
    } else kindCode = kind.code;
  }
  const others: Parameters<typeof roosterProblems>[2] = [];
  if (kindCode) {
    const rows = await db
      .selectFrom('rooster as r')
      .leftJoin('koppeling as kp', 'kp.code', 'r.koppeling')
      .selectAll('r')
      .select(['kp.start', 'kp.eind'])
      .where((eb) => eb.or([eb('r.kind', '=', kindCode), eb('kp.kind', '=', kindCode)]))
      .$if(entry.id !== undefined, (qb) => qb.where('r.id', '!=', entry.id!))
      .orderBy('r.id')
      .execute();
    for (const row of rows) others.push({ entry: rowToEntry(row), koppeling: row.start ? { start: row.start, eind: row.eind } : null });
  }
  problems.push(...roosterProblems(entry, koppeling ?? null, others));
  return problems;
}

export async function getRooster(db: Db, id: number): Promise<RoosterRow | undefined> {
  return db.selectFrom('rooster').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteRooster(db: Db, id: number): Promise<void> {
  await db.deleteFrom('rooster').where('id', '=', id).execute();
}

/** Remove the whole rooster of a koppeling or of an own child (an import replaces it). */
export async function deleteRoosterOf(db: Db, owner: { koppeling: string } | { kind: string }): Promise<void> {
  if ('koppeling' in owner) await db.deleteFrom('rooster').where('koppeling', '=', owner.koppeling).execute();
  else await db.deleteFrom('rooster').where('kind', '=', owner.kind).execute();
}

/** The rooster of a koppeling or a kind, in the order it was entered. */
export async function roosterOf(db: Db, column: 'koppeling' | 'kind', code: string): Promise<RoosterRow[]> {
  return db.selectFrom('rooster').selectAll().where(column, '=', code).orderBy('id').execute();
}

/** A koppeling with the rooster entries that may fall in a month (see `maandRooster`). */
export interface KoppelingRooster {
  koppeling: string;
  kind: string;
  gastouder: string;
  start: string;
  eind: string | null;
  entries: Pick<RoosterEntry, 'dag' | 'van' | 'tot' | 'vanaf' | 'totEnMet'>[];
}

/**
 * Every koppeling whose period and rooster entries touch the month, with those entries, in one
 * query: one row per koppeling with its entries packed by groupConcat (a row per entry costs
 * ~0.2 µs per cell; a large bureau has 125,000 entries, see rules.ts). Whether an entry really
 * has a date in the month (its weekday may not occur in a short overlap) is for the caller:
 * `afgesprokenPerDatum` in domain/afspraak.ts. Own children's entries have no koppeling and are
 * not billed, so they are left out.
 */
/** A rooster entry (`r`) as `dag|van|tot|vanaf|tot_en_met`, for groupConcat; also in opzegtermijn.ts. */
export const ENTRY = sql<string>`r.dag || '|' || r.van || '|' || r.tot || '|' || coalesce(r.vanaf, '') || '|' || coalesce(r.tot_en_met, '')`;

export async function maandRooster(db: Db, maand: Maand): Promise<KoppelingRooster[]> {
  const first = firstOfMonth(maand);
  const last = lastOfMonth(maand);
  const rows = await sql<{ koppeling: string; kind: string; gastouder: string; start: string; eind: string | null; packed: string }>`
    select kp.code as koppeling, kp.kind as kind, kp.gastouder as gastouder, kp.start as start, kp.eind as eind,
      ${groupConcat(db, ENTRY, ';')} as packed
    from rooster r
    join koppeling kp on kp.code = r.koppeling
    where kp.start <= ${last} and (kp.eind is null or kp.eind >= ${first})
      and (r.vanaf is null or r.vanaf <= ${last}) and (r.tot_en_met is null or r.tot_en_met >= ${first})
    group by kp.code
    order by kp.gastouder, kp.kind, kp.code`.execute(db);
  return rows.rows.map((row) => ({
    koppeling: row.koppeling,
    kind: row.kind,
    gastouder: row.gastouder,
    start: row.start,
    eind: row.eind,
    entries: row.packed.split(';').map((item) => {
      const [dag, van, tot, vanaf, totEnMet] = item.split('|') as [string, string, string, string, string];
      return { dag: dag as Dag, van, tot, vanaf: vanaf || null, totEnMet: totEnMet || null };
    }),
  }));
}
