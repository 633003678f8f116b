// PostgreSQL's bulk write (src/db/pgcopy.ts) on a real server (GOB_TEST_PG, project 'postgres'):
// rows are written chunk by chunk with backpressure, so these hold it to what the import and the
// invoice run rely on: every row arrives as it was, and a refusal by the server or a failure while
// the rows are still being made fails the COPY and so the whole transaction, after which the
// connection works as before.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, inTransaction } from '../../src/db/open.js';
import { type CopyValue, copyRows } from '../../src/db/pgcopy.js';
import { pgTestDeps } from '../helpers.js';

/** Far more than the stream buffers: the writer has to wait for the socket many times. */
const ROWS = 60_000;

function* rows(failAt = -1, count = ROWS): Generator<CopyValue[]> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new Error('rij kon niet gemaakt worden');
    // A value with every character COPY gives a meaning, a null, a number.
    yield [`regel ${i}\ttab\\slash\nnieuw\r`, i % 7 === 0 ? null : `tekst ${i}`, i];
  }
}

describe('PostgreSQL: COPY', () => {
  let deps: Awaited<ReturnType<typeof pgTestDeps>>;
  const table = (db: Db) => sql`create table kopie (a text not null, b text, n bigint not null check (n <> 50000))`.execute(db);
  const count = async (db: Db) => (await sql<{ n: number }>`select count(*)::int as n from kopie`.execute(db)).rows[0]!.n;

  beforeAll(async () => {
    deps = await pgTestDeps();
    await table(deps.db);
  });
  afterAll(() => deps.close());

  it('stores every row as it was, nulls as null, across many chunks', async () => {
    const n = await inTransaction(deps.db, (trx) => copyRows(trx, 'kopie', ['a', 'b', 'n'], rows(-1, 50_000)));
    expect(n).toBe(50_000);
    expect(await count(deps.db)).toBe(50_000);
    const some = await sql<{
      a: string;
      b: string | null;
      n: number;
    }>`select a, b, n from kopie where n in (0, 1, 49999) order by n`.execute(deps.db);
    expect(some.rows).toEqual([
      { a: 'regel 0\ttab\\slash\nnieuw\r', b: null, n: 0 },
      { a: 'regel 1\ttab\\slash\nnieuw\r', b: 'tekst 1', n: 1 },
      { a: 'regel 49999\ttab\\slash\nnieuw\r', b: 'tekst 49999', n: 49999 },
    ]);
  });

  it('a row the server refuses fails the transaction: nothing of it is stored, the connection works on', async () => {
    await sql`truncate kopie`.execute(deps.db);
    // Row 50,000 breaks the check, long after the first chunks went in.
    await expect(inTransaction(deps.db, (trx) => copyRows(trx, 'kopie', ['a', 'b', 'n'], rows()))).rejects.toThrow(/kopie_n_check/);
    expect(await count(deps.db)).toBe(0);
  });

  it('a failure while rows are being made fails the COPY with that error; the connection works on', async () => {
    await expect(inTransaction(deps.db, (trx) => copyRows(trx, 'kopie', ['a', 'b', 'n'], rows(30_000)))).rejects.toThrow(
      'rij kon niet gemaakt worden',
    );
    expect(await count(deps.db)).toBe(0);
    const n = await inTransaction(deps.db, (trx) => copyRows(trx, 'kopie', ['a', 'b', 'n'], rows(-1, 10)));
    expect(n).toBe(10);
    expect(await count(deps.db)).toBe(10);
  });
});
