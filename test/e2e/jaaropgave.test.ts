// `gob jaaropgave run|list|show` (CONTRACT §8) on the year of test/year.ts, every figure by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../golden.js';
import { gob } from '../helpers.js';
import { BSN_A, BSN_K1, ok, uren, yearBureau } from '../year.js';

const json = (stdout: string) => JSON.parse(stdout);

describe('jaaropgave run on a year with corrections, a credit, a fee change and two gastouders for one child', () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof gob>>;
  beforeAll(async () => {
    dir = await yearBureau();
    run = await gob(dir, ['jaaropgave', 'run', '--jaar', '2026', '--json'], { GOB_TODAY: '2027-01-25' });
  }, 60_000);

  it('makes one per ouder, numbered J2026-, and warns of the missing BSNs', () => {
    expect(run.code, run.stderr).toBe(0);
    const r = json(run.stdout);
    expect(r.gemaakt).toEqual([
      { nummer: 'J2026-00001', versie: 1, ouder: 'O0001', minuten: 1950, totaalCent: 43750 },
      { nummer: 'J2026-00002', versie: 1, ouder: 'O0002', minuten: 1140, totaalCent: 27950 },
    ]);
    expect(r.ontbrekendeBsns).toEqual(['ouder O0002 (Ouder Beta)', 'kind K0003 (Kind Drie)']);
    expect(run.stderr).toContain('ontbreken');
    expect(run.stderr).toContain('kind K0003 (Kind Drie)');
  });

  it('gives ouder A every figure: the fee split by minutes, the credit, the December correction of January', async () => {
    const r = await ok(dir, '2027-01-25', ['jaaropgave', 'show', 'J2026-00001', '--json', '--toon-bsn']);
    const j = json(r.stdout);
    expect(j).toMatchObject({ nummer: 'J2026-00001', versie: 1, jaar: 2026, ouder: 'O0001', datum: '2027-01-25', vervangt: null });
    expect(j.bsn).toBe(BSN_A);
    expect(j.partner).toEqual({ naam: 'Partner Alfa', geboortedatum: '1984-02-03', bsn: '123456782' });
    // January: fee 57,50 over 600 : 270 minutes = 3965,52 : 1784,48 → 3966 and 1784 (largest remainder).
    // July: 780 min billed, 240 credited; fee 60,00 over 540 : 60 = 54,00 : 6,00.
    // December: 300 and 180 min after the January correction; fees −30,00 + 60,00 over 300 : 180.
    expect(j.regels).toEqual([
      {
        kind: 'K0001',
        gastouder: 'G0001',
        lrk: '111111111',
        minuten: 1440,
        bedragCent: 32316,
        uurprijsCent: 1347, // 32316 × 60 / 1440 = 1346,5 → 1347
        maanden: [
          { maand: '2026-01', minuten: 600, bedragCent: 8000 + 3966 },
          { maand: '2026-07', minuten: 540, bedragCent: 7200 + 5400 },
          { maand: '2026-12', minuten: 300, bedragCent: 4000 + 3750 },
        ],
      },
      {
        kind: 'K0002',
        gastouder: 'G0001',
        lrk: '111111111',
        minuten: 510,
        bedragCent: 11434,
        uurprijsCent: 1345, // 11434 × 60 / 510 = 1345,18
        maanden: [
          { maand: '2026-01', minuten: 270, bedragCent: 3600 + 1784 },
          { maand: '2026-07', minuten: 60, bedragCent: 800 + 600 },
          { maand: '2026-12', minuten: 180, bedragCent: 2400 + 2250 },
        ],
      },
    ]);
    // Its invoices for months of 2026: 173,50 + 172,00 − 32,00 + 70,00 + 54,00.
    expect(j.totaalCent).toBe(17350 + 17200 - 3200 + 7000 + 5400);
  });

  it('gives ouder B a line per gastouder of her one child, each with its own LRK and fees', async () => {
    const j = json((await ok(dir, '2027-01-25', ['jaaropgave', 'show', 'J2026-00002', '--json'])).stdout);
    expect(j.bsn).toBeNull();
    expect(j.partner).toBeNull();
    expect(j.regels).toEqual([
      {
        kind: 'K0003',
        gastouder: 'G0001',
        lrk: '111111111',
        minuten: 420,
        bedragCent: 11200,
        uurprijsCent: 1600,
        maanden: [
          { maand: '2026-01', minuten: 300, bedragCent: 3750 + 2950 },
          { maand: '2026-12', minuten: 120, bedragCent: 1500 + 3000 },
        ],
      },
      {
        kind: 'K0003',
        gastouder: 'G0002',
        lrk: '222222222',
        minuten: 720,
        bedragCent: 16750,
        uurprijsCent: 1396, // 16750 × 60 / 720 = 1395,83
        maanden: [
          { maand: '2026-01', minuten: 480, bedragCent: 7200 + 2950 },
          { maand: '2026-07', minuten: 240, bedragCent: 3600 + 3000 },
        ],
      },
    ]);
    expect(j.totaalCent).toBe(16850 + 6600 + 4500);
  });

  it('shows the text with BSNs masked unless --toon-bsn, and ontbreekt for a missing one', async () => {
    const masked = (await ok(dir, '2027-01-25', ['jaaropgave', 'show', 'J2026-00001'])).stdout;
    expect(masked).not.toContain(BSN_A);
    expect(masked).toContain('*****2333');
    const full = (await ok(dir, '2027-01-25', ['jaaropgave', 'show', 'J2026-00001', '--toon-bsn'])).stdout;
    for (const text of [
      BSN_A,
      BSN_K1,
      'Partner Alfa',
      '3 februari 1984',
      'Kind Een (K0001)',
      'LRK 111111111',
      '€ 323,16',
      '€ 13,47',
      '€ 437,50',
    ])
      expect(full).toContain(text);
    expect((await ok(dir, '2027-01-25', ['jaaropgave', 'show', 'J2026-00002'])).stdout).toContain('BSN ontbreekt');
    expectGolden('jaaropgave-J2026-00001.txt', masked);
  });

  it('changes nothing when run again; a correction then makes version 2 for that ouder only', async () => {
    const again = await ok(dir, '2027-01-26', ['jaaropgave', 'run', '--jaar', '2026', '--json']);
    expect(json(again.stdout)).toMatchObject({ gemaakt: [], ongewijzigd: 2 });
    // B's July gets an hour more at G0002: a correction invoice of € 9,00 for B only.
    await uren(dir, '2027-01-27', ['G0002;K0003;2026-07-08;08:00;12:00', 'G0002;K0003;2026-07-09;08:00;09:00'], '--te-laat');
    await ok(dir, '2027-01-27', ['factuur', 'run', '--maand', '2026-07']);
    const dry = json((await ok(dir, '2027-01-28', ['jaaropgave', 'run', '--jaar', '2026', '--dry-run', '--json'])).stdout);
    expect(dry.gemaakt).toEqual([{ nummer: 'J2026-00002', versie: 2, ouder: 'O0002', minuten: 1200, totaalCent: 28850 }]);
    const v2 = json((await ok(dir, '2027-01-28', ['jaaropgave', 'run', '--jaar', '2026', '--json'])).stdout);
    expect(v2).toMatchObject({ gemaakt: [{ nummer: 'J2026-00002', versie: 2, ouder: 'O0002' }], ongewijzigd: 1 });
    const list = json((await ok(dir, '2027-01-28', ['jaaropgave', 'list', '--json'])).stdout);
    expect(list.map((j: { nummer: string; versie: number; vervangt: number | null }) => [j.nummer, j.versie, j.vervangt])).toEqual([
      ['J2026-00001', 1, null],
      ['J2026-00002', 1, null],
      ['J2026-00002', 2, 1],
    ]);
    const latest = json((await ok(dir, '2027-01-28', ['jaaropgave', 'show', 'J2026-00002', '--json'])).stdout);
    expect(latest.regels[1].maanden[1]).toEqual({ maand: '2026-07', minuten: 300, bedragCent: 4500 + 3000 });
    expect((await ok(dir, '2027-01-28', ['jaaropgave', 'show', 'J2026-00002'])).stdout).toContain('vervangt versie 1');
    const v1 = json((await ok(dir, '2027-01-28', ['jaaropgave', 'show', 'J2026-00002', '--versie', '1', '--json'])).stdout);
    expect(v1.totaalCent).toBe(27950);
  });

  it('refuses what is not there, and a date after today', async () => {
    const none = await gob(dir, ['jaaropgave', 'run', '--jaar', '2025'], { GOB_TODAY: '2027-01-28' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('geen facturen over 2025');
    expect((await gob(dir, ['jaaropgave', 'show', 'J2026-00009'], { GOB_TODAY: '2027-01-28' })).code).toBe(1);
    expect((await gob(dir, ['jaaropgave', 'show', 'J2026-00002', '--versie', '3'], { GOB_TODAY: '2027-01-28' })).code).toBe(1);
    const naVandaag = await gob(dir, ['jaaropgave', 'run', '--jaar', '2026', '--datum', '2027-02-01'], { GOB_TODAY: '2027-01-28' });
    expect([naVandaag.code, naVandaag.stderr]).toEqual([2, expect.stringContaining('--datum: 2027-02-01 ligt na vandaag (2027-01-28)')]);
    // Not before the latest jaaropgave of the year: version 2 of J2026-00002 is dated 2027-01-28.
    await ok(dir, '2027-01-28', ['kind', 'edit', 'K0001', '--bsn', '100000022']);
    const terug = await gob(dir, ['jaaropgave', 'run', '--jaar', '2026', '--datum', '2027-01-27'], { GOB_TODAY: '2027-01-28' });
    expect([terug.code, terug.stderr]).toEqual([
      2,
      expect.stringContaining(
        '--datum: 2027-01-27 ligt vóór 2027-01-28, de datum van jaaropgave J2026-00002 versie 2, de laatste over 2026: een jaaropgave (ook een nieuwe versie) wordt nooit eerder gedateerd dan wat er al is. Kies --datum 2027-01-28 of later',
      ),
    ]);
    expect(json((await ok(dir, '2027-01-28', ['jaaropgave', 'list', '--json'])).stdout)).toHaveLength(3);
    await ok(dir, '2027-01-28', ['kind', 'edit', 'K0001', '--bsn', BSN_K1]);
    expect((await gob(dir, ['jaaropgave', 'run', '--jaar', '26'], { GOB_TODAY: '2027-01-28' })).code).toBe(2);
    expect((await gob(dir, ['jaaropgave', 'run'], { GOB_TODAY: '2027-01-28' })).code).toBe(2);
    // A jaaropgave names the bureau's KvK: without it, nothing is made and the fix is named.
    await ok(dir, '2027-01-28', ['bureau', 'set', '--kvk', '']);
    const zonderKvk = await gob(dir, ['jaaropgave', 'run', '--jaar', '2026', '--force'], { GOB_TODAY: '2027-01-28' });
    expect([zonderKvk.code, zonderKvk.stderr]).toEqual([
      1,
      expect.stringContaining("er ontbreken: kvk. Vul ze aan met 'gob bureau set --kvk …'"),
    ]);
    await ok(dir, '2027-01-28', ['bureau', 'set', '--kvk', '12345678']);
  });
});

describe('jaaropgave run on a year not fully invoiced', () => {
  it('refuses and names the months, unless --force', async () => {
    const dir = await yearBureau();
    // October has urenkaarten but no invoice run.
    await uren(dir, '2027-01-02', ['G0002;K0003;2026-10-05;08:00;12:00'], '--te-laat');
    const refused = await gob(dir, ['jaaropgave', 'run', '--jaar', '2026'], { GOB_TODAY: '2027-01-25' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('2026-10');
    expect((await ok(dir, '2027-01-25', ['jaaropgave', 'list', '--json'])).stdout.trim()).toBe('[]');
    // Not before the latest invoice it adds up (the December correction of 2027-01-12).
    const vroeg = await gob(dir, ['jaaropgave', 'run', '--jaar', '2026', '--force', '--datum', '2027-01-11'], { GOB_TODAY: '2027-01-25' });
    expect([vroeg.code, vroeg.stderr]).toEqual([
      2,
      expect.stringContaining('--datum: 2027-01-11 ligt vóór 2027-01-12, de datum van de laatste factuur over de maanden van 2026'),
    ]);
    const forced = await ok(dir, '2027-01-25', ['jaaropgave', 'run', '--jaar', '2026', '--force', '--json']);
    expect(json(forced.stdout).gemaakt).toHaveLength(2);
    expect(forced.stderr).toContain('2026-10');
    // January 2027 invoiced within January: its jaaropgave is made from 1 February, after the care.
    await uren(dir, '2027-01-26', ['G0002;K0003;2027-01-05;08:00;12:00']);
    await ok(dir, '2027-01-26', ['factuur', 'run', '--maand', '2027-01']);
    const binnen = await gob(dir, ['jaaropgave', 'run', '--jaar', '2027', '--datum', '2027-01-31'], { GOB_TODAY: '2027-02-05' });
    expect([binnen.code, binnen.stderr]).toEqual([
      2,
      expect.stringContaining(
        '--datum: 2027-01-31 ligt vóór 2027-02-01, de eerste dag na 2027-01, de laatste gefactureerde maand van 2027: een jaaropgave wordt gemaakt na de opvang die ze opgeeft',
      ),
    ]);
    // Without --datum on a day before any date that fits, refused (exit 1), naming today.
    const vandaag = await gob(dir, ['jaaropgave', 'run', '--jaar', '2027'], { GOB_TODAY: '2027-01-31' });
    expect([vandaag.code, vandaag.stderr]).toEqual([1, expect.stringMatching(/vóór 2027-02-01, .*; dat is na vandaag \(2027-01-31\)/)]);
    expect(json((await ok(dir, '2027-02-05', ['jaaropgave', 'list', '--jaar', '2027', '--json'])).stdout)).toEqual([]);
  }, 60_000);
});
