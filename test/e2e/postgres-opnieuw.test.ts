// A serialization failure or deadlock (on PostgreSQL only other programs writing into the database
// can cause one) runs a command's transaction again. An import starts over from its file then
// (src/db/open.ts, rerunning): the first attempt has read the file's rows, and its counts are of a
// transaction that was rolled back. Before, a second attempt of `gastouder import` found the rows
// used up, stored nothing and still said "1 gewijzigd"; `urenkaart import` of a quoted CSV said
// the file had only a header. A trigger makes the first write fail with 40001 here.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau } from '../demo.js';
import { gob, projectDatabase, writeCsv } from '../helpers.js';

describe('an import after a serialization failure starts over from its file', () => {
  let dir: string;
  let client: import('pg').Client;
  beforeAll(async () => {
    dir = await demoBureau();
    const { default: pg } = await import('pg');
    client = new pg.Client({ connectionString: await projectDatabase(dir) });
    await client.connect();
    // A sequence is not rolled back: the first write into the table fails, every later one passes.
    await client.query(`create function gob_test_eenmaal() returns trigger language plpgsql as $$
      begin
        if nextval(tg_argv[0]::regclass) = 1 then raise exception 'test: serialisatie' using errcode = '40001'; end if;
        return new;
      end $$`);
    for (const table of ['gastouder', 'urenkaart']) {
      await client.query(`create sequence gob_test_${table}`);
      await client.query(
        `create trigger gob_test_${table} before insert or update on ${table} for each row execute function gob_test_eenmaal('gob_test_${table}')`,
      );
    }
  });
  afterAll(async () => {
    await client?.end();
  });
  const failures = async (table: string) =>
    Number((await client.query(`select last_value from gob_test_${table}`)).rows[0].last_value) >= 2;

  it('gastouder import: the change is stored, and said once', async () => {
    const csv = await gob(dir, ['gastouder', 'list', '--csv'], DEMO_TODAY);
    const file = path.join(dir, 'gastouders.csv');
    writeCsv(
      file,
      csv.stdout
        .trimEnd()
        .split('\r\n')
        .map((line, i) => (i === 1 ? line.replace(/;Ede;|;Utrecht;|;Arnhem;/, ';Zwolle;') : line)),
      'utf-8',
    );
    const r = await gob(dir, ['gastouder', 'import', file], DEMO_TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/Geïmporteerd/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/0 nieuw, 1 gewijzigd/);
    expect(await failures('gastouder')).toBe(true);
    const first = csv.stdout.split('\r\n')[1]!.split(';')[0]!;
    expect((await gob(dir, ['gastouder', 'show', first, '--json'], DEMO_TODAY)).stdout).toContain('"Zwolle"');
  });

  it('urenkaart import of a quoted CSV: its rows are read again and stored', async () => {
    const file = writeCsv(path.join(dir, 'uren.csv'), [
      'gastouder;kind;datum;van;tot;opmerking',
      'G0002;K0004;2026-10-06;08:00;12:00;"ziek; eerder opgehaald"',
    ]);
    const r = await gob(dir, ['urenkaart', 'import', file, '--json'], DEMO_TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rijen: 1, minuten: 240 });
    expect(await failures('urenkaart')).toBe(true);
    const list = JSON.parse(
      (await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--gastouder', 'G0002', '--json'], DEMO_TODAY)).stdout,
    );
    expect(list).toEqual([expect.objectContaining({ kind: 'K0004', datum: '2026-10-06', opmerking: 'ziek; eerder opgehaald' })]);
  });
});
