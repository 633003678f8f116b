// The PostgreSQL project's runner: without a server (GOB_TEST_PG unset) every test of the project is
// skipped at collection, so that the summary counts them ("N skipped") instead of leaving them out,
// and no fixture (beforeAll) is built for nothing. With GOB_TEST_PG_NODIG=1 the global setup fails
// the run before this is reached.
import { TestRunner } from 'vitest';

/** Matches no name: vitest marks every test that does not match its name pattern as skipped. */
const NOTHING = /(?!)/;

export default class PostgresTestRunner extends TestRunner {
  constructor(config: ConstructorParameters<typeof TestRunner>[0]) {
    super(config);
    if (!process.env.GOB_TEST_PG) this.config.testNamePattern = NOTHING;
  }
}
