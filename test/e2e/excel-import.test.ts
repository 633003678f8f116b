// .xlsx wherever an import takes CSV (CONTRACT §12), through the CLI: real date and time cells and
// text cells, the same row errors as CSV with the sheet's row numbers, all or nothing, and every
// bad workbook refused in Dutch, naming the sheet and row.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBureau } from '../demo.js';
import { gob, ROOT, writeCsv } from '../helpers.js';
import { date, time, writeXlsx } from '../xlsx.js';

const TODAY = { GOB_TODAY: '2026-11-03' };
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'excel');
const HEADER = ['gastouder', 'kind', 'datum', 'van', 'tot', 'opmerking'];

function urenRows(dir: string): { gastouder: string; regels: string }[] {
  const db = new Database(path.join(dir, 'data', 'gob.sqlite'), { readonly: true });
  const rows = db.prepare('select gastouder, regels from urenkaart order by gastouder').all() as { gastouder: string; regels: string }[];
  db.close();
  return rows;
}
const count = (dir: string) => urenRows(dir).reduce((n, r) => n + (JSON.parse(r.regels) as unknown[]).length, 0);

async function importUren(dir: string, file: string, args: string[] = []) {
  const r = await gob(dir, ['urenkaart', 'import', file, ...args], TODAY);
  return { ...r, json: args.includes('--json') && r.stdout ? JSON.parse(r.stdout) : undefined };
}

