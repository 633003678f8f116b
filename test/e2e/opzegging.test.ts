// Notice (CONTRACT §9) as the acceptance test met it: notice billed in a month after the koppeling
// ended is shared by co-parents; a withdrawn notice (the koppeling reopened by `edit`) bills nothing, and
// an invoiced month's notice is credited by its next run; `koppeling end` takes no opzegdatum after
// today or after the end.
//
// The demo bureau, with rooster, no urenkaarten for December or January (so only notice is billed):
//   KP0007 (Yara, ouder O0005, G0002, € 7,75; Thursday 08–13, Friday 08–17), shared 60/40 with O0006,
//     ends Friday 4 December with notice given that day: notice through 3 January. January owes
//     Friday 1 January, 9 h = 540 min: O0005 324 min = € 41,85 (round_half_up(32400 × 7,75 / 60)
//     = 4185), O0006 216 min = € 27,90, and the monthly fee € 29,50 split 17,70 / 11,80.
//   KP0006 (Noah, ouder O0004, G0003): notice given, withdrawn by reopening, then a fixed end by edit.
//   KP0003 (Elif, G0002): notice given, withdrawn by an import that empties its eind.
//   KP0001 (Zoë, ouder O0001, G0001): notice billed in December, then reopened after December was
//     invoiced: the next December run credits it.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBureau } from '../demo.js';
import path from 'node:path';
import { gob, writeCsv } from '../helpers.js';

type Regel = { soort: string; kind: string | null; minuten: number; bedragCent: number };
type Factuur = { ouder: string; totaalCent: number; correctieVan: string | null; regels: Regel[] };
const at = (d: string) => ({ GOB_TODAY: d });

