// Opening the database: one SQLite file (the default), or a PostgreSQL server for a bureau where
// several people work at once (CONTRACT §11; src/db/postgres.ts). better-sqlite3 gives the raw
// handle (bulk inserts, backup); Kysely types every other query. WAL lets readers go on while one
// process writes; the busy timeout makes a second writer wait instead of failing with "database is
// locked".
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  Migrator,
  PostgresDialect,
  type RawBuilder,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import type pg from 'pg';
import { NotFound, Refused } from '../errors.js';
import { currentInterruptNote, interruptNote } from '../files/interrupt.js';
import { databaseRefusal } from '../files/refusal.js';
import { makeFolders } from '../files/folders.js';
import type { Database } from './database.js';
import { isPostgres } from './dialect.js';
import { LATEST_MIGRATION, migrationProvider } from './migrations/index.js';
import { describeDatabase, isPostgresUrl, isRetryable, postgresRefusal, typeParsers, urlRefusal, versionRefusal } from './postgres.js';

export { describeDatabase, isPostgresUrl } from './postgres.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** The raw SQLite handle; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  /** The file, or the PostgreSQL URL as given. */
  file: string;
  close(): Promise<void>;
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

/**
 * After some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has already rolled the transaction back, and
 * ROLLBACK then fails with 'no transaction is active'. In Kysely's own transactions (the Migrator's:
 * `init`, `db kopieer`) that second error replaced the one that says what went wrong, and a full
 * disk became a bug (exit 70). onOneConnection below guards its own ROLLBACK the same way.
 */
type GobSqliteConfig = SqliteDialectConfig & { database: SQLite.Database };

class GobSqliteDriver extends SqliteDriver {
  constructor(private readonly gobConfig: GobSqliteConfig) {
    super(gobConfig);
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.gobConfig.database.inTransaction) await super.rollbackTransaction(connection);
  }
}

class GobSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: GobSqliteConfig) {
    super(sqliteConfig);
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }

  override createDriver(): Driver {
    return new GobSqliteDriver(this.sqliteConfig);
  }
}

function connect(file: string): Store {
  const sqlite = new SQLite(file, { timeout: BUSY_TIMEOUT_MS, nativeBinding: nativeBinding() });
  sqlite.pragma('foreign_keys = ON');
  // 64 MB of page cache (the default is 2 MB): a million-row import checks a foreign key per
  // urenkaart (three before 0010), and with the small cache those lookups went to disk pages again
  // and again (4.1 s → 3.0 s).
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new GobSqliteDialect({ database: sqlite }) });
  rawHandles.set(db, sqlite);
  return { db, dialect: 'sqlite', sqlite, file, close: () => db.destroy() };
}

/** The one pg client of a PostgreSQL store: a CLI run is one process with one connection. */
interface PgHolder {
  client: pg.PoolClient | undefined;
}

const pgHolders = new WeakMap<Db, PgHolder>();

/**
 * How long a writer waits for another gob's transaction on PostgreSQL, as SQLite's busy timeout;
 * after that the server says 55P03 and gob says "bezet" in Dutch.
 */
const LOCK_TIMEOUT = '60s';

async function connectPostgres(url: string): Promise<Store> {
  const { default: pgModule } = await import('pg');
  const pool = new pgModule.Pool({
    connectionString: url,
    max: 1,
    // One connection for the whole run, kept open: pgClient() hands out the same client.
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: 15_000,
    application_name: 'gob',
    types: typeParsers(pgModule.types),
    options: `-c lock_timeout=${LOCK_TIMEOUT}`,
  });
  // An error on an idle client (the server went away between queries) must not crash the process:
  // the next query fails and is refused in Dutch.
  pool.on('error', () => {});
  const holder: PgHolder = { client: undefined };
  const recordingPool = {
    connect: async () => {
      const client = await pool.connect();
      // The same for the client in use: the pool listens only to idle ones, and a server that went
      // away mid-command crashed the process with Node's English 'Unhandled error event'. The query
      // that was waiting fails with the error, and that is refused in Dutch.
      if (client.listenerCount('error') === 0) client.on('error', () => {});
      holder.client = client;
      return client;
    },
    end: () => pool.end(),
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: recordingPool as unknown as pg.Pool }) });
  pgHolders.set(db, holder);
  const store: Store = { db, dialect: 'postgres', sqlite: null, file: url, close: () => db.destroy() };
  try {
    const { rows } = await sql<{
      num: string;
      version: string;
    }>`select current_setting('server_version_num') as num, current_setting('server_version') as version`.execute(db);
    const refusal = versionRefusal(url, Number(rows[0]?.num ?? 0), rows[0]?.version ?? '?');
    if (refusal) throw refusal;
    return store;
  } catch (error) {
    await store.close().catch(() => {});
    throw urlRefusal(error) ?? postgresRefusal(error, url, { connecting: true }) ?? error;
  }
}

