// Co-parents (CONTRACT §9 "Co-parents") through the CLI, with hand-computed amounts.
//
// Gastouder G0001 at € 7,95 an hour, October 2026, bureau fees per month (€ 29,50 / € 57,50).
//   K0001 Sem, ouder O0001 Jan, shared 60/40 with O0002 Petra: 10:30 (630 min) on 6 October.
//   K0003 Daan, ouder O0001, not shared: 5:00 (300 min) on 7 October.
//   K0002 Eva, ouder O0002 (Petra's own child): 5:00 (300 min) on 7 October.
// Sem's line: 630 min = careAmount(630, 795) = 8348. Jan: round_half_up(630 × 60 / 100) = 378 min,
// careAmount(378, 795) = 5009; Petra: 252 min, 8348 − 5009 = 3339.
// Jan's family fee (two children): 5750 over [Sem 630, Daan 300] = [3895, 1855] (largest
// remainder); Sem's 3895 → Jan round_half_up(3895 × 0,6) = 2337, Petra 1558. Jan's fee line:
// 2337 + 1855 = 4192. Petra's own family fee (Eva): 2950, a line of its own beside her 1558.
// Jan: 5009 + 3975 + 4192 = 13176. Petra: 3339 + 3975 + 1558 + 2950 = 11822. Together 24998 =
// the families as without sharing: (8348 + 3975 + 5750) + (3975 + 2950).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INIT } from '../demo.js';
import { gob, tempDir, writeCsv } from '../helpers.js';

const NOV3 = { GOB_TODAY: '2026-11-03' };
const NOV10 = { GOB_TODAY: '2026-11-10' };
const json = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
type Regel = { soort: string; kind: string | null; minuten: number; tariefCent: number; bedragCent: number; correctieOp: string | null };
const regels = (f: { regels: Regel[] }) => f.regels.map((r) => [r.soort, r.kind, r.minuten, r.tariefCent, r.bedragCent, r.correctieOp]);

