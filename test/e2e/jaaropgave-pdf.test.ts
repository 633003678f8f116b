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
    vervangt: null,
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
      row('J2026-00001', 2, gegevens({ vervangt: 1 }), '2027-02-10'),
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
});