describe('urenkaart import from .xlsx', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau();
  });

  it('a workbook LibreOffice made from a CSV (kept in test/fixtures/excel) imports as that CSV does', async () => {
    const r = await importUren(dir, path.join(FIXTURES, 'libreoffice.xlsx'), ['--json', '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.json).toMatchObject({ maand: '2026-10', rijen: 2, gastouders: 1, minuten: 570 + 240, fouten: [] });
    const csv = await importUren(dir, path.join(FIXTURES, 'libreoffice.csv'), ['--json', '--dry-run']);
    expect(csv.json).toEqual(r.json);
    expect(count(dir)).toBe(0);
  });

  it('date and time cells and text cells (08:00:00 too), the sheet named urenkaart chosen over the first; stored with the opmerking', async () => {
    const file = await writeXlsx(path.join(dir, 'gemengd.xlsx'), {
      uitleg: [['Vul het blad urenkaart in.']],
      urenkaart: [
        ['Gastoudercode', 'Kind code', 'Datum', 'Begintijd', 'Eindtijd', 'Opmerking'],
        ['G0001', 'K0001', date('2026-10-06'), time('08:00'), time('17:30')],
        [],
        ['G0001', 'K0002', '07-10-2026', '08:00:00', '12:00', 'ziek opgehaald'],
      ],
    });
    const r = await importUren(dir, file, ['--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ maand: '2026-10', rijen: 2, minuten: 570 + 240, fouten: [] });
    expect(JSON.stringify(urenRows(dir))).toContain('ziek opgehaald');
    expect(count(dir)).toBe(2);
  });

  it('a named file without the .xlsx name is still read as a workbook (by content)', async () => {
    const file = path.join(dir, 'bijlage.dat');
    fs.copyFileSync(path.join(FIXTURES, 'libreoffice.xlsx'), file);
    const r = await importUren(dir, file, ['--json', '--dry-run']);
    expect(r.json).toMatchObject({ rijen: 2, fouten: [] });
  });

  it('row errors as in CSV, with the row numbers of the sheet (empty rows counted, not read), all or nothing', async () => {
    const before = count(dir);
    const file = await writeXlsx(path.join(dir, 'fout.xlsx'), {
      urenkaart: [
        HEADER,
        ['G0001', 'K0001', date('2026-10-08'), time('08:00'), time('12:00')],
        [],
        [],
        ['G0001', 'K0099', date('2026-10-08'), time('08:00'), '25:00'],
      ],
    });
    const r = await importUren(dir, file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("De import is geweigerd: 2 fouten in blad 'urenkaart'; er is niets opgeslagen.");
    expect(r.stderr).toMatch(/regel 5: kind: onbekende kind-code 'K0099'/);
    expect(r.stderr).toMatch(/regel 5: tot: '25:00' is geen geldige waarde/);
    expect(count(dir)).toBe(before);
  });
});

describe('bad workbooks: a Dutch message naming the sheet and row, exit 1, nothing stored', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau();
    const good = ['G0001', 'K0001', date('2026-10-05'), time('08:00'), time('12:00')];
    await writeXlsx(path.join(dir, 'leeg.xlsx'), { urenkaart: [] });
    await writeXlsx(path.join(dir, 'geen-kopregel.xlsx'), { urenkaart: [good] });
    await writeXlsx(path.join(dir, 'alleen-kopregel.xlsx'), { urenkaart: [HEADER, [], ['G0001']] });
    await writeXlsx(path.join(dir, 'titel-boven.xlsx'), { urenkaart: [['Urenkaart oktober 2026'], [], HEADER, good] });
    await writeXlsx(path.join(dir, 'lege-rijen-boven.xlsx'), { urenkaart: [[], [], HEADER, good] });
    await writeXlsx(path.join(dir, 'formule.xlsx'), {
      urenkaart: [HEADER, ['G0001', 'K0001', date('2026-10-05'), { formula: 'D1+1/24', result: 0.375 }, time('12:00')]],
    });
    await writeXlsx(path.join(dir, '1900.xlsx'), {
      urenkaart: [HEADER, ['G0001', 'K0001', date('1900-01-01'), time('08:00'), time('12:00')]],
    });
    const bytes = fs.readFileSync(path.join(FIXTURES, 'libreoffice.xlsx'));
    fs.writeFileSync(path.join(dir, 'afgebroken.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    fs.writeFileSync(path.join(dir, 'kapot.xlsx'), Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(2000, 7), bytes.subarray(2200)]));
    fs.writeFileSync(path.join(dir, 'geen-werkmap.xlsx'), 'dit is geen werkmap\n');
  });

  it.each([
    ['leeg.xlsx', /In blad 'urenkaart' van leeg\.xlsx staat niets: rij 1 moet de kopregel/],
    ['alleen-kopregel.xlsx', /alleen-kopregel\.xlsx bevat in blad 'urenkaart' alleen een kopregel en geen rijen/],
    [
      'geen-kopregel.xlsx',
      /De kopregel klopt niet in blad 'urenkaart'[\s\S]*regel 1: kopregel: rij 1 van blad 'urenkaart' bevat geen enkele kolomnaam; voeg boven de gegevens een rij in met de kolomnamen[\s\S]*regel 1: G0001: onbekende kolom/,
    ],
    [
      'titel-boven.xlsx',
      /in blad 'urenkaart'[\s\S]*regel 1: kopregel: de kolomnamen staan op rij 3 van blad 'urenkaart'; gob leest de kopregel op rij 1: verwijder de 2 rijen erboven/,
    ],
    ['lege-rijen-boven.xlsx', /Rij 1 van blad 'urenkaart' van lege-rijen-boven\.xlsx is leeg[\s\S]*De eerste gevulde rij is rij 3/],
    ['formule.xlsx', /in blad 'urenkaart'[\s\S]*regel 2: van: cel D2 bevat een formule \(=D1\+1\/24\)/],
    ['1900.xlsx', /in blad 'urenkaart'[\s\S]*regel 2: datum: cel C2 is een datumcel uit 1900/],
    ['afgebroken.xlsx', /afgebroken\.xlsx is beschadigd of geen geldige Excel-werkmap/],
    ['kapot.xlsx', /kapot\.xlsx is beschadigd of geen geldige Excel-werkmap/],
    ['geen-werkmap.xlsx', /geen-werkmap\.xlsx heet een rekenblad, maar is beschadigd of geen Excel-werkmap/],
  ])('%s', async (file, message) => {
    const r = await importUren(dir, file);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(1);
    expect(count(dir)).toBe(0);
  });

  it('a workbook LibreOffice saved with a password (an OLE2 file, like an .xls) is refused as password-protected, not as old Excel', async () => {
    for (const name of ['wachtwoord.xlsx', 'wachtwoord.bin']) {
      const file = path.join(dir, name);
      fs.copyFileSync(path.join(FIXTURES, 'wachtwoord.xlsx'), file);
      const r = await importUren(dir, file);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `Het bestand ${name.replace('.', '\\.')} is beveiligd met een wachtwoord; gob kan het niet lezen en heeft niets opgeslagen`,
        ),
      );
      expect(r.stderr).not.toMatch(/\.xls,/);
    }
    // The same for every other import.
    const g = await gob(dir, ['gastouder', 'import', 'wachtwoord.xlsx'], TODAY);
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/beveiligd met een wachtwoord/);
    expect(count(dir)).toBe(0);
  });

  it('an old .xls and an .ods (both made by LibreOffice) are refused, saying which formats are read', async () => {
    for (const file of ['oud-excel.xls', 'opendocument.ods']) {
      const r = await importUren(dir, path.join(FIXTURES, file));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/gob leest CSV-bestanden \(gescheiden door ';', ',' of TAB\) en Excel-werkmappen \(\.xlsx\)/);
    }
    expect((await importUren(dir, path.join(FIXTURES, 'oud-excel.xls'))).stderr).toMatch(/oud Excel-bestand \(\.xls/);
    expect((await importUren(dir, path.join(FIXTURES, 'opendocument.ods'))).stderr).toMatch(/OpenDocument-rekenblad \(\.ods\)/);
    expect(count(dir)).toBe(0);
  });

  it("a sheet that runs to row 1,048,576 (Excel's last) is read to its end, not refused for its size", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('urenkaart');
    ws.addRow(HEADER);
    ws.addRow(['G0001', 'K0001', '2026-10-05', '08:00', '12:00']);
    ws.getRow(1_048_576).values = ['G0001', 'K0099', '2026-10-05', '08:00', '12:00'];
    await wb.xlsx.writeFile(path.join(dir, 'tot-het-einde.xlsx'));
    const r = await importUren(dir, 'tot-het-einde.xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/regel 1048576: kind: onbekende kind-code 'K0099'/);
    expect(count(dir)).toBe(0);
  });
});

