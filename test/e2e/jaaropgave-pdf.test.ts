// Jaaropgave PDFs and the yearly overview per gastouder (CONTRACT §8), through the built CLI:
// real PDFs checked with qpdf and pdftotext, files 0600, the overview's figures by hand.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertJaaropgaven } from '../../src/db/repo/jaaropgave.js';
import type { JaaropgaveGegevens } from '../../src/documents/jaaropgave.js';
import { createOrMigrateDatabase } from '../../src/db/open.js';
import { DEMO_INIT } from '../demo.js';
import { gob, tempDir } from '../helpers.js';
import { BSN_A, BSN_K1, ok, uren, yearBureau } from '../year.js';

const pdftotext = (file: string, layout = true) =>
  spawnSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' }).stdout;
const qpdfOk = (file: string) => {
  const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(check.status, check.stdout + check.stderr).toBe(0);
};
const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** A jaaropgave snapshot as `jaaropgave run` stores it: an ouder with a partner and two children, one at two gastouders. */
function gegevens(overrides: Partial<JaaropgaveGegevens> = {}): JaaropgaveGegevens {
  const maanden = (van: number, tot: number, minuten: number, bedragCent: number) =>
    Array.from({ length: tot - van + 1 }, (_, i) => ({ maand: `2026-${String(van + i).padStart(2, '0')}`, minuten, bedragCent }));
  return {
    bureau: {
      naam: 'Gastouderbureau De Zonnebloem',
      adres: 'Stationsplein 1',
      postcode: '3511 ED',
      plaats: 'Utrecht',
      kvk: '12345678',
      lrk: '987654321',
    },
    ouder: {
      code: 'O0001',
      naam: 'Łukasz Wałęsa',
      adres: 'Oudegracht 100',
      postcode: '3511 AB',
      plaats: 'Utrecht',
      geboortedatum: '1985-04-12',
      bsn: '123456782',
    },
    partner: { naam: 'Marja Wałęsa', geboortedatum: '1987-09-30', bsn: '111222333' },
    kinderen: {
      K0001: { naam: 'Zoë Wałęsa', geboortedatum: '2022-02-14', bsn: '234567892' },
      K0002: { naam: 'Sem Wałęsa', geboortedatum: '2024-06-01', bsn: null },
    },
    gastouders: { G0001: { naam: 'Anna de Vries' }, G0002: { naam: 'Renée Bakker' } },
    regels: [
      // 12 months of 70:45 at € 600,00: 849:00, € 7.200,00, € 8,48 an hour.
      {
        kind: 'K0001',
        gastouder: 'G0001',
        lrk: '111111111',
        minuten: 12 * 4245,
        bedragCent: 720000,
        uurprijsCent: 848,
        maanden: maanden(1, 12, 4245, 60000),
      },
      {
        kind: 'K0001',
        gastouder: 'G0002',
        lrk: '222222222',
        minuten: 3 * 600,
        bedragCent: 3 * 8123,
        uurprijsCent: 812,
        maanden: maanden(3, 5, 600, 8123),
      },
      {
        kind: 'K0002',
        gastouder: 'G0001',
        lrk: '111111111',
        minuten: 6 * 1200,
        bedragCent: 6 * 16500,
        uurprijsCent: 825,
        maanden: maanden(7, 12, 1200, 16500),
      },
    ],
    toeslagMaximumCent: 849,
    ...overrides,
  };
}

