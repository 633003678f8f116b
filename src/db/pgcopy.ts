// PostgreSQL's bulk write: `COPY … FROM STDIN` on the connection of the caller's transaction, so
// that what it writes commits or rolls back with the rest. On SQLite the repositories use raw
// prepared statements instead (rawHandle in open.ts): each database gets what it is fast at.
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
 *
 * The text is built one chunk string at a time and written straight to the COPY stream, waiting
 * only when the socket is full: Readable.from(generator) + pipeline cost about as much as
 * building the text (0.3 s of a 44,000-urenkaart import), and the server works on one chunk
 * while the next is built.
 */
export async function copyRows(db: Db, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  // A CommonJS package: its exports are the default export, bundled or not.
  const { default: copyStreams } = await import('pg-copy-streams');
  const client = pgClient(db);
  // A buffer of a few chunks: the next chunk is built while the socket takes the previous one.
  const target = client.query(copyStreams.from(`copy ${table} (${columns.join(', ')}) from stdin`, { highWaterMark: 4 * CHUNK }));
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    target.on('finish', resolve);
    target.on('error', (error: Error) => {
      failure = error;
      wake?.();
      reject(error);
    });
  });
  // Without this a refusal that arrives while rows are still being built would be unhandled.
  finished.catch(() => undefined);
  const drained = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      target.once('drain', resolve);
    });
  let n = 0;
  let chunk = '';
  try {
    for (const row of rows) {
      let line = '';
      for (let i = 0; i < row.length; i++) {
        const value = row[i]!;
        const text = value === null ? '\\N' : typeof value === 'number' ? String(value) : SPECIAL.test(value) ? copyText(value) : value;
        line = i === 0 ? text : `${line}\t${text}`;
      }
      chunk += `${line}\n`;
      n++;
      if (chunk.length >= CHUNK) {
        if (failure) break;
        const more = target.write(chunk);
        chunk = '';
        if (!more) await drained();
      }
    }
  } catch (error) {
    // A row that could not be made: CopyFail, so that the connection can roll the transaction back.
    target.destroy(error as Error);
    await finished.catch(() => undefined);
    throw error;
  }
  if (!failure) target.end(chunk);
  await finished;
  return n;
}