describe('co-parents: each ouder is invoiced her share', () => {
  let dir: string;
  const ok = async (args: string[], env = NOV3) => {
    const r = await gob(dir, args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const uren = (extra: string[] = []) =>
    writeCsv(path.join(dir, `uren${extra.length}.csv`), [
      'gastouder;kind;datum;van;tot',
      'G0001;K0001;2026-10-06;07:30;18:00',
      'G0001;K0003;2026-10-07;08:00;13:00',
      'G0001;K0002;2026-10-07;08:00;13:00',
      ...extra,
    ]);
  beforeAll(async () => {
    dir = tempDir();
    await ok(DEMO_INIT);
    await ok(['gastouder', 'add', '--naam', 'Anna de Vries', '--geboortedatum', '1978-03-12', '--adres', 'Lindenlaan 4']);
    await ok([
      'gastouder',
      'edit',
      'G0001',
      '--postcode',
      '3581 AB',
      '--plaats',
      'Utrecht',
      '--lrk',
      '111111111',
      '--iban',
      'NL20INGB0001234567',
    ]);
    await ok(['ouder', 'add', '--naam', 'Jan Jansen', '--adres', 'Biltstraat 8', '--postcode', '3572 AA', '--plaats', 'Utrecht']);
    await ok(['ouder', 'edit', 'O0001', '--bsn', '123456782', '--geboortedatum', '1985-04-01']);
    await ok(['ouder', 'add', '--naam', 'Petra Bakker', '--adres', 'Kanaalweg 3', '--postcode', '3526 KL', '--plaats', 'Utrecht']);
    await ok(['ouder', 'edit', 'O0002', '--bsn', '111222333', '--geboortedatum', '1986-05-02']);
    await ok(['kind', 'add', '--naam', 'Sem Jansen', '--geboortedatum', '2023-01-21', '--ouder', 'O0001']);
    await ok(['kind', 'add', '--naam', 'Eva Bakker', '--geboortedatum', '2022-06-11', '--ouder', 'O0002']);
    await ok(['kind', 'add', '--naam', 'Daan Jansen', '--geboortedatum', '2021-02-03', '--ouder', 'O0001']);
    await ok(['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-09-01', '--uurtarief', '7,95']);
    await ok(['koppeling', 'add', '--kind', 'K0002', '--gastouder', 'G0001', '--start', '2026-09-01', '--uurtarief', '7,95']);
    await ok(['koppeling', 'add', '--kind', 'K0003', '--gastouder', 'G0001', '--start', '2026-09-01', '--uurtarief', '7,95']);
    await ok(['urenkaart', 'import', uren()]);
  });

  it('refuses a bad verdeling or tweede-ouder with the exit code of its kind, as an option and in an import', async () => {
    const edit = (extra: string[]) => gob(dir, ['koppeling', 'edit', 'KP0001', ...extra], NOV3);
    const cases: [string[], number, RegExp][] = [
      [['--tweede-ouder', 'O0002', '--verdeling', '0'], 2, /--verdeling: '0' is geen geldige waarde; toegestaan: .*1 tot en met 100/],
      [['--tweede-ouder', 'O0002', '--verdeling', '101'], 2, /--verdeling: '101'/],
      [['--tweede-ouder', 'O0002', '--verdeling', 'abc'], 2, /--verdeling: 'abc'/],
      [['--tweede-ouder', 'O0001', '--verdeling', '60'], 2, /tweede-ouder: O0001 is al de ouder van kind K0001/],
      [['--tweede-ouder', 'O9999', '--verdeling', '60'], 1, /tweede-ouder: er is geen ouder met code O9999/],
      [['--verdeling', '60'], 2, /verdeling: 60 zonder tweede-ouder/],
    ];
    for (const [args, code, message] of cases) {
      const r = await edit(args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([code, expect.stringMatching(message)]);
    }
    const csv = writeCsv(path.join(dir, 'koppelingen.csv'), [
      'code;kind;gastouder;start;uurtarief;tweede-ouder;verdeling',
      'KP0001;K0001;G0001;2026-09-01;7,95;O0002;0',
      'KP0002;K0002;G0001;2026-09-01;7,95;O0002;60',
      'KP0003;K0003;G0001;2026-09-01;7,95;O9999;60',
    ]);
    const imp = await gob(dir, ['koppeling', 'import', csv], NOV3);
    expect(imp.code).toBe(1);
    expect(imp.stderr).toMatch(/regel 2.*verdeling.*'0'/);
    expect(imp.stderr).toMatch(/regel 3.*tweede-ouder: O0002 is al de ouder van kind K0002/);
    expect(imp.stderr).toMatch(/regel 4.*tweede-ouder: er is geen ouder met code O9999/);
    // Nothing was stored.
    expect(json(await gob(dir, ['koppeling', 'show', 'KP0001', '--json'], NOV3))).toMatchObject({ tweedeOuder: null, verdeling: 100 });
  });

  it('stores tweede-ouder and verdeling; the kind cannot get its second ouder as its ouder', async () => {
    await ok(['koppeling', 'edit', 'KP0001', '--tweede-ouder', 'O0002', '--verdeling', '60']);
    expect(json(await gob(dir, ['koppeling', 'show', 'KP0001', '--json'], NOV3))).toMatchObject({ tweedeOuder: 'O0002', verdeling: 60 });
    const csv = (await ok(['koppeling', 'list', '--csv'])).stdout;
    expect(csv.split(/\r?\n/)[0]).toMatch(/;tweede-ouder;verdeling$/);
    expect(csv).toMatch(/KP0001;.*;O0002;60\r?\n/);
    // At 100 % the second ouder pays nothing: allowed, and said.
    const honderd = await ok(['koppeling', 'edit', 'KP0002', '--tweede-ouder', 'O0001']);
    expect(honderd.stderr).toContain('verdeling 100 betekent dat ouder O0001 (tweede ouder) niets betaalt');
    await ok(['koppeling', 'edit', 'KP0002', '--tweede-ouder', '']);
    // Clearing the verdeling sets its default, 100 (its column holds no null).
    const leeg = await gob(dir, ['koppeling', 'edit', 'KP0003', '--verdeling', ''], NOV3);
    expect(leeg.code, leeg.stderr).toBe(0);
    expect(json(await gob(dir, ['koppeling', 'show', 'KP0002', '--json'], NOV3))).toMatchObject({ tweedeOuder: null, verdeling: 100 });
    expect((await ok(['ouder', 'show', 'O0002'])).stdout).toContain(
      'tweede ouder: K0001 Sem Jansen (koppeling KP0001, ouder O0001 betaalt 60%)',
    );
    // Petra's koppelingen and the gastouder's ouders include what she is the second ouder of.
    const codes = (r: { code: string }[]) => r.map((x) => x.code);
    expect(codes(json(await gob(dir, ['koppeling', 'list', '--ouder', 'O0002', '--json'], NOV3)))).toEqual(['KP0001', 'KP0002']);
    expect(codes(json(await gob(dir, ['koppeling', 'list', '--ouder', 'O0001', '--json'], NOV3)))).toEqual(['KP0001', 'KP0003']);
    expect(codes(json(await gob(dir, ['ouder', 'list', '--gastouder', 'G0001', '--actief', '--json'], NOV3)))).toEqual(['O0001', 'O0002']);
    const kind = await gob(dir, ['kind', 'edit', 'K0001', '--ouder', 'O0002'], NOV3);
    expect([kind.code, kind.stderr]).toEqual([1, expect.stringMatching(/O0002 is de tweede ouder op koppeling KP0001/)]);
  });

  it('invoices each ouder her share, the two adding up exactly to the line', async () => {
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV3));
    expect(run.facturen.map((f: { nummer: string; ouder: string; totaalCent: number }) => [f.nummer, f.ouder, f.totaalCent])).toEqual([
      ['2026-00001', 'O0001', 13176],
      ['2026-00002', 'O0002', 11822],
    ]);
    const jan = json(await gob(dir, ['factuur', 'show', '2026-00001', '--json'], NOV3));
    expect(regels(jan)).toEqual([
      ['opvang', 'K0001', 378, 795, 5009, null],
      ['opvang', 'K0003', 300, 795, 3975, null],
      ['bureaukosten', null, 0, 4192, 4192, null],
    ]);
    const petra = json(await gob(dir, ['factuur', 'show', '2026-00002', '--json'], NOV3));
    expect(regels(petra)).toEqual([
      ['opvang', 'K0001', 252, 795, 3339, null],
      ['opvang', 'K0002', 300, 795, 3975, null],
      ['bureaukosten', null, 0, 1558, 1558, null],
      ['bureaukosten', null, 0, 2950, 2950, null],
    ]);
    // Petra's invoice names the child she pays for, though it is not hers in the registry.
    const text = (await ok(['factuur', 'show', '2026-00002'])).stdout;
    expect(text).toContain('Sem Jansen');
    expect(text).toContain('Eva Bakker');
    expect((await gob(dir, ['factuur', 'pdf', '2026-00002', '--out', 'pdf'], NOV3)).code).toBe(0);
    const pdf = spawnSync('pdftotext', [path.join(dir, 'pdf', '2026-00002.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(pdf).toContain('Petra Bakker');
    expect(pdf).toContain('Sem Jansen');
    expect(json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV3)).facturen).toEqual([]);
  });

  it('the payout pays the gastouder both shares', async () => {
    await ok(['betaling', 'add', '--ouder', 'O0001', '--bedrag', '131,76', '--datum', '2026-11-10'], NOV10);
    await ok(['betaling', 'add', '--ouder', 'O0002', '--bedrag', '118,22', '--datum', '2026-11-10'], NOV10);
    await ok(['uitbetaling', 'run', '--datum', '2026-11-10'], NOV10);
    const nummer = json(await gob(dir, ['uitbetaling', 'list', '--json'], NOV10))[0].nummer;
    const u = json(await gob(dir, ['uitbetaling', 'show', nummer, '--json'], NOV10));
    expect(u.bedragCent).toBe(5009 + 3975 + 3339 + 3975);
    expect(
      u.regels
        .map((r: { factuur: string; kind: string; minuten: number; bedragCent: number }) => [r.factuur, r.kind, r.minuten, r.bedragCent])
        .sort(),
    ).toEqual(
      [
        ['2026-00001', 'K0001', 378, 5009],
        ['2026-00001', 'K0003', 300, 3975],
        ['2026-00002', 'K0001', 252, 3339],
        ['2026-00002', 'K0002', 300, 3975],
      ].sort(),
    );
  });

  it('the gastouder overview has a line per kind × ouder: Sem twice, one per paying ouder', async () => {
    const g = json(await gob(dir, ['jaaropgave', 'gastouder', '--jaar', '2026', '--json'], NOV10));
    expect(
      g[0].regels.map((r: { kind: string; ouder: string; minuten: number; uitbetaaldCent: number }) => [
        r.kind,
        r.ouder,
        r.minuten,
        r.uitbetaaldCent,
      ]),
    ).toEqual([
      ['K0001', 'O0001', 378, 5009],
      ['K0001', 'O0002', 252, 3339],
      ['K0002', 'O0002', 300, 3975],
      ['K0003', 'O0001', 300, 3975],
    ]);
  });

  it('each ouder has her own jaaropgave and her own toeslag rows for her share', async () => {
    json(await gob(dir, ['jaaropgave', 'run', '--jaar', '2026', '--json'], NOV10));
    const list = json(await gob(dir, ['jaaropgave', 'list', '--json'], NOV10));
    expect(list.map((j: { ouder: string; totaalCent: number }) => [j.ouder, j.totaalCent])).toEqual([
      ['O0001', 13176],
      ['O0002', 11822],
    ]);
    const perKind = (nummer: string) =>
      gob(dir, ['jaaropgave', 'show', nummer, '--json'], NOV10).then((r) =>
        json(r).regels.map((x: { kind: string; minuten: number; bedragCent: number }) => [x.kind, x.minuten, x.bedragCent]),
      );
    // Jan: her fee line 4192 over her minutes [378, 300] = [2337, 1855].
    expect(await perKind(list[0].nummer)).toEqual([
      ['K0001', 378, 5009 + 2337],
      ['K0003', 300, 3975 + 1855],
    ]);
    // Petra: her fee lines 1558 + 2950 over her minutes [252, 300] = [2058, 2450].
    expect(await perKind(list[1].nummer)).toEqual([
      ['K0001', 252, 3339 + 2058],
      ['K0002', 300, 3975 + 2450],
    ]);
    const pdf = await gob(dir, ['jaaropgave', 'pdf', list[1].nummer, '--out', 'jaar'], NOV10);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect((await gob(dir, ['toeslag', 'export', '--maand', '2026-10', '--out', 'toeslag.csv'], NOV10)).code).toBe(0);
    const rows = fs
      .readFileSync(path.join(dir, 'toeslag.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(';'));
    // bsn-aanvrager, naam-aanvrager, naam-kind, uren, bedrag: the aanvrager is the invoiced ouder.
    expect(rows.map((r) => [r[2], r[3], r[7], r[11], r[13]])).toEqual([
      ['123456782', 'Jan Jansen', 'Sem Jansen', '6,30', '73,46'],
      ['123456782', 'Jan Jansen', 'Daan Jansen', '5,00', '58,30'],
      ['111222333', 'Petra Bakker', 'Sem Jansen', '4,20', '53,97'],
      ['111222333', 'Petra Bakker', 'Eva Bakker', '5,00', '64,25'],
    ]);
  });

  it('a correction after an urenkaart change bills each ouder her own difference', async () => {
    // Two more hours for Sem on 8 October: 750 min = 9938. Jan 450 min = 5963, Petra 300 min, 3975.
    // Fee 5750 over [750, 300] = [4107, 1643]; Sem's 4107 → Jan 2464, Petra 1643; Jan's line 4107.
    const imp = await gob(dir, ['urenkaart', 'import', uren(['G0001;K0001;2026-10-08;08:00;10:00']), '--te-laat'], NOV10);
    expect(imp.code, imp.stderr).toBe(0);
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV10));
    expect(run.facturen.map((f: { ouder: string; totaalCent: number }) => [f.ouder, f.totaalCent])).toEqual([
      ['O0001', 954 - 4192 + 4107],
      ['O0002', 636 - 1558 + 1643],
    ]);
    expect(regels(run.facturen[0])).toEqual([
      ['opvang', 'K0001', 72, 795, 954, '2026-00001'],
      ['bureaukosten', null, 0, 4107, 4107, null],
      ['bureaukosten', null, 0, 4192, -4192, '2026-00001'],
    ]);
    expect(regels(run.facturen[1])).toEqual([
      ['opvang', 'K0001', 48, 795, 636, '2026-00002'],
      ['bureaukosten', null, 0, 1558, -1558, '2026-00002'],
      ['bureaukosten', null, 0, 1643, 1643, null],
    ]);
    // The family's care went up by careAmount(750) − careAmount(630) = 1590; the fee stayed 5750.
    expect(run.totaalCent).toBe(9938 - 8348);
    // A new verdeling applies from the first month not invoiced yet: October keeps 60/40, like its rate.
    const edit = await gob(dir, ['koppeling', 'edit', 'KP0001', '--verdeling', '50'], NOV10);
    expect([edit.code, edit.stderr]).toEqual([0, expect.stringContaining('2026-10 houdt zijn verdeling, ook bij een correctie')]);
    expect(json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV10)).facturen).toEqual([]);
    await ok(['koppeling', 'edit', 'KP0001', '--verdeling', '60'], NOV10);
  });

  it('refuses a month in which a child has two koppelingen at one gastouder that share differently, until they agree', async () => {
    // Daan moves to a new koppeling from 16 December, shared 50/50 with Petra; his old one is not shared.
    await ok(['koppeling', 'end', 'KP0003', '--eind', '2026-12-15'], NOV10);
    await ok(
      [
        'koppeling',
        'add',
        '--kind',
        'K0003',
        '--gastouder',
        'G0001',
        '--start',
        '2026-12-16',
        '--uurtarief',
        '7,95',
        '--tweede-ouder',
        'O0002',
        '--verdeling',
        '50',
      ],
      NOV10,
    );
    const JAN4 = { GOB_TODAY: '2027-01-04' };
    const csv = writeCsv(path.join(dir, 'december.csv'), [
      'gastouder;kind;datum;van;tot',
      'G0001;K0003;2026-12-01;08:00;13:00',
      'G0001;K0003;2026-12-17;08:00;13:00',
    ]);
    await ok(['urenkaart', 'import', csv], JAN4);
    const refused = await gob(dir, ['factuur', 'run', '--maand', '2026-12'], JAN4);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('twee koppelingen met een verschillende verdeling');
    expect(refused.stderr).toContain('kind K0003 bij gastouder G0001: KP0003 niet gedeeld, KP0004 50% / O0002');
    await ok(['koppeling', 'edit', 'KP0003', '--tweede-ouder', 'O0002', '--verdeling', '50'], JAN4);
    // 600 min = 7950, 300 min each = 3975; the one-child fee 2950 → 1475 each.
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-12', '--json'], JAN4));
    expect(run.facturen.map((f: { ouder: string; totaalCent: number }) => [f.ouder, f.totaalCent])).toEqual([
      ['O0001', 3975 + 1475],
      ['O0002', 3975 + 1475],
    ]);
  });
});
