import { describe, expect, it } from 'vitest';
import { mapColumns, UrenParser } from '../../src/commands/urenkaart/parse.js';
import type { UrenReference } from '../../src/domain/urenkaart.js';
import { Refused } from '../../src/errors.js';

const HEADER = ['gastouder', 'kind', 'datum', 'van', 'tot', 'opmerking'];
const ref: UrenReference = {
  gastouders: new Map([['G1', { code: 'G1', achterwacht: true, slaapruimte: true, ervaringSinds: null, beginnerMax: 0 }]]),
  kinderen: new Map([
    ['K1', { eigen: false, geboortedatum: '2022-01-01', eigenKindVan: null }],
    ['E1', { eigen: true, geboortedatum: '2020-01-01', eigenKindVan: 'G1' }],
  ]),
  koppelingen: new Map([['K1', new Map([['G1', [{ code: 'KP1', start: '2026-10-05', eind: null }]]])]]),
  bijOuder: new Set(),
  deadlineDag: 5,
};

function parse(lines: string[][], options: { maand?: string; today?: string } = {}) {
  const parser = new UrenParser(HEADER, mapColumns(HEADER), ref, { maand: options.maand, today: options.today ?? '2026-11-03' });
  parser.add(lines.map((cells, i) => ({ line: i + 2, cells })));
  return parser.result;
}

describe('mapColumns', () => {
  it('finds the columns by name and alias, in any order', () => {
    expect(mapColumns(['Kind-code', 'Gastoudercode', 'Datum', 'Begintijd', 'Eind'])).toEqual({
      kind: 0,
      gastouder: 1,
      datum: 2,
      van: 3,
      tot: 4,
      opmerking: -1,
    });
  });
  it('refuses missing and unknown columns, with a hint when there is one column only', () => {
    expect(() => mapColumns(['gastouder', 'kind', 'datum', 'van', 'uren'])).toThrow(Refused);
    expect(() => mapColumns(['gastouder|kind|datum|van|tot'])).toThrow(/Het scheidingsteken is niet herkend/);
  });
});

describe('UrenParser: a line is a row, or its errors', () => {
  it('keeps good rows as typed rows, the codes as ids', () => {
    const result = parse([
      ['G1', 'K1', '2026-10-05', '08:00', '17:00', ''],
      ['G1', 'K1', '6-10-2026', '8:00', '12:30', 'ziek'],
    ]);
    expect(result.maand).toBe('2026-10');
    expect(result.rijen).toBe(2);
    expect(result.fouten).toEqual([]);
    expect(result.rows.length).toBe(2);
    expect([...result.rows.day.subarray(0, 2)]).toEqual([5, 6]);
    expect([...result.rows.tot.subarray(0, 2)]).toEqual([1020, 750]);
    expect([...result.rows.line.subarray(0, 2)]).toEqual([2, 3]);
    expect(result.rows.opmerking.get(1)).toBe('ziek');
    expect([result.gastouders.list, result.kinderen.list, result.koppelingen.list]).toEqual([['G1'], ['K1'], ['KP1']]);
  });

  it.each<[string, string[], { maand?: string; today?: string }, [string, RegExp][]]>([
    [
      'unknown codes, swapped columns',
      ['K1', 'G1', '2026-10-05', '08:00', '17:00', ''],
      {},
      [
        ['gastouder', /kolommen gastouder en kind verwisseld/],
        ['kind', /kolommen gastouder en kind verwisseld/],
      ],
    ],
    [
      'empty codes',
      ['', '', '2026-10-05', '08:00', '17:00', ''],
      {},
      [
        ['gastouder', /^ontbreekt$/],
        ['kind', /^ontbreekt$/],
      ],
    ],
    [
      'end before start',
      ['G1', 'K1', '2026-10-05', '17:00', '08:00', ''],
      {},
      [['tot', /^de eindtijd 08:00 moet na de begintijd 17:00 liggen$/]],
    ],
    [
      'another month than --maand',
      ['G1', 'K1', '2026-10-05', '08:00', '17:00', ''],
      { maand: '2026-09' },
      [['datum', /hoort niet bij de maand 2026-09; één maand per import \(--maand\)/]],
    ],
    [
      'a date after today',
      ['G1', 'K1', '2026-10-05', '08:00', '17:00', ''],
      { today: '2026-10-04' },
      [['datum', /ligt na vandaag \(2026-10-04\)/]],
    ],
    [
      'before the koppeling',
      ['G1', 'K1', '2026-10-02', '08:00', '17:00', ''],
      {},
      [['kind', /^er is geen koppeling van kind K1 met gastouder G1 op 2026-10-02$/]],
    ],
    ['an own child', ['G1', 'E1', '2026-10-05', '08:00', '17:00', ''], {}, [['kind', /eigen kind van de gastouder/]]],
    ['a second header', HEADER, {}, [['csv', /nog een kopregel midden in het bestand/]]],
    ['too few cells', ['G1', 'K1'], {}, [['csv', /^2 cellen, maar de kopregel heeft 6 kolommen/]]],
  ])('%s', (_, cells, options, expected) => {
    const result = parse([cells], options);
    expect(result.rows.length).toBe(0);
    expect(result.fouten.map((f) => f.regel)).toEqual(expected.map(() => 2));
    expect(result.fouten.map((f) => f.veld)).toEqual(expected.map(([veld]) => veld));
    for (const [i, f] of result.fouten.entries()) expect(f.melding).toMatch(expected[i]![1]);
  });

  it('a row of another month than the first row is an error', () => {
    const result = parse([
      ['G1', 'K1', '2026-10-05', '08:00', '17:00', ''],
      ['G1', 'K1', '2026-11-02', '08:00', '17:00', ''],
    ]);
    expect(result.fouten).toEqual([
      { regel: 3, veld: 'datum', melding: '2026-11-02 hoort niet bij de maand 2026-10; één maand per import (de maand van de eerste rij)' },
    ]);
  });

  it('an unreadable file is an error of the line it stops at', () => {
    const parser = new UrenParser(HEADER, mapColumns(HEADER), ref, { maand: undefined, today: '2026-11-03' });
    parser.add([{ line: 7, cells: [], fout: 'een aanhalingsteken wordt niet gesloten' }]);
    expect(parser.result.fouten).toEqual([{ regel: 7, veld: 'csv', melding: 'een aanhalingsteken wordt niet gesloten' }]);
  });
});
