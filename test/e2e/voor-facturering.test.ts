// Before invoicing (CONTRACT §9): `urenkaart check` (the missing urenkaarten, with contact details
// and the days to the deadline) and `factuur check` (agreed against actual against the toeslag
// limits), on the demo bureau with its rooster. Neither changes data.
//
// October 2026 starts on a Thursday: Mondays 5 12 19 26, Tuesdays 6 13 20 27, Wednesdays 7 14 21
// 28, Thursdays 1 8 15 22 29, Fridays 2 9 16 23 30. The demo's rooster (data/demo/roosters.csv)
// counted by hand, and what the October urenkaarten (data/demo/uren-2026-10-*.csv) say:
//   K0001 at G0001 (KP0001) ma+di 08:00–17:30: 8 × 570 = 4560 (76:00); actual 7 × 570 + 255 (the 13th, 08:00–12:15) = 4245
//   K0002 at G0001 (KP0002) ma 08–12, do 12–18: 4 × 240 + 5 × 360 = 2760; actual the same
//   K0003 at G0001 (KP0003) di+wo 08:30–17:00: 8 × 510 = 4080; actual 7 × 510 = 3570 (not the 21st)
//   K0003 at G0002 (KP0008, from 1 October) do 08–17: 5 × 540 = 2700; actual the same
//   K0004 at G0002 (KP0004) di+do 07:30–18:00: 9 × 630 = 5670; actual 8 × 630 + 555 (the 20th) = 5595
//   K0005 at G0002 (KP0005) the same rooster: 5670; actual 5670
//   K0006 at G0003 (KP0006) ma+wo 08–18: 8 × 600 = 4800; actual 7 × 600 + 660 (the 26th) = 4860
//   K0007 at G0002 (KP0007) do 08–13, vr 08–17: 5 × 300 + 5 × 540 = 4200; actual the same
// Average prices, fees by the month (€ 29,50 for one child at a gastouder): K0003 at G0001 is
// Şahin's only child there: 3570 min × € 8,10 = 481,95 + 29,50 = 511,45 over 59,5 h = 8,596 → € 8,60;
// K0006: 4860 × € 8,25 = 668,25 + 29,50 = 697,75 over 81 h = 8,614 → € 8,61; both above 2026's
// € 8,49. The others stay below it (Zoë and Milan share € 57,50: € 8,44 each, as on the invoice).
import path from 'node:path';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demo, demoBureau } from '../demo.js';
import { gob, writeCsv } from '../helpers.js';

const rij = (kind: string, gastouder: string, afgesprokenMinuten: number, minuten: number, meldingen: string[] = []) => ({
  kind,
  gastouder,
  afgesprokenMinuten,
  minuten,
  meldingen,
});
const PRIJS_K0003 = 'gemiddelde uurprijs € 8,60 (opvang en bureaukosten) boven het maximum van de kinderopvangtoeslag in 2026 (€ 8,49)';
const PRIJS_K0006 = 'gemiddelde uurprijs € 8,61 (opvang en bureaukosten) boven het maximum van de kinderopvangtoeslag in 2026 (€ 8,49)';

