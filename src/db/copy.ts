// `gob db kopieer`: a whole gob database from SQLite to PostgreSQL or back (CONTRACT §11), for a
// bureau that grows from one computer to several, or goes back. Rows are copied as they are:
// numbers, codes, frozen snapshots, stored bank files, the log. The target gets its schema from
// gob's own migrations first, so both sides are the same version of gob.
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { isPostgres } from './dialect.js';
import { type Db, rawHandle } from './open.js';

/**
 * Every table in the order rows can be inserted (what a row refers to comes first), with its
 * primary key. A test checks that this list is the schema's whole list of tables.
 */
export const COPY_TABLES: readonly { name: keyof Database; key: readonly string[] }[] = [
  { name: 'bureau', key: ['id'] },
  { name: 'toeslagtarief', key: ['jaar'] },
  { name: 'nummering', key: ['soort', 'jaar'] },
  { name: 'gastouder', key: ['code'] },
  { name: 'ouder', key: ['code'] },
  { name: 'kind', key: ['code'] },
  { name: 'koppeling', key: ['code'] },
  { name: 'rooster', key: ['id'] },
  { name: 'afwezigheid', key: ['id'] },
  { name: 'urenkaart', key: ['maand', 'gastouder', 'kind', 'koppeling'] },
  { name: 'maandtarief', key: ['maand', 'koppeling'] },
  { name: 'maandbureaukosten', key: ['maand'] },
  { name: 'maandrooster', key: ['maand', 'koppeling'] },
  { name: 'factuur', key: ['nummer'] },
  { name: 'factuurregel', key: ['id'] },
  { name: 'betaling', key: ['id'] },
  { name: 'toewijzing', key: ['id'] },
  { name: 'uitbetaling', key: ['nummer'] },
  { name: 'uitbetalingregel', key: ['id'] },
  { name: 'bankbestand', key: ['bericht_id'] },
  { name: 'bankbestand_uitbetaling', key: ['uitbetaling'] },
  { name: 'bankbestand_geschreven', key: ['bericht_id'] },
  { name: 'handtekening', key: ['id'] },
  { name: 'jaaropgave', key: ['nummer', 'versie'] },
  { name: 'huisgenoot', key: ['id'] },
  { name: 'bezoek', key: ['id'] },
  { name: 'log', key: ['id'] },
];

/** Tables the migrations fill in an empty database (the bureau's one row, the built-in maximum prices). */
const SEEDED = new Set<string>(['bureau', 'toeslagtarief']);

type Row = Record<string, unknown>;

/** Rows per read and per insert: well under both databases' limit on parameters per statement. */
const BATCH_PARAMETERS = 30_000;

/** The tables of the schema as the database itself lists them (gob's own; not Kysely's bookkeeping). */
export async function schemaTables(db: Db): Promise<string[]> {
  const rows = isPostgres(db)
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !name.startsWith('kysely_'));
}

/**
 * A target is empty when it holds no bureau data: a fresh `gob init` without details counts as
 * empty (its migrations' seeded rows are replaced by the source's). Returns the first table that
 * has data, or null.
 */
export async function firstTableWithData(db: Db): Promise<string | null> {
  const bureau = await sql<{ n: number }>`select count(*) as n from bureau where naam is not null`.execute(db);
  if ((bureau.rows[0]?.n ?? 0) > 0) return 'bureau';
  for (const { name } of COPY_TABLES) {
    if (SEEDED.has(name)) continue;
    const r = await sql<{ n: number }>`select exists (select 1 from ${sql.table(name)}) as n`.execute(db);
    if (r.rows[0]?.n) return name;
  }
  return null;
}

/**
 * Copy every row of `source` into `target` (inside the caller's transaction on the target), and
 * return the number of rows per table. The source is read in one snapshot.
 *
 * Order within a table matters where it refers to itself (a correction invoice to the invoice it
 * corrects, a storno to its payment). SQLite is read in rowid order, the order rows were made, so
 * what is referred to comes first; a SQLite target checks its foreign keys at commit anyway.
 */
export async function copyTables(
  source: Db,
  target: Kysely<Database>,
  onTable?: (table: string, rows: number) => void,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (!isPostgres(target)) await sql`pragma defer_foreign_keys = on`.execute(target);
  for (const table of SEEDED) await sql`delete from ${sql.table(table)}`.execute(target);
  for (const { name, key } of COPY_TABLES) {
    let n = 0;
    for await (const batch of readBatches(source, name, key)) {
      await target
        .insertInto(name)
        .values(batch as never)
        .execute();
      n += batch.length;
    }
    counts[name] = n;
    onTable?.(name, n);
  }
  if (isPostgres(target)) await resetIdentities(target);
  return counts;
}

/** Whether a SQLite table has a rowid (every gob table except the WITHOUT ROWID ones). */
async function hasRowid(db: Db, table: string): Promise<boolean> {
  const r = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  return !/without rowid\s*$/i.test(r.rows[0]?.sql ?? '');
}

async function* readBatches(db: Db, table: string, key: readonly string[]): AsyncGenerator<Row[]> {
  if (!isPostgres(db)) {
    const order = (await hasRowid(db, table)) ? 'rowid' : key.map((k) => `"${k}"`).join(', ');
    const statement = rawHandle(db).prepare(`select * from "${table}" order by ${order}`);
    const size = Math.max(1, Math.floor(BATCH_PARAMETERS / statement.columns().length));
    let batch: Row[] = [];
    for (const row of statement.iterate() as Iterable<Row>) {
      batch.push(row);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  // PostgreSQL: pages in key order, each starting after the last key of the one before.
  const columns = sql.join(key.map((k) => sql.ref(k)));
  let after: unknown[] | null = null;
  let size = 1000;
  for (;;) {
    const where: ReturnType<typeof sql> = after === null ? sql`true` : sql`(${columns}) > (${sql.join(after)})`;
    const page = await sql<Row>`select * from ${sql.table(table)} where ${where} order by ${columns} limit ${size}`.execute(db);
    if (page.rows.length === 0) return;
    yield page.rows;
    const last = page.rows.at(-1)!;
    after = key.map((k) => last[k]);
    size = Math.max(1, Math.floor(BATCH_PARAMETERS / Object.keys(last).length));
  }
}

/** After rows came in with their own ids, the next id PostgreSQL hands out follows the highest. */
async function resetIdentities(db: Kysely<Database>): Promise<void> {
  const identities = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(db);
  for (const { table_name, column_name } of identities.rows) {
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 0) + 1, false)`.execute(db);
  }
}
