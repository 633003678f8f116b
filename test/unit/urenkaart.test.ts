import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeToMinutes } from '../../src/domain/calendar.js';
import type { RuleChild, RuleGastouder } from '../../src/domain/rules.js';
import {
  checkUren,
  Codes,
  gastoudersToCheck,
  geenKoppeling,
  groupBy,
  keyOrder,
  koppelingOn,
  type UrenFout,
  type UrenMonth,
  type UrenReference,
  type UrenRuleInput,
  UrenRows,
  urenkaarten,
  urenTiming,
} from '../../src/domain/urenkaart.js';
import { Refused } from '../../src/errors.js';

const MAAND = '2026-10';
const gastouder = (code: string, achterwacht = true): RuleGastouder => ({
  code,
  achterwacht,
  slaapruimte: true,
  ervaringSinds: '2010-01-01',
  beginnerMax: 0,
});

/** Two gastouders; K1–K3 guests (K3 a baby), E1 an own child of G2; koppelingen for October. */
function reference(): UrenReference {
  const kinderen: UrenReference['kinderen'] = new Map([
    ['K1', { eigen: false, geboortedatum: '2022-01-01', eigenKindVan: null }],
    ['K2', { eigen: false, geboortedatum: '2022-01-01', eigenKindVan: null }],
    ['K3', { eigen: false, geboortedatum: '2026-06-01', eigenKindVan: null }],
    ['E1', { eigen: true, geboortedatum: '2020-01-01', eigenKindVan: 'G2' }],
  ]);
  const koppelingen: UrenReference['koppelingen'] = new Map([
    [
      'K1',
      new Map([
        ['G1', [{ code: 'KP1', start: '2026-01-01', eind: null }]],
        ['G2', [{ code: 'KP2', start: '2026-10-10', eind: '2026-10-20' }]],
      ]),
    ],
    ['K2', new Map([['G1', [{ code: 'KP3', start: '2026-01-01', eind: null }]]])],
  ]);
  return {
    gastouders: new Map([
      ['G1', gastouder('G1')],
      ['G2', gastouder('G2')],
    ]),
    kinderen,
    koppelingen,
    bijOuder: new Set(['KP3']),
    deadlineDag: 5,
  };
}

type Row = [gastouder: string, kind: string, koppeling: string, day: number, van: string, tot: string, line: number];
function month(rows: Row[]): UrenMonth {
  const m: UrenMonth = { maand: MAAND, rows: new UrenRows(), gastouders: new Codes(), kinderen: new Codes(), koppelingen: new Codes() };
  for (const [g, k, kp, day, van, tot, line] of rows) {
    m.rows.add(m.gastouders.id(g), m.kinderen.id(k), m.koppelingen.id(kp), day, timeToMinutes(van), timeToMinutes(tot), line);
  }
  return m;
}
const other = (gastouder: string, kind: string, datum: string, van: string, tot: string) => ({ gastouder, kind, datum, van, tot });
const check = (rows: Row[], others: ReturnType<typeof other>[] = [], inputs = new Map<string, UrenRuleInput>(), fouten: UrenFout[] = []) =>
  checkUren(month(rows), others, reference(), inputs, fouten);

describe('urenTiming: the deadline and invoiced months', () => {
  it.each([
    ['2026-11-04', null, false, false],
    ['2026-11-05', null, true, true],
    ['2026-11-04', 'F-2026-00001', true, true],
  ])('today %s, invoice %s, --te-laat %s → late %s', (today, invoiced, teLaat, late) => {
    expect(urenTiming(MAAND, 5, today, invoiced, teLaat)).toBe(late);
  });
  it.each([
    [
      '2026-11-05',
      null,
      /^Te laat: de urenkaarten van 2026-10 moesten vóór 2026-11-05 binnen zijn \(deadline-dag 5\); vandaag is 2026-11-05\./,
    ],
    ['2026-11-04', 'F-2026-00001', /^De maand 2026-10 is al gefactureerd \(factuur F-2026-00001 en verder\)/],
  ])('without --te-laat: today %s, invoice %s is refused', (today, invoiced, message) => {
    expect(() => urenTiming(MAAND, 5, today, invoiced, false)).toThrow(Refused);
    expect(() => urenTiming(MAAND, 5, today, invoiced, false)).toThrow(message);
  });
});