describe('urenkaart check and factuur check on the demo bureau', () => {
  let dir: string;
  const run = (args: string[], env: Record<string, string> = DEMO_TODAY) => gob(dir, args, env);
  const imported = async (file: string) => {
    const r = await run(['urenkaart', 'import', file]);
    expect(r.code, r.stderr).toBe(0);
  };
  const json = async (args: string[], code: number, env?: Record<string, string>) => {
    const r = await run([...args, '--json'], env);
    expect(r.code, r.stderr).toBe(code);
    return JSON.parse(r.stdout);
  };

  beforeAll(async () => {
    dir = await demoBureau({ rooster: true });
    // Anna's urenkaart without Elif (K0003): she delivered, but not for every child.
    const anna = fs
      .readFileSync(demo('uren-2026-10-anna.csv'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l && !l.includes(';K0003;'));
    writeCsv(path.join(dir, 'anna-zonder-elif.csv'), anna, 'utf-8');
  }, 60_000);

  it('nothing delivered: every koppeling with rooster in October is listed, grouped per gastouder; exit 1', async () => {
    const r = await run(['urenkaart', 'check', '--maand', '2026-10']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('G0001  Anna de Vries  anna@example.nl  06-11112222\n  K0001  Zoë Wałęsa      koppeling KP0001\n');
    expect(r.stdout).toContain('G0003  Ingrid Brouwer  ingrid@example.nl  06-33334444\n  K0006  Noah Bakker     koppeling KP0006\n');
    expect(r.stdout).not.toContain('ontbreken');
    expect(r.stderr).toContain(
      '8 urenkaarten ontbreken bij 3 gastouders, van 8 koppelingen met rooster in oktober 2026; ze moeten binnen zijn vóór 5 november 2026 (nog 2 dagen).',
    );
    // The own child's rooster (K0008, Anna's Lotte) is no urenkaart: own children are not billed.
    expect(r.stdout).not.toContain('K0008');
  });

  it('factuur check before any urenkaart: rooster without hours for every kind × gastouder, agreed minutes by hand', async () => {
    const rows = await json(['factuur', 'check', '--maand', '2026-10'], 1);
    const zonder = (m: number) => [
      `rooster zonder uren: ${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')} uur afgesproken, geen uren op de urenkaart`,
    ];
    expect(rows).toEqual([
      rij('K0001', 'G0001', 4560, 0, zonder(4560)),
      rij('K0002', 'G0001', 2760, 0, zonder(2760)),
      rij('K0003', 'G0001', 4080, 0, zonder(4080)),
      rij('K0003', 'G0002', 2700, 0, zonder(2700)),
      rij('K0004', 'G0002', 5670, 0, zonder(5670)),
      rij('K0005', 'G0002', 5670, 0, zonder(5670)),
      rij('K0006', 'G0003', 4800, 0, zonder(4800)),
      rij('K0007', 'G0002', 4200, 0, zonder(4200)),
    ]);
    expect(rows[4].meldingen).toEqual(['rooster zonder uren: 94:30 uur afgesproken, geen uren op de urenkaart']);
  });

  it('a gastouder who delivered for some children: the others are still missing; contact details and days to the deadline', async () => {
    await imported(path.join(dir, 'anna-zonder-elif.csv'));
    await imported(demo('uren-2026-10-renee.csv'));
    const rows = await json(['urenkaart', 'check', '--maand', '2026-10'], 1);
    expect(rows).toEqual([
      {
        gastouder: 'G0001',
        naam: 'Anna de Vries',
        email: 'anna@example.nl',
        telefoon: '06-11112222',
        kind: 'K0003',
        kindnaam: 'Elif Yılmaz',
        koppeling: 'KP0003',
        maand: '2026-10',
        deadline: '2026-11-05',
        dagenTotDeadline: 2,
        teLaat: false,
      },
      {
        gastouder: 'G0003',
        naam: 'Ingrid Brouwer',
        email: 'ingrid@example.nl',
        telefoon: '06-33334444',
        kind: 'K0006',
        kindnaam: 'Noah Bakker',
        koppeling: 'KP0006',
        maand: '2026-10',
        deadline: '2026-11-05',
        dagenTotDeadline: 2,
        teLaat: false,
      },
    ]);
    await imported(demo('uren-2026-10-anna.csv'));
  });

  it('--csv: a header of field names and one row per gastouder × kind, for a mail merge; after the deadline, negative days', async () => {
    const before = await run(['urenkaart', 'check', '--maand', '2026-10', '--csv']);
    expect(before.code).toBe(1);
    expect(before.stdout).toBe(
      'gastouder;naam;email;telefoon;kind;kindnaam;koppeling;maand;deadline;dagen-tot-deadline;te-laat\r\n' +
        'G0003;Ingrid Brouwer;ingrid@example.nl;06-33334444;K0006;Noah Bakker;KP0006;2026-10;2026-11-05;2;nee\r\n',
    );
    const after = await run(['urenkaart', 'check', '--maand', '2026-10', '--csv', '--today', '2026-11-06']);
    expect(after.code).toBe(1);
    expect(after.stdout.split('\r\n')[1]).toBe(
      'G0003;Ingrid Brouwer;ingrid@example.nl;06-33334444;K0006;Noah Bakker;KP0006;2026-10;2026-11-05;-1;ja',
    );
    const human = await run(['urenkaart', 'check', '--maand', '2026-10'], { GOB_TODAY: '2026-11-05' });
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('1 urenkaart ontbreekt bij 1 gastouder');
    expect(human.stderr).toContain('ze moesten binnen zijn vóór 5 november 2026: te laat');
    const late = await json(['urenkaart', 'check', '--maand', '2026-10'], 1, { GOB_TODAY: '2026-11-05' });
    expect(late[0]).toMatchObject({ dagenTotDeadline: 0, teLaat: true });
    expect((await run(['urenkaart', 'check', '--maand', '2026-10', '--csv', '--json'])).code).toBe(2);
    expect((await run(['urenkaart', 'check'])).code).toBe(2);
    expect((await run(['urenkaart', 'check', '--maand', '2026-13'])).code).toBe(2);
    expect((await run(['factuur', 'check', '--maand', 'oktober'])).code).toBe(2);
    // A month without koppelingen: nothing is missing, nothing needs a look.
    expect((await run(['urenkaart', 'check', '--maand', '2024-10'])).code).toBe(0);
    const leeg = await run(['factuur', 'check', '--maand', '2024-10']);
    expect(leeg.code).toBe(0);
    expect(leeg.stdout).toContain(
      'oktober 2024: 0 combinaties kind × gastouder, 0:00 uur afgesproken, 0:00 uur op de urenkaarten; 0 met een melding.',
    );
  });

  it('factuur check with one urenkaart missing: agreed and actual minutes per kind × gastouder; the table in u:mm', async () => {
    const rows = await json(['factuur', 'check', '--maand', '2026-10'], 1);
    expect(rows).toEqual([
      rij('K0001', 'G0001', 4560, 4245),
      rij('K0002', 'G0001', 2760, 2760),
      rij('K0003', 'G0001', 4080, 3570, [PRIJS_K0003]),
      rij('K0003', 'G0002', 2700, 2700),
      rij('K0004', 'G0002', 5670, 5595),
      rij('K0005', 'G0002', 5670, 5670),
      rij('K0006', 'G0003', 4800, 0, ['rooster zonder uren: 80:00 uur afgesproken, geen uren op de urenkaart']),
      rij('K0007', 'G0002', 4200, 4200),
    ]);
    const r = await run(['factuur', 'check', '--maand', '2026-10']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('kind   gastouder  afgesproken   uren  meldingen\n');
    expect(r.stdout).toContain('K0001  G0001            76:00  70:45\n');
    expect(r.stdout).toContain(`K0003  G0001            68:00  59:30  ${PRIJS_K0003}\n`);
    expect(r.stdout).toContain(
      'oktober 2026: 8 combinaties kind × gastouder, 574:00 uur afgesproken, 479:00 uur op de urenkaarten; 2 met een melding.',
    );
    expect(r.stderr).toContain("2 regels hebben een melding; kijk ze na vóór 'gob factuur run --maand 2026-10'.");
  });

  it('all delivered: urenkaart check exits 0; factuur check still names the prices above the maximum', async () => {
    await imported(demo('uren-2026-10-ingrid.csv'));
    const r = await run(['urenkaart', 'check', '--maand', '2026-10']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Alle urenkaarten van oktober 2026 zijn binnen (8 koppelingen met rooster in die maand).\n');
    expect(await json(['urenkaart', 'check', '--maand', '2026-10'], 0)).toEqual([]);
    const csv = await run(['urenkaart', 'check', '--maand', '2026-10', '--csv']);
    expect(csv.stdout).toBe('gastouder;naam;email;telefoon;kind;kindnaam;koppeling;maand;deadline;dagen-tot-deadline;te-laat\r\n');
    const rows = await json(['factuur', 'check', '--maand', '2026-10'], 1);
    expect(rows.filter((x: { meldingen: string[] }) => x.meldingen.length > 0)).toEqual([
      rij('K0003', 'G0001', 4080, 3570, [PRIJS_K0003]),
      rij('K0006', 'G0003', 4800, 4860, [PRIJS_K0006]),
    ]);
  });

  it('with a lower fee (by the hour, € 0,10) nothing needs a look: exit 0; then hours without rooster and above 230 hours', async () => {
    const set = await run(['bureau', 'set', '--bureaukosten-model', 'uur', '--bureaukosten-uur', '0,10']);
    expect(set.code, set.stderr).toBe(0);
    // K0003 at G0001: 481,95 + 3570 min × € 0,10 = 5,95 → 487,90 over 59,5 h = € 8,20; K0006: 668,25 + 8,10 over 81 h = € 8,35.
    const clean = await run(['factuur', 'check', '--maand', '2026-10']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain(
      '8 combinaties kind × gastouder, 574:00 uur afgesproken, 560:00 uur op de urenkaarten; 0 met een melding.',
    );

    // Ingrid's urenkaart replaced: Noah every day of October 07:00–19:00, 31 × 720 = 22320 min = 372:00
    // (23 dates are not a Monday or Wednesday of his rooster); 22320 × € 8,25 / 60 + 22320 × € 0,10 / 60 = € 8,35.
    const dagen = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    writeCsv(
      path.join(dir, 'uren-ingrid-veel.csv'),
      ['gastouder;kind;datum;van;tot', ...dagen.map((d) => `G0003;K0006;${d};07:00;19:00`)],
      'utf-8',
    );
    await imported(path.join(dir, 'uren-ingrid-veel.csv'));
    const zonderRooster = dagen.filter((d) => !['05', '07', '12', '14', '19', '21', '26', '28'].includes(d.slice(8)));
    expect(zonderRooster).toHaveLength(23);
    const rows = await json(['factuur', 'check', '--maand', '2026-10'], 1);
    expect(rows.filter((x: { meldingen: string[] }) => x.meldingen.length > 0)).toEqual([
      rij('K0006', 'G0003', 4800, 22320, [
        `uren zonder rooster op 23 dagen: ${zonderRooster.join(', ')}`,
        'meer dan 230 uur: 372:00 uur in 2026-10 bij alle gastouders samen; de kinderopvangtoeslag vergoedt er 230',
      ]),
    ]);
    // Neither check changed anything: the audit log has no line of theirs.
    const log = await run(['log', '--limit', '3']);
    expect(log.stdout).not.toMatch(/(urenkaart|factuur) check/);
  });
});
