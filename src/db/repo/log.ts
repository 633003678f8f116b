import { newId } from '../dialect.js';
import type { Db } from '../open.js';
import type { LogRow } from '../tables/log.js';

export interface LogContext {
  now: string;
  user: string;
  command: string;
}

/** One audit entry per changing command. `wijziging` must never hold a BSN. */
export async function writeLog(db: Db, ctx: LogContext, wijziging: string): Promise<void> {
  await db
    .insertInto('log')
    .values({ ...newId(db, 'log'), tijdstip: ctx.now, gebruiker: ctx.user, commando: ctx.command, wijziging })
    .execute();
}

export async function listLog(db: Db, limit: number): Promise<LogRow[]> {
  return db.selectFrom('log').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