describe('koppelingOn: the koppeling that covers a date', () => {
  const ref = reference();
  it.each([
    ['K1', 'G1', '2026-10-01', 'KP1'],
    ['K1', 'G2', '2026-10-09', undefined],
    ['K1', 'G2', '2026-10-10', 'KP2'],
    ['K1', 'G2', '2026-10-20', 'KP2'],
    ['K1', 'G2', '2026-10-21', undefined],
    ['K2', 'G2', '2026-10-12', undefined],
  ])('%s at %s on %s → %s', (kind, g, datum, code) => {
    expect(koppelingOn(ref, kind, g, datum)?.code).toBe(code);
  });
  it('says why there is none: an own child, or no koppeling on that date', () => {
    expect(geenKoppeling(ref, 'E1', 'G2', '2026-10-01')).toBe(
      'E1 is een eigen kind van de gastouder; eigen kinderen staan niet op de urenkaart',
    );
    expect(geenKoppeling(ref, 'K1', 'G2', '2026-10-21')).toBe('er is geen koppeling van kind K1 met gastouder G2 op 2026-10-21');
  });
});

describe('checkUren: one child in two places', () => {
  it.each<[string, Row[], ReturnType<typeof other>[], UrenFout[]]>([
    [
      'touching times are no clash',
      [
        ['G1', 'K1', 'KP1', 1, '08:00', '12:00', 2],
        ['G1', 'K1', 'KP1', 1, '12:00', '17:00', 3],
      ],
      [],
      [],
    ],
    [
      'another date is no clash',
      [
        ['G1', 'K1', 'KP1', 1, '08:00', '12:00', 2],
        ['G1', 'K1', 'KP1', 2, '08:00', '12:00', 3],
      ],
      [],
      [],
    ],
    [
      'the same row twice',
      [
        ['G1', 'K1', 'KP1', 1, '08:00', '12:00', 2],
        ['G1', 'K1', 'KP1', 1, '08:00', '12:00', 3],
      ],
      [],
      [{ regel: 3, veld: 'csv', melding: 'precies dezelfde rij als regel 2' }],
    ],
    [
      'overlap at two gastouders in the file',
      [
        ['G1', 'K1', 'KP1', 12, '08:00', '12:00', 2],
        ['G2', 'K1', 'KP2', 12, '11:00', '13:00', 3],
      ],
      [],
      [
        {
          regel: 3,
          veld: 'van',
          melding: 'kind K1 is op 2026-10-12 08:00-12:00 al bij gastouder G1 (regel 2); een kind kan niet op twee plaatsen tegelijk zijn',
        },
      ],
    ],
    [
      'overlap with a row of another gastouder already in',
      [['G1', 'K1', 'KP1', 12, '11:00', '13:00', 2]],
      [other('G2', 'K1', '2026-10-12', '08:00', '12:00')],
      [
        {
          regel: 2,
          veld: 'van',
          melding:
            'kind K1 is op 2026-10-12 08:00-12:00 al bij gastouder G2 (al geïmporteerd); een kind kan niet op twee plaatsen tegelijk zijn',
        },
      ],
    ],
    [
      'the file row is reported even when the old row starts later',
      [['G1', 'K1', 'KP1', 12, '08:00', '12:00', 2]],
      [other('G2', 'K1', '2026-10-12', '11:00', '13:00')],
      [
        {
          regel: 2,
          veld: 'van',
          melding:
            'kind K1 is op 2026-10-12 11:00-13:00 al bij gastouder G2 (al geïmporteerd); een kind kan niet op twee plaatsen tegelijk zijn',
        },
      ],
    ],
    [
      'two old rows that overlap are not the file’s error',
      [['G1', 'K2', 'KP3', 12, '08:00', '12:00', 2]],
      [other('G2', 'K1', '2026-10-12', '08:00', '12:00'), other('G3', 'K1', '2026-10-12', '09:00', '12:00')],
      [],
    ],
  ])('%s', (_, rows, others, fouten) => {
    expect(check(rows, others).fouten).toEqual(fouten);
  });

  it('keeps the errors given, and checks nothing further when there are any', () => {
    const given = [{ regel: 9, veld: 'datum', melding: 'x' }];
    const result = check([['G1', 'K1', 'KP1', 1, '00:00', '24:00', 2]], [], new Map(), given);
    expect(result.fouten).toBe(given);
    expect(result.waarschuwingen).toEqual([]);
    expect(result.minuten).toBe(0);
  });
});

