import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests that run a second time on PostgreSQL (CONTRACT §11): the PostgreSQL tests themselves
 * and end-to-end files whose commands hold on both databases. Files that read the SQLite file
 * itself (its mode, WAL, a raw handle, an old gob's SQLite schema) stay SQLite-only:
 * test/db/storage.test.ts and test/db/bankbestand.test.ts have their PostgreSQL counterparts in
 * test/db/postgres.test.ts.
 */
const POSTGRES_ONLY = ['test/db/postgres*.test.ts', 'test/e2e/postgres*.test.ts'];
/**
 * End-to-end files that run unchanged on PostgreSQL too (gob() gives each folder its own database),
 * beyond the demo month of test/e2e/postgres-demo.test.ts (which also runs the checks before
 * invoicing): the year (COPY of jaaropgaven, the year's JSON per ouder) and the retention term with
 * the server's own immutability triggers. Others pass on PostgreSQL as well (afgesproken, coouders,
 * kas, opzegtermijn, rules, voor-facturering, contract, contract-ouder, jaaropgave-pdf,
 * huisgenoot-bezoek) but are left out to keep the whole suite under 90 s on two cores: the demo
 * month already runs their queries.
 * Files that read or break the SQLite file itself (fouten, register, urenkaart, sepa, cli, factuur,
 * kas-correcties, kwaliteit, toeslag, tour, sepa-kill, backup) stay SQLite-only.
 */
const ALSO_ON_POSTGRES = ['test/e2e/jaaropgave.test.ts', 'test/e2e/privacy.test.ts'];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Many tests wait
    // on a tool (pdftotext, xmllint, qpdf), a gob process or the PostgreSQL server, so one worker
    // more than the cores keeps both busy (2 cores: 78 s with two workers, 66–70 s with three).
    maxWorkers: os.availableParallelism() + 1,
    // A test file's modules are not loaded afresh for it: loading them (the built bundle, kysely,
    // pdfkit) per file was a third of the run (67 → 47–53 s). No test mocks a module or patches a
    // global; each project (SQLite, PostgreSQL) still has its own workers and environment.
    isolate: false,
    // Tests run the built bundle (dist/) in process: load it as Node does, untransformed.
    server: { deps: { external: [/\/dist\//] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...POSTGRES_ONLY] },
      },
      {
        // On the server of GOB_TEST_PG (a fresh database per fixture, dropped at the end). Without
        // it these tests are skipped and counted as skipped; with GOB_TEST_PG_NODIG=1 (CI) the run fails.
        extends: true,
        test: {
          name: 'postgres',
          include: [...POSTGRES_ONLY, ...ALSO_ON_POSTGRES],
          env: { GOB_TEST_DIALECT: 'postgres' },
          globalSetup: ['test/pg/global-setup.ts'],
          runner: './test/pg/runner.ts',
        },
      },
    ],
  },
});