/**
 * The pg client behind a PostgreSQL handle or transaction, for COPY and large multi-row writes.
 * Inside `inTransaction` it is the transaction's own connection, so what it writes is part of it.
 */
export function pgClient(db: Db): pg.ClientBase {
  const client = pgHolders.get(db)?.client;
  if (!client) throw new Error('pgClient: no PostgreSQL connection is open for this handle (use it inside inTransaction)');
  return client;
}

/** Connect without looking at the schema (for a copy's target, which may have none yet). */
export function connectDatabase(target: string): Promise<Store> {
  return isPostgresUrl(target) ? connectPostgres(target) : Promise.resolve(connect(target));
}

/**
 * The better-sqlite3 handle behind a Kysely connection (the database or a transaction of it), for
 * the few bulk writes where building SQL per row costs more than SQLite spends storing it. Only
 * src/db reaches it: commands write through repository functions, whatever they hold.
 */
const rawHandles = new WeakMap<Db, SQLite.Database>();

export function rawHandle(db: Db): SQLite.Database {
  const raw = rawHandles.get(db);
  if (!raw) throw new Error('rawHandle: this Kysely instance was not opened by src/db/open.ts on SQLite');
  return raw;
}

/** Copy the whole database to `file` with SQLite's online backup (consistent while others write). */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  await rawHandle(db).backup(file);
}

/** Open an existing database for a command; refuses a missing or out-of-date one with a hint. */
export async function openDatabase(file: string): Promise<Store> {
  if (!isPostgresUrl(file) && !fs.existsSync(file)) {
    throw new NotFound(`De database ${file} bestaat niet. Maak hem aan met 'gob init' (of kies een andere met --db).`);
  }
  let store: Store | undefined;
  try {
    store = await connectDatabase(file);
    const current = await currentMigration(store.db);
    if (current === null) await refuseForeign(store.db, file);
    if (current !== LATEST_MIGRATION) throw schemaRefusal(file, current);
    return store;
  } catch (error) {
    await store?.close().catch(() => {});
    throw refusalFor(error, file);
  }
}

/** The Dutch refusal for an error of the database itself (a file's or a server's), else the error. */
export function refusalFor(error: unknown, target: string): unknown {
  return isPostgresUrl(target) ? (postgresRefusal(error, target) ?? error) : databaseRefusal(error, target);
}

function schemaRefusal(target: string, current: string | null): Refused {
  const name = describeDatabase(target);
  return new Refused(
    current !== null && current > LATEST_MIGRATION
      ? `De database ${name} is gemaakt door een nieuwere versie van gob (${current}). Werk gob bij; er is niets gewijzigd.`
      : `De database ${name} heeft nog niet het schema van deze versie van gob. Werk hem bij met 'gob init'.`,
  );
}