describe('checkUren: the file’s rows, minutes and the 230 hours', () => {
  const days = (g: string, kind: string, kp: string, n: number, first = 1): Row[] =>
    Array.from({ length: n }, (_, i) => [g, kind, kp, first + i, '08:00', '18:00', first + i + 1]);

  it('returns only the file’s rows and minutes, whatever joined for the checks', () => {
    const result = check(days('G1', 'K1', 'KP1', 2), [other('G2', 'K2', '2026-10-01', '08:00', '18:00')]);
    expect(result.rows.length).toBe(2);
    expect(result.gastouders).toEqual(['G1']);
    expect(result.minuten).toBe(2 * 600);
  });

  it.each([
    ['23 days of 10 hours: exactly 230, no warning', 23, [], []],
    ['24 days of 10 hours', 24, [], [['G1', 'K1', '2026-10-24', '240:00']]],
    [
      '20 days here and 4 at another gastouder',
      20,
      [1, 2, 3, 4].map((d) => other('G2', 'K1', `2026-10-2${d}`, '08:00', '18:00')),
      [['G1', 'K1', '2026-10-24', '240:00']],
    ],
  ])('%s', (_, n, others, expected) => {
    const result = check(days('G1', 'K1', 'KP1', n), others);
    expect(result.waarschuwingen.map((w) => [w.gastouder, w.kind, w.datum, w.melding.match(/heeft (\S+) uur/)?.[1]])).toEqual(expected);
    for (const w of result.waarschuwingen) {
      expect(w.melding).toMatch(/de kinderopvangtoeslag vergoedt maximaal 230 uur per maand \(overschreden op 2026-10-24\)$/);
    }
  });

  it('a child over 230 hours only at other gastouders is not this file’s warning', () => {
    const others = Array.from({ length: 24 }, (_, i) => other('G2', 'K1', `2026-10-${String(i + 1).padStart(2, '0')}`, '08:00', '18:00'));
    expect(check(days('G1', 'K2', 'KP3', 1), others).waarschuwingen).toEqual([]);
  });
});

describe('checkUren and gastoudersToCheck: the §4 rules on the actual hours', () => {
  const children: RuleChild[] = [
    { code: 'K1', geboortedatum: '2022-01-01', eigen: false },
    { code: 'K2', geboortedatum: '2022-01-01', eigen: false },
    { code: 'K3', geboortedatum: '2026-06-01', eigen: false },
    { code: 'K4', geboortedatum: '2022-01-01', eigen: false },
  ];

  it('only a gastouder whose children could break a rule is checked', () => {
    const ref = reference();
    ref.gastouders.set('G1', gastouder('G1', false)); // no achterwacht
    const m = month([
      ['G1', 'K1', 'KP1', 1, '08:00', '12:00', 2],
      ['G2', 'K1', 'KP2', 12, '08:00', '12:00', 3],
    ]);
    expect(gastoudersToCheck(m, ref)).toEqual([]);
    ref.kinderen.set('K4', { eigen: false, geboortedatum: '2022-01-01', eigenKindVan: null });
    const more = month([
      ['G1', 'K1', 'KP1', 1, '08:00', '12:00', 2],
      ['G1', 'K2', 'KP3', 1, '08:00', '12:00', 3],
      ['G1', 'K3', 'KP1', 1, '08:00', '12:00', 4],
      ['G1', 'K4', 'KP1', 1, '08:00', '12:00', 5],
    ]);
    expect(gastoudersToCheck(more, ref)).toEqual(['G1']);
  });

  it('checks the days of the gastouders it has rule input for', () => {
    const g1 = gastouder('G1', false);
    const rows: Row[] = [
      ['G1', 'K1', 'KP1', 5, '08:00', '12:00', 2],
      ['G1', 'K2', 'KP3', 5, '08:00', '12:00', 3],
      ['G1', 'K3', 'KP1', 5, '08:00', '12:00', 4],
      ['G1', 'K4', 'KP1', 5, '09:00', '10:00', 5],
      ['G1', 'K1', 'KP1', 6, '08:00', '12:00', 6],
    ];
    const ref = reference();
    ref.kinderen.set('K4', { eigen: false, geboortedatum: '2022-01-01', eigenKindVan: null });
    ref.gastouders.set('G1', g1);
    const three = checkUren(month(rows), [], ref, new Map([['G1', { gastouder: g1, children, slots: [] }]]), []);
    // Four children without achterwacht on Monday the 5th from 09:00 to 10:00; not on the 6th.
    expect(three.violations.map((v) => [v.gastouder, v.datum, v.van, v.tot, v.regel, v.aantal])).toEqual([
      ['G1', '2026-10-05', '09:00', '10:00', 'achterwacht', 4],
    ]);
    expect(checkUren(month(rows), [], ref, new Map(), []).violations).toEqual([]);
  });
});

