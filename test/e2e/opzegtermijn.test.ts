// The notice period (CONTRACT §9 "Notice") through the CLI, with hand-computed amounts.
//
// Three children, each with a rooster Tuesday and Thursday 08:00–13:00 (5 hours) at € 8,00 an hour,
// each at gastouder G0001 from 1 September 2026 and with one worked day on the urenkaart of October
// (Thursday 1 October, 5 h = € 40,00). Notice is given on 15 October for all three; the notice runs
// through 14 November.
//   KP0001 (Sem, ouder O0001): last day 20 October. Worked also 6, 8, 13, 15, 20 October (6 days,
//     30 h = € 240,00). Owed as notice: Thursday 22, Tuesday 27, Thursday 29 October (15 h = € 120,00)
//     and Tuesday 3, Thursday 5, Tuesday 10, Thursday 12 November (20 h = € 160,00): 35 h, € 280,00.
//     October: 240 + 120 + 29,50 fee = € 389,50. November: 160 + 29,50 = € 189,50.
//   KP0002 (Noor, ouder O0002): last day 20 October, by mutual agreement (--zonder-opzegtermijn): no notice.
//   KP0003 (Daan, ouder O0003): last day 14 November, the full notice: no notice owed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INIT } from '../demo.js';
import { gob, tempDir, writeCsv } from '../helpers.js';

const NOV3 = { GOB_TODAY: '2026-11-03' };
const DEC3 = { GOB_TODAY: '2026-12-03' };
const json = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
type Regel = { soort: string; kind: string | null; minuten: number; tariefCent: number; bedragCent: number; correctieOp: string | null };
type Factuur = { nummer: string; ouder: string; totaalCent: number; correctieVan: string | null; regels: Regel[] };
const regels = (f: { regels: Regel[] }) => f.regels.map((r) => [r.soort, r.kind, r.minuten, r.bedragCent, r.correctieOp]);

