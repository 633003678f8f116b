// Agreed hours and absences (CONTRACT §9 "Absence") through the CLI, with hand-computed amounts.
//
// One child (K0001, ouder O0001) at gastouder G0001 at € 6,00 an hour, rooster Tuesday and
// Thursday 08:00–13:00 (5 hours), October 2026 (Tuesdays 6 13 20 27, Thursdays 1 8 15 22 29):
//   1 Oct  worked 5 h                                              opvang 5 h
//   6 Oct  sick, reported that day (too late)                      afgesproken 5 h
//   8 Oct  sick, reported 18 days ahead (in time, ≥ 14)           —
//  13, 15  holiday, reported exactly 2 months ahead (in time)     —
//  20 Oct  holiday, reported 1 month ahead (too late for a holiday)  afgesproken 5 h
//  22 Oct  the gastouder is ill (her absence)                    —
//  27 Oct  worked 08:00–11:00, 3 of 5 hours                       opvang 3 h, afgesproken 2 h
//  29 Oct  worked 5 h                                             opvang 5 h
// Opvang 13 h = € 78,00; afgesproken 12 h = € 72,00; bureaukosten (one child) € 29,50; € 179,50.
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
const regels = (f: { regels: Regel[] }) => f.regels.map((r) => [r.soort, r.kind, r.minuten, r.bedragCent, r.correctieOp]);

