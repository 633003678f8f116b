// A rooster change after a month was invoiced (CONTRACT §9, with afgesproken-uren ja): the month keeps
// the rooster it was first invoiced with, as it keeps its rate, so a later run of it bills no
// difference and `factuur check` compares against the same agreement; a month not invoiced yet is
// billed from the new rooster. The change says which invoiced months keep the old one.
//
// Gastouder G0001, € 6,00 an hour; October 2026 invoiced on 3 November:
//   KP0001 (K0001, ouder O0001): rooster di + do 08:00–13:00, worked 1 and 6 October.
//     October agreed: Tuesdays 6 13 20 27 and Thursdays 1 8 15 22 29, 9 × 5 h = 45 h.
//   KP0002 (K0002, ouder O0002): no rooster, worked 1 October.
//   KP0003 (K0003, ouder O0003): rooster di 08:00–13:00, ended 20 October, notice given 15 October
//     (runs through 14 November): notice billed for Tuesday 27 October.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INIT } from '../demo.js';
import { gob, tempDir, writeCsv } from '../helpers.js';

const NOV3 = { GOB_TODAY: '2026-11-03' };
const NOV10 = { GOB_TODAY: '2026-11-10' };

describe('an invoiced month keeps its rooster (maandrooster)', () => {
  let dir: string;
  const ok = async (args: string[], env = NOV3) => {
    const r = await gob(dir, args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  /** `factuur run --maand 2026-10 --dry-run`: what a run would invoice now (nothing, when the month kept its agreement). */
  const octoberAgain = async () => JSON.parse((await ok(['factuur', 'run', '--maand', '2026-10', '--dry-run', '--json'], NOV10)).stdout);
  const check = async (maand: string) => {
    const r = await gob(dir, ['factuur', 'check', '--maand', maand, '--json'], NOV10);
    expect([0, 1], r.stderr).toContain(r.code);
    return Object.fromEntries(
      (JSON.parse(r.stdout) as { kind: string; afgesprokenMinuten: number }[]).map((row) => [row.kind, row.afgesprokenMinuten]),
    );
  };
  beforeAll(async () => {
    dir = tempDir();
    await ok(DEMO_INIT);
    await ok(['bureau', 'set', '--afgesproken-uren', 'ja']);
    await ok(['gastouder', 'add', '--naam', 'Anna de Vries', '--geboortedatum', '1978-03-12', '--adres', 'Lindenlaan 4']);
    await ok(['gastouder', 'edit', 'G0001', '--postcode', '3581 AB', '--plaats', 'Utrecht', '--lrk', '111111111']);
    for (const n of [1, 2, 3]) {
      await ok(['ouder', 'add', '--naam', `Ouder ${n}`, '--adres', 'Biltstraat 8', '--postcode', '3572 AA', '--plaats', 'Utrecht']);
      await ok(['kind', 'add', '--naam', `Kind ${n}`, '--geboortedatum', '2023-01-21', '--ouder', `O000${n}`]);
      await ok(['koppeling', 'add', '--kind', `K000${n}`, '--gastouder', 'G0001', '--start', '2026-09-01', '--uurtarief', '6,00']);
    }
    await ok(['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'di', '--van', '08:00', '--tot', '13:00']);
    await ok(['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'do', '--van', '08:00', '--tot', '13:00']);
    await ok(['rooster', 'add', '--koppeling', 'KP0003', '--dag', 'di', '--van', '08:00', '--tot', '13:00']);
    const csv = writeCsv(path.join(dir, 'uren.csv'), [
      'gastouder;kind;datum;van;tot',
      'G0001;K0001;2026-10-01;08:00;13:00',
      'G0001;K0001;2026-10-06;08:00;13:00',
      'G0001;K0002;2026-10-01;08:00;13:00',
      'G0001;K0003;2026-10-06;08:00;13:00',
    ]);
    await ok(['urenkaart', 'import', csv]);
    await ok(['koppeling', 'end', 'KP0003', '--eind', '2026-10-20', '--opzegdatum', '2026-10-15']);
    const run = JSON.parse((await ok(['factuur', 'run', '--maand', '2026-10', '--json'])).stdout);
    const soorten = run.facturen.map((f: { ouder: string; regels: { soort: string; minuten: number }[] }) => [
      f.ouder,
      f.regels.filter((r) => r.soort !== 'bureaukosten').map((r) => [r.soort, r.minuten]),
    ]);
    // KP0001: 45 h agreed, 10 h worked; KP0003: 13 and 20 October agreed, 27 October notice.
    expect(soorten).toEqual([
      [
        'O0001',
        [
          ['opvang', 600],
          ['afgesproken', 2100],
        ],
      ],
      ['O0002', [['opvang', 300]]],
      [
        'O0003',
        [
          ['opvang', 300],
          ['afgesproken', 600],
          ['opzegtermijn', 300],
        ],
      ],
    ]);
  });

  it('rooster add: the invoiced month keeps its agreement (a notice names it, exit 0); the next month is billed from the new rooster', async () => {
    const r = await ok(['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'vr', '--van', '08:00', '--tot', '12:00'], NOV10);
    expect(r.stderr).toContain(
      'Let op: het gewijzigde rooster van koppeling KP0001 geldt vanaf de eerste maand die nog niet gefactureerd is; 2026-10 is al gefactureerd en houdt zijn afgesproken rooster',
    );
    expect((await octoberAgain()).facturen).toEqual([]);
    // factuur check compares October with the kept rooster (45 h), November with today's: Tuesdays
    // and Thursdays 3 5 10 12 17 19 24 26 (8 × 5 h) and Fridays 6 13 20 27 (4 × 4 h) = 56 h.
    expect((await check('2026-10')).K0001).toBe(2700);
    expect((await check('2026-11')).K0001).toBe(3360);
    // A rooster entry that starts after the invoiced month changes nothing kept: no notice.
    const later = await ok(
      ['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'wo', '--van', '08:00', '--tot', '09:00', '--vanaf', '2026-11-01'],
      NOV10,
    );
    expect(later.stderr).not.toContain('Let op');
  });

  it('rooster remove: no credit for the invoiced month', async () => {
    const list = JSON.parse((await ok(['rooster', 'list', '--koppeling', 'KP0001', '--json'], NOV10)).stdout) as {
      id: number;
      dag: string;
    }[];
    const donderdag = list.find((e) => e.dag === 'do')!.id;
    const r = await ok(['rooster', 'remove', String(donderdag)], NOV10);
    expect(r.stderr).toContain('koppeling KP0001 geldt vanaf de eerste maand die nog niet gefactureerd is; 2026-10 is al gefactureerd');
    expect((await octoberAgain()).facturen).toEqual([]);
    expect((await check('2026-10')).K0001).toBe(2700);
  });

  it('a koppeling invoiced without a rooster keeps having none for that month', async () => {
    const r = await ok(['rooster', 'add', '--koppeling', 'KP0002', '--dag', 'wo', '--van', '08:00', '--tot', '13:00'], NOV10);
    expect(r.stderr).toContain('koppeling KP0002 geldt vanaf de eerste maand die nog niet gefactureerd is; 2026-10 is al gefactureerd');
    expect((await octoberAgain()).facturen).toEqual([]);
    expect((await check('2026-10')).K0002).toBe(0);
  });

  it('rooster import: the agreed hours and the notice of the invoiced month stay; an unchanged rooster gets no notice', async () => {
    const list = JSON.parse((await ok(['rooster', 'list', '--koppeling', 'KP0001', '--json'], NOV10)).stdout) as {
      dag: string;
      van: string;
      tot: string;
      vanaf: string | null;
    }[];
    const csv = writeCsv(path.join(dir, 'rooster.csv'), [
      'koppeling;dag;van;tot;vanaf',
      ...list.map((e) => `KP0001;${e.dag};${e.van};${e.tot};${e.vanaf ?? ''}`),
      'KP0003;do;08:00;13:00;',
    ]);
    const r = await ok(['rooster', 'import', csv], NOV10);
    expect(r.stderr).toContain('koppeling KP0003 geldt vanaf de eerste maand die nog niet gefactureerd is; 2026-10 is al gefactureerd');
    expect(r.stderr).not.toContain('KP0001');
    // Thursdays would change both KP0003's agreed hours and its notice (22 and 29 October).
    expect((await octoberAgain()).facturen).toEqual([]);
  });

  it('koppeling end says what the notice in an invoiced month costs from its kept rooster, as factuur run then bills it', async () => {
    // KP0001 now has di, vr and (from November) wo; October kept di and do. Notice from 21 October:
    // kept, Thursday 22, Tuesday 27, Thursday 29 October = 15 h (today's rooster would give 13 h).
    const end = JSON.parse(
      (await ok(['koppeling', 'end', 'KP0001', '--eind', '2026-10-20', '--opzegdatum', '2026-10-15', '--json'], NOV10)).stdout,
    );
    expect(end.opzegtermijn.maanden[0]).toMatchObject({ maand: '2026-10', minuten: 900, bedragCent: 9000 });
    // The next run of October: those dates are notice now, no longer agreed hours of a running koppeling.
    const [f] = (await octoberAgain()).facturen as { regels: { soort: string; minuten: number }[] }[];
    expect(f!.regels.map((r) => [r.soort, r.minuten])).toEqual([
      ['afgesproken', -900],
      ['opzegtermijn', 900],
    ]);
  });
});
