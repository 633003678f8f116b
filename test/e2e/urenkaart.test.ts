// Urenkaart import (CONTRACT §5) through the CLI: real files as Dutch Excel writes them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBureau } from '../../bench/bureau.mjs';
import { demoBureau } from '../demo.js';
import { GOB, gob, ROOT, TEST_DIALECT, tempDir, writeCsv } from '../helpers.js';

const TODAY = { GOB_TODAY: '2026-11-03' };
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'urenkaart');

function count(dir: string, where = '1'): number {
  const db = new Database(path.join(dir, 'data', 'gob.sqlite'), { readonly: true });
  const n = (db.prepare(`select coalesce(sum(json_array_length(regels)), 0) as n from urenkaart where ${where}`).get() as { n: number }).n;
  db.close();
  return n;
}

async function importJson(dir: string, file: string, args: string[] = [], env = TODAY) {
  const r = await gob(dir, ['urenkaart', 'import', file, '--json', ...args], env);
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

describe('the corpus of bad files: the right message, nothing stored', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau();
  });
  it.each([
    ['verkeerd-scheidingsteken.csv', /scheidingsteken is niet herkend/],
    ['kapotte-aanhalingstekens.csv', /regel 2: csv: een aanhalingsteken \("\) wordt geopend maar niet gesloten/],
    ['lege-regels.csv', /regel 7: tot: '1730' is geen geldige waarde/],
    ['kolom-ontbreekt.csv', /regel 1: tot: kolom ontbreekt/],
    [
      'kolommen-verwisseld.csv',
      /regel 2: gastouder: onbekende gastouder-code 'K0001' \(dat is een kind: zijn de kolommen gastouder en kind verwisseld\?\)/,
    ],
    ['tijd-25-uur.csv', /regel 2: tot: '25:00' is geen geldige waarde; toegestaan: een tijd als HH:MM/],
    ['31-april.csv', /regel 2: datum: '31-04-2026' is geen geldige waarde.*die in de kalender bestaat/],
    ['tekst-in-tijd.csv', /regel 2: van: 'acht uur' is geen geldige waarde/],
    ['bom-in-het-midden.csv', /regel 4: csv: nog een kopregel midden in het bestand/],
    ['leeg.csv', /is leeg/],
    ['alleen-kopregel.csv', /alleen een kopregel/],
  ])('%s', async (file, message) => {
    const r = await gob(dir, ['urenkaart', 'import', path.join(FIXTURES, file)], TODAY);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(1);
    expect(count(dir)).toBe(0);
  });
  it.skipIf(TEST_DIALECT === 'postgres')('a file that is not there is refused at once, also while another gob writes', async () => {
    // The import opens its file while its transaction waits for the write lock: a typo in the name
    // waited a minute and was then called 'bezet'.
    const lock = new Database(path.join(dir, 'data', 'gob.sqlite'));
    lock.exec('begin immediate');
    try {
      const r = await gob(dir, ['urenkaart', 'import', 'bestaat-niet.csv'], TODAY);
      expect(r.stderr).toMatch(/Het bestand bestaat-niet\.csv bestaat niet/);
      expect(r.code).toBe(1);
    } finally {
      lock.exec('rollback');
      lock.close();
    }
  });
  it('the good file of the corpus imports', async () => {
    const r = await importJson(dir, path.join(FIXTURES, 'goed.csv'));
    expect(r.json).toMatchObject({
      maand: '2026-10',
      rijen: 2,
      gastouders: 1,
      minuten: 570 + 240,
      teLaat: false,
      fouten: [],
      waarschuwingen: [],
    });
    expect(count(dir)).toBe(2);
  });
  it('a Windows-1252 file with €, ’ and – in an opmerking imports them as Excel wrote them', async () => {
    // The bytes 80, 92 and 96: Node 20 decodes them as control characters unless it streams.
    const file = path.join(dir, 'uren-1252.csv');
    const text =
      'gastouder;kind;datum;van;tot;opmerking\r\nG0001;K0001;06-10-2026;8:00;17:30;\u0080 2,50 parkeren, \u0092s middags \u0096 oma\r\n';
    fs.writeFileSync(file, Buffer.from(text, 'latin1'));
    const r = await importJson(dir, file);
    expect(r.json).toMatchObject({ rijen: 1, fouten: [] });
    expect(r.code).toBe(0);
    const list = await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--kind', 'K0001', '--json'], TODAY);
    expect(JSON.parse(list.stdout)).toMatchObject([{ datum: '2026-10-06', opmerking: '€ 2,50 parkeren, ’s middags – oma' }]);
  });
});