/** Create (mode 0600, folder included) or bring up to date; safe to run again. */
export async function createOrMigrateDatabase(file: string): Promise<{ store: Store; created: boolean; applied: string[] }> {
  if (isPostgresUrl(file)) return createOrMigratePostgres(file);
  let created = false;
  let store: Store | undefined;
  try {
    if (!fs.existsSync(file)) {
      // A link to nothing: 'wx' below would fail with "file exists" and a --force init does not have.
      if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
        throw new Refused(
          `De database ${file} is een symbolische koppeling naar ${fs.readlinkSync(file)}, en dat bestand bestaat niet. Laat de koppeling naar een bestaande database wijzen, of geef een gewoon bestand met --db. Er is niets aangemaakt.`,
        );
      }
      makeFolders(path.dirname(path.resolve(file)));
      // Created here, not by SQLite, so that it never exists with looser permissions for a moment.
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
      created = true;
    }
    store = connect(file);
    // A newer gob's schema is not ours to 'migrate': Kysely would call it corrupted.
    const current = await currentMigration(store.db);
    if (current !== null && current > LATEST_MIGRATION) throw schemaRefusal(file, current);
    if (current === null && !created) await refuseForeign(store.db, file);
    store.sqlite!.pragma('journal_mode = WAL');
    const applied = await runMigrations(store.db);
    return { store, created, applied };
  } catch (error) {
    await store?.close().catch(() => {});
    if (created) for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    throw databaseRefusal(error, file);
  }
}

/**
 * On PostgreSQL the database itself is the server administrator's to make (`createdb`); gob
 * creates its schema in it, or brings that up to date. "Created" means: there was no gob schema.
 */
async function createOrMigratePostgres(url: string): Promise<{ store: Store; created: boolean; applied: string[] }> {
  const store = await connectPostgres(url);
  try {
    const current = await currentMigration(store.db);
    if (current !== null && current > LATEST_MIGRATION) throw schemaRefusal(url, current);
    if (current === null) await refuseForeign(store.db, url);
    const applied = await runMigrations(store.db);
    return { store, created: current === null, applied };
  } catch (error) {
    await store.close().catch(() => {});
    throw postgresRefusal(error, url) ?? error;
  }
}

export async function runMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * A database with tables but without gob's migration table belongs to another program: gob never
 * adds its tables beside someone else's (`init`), nor tells the user to (every other command).
 */
