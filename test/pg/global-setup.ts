// The PostgreSQL project's global setup: checks the server of GOB_TEST_PG, gives the workers this
// run's database prefix, and drops every database the run made when it ends (also after failures).
// Without GOB_TEST_PG the project's tests are skipped (counted in the summary; test/pg/runner.ts),
// unless GOB_TEST_PG_NODIG=1 says PostgreSQL must be there (CI): then the run fails here.
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.GOB_TEST_PG;
  if (!url) {
    if (process.env.GOB_TEST_PG_NODIG === '1') {
      throw new Error(
        'GOB_TEST_PG_NODIG=1, maar GOB_TEST_PG is niet gezet: de PostgreSQL-tests moeten hier draaien (start een server met scripts/pg-cluster.mjs).',
      );
    }
    console.warn(
      'PostgreSQL-tests overgeslagen: GOB_TEST_PG is niet gezet (bijvoorbeeld: GOB_TEST_PG=$(node scripts/pg-cluster.mjs start /tmp/gob-pg)).',
    );
    project.provide('gobTestPg', null);
    return undefined;
  }
  // Lower case: PostgreSQL folds unquoted names, and psql users type them unquoted.
  const prefix = `gob_t_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`GOB_TEST_PG (${new URL(url).host}) is niet bereikbaar: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
  project.provide('gobTestPg', { url, prefix });
  return async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]);
      // WITH (FORCE): a test that failed may have left a connection open (PostgreSQL 13+).
      for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await admin.end();
    }
  };
}
