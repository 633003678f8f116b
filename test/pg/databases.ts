// Test databases on the PostgreSQL server of GOB_TEST_PG: one fresh database per fixture, named
// after this run (the global setup's prefix) so that its teardown drops exactly these.
import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';

declare module 'vitest' {
  interface ProvidedContext {
    /** The server and this run's database name prefix; null when PostgreSQL tests are skipped. */
    gobTestPg: { url: string; prefix: string } | null;
  }
}

/** The URL of `database` on the server of `serverUrl` (user, password, host, port and options kept). */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function server(): { url: string; prefix: string } {
  const pg = inject('gobTestPg');
  if (!pg) throw new Error('GOB_TEST_PG is niet gezet: deze test hoort in het PostgreSQL-project');
  return pg;
}

let counter = 0;
function newName(): string {
  counter += 1;
  return `${server().prefix}_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

/** `create database` with `template` (a database name) or PostgreSQL's empty default. */
function createSql(name: string, template?: string): string {
  return `create database "${name}"${template ? ` template "${template}"` : ''}`;
}

/** A new, empty database (or a copy of `template`); returns its URL. */
export async function createTestDatabase(template?: string): Promise<string> {
  const { url } = server();
  const name = newName();
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(createSql(name, template));
  } finally {
    await client.end();
  }
  return databaseUrl(url, name);
}

/** The same, for callers that cannot wait (gobProcess): a short node process does it. */
export function createTestDatabaseSync(template?: string): string {
  const { url } = server();
  const name = newName();
  const script = `
    const pg = require('pg');
    const client = new pg.Client({ connectionString: process.env.URL });
    client.connect().then(() => client.query(process.env.SQL)).then(() => client.end()).catch((e) => { console.error(e.message); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, URL: url, SQL: createSql(name, template) },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`create database ${name}: ${r.stderr}`);
  return databaseUrl(url, name);
}