describe('every error of the contract', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau();
    // Renée's October is already in: one row for Elif (K0003) on Thursday 1 October.
    writeCsv(path.join(dir, 'renee.csv'), ['gastouder;kind;datum;van;tot', 'G0002;K0003;2026-10-01;08:00;17:00']);
    expect((await gob(dir, ['urenkaart', 'import', 'renee.csv'], TODAY)).code).toBe(0);
  });
  const errorsOf = async (lines: string[]) => {
    writeCsv(path.join(dir, 'f.csv'), ['gastouder;kind;datum;van;tot', ...lines]);
    const r = await importJson(dir, 'f.csv');
    expect(r.code).toBe(1);
    expect(count(dir)).toBe(1);
    return r.json.fouten as { regel: number; veld: string; melding: string }[];
  };
  it.each([
    ['an unknown code', ['G0001;K9999;2026-10-05;08:00;12:00'], { regel: 2, veld: 'kind', melding: "onbekende kind-code 'K9999'" }],
    [
      'no koppeling of that kind with that gastouder',
      ['G0003;K0001;2026-10-05;08:00;12:00'],
      { regel: 2, veld: 'kind', melding: 'er is geen koppeling van kind K0001 met gastouder G0003 op 2026-10-05' },
    ],
    [
      'an own child',
      ['G0001;K0008;2026-10-05;08:00;12:00'],
      { veld: 'kind', melding: 'K0008 is een eigen kind van de gastouder; eigen kinderen staan niet op de urenkaart' },
    ],
    [
      'van not before tot',
      ['G0001;K0001;2026-10-05;12:00;08:00'],
      { veld: 'tot', melding: 'de eindtijd 08:00 moet na de begintijd 12:00 liggen' },
    ],
    ['a row of another month', ['G0001;K0001;2026-10-05;08:00;12:00', 'G0001;K0001;2026-11-02;08:00;12:00'], { regel: 3, veld: 'datum' }],
    [
      'a date after today',
      ['G0001;K0001;2026-11-04;08:00;12:00'],
      { veld: 'datum', melding: '2026-11-04 ligt na vandaag (2026-11-03); uren komen pas binnen als ze gewerkt zijn' },
    ],
    [
      'an exact duplicate row',
      ['G0001;K0001;2026-10-05;08:00;12:00', 'G0001;K0001;2026-10-05;08:00;12:00'],
      { regel: 3, veld: 'csv', melding: 'precies dezelfde rij als regel 2' },
    ],
    [
      'one child in two places in the file',
      ['G0001;K0001;2026-10-05;08:00;12:00', 'G0001;K0001;2026-10-05;11:00;13:00'],
      { regel: 3, veld: 'van' },
    ],
    [
      'one child in two places across gastouders (already imported)',
      ['G0001;K0003;2026-10-01;16:00;18:00'],
      { regel: 2, veld: 'van', melding: expect.stringContaining('al bij gastouder G0002 (al geïmporteerd)') },
    ],
  ])('%s', async (_, lines, expected) => {
    const fouten = await errorsOf(lines as string[]);
    expect(fouten).toContainEqual(expect.objectContaining(expected));
  });
  it('touching slots (12:00–12:00) are not two places at once', async () => {
    writeCsv(path.join(dir, 't.csv'), ['gastouder;kind;datum;van;tot', 'G0001;K0003;2026-10-01;17:00;18:00']);
    expect((await importJson(dir, 't.csv')).code).toBe(0);
    expect(count(dir)).toBe(2);
  });
});