describe('jaaropgave pdf from stored snapshots', () => {
  let dir: string;
  let db: string;
  const run = (args: string[]) => gob(dir, ['--db', db, ...args]);

  beforeAll(async () => {
    dir = tempDir();
    db = path.join(dir, 'gob.sqlite');
    for (const args of [
      DEMO_INIT,
      ['ouder', 'add', '--naam', 'Łukasz Wałęsa', '--bsn', '123456782'],
      ['ouder', 'add', '--naam', 'Fatima El Amrani'],
    ]) {
      const r = await run(args);
      expect(r.code, r.stderr).toBe(0);
    }
    const { store } = await createOrMigrateDatabase(db);
    const minuten = 12 * 4245 + 3 * 600 + 6 * 1200;
    const totaal = 720000 + 3 * 8123 + 6 * 16500;
    const row = (nummer: string, versie: number, g: JaaropgaveGegevens, datum = '2027-01-15') => ({
      nummer,
      versie,
      jaar: 2026,
      ouder: g.ouder.code,
      datum,
      minuten,
      totaal_cent: totaal,
      kenmerk: `k${versie}`,
      gegevens: JSON.stringify(g),
    });
    const zonderBsn = gegevens({
      ouder: { code: 'O0002', naam: 'Fatima El Amrani', adres: null, postcode: null, plaats: null, geboortedatum: null, bsn: null },
      partner: null,
    });
    insertJaaropgaven(store.db, [
      row('J2026-00001', 1, gegevens()),
      row('J2026-00001', 2, gegevens(), '2027-02-10'),
      row('J2026-00002', 1, zonderBsn),
    ]);
    await store.close();
  });

  it('writes the latest version of each number of the year, 0600, that qpdf accepts; not again without --force', async () => {
    const r = await run(['jaaropgave', 'pdf', '--jaar', '2026', '--out', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("2 PDF's geschreven naar pdf");
    expect(fs.readdirSync(path.join(dir, 'pdf')).sort()).toEqual(['J2026-00001.pdf', 'J2026-00002.pdf']);
    for (const f of ['J2026-00001.pdf', 'J2026-00002.pdf']) {
      qpdfOk(path.join(dir, 'pdf', f));
      expect(mode(path.join(dir, 'pdf', f))).toBe(0o600);
    }
    const again = await run(['jaaropgave', 'pdf', 'J2026-00001', '--out', 'pdf']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/--force/);
    expect((await run(['jaaropgave', 'pdf', 'J2026-00001', '--out', 'pdf', '--force'])).code).toBe(0);
  });

  it('pdftotext shows every field of §8, BSNs in full, on one page; version 2 says what it replaces', () => {
    const file = path.join(dir, 'pdf', 'J2026-00001.pdf');
    const text = pdftotext(file);
    for (const field of [
      'JAAROPGAVE KINDEROPVANG 2026',
      'Gastouderbureau De Zonnebloem',
      'Stationsplein 1',
      '3511 ED Utrecht',
      'KvK 12345678',
      'LRK 987654321',
      'Łukasz Wałęsa',
      'Oudegracht 100',
      '3511 AB Utrecht',
      'J2026-00001',
      '10 februari 2027',
      '2, vervangt versie 1',
      'geboren 12 april 1985',
      'BSN 123456782',
      'Toeslagpartner',
      'Marja Wałęsa',
      'geboren 30 september 1987',
      'BSN 111222333',
      'Zoë Wałęsa (K0001)',
      'geboren 14 februari 2022, BSN 234567892',
      'Sem Wałęsa (K0002)',
      'geboren 1 juni 2024, BSN ontbreekt',
      'gastouder Anna de Vries, LRK 111111111',
      'gastouder Renée Bakker, LRK 222222222',
      'januari 2026',
      'december 2026',
      '70:45',
      '€ 600,00',
      '849:00',
      '€ 7.200,00',
      '€ 8,48',
      'maart 2026',
      '10:00',
      '€ 81,23',
      '30:00',
      '€ 243,69',
      '€ 8,12',
      '120:00',
      '€ 990,00',
      '€ 8,25',
      'Totaal van het jaar',
      '999:00',
      '€ 8.433,69',
      '€ 8,49',
    ])
      expect(text, field).toContain(field);
    expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+1\n/);
  });

  it('by numbers, several looked up at once: each its latest version, in any order', async () => {
    const r = await run(['jaaropgave', 'pdf', 'J2026-00002', 'J2026-00001', '--out', 'op-nummer']);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'op-nummer')).sort()).toEqual(['J2026-00001.pdf', 'J2026-00002.pdf']);
    expect(pdftotext(path.join(dir, 'op-nummer', 'J2026-00001.pdf'))).toContain('vervangt');
    expect(pdftotext(path.join(dir, 'op-nummer', 'J2026-00002.pdf'))).toContain('Fatima El Amrani');
  });

  it('a missing BSN is printed as "ontbreekt"; no partner, no partner line', () => {
    const text = pdftotext(path.join(dir, 'pdf', 'J2026-00002.pdf'));
    expect(text).toMatch(/Vraagouder\s+Fatima El Amrani\s+geboren ontbreekt\s+BSN ontbreekt/);
    expect(text).not.toContain('Toeslagpartner');
    expect(text).not.toContain('vervangt');
  });

  it('refuses a number that does not exist and a year without jaaropgaven (exit 1), and bad usage (exit 2)', async () => {
    const missing = await run(['jaaropgave', 'pdf', 'J2026-00001', 'J2026-00009', '--out', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Er is geen jaaropgave met nummer J2026-00009');
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
    const leeg = await run(['jaaropgave', 'pdf', '--jaar', '2025', '--out', 'x']);
    expect(leeg.code).toBe(1);
    expect(leeg.stderr).toContain('gob jaaropgave run --jaar 2025');
    expect((await run(['jaaropgave', 'pdf', '--out', 'x'])).code).toBe(2);
    expect((await run(['jaaropgave', 'pdf', 'J2026-00001', '--jaar', '2026', '--out', 'x'])).code).toBe(2);
    expect((await run(['jaaropgave', 'pdf', '--jaar', '26', '--out', 'x'])).code).toBe(2);
  });

  it('a batch on worker threads (the worker makes each document from its stored snapshot): the same bytes as one at a time', async () => {
    // Eight years of Łukasz's (one jaaropgave per ouder and year), none the tests above ask for:
    // a batch of eight goes to the workers.
    const jaren = Array.from({ length: 8 }, (_, i) => 2017 + i);
    const { store } = await createOrMigrateDatabase(db);
    await insertJaaropgaven(
      store.db,
      jaren.map((jaar, i) => {
        const g = gegevens({ ouder: { ...gegevens().ouder, naam: `Ouder Acht ${i + 1}` } });
        return {
          nummer: `J${jaar}-00001`,
          versie: 1,
          jaar,
          ouder: g.ouder.code,
          datum: `${jaar + 1}-01-15`,
          minuten: 60 * i,
          totaal_cent: 100 * i,
          kenmerk: 'k',
          gegevens: JSON.stringify(g),
        };
      }),
    );
    await store.close();
    for (const args of [
      ['jaaropgave', 'pdf', ...jaren.map((jaar) => `J${jaar}-00001`), '--out', 'acht'],
      ['jaaropgave', 'pdf', 'J2022-00001', '--out', 'een'],
    ]) {
      const r = await run(args);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(fs.readdirSync(path.join(dir, 'acht'))).toHaveLength(8);
    const batch = path.join(dir, 'acht', 'J2022-00001.pdf');
    expect(fs.readFileSync(batch).equals(fs.readFileSync(path.join(dir, 'een', 'J2022-00001.pdf')))).toBe(true);
    qpdfOk(batch);
    const text = pdftotext(batch);
    for (const field of [
      'JAAROPGAVE KINDEROPVANG 2022',
      'Ouder Acht 6',
      'J2022-00001',
      'Zoë Wałęsa (K0001)',
      '€ 7.200,00',
      '5:00',
      '€ 5,00',
    ])
      expect(text, field).toContain(field);
  });
});

/**
 * A small year for the gastouder overview: Anna (G0001) cares for Sem (K0001, of Jan, rate 7,95,
 * 8,10 from December) and Lisa (K0002, of Fatima, no BSN, rate 8,00) from November 2025.
 * November: Sem 20:00, Lisa 5:00; invoiced 1 December, paid 5 December, paid out 10 December.
 * December: Sem 8:00; invoiced 2 January 2026 with a correction of November (Sem 21:00, +1:00 at
 * November's frozen 7,95), both paid 5 January and paid out 12 January 2026.
 */
describe('jaaropgave gastouder: the yearly overview per gastouder', () => {
  let dir: string;
  const at = async (today: string, args: string[]) => {
    const r = await gob(dir, args, { GOB_TODAY: today });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const uren = (name: string, rows: string[]) => {
    fs.writeFileSync(path.join(dir, name), ['gastouder;kind;datum;van;tot', ...rows].join('\n'));
    return name;
  };
  const payAll = async (today: string) => {
    const open = JSON.parse((await at(today, ['factuur', 'list', '--json'])).stdout) as { ouder: string; totaalCent: number }[];
    const saldo = new Map<string, number>();
    for (const f of open) saldo.set(f.ouder, (saldo.get(f.ouder) ?? 0) + f.totaalCent);
    return saldo;
  };

  beforeAll(async () => {
    dir = tempDir();
    const d = '2025-10-20';
    await at(d, DEMO_INIT);
    await at(d, [
      'gastouder',
      'add',
      '--naam',
      'Anna de Vries',
      '--geboortedatum',
      '1978-03-12',
      '--lrk',
      '111111111',
      '--adres',
      'Lindenlaan 4',
      '--postcode',
      '3581 AB',
      '--plaats',
      'Utrecht',
    ]);
    await at(d, ['gastouder', 'add', '--naam', 'Renée Bakker', '--geboortedatum', '1990-06-01', '--lrk', '222222222']);
    await at(d, ['ouder', 'add', '--naam', 'Jan Jansen', '--bsn', '123456782']);
    await at(d, ['ouder', 'add', '--naam', 'Fatima El Amrani']);
    await at(d, ['kind', 'add', '--naam', 'Sem Jansen', '--geboortedatum', '2023-01-21', '--ouder', 'O0001']);
    await at(d, ['kind', 'add', '--naam', 'Lisa El Amrani', '--geboortedatum', '2024-02-02', '--ouder', 'O0002']);
    await at(d, ['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2025-11-01', '--uurtarief', '7,95']);
    await at(d, ['koppeling', 'add', '--kind', 'K0002', '--gastouder', 'G0001', '--start', '2025-11-01', '--uurtarief', '8,00']);
    await at('2025-12-01', [
      'urenkaart',
      'import',
      uren('nov.csv', ['G0001;K0001;2025-11-04;08:00;18:00', 'G0001;K0001;2025-11-11;08:00;18:00', 'G0001;K0002;2025-11-12;08:00;13:00']),
    ]);
    await at('2025-12-01', ['factuur', 'run', '--maand', '2025-11']);
    let saldo = await payAll('2025-12-05');
    for (const o of ['O0001', 'O0002'])
      await at('2025-12-05', [
        'betaling',
        'add',
        '--ouder',
        o,
        '--bedrag',
        String(saldo.get(o)! / 100).replace('.', ','),
        '--datum',
        '2025-12-05',
      ]);
    await at('2025-12-10', ['uitbetaling', 'run', '--datum', '2025-12-10']);
    await at('2025-12-20', ['koppeling', 'edit', 'KP0001', '--uurtarief', '8,10']);
    await at('2026-01-02', ['urenkaart', 'import', uren('dec.csv', ['G0001;K0001;2025-12-02;09:00;17:00'])]);
    await at('2026-01-02', [
      'urenkaart',
      'import',
      '--te-laat',
      uren('nov2.csv', ['G0001;K0001;2025-11-04;08:00;18:00', 'G0001;K0001;2025-11-11;07:00;18:00', 'G0001;K0002;2025-11-12;08:00;13:00']),
    ]);
    await at('2026-01-02', ['factuur', 'run', '--maand', '2025-12']);
    await at('2026-01-02', ['factuur', 'run', '--maand', '2025-11']);
    const before = saldo;
    saldo = await payAll('2026-01-05');
    await at('2026-01-05', [
      'betaling',
      'add',
      '--ouder',
      'O0001',
      '--bedrag',
      String((saldo.get('O0001')! - before.get('O0001')!) / 100).replace('.', ','),
      '--datum',
      '2026-01-05',
    ]);
    await at('2026-01-12', ['uitbetaling', 'run', '--datum', '2026-01-12']);
  });

  it('JSON: minutes of the care months (corrections included), her own average price, payouts dated in the year', async () => {
    const y2025 = JSON.parse((await at('2026-01-20', ['jaaropgave', 'gastouder', '--jaar', '2025', '--json'])).stdout);
    expect(y2025).toEqual([
      {
        gastouder: 'G0001',
        naam: 'Anna de Vries',
        geboortedatum: '1978-03-12',
        lrk: '111111111',
        jaar: 2025,
        minuten: 1260 + 480 + 300,
        regels: [
          {
            kind: 'K0001',
            kindNaam: 'Sem Jansen',
            ouder: 'O0001',
            ouderNaam: 'Jan Jansen',
            ouderBsn: '*****6782',
            minuten: 1260 + 480,
            // November 21:00 at 7,95 = 166,95 (159,00 + the correction's 7,95); December 8:00 at 8,10 = 64,80.
            opvangCent: 16695 + 6480,
            // round_half_up(23175 × 60 / 1740) = round(799,14) = 799; the bureau fees are not hers.
            uurprijsCent: 799,
            // Only November's first invoice was paid out in 2025.
            uitbetaaldCent: 15900,
          },
          {
            kind: 'K0002',
            kindNaam: 'Lisa El Amrani',
            ouder: 'O0002',
            ouderNaam: 'Fatima El Amrani',
            ouderBsn: null,
            minuten: 300,
            opvangCent: 4000,
            uurprijsCent: 800,
            uitbetaaldCent: 4000,
          },
        ],
        uitbetaaldCent: 19900,
      },
    ]);
    // December's care and November's correction, paid out in January 2026: Sem with 0 minutes.
    const y2026 = JSON.parse(
      (await at('2026-01-20', ['jaaropgave', 'gastouder', '--jaar', '2026', '--gastouder', 'G0001', '--json', '--toon-bsn'])).stdout,
    );
    expect(y2026).toEqual([
      {
        gastouder: 'G0001',
        naam: 'Anna de Vries',
        geboortedatum: '1978-03-12',
        lrk: '111111111',
        jaar: 2026,
        minuten: 0,
        regels: [
          {
            kind: 'K0001',
            kindNaam: 'Sem Jansen',
            ouder: 'O0001',
            ouderNaam: 'Jan Jansen',
            ouderBsn: '123456782',
            minuten: 0,
            opvangCent: 0,
            uurprijsCent: null,
            uitbetaaldCent: 6480 + 795,
          },
        ],
        uitbetaaldCent: 7275,
      },
    ]);
  });

  it('PDF per gastouder, <code>-<jaar>.pdf, 0600, every field with BSNs in full; not again without --force', async () => {
    const r = await at('2026-01-20', ['jaaropgave', 'gastouder', '--jaar', '2025', '--out', 'go']);
    expect(r.stdout).toContain('1 PDF geschreven naar go');
    const file = path.join(dir, 'go', 'G0001-2025.pdf');
    qpdfOk(file);
    expect(mode(file)).toBe(0o600);
    const text = pdftotext(file);
    for (const field of [
      'JAAROVERZICHT GASTOUDER 2025',
      'Gastouderbureau De Zonnebloem',
      'KvK 12345678',
      'LRK 987654321',
      'Anna de Vries (G0001)',
      'Lindenlaan 4',
      '12 maart 1978',
      '111111111',
      'Sem Jansen (K0001)',
      'Jan Jansen (O0001)',
      '123456782',
      '29:00',
      '€ 7,99',
      '€ 159,00',
      'Lisa El Amrani (K0002)',
      'Fatima El Amrani (O0002)',
      'ontbreekt',
      '5:00',
      '€ 8,00',
      '€ 40,00',
      '34:00',
      '€ 199,00',
    ])
      expect(text, field).toContain(field);
    const again = await gob(dir, ['jaaropgave', 'gastouder', '--jaar', '2025', '--out', 'go'], { GOB_TODAY: '2026-01-20' });
    expect(again.code).toBe(1);
    expect(
      (await gob(dir, ['jaaropgave', 'gastouder', '--jaar', '2025', '--out', 'go', '--force'], { GOB_TODAY: '2026-01-20' })).code,
    ).toBe(0);
  });

  it('refuses a year or gastouder with nothing (exit 1) and asks for exactly one of --out and --json (exit 2)', async () => {
    const run = (args: string[]) => gob(dir, ['jaaropgave', 'gastouder', ...args], { GOB_TODAY: '2026-01-20' });
    const leeg = await run(['--jaar', '2024', '--json']);
    expect(leeg.code).toBe(1);
    expect(leeg.stderr).toContain('over 2024 geen opvang gefactureerd en niets uitbetaald');
    expect((await run(['--jaar', '2025', '--gastouder', 'G0002', '--json'])).code).toBe(1);
    const onbekend = await run(['--jaar', '2025', '--gastouder', 'G0009', '--json']);
    expect(onbekend.code).toBe(1);
    expect(onbekend.stderr).toContain('geen gastouder met code G0009');
    expect((await run(['--jaar', '2025'])).code).toBe(2);
    expect((await run(['--jaar', '2025', '--json', '--out', 'x'])).code).toBe(2);
    expect((await run(['--json'])).code).toBe(2);
  });
});

/** The year of test/year.ts (see there for every invoice), with its jaaropgaven made and B's version 2. */
describe('PDFs and overviews of the year of test/year.ts, every figure by hand', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await yearBureau();
    await ok(dir, '2027-01-25', ['jaaropgave', 'run', '--jaar', '2026']);
    // B's July gets an hour more at G0002 (€ 9,00): version 2 of J2026-00002 only.
    await uren(dir, '2027-01-27', ['G0002;K0003;2026-07-08;08:00;12:00', 'G0002;K0003;2026-07-09;08:00;09:00'], '--te-laat');
    await ok(dir, '2027-01-27', ['factuur', 'run', '--maand', '2026-07']);
    await ok(dir, '2027-01-28', ['jaaropgave', 'run', '--jaar', '2026']);
  }, 60_000);

  it('jaaropgave pdf --jaar: every field of §8 from the real run, BSNs in full; the latest version says what it replaces', async () => {
    await ok(dir, '2027-01-28', ['jaaropgave', 'pdf', '--jaar', '2026', '--out', 'pdf']);
    const a = path.join(dir, 'pdf', 'J2026-00001.pdf');
    const b = path.join(dir, 'pdf', 'J2026-00002.pdf');
    for (const f of [a, b]) {
      qpdfOk(f);
      expect(mode(f)).toBe(0o600);
    }
    const text = pdftotext(a);
    // Ouder A's figures as test/e2e/jaaropgave.test.ts computes them: care plus the fee shares.
    for (const field of [
      'Gastouderbureau Het Jaar',
      'Jaarweg 1',
      '1234 AB Utrecht',
      'KvK 12345678',
      'LRK 987654321',
      'Ouder Alfa',
      'Alfastraat 1',
      '1111 AA Utrecht',
      'geboren 2 januari 1985',
      `BSN ${BSN_A}`,
      'Partner Alfa',
      'geboren 3 februari 1984',
      'BSN 123456782',
      `Kind Een (K0001)`,
      `geboren 10 januari 2022, BSN ${BSN_K1}`,
      'Kind Twee (K0002)',
      'geboren 11 februari 2023, BSN 100000010',
      'gastouder Anna Jaar, LRK 111111111',
      'januari 2026',
      '€ 119,66',
      'juli 2026',
      '€ 126,00',
      'december 2026',
      '€ 77,50',
      '24:00',
      '€ 323,16',
      '€ 13,47',
      '4:30',
      '€ 53,84',
      '€ 14,00',
      '€ 46,50',
      '8:30',
      '€ 114,34',
      '€ 13,45',
      'Totaal van het jaar',
      '32:30',
      '€ 437,50',
    ])
      expect(text, field).toContain(field);
    expect(text).not.toContain('vervangt');
    const textB = pdftotext(b);
    expect(textB).toContain('2, vervangt versie 1');
    expect(textB).toMatch(/Vraagouder\s+Ouder Beta\s+geboren ontbreekt\s+BSN ontbreekt/);
    expect(textB).toContain('geboren 12 maart 2022, BSN ontbreekt');
    expect(textB).toContain('gastouder Bea Jaar, LRK 222222222');
    // By number: the same latest version, byte for byte.
    await ok(dir, '2027-02-01', ['jaaropgave', 'pdf', 'J2026-00002', '--out', 'los']);
    expect(fs.readFileSync(path.join(dir, 'los', 'J2026-00002.pdf')).equals(fs.readFileSync(b))).toBe(true);
  });

  it('jaaropgave gastouder: care of 2026 without the fees, payouts dated in 2026; the July credit is set off in January 2027', async () => {
    const y2026 = JSON.parse((await ok(dir, '2027-01-28', ['jaaropgave', 'gastouder', '--jaar', '2026', '--json'])).stdout);
    const kort = (y: { gastouder: string; minuten: number; uitbetaaldCent: number; regels: Record<string, unknown>[] }[]) =>
      y.map((g) => ({
        gastouder: g.gastouder,
        minuten: g.minuten,
        uitbetaaldCent: g.uitbetaaldCent,
        regels: g.regels.map((r) => [r.kind, r.ouder, r.ouderBsn, r.minuten, r.opvangCent, r.uurprijsCent, r.uitbetaaldCent]),
      }));
    expect(kort(y2026)).toEqual([
      {
        gastouder: 'G0001',
        minuten: 2370,
        // The payout of 2026-02-12: A's January care (80,00 + 36,00). B never paid.
        uitbetaaldCent: 11600,
        regels: [
          // 600 + 540 (780 − 240 credited) + 300 min; 80,00 + 72,00 + 40,00 = 192,00 → 8,00 an hour (no fees).
          ['K0001', 'O0001', '*****2333', 1440, 19200, 800, 8000],
          // 270 + 60 + 180 (December's correction of January 2027) min; 36,00 + 8,00 + 24,00.
          ['K0002', 'O0001', '*****2333', 510, 6800, 800, 3600],
          // 300 + 120 min at 7,50.
          ['K0003', 'O0002', null, 420, 5250, 750, 0],
        ],
      },
      // 480 + 300 (July with B's correction) min at 9,00.
      { gastouder: 'G0002', minuten: 780, uitbetaaldCent: 0, regels: [['K0003', 'O0002', null, 780, 11700, 900, 0]] },
    ]);
    expect(y2026[0]).toMatchObject({ gastouder: 'G0001', naam: 'Anna Jaar', geboortedatum: '1980-03-04', lrk: '111111111', jaar: 2026 });
    // 2027-01-11: December's 40,00 less July's credit of 32,00 (due from its date, 2026-08-10).
    const y2027 = JSON.parse((await ok(dir, '2027-01-28', ['jaaropgave', 'gastouder', '--jaar', '2027', '--json'])).stdout);
    expect(kort(y2027)).toEqual([
      { gastouder: 'G0001', minuten: 0, uitbetaaldCent: 800, regels: [['K0001', 'O0001', '*****2333', 0, 0, null, 800]] },
    ]);

    await ok(dir, '2027-01-28', ['jaaropgave', 'gastouder', '--jaar', '2026', '--gastouder', 'G0001', '--out', 'go']);
    expect(fs.readdirSync(path.join(dir, 'go'))).toEqual(['G0001-2026.pdf']);
    const file = path.join(dir, 'go', 'G0001-2026.pdf');
    qpdfOk(file);
    expect(mode(file)).toBe(0o600);
    const text = pdftotext(file);
    for (const field of [
      'JAAROVERZICHT GASTOUDER 2026',
      'Anna Jaar (G0001)',
      '4 maart 1980',
      '111111111',
      'Uren in 2026',
      '39:30',
      'Kind Een (K0001)',
      'Ouder Alfa (O0001)',
      BSN_A,
      '24:00',
      '€ 8,00',
      '€ 80,00',
      'Kind Twee (K0002)',
      '8:30',
      '€ 36,00',
      'Kind Drie (K0003)',
      'Ouder Beta (O0002)',
      'ontbreekt',
      '7:00',
      '€ 7,50',
      '€ 0,00',
      '€ 116,00',
    ])
      expect(text, field).toContain(field);
  });
});
