// `gob db kopieer` (CONTRACT §11): a whole database into a new or empty one, all or nothing; the
// copy shows every invoice exactly as the original does. Between SQLite files here; the
// PostgreSQL round trip is in test/e2e/postgres-kopieer.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COPY_TABLES, schemaTables } from '../../src/db/copy.js';
import { DEMO_TODAY, demoBureau, everyInvoice } from '../demo.js';
import { gob, gobProcess, testDeps } from '../helpers.js';

describe('gob db kopieer between SQLite files', () => {
  let dir: string;
  let original: string[];
  beforeAll(async () => {
    dir = await demoBureau({ facturen: true });
    original = await everyInvoice(dir, 'data/gob.sqlite');
  });

  it('copies every table to a new file; every invoice shows the same; a second copy onto it is refused', async () => {
    const r = await gob(dir, ['db', 'kopieer', '--naar', 'kopie.sqlite'], DEMO_TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Gekopieerd van data\/gob.sqlite naar kopie.sqlite: \d+ rijen in \d+ tabellen \(\d+ facturen\)/);
    expect(fs.statSync(path.join(dir, 'kopie.sqlite')).mode & 0o777).toBe(0o600);
    expect(await everyInvoice(dir, 'kopie.sqlite')).toEqual(original);
    const log = await gob(dir, ['--db', 'kopie.sqlite', 'log', '--json'], DEMO_TODAY);
    expect(log.stdout).toContain('kopie van data/gob.sqlite');

    const again = await gob(dir, ['db', 'kopieer', '--naar', 'kopie.sqlite'], DEMO_TODAY);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/niet leeg.*Er is niets gewijzigd/);
    expect(await everyInvoice(dir, 'kopie.sqlite')).toEqual(original);
  });

  it('refuses a file that is not a gob database, and the database itself', async () => {
    fs.writeFileSync(path.join(dir, 'iets.txt'), 'hallo');
    const r = await gob(dir, ['db', 'kopieer', '--naar', 'iets.txt'], DEMO_TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('geen lege gob-database');
    expect(fs.readFileSync(path.join(dir, 'iets.txt'), 'utf8')).toBe('hallo');
    const self = await gob(dir, ['db', 'kopieer', '--naar', 'data/gob.sqlite'], DEMO_TODAY);
    expect(self.code).toBe(2);
    // commander's own "required option … not specified", said in Dutch.
    const zonder = await gob(dir, ['db', 'kopieer'], DEMO_TODAY);
    expect(zonder.code).toBe(2);
    expect(zonder.stderr).toBe('Ontbrekende verplichte optie: --naar.\n');
  });

  it('a kill before the commit leaves an empty database, and the copy run again completes', async () => {
    const killed = gobProcess(dir, ['db', 'kopieer', '--naar', 'half.sqlite'], { ...DEMO_TODAY, GOB_TEST_STOP_AT: 'kopieer-voor-commit' });
    expect(killed.code).not.toBe(0);
    const empty = await gob(dir, ['--db', 'half.sqlite', 'factuur', 'list', '--json'], DEMO_TODAY);
    expect(JSON.parse(empty.stdout)).toEqual([]);
    const again = await gob(dir, ['db', 'kopieer', '--naar', 'half.sqlite'], DEMO_TODAY);
    expect(again.code, again.stderr).toBe(0);
    expect(await everyInvoice(dir, 'half.sqlite')).toEqual(original);
  });
});

describe('the copy list', () => {
  it('names every table of the schema, once', async () => {
    const deps = await testDeps();
    try {
      const names = COPY_TABLES.map((t) => t.name as string);
      expect(new Set(names).size).toBe(names.length);
      expect([...names].sort()).toEqual((await schemaTables(deps.db)).sort());
    } finally {
      await deps.close();
    }
  });
});
