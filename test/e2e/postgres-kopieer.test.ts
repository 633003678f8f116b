// `gob db kopieer` between PostgreSQL and SQLite, both ways (CONTRACT §11): the copy shows every
// invoice exactly as the original does, and a target that is not empty is refused. The demo bureau
// is built on PostgreSQL here (this file runs in the project 'postgres'); between SQLite files it is
// in kopieer.test.ts.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau, everyInvoice } from '../demo.js';
import { gob, projectDatabase } from '../helpers.js';
import { createTestDatabase } from '../pg/databases.js';

describe('gob db kopieer between PostgreSQL and SQLite', () => {
  let dir: string;
  let source: string;
  let original: string[];
  beforeAll(async () => {
    dir = await demoBureau({ facturen: true });
    source = await projectDatabase(dir);
    original = await everyInvoice(dir, source);
  });

  it('PostgreSQL into a new SQLite file, and that into an empty PostgreSQL database: every invoice shows the same', async () => {
    const file = path.join(dir, 'kopie.sqlite');
    const toSqlite = await gob(dir, ['--db', source, 'db', 'kopieer', '--naar', file], DEMO_TODAY);
    expect(toSqlite.code, toSqlite.stderr).toBe(0);
    expect(await everyInvoice(dir, file)).toEqual(original);

    const target = await createTestDatabase();
    const toPostgres = await gob(dir, ['--db', file, 'db', 'kopieer', '--naar', target], DEMO_TODAY);
    expect(toPostgres.code, toPostgres.stderr).toBe(0);
    expect(await everyInvoice(dir, target)).toEqual(original);
    // The log and the registry came along too, and the new database takes new work.
    const added = await gob(
      dir,
      ['--db', target, 'gastouder', 'add', '--naam', 'Nieuw', '--geboortedatum', '1980-01-01', '--json'],
      DEMO_TODAY,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).code).toBe('G0004');
  });

  it('refuses a PostgreSQL database that is not empty, and changes nothing in it', async () => {
    const target = await createTestDatabase();
    expect((await gob(dir, ['--db', target, 'init', '--naam', 'Ander bureau'])).code).toBe(0);
    expect((await gob(dir, ['--db', target, 'gastouder', 'add', '--naam', 'Eigen', '--geboortedatum', '1980-01-01'])).code).toBe(0);
    // From SQLite: a copy between two PostgreSQL databases is pg_dump's work, not gob's.
    const from = path.join(dir, 'bron.sqlite');
    expect((await gob(dir, ['--db', from, 'init', '--naam', 'Bron'])).code).toBe(0);
    const r = await gob(dir, ['--db', from, 'db', 'kopieer', '--naar', target], DEMO_TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/niet leeg.*Er is niets gewijzigd/);
    const list = await gob(dir, ['--db', target, 'gastouder', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { naam: string }[]).map((g) => g.naam)).toEqual(['Eigen']);
  });
});
