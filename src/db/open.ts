// Opening the one SQLite file. better-sqlite3 gives the raw handle (bulk inserts, backup); Kysely
// types every other query. WAL lets readers go on while one process writes; the busy timeout makes
// a second writer wait instead of failing with "database is locked".
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import { NotFound, Refused } from '../errors.js';
import { databaseRefusal } from '../files/refusal.js';
import type { Database } from './database.js';
import { LATEST_MIGRATION, migrationProvider } from './migrations/index.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  sqlite: SQLite.Database;
  file: string;
  close(): Promise<void>;
}

/**
 * A list of values for `in`, as one JSON parameter: SQLite allows 32,766 parameters per statement,
 * and a large bureau's month has more koppelingen than that.
 */
export function inValues(values: readonly (string | number)[]) {
  return sql<string>`(select value from json_each(${JSON.stringify(values)}))`;
}

/** How long a writer waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 60_000;

/**
 * The compiled addon's path, given to better-sqlite3 directly: otherwise it asks the `bindings`
 * package, which probes a dozen paths and parses a stack trace on every start (~15 ms).
 */
function nativeBinding(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined;
  }
}

/**
 * SQLite changes its schema inside a transaction, but Kysely's adapter says it cannot, and so ran
 * each migration statement by statement: a migration that failed halfway (a full disk, a kill)
 * left half a schema. Saying it can makes the Migrator run all pending migrations, and their
 * bookkeeping, in one transaction: a database is migrated wholly or not at all.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class GobSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

function connect(file: string): Store {
  const sqlite = new SQLite(file, { timeout: BUSY_TIMEOUT_MS, nativeBinding: nativeBinding() });
  sqlite.pragma('foreign_keys = ON');
  // 64 MB of page cache (the default is 2 MB): a million-row import checks three foreign keys per
  // row, and with the small cache those lookups went to disk pages again and again (4.1 s → 3.0 s).
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new GobSqliteDialect({ database: sqlite }) });
  rawHandles.set(db, sqlite);
  return { db, sqlite, file, close: () => db.destroy() };
}

/**
 * The better-sqlite3 handle behind a Kysely connection (the database or a transaction of it), for
 * the few bulk writes where building SQL per row costs more than SQLite spends storing it. Only
 * src/db reaches it: commands write through repository functions, whatever they hold.
 */
const rawHandles = new WeakMap<Db, SQLite.Database>();

export function rawHandle(db: Db): SQLite.Database {
  const raw = rawHandles.get(db);
  if (!raw) throw new Error('rawHandle: this Kysely instance was not opened by src/db/open.ts');
  return raw;
}

/** Copy the whole database to `file` with SQLite's online backup (consistent while others write). */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  await rawHandle(db).backup(file);
}

/** Open an existing database for a command; refuses a missing or out-of-date one with a hint. */
export async function openDatabase(file: string): Promise<Store> {
  if (!fs.existsSync(file)) {
    throw new NotFound(`De database ${file} bestaat niet. Maak hem aan met 'gob init' (of kies een andere met --db).`);
  }
  let store: Store | undefined;
  try {
    store = connect(file);
    const current = await currentMigration(store.db);
    if (current !== LATEST_MIGRATION) throw schemaRefusal(file, current);
    return store;
  } catch (error) {
    await store?.close().catch(() => {});
    throw databaseRefusal(error, file);
  }
}

function schemaRefusal(file: string, current: string | null): Refused {
  return new Refused(
    current !== null && current > LATEST_MIGRATION
      ? `De database ${file} is gemaakt door een nieuwere versie van gob (${current}). Werk gob bij; er is niets gewijzigd.`
      : `De database ${file} heeft nog niet het schema van deze versie van gob. Werk hem bij met 'gob init'.`,
  );
}

/** Create (mode 0600, folder included) or bring up to date; safe to run again. */
export async function createOrMigrateDatabase(file: string): Promise<{ store: Store; created: boolean; applied: string[] }> {
  let created = false;
  let store: Store | undefined;
  try {
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      // Created here, not by SQLite, so that it never exists with looser permissions for a moment.
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
      created = true;
    }
    store = connect(file);
    // A newer gob's schema is not ours to 'migrate': Kysely would call it corrupted.
    const current = await currentMigration(store.db);
    if (current !== null && current > LATEST_MIGRATION) throw schemaRefusal(file, current);
    store.sqlite.pragma('journal_mode = WAL');
    const applied = await runMigrations(store.db);
    return { store, created, applied };
  } catch (error) {
    await store?.close().catch(() => {});
    if (created) for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    throw databaseRefusal(error, file);
  }
}

export async function runMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentMigration(db: Db): Promise<string | null> {
  const exists = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db);
  if (!exists.rows[0]?.n) return null;
  const last = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return last.rows[0]?.name ?? null;
}

/**
 * Run `fn` in one write transaction. BEGIN IMMEDIATE takes the write lock up front: a deferred
 * transaction that reads first and writes later can fail at once with SQLITE_BUSY when another
 * process wrote in between, which the busy timeout does not cover. Inside `fn`, use only `trx`.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>, { dryRun = false } = {}): Promise<T> {
  const raw = rawHandles.get(db);
  return db.connection().execute(async (conn) => {
    // The transaction carries the raw handle too: a bulk write inside it takes the same connection.
    if (raw) rawHandles.set(conn, raw);
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      // A dry run does all the work, then leaves nothing: the same code path as the real run.
      await (dryRun ? sql`rollback` : sql`commit`).execute(conn);
      return result;
    } catch (error) {
      // After some errors (SQLITE_FULL, SQLITE_IOERR, a failed COMMIT) SQLite has already rolled
      // the transaction back, and ROLLBACK then fails with 'no transaction is active': that
      // must not replace the error that says what went wrong.
      await sql`rollback`.execute(conn).catch(() => {});
      throw error;
    }
  });
}
