import { describe, expect, it } from 'vitest';
import { type AfspraakEntry, afgesprokenPerDatum, datumsVan, heeftRoosterIn, meldingen, telOp } from '../../src/domain/afspraak.js';
import type { Dag } from '../../src/domain/calendar.js';
import { dagenTotDeadline } from '../../src/domain/urenkaart.js';

const entry = (dag: Dag, van: string, tot: string, vanaf: string | null = null, totEnMet: string | null = null): AfspraakEntry => ({
  dag,
  van,
  tot,
  vanaf,
  totEnMet,
});
const OPEN = { start: '2025-03-01', eind: null };

// October 2026 starts on a Thursday: Mondays 5 12 19 26, Tuesdays 6 13 20 27, Wednesdays 7 14 21 28,
// Thursdays 1 8 15 22 29, Fridays 2 9 16 23 30; the 31st is a Saturday.
describe('afgesprokenPerDatum: the rooster minutes of each date of a month', () => {
  it.each([
    {
      naam: 'a plain count: every Monday of the month',
      maand: '2026-10',
      koppeling: OPEN,
      entries: [entry('ma', '08:00', '17:30')],
      verwacht: { '2026-10-05': 570, '2026-10-12': 570, '2026-10-19': 570, '2026-10-26': 570 },
    },
    {
      naam: 'two weekdays, five Thursdays',
      maand: '2026-10',
      koppeling: OPEN,
      entries: [entry('do', '12:00', '18:00'), entry('ma', '08:00', '12:00')],
      verwacht: {
        '2026-10-01': 360,
        '2026-10-05': 240,
        '2026-10-08': 360,
        '2026-10-12': 240,
        '2026-10-15': 360,
        '2026-10-19': 240,
        '2026-10-22': 360,
        '2026-10-26': 240,
        '2026-10-29': 360,
      },
    },
    {
      naam: 'public holidays count like any date (Christmas Day 2026 is a Friday): a day off is an absence',
      maand: '2026-12',
      koppeling: OPEN,
      entries: [entry('vr', '08:00', '12:00')],
      verwacht: { '2026-12-04': 240, '2026-12-11': 240, '2026-12-18': 240, '2026-12-25': 240 },
    },
    {
      naam: 'an entry with vanaf and tot-en-met inside the month',
      maand: '2026-10',
      koppeling: OPEN,
      entries: [entry('ma', '08:00', '12:00', '2026-10-10', '2026-10-20'), entry('wo', '08:00', '09:00', '2026-10-21')],
      verwacht: { '2026-10-12': 240, '2026-10-19': 240, '2026-10-21': 60, '2026-10-28': 60 },
    },
    {
      naam: 'a koppeling starting mid-month (Wednesday 14 October)',
      maand: '2026-10',
      koppeling: { start: '2026-10-14', eind: null },
      entries: [entry('ma', '08:00', '17:00'), entry('wo', '08:00', '17:00')],
      verwacht: { '2026-10-14': 540, '2026-10-19': 540, '2026-10-21': 540, '2026-10-26': 540, '2026-10-28': 540 },
    },
    {
      naam: 'a koppeling ending mid-month: its end date is its last day',
      maand: '2026-10',
      koppeling: { start: '2025-03-01', eind: '2026-10-13' },
      entries: [entry('di', '07:30', '18:00')],
      verwacht: { '2026-10-06': 630, '2026-10-13': 630 },
    },
    {
      naam: 'two entries on one weekday add up; 24:00 is the end of the day',
      maand: '2026-10',
      koppeling: { start: '2026-10-20', eind: '2026-10-27' },
      entries: [entry('di', '08:00', '12:00'), entry('di', '13:00', '24:00')],
      verwacht: { '2026-10-20': 900, '2026-10-27': 900 },
    },
    {
      naam: 'a leap day',
      maand: '2028-02',
      koppeling: { start: '2028-02-22', eind: null },
      entries: [entry('di', '09:00', '10:00')],
      verwacht: { '2028-02-22': 60, '2028-02-29': 60 },
    },
    {
      naam: 'a koppeling starting on the last Saturday has no Monday in the month',
      maand: '2026-10',
      koppeling: { start: '2026-10-31', eind: null },
      entries: [entry('ma', '08:00', '17:00')],
      verwacht: {},
    },
    {
      naam: 'an entry that ended before the month',
      maand: '2026-10',
      koppeling: OPEN,
      entries: [entry('ma', '08:00', '17:00', null, '2026-09-30')],
      verwacht: {},
    },
    {
      naam: 'a koppeling that starts after the month',
      maand: '2026-10',
      koppeling: { start: '2026-11-01', eind: null },
      entries: [entry('ma', '08:00', '17:00')],
      verwacht: {},
    },
  ])('$naam', ({ maand, koppeling, entries, verwacht }) => {
    const result = afgesprokenPerDatum(maand, koppeling, entries);
    expect(Object.fromEntries(result)).toEqual(verwacht);
    // In date order, so a caller can walk it as the month.
    expect([...result.keys()]).toEqual(Object.keys(verwacht).sort());
    expect(heeftRoosterIn(maand, koppeling, entries)).toBe(Object.keys(verwacht).length > 0);
  });

  it('a month of the demo: Zoë (KP0001, ma and di 08:00–17:30) has 76:00 agreed in October 2026', () => {
    const perDatum = afgesprokenPerDatum('2026-10', OPEN, [entry('ma', '08:00', '17:30'), entry('di', '08:00', '17:30')]);
    expect([...perDatum.values()].reduce((s, m) => s + m, 0)).toBe(76 * 60);
  });

  it('telOp adds the dates of two koppelingen of one kind × gastouder', () => {
    const a = afgesprokenPerDatum('2026-10', { start: '2025-01-01', eind: '2026-10-15' }, [entry('do', '08:00', '12:00')]);
    const b = afgesprokenPerDatum('2026-10', { start: '2026-10-16', eind: null }, [entry('do', '08:00', '13:00')]);
    expect(Object.fromEntries(telOp(new Map(a), b))).toEqual({
      '2026-10-01': 240,
      '2026-10-08': 240,
      '2026-10-15': 240,
      '2026-10-22': 300,
      '2026-10-29': 300,
    });
  });
});

