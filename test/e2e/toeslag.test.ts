// The toeslag data (CONTRACT §8): the monthly delivery to Dienst Toeslagen, its check, the maximum
// hourly price per year as data, and the ouder's toeslagpartner (§3). One small bureau whose every
// figure is computed by hand below; amounts in cent.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INIT } from '../demo.js';
import { type GobResult, gob, tempDir, writeCsv } from '../helpers.js';

const on = (today: string) => ({ GOB_TODAY: today });

async function ok(dir: string, args: string[], today: string): Promise<GobResult> {
  const r = await gob(dir, args, on(today));
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

const HEADER =
  'lrk-bureau;kvk-bureau;bsn-aanvrager;naam-aanvrager;geboortedatum-aanvrager;bsn-partner;bsn-kind;naam-kind;geboortedatum-kind;lrk-opvang;maand;uren;uurprijs;bedrag;begindatum;einddatum';
const LUKASZ = '987654321;12345678;123456782;Łukasz Wałęsa;1988-07-04;111222333';
const ZOE = '100000009;Zoë Wałęsa;2024-02-29';
const MILAN = ';Milan Wałęsa;2021-06-14';
const JAN = '987654321;12345678;;Jan Jansen;;';
const SEM = ';Sem Jansen;2023-01-21';

/** Weekdays of February 2026 (the 1st is a Sunday): 20 days. */
const FEBRUARI_WERKDAGEN = Array.from({ length: 28 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`).filter(
  (d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()),
);

/**
 * Two gastouders (LRK 111111111 and 222222222), bureau fees by the month (defaults: € 29,50 for one
 * child, € 57,50 for more at one gastouder). Łukasz (O0001, with a toeslagpartner) has Zoë at both
 * gastouders and Milan at Anna; Jan (O0002, no BSN, no birth date) has Sem at Renée, whose
 * koppeling ends 2026-06-30.
 *
 * January (invoiced 2026-02-02):
 * - Anna: Zoë 2 × 10 h = 1200 min × € 7,50 = 150,00; Milan 08:00–13:30 = 330 min = 41,25; one fee
 *   of 57,50 split 1200 : 330 by largest remainder: 4509,80 → 4510 and 1240,20 → 1240.
 *   Zoë 150,00 + 45,10 = 195,10 over 20 h: 9,755 → 9,76. Milan 41,25 + 12,40 = 53,65 over 5,5 h: 9,75.
 * - Renée: Zoë 4 h × € 8,00 = 32,00 + 29,50 = 61,50 (15,375 → 15,38); Sem 8 h = 64,00 + 29,50 = 93,50 (11,69).
 * February (invoiced 2026-03-02): Zoë at Anna 9 h = 67,50 + 29,50 = 97,00 (10,78); Sem at Renée
 * 20 days 07:00–18:45 = 14100 min = 235 h (above 230) = 1880,00 + 29,50 = 1909,50 (8,13).
 * Then January is corrected (2026-03-03): Milan 08:00–14:00, 30 min more = + 3,75. The fee split
 * becomes 1200 : 360: 4423,08 → 4423 and 1326,92 → 1327. Zoë 194,23 (9,71), Milan 45,00 + 13,27 = 58,27 (9,71).
 */
async function bureau(): Promise<string> {
  const dir = tempDir();
  const f = (name: string, lines: string[]) => writeCsv(path.join(dir, name), lines, 'utf-8');
  await ok(dir, DEMO_INIT, '2026-01-02');
  f('gastouders.csv', [
    'code;naam;geboortedatum;adres;postcode;plaats;iban;lrk',
    'G0001;Anna de Vries;1978-03-12;Lindenlaan 4;3581 AB;Utrecht;NL20INGB0001234567;111111111',
    'G0002;Renée Müller;1985-07-23;Kerkstraat 12;3811 CV;Amersfoort;NL44RABO0123456789;222222222',
  ]);
  f('ouders.csv', [
    'code;naam;geboortedatum;adres;postcode;plaats;bsn;partner-naam;partner-bsn;partner-geboortedatum',
    'O0001;Łukasz Wałęsa;1988-07-04;Oudegracht 100;3511 AB;Utrecht;123456782;Anna Wałęsa;111222333;1989-05-06',
    'O0002;Jan Jansen;;Hoogland 7;3828 AA;Amersfoort;;;;',
  ]);
  f('kinderen.csv', [
    'code;naam;geboortedatum;bsn;ouder',
    'K0001;Zoë Wałęsa;2024-02-29;100000009;O0001',
    'K0002;Milan Wałęsa;2021-06-14;;O0001',
    'K0003;Sem Jansen;2023-01-21;;O0002',
  ]);
  f('koppelingen.csv', [
    'code;kind;gastouder;start;eind;uurtarief',
    'KP0001;K0001;G0001;2026-01-01;;7,50',
    'KP0002;K0002;G0001;2026-01-01;;7,50',
    'KP0003;K0001;G0002;2026-01-07;;8,00',
    'KP0004;K0003;G0002;2025-09-01;2026-06-30;8,00',
  ]);
  for (const [noun, file] of [
    ['gastouder', 'gastouders'],
    ['ouder', 'ouders'],
    ['kind', 'kinderen'],
    ['koppeling', 'koppelingen'],
  ])
    await ok(dir, [noun!, 'import', `${file}.csv`], '2026-01-02');
  const uren = 'gastouder;kind;datum;van;tot';
  f('jan.csv', [
    uren,
    'G0001;K0001;2026-01-05;08:00;18:00',
    'G0001;K0001;2026-01-06;08:00;18:00',
    'G0001;K0002;2026-01-05;08:00;13:30',
    'G0002;K0001;2026-01-07;08:00;12:00',
    'G0002;K0003;2026-01-07;08:00;16:00',
  ]);
  await ok(dir, ['urenkaart', 'import', 'jan.csv'], '2026-02-02');
  await ok(dir, ['factuur', 'run', '--maand', '2026-01'], '2026-02-02');
  f('feb.csv', [uren, 'G0001;K0001;2026-02-02;08:00;17:00', ...FEBRUARI_WERKDAGEN.map((d) => `G0002;K0003;${d};07:00;18:45`)]);
  await ok(dir, ['urenkaart', 'import', 'feb.csv'], '2026-03-02');
  await ok(dir, ['factuur', 'run', '--maand', '2026-02'], '2026-03-02');
  return dir;
}

describe('a small bureau’s toeslag data', () => {
  let dir: string;
  const csv = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  beforeAll(async () => {
    dir = await bureau();
  }, 60_000);

  it('toeslag export: the exact header, a row per ouder × kind × LRK × month from January, amounts with the fee split, file 0600, no overwrite', async () => {
    expect((await gob(dir, ['toeslag', 'export', '--maand', '2025-12', '--out', 'leeg.csv'], on('2026-03-02'))).stderr).toMatch(
      /nog geen facturen over 2025-01 t\/m 2025-12.*gob factuur run --maand 2025-12/,
    );
    expect(fs.existsSync(path.join(dir, 'leeg.csv'))).toBe(false);

    const jan = await ok(dir, ['toeslag', 'export', '--maand', '2026-01', '--out', 'jan-levering.csv', '--json'], '2026-03-02');
    expect(JSON.parse(jan.stdout)).toMatchObject({ maand: '2026-01', van: '2026-01', rijen: 4, ouders: 2, kinderen: 3 });
    expect(csv('jan-levering.csv')).toBe(
      [
        HEADER,
        `${LUKASZ};${ZOE};111111111;2026-01;20,00;9,76;195,10;2026-01-01;`,
        `${LUKASZ};${ZOE};222222222;2026-01;4,00;15,38;61,50;2026-01-07;`,
        `${LUKASZ};${MILAN};111111111;2026-01;5,50;9,75;53,65;2026-01-01;`,
        `${JAN};${SEM};222222222;2026-01;8,00;11,69;93,50;2025-09-01;2026-06-30`,
        '',
      ].join('\r\n'),
    );
    expect(fs.statSync(path.join(dir, 'jan-levering.csv')).mode & 0o777).toBe(0o600);
    expect((await ok(dir, ['log', '--limit', '1'], '2026-03-02')).stdout).toMatch(
      /toeslag export +toeslaglevering 2026-01 t\/m 2026-01 geschreven: jan-levering.csv, 4 rijen, 2 ouders/,
    );

    // Cumulative: February's delivery repeats January.
    const feb = await ok(dir, ['toeslag', 'export', '--maand', '2026-02', '--out', 'feb-levering.csv'], '2026-03-02');
    expect(feb.stdout).toMatch(/6 rijen voor 2 ouders/);
    const voor = [
      HEADER,
      `${LUKASZ};${ZOE};111111111;2026-01;20,00;9,76;195,10;2026-01-01;`,
      `${LUKASZ};${ZOE};111111111;2026-02;9,00;10,78;97,00;2026-01-01;`,
      `${LUKASZ};${ZOE};222222222;2026-01;4,00;15,38;61,50;2026-01-07;`,
      `${LUKASZ};${MILAN};111111111;2026-01;5,50;9,75;53,65;2026-01-01;`,
      `${JAN};${SEM};222222222;2026-01;8,00;11,69;93,50;2025-09-01;2026-06-30`,
      `${JAN};${SEM};222222222;2026-02;235,00;8,13;1909,50;2025-09-01;2026-06-30`,
      '',
    ];
    expect(csv('feb-levering.csv')).toBe(voor.join('\r\n'));

    // A later correction of January changes January's rows (and only those) in the next delivery.
    const r = await gob(dir, ['toeslag', 'export', '--maand', '2026-02', '--out', 'feb-levering.csv'], on('2026-03-03'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/feb-levering.csv bestaat al.*--force/);
    writeCsv(
      path.join(dir, 'jan-anna.csv'),
      [
        'gastouder;kind;datum;van;tot',
        'G0001;K0001;2026-01-05;08:00;18:00',
        'G0001;K0001;2026-01-06;08:00;18:00',
        'G0001;K0002;2026-01-05;08:00;14:00',
      ],
      'utf-8',
    );
    await ok(dir, ['urenkaart', 'import', 'jan-anna.csv', '--te-laat'], '2026-03-03');
    const correctie = JSON.parse((await ok(dir, ['factuur', 'run', '--maand', '2026-01', '--json'], '2026-03-03')).stdout);
    expect(correctie.facturen).toMatchObject([{ ouder: 'O0001', totaalCent: 375 }]);
    await ok(dir, ['toeslag', 'export', '--maand', '2026-02', '--out', 'feb-levering.csv', '--force'], '2026-03-03');
    const na = [...voor];
    na[1] = `${LUKASZ};${ZOE};111111111;2026-01;20,00;9,71;194,23;2026-01-01;`;
    na[4] = `${LUKASZ};${MILAN};111111111;2026-01;6,00;9,71;58,27;2026-01-01;`;
    expect(csv('feb-levering.csv')).toBe(na.join('\r\n'));
    expect(fs.statSync(path.join(dir, 'feb-levering.csv')).mode & 0o777).toBe(0o600);
  });

  it('toeslag check: each missing or invalid detail once (BSNs masked), hours above 230, prices above the maximum as information; exit 1, then 0', async () => {
    // An invalid BSN from before gob checked them, and a bureau whose LRK was cleared after invoicing.
    const db = new Database(path.join(dir, 'data', 'gob.sqlite'));
    db.prepare("update kind set bsn = '123456789' where code = 'K0003'").run();
    db.prepare('update bureau set lrk = null').run();
    db.close();
    const r = await gob(dir, ['toeslag', 'check', '--maand', '2026-02', '--json'], on('2026-03-03'));
    expect(r.code, r.stderr).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(r.stdout).not.toMatch(/123456789|123456782|111222333/);
    expect(result).toMatchObject({
      maand: '2026-02',
      rijen: 6,
      ouders: 2,
      maximumCent: 849,
      oudersZonderBsn: 1,
      kinderenZonderBsn: 2,
      fouten: 6,
      informatie: 5,
    });
    const fouten = result.bevindingen.filter((b: { soort: string }) => b.soort !== 'uurprijs');
    expect(fouten.map((b: { soort: string; ouder: string; kind: string; maand: string }) => [b.soort, b.ouder, b.kind, b.maand])).toEqual([
      ['lrk-bureau', null, null, null],
      ['bsn-kind', 'O0001', 'K0002', '2026-01'],
      ['bsn-aanvrager', 'O0002', null, '2026-01'],
      ['geboortedatum-aanvrager', 'O0002', null, '2026-01'],
      ['bsn-kind', 'O0002', 'K0003', '2026-01'],
      ['uren', 'O0002', 'K0003', '2026-02'],
    ]);
    expect(fouten[4].melding).toMatch(/kind K0003 \(Sem Jansen\) van ouder O0002: BSN \*\*\*\*\*6789 klopt niet/);
    expect(fouten[5].melding).toMatch(/235,00 uur in 2026-02/);
    const info = result.bevindingen.filter((b: { soort: string }) => b.soort === 'uurprijs');
    expect(info.map((b: { kind: string; maand: string }) => `${b.kind} ${b.maand}`)).toEqual([
      'K0001 2026-01',
      'K0001 2026-01',
      'K0001 2026-02',
      'K0002 2026-01',
      'K0003 2026-01',
    ]);
    expect(info[2].melding).toMatch(/€ 10,78 is hoger dan de maximale uurprijs € 8,49/);

    // The export still writes every row, the missing cell empty.
    await ok(dir, ['toeslag', 'export', '--maand', '2026-01', '--out', 'zonder-lrk.csv'], '2026-03-03');
    expect(csv('zonder-lrk.csv').split('\r\n')[4]).toBe(
      ';12345678;;Jan Jansen;;;123456789;Sem Jansen;2023-01-21;222222222;2026-01;8,00;11,69;93,50;2025-09-01;2026-06-30',
    );

    const tekst = await gob(dir, ['toeslag', 'check', '--maand', '2026-02'], on('2026-03-03'));
    expect(tekst.code).toBe(1);
    expect(tekst.stdout).toMatch(/^2026-01 {2}ouder O0002 \(Jan Jansen\): het BSN ontbreekt/m);
    expect(tekst.stdout).toMatch(/Zonder \(geldig\) BSN: 1 ouder en 2 kinderen\. Een ontbrekend BSN is de eerste reden/);

    // Fixed: January has only information left (exit 0); February still has Sem's 235 hours.
    await ok(dir, ['ouder', 'edit', 'O0002', '--bsn', '100000046', '--geboortedatum', '1982-10-30'], '2026-03-03');
    await ok(dir, ['kind', 'edit', 'K0002', '--bsn', '100000022'], '2026-03-03');
    await ok(dir, ['kind', 'edit', 'K0003', '--bsn', '100000034'], '2026-03-03');
    await ok(dir, ['bureau', 'set', '--lrk', '987654321'], '2026-03-03');
    const januari = JSON.parse((await ok(dir, ['toeslag', 'check', '--maand', '2026-01', '--json'], '2026-03-03')).stdout);
    expect(januari).toMatchObject({ fouten: 0, informatie: 4, oudersZonderBsn: 0, kinderenZonderBsn: 0 });
    const alleenInfo = await ok(dir, ['toeslag', 'check', '--maand', '2026-01'], '2026-03-03');
    expect(alleenInfo.stdout).toMatch(/^Ter informatie \(geen fout in de levering\):\n2026-01 {2}kind K0001 \(Zoë Wałęsa\)/);
    expect(alleenInfo.stdout).toMatch(/0 fouten, 4 ter informatie/);
    const februari = await gob(dir, ['toeslag', 'check', '--maand', '2026-02', '--json'], on('2026-03-03'));
    expect(februari.code).toBe(1);
    expect(JSON.parse(februari.stdout).bevindingen.filter((b: { soort: string }) => b.soort !== 'uurprijs')).toMatchObject([
      { soort: 'uren', kind: 'K0003' },
    ]);
  });

  it('toeslag tarief: built-in years fixed, a later year set by the bureau and used by invoices of that year; --force replaces it without changing an invoice', async () => {
    const lijst = JSON.parse((await ok(dir, ['toeslag', 'tarief', '--json'], '2026-03-03')).stdout);
    expect(lijst).toEqual([
      { jaar: 2024, maxCent: 753, ingebouwd: true },
      { jaar: 2025, maxCent: 810, ingebouwd: true },
      { jaar: 2026, maxCent: 849, ingebouwd: true },
    ]);
    const wet = await gob(dir, ['toeslag', 'tarief', '--jaar', '2026', '--max', '9,00', '--force'], on('2026-03-03'));
    expect([wet.code, wet.stderr]).toEqual([1, expect.stringMatching(/2026 \(€ 8,49\) staat in de wet/)]);
    for (const args of [
      ['--jaar', '2027'],
      ['--max', '8,90'],
      ['--jaar', '1999', '--max', '8,90'],
      ['--jaar', '2027', '--max', '0'],
      ['--jaar', '2027', '--max', '100,01'],
    ])
      expect((await gob(dir, ['toeslag', 'tarief', ...args], on('2026-03-03'))).code, args.join(' ')).toBe(2);
    await ok(dir, ['toeslag', 'tarief', '--jaar', '2027', '--max', '8,90'], '2026-12-01');

    const uren = (maand: string) =>
      writeCsv(path.join(dir, `uren-${maand}.csv`), ['gastouder;kind;datum;van;tot', `G0001;K0001;${maand}-05;08:00;18:00`], 'utf-8');
    uren('2027-01');
    await ok(dir, ['urenkaart', 'import', 'uren-2027-01.csv'], '2027-02-01');
    const f2027 = JSON.parse((await ok(dir, ['factuur', 'run', '--maand', '2027-01', '--json'], '2027-02-01')).stdout).facturen[0].nummer;
    uren('2028-01');
    await ok(dir, ['urenkaart', 'import', 'uren-2028-01.csv'], '2028-02-01');
    const f2028 = JSON.parse((await ok(dir, ['factuur', 'run', '--maand', '2028-01', '--json'], '2028-02-01')).stdout).facturen[0].nummer;
    const show = async (nummer: string) => (await ok(dir, ['factuur', 'show', nummer], '2028-02-01')).stdout;
    expect(await show(f2027)).toMatch(/Maximale uurprijs gastouderopvang 2027 voor de kinderopvangtoeslag: € 8,90/);
    expect(await show(f2028)).toMatch(/maximale uurprijs voor de kinderopvangtoeslag van dit jaar is nog niet\s+bekend/);

    const zonder = await gob(dir, ['toeslag', 'tarief', '--jaar', '2027', '--max', '9,10'], on('2028-02-01'));
    expect([zonder.code, zonder.stderr]).toEqual([
      1,
      expect.stringMatching(/Voor 2027 is al een maximale uurprijs ingesteld: € 8,90\..*--force/),
    ]);
    expect(
      JSON.parse((await ok(dir, ['toeslag', 'tarief', '--jaar', '2027', '--max', '9,10', '--force', '--json'], '2028-02-01')).stdout),
    ).toMatchObject({
      jaar: 2027,
      maxCent: 910,
      vorigeCent: 890,
    });
    expect(JSON.parse((await ok(dir, ['toeslag', 'tarief', '--json'], '2028-02-01')).stdout).at(-1)).toEqual({
      jaar: 2027,
      maxCent: 910,
      ingebouwd: false,
    });
    expect(await show(f2027)).toMatch(/2027 voor de kinderopvangtoeslag: € 8,90/);
    expect((await ok(dir, ['log', '--limit', '1'], '2028-02-01')).stdout).toMatch(
      /toeslag tarief +maximale uurprijs kinderopvangtoeslag 2027: € 9,10 \(was € 8,90\)/,
    );
    // The check compares with the year's maximum from the database.
    expect(JSON.parse((await gob(dir, ['toeslag', 'check', '--maand', '2028-01', '--json'], on('2028-02-01'))).stdout)).toMatchObject({
      maximumCent: null,
    });
  });
});

describe('toeslag rows of a koppeling changed within a month, and of a month credited to zero', () => {
  it('covers the whole month’s care in begindatum and einddatum, and writes a credited month as 0 hours', async () => {
    const dir = await bureau();
    const csv = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8').split('\r\n');
    // Zoë's koppeling at Renée (KP0003, from 2026-01-07) ends on 15 March; a new one at the same LRK starts on the 20th.
    await ok(dir, ['koppeling', 'end', 'KP0003', '--eind', '2026-03-15', '--zonder-opzegtermijn'], '2026-03-03');
    await ok(
      dir,
      ['koppeling', 'add', '--code', 'KP0005', '--kind', 'K0001', '--gastouder', 'G0002', '--start', '2026-03-20', '--uurtarief', '8'],
      '2026-03-03',
    );
    writeCsv(
      path.join(dir, 'maart.csv'),
      ['gastouder;kind;datum;van;tot', 'G0002;K0001;2026-03-04;08:00;12:00', 'G0002;K0001;2026-03-23;08:00;12:00'],
      'utf-8',
    );
    await ok(dir, ['urenkaart', 'import', 'maart.csv'], '2026-04-01');
    await ok(dir, ['factuur', 'run', '--maand', '2026-03'], '2026-04-01');
    await ok(dir, ['toeslag', 'export', '--maand', '2026-03', '--out', 'maart-levering.csv'], '2026-04-01');
    const maart = csv('maart-levering.csv');
    // 8 h × € 8,00 + € 29,50 = € 93,50; care of the 4th (KP0003) and the 23rd (KP0005): one period
    // from KP0003's start, open because KP0005 runs on.
    expect(maart).toContain(`${LUKASZ};${ZOE};222222222;2026-03;8,00;11,69;93,50;2026-01-07;`);
    // January had only KP0003, which now ends on 15 March.
    expect(maart).toContain(`${LUKASZ};${ZOE};222222222;2026-01;4,00;15,38;61,50;2026-01-07;2026-03-15`);

    // Milan's January at Anna credited to zero: Anna's January again, with Zoë's days only.
    writeCsv(
      path.join(dir, 'jan-anna.csv'),
      ['gastouder;kind;datum;van;tot', 'G0001;K0001;2026-01-05;08:00;18:00', 'G0001;K0001;2026-01-06;08:00;18:00'],
      'utf-8',
    );
    await ok(dir, ['urenkaart', 'import', 'jan-anna.csv', '--te-laat'], '2026-04-01');
    await ok(dir, ['factuur', 'run', '--maand', '2026-01'], '2026-04-01');
    await ok(dir, ['toeslag', 'export', '--maand', '2026-03', '--out', 'maart-levering.csv', '--force'], '2026-04-01');
    const na = csv('maart-levering.csv');
    // Delivered before with 5,50 h: now a row of 0 hours and € 0,00, no average price, so that the
    // correction reaches Dienst Toeslagen. The fee (now € 29,50 for one child) is all Zoë's:
    // 150,00 + 29,50 = 179,50 over 20 h = 8,975 → 8,98.
    expect(na).toContain(`${LUKASZ};${MILAN};111111111;2026-01;0,00;;0,00;2026-01-01;`);
    expect(na).toContain(`${LUKASZ};${ZOE};111111111;2026-01;20,00;8,98;179,50;2026-01-01;`);
    expect(na).toHaveLength(maart.length);
    // The jaaropgave leaves the month out (it shows what was billed): Milan has no line on it.
    const jaaropgave = JSON.parse((await ok(dir, ['jaaropgave', 'run', '--jaar', '2026', '--json'], '2026-04-01')).stdout);
    expect(jaaropgave.gemaakt).toHaveLength(2);
    const show = JSON.parse((await ok(dir, ['jaaropgave', 'show', 'J2026-00001', '--json'], '2026-04-01')).stdout);
    expect(show.regels.map((r: { kind: string; lrk: string }) => `${r.kind} ${r.lrk}`)).toEqual(['K0001 111111111', 'K0001 222222222']);
  }, 60_000);
});

describe('the toeslagpartner of an ouder (§3)', () => {
  it('is stored by add, edit and import, masked unless --toon-bsn, and its BSN belongs to one person', async () => {
    const dir = tempDir();
    const today = '2026-11-23';
    await ok(dir, DEMO_INIT, today);
    const partner = ['--partner-naam', 'Anna Wałęsa', '--partner-bsn', '111222333', '--partner-geboortedatum', '06-05-1989'];
    await ok(dir, ['ouder', 'add', '--naam', 'Łukasz Wałęsa', '--bsn', '123456782', ...partner], today);
    const show = JSON.parse((await ok(dir, ['ouder', 'show', 'O0001', '--json'], today)).stdout);
    expect(show).toMatchObject({ partnerNaam: 'Anna Wałęsa', partnerBsn: '*****2333', partnerGeboortedatum: '1989-05-06' });
    expect(JSON.parse((await ok(dir, ['ouder', 'show', 'O0001', '--json', '--toon-bsn'], today)).stdout).partnerBsn).toBe('111222333');
    expect((await ok(dir, ['ouder', 'show', 'O0001'], today)).stdout).not.toMatch(/111222333/);
    expect(JSON.parse((await ok(dir, ['ouder', 'list', '--json'], today)).stdout)[0].partnerBsn).toBe('*****2333');
    const lijst = (await ok(dir, ['ouder', 'list', '--csv'], today)).stdout;
    expect(lijst).toMatch(/\*\*\*\*\*2333/);
    expect(lijst).not.toMatch(/111222333/);

    await ok(
      dir,
      ['kind', 'add', '--naam', 'Zoë Wałęsa', '--geboortedatum', '2024-02-29', '--bsn', '100000009', '--ouder', 'O0001'],
      today,
    );
    await ok(dir, ['ouder', 'edit', 'O0001', '--partner-bsn', '100000022'], today);
    expect(JSON.parse((await ok(dir, ['ouder', 'list', '--json', '--toon-bsn'], today)).stdout)[0].partnerBsn).toBe('100000022');

    // One BSN, one person: another ouder's, a kind's, or another partner's BSN is refused.
    for (const [args, wie] of [
      [['ouder', 'add', '--naam', 'X', '--partner-bsn', '123456782'], /ouder O0001/],
      [['ouder', 'add', '--naam', 'X', '--partner-bsn', '100000009'], /kind K0001/],
      [['ouder', 'add', '--naam', 'X', '--partner-bsn', '100000022'], /ouder O0001 \(partner-bsn\)/],
      [['ouder', 'add', '--naam', 'X', '--bsn', '100000022'], /ouder O0001 \(partner-bsn\)/],
    ] as const) {
      const r = await gob(dir, [...args], on(today));
      expect([r.code, r.stderr], args.join(' ')).toEqual([1, expect.stringMatching(wie)]);
    }

    // An import with the partner columns (its refusals name the row).
    const file = (lines: string[]) =>
      writeCsv(path.join(dir, 'ouders.csv'), ['code;naam;partner-naam;partner-bsn;partner-geboortedatum', ...lines], 'utf-8');
    file(['O0002;Jan Jansen;Eva Jansen;100000034;1984-01-02']);
    await ok(dir, ['ouder', 'import', 'ouders.csv'], today);
    expect(JSON.parse((await ok(dir, ['ouder', 'show', 'O0002', '--json', '--toon-bsn'], today)).stdout)).toMatchObject({
      partnerNaam: 'Eva Jansen',
      partnerBsn: '100000034',
      partnerGeboortedatum: '1984-01-02',
    });
    file(['O0003;Piet Pietersen;Eva Jansen;100000034;1984-01-02']);
    const dubbel = await gob(dir, ['ouder', 'import', 'ouders.csv'], on(today));
    expect([dubbel.code, dubbel.stderr]).toEqual([1, expect.stringMatching(/ouder O0002 \(partner-bsn\)/)]);
  });
});