describe('the other imports read .xlsx the same way', () => {
  it('gastouder import: the sheet named after the noun, a 1900 date cell and a formula as errors of their row and field; nothing stored', async () => {
    const dir = await demoBureau({ rooster: false });
    await writeXlsx(path.join(dir, 'gastouders.xlsx'), {
      kind: [['code', 'naam']],
      gastouder: [
        ['code', 'naam', 'geboortedatum', 'slaapruimte'],
        ['G0101', 'Fatima el Amrani', date('1985-04-12'), true],
        ['G0102', 'Joke Jansen', date('1900-01-01'), false],
        ['G0103', { formula: 'B2', result: 'Fatima el Amrani' }, date('1990-01-01'), false],
      ],
    });
    const r = await gob(dir, ['gastouder', 'import', 'gastouders.xlsx'], TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("De import is geweigerd: 2 fouten in blad 'gastouder'");
    expect(r.stderr).toMatch(/regel 3: geboortedatum: cel C3 is een datumcel uit 1900/);
    expect(r.stderr).toMatch(/regel 4: naam: cel B4 bevat een formule \(=B2\)/);
    expect((await gob(dir, ['gastouder', 'show', 'G0101'], TODAY)).code).toBe(1);
    await writeXlsx(path.join(dir, 'goed.xlsx'), {
      gastouder: [
        ['code', 'naam', 'geboortedatum', 'slaapruimte'],
        ['G0101', 'Fatima el Amrani', date('1985-04-12'), true],
      ],
    });
    const ok = await gob(dir, ['gastouder', 'import', 'goed.xlsx'], TODAY);
    expect(ok.code, ok.stderr).toBe(0);
    const shown = JSON.parse((await gob(dir, ['gastouder', 'show', 'G0101', '--json'], TODAY)).stdout);
    expect(shown).toMatchObject({ geboortedatum: '1985-04-12', slaapruimte: true });
  });
});

describe('times with :00 seconds (CONTRACT §2), in CSV too', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau();
  });
  it('08:00:00 is 08:00; 08:00:30 is refused naming the accepted forms', async () => {
    writeCsv(path.join(dir, 'sec.csv'), ['gastouder;kind;datum;van;tot', 'G0001;K0001;05-10-2026;08:00:00;17:30:00']);
    const r = await importUren(dir, 'sec.csv', ['--json']);
    expect(r.json).toMatchObject({ rijen: 1, minuten: 570, fouten: [] });
    writeCsv(path.join(dir, 'sec2.csv'), ['gastouder;kind;datum;van;tot', 'G0001;K0002;05-10-2026;08:00:30;12:00']);
    const bad = await importUren(dir, 'sec2.csv');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/regel 2: van: '08:00:30' is geen geldige waarde; toegestaan: een tijd als HH:MM, H:MM, HH\.MM of HH:MM:00/);
  });
});
