import type { Rec } from '../../domain/registry.js';
import type { Db } from '../open.js';
import type { BureauRow } from '../tables/bureau.js';

export async function getBureau(db: Db): Promise<BureauRow> {
  return db.selectFrom('bureau').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateBureau(db: Db, changes: Rec): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('bureau').set(changes).where('id', '=', 1).execute();
}
