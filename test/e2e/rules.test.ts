// The rules of CONTRACT §4 through the CLI, on the demo bureau (data/demo/*.csv).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBureau as demoRegistry } from '../demo.js';
import { expectGolden } from '../golden.js';
import { gob, ROOT, tempDir, writeCsv } from '../helpers.js';

const TODAY = { GOB_TODAY: '2026-11-03' };

const demoBureau = () => demoRegistry({ rooster: false });

describe('rooster import and check on the demo bureau', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau();
  });

  it('import refuses the rooster with the planned violation and stores nothing', async () => {
    const r = await gob(dir, ['rooster', 'import', path.join(ROOT, 'data/demo/roosters.csv'), '--json'], TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 overtreding van de regels/);
    expect(JSON.parse(r.stdout).overtredingen).toHaveLength(1);
    expect(JSON.parse((await gob(dir, ['rooster', 'list', '--json'], TODAY)).stdout)).toEqual([]);
  });

  it('--force stores it and says so', async () => {
    const r = await gob(dir, ['rooster', 'import', path.join(ROOT, 'data/demo/roosters.csv'), '--force'], TODAY);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/opgeslagen met --force ondanks 1 overtreding/);
    expect(JSON.parse((await gob(dir, ['rooster', 'list', '--json'], TODAY)).stdout)).toHaveLength(16);
  });

  it('rooster check reports it grouped per gastouder (golden) and exits 1', async () => {
    const r = await gob(dir, ['rooster', 'check'], TODAY);
    expect(r.code).toBe(1);
    expectGolden('rooster-check.txt', r.stdout);
  });

  it('rooster check --json per the contract', async () => {
    const r = await gob(dir, ['rooster', 'check', '--json'], TODAY);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        gastouder: 'G0002',
        datum: '2026-11-05',
        totDatum: '2027-10-28',
        dag: 'do',
        van: '08:00',
        tot: '13:00',
        regel: 'achterwacht',
        aantal: 4,
        maximum: 3,
        kinderen: ['K0003', 'K0004', 'K0005', 'K0007'],
      },
    ]);
  });

  it('filters by gastouder and range; a clean gastouder exits 0', async () => {
    const clean = await gob(dir, ['rooster', 'check', '--gastouder', 'G0001'], TODAY);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/Geen overtredingen/);
    const range = await gob(dir, ['rooster', 'check', '--vanaf', '2026-11-06', '--tot', '2026-11-11', '--json'], TODAY);
    expect(range.code).toBe(0);
    expect((await gob(dir, ['rooster', 'check', '--gastouder', 'G0404'], TODAY)).code).toBe(1);
    expect((await gob(dir, ['rooster', 'check', '--vanaf', '2026-13-01'], TODAY)).code).toBe(2);
  });

  it('a new achterwacht solves it', async () => {
    const other = await demoBureau();
    await gob(other, ['rooster', 'import', path.join(ROOT, 'data/demo/roosters.csv'), '--force'], TODAY);
    expect((await gob(other, ['gastouder', 'edit', 'G0002', '--achterwacht', 'Henk, 06-1'], TODAY)).code).toBe(0);
    expect((await gob(other, ['rooster', 'check'], TODAY)).code).toBe(0);
  });
});

describe('rooster add checks the rules from the entry onward', () => {
  it('refuses a slot that makes a violation (exit 1, nothing stored), --force stores it', async () => {
    const dir = await demoBureau();
    await gob(dir, ['rooster', 'import', path.join(ROOT, 'data/demo/roosters.csv'), '--force'], TODAY);
    // Anna (G0001): Monday has Zoë and Milan; Elif (under 1 until 2026-09-03… now 14 months) joins.
    const ok = await gob(dir, ['rooster', 'add', '--koppeling', 'KP0003', '--dag', 'ma', '--van', '08:00', '--tot', '12:00'], TODAY);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    // Renée (G0002) has no achterwacht. Friday: Yara; Sem and Tess join (3 children: fine) …
    const count = async () => JSON.parse((await gob(dir, ['rooster', 'list', '--json'], TODAY)).stdout).length;
    const before = await count();
    for (const kp of ['KP0004', 'KP0005']) {
      expect((await gob(dir, ['rooster', 'add', '--koppeling', kp, '--dag', 'vr', '--van', '09:00', '--tot', '12:00'], TODAY)).code).toBe(
        0,
      );
    }
    // … and a fourth child from 10:00 to 11:00 is refused, naming the rule, the weeks and the window.
    const fourth = ['rooster', 'add', '--koppeling', 'KP0008', '--dag', 'vr', '--van', '10:00', '--tot', '11:00'];
    const r = await gob(dir, fourth, TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/elke vrijdag van 2026-10-02 t\/m 2027-10-29, 10:00-11:00: achterwacht/);
    expect(await count()).toBe(before + 2);
    const forced = await gob(dir, [...fourth, '--force', '--json'], TODAY);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      geforceerd: true,
      overtredingen: [expect.objectContaining({ regel: 'achterwacht' })],
    });
    expect(await count()).toBe(before + 3);
  });

  it('an own child under 10 counts during all care', async () => {
    const dir = tempDir();
    const run = async (args: string[]) => await gob(dir, args, TODAY);
    await run(['init']);
    await run(['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01', '--achterwacht', 'Piet', '--slaapruimte', 'ja']);
    await run(['kind', 'add', '--code', 'EIGEN', '--naam', 'Eigen', '--geboortedatum', '2019-01-01', '--eigen-kind-van', 'G0001']);
    await run(['ouder', 'add', '--naam', 'Ouder']);
    for (let i = 1; i <= 6; i++) {
      await run(['kind', 'add', '--naam', `Gast ${i}`, '--geboortedatum', '2021-01-01', '--ouder', 'O0001']);
      await run(['koppeling', 'add', '--kind', `K000${i}`, '--gastouder', 'G0001', '--start', '2026-01-01', '--uurtarief', '8']);
      const r = await run(['rooster', 'add', '--koppeling', `KP000${i}`, '--dag', 'vr', '--van', '08:00', '--tot', '17:00']);
      expect(r.code).toBe(i < 6 ? 0 : 1);
    }
    // The own child turns 10 on 2029-01-01: a slot from then on is fine.
    const later = await run([
      'rooster',
      'add',
      '--koppeling',
      'KP0006',
      '--dag',
      'vr',
      '--van',
      '08:00',
      '--tot',
      '17:00',
      '--vanaf',
      '2029-01-01',
    ]);
    expect(later.stderr).toBe('');
    expect(later.code).toBe(0);
  });
});

