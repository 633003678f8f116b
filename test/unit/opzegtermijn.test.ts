import { describe, expect, it } from 'vitest';
import type { AfspraakEntry } from '../../src/domain/afspraak.js';
import { laatsteOpzegdag, type Opzegging, opzegMaanden, opzegMinuten, opzegPeriode } from '../../src/domain/opzegtermijn.js';

// Tuesday and Thursday 08:00–13:00: 300 minutes each. October 2026: Tuesdays 6 13 20 27, Thursdays
// 1 8 15 22 29; November 2026: Tuesdays 3 10 17 24, Thursdays 5 12 19 26.
const ROOSTER: AfspraakEntry[] = [
  { dag: 'di', van: '08:00', tot: '13:00', vanaf: null, totEnMet: null },
  { dag: 'do', van: '08:00', tot: '13:00', vanaf: null, totEnMet: null },
];
const opzegging = (o: Partial<Opzegging> = {}): Opzegging => ({
  eind: '2026-10-20',
  opzegdatum: '2026-10-15',
  zonderOpzegtermijn: false,
  gastouderEind: null,
  volgendeStart: null,
  ...o,
});

describe('the notice period: one month from the opzegdatum', () => {
  it.each([
    ['2026-10-15', '2026-11-14'],
    ['2026-10-01', '2026-10-31'],
    ['2026-12-20', '2027-01-19'],
    // The month after 31 January has no 31st: the notice ends the day before 28 February.
    ['2027-01-31', '2027-02-27'],
    ['2028-01-30', '2028-02-28'],
  ])('notice given on %s runs through %s', (opzegdatum, laatste) => {
    expect(laatsteOpzegdag(opzegdatum)).toBe(laatste);
  });

  it.each<[string, Partial<Opzegging>, { van: string; totEnMet: string } | null]>([
    ['care ended five days after notice: the rest of the month is owed', {}, { van: '2026-10-21', totEnMet: '2026-11-14' }],
    ['by mutual agreement: nothing', { zonderOpzegtermijn: true }, null],
    ['care up to the last notice day: nothing', { eind: '2026-11-14' }, null],
    ['care one day short: the last day', { eind: '2026-11-13' }, { van: '2026-11-14', totEnMet: '2026-11-14' }],
    ['care beyond the notice: nothing', { eind: '2026-12-31' }, null],
    [
      'care that ended before notice was given owes the notice month, not the days before it',
      { eind: '2026-09-30' },
      { van: '2026-10-15', totEnMet: '2026-11-14' },
    ],
    [
      'the gastouder stops before the notice ends: up to her last day',
      { gastouderEind: '2026-10-31' },
      { van: '2026-10-21', totEnMet: '2026-10-31' },
    ],
    ['the gastouder stopped on the end date: nothing', { gastouderEind: '2026-10-20' }, null],
    [
      'a next koppeling of the child at the same gastouder: up to the day before it starts',
      { volgendeStart: '2026-11-02' },
      { van: '2026-10-21', totEnMet: '2026-11-01' },
    ],
  ])('%s', (_naam, o, verwacht) => {
    expect(opzegPeriode(opzegging(o))).toEqual(verwacht);
  });
});

describe('the notice minutes per month', () => {
  it('across a month boundary: 22, 27, 29 October and 3, 5, 10, 12 November', () => {
    expect(opzegMinuten('2026-09', opzegging(), ROOSTER)).toBe(0);
    expect(opzegMinuten('2026-10', opzegging(), ROOSTER)).toBe(3 * 300);
    expect(opzegMinuten('2026-11', opzegging(), ROOSTER)).toBe(4 * 300);
    expect(opzegMinuten('2026-12', opzegging(), ROOSTER)).toBe(0);
  });

  it('a notice date with care on the urenkaart owes only what the care fell short of the rooster', () => {
    // 22 October worked in full, 27 October 2 of 5 hours, 29 October not at all; care outside the notice counts for nothing.
    const gewerkt = new Map([
      ['2026-10-20', 300],
      ['2026-10-22', 300],
      ['2026-10-27', 120],
    ]);
    expect(opzegMinuten('2026-10', opzegging(), ROOSTER, (d) => gewerkt.get(d) ?? 0)).toBe(0 + 180 + 300);
    expect(opzegMinuten('2026-10', opzegging(), ROOSTER, () => 0)).toBe(3 * 300);
    expect(opzegMaanden(opzegging(), ROOSTER)).toEqual([
      { maand: '2026-10', van: '2026-10-21', totEnMet: '2026-10-31', minuten: 900 },
      { maand: '2026-11', van: '2026-11-01', totEnMet: '2026-11-14', minuten: 1200 },
    ]);
  });

  it('the entries that would have applied: a rooster change in the notice counts from its vanaf, an ended entry not at all', () => {
    const rooster: AfspraakEntry[] = [
      { dag: 'di', van: '08:00', tot: '13:00', vanaf: null, totEnMet: '2026-10-31' },
      { dag: 'di', van: '08:00', tot: '10:00', vanaf: '2026-11-01', totEnMet: null },
      { dag: 'do', van: '08:00', tot: '13:00', vanaf: null, totEnMet: '2026-10-01' },
    ];
    // October: Tuesday 27 (300); November: Tuesdays 3 and 10 at 120.
    expect(opzegMaanden(opzegging(), rooster)).toEqual([
      { maand: '2026-10', van: '2026-10-21', totEnMet: '2026-10-31', minuten: 300 },
      { maand: '2026-11', van: '2026-11-01', totEnMet: '2026-11-14', minuten: 240 },
    ]);
  });

  it('nothing without a rooster, nothing by mutual agreement; a month without rooster dates is left out', () => {
    expect(opzegMaanden(opzegging(), [])).toEqual([]);
    expect(opzegMaanden(opzegging({ zonderOpzegtermijn: true }), ROOSTER)).toEqual([]);
    expect(opzegMinuten('2026-10', opzegging({ zonderOpzegtermijn: true }), ROOSTER)).toBe(0);
    // Ended on Thursday 29 October: Saturday 31 is the only October date left, without rooster.
    expect(opzegMaanden(opzegging({ eind: '2026-10-30' }), ROOSTER).map((m) => m.maand)).toEqual(['2026-11']);
  });
});