describe('the notice period billed (opzegtermijn)', () => {
  let dir: string;
  const ok = async (args: string[], env = NOV3) => {
    const r = await gob(dir, args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  let eind: { stdout: string; json: Record<string, unknown> & { opzegtermijn: { bedragCent: number; minuten: number } } };
  beforeAll(async () => {
    dir = tempDir();
    await ok(DEMO_INIT);
    await ok(['gastouder', 'add', '--naam', 'Anna de Vries', '--geboortedatum', '1978-03-12', '--adres', 'Lindenlaan 4']);
    await ok(['gastouder', 'edit', 'G0001', '--postcode', '3581 AB', '--plaats', 'Utrecht', '--lrk', '111111111']);
    await ok(['gastouder', 'edit', 'G0001', '--iban', 'NL20INGB0001234567']);
    const uren = ['gastouder;kind;datum;van;tot'];
    for (const [i, [ouder, kind]] of [
      ['Jan Jansen', 'Sem Jansen'],
      ['Els Bakker', 'Noor Bakker'],
      ['Kees Smit', 'Daan Smit'],
    ].entries()) {
      const n = i + 1;
      await ok(['ouder', 'add', '--naam', ouder!, '--adres', 'Biltstraat 8', '--postcode', '3572 AA', '--plaats', 'Utrecht']);
      await ok(['kind', 'add', '--naam', kind!, '--geboortedatum', '2023-01-21', '--ouder', `O000${n}`]);
      await ok(['koppeling', 'add', '--kind', `K000${n}`, '--gastouder', 'G0001', '--start', '2026-09-01', '--uurtarief', '8,00']);
      await ok(['rooster', 'add', '--koppeling', `KP000${n}`, '--dag', 'di', '--van', '08:00', '--tot', '13:00']);
      await ok(['rooster', 'add', '--koppeling', `KP000${n}`, '--dag', 'do', '--van', '08:00', '--tot', '13:00']);
      uren.push(`G0001;K000${n};2026-10-01;08:00;13:00`);
    }
    for (const d of ['06', '08', '13', '15', '20']) uren.push(`G0001;K0001;2026-10-${d};08:00;13:00`);
    await ok(['urenkaart', 'import', writeCsv(path.join(dir, 'uren.csv'), uren)]);
    const end = ['koppeling', 'end', 'KP0001', '--eind', '2026-10-20', '--opzegdatum', '2026-10-15'];
    // Once as text, once (the same end again, which changes nothing) as JSON.
    eind = { stdout: (await ok(end)).stdout, json: json(await gob(dir, [...end, '--json'], NOV3)) };
    await ok(['koppeling', 'end', 'KP0002', '--eind', '2026-10-20', '--opzegdatum', '2026-10-15', '--zonder-opzegtermijn']);
    await ok(['koppeling', 'end', 'KP0003', '--eind', '2026-11-14', '--opzegdatum', '2026-10-15']);
  });

  it('koppeling end prints what the rest of the notice costs, per month, and its JSON has it', async () => {
    expect(eind.stdout).toContain('Koppeling KP0001 eindigt op 2026-10-20 (opgezegd op 2026-10-15).');
    expect(eind.stdout).toContain('De opvang eindigt vóór het eind van de opzegtermijn (2026-11-14).');
    expect(eind.stdout).toMatch(/2026-10 +2026-10-21 t\/m 2026-10-31 +15:00 +€ 8,00 +€ 120,00/);
    expect(eind.stdout).toMatch(/2026-11 +2026-11-01 t\/m 2026-11-14 +20:00 +€ 8,00 +€ 160,00/);
    expect(eind.stdout).toContain('Samen 35:00 uur, € 280,00 (zonder bureaukosten).');
    expect(eind.json).toEqual({
      code: 'KP0001',
      eind: '2026-10-20',
      opzegdatum: '2026-10-15',
      zonderOpzegtermijn: false,
      opzegtermijn: {
        totEnMet: '2026-11-14',
        maanden: [
          { maand: '2026-10', van: '2026-10-21', totEnMet: '2026-10-31', minuten: 900, tariefCent: 800, bedragCent: 12000 },
          { maand: '2026-11', van: '2026-11-01', totEnMet: '2026-11-14', minuten: 1200, tariefCent: 800, bedragCent: 16000 },
        ],
        minuten: 2100,
        bedragCent: 28000,
      },
    });
    const zonder = await gob(
      dir,
      ['koppeling', 'end', 'KP0002', '--eind', '2026-10-20', '--opzegdatum', '2026-10-15', '--zonder-opzegtermijn'],
      NOV3,
    );
    expect(zonder.stdout).toContain('In overleg beëindigd, zonder opzegtermijn: er wordt geen opzegtermijn gefactureerd.');
    const vol = json(await gob(dir, ['koppeling', 'end', 'KP0003', '--eind', '2026-11-14', '--opzegdatum', '2026-10-15', '--json'], NOV3));
    expect(vol.opzegtermijn).toEqual({ totEnMet: '2026-11-14', maanden: [], minuten: 0, bedragCent: 0 });
    expect((await gob(dir, ['koppeling', 'end', 'KP0003', '--eind', '2026-11-14', '--opzegdatum', '2026-10-15'], NOV3)).stdout).toContain(
      'De opzegtermijn van één maand (tot en met 2026-11-14) wordt in acht genomen',
    );
    expect((await gob(dir, ['log', '--limit', '3'], NOV3)).stdout).toContain(
      'koppeling KP0002 beëindigd per 2026-10-20 (opgezegd op 2026-10-15, zonder opzegtermijn)',
    );
  });

  it("October's invoice bills the notice dates of October; mutual agreement and a full notice bill none", async () => {
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV3));
    const [f1, f2, f3] = run.facturen as Factuur[];
    expect(regels(f1!)).toEqual([
      ['opvang', 'K0001', 1800, 24000, null],
      ['opzegtermijn', 'K0001', 900, 12000, null],
      ['bureaukosten', null, 0, 2950, null],
    ]);
    expect(f1!.regels[1]).toMatchObject({ tariefCent: 800, lrk: '111111111' });
    expect(f1!.totaalCent).toBe(38950);
    for (const [f, kind] of [
      [f2, 'K0002'],
      [f3, 'K0003'],
    ] as const)
      expect(regels(f!)).toEqual([
        ['opvang', kind, 300, 4000, null],
        ['bureaukosten', null, 0, 2950, null],
      ]);
    const text = (await gob(dir, ['factuur', 'show', '2026-00001'], NOV3)).stdout;
    expect(text).toContain('Opzegtermijn (afgesproken uren)');
    expect(text).toContain('Sem Jansen (K0001), gastouder Anna de Vries, LRK 111111111');
    // The toeslag overview counts the notice as care: 45 h, € 389,50, € 8,66 an hour (38950 × 60 / 2700 = 865,6).
    expect(text).toMatch(/Sem Jansen \(K0001\) +45:00 +€ 389,50 +€ 8,66/);
    expect((await gob(dir, ['factuur', 'pdf', '2026-00001', '--out', 'pdf'], NOV3)).code).toBe(0);
    const pdf = path.join(dir, 'pdf', '2026-00001.pdf');
    expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0);
    const pdfText = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const s of ['Opzegtermijn (afgesproken uren)', 'Sem Jansen (K0001), gastouder Anna de Vries', '15:00', '€ 120,00', '€ 389,50'])
      expect(pdfText).toContain(s);
    expect(json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV3)).facturen).toEqual([]);
  });

  it('the payout pays the gastouder the notice line with the care line', async () => {
    await ok(['betaling', 'add', '--ouder', 'O0001', '--bedrag', '389,50', '--datum', '2026-11-03']);
    json(await gob(dir, ['uitbetaling', 'run', '--datum', '2026-11-03', '--json'], NOV3));
    const nummer = json(await gob(dir, ['uitbetaling', 'list', '--json'], NOV3))[0].nummer;
    const u = json(await gob(dir, ['uitbetaling', 'show', nummer, '--json'], NOV3));
    expect(u.bedragCent).toBe(24000 + 12000);
    expect(u.regels.map((r: { minuten: number; bedragCent: number }) => [r.minuten, r.bedragCent]).sort()).toEqual(
      [
        [1800, 24000],
        [900, 12000],
      ].sort(),
    );
    expect((await gob(dir, ['uitbetaling', 'show', nummer], NOV3)).stdout).toContain('Sem Jansen (K0001), opzegtermijn');
  });

  it("November's invoice bills the notice dates of November (with the month's fee); together what koppeling end said", async () => {
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-11', '--json'], DEC3));
    expect(run.facturen).toHaveLength(1);
    const f = run.facturen[0] as Factuur;
    expect([f.nummer, f.ouder, f.correctieVan, f.totaalCent]).toEqual(['2026-00004', 'O0001', null, 18950]);
    expect(regels(f)).toEqual([
      ['opzegtermijn', 'K0001', 1200, 16000, null],
      ['bureaukosten', null, 0, 2950, null],
    ]);
    const alle = json(await gob(dir, ['factuur', 'list', '--ouder', 'O0001', '--json'], DEC3)) as { nummer: string }[];
    let minuten = 0;
    let bedragCent = 0;
    for (const { nummer } of alle) {
      for (const r of (json(await gob(dir, ['factuur', 'show', nummer, '--json'], DEC3)) as Factuur).regels) {
        if (r.soort !== 'opzegtermijn') continue;
        minuten += r.minuten;
        bedragCent += r.bedragCent;
      }
    }
    expect([minuten, bedragCent]).toEqual([eind.json.opzegtermijn.minuten, eind.json.opzegtermijn.bedragCent]);
    // The toeslag data count the notice as care: November, 20 hours, € 189,50 with the fee.
    expect((await gob(dir, ['toeslag', 'export', '--maand', '2026-11', '--out', 'toeslag.csv'], DEC3)).code).toBe(0);
    const rijen = fs
      .readFileSync(path.join(dir, 'toeslag.csv'), 'utf8')
      .split(/\r?\n/)
      .map((r) => r.split(';'));
    expect(rijen.filter((r) => r[10] === '2026-11').map((r) => [r[11], r[13]])).toEqual([['20,00', '189,50']]);
  });

  it('a later change of eind, or an end by mutual agreement, bills the difference as a correction', async () => {
    // Care went on through Tuesday 27 October after all: only Thursday 29 October is notice in October.
    await ok(['koppeling', 'edit', 'KP0001', '--eind', '2026-10-27'], DEC3);
    const oktober = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], DEC3)).facturen as Factuur[];
    expect(oktober.map((f) => [f.nummer, f.correctieVan, f.totaalCent])).toEqual([['2026-00005', '2026-00001', -8000]]);
    expect(regels(oktober[0]!)).toEqual([['opzegtermijn', 'K0001', -600, -8000, '2026-00001']]);
    expect(json(await gob(dir, ['factuur', 'run', '--maand', '2026-11', '--dry-run', '--json'], DEC3)).facturen).toEqual([]);
    // Then the bureau agrees to end it without notice: October's last notice day and all of November are credited.
    const r = await ok(['koppeling', 'end', 'KP0001', '--eind', '2026-10-27', '--opzegdatum', '2026-10-15', '--zonder-opzegtermijn'], DEC3);
    expect(r.stdout).toContain("2026-10 is al gefactureerd; 'gob factuur run --maand 2026-10' factureert het verschil.");
    expect(r.stdout).toContain("2026-11 is al gefactureerd; 'gob factuur run --maand 2026-11' factureert het verschil.");
    const credit10 = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], DEC3)).facturen as Factuur[];
    expect(regels(credit10[0]!)).toEqual([['opzegtermijn', 'K0001', -300, -4000, '2026-00001']]);
    const credit11 = json(await gob(dir, ['factuur', 'run', '--maand', '2026-11', '--json'], DEC3)).facturen as Factuur[];
    // No care left in November: its fee goes too.
    expect(regels(credit11[0]!)).toEqual([
      ['opzegtermijn', 'K0001', -1200, -16000, '2026-00004'],
      ['bureaukosten', null, 0, -2950, '2026-00004'],
    ]);
    expect(credit11[0]!.totaalCent).toBe(-18950);
  });
});