describe('rooster check --uren', () => {
  it('checks the actual hours of a month, date by date', async () => {
    const dir = await demoBureau();
    await gob(dir, ['rooster', 'import', path.join(ROOT, 'data/demo/roosters.csv'), '--force'], TODAY);
    writeCsv(path.join(dir, 'uren.csv'), [
      'gastouder;kind;datum;van;tot',
      'G0002;K0004;2026-10-15;08:00;12:00',
      'G0002;K0005;2026-10-15;08:00;12:00',
      'G0002;K0007;2026-10-15;08:00;12:00',
      'G0002;K0003;2026-10-15;11:00;15:00',
      'G0002;K0004;2026-10-16;08:00;12:00',
    ]);
    expect((await gob(dir, ['urenkaart', 'import', 'uren.csv'], TODAY)).code).toBe(0);
    const r = await gob(dir, ['rooster', 'check', '--uren', '--maand', '2026-10', '--json'], TODAY);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        gastouder: 'G0002',
        datum: '2026-10-15',
        dag: 'do',
        van: '11:00',
        tot: '12:00',
        regel: 'achterwacht',
        aantal: 4,
        maximum: 3,
        kinderen: ['K0003', 'K0004', 'K0005', 'K0007'],
      },
    ]);
    expect((await gob(dir, ['rooster', 'check', '--uren', '--maand', '2026-09'], TODAY)).code).toBe(0);
    expect((await gob(dir, ['rooster', 'check', '--uren'], TODAY)).code).toBe(2);
  });
});

describe('care at the ouder’s home (opvanglocatie ouder)', () => {
  it('is not checked for slaapruimte (rooster add, rooster check, urenkaart import --strict); care at her own home is', async () => {
    const dir = tempDir();
    const run = async (args: string[], code = 0) => {
      const r = await gob(dir, args, TODAY);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      return r;
    };
    await run(['init', '--naam', 'Bureau']);
    await run(['gastouder', 'add', '--naam', 'Anna', '--geboortedatum', '1980-01-01', '--slaapruimte', 'nee', '--lrk', '111111111']);
    await run(['ouder', 'add', '--naam', 'Jan']);
    await run(['kind', 'add', '--naam', 'Baby Thuis', '--geboortedatum', '2026-06-01', '--ouder', 'O0001']);
    await run(['kind', 'add', '--naam', 'Baby Gast', '--geboortedatum', '2026-06-01', '--ouder', 'O0001']);
    await run([
      'koppeling',
      'add',
      '--kind',
      'K0001',
      '--gastouder',
      'G0001',
      '--start',
      '2026-10-01',
      '--uurtarief',
      '8,00',
      '--opvanglocatie',
      'ouder',
      '--lrk',
      '444444444',
    ]);
    await run(['koppeling', 'add', '--kind', 'K0002', '--gastouder', 'G0001', '--start', '2026-10-01', '--uurtarief', '8,00']);
    await run(['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'ma', '--van', '08:00', '--tot', '12:00']);
    await run(['rooster', 'check']);
    writeCsv(path.join(dir, 'uren.csv'), ['gastouder;kind;datum;van;tot', 'G0001;K0001;2026-10-05;08:00;12:00']);
    await run(['urenkaart', 'import', 'uren.csv', '--strict']);
    const refused = await run(['rooster', 'add', '--koppeling', 'KP0002', '--dag', 'di', '--van', '08:00', '--tot', '12:00', '--json'], 1);
    expect(JSON.parse(refused.stdout).overtredingen.map((v: { regel: string; kinderen: string[] }) => [v.regel, v.kinderen])).toEqual([
      ['slaapruimte', ['K0002']],
    ]);
  });
});
