// Housemates of gastouders (CONTRACT §10), keyed by id. Records are keyed by database column, as
// the registry's are (src/db/repo/register.ts), so that options, CSV and JSON share fields.ts.
import type { Problem, Rec } from '../../domain/registry.js';
import { newId } from '../dialect.js';
import type { Db } from '../open.js';
import type { NewHuisgenoot } from '../tables/kwaliteit.js';

const COLUMNS = ['id', 'gastouder', 'naam', 'geboortedatum', 'vog_datum', 'prk'] as const;

export async function getHuisgenoot(db: Db, id: number): Promise<Rec | undefined> {
  return db.selectFrom('huisgenoot').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Per gastouder, oldest first (the one who turns 18 first comes first), then by id. */
export async function listHuisgenoten(db: Db, filter: { gastouder?: string | undefined }): Promise<Rec[]> {
  let q = db.selectFrom('huisgenoot').select(COLUMNS).orderBy('gastouder').orderBy('geboortedatum').orderBy('id');
  if (filter.gastouder) q = q.where('gastouder', '=', filter.gastouder);
  return q.execute();
}

/** Stores a housemate; with an id (an import of `list --csv` into another database) under that id. */
export async function insertHuisgenoot(db: Db, rec: Rec): Promise<number> {
  const row = await db
    .insertInto('huisgenoot')
    .values({ ...(rec.id == null ? newId(db, 'huisgenoot') : {}), ...toRow(rec) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateHuisgenoot(db: Db, id: number, changes: Rec): Promise<void> {
  const { id: _, ...rest } = toRow({ ...changes });
  if (Object.keys(rest).length > 0) await db.updateTable('huisgenoot').set(rest).where('id', '=', id).execute();
}

export async function deleteHuisgenoot(db: Db, id: number): Promise<void> {
  await db.deleteFrom('huisgenoot').where('id', '=', id).execute();
}

/** What the database must confirm: the gastouder exists. */
export async function huisgenootReferenceProblems(db: Db, rec: Rec): Promise<Problem[]> {
  const gastouder = rec.gastouder as string | null | undefined;
  if (!gastouder) return [];
  const found = await db.selectFrom('gastouder').select('code').where('code', '=', gastouder).executeTakeFirst();
  return found ? [] : [{ veld: 'gastouder', melding: `er is geen gastouder met code ${gastouder}; zie 'gob gastouder list'` }];
}

/** Only the columns given (an update sets no more than changed); values as validated by fields.ts. */
function toRow(rec: Rec): NewHuisgenoot {
  const row: Record<string, unknown> = {};
  for (const column of COLUMNS) if (column in rec && !(column === 'id' && rec.id === null)) row[column] = rec[column];
  return row as unknown as NewHuisgenoot;
}