async function refuseForeign(db: Db, target: string): Promise<void> {
  const { rows } = await (isPostgres(db)
    ? sql<{
        name: string;
      }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name`
    : sql<{ name: string }>`select name from sqlite_master where type = 'table' and substr(name, 1, 7) <> 'sqlite_' order by name`
  ).execute(db);
  if (rows.length === 0) return;
  const names = rows.slice(0, 5).map((r) => r.name);
  throw new Refused(
    `De database ${describeDatabase(target)} is geen gob-database: er staan al tabellen van een ander programma in (${names.join(', ')}${rows.length > names.length ? ', …' : ''}). gob maakt zijn tabellen alleen in een nieuw bestand of een lege database; kies een andere met --db. Er is niets gewijzigd.`,
  );
}

async function currentMigration(db: Db): Promise<string | null> {
  const exists = await (isPostgres(db)
    ? sql<{
        n: number;
      }>`select count(*) as n from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'`
    : sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`
  ).execute(db);
  if (!exists.rows[0]?.n) return null;
  const last = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return last.rows[0]?.name ?? null;
}

/**
 * Run `fn` in one write transaction. Inside `fn`, use only `trx`.
 *
 * On SQLite, BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that reads
 * first and writes later can fail at once with SQLITE_BUSY when another process wrote in between,
 * which the busy timeout does not cover.
 *
 * On PostgreSQL the same: every gob writer first takes one advisory lock, so writers queue as they
 * do on SQLite and a command sees no other writer's half-done work between its reads and its
 * writes (two `factuur run`s of one month: the second finds the first one's invoices). Readers are
 * never blocked. A serialization failure or deadlock (possible only with other programs writing
 * into the database) runs the transaction again, at most a few times.
 */
export async function inTransaction<T>(
  db: Db,
  fn: (trx: Db) => Promise<T>,
  {
    dryRun = false,
    /**
     * 'here' (the default): a retryable failure runs `fn` again. 'caller': it is thrown as
     * RerunNeeded, for a caller that must start over itself (an import: its file's rows were read
     * by the first attempt, and its counts are the first attempt's), inside `rerunning`.
     */
    retry = 'here' as 'here' | 'caller',
  } = {},
): Promise<T> {
  // A dry run does all the work, then leaves nothing: the same code path as the real run.
  const end = dryRun ? 'rollback' : 'commit';
  if (!isPostgres(db)) return onOneConnection(db, [sql`begin immediate`], fn, end);
  for (let attempt = 1; ; attempt++) {
    try {
      return await onOneConnection(db, [sql`begin`, sql`select pg_advisory_xact_lock(${WRITE_LOCK})`], fn, end);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (retry === 'caller') throw new RerunNeeded(error);
      if (attempt >= MAX_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}

/** A retryable failure (PostgreSQL) of an inTransaction whose caller starts over (`retry: 'caller'`). */
export class RerunNeeded extends Error {
  constructor(readonly failure: unknown) {
    super('de transactie moet opnieuw');
  }
}

/**
 * Run `run` (a whole import: open its file, read, one inTransaction with `retry: 'caller'`)
 * again from the start after a retryable failure, at most MAX_ATTEMPTS times, as inTransaction
 * runs its function again. Only other programs writing in the database can cause one.
 */
export async function rerunning<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof RerunNeeded)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw error.failure;
      await pause(attempt);
    }
  }
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20 * attempt * attempt));
}

const MAX_ATTEMPTS = 5;

/** The advisory lock every gob writer takes on PostgreSQL ("gob" in ASCII). */
const WRITE_LOCK = 0x676f62;

/**
 * Run `fn` on one connection between the `begin` statements and a commit or rollback. The
 * connection carries the raw handle (SQLite) or the pg client (PostgreSQL) along: a bulk write
 * inside it takes the same connection, and so the same transaction.
 */
async function onOneConnection<T>(
  db: Db,
  begin: RawBuilder<unknown>[],
  fn: (conn: Db) => Promise<T>,
  end: 'commit' | 'rollback',
): Promise<T> {
  const raw = rawHandles.get(db);
  const holder = pgHolders.get(db);
  return db.connection().execute(async (conn) => {
    if (raw) rawHandles.set(conn, raw);
    if (holder) pgHolders.set(conn, holder);
    await begin[0]!.execute(conn);
    try {
      for (const statement of begin.slice(1)) await statement.execute(conn);
      const result = await fn(conn);
      if (end === 'commit') await signalsHeard();
      // On PostgreSQL the COMMIT is a round trip: a Ctrl-C while it is on its way cannot know
      // whether the server committed, and must not say that nothing was stored.
      const during = end === 'commit' && holder ? interruptNote(DURING_COMMIT) : undefined;
      await (end === 'commit' ? sql`commit` : sql`rollback`).execute(conn);
      during?.();
      // From here "er is niets opgeslagen" is no longer true: on PostgreSQL the work after the
      // commit waits on the server, and a Ctrl-C there said it anyway.
      if (end === 'commit' && currentInterruptNote() !== AFTER_COMMIT) interruptNote(AFTER_COMMIT);
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

const DURING_COMMIT =
  "Afgebroken terwijl de wijzigingen werden vastgelegd: de server heeft ze misschien opgeslagen. Kijk met 'gob log' (en bij een incasso of uitbetaling met 'gob sepa list') wat er is gedaan voordat je het opnieuw probeert.";
const AFTER_COMMIT =
  "Afgebroken nadat de wijzigingen waren vastgelegd: die zijn opgeslagen, alleen het afronden (uitvoer, bestanden) is niet gebeurd. Kijk met 'gob log' wat er is gedaan.";

/**
 * Let a Ctrl-C that came during the work end the process before the commit, so that it stores
 * nothing (CONTRACT §1, exit 130). A signal is handled only when the event loop polls, and much of
 * a command is synchronous (better-sqlite3, the billing): without this a long `factuur run` or
 * `sepa incasso` committed first and said "afgebroken" after. Two turns of the loop, because the
 * first may run before the loop's next poll.
 */
async function signalsHeard(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Run `fn` on one read snapshot of the database: what it reads is one moment, even while other
 * gob processes write (SQLite's WAL keeps the snapshot; PostgreSQL's repeatable read does).
 */
export async function inReadSnapshot<T>(db: Db, fn: (snapshot: Db) => Promise<T>): Promise<T> {
  const begin = isPostgres(db) ? sql`begin isolation level repeatable read read only` : sql`begin`;
  return onOneConnection(db, [begin], fn, 'rollback');
}
