// PostgreSQL's bulk write: `COPY … FROM STDIN` on the connection of the caller's transaction, so
// that what it writes commits or rolls back with the rest. On SQLite the repositories use raw
// prepared statements instead (rawHandle in open.ts): each database gets what it is fast at.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Db, pgClient } from './open.js';

export type CopyValue = string | number | null;

/** Characters COPY's text format gives a meaning: backslash, tab, newline, carriage return. */
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: null as \N, the special characters escaped. */
export function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

/** Bytes handed to the stream at a time: one write per row would cost more than the server's work. */
const CHUNK = 1 << 16;

/**
 * Write `rows` (values in the order of `columns`) into `table` with one COPY, streamed: the rows
 * may be a generator that is never all in memory. Returns the number of rows. Inside
 * `inTransaction` only (pgClient is the transaction's connection); a failure fails the COPY and
 * so the transaction.
 */
export async function copyRows(db: Db, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  // A CommonJS package: its exports are the default export, bundled or not.
  const { default: copyStreams } = await import('pg-copy-streams');
  const client = pgClient(db);
  let n = 0;
  function* text(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      let line = '';
      for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + copyText(row[i]!);
      chunk += `${line}\n`;
      n++;
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const target = client.query(copyStreams.from(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(text(), { objectMode: false }), target);
  return n;
}
