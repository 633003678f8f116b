// A serialization failure or deadlock (on PostgreSQL only other programs writing into the database
// can cause one) runs a command's transaction again. An import starts over from its file then
// (src/db/open.ts, rerunning): the first attempt has read the file's rows, and its counts are of a
// transaction that was rolled back. Before, a second attempt of `gastouder import` found the rows
// used up, stored nothing and still said "1 gewijzigd"; `urenkaart import` of a quoted CSV said
// the file had only a header. Other commands run their function again with nothing of the first
// attempt kept (its lists emptied, what it says shown after the commit: src/commands/say-after-commit.ts).
// A trigger makes the first write (or the commit) fail with 40001 here.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau } from '../demo.js';
import { gob, projectDatabase, writeCsv } from '../helpers.js';

describe('a command after a serialization failure: imports start over from their file, runs count once', () => {
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
  /** The next write into `table` fails once with 40001, as the first import's did. */
  const failOnce = async (table: string) => {
    await client.query(`create sequence gob_test_${table}`);
    await client.query(
      `create trigger gob_test_${table} before insert or update on ${table} for each row execute function gob_test_eenmaal('gob_test_${table}')`,
    );
  };
  const json = async (args: string[]) => {
    const r = await gob(dir, [...args, '--json'], DEMO_TODAY);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return JSON.parse(r.stdout);
  };
  const logLines = async (text: string) =>
    ((await json(['log', '--limit', '50'])) as { wijziging: string }[]).filter((l) => l.wijziging.includes(text));

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

  // The commands below ran their transaction's function again with what the first attempt had
  // collected still in their lists: factuur run numbered and stored the first attempt's invoices
  // a second time, jaaropgave run and uitbetaling run logged and returned twice what they made.
  // They build on the urenkaart imported above (October of G0002).
  it('factuur run: each invoice once, with its own number', async () => {
    await failOnce('factuur');
    const run = await json(['factuur', 'run', '--maand', '2026-10']);
    expect(await failures('factuur')).toBe(true);
    const nummers = (run.facturen as { nummer: string }[]).map((f) => f.nummer);
    expect(nummers.length).toBeGreaterThan(0);
    expect(new Set(nummers).size).toBe(nummers.length);
    expect(new Set((run.facturen as { ouder: string }[]).map((f) => f.ouder)).size).toBe(nummers.length);
    expect(new Set(run.waarschuwingen).size).toBe(run.waarschuwingen.length);
    const stored = ((await json(['factuur', 'list'])) as { nummer: string }[]).map((f) => f.nummer);
    expect(stored.sort()).toEqual([...nummers].sort());
    expect(await logLines(`facturen 2026-10: ${nummers.length} gemaakt`)).toHaveLength(1);
  });

  it('rooster import: its warnings are said once, after the commit', async () => {
    // October is invoiced now (above): a changed rooster keeps it, which the import warns about;
    // the demo's rooster breaks a rule, stored with --force and a warning. Both were printed inside
    // the transaction, so an attempt that failed after them (here at its log line) had said them too.
    const csv = (await gob(dir, ['rooster', 'list', '--csv'], DEMO_TODAY)).stdout.trimEnd().split('\r\n');
    const header = csv[0]!.split(';');
    const row = csv.slice(1).find((line) => line.split(';')[header.indexOf('koppeling')] !== '')!;
    const koppeling = row.split(';')[header.indexOf('koppeling')]!;
    const tot = header.indexOf('tot');
    const changed = row
      .split(';')
      .map((cell, i) => (i === tot ? (cell === '17:00' ? '16:30' : '17:00') : cell))
      .join(';');
    const file = writeCsv(path.join(dir, 'rooster.csv'), [csv[0]!, ...csv.slice(1).map((line) => (line === row ? changed : line))]);
    await failOnce('log');
    const r = await gob(dir, ['rooster', 'import', file, '--force'], DEMO_TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(await failures('log')).toBe(true);
    expect(r.stderr.match(/Let op: opgeslagen met --force/g)).toHaveLength(1);
    expect(r.stderr.match(new RegExp(`Let op: het gewijzigde rooster van koppeling ${koppeling} `, 'g'))).toHaveLength(1);
    expect(r.stdout.match(/Geïmporteerd/g)).toHaveLength(1);
  });

  it('uitbetaling run: each payout once, and the log counts them once', async () => {
    const [f] = (await json(['factuur', 'list'])) as { ouder: string; totaalCent: number }[];
    const bedrag = `${Math.floor(f!.totaalCent / 100)},${String(f!.totaalCent % 100).padStart(2, '0')}`;
    await json(['betaling', 'add', '--ouder', f!.ouder, '--bedrag', bedrag, '--datum', '2026-11-03']);
    await failOnce('uitbetaling');
    const run = await json(['uitbetaling', 'run']);
    expect(await failures('uitbetaling')).toBe(true);
    const nummers = (run.uitbetalingen as { nummer: string }[]).map((u) => u.nummer);
    expect(nummers.length).toBeGreaterThan(0);
    expect(new Set(nummers).size).toBe(nummers.length);
    expect(((await json(['uitbetaling', 'list'])) as { nummer: string }[]).map((u) => u.nummer).sort()).toEqual([...nummers].sort());
    expect(await logLines(`uitbetalingen op 2026-11-03: ${nummers.length},`)).toHaveLength(1);
  });

  it('jaaropgave run: each jaaropgave once, and the log counts them once', async () => {
    await failOnce('jaaropgave');
    const run = await json(['jaaropgave', 'run', '--jaar', '2026']);
    expect(await failures('jaaropgave')).toBe(true);
    const ouders = (run.gemaakt as { ouder: string }[]).map((j) => j.ouder);
    expect(ouders.length).toBeGreaterThan(0);
    expect(new Set(ouders).size).toBe(ouders.length);
    expect(((await json(['jaaropgave', 'list', '--jaar', '2026'])) as unknown[]).length).toBe(ouders.length);
    expect(await logLines(`jaaropgaven 2026: ${ouders.length} nieuw,`)).toHaveLength(1);
  });

  it('sepa incasso: a warning is said once', async () => {
    // Two more ouders with an open invoice: O0001's mandate is taken away (not collected, one
    // warning), O0002 is collected, and that write fails once.
    const file = writeCsv(path.join(dir, 'uren-g1.csv'), [
      'gastouder;kind;datum;van;tot',
      'G0001;K0001;2026-10-06;08:00;12:00',
      'G0001;K0003;2026-10-06;08:00;12:00',
    ]);
    await json(['urenkaart', 'import', file, '--te-laat']);
    const run = await json(['factuur', 'run', '--maand', '2026-10']);
    expect((run.facturen as { ouder: string }[]).map((f) => f.ouder)).toEqual(['O0001', 'O0002']);
    const ouder = 'O0001';
    await json(['ouder', 'edit', ouder, '--mandaat', '', '--mandaat-datum', '']);
    await failOnce('betaling');
    await failOnce('bankbestand');
    const r = await gob(
      dir,
      ['sepa', 'incasso', '--incassodatum', '2026-11-04', '--out', path.join(dir, 'incasso.xml'), '--json'],
      DEMO_TODAY,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(new RegExp(`Let op: ouder ${ouder} `, 'g')) ?? []).toHaveLength(1);
    expect(await failures('betaling')).toBe(true);
  });

  it('betaling add: what it booked is said once, after the commit', async () => {
    // Failing at the commit (a deferred trigger), after everything was said: the attempt's words
    // were printed, then it ran again and printed them again.
    await client.query('create sequence gob_test_commit');
    await client.query(`create constraint trigger gob_test_commit after insert on betaling deferrable initially deferred
      for each row execute function gob_test_eenmaal('gob_test_commit')`);
    const r = await gob(dir, ['betaling', 'add', '--ouder', 'O0001', '--bedrag', '10,00', '--datum', '2026-11-03'], DEMO_TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/geboekt/g)).toHaveLength(1);
    expect(Number((await client.query('select last_value from gob_test_commit')).rows[0].last_value)).toBeGreaterThanOrEqual(2);
    expect(await logLines('van O0001: € 10,00 op 2026-11-03')).toHaveLength(1);
  });
});
