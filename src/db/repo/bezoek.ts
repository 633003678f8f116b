// Visits and conversations (CONTRACT §10), keyed by id; records keyed by database column.
import type { Problem, Rec } from '../../domain/registry.js';
import { newId } from '../dialect.js';
import type { Db } from '../open.js';
import type { NewBezoek } from '../tables/kwaliteit.js';

const COLUMNS = ['id', 'gastouder', 'soort', 'datum', 'koppeling', 'notitie'] as const;

export async function getBezoek(db: Db, id: number): Promise<Rec | undefined> {
  return db.selectFrom('bezoek').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Per gastouder, in date order. */
export async function listBezoeken(db: Db, filter: { gastouder?: string | undefined; soort?: string | undefined }): Promise<Rec[]> {
  let q = db.selectFrom('bezoek').select(COLUMNS).orderBy('gastouder').orderBy('datum').orderBy('id');
  if (filter.gastouder) q = q.where('gastouder', '=', filter.gastouder);
  if (filter.soort) q = q.where('soort', '=', filter.soort as NewBezoek['soort']);
  return q.execute();
}

/** Stores a visit; with an id (an import of `list --csv` into another database) under that id. */
export async function insertBezoek(db: Db, rec: Rec): Promise<number> {
  const row = await db
    .insertInto('bezoek')
    .values({ ...(rec.id == null ? newId(db, 'bezoek') : {}), ...toRow(rec) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateBezoek(db: Db, id: number, changes: Rec): Promise<void> {
  const { id: _, ...rest } = toRow({ ...changes });
  if (Object.keys(rest).length > 0) await db.updateTable('bezoek').set(rest).where('id', '=', id).execute();
}

export async function deleteBezoek(db: Db, id: number): Promise<void> {
  await db.deleteFrom('bezoek').where('id', '=', id).execute();
}

/**
 * What the database must confirm: the gastouder exists; an evaluation's koppeling exists, is one of
 * that gastouder, and had started by the date of the evaluation (an evaluation of care that had not
 * begun would count as its proefperiode evaluation in `kwaliteit check`).
 */
export async function bezoekReferenceProblems(db: Db, rec: Rec): Promise<Problem[]> {
  const problems: Problem[] = [];
  const gastouder = rec.gastouder as string | null | undefined;
  if (gastouder && !(await db.selectFrom('gastouder').select('code').where('code', '=', gastouder).executeTakeFirst()))
    problems.push({ veld: 'gastouder', melding: `er is geen gastouder met code ${gastouder}; zie 'gob gastouder list'` });
  const code = rec.koppeling as string | null | undefined;
  if (!code) return problems;
  const koppeling = await db.selectFrom('koppeling').select(['gastouder', 'start']).where('code', '=', code).executeTakeFirst();
  if (!koppeling) problems.push({ veld: 'koppeling', melding: `er is geen koppeling met code ${code}; zie 'gob koppeling list'` });
  else if (gastouder && koppeling.gastouder !== gastouder)
    problems.push({
      veld: 'koppeling',
      melding: `koppeling ${code} is van gastouder ${koppeling.gastouder}, niet van ${gastouder}`,
    });
  else if (typeof rec.datum === 'string' && rec.datum < koppeling.start)
    problems.push({ veld: 'datum', melding: `${rec.datum} ligt vóór de start van koppeling ${code} (${koppeling.start})` });
  return problems;
}

function toRow(rec: Rec): NewBezoek {
  const row: Record<string, unknown> = {};
  for (const column of COLUMNS) if (column in rec && !(column === 'id' && rec.id === null)) row[column] = rec[column];
  return row as unknown as NewBezoek;
}