describe('replace, deadline, --te-laat, warnings, --strict, --dry-run', () => {
  it('the same file twice gives the same data; a new file replaces her month', async () => {
    const dir = await demoBureau();
    const file = path.join(ROOT, 'data/demo/uren-2026-10-renee.csv');
    expect((await importJson(dir, file)).code).toBe(0);
    const list = async () => (await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--json'], TODAY)).stdout;
    const first = await list();
    expect((await importJson(dir, file)).code).toBe(0);
    expect(await list()).toBe(first);
    const before = JSON.parse(first) as { gastouder: string; kind: string; minuten: number }[];
    const otherKids = [...new Set(before.filter((u) => u.gastouder === 'G0002' && u.kind !== 'K0004').map((u) => u.kind))].sort();
    expect(otherKids.length).toBeGreaterThan(0);
    writeCsv(path.join(dir, 'kort.csv'), ['gastouder;kind;datum;van;tot', 'G0002;K0004;2026-10-06;08:00;12:00']);
    // Her other children's hours go (§5 replaces her month), and the import says so by name: a
    // file of one child (list --csv --kind, edited) would otherwise drop the others silently.
    const dry = await importJson(dir, 'kort.csv', ['--dry-run']);
    expect(dry.stderr).toMatch(/die uren zouden vervallen/);
    const replaced = await importJson(dir, 'kort.csv');
    expect(replaced.code).toBe(0);
    expect(replaced.json.vervallen.map((v: { kind: string }) => v.kind)).toEqual(otherKids);
    const minutes = (kind: string) => before.filter((u) => u.gastouder === 'G0002' && u.kind === kind).reduce((t, u) => t + u.minuten, 0);
    expect(replaced.json.vervallen[0]).toEqual({ gastouder: 'G0002', kind: otherKids[0], minuten: minutes(otherKids[0]!) });
    expect(replaced.stderr).toMatch(/kind(eren)? (heeft|hebben) in 2026-10 uren bij een gastouder uit dit bestand, maar geen regels erin/);
    expect(replaced.stderr).toContain(`  G0002, ${otherKids[0]}: `);
    // Importing the whole month again names nothing.
    expect((await importJson(dir, file)).json.vervallen).toEqual([]);
    expect((await importJson(dir, 'kort.csv')).code).toBe(0);
    expect(JSON.parse(await list())).toEqual([
      { gastouder: 'G0002', kind: 'K0004', datum: '2026-10-06', van: '08:00', tot: '12:00', minuten: 240, opmerking: null, teLaat: false },
    ]);
  });

  it('after the deadline: refused naming it, unless --te-laat, which marks the rows', async () => {
    const dir = await demoBureau();
    const file = path.join(FIXTURES, 'goed.csv');
    const late = { GOB_TODAY: '2026-11-05' };
    const r = await gob(dir, ['urenkaart', 'import', file], late);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/moesten vóór 2026-11-05 binnen zijn \(deadline-dag 5\); vandaag is 2026-11-05.*--te-laat/);
    expect(count(dir)).toBe(0);
    expect((await gob(dir, ['urenkaart', 'import', file, '--te-laat'], late)).code).toBe(0);
    expect(count(dir, 'te_laat = 1')).toBe(2);
    // The bureau's own deadline day.
    expect((await gob(dir, ['bureau', 'set', '--deadline-dag', '10'], late)).code).toBe(0);
    expect((await gob(dir, ['urenkaart', 'import', file], { GOB_TODAY: '2026-11-09' })).code).toBe(0);
    expect(count(dir, 'te_laat = 1')).toBe(0);
  });

  it('a month already invoiced takes hours only with --te-laat', async () => {
    const dir = await demoBureau();
    const db = new Database(path.join(dir, 'data', 'gob.sqlite'));
    db.prepare(
      "insert into factuur (nummer, ouder, maand, datum, vervaldatum, totaal_cent, gegevens) values ('2026-00001', 'O0001', '2026-10', '2026-11-02', '2026-11-16', 0, '{}')",
    ).run();
    db.close();
    const r = await gob(dir, ['urenkaart', 'import', path.join(FIXTURES, 'goed.csv')], TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/al gefactureerd \(factuur 2026-00001/);
    expect((await gob(dir, ['urenkaart', 'import', path.join(FIXTURES, 'goed.csv'), '--te-laat'], TODAY)).code).toBe(0);
    expect(count(dir, 'te_laat = 1')).toBe(2);
  });

  it('the 230 hours count the hours of a child at every gastouder', async () => {
    const dir = await demoBureau();
    // Elif (K0003) has mornings at Anna (G0001) and afternoons at Renée (G0002): 120 + 120 hours.
    const days = Array.from({ length: 20 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    writeCsv(path.join(dir, 'anna.csv'), ['gastouder;kind;datum;van;tot', ...days.map((d) => `G0001;K0003;${d};07:00;13:00`)]);
    writeCsv(path.join(dir, 'renee.csv'), ['gastouder;kind;datum;van;tot', ...days.map((d) => `G0002;K0003;${d};13:00;19:00`)]);
    const uur230 = (r: Awaited<ReturnType<typeof importJson>>) =>
      r.json.waarschuwingen.filter((w: { regel: string }) => w.regel === '230-uur');
    expect(uur230(await importJson(dir, 'anna.csv'))).toEqual([]);
    expect(uur230(await importJson(dir, 'renee.csv'))).toEqual([
      expect.objectContaining({ gastouder: 'G0002', kind: 'K0003', datum: '2026-10-20', melding: expect.stringContaining('240:00 uur') }),
    ]);
  });

  it('warnings (§4 on the actual hours, above 230 hours) are stored anyway; --strict refuses', async () => {
    const dir = await demoBureau();
    const lines = ['gastouder;kind;datum;van;tot'];
    for (let d = 1; d <= 31; d++) lines.push(`G0003;K0006;2026-10-${String(d).padStart(2, '0')};06:00;14:00`);
    writeCsv(path.join(dir, 'veel.csv'), lines);
    const strict = await importJson(dir, 'veel.csv', ['--strict']);
    expect(strict.code).toBe(1);
    expect(count(dir)).toBe(0);
    expect(strict.json.waarschuwingen).toEqual([
      expect.objectContaining({
        regel: '230-uur',
        gastouder: 'G0003',
        kind: 'K0006',
        datum: '2026-10-29',
        melding: expect.stringContaining('248:00 uur'),
      }),
    ]);
    const r = await importJson(dir, 'veel.csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 waarschuwing/);
    expect(count(dir)).toBe(31);
    // Renée's Thursdays: four children and no achterwacht.
    const renee = await importJson(dir, path.join(ROOT, 'data/demo/uren-2026-10-renee.csv'));
    expect(renee.json.waarschuwingen).toHaveLength(5);
    expect(renee.json.waarschuwingen[0]).toMatchObject({
      regel: 'achterwacht',
      gastouder: 'G0002',
      datum: '2026-10-01',
      van: '08:00',
      tot: '13:00',
      kinderen: ['K0003', 'K0004', 'K0005', 'K0007'],
    });
  });

  it('--dry-run validates and stores nothing', async () => {
    const dir = await demoBureau();
    const r = await importJson(dir, path.join(FIXTURES, 'goed.csv'), ['--dry-run']);
    expect(r.json).toMatchObject({ rijen: 2, dryRun: true });
    expect(count(dir)).toBe(0);
  });

  it('--maand fixes the month; a row of another month is then an error', async () => {
    const dir = await demoBureau();
    const r = await importJson(dir, path.join(FIXTURES, 'goed.csv'), ['--maand', '09-2026', '--te-laat']);
    expect(r.code).toBe(1);
    expect(r.json.fouten[0]).toMatchObject({
      regel: 2,
      veld: 'datum',
      melding: expect.stringContaining('hoort niet bij de maand 2026-09'),
    });
  });
});

describe('a killed import leaves the database as it was', () => {
  it('SIGKILL halfway, and at moments up to the commit: never half an import', async () => {
    const dir = tempDir();
    const { slots } = buildBureau(dir, { gastouders: 1000 });
    const lines = ['gastouder;kind;datum;van;tot'];
    for (let day = 1; day <= 30; day++) {
      const datum = `2026-10-${String(day).padStart(2, '0')}`;
      const dag = ['wo', 'do', 'vr', 'za', 'zo', 'ma', 'di'][(day - 1) % 7];
      for (const s of slots) if (s.dag === dag) lines.push(`${s.gastouder};${s.kind};${datum};${s.van};${s.tot}`);
    }
    const all = lines.length - 1;
    fs.writeFileSync(path.join(dir, 'groot.csv'), lines.join('\n'));
    // A first, smaller file is in and must survive untouched.
    fs.writeFileSync(path.join(dir, 'klein.csv'), lines.slice(0, 1001).join('\n'));
    expect((await gob(dir, ['urenkaart', 'import', 'klein.csv'], TODAY)).code).toBe(0);
    const file = path.join(dir, 'data', 'gob.sqlite');
    const saved = path.join(dir, 'saved.sqlite');
    fs.copyFileSync(file, saved);
    const restore = () => {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      fs.copyFileSync(saved, file);
    };
    const run = (killAfterMs?: number) =>
      new Promise<{ ms: number; signal: NodeJS.Signals | null }>((resolve) => {
        const started = Date.now();
        const child = spawn(process.execPath, [GOB, 'urenkaart', 'import', 'groot.csv'], {
          cwd: dir,
          env: { ...process.env, ...TODAY },
          stdio: 'ignore',
        });
        const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        child.on('exit', (_, signal) => {
          clearTimeout(timer);
          resolve({ ms: Date.now() - started, signal });
        });
      });
    const full = await run();
    expect(count(dir)).toBe(all);
    for (const fraction of [0.5, 0.75, 0.9, 0.97]) {
      restore();
      const { signal } = await run(Math.round(full.ms * fraction));
      const n = count(dir);
      // Killed: all of the old month or, if it got past the commit, all of the new; never a part.
      expect([1000, all]).toContain(n);
      if (fraction === 0.5) {
        expect(signal).toBe('SIGKILL');
        expect(n).toBe(1000);
      }
      const db = new Database(file);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    // And the same import, run to the end after a kill, works.
    restore();
    await run(Math.round(full.ms * 0.5));
    expect((await gob(dir, ['urenkaart', 'import', 'groot.csv'], TODAY)).code).toBe(0);
    expect(count(dir)).toBe(all);
  });
});

describe('urenkaart list --csv and --xlsx: the columns of import, a month goes round', () => {
  // Opmerkingen a spreadsheet would run as a formula, and one that needs quotes: they must come back as typed.
  const OPMERKINGEN = ['=SOM(A1:A2)', '+31 6 12345678 gebeld', '-1 uur: ziek', '@Anna: "laat" opgehaald; ok'];
  let dir: string;
  let listed: unknown;
  beforeAll(async () => {
    dir = await demoBureau();
    const anna = fs.readFileSync(path.join(ROOT, 'data/demo/uren-2026-10-anna.csv'), 'latin1').trimEnd().split('\r\n');
    // A night that runs to midnight: 24:00 must survive the time cell of the sheet as well.
    const lines = [...anna, 'G0001;K0002;30-10-2026;18:00;24:00;'];
    OPMERKINGEN.forEach((opmerking, i) => {
      lines[i + 1] = `${lines[i + 1]!.replace(/;[^;]*$/, ';')}"${opmerking.replaceAll('"', '""')}"`;
    });
    writeCsv(path.join(dir, 'anna.csv'), lines);
    for (const file of [
      'anna.csv',
      path.join(ROOT, 'data/demo/uren-2026-10-renee.csv'),
      path.join(ROOT, 'data/demo/uren-2026-10-ingrid.csv'),
    ]) {
      const r = await importJson(dir, file);
      expect(r.code, r.stderr).toBe(0);
    }
    listed = JSON.parse((await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--json'], TODAY)).stdout);
  });

  it('--csv prints the import columns, formula-like opmerkingen inert; imported into the bureau without that month it lists the same', async () => {
    const csv = await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--csv'], TODAY);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('gastouder;kind;datum;van;tot;opmerking');
    expect(lines).toContain("G0001;K0002;2026-10-01;12:00;18:00;'=SOM(A1:A2)");
    expect(lines).toContain("G0001;K0001;2026-10-05;08:00;17:30;'+31 6 12345678 gebeld");
    expect(lines).toContain('G0001;K0001;2026-10-06;08:00;17:30;"\'@Anna: ""laat"" opgehaald; ok"');
    expect(lines).toContain('G0001;K0002;2026-10-30;18:00;24:00;');
    expect(lines.length - 2).toBe((listed as unknown[]).length);
    fs.writeFileSync(path.join(dir, 'terug.csv'), csv.stdout);

    const fresh = await demoBureau();
    const r = await importJson(fresh, path.join(dir, 'terug.csv'));
    expect(r.code, r.stderr).toBe(0);
    const again = JSON.parse((await gob(fresh, ['urenkaart', 'list', '--maand', '2026-10', '--json'], TODAY)).stdout);
    expect(again).toEqual(listed);
    expect((again as { opmerking: string | null }[]).map((u) => u.opmerking).filter(Boolean)).toEqual(expect.arrayContaining(OPMERKINGEN));

    // The filters apply to the CSV as to the table.
    const alleenRenee = await gob(
      dir,
      ['urenkaart', 'list', '--maand', '2026-10', '--gastouder', 'G0002', '--kind', 'K0004', '--csv'],
      TODAY,
    );
    const rows = alleenRenee.stdout.trimEnd().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.startsWith('G0002;K0004;2026-10-'))).toBe(true);
  });

  it('--xlsx writes sheet urenkaart with date and time cells; imported into the bureau without that month it lists the same; no overwrite without --force', async () => {
    const r = await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--xlsx', 'uren.xlsx'], TODAY);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(dir, 'uren.xlsx');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('urenkaart')!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(['gastouder', 'kind', 'datum', 'van', 'tot', 'opmerking']);
    // The rows in the order of the list: gastouder, kind, datum, van.
    const som = ws.getRow(2 + (listed as { kind: string }[]).findIndex((u) => u.kind === 'K0002'));
    expect(som.getCell(1).value).toBe('G0001');
    expect(som.getCell(2).value).toBe('K0002');
    expect(som.getCell(3).value).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(som.getCell(3).numFmt).toBe('dd-mm-yyyy');
    expect(som.getCell(4).value).toEqual(new Date(Date.UTC(1899, 11, 30, 12, 0)));
    expect(som.getCell(4).numFmt).toBe('[hh]:mm');
    // Text, not a formula: a sheet cell needs no apostrophe to stay inert.
    expect(som.getCell(6).value).toBe('=SOM(A1:A2)');
    expect(ws.actualRowCount - 1).toBe((listed as unknown[]).length);

    const fresh = await demoBureau();
    const imported = await importJson(fresh, file);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse((await gob(fresh, ['urenkaart', 'list', '--maand', '2026-10', '--json'], TODAY)).stdout)).toEqual(listed);

    const before = fs.readFileSync(file);
    const again = await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--xlsx', 'uren.xlsx'], TODAY);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/uren\.xlsx bestaat al.*--force/);
    expect(fs.readFileSync(file)).toEqual(before);
    const forced = await gob(
      dir,
      ['urenkaart', 'list', '--maand', '2026-10', '--kind', 'K0006', '--xlsx', 'uren.xlsx', '--force', '--json'],
      TODAY,
    );
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ blad: 'urenkaart', rijen: 8 });
    expect((await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--csv', '--xlsx', 'x.xlsx'], TODAY)).code).toBe(2);
  });
});