describe('agreed hours billed (afgesproken-uren ja)', () => {
  let dir: string;
  const ok = async (args: string[], env = NOV3) => {
    const r = await gob(dir, args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  beforeAll(async () => {
    dir = tempDir();
    await ok(DEMO_INIT);
    await ok(['gastouder', 'add', '--naam', 'Anna de Vries', '--geboortedatum', '1978-03-12', '--adres', 'Lindenlaan 4']);
    await ok(['gastouder', 'edit', 'G0001', '--postcode', '3581 AB', '--plaats', 'Utrecht', '--lrk', '111111111']);
    await ok(['gastouder', 'edit', 'G0001', '--iban', 'NL20INGB0001234567']);
    await ok(['ouder', 'add', '--naam', 'Jan Jansen', '--adres', 'Biltstraat 8', '--postcode', '3572 AA', '--plaats', 'Utrecht']);
    await ok(['kind', 'add', '--naam', 'Sem Jansen', '--geboortedatum', '2023-01-21', '--ouder', 'O0001']);
    await ok(['kind', 'add', '--naam', 'Lotte de Vries', '--geboortedatum', '2019-05-02', '--eigen-kind-van', 'G0001']);
    await ok(['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-09-01', '--uurtarief', '6,00']);
    await ok(['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'di', '--van', '08:00', '--tot', '13:00']);
    await ok(['rooster', 'add', '--koppeling', 'KP0001', '--dag', 'do', '--van', '08:00', '--tot', '13:00']);
    const csv = writeCsv(path.join(dir, 'uren.csv'), [
      'gastouder;kind;datum;van;tot',
      'G0001;K0001;2026-10-01;08:00;13:00',
      'G0001;K0001;2026-10-27;08:00;11:00',
      'G0001;K0001;2026-10-29;08:00;13:00',
    ]);
    await ok(['urenkaart', 'import', csv]);
  });

  it('afwezigheid add refuses bad input with the exit code of its kind', async () => {
    const add = (extra: string[]) => gob(dir, ['afwezigheid', 'add', ...extra], NOV3);
    const cases: [string[], number, RegExp][] = [
      [['--kind', 'K0001', '--van', '2026-10-06', '--tot-en-met', '2026-10-05'], 2, /tot-en-met: 2026-10-05 ligt vóór --van 2026-10-06/],
      [['--kind', 'K9999', '--van', '2026-10-06', '--tot-en-met', '2026-10-06'], 1, /geen kind met code K9999/],
      [['--gastouder', 'G9999', '--van', '2026-10-06', '--tot-en-met', '2026-10-06'], 1, /geen gastouder met code G9999/],
      [
        ['--kind', 'K0001', '--van', '2026-10-06', '--tot-en-met', '2026-10-06', '--gemeld', '2026-11-04'],
        2,
        /--gemeld: 2026-11-04 ligt na vandaag/,
      ],
      [['--kind', 'K0001', '--gastouder', 'G0001', '--van', '2026-10-06', '--tot-en-met', '2026-10-06'], 2, /precies één van --kind/],
      [['--van', '2026-10-06', '--tot-en-met', '2026-10-06'], 2, /Ontbrekende verplichte optie: --kind of --gastouder\./],
      // Scripted, every missing option at once (it used to name --van, and --tot-en-met only the next time).
      [['--kind', 'K0001'], 2, /^Ontbrekende verplichte opties: --van, --tot-en-met\.$/m],
      [
        ['--kind', 'K0001', '--van', '2026-10-06', '--tot-en-met', '2026-10-06', '--soort', 'griep'],
        2,
        /--soort: .*ziek, vakantie, overig/,
      ],
      [['--kind', 'K0002', '--van', '2026-10-06', '--tot-en-met', '2026-10-06'], 1, /eigen kind/],
    ];
    for (const [args, code, message] of cases) {
      const r = await add(args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([code, expect.stringMatching(message)]);
    }
    expect(json(await gob(dir, ['afwezigheid', 'list', '--json'], NOV3))).toEqual([]);
  });

  it('afwezigheid add stores each absence (JSON per the brief), refuses an overlap naming it, and list filters by month', async () => {
    const add = async (args: string[]) => json(await gob(dir, ['afwezigheid', 'add', ...args, '--json'], NOV3));
    expect(
      await add(['--kind', 'K0001', '--van', '2026-10-06', '--tot-en-met', '2026-10-06', '--soort', 'ziek', '--gemeld', '2026-10-06']),
    ).toEqual({
      id: 1,
      kind: 'K0001',
      gastouder: null,
      van: '2026-10-06',
      totEnMet: '2026-10-06',
      soort: 'ziek',
      gemeld: '2026-10-06',
    });
    await add(['--kind', 'K0001', '--van', '2026-10-08', '--tot-en-met', '2026-10-08', '--soort', 'ziek', '--gemeld', '2026-09-20']);
    await add(['--kind', 'K0001', '--van', '2026-10-13', '--tot-en-met', '2026-10-15', '--soort', 'vakantie', '--gemeld', '2026-08-13']);
    await add(['--kind', 'K0001', '--van', '2026-10-20', '--tot-en-met', '2026-10-20', '--soort', 'vakantie', '--gemeld', '2026-09-20']);
    // Default soort overig, default gemeld today.
    expect(await add(['--gastouder', 'G0001', '--van', '2026-10-22', '--tot-en-met', '2026-10-22'])).toMatchObject({
      id: 5,
      kind: null,
      gastouder: 'G0001',
      soort: 'overig',
      gemeld: '2026-11-03',
    });
    const overlap = await gob(dir, ['afwezigheid', 'add', '--kind', 'K0001', '--van', '2026-10-15', '--tot-en-met', '2026-10-16'], NOV3);
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toContain('overlapt met afwezigheid 3: kind K0001 van 2026-10-13 t/m 2026-10-15 (vakantie, gemeld 2026-08-13)');
    const list = json(await gob(dir, ['afwezigheid', 'list', '--maand', '2026-10', '--kind', 'K0001', '--json'], NOV3));
    expect(list.map((a: { id: number }) => a.id)).toEqual([1, 2, 3, 4]);
    expect(json(await gob(dir, ['afwezigheid', 'list', '--maand', '2026-11', '--json'], NOV3))).toEqual([]);
    expect((await gob(dir, ['afwezigheid', 'list', '--kind', 'K9999'], NOV3)).code).toBe(1);
    expect((await gob(dir, ['log', '--limit', '1'], NOV3)).stdout).toContain('afwezigheid 5 toegevoegd: gastouder G0001 op 2026-10-22');
  });

  it('with afgesproken-uren nee (the default) nothing changes: only hours of care are billed', async () => {
    const dry = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--dry-run', '--json'], NOV3));
    expect(regels(dry.facturen[0])).toEqual([
      ['opvang', 'K0001', 780, 7800, null],
      ['bureaukosten', null, 0, 2950, null],
    ]);
  });

  it('bureau set and show take afgesproken-uren and afmeldtermijn', async () => {
    const shown = json(await gob(dir, ['bureau', 'show', '--json'], NOV3));
    expect([shown.afgesprokenUren, shown.afmeldtermijn]).toEqual([false, 14]);
    expect((await gob(dir, ['bureau', 'set', '--afmeldtermijn', '400'], NOV3)).code).toBe(2);
    // gob init takes them too (on an existing database it sets what it is given).
    expect(json(await gob(dir, ['init', '--afmeldtermijn', '21', '--json'], NOV3)).bureau.afmeldtermijn).toBe(21);
    const set = json(await gob(dir, ['bureau', 'set', '--afgesproken-uren', 'ja', '--afmeldtermijn', '14', '--json'], NOV3));
    expect([set.afgesprokenUren, set.afmeldtermijn]).toEqual([true, 14]);
    expect((await gob(dir, ['bureau', 'show'], NOV3)).stdout).toMatch(/afgesproken-uren: +ja/);
  });

  it('factuur run bills the agreed hours not worked and not excused as one afgesproken line', async () => {
    const run = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV3));
    expect(run.facturen).toHaveLength(1);
    const f = run.facturen[0];
    expect(regels(f)).toEqual([
      ['opvang', 'K0001', 780, 7800, null],
      ['afgesproken', 'K0001', 720, 7200, null],
      ['bureaukosten', null, 0, 2950, null],
    ]);
    expect(f.regels[1]).toMatchObject({ tariefCent: 600, lrk: '111111111' });
    expect(f.totaalCent).toBe(17950);
    const text = (await gob(dir, ['factuur', 'show', '2026-00001'], NOV3)).stdout;
    expect(text).toContain('Afgesproken, niet afgemeld');
    expect(text).toContain('Sem Jansen (K0001), gastouder Anna de Vries, LRK 111111111');
    // The toeslag overview counts the agreed hours as care: 25 h, € 179,50, € 7,18 an hour.
    expect(text).toMatch(/Sem Jansen \(K0001\) +25:00 +€ 179,50 +€ 7,18/);
    expect((await gob(dir, ['factuur', 'pdf', '2026-00001', '--out', 'pdf'], NOV3)).code).toBe(0);
    const pdf = path.join(dir, 'pdf', '2026-00001.pdf');
    expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0);
    const pdfText = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const s of ['Afgesproken, niet afgemeld', 'Sem Jansen (K0001), gastouder Anna de Vries', '12:00', '€ 72,00', '€ 179,50']) {
      expect(pdfText).toContain(s);
    }
    // Run again: nothing new.
    expect(json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV3)).facturen).toEqual([]);
  });

  it('the payout pays the gastouder the afgesproken line with the care line', async () => {
    await ok(['betaling', 'add', '--ouder', 'O0001', '--bedrag', '179,50', '--datum', '2026-11-03']);
    json(await gob(dir, ['uitbetaling', 'run', '--datum', '2026-11-03', '--json'], NOV3));
    const nummer = json(await gob(dir, ['uitbetaling', 'list', '--json'], NOV3))[0].nummer;
    const u = json(await gob(dir, ['uitbetaling', 'show', nummer, '--json'], NOV3));
    // The specification tells the gastouder which line is agreed hours.
    expect((await gob(dir, ['uitbetaling', 'show', nummer], NOV3)).stdout).toContain('Sem Jansen (K0001), afgesproken');
    expect(u.bedragCent).toBe(7800 + 7200);
    expect(u.regels.map((r: { minuten: number; bedragCent: number }) => [r.minuten, r.bedragCent]).sort()).toEqual(
      [
        [720, 7200],
        [780, 7800],
      ].sort(),
    );
  });

  it('an absence entered late credits the agreed hours it excuses; removing one bills them again', async () => {
    // 10 November: the gastouder says she was ill on 20 October herself: that date is excused.
    const add = await gob(
      dir,
      ['afwezigheid', 'add', '--gastouder', 'G0001', '--van', '2026-10-20', '--tot-en-met', '2026-10-20', '--soort', 'ziek'],
      NOV10,
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain("2026-10 is al gefactureerd; 'gob factuur run --maand 2026-10' factureert het verschil.");
    const credit = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV10)).facturen[0];
    expect([credit.nummer, credit.correctieVan, credit.totaalCent]).toEqual(['2026-00002', '2026-00001', -3000]);
    expect(regels(credit)).toEqual([['afgesproken', 'K0001', -300, -3000, '2026-00001']]);
    // The in-time sick day of 8 October removed (entered by mistake): its 5 hours are billed.
    const remove = await gob(dir, ['afwezigheid', 'remove', '2', '--json'], NOV10);
    expect(JSON.parse(remove.stdout)).toMatchObject({ id: 2, kind: 'K0001', van: '2026-10-08', soort: 'ziek' });
    expect((await gob(dir, ['afwezigheid', 'remove', '2'], NOV10)).code).toBe(1);
    const meer = json(await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], NOV10)).facturen[0];
    expect(regels(meer)).toEqual([['afgesproken', 'K0001', 300, 3000, '2026-00002']]);
  });

  it('the jaaropgave and the gastouder overview count the agreed hours as care', async () => {
    const run = await gob(dir, ['jaaropgave', 'run', '--jaar', '2026', '--json'], NOV10);
    expect(run.code, run.stderr).toBe(0);
    const j = json(await gob(dir, ['jaaropgave', 'show', 'J2026-00001', '--json'], NOV10));
    // 13 h care + 12 h agreed (− 5 + 5): 25 h, € 78 + € 72 + € 29,50.
    expect([j.minuten, j.totaalCent]).toEqual([1500, 17950]);
    expect(j.regels.map((r: { kind: string; minuten: number; bedragCent: number }) => [r.kind, r.minuten, r.bedragCent])).toEqual([
      ['K0001', 1500, 17950],
    ]);
    // The toeslag data likewise: 25 hours, € 179,50 (care, agreed hours and the fee) for October.
    expect((await gob(dir, ['toeslag', 'export', '--maand', '2026-10', '--out', 'toeslag.csv'], NOV10)).code).toBe(0);
    const rij = fs.readFileSync(path.join(dir, 'toeslag.csv'), 'utf8').split(/\r?\n/)[1]!.split(';');
    expect([rij[10], rij[11], rij[13]]).toEqual(['2026-10', '25,00', '179,50']);
    const g = json(await gob(dir, ['jaaropgave', 'gastouder', '--jaar', '2026', '--json'], NOV10));
    expect(
      g[0].regels.map((r: { minuten: number; uurprijsCent: number; uitbetaaldCent: number }) => [
        r.minuten,
        r.uurprijsCent,
        r.uitbetaaldCent,
      ]),
    ).toEqual([[1500, 600, 15000]]);
  });

  it('the contract says that absence reported less than afmeldtermijn days ahead is charged', async () => {
    expect((await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'aan.pdf'], NOV10)).code).toBe(0);
    const aan = spawnSync('pdftotext', [path.join(dir, 'aan.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(aan).toContain('meldt afwezigheid van het kind ten minste 14 dagen van tevoren');
    expect(aan).toContain('vakantie ten minste twee maanden van tevoren');
    expect(aan).toContain('worden de afgesproken uren volgens het rooster in rekening gebracht');
    await ok(['bureau', 'set', '--afgesproken-uren', 'nee'], NOV10);
    expect((await gob(dir, ['contract', 'pdf', '--koppeling', 'KP0001', '--soort', 'bureau', '--out', 'uit.pdf'], NOV10)).code).toBe(0);
    const uit = spawnSync('pdftotext', [path.join(dir, 'uit.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(uit).toContain('Alleen uren van opvang volgens de urenkaart worden in rekening gebracht');
    expect(uit).not.toContain('afgesproken uren');
  });

  it('turning the setting off later re-bills no month invoiced with it: the month keeps its setting, like its fees', async () => {
    const dry = await gob(dir, ['factuur', 'run', '--maand', '2026-10', '--dry-run', '--json'], NOV10);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout).facturen).toEqual([]);
  });

  it('a month without an urenkaart bills its agreed hours up to the day before the invoice date, with a warning', async () => {
    await ok(['bureau', 'set', '--afgesproken-uren', 'ja'], NOV10);
    // 20 November: Tuesdays and Thursdays 3, 5, 10, 12, 17, 19 are over; 24 and 26 are not.
    const dry = await gob(dir, ['factuur', 'run', '--maand', '2026-11', '--dry-run', '--json'], { GOB_TODAY: '2026-11-20' });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain(
      'kind K0001 bij gastouder G0001 heeft geen urenkaart in 2026-11; de afgesproken uren (30:00) worden gefactureerd',
    );
    expect(regels(JSON.parse(dry.stdout).facturen[0])).toEqual([
      ['afgesproken', 'K0001', 1800, 18000, null],
      ['bureaukosten', null, 0, 2950, null],
    ]);
  });
});