describe('notice: co-parents, a withdrawn notice and the opzegdatum checked', () => {
  let dir: string;
  const ok = async (args: string[], today: string) => {
    const r = await gob(dir, args, at(today));
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const run = async (maand: string, today: string) =>
    JSON.parse((await ok(['factuur', 'run', '--maand', maand, '--json'], today)).stdout).facturen as Factuur[];
  const lines = (f: Factuur | undefined) => f?.regels.map((r) => [r.soort, r.kind, r.minuten, r.bedragCent]);
  let dec: Factuur[];
  let reopened: { stderr: string };
  let decAgain: Factuur[];
  let jan: Factuur[];
  let kp6: { stderr: string }[];
  beforeAll(async () => {
    dir = await demoBureau();
    await ok(
      ['ouder', 'add', '--naam', 'Youssef El Amrani', '--adres', 'Kerkstraat 5', '--postcode', '3811 CV', '--plaats', 'Amersfoort'],
      '2026-11-03',
    );
    await ok(['koppeling', 'edit', 'KP0007', '--tweede-ouder', 'O0006', '--verdeling', '60'], '2026-11-03');
    await ok(['koppeling', 'end', 'KP0007', '--eind', '2026-12-04', '--opzegdatum', '2026-12-04'], '2026-12-04');
    await ok(['koppeling', 'end', 'KP0006', '--eind', '2026-12-15', '--opzegdatum', '2026-12-10'], '2026-12-10');
    kp6 = [await ok(['koppeling', 'edit', 'KP0006', '--eind', ''], '2026-12-10')];
    kp6.push(await ok(['koppeling', 'edit', 'KP0006', '--eind', '2026-12-15'], '2026-12-12'));
    // KP0003 is reopened by an import (an empty eind), which withdraws its notice as `edit` does.
    await ok(['koppeling', 'end', 'KP0003', '--eind', '2026-12-11', '--opzegdatum', '2026-12-11'], '2026-12-11');
    await ok(['koppeling', 'import', writeCsv(path.join(dir, 'kp.csv'), ['code;eind', 'KP0003;'])], '2026-12-11');
    await ok(['koppeling', 'end', 'KP0001', '--eind', '2026-12-18', '--opzegdatum', '2026-12-18'], '2026-12-18');
    dec = await run('2026-12', '2027-01-06');
    reopened = await ok(['koppeling', 'edit', 'KP0001', '--eind', ''], '2027-01-07');
    decAgain = await run('2026-12', '2027-01-07');
    jan = await run('2027-01', '2027-02-06');
  });

  it('shares notice billed in a month after the koppeling ended by the verdeling, fee included', () => {
    const o5 = jan.find((f) => f.ouder === 'O0005');
    const o6 = jan.find((f) => f.ouder === 'O0006');
    expect(lines(o5)).toEqual([
      ['opzegtermijn', 'K0007', 324, 4185],
      ['bureaukosten', null, 0, 1770],
    ]);
    expect(lines(o6)).toEqual([
      ['opzegtermijn', 'K0007', 216, 2790],
      ['bureaukosten', null, 0, 1180],
    ]);
    // December, while the koppeling ran part of the month, was already shared.
    expect(dec.filter((f) => f.regels.some((r) => r.kind === 'K0007')).map((f) => f.ouder)).toEqual(['O0005', 'O0006']);
  });

  it('bills no notice once the koppeling is reopened (edit or import), nor for a fixed end set by edit afterwards', async () => {
    const kinderen = [...dec, ...decAgain, ...jan].flatMap((f) => f.regels.map((r) => r.kind));
    expect(kinderen).not.toContain('K0006');
    expect(kinderen).not.toContain('K0003');
    const [weer, vast] = kp6;
    expect(weer!.stderr).toContain('Let op: koppeling KP0006 loopt weer door; de opzegging van 2026-12-10 is vervallen.');
    expect(vast!.stderr).not.toContain('opzegging');
    const show = await ok(['koppeling', 'show', 'KP0006', '--json'], '2027-02-06');
    expect(JSON.parse(show.stdout)).toMatchObject({ eind: '2026-12-15' });
    // `show` says whether a notice stands: not for KP0006 any more, still for KP0007.
    expect((await ok(['koppeling', 'show', 'KP0006'], '2027-02-06')).stdout).not.toContain('opgezegd');
    expect((await ok(['koppeling', 'show', 'KP0007'], '2027-02-06')).stdout).toContain(
      'opgezegd:     2026-12-04, opzegtermijn t/m 2027-01-03',
    );
    expect((await ok(['log', '--limit', '20'], '2027-02-06')).stdout).toContain(
      'koppeling KP0006 gewijzigd: eind="", opzegging van 2026-12-10 vervallen',
    );
  });

  it('credits the notice of an invoiced month when the koppeling is reopened, and says so', () => {
    // KP0001 owes Monday 21 … Thursday 31 December as notice (its rooster), billed in December.
    const eerst = dec.find((f) => f.ouder === 'O0001');
    const opzeg = eerst!.regels.find((r) => r.soort === 'opzegtermijn' && r.kind === 'K0001');
    expect(opzeg!.minuten).toBeGreaterThan(0);
    expect(reopened.stderr).toContain('koppeling KP0001 loopt weer door; de opzegging van 2026-12-18 is vervallen.');
    expect(reopened.stderr).toContain("2026-12 is al gefactureerd; 'gob factuur run --maand 2026-12' factureert het verschil.");
    const correctie = decAgain.find((f) => f.ouder === 'O0001');
    expect(correctie!.correctieVan).not.toBeNull();
    expect(correctie!.regels.find((r) => r.soort === 'opzegtermijn')).toMatchObject({
      minuten: -opzeg!.minuten,
      bedragCent: -opzeg!.bedragCent,
    });
    expect(jan.some((f) => f.regels.some((r) => r.kind === 'K0001'))).toBe(false);
  });

  it('refuses an opzegdatum after today or after the end (exit 2), a past end without one, and an edit moving the end before the notice (exit 1)', async () => {
    for (const [args, today, melding] of [
      [['--eind', '2027-01-20', '--opzegdatum', '2027-02-01'], '2027-01-19', '--opzegdatum: 2027-02-01 ligt na vandaag (2027-01-19)'],
      [['--eind', '2027-01-20', '--opzegdatum', '2027-01-21'], '2027-01-25', '--opzegdatum: 2027-01-21 ligt na de einddatum 2027-01-20'],
      [['--eind', '2027-01-20'], '2027-01-25', '--eind: 2027-01-20 ligt vóór vandaag (2027-01-25); geef met --opzegdatum'],
    ] as const) {
      const r = await gob(dir, ['koppeling', 'end', 'KP0002', ...args], at(today));
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(melding);
    }
    expect(JSON.parse((await ok(['koppeling', 'show', 'KP0002', '--json'], '2027-01-25')).stdout)).toMatchObject({ eind: null });
    // `edit` moving an end keeps the notice, so it may not move the end before the opzegdatum either.
    const vroeg = await gob(dir, ['koppeling', 'edit', 'KP0007', '--eind', '2026-12-03'], at('2027-01-25'));
    expect(vroeg.code, vroeg.stderr).toBe(1);
    expect(vroeg.stderr).toContain('eind: 2026-12-03 ligt vóór de opzegdatum 2026-12-04');
    // And an import, which changes records by the same rules.
    const csv = writeCsv(path.join(dir, 'eind-vroeg.csv'), ['code;eind', 'KP0007;2026-12-03']);
    const geimporteerd = await gob(dir, ['koppeling', 'import', csv], at('2027-01-25'));
    expect(geimporteerd.code, geimporteerd.stderr).toBe(1);
    expect(geimporteerd.stderr).toContain('regel 2: eind: 2026-12-03 ligt vóór de opzegdatum 2026-12-04');
    // By mutual agreement nothing is billed: a past end needs no opzegdatum then.
    const overleg = await ok(['koppeling', 'end', 'KP0002', '--eind', '2027-01-20', '--zonder-opzegtermijn', '--json'], '2027-01-25');
    expect(JSON.parse(overleg.stdout)).toMatchObject({ opzegdatum: '2027-01-20', opzegtermijn: { bedragCent: 0 } });
  });
});
