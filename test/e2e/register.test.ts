// End-to-end: the built binary on real SQLite files, as a script would run it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addRecord } from '../../src/commands/register/add.js';
import { requireOption } from '../../src/commands/options.js';
import { GASTOUDER as GASTOUDER_FIELDS, KIND, KOPPELING, OUDER as OUDER_FIELDS } from '../../src/domain/fields.js';
import { parseText } from '../../src/domain/values.js';
import { GOB, gob, gobAsync, tempDir, testDeps, writeCsv } from '../helpers.js';

function json<T = Record<string, unknown>>(r: { code: number; stdout: string; stderr: string }): T {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

async function fresh(): Promise<string> {
  const dir = tempDir();
  expect((await gob(dir, ['init', '--naam', 'Gastouderbureau Zon'])).code).toBe(0);
  return dir;
}

const GASTOUDER = [
  '--code',
  'G-ANNA',
  '--naam',
  'Şahin Yılmaz',
  '--geboortedatum',
  '15-03-1980',
  '--adres',
  'Dorpsstraat 1',
  '--postcode',
  '1234ab',
  '--plaats',
  'Utrecht',
  '--email',
  'anna@example.nl',
  '--telefoon',
  '06-12345678',
  '--iban',
  'NL91 ABNA 0417 1643 00',
  '--lrk',
  '123456789',
  '--ervaring-sinds',
  '2015-01-01',
  '--achterwacht',
  'Piet, 06-87654321',
  '--slaapruimte',
  'ja',
  '--ehbo-tot',
  '2027-06-30',
  '--vog-datum',
  '2024-01-10',
  '--diploma',
  'MBO PW3',
];
const OUDER = [
  '--naam',
  'Łukasz Wałęsa',
  '--geboortedatum',
  '1988-07-04',
  '--adres',
  'Kerkweg 2',
  '--postcode',
  '3511 AB',
  '--plaats',
  'Utrecht',
  '--email',
  'lukasz@example.nl',
  '--telefoon',
  '+31612345678',
  '--iban',
  'NL44RABO0123456789',
  '--bsn',
  '123456782',
  '--mandaat',
  'MND-0001',
  '--mandaat-datum',
  '2026-01-15',
];

describe('gob init', () => {
  it('creates the database with mode 0600 and is idempotent', async () => {
    const dir = tempDir();
    const r = await gob(dir, ['init', '--naam', 'Bureau', '--kvk', '12345678']);
    expect(r.code).toBe(0);
    const file = path.join(dir, 'data', 'gob.sqlite');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await gob(dir, ['init'])).code).toBe(0);
    expect(json(await gob(dir, ['bureau', 'show', '--json']))).toMatchObject({
      naam: 'Bureau',
      kvk: '12345678',
      deadlineDag: 5,
      bureaukostenEenKindCent: 2950,
    });
  });
  it("init --naam on an existing bureau says the bureau's details changed (not only 'bestond al')", async () => {
    const dir = tempDir();
    expect((await gob(dir, ['init', '--naam', 'Bureau'])).code).toBe(0);
    const again = await gob(dir, ['init', '--naam', 'Ander bureau']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/bestond al en is bij\.\nDe gegevens van het bureau zijn gewijzigd: naam="Ander bureau"\./);
    expect((await gob(dir, ['init'])).stdout).not.toMatch(/gewijzigd/);
  });
  it('other commands refuse a missing database with a hint to init (exit 1)', async () => {
    const r = await gob(tempDir(), ['gastouder', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gob init/);
  });
  it('--db and GOB_DB choose the file', async () => {
    const dir = tempDir();
    expect((await gob(dir, ['--db', 'x/een.sqlite', 'init'])).code).toBe(0);
    expect((await gob(dir, ['init'], { GOB_DB: 'twee.sqlite' })).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'x', 'een.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'twee.sqlite'))).toBe(true);
    expect((await gob(dir, ['gastouder', 'list', '--db', 'x/een.sqlite'])).code).toBe(0);
  });
});

describe('round trip: add → show --json → list --csv → import into a fresh db', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fresh();
    expect((await gob(dir, ['gastouder', 'add', ...GASTOUDER])).code).toBe(0);
    expect((await gob(dir, ['ouder', 'add', ...OUDER])).code).toBe(0);
    expect(
      (await gob(dir, ['kind', 'add', '--naam', 'Zoë', '--geboortedatum', '2024-02-29', '--bsn', '111222333', '--ouder', 'O0001'])).code,
    ).toBe(0);
    expect(
      (await gob(dir, ['kind', 'add', '--naam', 'Eigen Kind', '--geboortedatum', '2020-05-05', '--eigen-kind-van', 'G-ANNA'])).code,
    ).toBe(0);
    const kp = ['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G-ANNA', '--start', '2026-01-01', '--eind', '2026-12-31'];
    expect((await gob(dir, [...kp, '--uurtarief', '€ 8,25', '--opvanglocatie', 'ouder', '--lrk', '444444444'])).code).toBe(0);
    expect((await gob(dir, ['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'maandag', '--van', '8:00', '--tot', '12.30'])).code).toBe(
      0,
    );
    const own = ['rooster', 'add', '--kind', 'K0002', '--dag', 'di', '--van', '13:00', '--tot', '17:00'];
    expect((await gob(dir, [...own, '--vanaf', '2026-02-01', '--tot-en-met', '2026-06-30'])).code).toBe(0);
  });

  it('shows every field as JSON with the contract keys', async () => {
    expect(json(await gob(dir, ['gastouder', 'show', 'G-ANNA', '--json']))).toEqual({
      code: 'G-ANNA',
      naam: 'Şahin Yılmaz',
      geboortedatum: '1980-03-15',
      adres: 'Dorpsstraat 1',
      postcode: '1234 AB',
      plaats: 'Utrecht',
      email: 'anna@example.nl',
      telefoon: '06-12345678',
      iban: 'NL91ABNA0417164300',
      lrk: '123456789',
      ervaringSinds: '2015-01-01',
      achterwacht: 'Piet, 06-87654321',
      slaapruimte: true,
      ehboTot: '2027-06-30',
      vogDatum: '2024-01-10',
      diploma: 'MBO PW3',
      verzekeringTot: null,
      prk: false,
      start: '2026-11-23',
    });
    expect(json(await gob(dir, ['ouder', 'show', 'O0001', '--json']))).toMatchObject({ bsn: '*****6782', mandaatDatum: '2026-01-15' });
    expect(json(await gob(dir, ['ouder', 'show', 'O0001', '--json', '--toon-bsn']))).toMatchObject({ bsn: '123456782' });
    expect(json(await gob(dir, ['koppeling', 'show', 'KP0001', '--json']))).toEqual({
      code: 'KP0001',
      kind: 'K0001',
      gastouder: 'G-ANNA',
      start: '2026-01-01',
      eind: '2026-12-31',
      uurtariefCent: 825,
      opvanglocatie: 'ouder',
      lrk: '444444444',
      tweedeOuder: null,
      verdeling: 100,
    });
    expect(json(await gob(dir, ['kind', 'show', 'K0002', '--json']))).toMatchObject({ ouder: null, eigenKindVan: 'G-ANNA' });
  });

  it('imports its own CSV into a fresh database and gives the same JSON', async () => {
    const other = await fresh();
    for (const noun of ['gastouder', 'ouder', 'kind', 'koppeling']) {
      const csv = await gob(dir, [noun, 'list', '--csv', '--toon-bsn']);
      expect(csv.code).toBe(0);
      const file = path.join(other, `${noun}.csv`);
      fs.writeFileSync(file, csv.stdout);
      const imported = await gob(other, [noun, 'import', file]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect((await gob(other, [noun, 'list', '--json', '--toon-bsn'])).stdout).toBe(
        (await gob(dir, [noun, 'list', '--json', '--toon-bsn'])).stdout,
      );
    }
    const rooster = await gob(dir, ['rooster', 'list', '--csv']);
    fs.writeFileSync(path.join(other, 'rooster.csv'), rooster.stdout);
    expect((await gob(other, ['rooster', 'import', 'rooster.csv'])).code).toBe(0);
    const strip = (s: string) => JSON.parse(s).map(({ id: _, ...rest }: { id: number }) => rest);
    expect(strip((await gob(other, ['rooster', 'list', '--json'])).stdout)).toEqual(
      strip((await gob(dir, ['rooster', 'list', '--json'])).stdout),
    );
  });

  it('re-importing a masked export keeps the stored BSN', async () => {
    const csv = await gob(dir, ['ouder', 'list', '--csv']);
    expect(csv.stdout).toContain('*****6782');
    fs.writeFileSync(path.join(dir, 'o.csv'), csv.stdout);
    expect((await gob(dir, ['ouder', 'import', 'o.csv'])).code).toBe(0);
    expect(json(await gob(dir, ['ouder', 'show', 'O0001', '--json', '--toon-bsn']))).toMatchObject({ bsn: '123456782' });
  });

  it('makes formula-like cells inert in CSV and reads them back', async () => {
    expect((await gob(dir, ['ouder', 'edit', 'O0001', '--adres', '=HYPERLINK("x")'])).code).toBe(0);
    const csv = (await gob(dir, ['ouder', 'list', '--csv'])).stdout;
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    fs.writeFileSync(path.join(dir, 'o2.csv'), csv);
    expect((await gob(dir, ['ouder', 'import', 'o2.csv'])).code).toBe(0);
    expect(json(await gob(dir, ['ouder', 'show', 'O0001', '--json']))).toMatchObject({ adres: '=HYPERLINK("x")' });
  });
});

describe('bad input: clear Dutch message, right exit code, nothing stored', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fresh();
    expect((await gob(dir, ['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01'])).code).toBe(0);
    expect((await gob(dir, ['ouder', 'add', '--naam', 'Piet'])).code).toBe(0);
    expect((await gob(dir, ['kind', 'add', '--naam', 'Kim', '--geboortedatum', '2024-01-01', '--ouder', 'O0001'])).code).toBe(0);
    expect(
      (await gob(dir, ['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-01-01', '--uurtarief', '7,50']))
        .code,
    ).toBe(0);
  });
  const counts = async () => {
    const aantallen: number[] = [];
    for (const n of ['gastouder', 'ouder', 'kind', 'koppeling'])
      aantallen.push(JSON.parse((await gob(dir, [n, 'list', '--json'])).stdout).length);
    return aantallen;
  };

  it.each([
    [
      'an invalid IBAN',
      ['gastouder', 'add', '--naam', 'X', '--geboortedatum', '1980-01-01', '--iban', 'NL91ABNA0417164301'],
      2,
      /--iban: 'NL91ABNA0417164301'.*IBAN/,
    ],
    ['an invalid BSN', ['ouder', 'add', '--naam', 'X', '--bsn', '123456789'], 2, /--bsn: '123456789'.*elfproef/],
    [
      'an invalid date',
      ['gastouder', 'add', '--naam', 'X', '--geboortedatum', '31-04-1980'],
      2,
      /--geboortedatum: '31-04-1980'.*JJJJ-MM-DD/,
    ],
    [
      'an invalid LRK',
      ['gastouder', 'add', '--naam', 'X', '--geboortedatum', '1980-01-01', '--lrk', '12345'],
      2,
      /--lrk: '12345'.*9 cijfers/,
    ],
    // A date that cannot have happened yet is out of bounds (exit 2), for a kind as for a huisgenoot.
    [
      'a birth date after today',
      ['kind', 'add', '--naam', 'X', '--geboortedatum', '2099-01-01', '--ouder', 'O0001'],
      2,
      /geboortedatum: 2099-01-01 ligt na vandaag \(\d{4}-\d\d-\d\d\); vul een geboortedatum in die geweest is/,
    ],
    [
      "a toeslagpartner's birth date after today",
      ['ouder', 'add', '--naam', 'X', '--partner-naam', 'Q', '--partner-geboortedatum', '2030-01-01'],
      2,
      /partner-geboortedatum: 2030-01-01 ligt na vandaag \(\d{4}-\d\d-\d\d\); vul een geboortedatum in die geweest is/,
    ],
    [
      "a gastouder's VOG dated after today (as a huisgenoot's)",
      ['gastouder', 'add', '--naam', 'X', '--geboortedatum', '1980-01-01', '--vog-datum', '2099-01-01'],
      2,
      /vog-datum: 2099-01-01 ligt na vandaag \(\d{4}-\d\d-\d\d\); vul de datum van een afgegeven VOG in/,
    ],
    [
      'an unknown ouder code',
      ['kind', 'add', '--naam', 'X', '--geboortedatum', '2024-01-01', '--ouder', 'O9999'],
      1,
      /geen ouder met code O9999/,
    ],
    [
      'an unknown gastouder code',
      ['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G9', '--start', '2027-01-01', '--uurtarief', '7'],
      1,
      /geen gastouder met code G9/,
    ],
    ['a minor as gastouder', ['gastouder', 'add', '--naam', 'X', '--geboortedatum', '2010-01-01'], 1, /minstens 18 jaar/],
    [
      'both --ouder and --eigen-kind-van',
      ['kind', 'add', '--naam', 'X', '--geboortedatum', '2024-01-01', '--ouder', 'O0001', '--eigen-kind-van', 'G0001'],
      1,
      /precies één van ouder of eigen-kind-van/,
    ],
    [
      'neither --ouder nor --eigen-kind-van: a missing option',
      ['kind', 'add', '--naam', 'X', '--geboortedatum', '2024-01-01'],
      2,
      /Ontbrekende verplichte optie: --ouder of --eigen-kind-van\./,
    ],
    [
      'nothing at all: every missing option named',
      ['kind', 'add'],
      2,
      /Ontbrekende verplichte opties: --naam, --geboortedatum, --ouder of --eigen-kind-van\./,
    ],
    [
      'rooster add without anything: every missing option named',
      ['rooster', 'add'],
      2,
      /Ontbrekende verplichte opties: --dag, --van, --tot, --koppeling of --kind\./,
    ],
    [
      'an overlapping koppeling',
      ['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-06-01', '--uurtarief', '8'],
      1,
      /al koppeling KP0001/,
    ],
    [
      'a duplicate code',
      ['gastouder', 'add', '--code', 'G0001', '--naam', 'X', '--geboortedatum', '1980-01-01'],
      1,
      /al een gastouder met code G0001/,
    ],
    ['missing required options (all named)', ['koppeling', 'add', '--kind', 'K0001'], 2, /--gastouder, --start, --uurtarief/],
    ['an unknown option', ['gastouder', 'add', '--nam', 'X'], 2, /Onbekende optie '--nam'/],
    ['an unknown command', ['gastouder', 'verwijder'], 2, /Onbekende opdracht 'verwijder'/],
    ['a bad --today', ['gastouder', 'list', '--today', '2026-02-30'], 2, /--today: '2026-02-30'/],
    [
      'a backup into a folder that does not exist',
      ['backup', '/gob-bestaat-niet/x.sqlite'],
      1,
      /Kan \/gob-bestaat-niet\/x.sqlite niet schrijven: de map bestaat niet\. Er is niets geschreven; kies een ander pad\./,
    ],
  ])('%s', async (_, args, code, message) => {
    const before = await counts();
    const r = await gob(dir, args as string[]);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(r.code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('an import with one bad row stores nothing and lists every error with its line', async () => {
    writeCsv(path.join(dir, 'g.csv'), [
      'code;naam;geboortedatum;iban;lrk',
      'G0100;Goed;01-01-1980;;',
      'G0101;Fout IBAN;01-01-1981;NL00BANK0000000000;',
      'G0102;Te jong;01-01-2015;;',
      'G0103;"Kapotte ""quote;01-01-1982;;123',
    ]);
    const r = await gob(dir, ['gastouder', 'import', 'g.csv', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/regel 3: iban: 'NL00BANK0000000000'/);
    expect(r.stderr).toMatch(/regel 4: geboortedatum: .*18 jaar/);
    expect(r.stderr).toMatch(/niets opgeslagen/);
    expect(JSON.parse(r.stdout).fouten).toEqual(expect.arrayContaining([expect.objectContaining({ regel: 3, veld: 'iban' })]));
    expect((await counts())[0]).toBe(1);
  });

  it('output that cannot be written (a full disk) is a Dutch refusal, not a stack trace', async () => {
    const full = fs.openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [GOB, 'gastouder', 'list', '--csv'], {
      cwd: dir,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    fs.closeSync(full);
    expect(r.stderr).toBe('Kan de uitvoer niet schrijven: de schijf is vol.\n');
    expect(r.status).toBe(1);
  });

  it('an invalid required value is named once, as invalid, not also as missing', async () => {
    writeCsv(path.join(dir, 'g13.csv'), ['code;naam;geboortedatum', 'G0105;b;1980-13-01']);
    const r = await gob(dir, ['gastouder', 'import', 'g13.csv', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).fouten).toEqual([
      expect.objectContaining({ regel: 2, veld: 'geboortedatum', melding: expect.stringContaining("'1980-13-01'") }),
    ]);
  });

  it('a broken CSV line (unclosed quote) is refused with its line number', async () => {
    writeCsv(path.join(dir, 'q.csv'), ['code;naam;geboortedatum', 'G0200;Goed;01-01-1980', 'G0201;"Nooit dicht;01-01-1980'], 'utf-8');
    const r = await gob(dir, ['gastouder', 'import', 'q.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/regel 3: csv: een aanhalingsteken/);
    expect((await counts())[0]).toBe(1);
  });

  it('a row with too few cells names the line', async () => {
    writeCsv(path.join(dir, 'c.csv'), ['code;naam;geboortedatum', 'G0300;Alleen naam'], 'utf-8');
    const r = await gob(dir, ['gastouder', 'import', 'c.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/regel 2: csv: 2 cellen, maar de kopregel heeft 3 kolommen/);
  });

  it('an unknown column is refused, naming the known ones', async () => {
    writeCsv(path.join(dir, 'u.csv'), ['code;naam;geboortedatum;schoenmaat', 'G0400;X;01-01-1980;42'], 'utf-8');
    const r = await gob(dir, ['gastouder', 'import', 'u.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/regel 1: schoenmaat: onbekende kolom/);
  });

  it('a column twice in the header is refused, naming both places (the last one used to win, silently)', async () => {
    writeCsv(path.join(dir, 'dubbel.csv'), ['code;naam;naam;geboortedatum', 'G0401;Echte Naam;Andere Naam;01-01-1980'], 'utf-8');
    const r = await gob(dir, ['gastouder', 'import', 'dubbel.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('regel 1: naam: dubbele kolom (kolom 2 en 3); haal er één weg');
    expect((await counts())[0]).toBe(1);
    // The urenkaart says the same, instead of calling the second one unknown.
    writeCsv(
      path.join(dir, 'uren-dubbel.csv'),
      ['gastouder;kind;datum;datum;van;tot', 'G0001;K0001;2026-10-01;2026-10-02;08:00;12:00'],
      'utf-8',
    );
    const u = await gob(dir, ['urenkaart', 'import', 'uren-dubbel.csv']);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('regel 1: datum: dubbele kolom (datum staat al in kolom 3); haal er één weg');
    expect(u.stderr).not.toContain('onbekende kolom');
  });

  it('--dry-run validates without storing', async () => {
    writeCsv(path.join(dir, 'd.csv'), ['naam;geboortedatum', 'Proef;01-01-1980'], 'utf-8');
    const r = await gob(dir, ['gastouder', 'import', 'd.csv', '--dry-run', '--json']);
    expect(json(r)).toMatchObject({ rijen: 1, nieuw: 1, dryRun: true });
    expect((await counts())[0]).toBe(1);
  });
});

describe('CSV as Dutch Excel writes it', () => {
  it.each([
    ['Windows-1252, ;, CRLF', 'windows-1252', ';'],
    ['UTF-8 with BOM, comma', 'utf-8-bom', ','],
    ['UTF-8, TAB', 'utf-8', '\t'],
  ] as const)('%s', async (_, encoding, sep) => {
    const dir = await fresh();
    const lines = [
      ['Code', 'Naam', 'Geboorte_datum', 'Ervaring Sinds', 'slaapruimte'],
      ['G0001', 'Renée Müller-Çelik', '3-2-1979', '01/02/2010', 'Ja'],
    ];
    writeCsv(
      path.join(dir, 'g.csv'),
      lines.map((l) => l.join(sep)),
      encoding,
    );
    const r = await gob(dir, ['gastouder', 'import', 'g.csv']);
    expect(r.stderr).toBe('');
    expect(json(await gob(dir, ['gastouder', 'show', 'G0001', '--json']))).toMatchObject({
      naam: 'Renée Müller-Çelik',
      geboortedatum: '1979-02-03',
      ervaringSinds: '2010-02-01',
      slaapruimte: true,
    });
  });

  it('an empty file and a header-only file are refused', async () => {
    const dir = await fresh();
    fs.writeFileSync(path.join(dir, 'leeg.csv'), '');
    fs.writeFileSync(path.join(dir, 'kop.csv'), 'code;naam;geboortedatum\r\n');
    expect((await gob(dir, ['gastouder', 'import', 'leeg.csv'])).stderr).toMatch(/is leeg/);
    const r = await gob(dir, ['gastouder', 'import', 'kop.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/alleen een kopregel/);
  });
});

describe('edit, end, list filters, log, backup', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fresh();
    await gob(dir, ['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01', '--achterwacht', 'Bob 0612']);
    await gob(dir, ['gastouder', 'add', '--naam', 'Bea', '--geboortedatum', '1981-01-01']);
    await gob(dir, ['ouder', 'add', '--naam', 'Piet', '--bsn', '123456782']);
    await gob(dir, ['kind', 'add', '--naam', 'Kim', '--geboortedatum', '2024-01-01', '--ouder', 'O0001']);
    await gob(dir, ['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-01-01', '--uurtarief', '7,50']);
    await gob(dir, ['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0002', '--start', '2026-01-01', '--uurtarief', '8']);
  });

  it('edit changes a field and an empty value clears it', async () => {
    expect((await gob(dir, ['gastouder', 'edit', 'G0001', '--achterwacht', '', '--plaats', 'Zeist'])).code).toBe(0);
    expect(json(await gob(dir, ['gastouder', 'show', 'G0001', '--json']))).toMatchObject({ achterwacht: null, plaats: 'Zeist' });
    expect((await gob(dir, ['gastouder', 'edit', 'G0099', '--plaats', 'X'])).code).toBe(1);
  });

  it('koppeling end without --eind ends one month after today', async () => {
    expect(json(await gob(dir, ['koppeling', 'end', 'KP0002', '--json']))).toEqual({
      code: 'KP0002',
      eind: '2026-12-23',
      opzegdatum: '2026-11-23',
      zonderOpzegtermijn: false,
      // Care runs to the end of the notice period (through 22 December): nothing is owed.
      opzegtermijn: { totEnMet: '2026-12-22', maanden: [], minuten: 0, bedragCent: 0 },
    });
    const active = json<{ code: string }[]>(await gob(dir, ['koppeling', 'list', '--actief', '--json', '--today', '2027-01-01']));
    expect(active.map((k) => k.code)).toEqual(['KP0001']);
  });

  it('gastouder end also ends her running koppelingen', async () => {
    expect(json(await gob(dir, ['gastouder', 'end', 'G0001', '--eind', '2026-12-31', '--json']))).toMatchObject({
      koppelingen: ['KP0001'],
    });
    expect(json(await gob(dir, ['koppeling', 'show', 'KP0001', '--json']))).toMatchObject({ eind: '2026-12-31' });
    expect(json<unknown[]>(await gob(dir, ['gastouder', 'list', '--actief', '--json', '--today', '2027-01-01']))).toHaveLength(1);
  });

  it('list filters by gastouder and ouder', async () => {
    expect(json<unknown[]>(await gob(dir, ['koppeling', 'list', '--gastouder', 'G0002', '--json']))).toHaveLength(1);
    expect(json<unknown[]>(await gob(dir, ['kind', 'list', '--ouder', 'O0001', '--json']))).toHaveLength(1);
    expect(json<unknown[]>(await gob(dir, ['ouder', 'list', '--gastouder', 'G0002', '--json']))).toHaveLength(1);
  });

  it('the log records every change, with who and which command, and never a BSN', async () => {
    const log = json<{ commando: string; wijziging: string; gebruiker: string }[]>(await gob(dir, ['log', '--json', '--limit', '100']));
    expect(log.map((l) => l.commando)).toEqual(
      expect.arrayContaining(['init', 'gastouder add', 'ouder add', 'koppeling end', 'gastouder end']),
    );
    expect(log.every((l) => l.gebruiker.length > 0)).toBe(true);
    expect(JSON.stringify(log)).not.toContain('123456782');
    expect(JSON.stringify(log)).toContain('bsn=(gewijzigd)');
  });

  it('backup writes a consistent 0600 copy and refuses to overwrite without --force', async () => {
    expect((await gob(dir, ['backup', 'kopie.sqlite'])).code).toBe(0);
    expect(fs.statSync(path.join(dir, 'kopie.sqlite')).mode & 0o777).toBe(0o600);
    expect((await gob(dir, ['--db', 'kopie.sqlite', 'gastouder', 'list', '--json'])).stdout).toBe(
      (await gob(dir, ['gastouder', 'list', '--json'])).stdout,
    );
    expect((await gob(dir, ['backup', 'kopie.sqlite'])).code).toBe(1);
    expect((await gob(dir, ['backup', 'kopie.sqlite', '--force'])).code).toBe(0);
  });
});

describe('rooster add, list, remove, import', () => {
  it('refuses an entry outside the koppeling or overlapping the child, and removes by id', async () => {
    const dir = await fresh();
    await gob(dir, ['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01']);
    await gob(dir, ['ouder', 'add', '--naam', 'Piet']);
    await gob(dir, ['kind', 'add', '--naam', 'Kim', '--geboortedatum', '2024-01-01', '--ouder', 'O0001']);
    await gob(dir, [
      'koppeling',
      'add',
      '--kind',
      'K0001',
      '--gastouder',
      'G0001',
      '--start',
      '2026-01-01',
      '--eind',
      '2026-12-31',
      '--uurtarief',
      '7,50',
    ]);
    expect((await gob(dir, ['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'ma', '--van', '08:00', '--tot', '12:00'])).code).toBe(0);
    // 12:00–17:00 touches 08:00–12:00 (half-open): allowed.
    expect((await gob(dir, ['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'ma', '--van', '12:00', '--tot', '17:00'])).code).toBe(0);
    const overlap = await gob(dir, ['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'ma', '--van', '11:00', '--tot', '13:00']);
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toMatch(/al ingeroosterd/);
    const outside = await gob(dir, [
      'rooster',
      'add',
      '--koppeling',
      'KP0001',
      '--dag',
      'di',
      '--van',
      '08:00',
      '--tot',
      '12:00',
      '--tot-en-met',
      '2027-03-01',
    ]);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/tot-en-met: 2027-03-01 ligt na het eind van de koppeling/);
    const reversed = await gob(dir, ['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'wo', '--van', '12:00', '--tot', '08:00']);
    expect(reversed.code).toBe(1);
    const guestAsOwn = await gob(dir, ['rooster', 'add', '--kind', 'K0001', '--dag', 'wo', '--van', '08:00', '--tot', '12:00']);
    expect(guestAsOwn.stderr).toMatch(/gastkind/);
    expect(json<unknown[]>(await gob(dir, ['rooster', 'list', '--json']))).toHaveLength(2);
    expect((await gob(dir, ['rooster', 'remove', '1'])).code).toBe(0);
    expect((await gob(dir, ['rooster', 'remove', '1'])).code).toBe(1);
    // Import replaces the koppeling's rooster; twice gives the same.
    writeCsv(path.join(dir, 'r.csv'), ['koppeling;dag;van;tot', 'KP0001;vr;08:00;18:00', 'KP0001;do;8:30;12:30'], 'utf-8');
    expect((await gob(dir, ['rooster', 'import', 'r.csv'])).code).toBe(0);
    expect((await gob(dir, ['rooster', 'import', 'r.csv'])).code).toBe(0);
    expect(
      json<{ dag: string }[]>(await gob(dir, ['rooster', 'list', '--json']))
        .map((r) => r.dag)
        .sort(),
    ).toEqual(['do', 'vr']);
  });
});

describe('concurrency', () => {
  it('16 parallel gob gastouder add processes on one database all succeed', async () => {
    const dir = await fresh();
    const runs = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        gobAsync(dir, ['gastouder', 'add', '--naam', `Gastouder ${i}`, '--geboortedatum', '1980-01-01']),
      ),
    );
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const all = json<{ code: string }[]>(await gob(dir, ['gastouder', 'list', '--json']));
    expect(all.map((g) => g.code)).toEqual(Array.from({ length: 16 }, (_, i) => `G${String(i + 1).padStart(4, '0')}`));
  });
});

describe('scripted runs never wait for input', () => {
  it('a missing required option with stdin closed is exit 2 naming every option', async () => {
    const dir = await fresh();
    const r = await gob(dir, ['gastouder', 'add']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--naam, --geboortedatum/);
  });
});

describe('bounds of CONTRACT §2, checked where a value enters', () => {
  const ESC = '\u001B';
  let dir: string;
  beforeAll(async () => {
    dir = await fresh();
    for (const args of [
      ['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01'],
      ['ouder', 'add', '--naam', 'Piet', '--bsn', '123456782'],
      ['ouder', 'add', '--naam', 'Klaas'],
      ['kind', 'add', '--naam', 'Kim', '--geboortedatum', '2024-01-01', '--ouder', 'O0001', '--bsn', '111222333'],
    ]) {
      const r = await gob(dir, args);
      expect(r.code, r.stderr).toBe(0);
    }
  });
  const counts = async () => {
    const aantallen: number[] = [];
    for (const n of ['gastouder', 'ouder', 'kind', 'koppeling'])
      aantallen.push(JSON.parse((await gob(dir, [n, 'list', '--json'])).stdout).length);
    return aantallen;
  };
  const kp = ['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-01-01', '--uurtarief'];

  it.each([
    ['uurtarief 0 (was a CHECK constraint, exit 70)', [...kp, '0'], /--uurtarief: '0' .*meer dan € 0,00 en ten hoogste € 100,00/],
    ['uurtarief € 90.000.000.000', [...kp, '90.000.000.000'], /--uurtarief: '90\.000\.000\.000' .*ten hoogste € 100,00/],
    ['uurtarief 100,01', [...kp, '100,01'], /--uurtarief: '100,01'/],
    [
      'a bureau fee above € 1.000.000,00',
      ['bureau', 'set', '--bureaukosten-een-kind', '1.000.000,01'],
      /--bureaukosten-een-kind: '1\.000\.000,01' .*ten hoogste € 1\.000\.000,00/,
    ],
    [
      'a fee scale step above € 1.000.000,00',
      ['bureau', 'set', '--bureaukosten-uur', '0:1,60;80:2000000'],
      /--bureaukosten-uur: .*ten hoogste € 1\.000\.000,00/,
    ],
    [
      'a payment above € 1.000.000,00',
      ['betaling', 'add', '--ouder', 'O0001', '--bedrag', '1.000.000,01', '--datum', '2026-11-01'],
      /--bedrag: '1\.000\.000,01' .*ten hoogste € 1\.000\.000,00/,
    ],
    [
      'a name with ESC, shown escaped',
      ['ouder', 'add', '--naam', `Piet${ESC}[31mRood`],
      /--naam: 'Piet\\x1B\[31mRood' .*ten hoogste 200 tekens, zonder stuurtekens/,
    ],
    [
      'a name of 201 characters, shown shortened',
      ['gastouder', 'add', '--naam', 'x'.repeat(201), '--geboortedatum', '1980-01-01'],
      /--naam: 'x{40}… \(201 tekens\)' .*ten hoogste 200 tekens/,
    ],
    ['an edit to a name with a tab', ['ouder', 'edit', 'O0001', '--naam', 'Piet\tJansen'], /--naam: 'Piet\\tJansen'/],
    ['an address with a line end', ['ouder', 'edit', 'O0001', '--adres', 'Kerkweg 2\nUtrecht'], /--adres: 'Kerkweg 2\\nUtrecht'/],
    [
      'a mandate of 60 characters (was cut in the XML)',
      ['ouder', 'edit', 'O0001', '--mandaat', 'M'.repeat(60)],
      /--mandaat: .*1 tot 35 tekens uit de SEPA-tekenset/,
    ],
    [
      'a mandate outside the SEPA set (was changed in the XML)',
      ['ouder', 'edit', 'O0001', '--mandaat', 'ä&<'],
      /--mandaat: 'ä&<' .*SEPA-tekenset/,
    ],
    [
      'a signer name with ESC',
      ['contract', 'teken', '--koppeling', 'KP0001', '--partij', 'ouder', '--naam', `Piet${ESC}`],
      /--naam: 'Piet\\x1B'/,
    ],
  ])('as an option: %s is exit 2', async (_, args, message) => {
    const r = await gob(dir, args as string[]);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toContain(ESC);
    expect(r.code).toBe(2);
  });

  it('in a CSV file: an error of that row, naming line, field and value; nothing stored', async () => {
    const big = 'E'.repeat(2 * 1024 * 1024);
    writeCsv(
      path.join(dir, 'o.csv'),
      [
        'naam;adres;mandaat',
        `Goed;Kerkweg 1;MND-1`,
        `Piet${ESC}[2J;;`,
        `${'n'.repeat(201)};;`,
        `Nul;Kerkweg\u00002;`,
        `${big};;`,
        'Mandaat;;ä&<',
        `Mandaat;;${'M'.repeat(36)}`,
      ],
      'utf-8',
    );
    const r = await gob(dir, ['ouder', 'import', 'o.csv', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).not.toContain('\u0000');
    expect(r.stderr).toMatch(
      /regel 3: naam: 'Piet\\x1B\[2J' is geen geldige waarde; toegestaan: tekst van ten hoogste 200 tekens, zonder stuurtekens/,
    );
    expect(r.stderr).toMatch(/regel 4: naam: 'n{40}… \(201 tekens\)'/);
    expect(r.stderr).toMatch(/regel 5: adres: 'Kerkweg\\x002'/);
    expect(r.stderr).toMatch(/regel 6: naam: 'E{40}… \(2\.097\.152 tekens\)'/);
    expect(r.stderr).toMatch(/regel 7: mandaat: 'ä&<'/);
    expect(r.stderr).toMatch(/regel 8: mandaat: 'M{36}'/);
    expect(r.stdout.length).toBeLessThan(10_000);
    expect(JSON.parse(r.stdout).fouten).toHaveLength(6);
    writeCsv(path.join(dir, 'h.csv'), [`naam;kleur${ESC}[0m`, 'Piet;rood'], 'utf-8');
    const h = await gob(dir, ['ouder', 'import', 'h.csv']);
    expect(h.stderr).toContain('regel 1: kleur\\x1B[0m: onbekende kolom');
    expect(h.stderr).not.toContain(ESC);
    writeCsv(
      path.join(dir, 'k.csv'),
      ['kind;gastouder;start;uurtarief', 'K0001;G0001;2026-01-01;0', 'K0001;G0001;2027-01-01;90.000.000.000'],
      'utf-8',
    );
    const k = await gob(dir, ['koppeling', 'import', 'k.csv']);
    expect(k.code).toBe(1);
    expect(k.stderr).toMatch(/regel 2: uurtarief: '0' .*meer dan € 0,00/);
    expect(k.stderr).toMatch(/regel 3: uurtarief: '90\.000\.000\.000'/);
    // Nothing of the options above or of these files was stored.
    expect(await counts()).toEqual([1, 2, 1, 0]);
    expect(JSON.parse((await gob(dir, ['ouder', 'show', 'O0001', '--json'])).stdout)).toMatchObject({
      naam: 'Piet',
      adres: null,
      mandaat: null,
    });
  });

  it('an urenkaart opmerking: at most 500 characters without control characters, else an error of its row', async () => {
    expect((await gob(dir, [...kp, '7,50'])).code).toBe(0);
    writeCsv(
      path.join(dir, 'u.csv'),
      [
        'gastouder;kind;datum;van;tot;opmerking',
        `G0001;K0001;2026-10-05;08:00;12:00;${'o'.repeat(500)}`,
        `G0001;K0001;2026-10-06;08:00;12:00;${'o'.repeat(501)}`,
        `G0001;K0001;2026-10-07;08:00;12:00;ziek${ESC}[0m`,
      ],
      'utf-8',
    );
    const r = await gob(dir, ['urenkaart', 'import', 'u.csv', '--today', '2026-11-02']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /regel 3: opmerking: 'o{40}… \(501 tekens\)' is geen geldige waarde; toegestaan: tekst van ten hoogste 500 tekens/,
    );
    expect(r.stderr).toMatch(/regel 4: opmerking: 'ziek\\x1B\[0m'/);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).not.toMatch(/regel 2/);
    expect(JSON.parse((await gob(dir, ['urenkaart', 'list', '--maand', '2026-10', '--json'])).stdout)).toEqual([]);
  });

  it('a prompt rejects a value out of bounds', async () => {
    const deps = await testDeps();
    try {
      await addRecord(GASTOUDER_FIELDS, { naam: 'Anna', geboortedatum: '1980-01-01' }, deps);
      await addRecord(OUDER_FIELDS, { naam: 'Piet' }, deps);
      await addRecord(KIND, { naam: 'Kim', geboortedatum: '2024-01-01', ouder: 'O0001' }, deps);
      let asked: (string | true)[] = [];
      const prompts = {
        async input(message: string, options: { validate?: (value: string) => true | string } = {}) {
          const v = options.validate!;
          if (message.startsWith('uurtarief')) {
            asked = ['0', '100,01', '90.000.000.000', '7,50'].map(v);
            return '7,50';
          }
          return '';
        },
        confirm: async () => true,
        password: async () => '',
      };
      await addRecord(KOPPELING, { kind: 'K0001', gastouder: 'G0001', start: '2026-01-01' }, { ...deps, prompts });
      expect(asked).toEqual([
        'Toegestaan: een bedrag van meer dan € 0,00 en ten hoogste € 100,00, als 7,50 of € 7,50.',
        'Toegestaan: een bedrag van meer dan € 0,00 en ten hoogste € 100,00, als 7,50 of € 7,50.',
        'Toegestaan: een bedrag van meer dan € 0,00 en ten hoogste € 100,00, als 7,50 of € 7,50.',
        true,
      ]);
      const answers: (string | true)[] = [];
      const naam = await requireOption(
        'naam',
        undefined,
        parseText,
        {
          ...deps,
          prompts: {
            async input(_: string, options: { validate?: (value: string) => true | string } = {}) {
              answers.push(options.validate!(`Piet${ESC}`), options.validate!('p'.repeat(201)), options.validate!('Piet'));
              return 'Piet';
            },
            confirm: async () => true,
            password: async () => '',
          },
        },
        'Naam?',
      );
      expect(naam).toBe('Piet');
      const rejected = 'Toegestaan: tekst van ten hoogste 200 tekens, zonder stuurtekens (zoals tab, regeleinde, ESC of NUL).';
      expect(answers).toEqual([rejected, rejected, true]);
    } finally {
      await deps.close();
    }
  });
});

describe('a BSN belongs to one person', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fresh();
    for (const args of [
      ['ouder', 'add', '--naam', 'Piet', '--bsn', '123456782'],
      ['ouder', 'add', '--naam', 'Klaas'],
      ['kind', 'add', '--naam', 'Kim', '--geboortedatum', '2024-01-01', '--ouder', 'O0001', '--bsn', '111222333'],
      ['kind', 'add', '--naam', 'Kas', '--geboortedatum', '2024-01-01', '--ouder', 'O0001'],
    ]) {
      const r = await gob(dir, args);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it.each([
    [
      'two ouders',
      ['ouder', 'add', '--naam', 'Kees', '--bsn', '123456782'],
      /bsn: BSN \*{5}6782 is al van ouder O0001; een BSN hoort bij één persoon/,
    ],
    ["an ouder edited to another ouder's", ['ouder', 'edit', 'O0002', '--bsn', '123456782'], /bsn: BSN \*{5}6782 is al van ouder O0001/],
    [
      'an ouder and a kind',
      ['kind', 'add', '--naam', 'Kees', '--geboortedatum', '2024-01-01', '--ouder', 'O0002', '--bsn', '123456782'],
      /is al van ouder O0001/,
    ],
    ['a kind and an ouder', ['ouder', 'edit', 'O0002', '--bsn', '111222333'], /bsn: BSN \*{5}2333 is al van kind K0001/],
    ['two kinderen', ['kind', 'edit', 'K0002', '--bsn', '111222333'], /is al van kind K0001/],
  ])('%s: refused (exit 1), naming the other record', async (_, args, message) => {
    const r = await gob(dir, args as string[]);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toContain('123456782');
    expect(r.code).toBe(1);
  });

  it('an edit that keeps its own BSN, and an import of the unchanged export, are fine', async () => {
    expect((await gob(dir, ['ouder', 'edit', 'O0001', '--bsn', '123456782', '--plaats', 'Utrecht'])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'k.csv'), (await gob(dir, ['kind', 'list', '--csv', '--toon-bsn'])).stdout);
    expect((await gob(dir, ['kind', 'import', 'k.csv'])).code).toBe(0);
  });

  it('in an import: an error of the row, also for two rows of one file', async () => {
    writeCsv(path.join(dir, 'o.csv'), ['naam;bsn', 'Kees;111222333', 'Els;100000009', 'Joop;100000009', 'Ria;123456782'], 'utf-8');
    const r = await gob(dir, ['ouder', 'import', 'o.csv', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/regel 2: bsn: BSN \*{5}2333 is al van kind K0001/);
    // Els (line 3) would have been O0004: Kees (line 2) is stored too until the file is judged.
    expect(r.stderr).toMatch(/regel 4: bsn: BSN \*{5}0009 staat ook op regel 3 \(ouder O0004\)/);
    expect(r.stderr).toMatch(/regel 5: bsn: BSN \*{5}6782 is al van ouder O0001/);
    expect(JSON.parse(r.stdout).fouten).toHaveLength(3);
    expect(JSON.parse((await gob(dir, ['ouder', 'list', '--json'])).stdout)).toHaveLength(2);
  });

  it('in an import: two BSNs swapped back in one file are fine; half a swap is refused', async () => {
    // Kim has 111222333 (above); Kas gets one, and then the file puts them the right way round.
    expect((await gob(dir, ['kind', 'edit', 'K0002', '--bsn', '100000009'])).code).toBe(0);
    const header = 'code;naam;geboortedatum;ouder;bsn';
    writeCsv(path.join(dir, 'half.csv'), [header, 'K0001;Kim;2024-01-01;O0001;100000009'], 'utf-8');
    const half = await gob(dir, ['kind', 'import', 'half.csv']);
    expect(half.code).toBe(1);
    expect(half.stderr).toMatch(/regel 2: bsn: BSN \*{5}0009 is al van kind K0002; een BSN hoort bij één persoon/);
    writeCsv(path.join(dir, 'swap.csv'), [header, 'K0001;Kim;2024-01-01;O0001;100000009', 'K0002;Kas;2024-01-01;O0001;111222333'], 'utf-8');
    const swap = await gob(dir, ['kind', 'import', 'swap.csv']);
    expect(swap.code, swap.stderr).toBe(0);
    const kinderen = JSON.parse((await gob(dir, ['kind', 'list', '--json', '--toon-bsn'])).stdout) as { code: string; bsn: string }[];
    expect(kinderen.map((k) => [k.code, k.bsn])).toEqual([
      ['K0001', '100000009'],
      ['K0002', '111222333'],
    ]);
    // A file that leaves one BSN with two children: the line that gave it away is named.
    writeCsv(path.join(dir, 'drie.csv'), [header, 'K0001;Kim;2024-01-01;O0001;111222333', 'K0002;Kas;2024-01-01;O0001;111222333'], 'utf-8');
    const drie = await gob(dir, ['kind', 'import', 'drie.csv']);
    expect(drie.code).toBe(1);
    expect(drie.stderr).toMatch(/regel 2: bsn: BSN \*{5}2333 is al van kind K0002/);
    expect(drie.stderr).not.toMatch(/regel 3:/);
  });
});
