// gob runs on SQLite (one file, the default) and on PostgreSQL (a server, for a bureau where several
// people work at once; CONTRACT §11). Most queries are the same SQL on both, written with Kysely.
// Where the two speak differently (string aggregation, a list parameter, JSON, bulk writes), the
// repository asks `isPostgres(db)` and this file holds the small fragments both need, so that a
// query has one text with a dialect's word in the middle rather than two copies.
import { type Expression, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** The dialect of a database, transaction or connection handle. */
export function dialectOf<DB>(db: Kysely<DB>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return dialectOf(db) === 'postgres';
}

/** One choice per dialect, for the few places where the SQL differs. */
export function perDialect<T, DB>(db: Kysely<DB>, choices: { sqlite: T; postgres: T }): T {
  return choices[dialectOf(db)];
}

/**
 * A list of codes for `in`, as one parameter: SQLite allows 32,766 parameters per statement and
 * PostgreSQL 65,535, and a large bureau's month has more koppelingen than either.
 */
export function inValues<DB>(db: Kysely<DB>, values: readonly string[]): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`(select unnest(${[...values]}::text[]))`
    : sql<string>`(select value from json_each(${JSON.stringify(values)}))`;
}

/** The values of `expr` over a group, joined by `separator` (order unspecified on both). */
export function groupConcat<DB>(db: Kysely<DB>, expr: Expression<unknown> | RawBuilder<unknown>, separator: string): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`string_agg(${expr}, ${sql.lit(separator)})`
    : sql<string>`group_concat(${expr}, ${sql.lit(separator)})`;
}

/** The largest of a few values in one row (SQLite's scalar max, PostgreSQL's greatest). */
export function greatest<DB>(db: Kysely<DB>, ...values: (Expression<unknown> | RawBuilder<unknown>)[]): RawBuilder<string> {
  const list = sql.join(values);
  return isPostgres(db) ? sql<string>`greatest(${list})` : sql<string>`max(${list})`;
}

/**
 * A JSON array of rows, as text on both (SQLite's json_group_array gives text; PostgreSQL's
 * json_agg is cast to text, and gob's pg type parsers leave json as text): the caller parses it.
 * `columns` are the row's expressions, in order.
 */
export function jsonRows<DB>(db: Kysely<DB>, columns: (Expression<unknown> | RawBuilder<unknown>)[]): RawBuilder<string> {
  const list = sql.join(columns);
  return isPostgres(db)
    ? sql<string>`coalesce(json_agg(json_build_array(${list}))::text, '[]')`
    : sql<string>`json_group_array(json_array(${list}))`;
}

/** The tables whose rows have an integer `id` that the database assigns. */
export type IdTable =
  | 'rooster'
  | 'factuurregel'
  | 'betaling'
  | 'toewijzing'
  | 'uitbetalingregel'
  | 'handtekening'
  | 'log'
  | 'afwezigheid'
  | 'huisgenoot'
  | 'bezoek';

/**
 * The id of a new row, as SQLite assigns it: one above the highest (a rolled-back insert leaves
 * no gap). On SQLite nothing is added (the rowid is that); on PostgreSQL the same number is given
 * explicitly, because an identity sequence keeps the ids a rolled-back insert took (a refused
 * import, a failed run) and the same commands would number rows differently on the two databases.
 * Writers take turns (inTransaction), so the highest id does not change under a statement.
 * `nth`: the n-th row (from 1) of a multi-row insert, whose subqueries all see the table as it
 * was before the statement. Spread into the values: `{ ...newId(db, 'log'), … }`.
 */
export function newId<DB>(db: Kysely<DB>, table: IdTable, nth = 1): { id?: RawBuilder<number> } {
  return isPostgres(db) ? { id: sql<number>`(select coalesce(max(id), 0) + ${sql.lit(nth)} from ${sql.table(table)})` } : {};
}