describe('datumsVan: the dates of one entry, as the urenkaart template lists them', () => {
  it('gives, entry by entry, exactly the dates and minutes afgesprokenPerDatum adds up', () => {
    const cases = [
      { koppeling: OPEN, entries: [entry('ma', '08:00', '17:30'), entry('do', '12:00', '18:00')] },
      {
        koppeling: { start: '2026-10-08', eind: '2026-10-27' },
        entries: [entry('di', '07:30', '18:00'), entry('do', '08:00', '13:00', '2026-10-15')],
      },
      {
        koppeling: OPEN,
        entries: [entry('vr', '08:00', '12:00', null, '2026-10-09'), entry('za', '09:00', '24:00'), entry('wo', '10:00', '10:00')],
      },
    ];
    for (const { koppeling, entries } of cases) {
      const summed = new Map<string, number>();
      for (const e of entries)
        for (const datum of datumsVan('2026-10', koppeling, e)) {
          const minuten =
            Number(e.tot.slice(0, 2)) * 60 + Number(e.tot.slice(3)) - (Number(e.van.slice(0, 2)) * 60 + Number(e.van.slice(3)));
          summed.set(datum, (summed.get(datum) ?? 0) + minuten);
        }
      expect([...summed].sort()).toEqual([...afgesprokenPerDatum('2026-10', koppeling, entries)].sort());
    }
    expect(datumsVan('2026-10', { start: '2026-10-08', eind: '2026-10-27' }, entry('di', '07:30', '18:00'))).toEqual([
      '2026-10-13',
      '2026-10-20',
      '2026-10-27',
    ]);
  });
});

describe('meldingen: what needs a look before factuur run', () => {
  const basis = { kindMinuten: 0, uurprijsCent: 800, maximumCent: 849 };
  it.each([
    {
      naam: 'fewer hours than agreed on a date is no finding',
      afgesproken: { '2026-10-05': 570, '2026-10-06': 570 },
      uren: { '2026-10-05': 255, '2026-10-06': 570 },
      extra: {},
      verwacht: [],
    },
    {
      naam: 'hours on dates without rooster, named in date order',
      afgesproken: { '2026-10-05': 570 },
      uren: { '2026-10-10': 60, '2026-10-05': 570, '2026-10-03': 30 },
      extra: {},
      verwacht: ['uren zonder rooster op 2 dagen: 2026-10-03, 2026-10-10'],
    },
    {
      naam: 'rooster without any hours',
      afgesproken: { '2026-10-05': 570, '2026-10-12': 570 },
      uren: {},
      extra: { uurprijsCent: null },
      verwacht: ['rooster zonder uren: 19:00 uur afgesproken, geen uren op de urenkaart'],
    },
    {
      naam: 'more than 230 hours of the kind at all gastouders together (230:00 itself is allowed)',
      afgesproken: {},
      uren: { '2026-10-05': 60 },
      extra: { kindMinuten: 230 * 60 + 1 },
      verwacht: [
        'uren zonder rooster op 1 dag: 2026-10-05',
        'meer dan 230 uur: 230:01 uur in 2026-10 bij alle gastouders samen; de kinderopvangtoeslag vergoedt er 230',
      ],
    },
    {
      naam: 'exactly 230 hours is no finding',
      afgesproken: { '2026-10-05': 60 },
      uren: { '2026-10-05': 60 },
      extra: { kindMinuten: 230 * 60 },
      verwacht: [],
    },
    {
      naam: 'an average price above the maximum (equal is allowed)',
      afgesproken: { '2026-10-05': 60 },
      uren: { '2026-10-05': 60 },
      extra: { uurprijsCent: 850 },
      verwacht: ['gemiddelde uurprijs € 8,50 (opvang en bureaukosten) boven het maximum van de kinderopvangtoeslag in 2026 (€ 8,49)'],
    },
    {
      naam: 'no maximum known for the year: the price is not judged',
      afgesproken: { '2026-10-05': 60 },
      uren: { '2026-10-05': 60 },
      extra: { uurprijsCent: 2000, maximumCent: null },
      verwacht: [],
    },
  ])('$naam', ({ afgesproken, uren, extra, verwacht }) => {
    expect(
      meldingen('2026-10', {
        ...basis,
        ...extra,
        afgesproken: new Map(Object.entries(afgesproken)),
        uren: new Map(Object.entries(uren)),
      }),
    ).toEqual(verwacht);
  });
});

describe('dagenTotDeadline: days left to deliver on time, today included', () => {
  it.each([
    ['2026-10-20', 16],
    ['2026-11-03', 2],
    ['2026-11-04', 1],
    ['2026-11-05', 0], // the deadline day is already late, as for the import
    ['2026-11-06', -1],
  ])('today %s: %i', (today, dagen) => expect(dagenTotDeadline('2026-10', 5, today)).toBe(dagen));
  it('December’s urenkaarten are due in January of the next year', () => expect(dagenTotDeadline('2026-12', 5, '2026-12-31')).toBe(5));
});