describe('urenkaarten: the file’s rows per gastouder, kind and koppeling', () => {
  it('in the order of the table’s key, lines by date and time, with their minutes', () => {
    const m = month([
      ['G2', 'K1', 'KP2', 12, '08:00', '12:00', 2],
      ['G1', 'K2', 'KP3', 2, '13:00', '14:00', 3],
      ['G1', 'K2', 'KP3', 1, '08:00', '09:30', 4],
      ['G1', 'K1', 'KP1', 2, '08:00', '09:00', 5],
    ]);
    m.rows.opmerking.set(2, 'ziek');
    expect([...urenkaarten(m)]).toEqual([
      { gastouder: 'G1', kind: 'K1', koppeling: 'KP1', minuten: 60, regels: [[2, 480, 540]] },
      {
        gastouder: 'G1',
        kind: 'K2',
        koppeling: 'KP3',
        minuten: 150,
        regels: [
          [1, 480, 570, 'ziek'],
          [2, 780, 840],
        ],
      },
      { gastouder: 'G2', kind: 'K1', koppeling: 'KP2', minuten: 240, regels: [[12, 480, 720]] },
    ]);
  });
});

describe('keyOrder and groupBy: the rows as they are when they are in order already, else sorted', () => {
  const rowsOf = (list: [number, number, number, number][]) => {
    const rows = new UrenRows();
    for (const [i, [g, k, day, van]] of list.entries()) rows.add(g, k, 0, day, van, van + 60, i + 2);
    return rows;
  };
  const row = fc.tuple(fc.nat(3), fc.nat(3), fc.integer({ min: 1, max: 3 }), fc.constantFrom(480, 540, 600));
  const rank = new Int32Array([2, 0, 3, 1]);
  const reference = (list: [number, number, number, number][]) =>
    list
      .map((r, i) => [r, i] as const)
      .sort(([a, i], [b, j]) => rank[a[0]]! - rank[b[0]]! || rank[a[1]]! - rank[b[1]]! || a[2] - b[2] || a[3] - b[3] || i - j)
      .map(([, i]) => i);
  it('keyOrder is the stable order by gastouder, child, date and time, sorted input or not', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.constantFrom('nee', 'ja', 'op tijd na'), (list, presort) => {
        // Sorted, not sorted, or sorted on all but the time (the last thing the check looks at).
        const byKey = reference(list).map((i) => list[i]!);
        const butTime = byKey.map((r) => [r[0], r[1], r[2], 0] as [number, number, number, number]);
        butTime.forEach((r, i) => {
          r[3] = byKey[byKey.length - 1 - i]![3];
        });
        const input = presort === 'ja' ? byKey : presort === 'op tijd na' ? butTime : list;
        expect([...keyOrder(rowsOf(input), rank, rank)]).toEqual(reference(input));
      }),
      { numRuns: 300 },
    );
  });
  it('groupBy is the stable grouping by its key, grouped input or not', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (list, presort) => {
        const input = presort ? [...list].sort((a, b) => a[0] - b[0]) : list;
        const rows = rowsOf(input);
        const { order, start } = groupBy(rows, rows.gastouder, 4);
        const expected = input.map((r, i) => [r[0], i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect([...order]).toEqual(expected.map(([, i]) => i));
        for (let g = 0; g < 4; g++) expect(start[g + 1]! - start[g]!).toBe(input.filter((r) => r[0] === g).length);
      }),
      { numRuns: 300 },
    );
  });
});
