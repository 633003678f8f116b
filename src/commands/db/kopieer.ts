import fs from 'node:fs';
import { COPY_TABLES, copyTables, firstTableWithData, schemaTables } from '../../db/copy.js';
import {
  connectDatabase,
  createOrMigrateDatabase,
  describeDatabase,
  inReadSnapshot,
  inTransaction,
  isPostgresUrl,
  openDatabase,
  refusalFor,
  type Store,
} from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import { Refused, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';

/**
 * `gob db kopieer --naar <db>`: the whole database into another, SQLite to PostgreSQL or back
 * (CONTRACT §11). All or nothing: the rows go in one transaction on the target, read from one
 * snapshot of the source. A target with any bureau data is refused, so that a copy never mixes
 * two bureaus; a new SQLite file, an empty PostgreSQL database or a fresh `gob init` without
 * details will do. From PostgreSQL to PostgreSQL the server's own tools are better (pg_dump).
 */
export async function dbKopieer(opts: { naar: string }, deps: Deps) {
  const from = describeDatabase(deps.dbFile);
  const to = describeDatabase(opts.naar);
  if (opts.naar === deps.dbFile) throw new UsageError(`--naar: ${to} is de database zelf; geef een andere database.`);
  if (isPostgresUrl(opts.naar) && isPostgresUrl(deps.dbFile)) {
    throw new Refused(
      `Van PostgreSQL naar PostgreSQL kopieert gob niet: gebruik de gereedschappen van de server, bijvoorbeeld pg_dump --format=custom en pg_restore. Er is niets gewijzigd.`,
    );
  }
  await requireEmptyTarget(opts.naar);
  const createdFile = !isPostgresUrl(opts.naar) && !fs.existsSync(opts.naar);
  let target: Store | undefined;
  try {
    target = (await createOrMigrateDatabase(opts.naar)).store;
    const targetDb = target.db;
    const counts = await inReadSnapshot(deps.db, (source) =>
      inTransaction(targetDb, async (trx) => {
        // Checked again inside the target's transaction: nobody filled it since the first look.
        const filled = await firstTableWithData(trx);
        if (filled !== null) throw nonEmpty(to, filled);
        const n = await copyTables(source, trx);
        deps.stop?.('kopieer-voor-commit');
        await writeLog(trx, deps, `kopie van ${from}: ${total(n)} rijen`);
        return n;
      }),
    );
    const facturen = counts.factuur ?? 0;
    deps.out.line(`Gekopieerd van ${from} naar ${to}: ${total(counts)} rijen in ${COPY_TABLES.length} tabellen (${facturen} facturen).`);
    return { van: from, naar: to, rijen: counts };
  } catch (error) {
    await target?.close().catch(() => {});
    target = undefined;
    // A new file that did not get its copy is removed: the copy is all or nothing.
    if (createdFile) for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(opts.naar + suffix, { force: true });
    throw refusalFor(error, opts.naar);
  } finally {
    await target?.close().catch(() => {});
  }
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function nonEmpty(to: string, table: string): Refused {
  return new Refused(
    `De database ${to} is niet leeg (er staat al iets in ${table}). Een kopie gaat alleen naar een nieuwe of lege database, zodat nooit twee bureaus door elkaar raken. Er is niets gewijzigd.`,
  );
}

/** Refuse a target with data (or a database that is not gob's) before anything is made there. */
async function requireEmptyTarget(target: string): Promise<void> {
  const to = describeDatabase(target);
  if (!isPostgresUrl(target)) {
    if (!fs.existsSync(target)) return;
    const store = await openDatabase(target).catch(() => {
      throw new Refused(
        `${to} bestaat al en is geen lege gob-database van deze versie. Kies een nieuw bestand met --naar. Er is niets gewijzigd.`,
      );
    });
    try {
      const filled = await firstTableWithData(store.db);
      if (filled !== null) throw nonEmpty(to, filled);
    } finally {
      await store.close();
    }
    return;
  }
  const store = await connectDatabase(target);
  try {
    const tables = await schemaTables(store.db);
    if (tables.length === 0) return;
    if (!tables.includes('bureau')) throw nonEmpty(to, tables[0]!);
  } finally {
    await store.close();
  }
  // A gob schema: it must be this version's and hold no data.
  const store2 = await openDatabase(target);
  try {
    const filled = await firstTableWithData(store2.db);
    if (filled !== null) throw nonEmpty(to, filled);
  } finally {
    await store2.close();
  }
}
