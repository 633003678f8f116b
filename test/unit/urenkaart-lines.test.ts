// The urenkaart's byte path (UrenParser.addLines over lineChunks) must read every file exactly as
// the row path (splitRows + UrenParser.add) does: the same rows, codes, line numbers and errors.
// The files mix plain lines with everything the byte path hands on to `add`.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mapColumns, UrenParser } from '../../src/commands/urenkaart/parse.js';
import { type CsvRow, lineChunks, openCsv, splitRows } from '../../src/csv/read.js';
import type { UrenReference } from '../../src/domain/urenkaart.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('gob-urenlines-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ref: UrenReference = {
  gastouders: new Map(
    ['G1', 'G2'].map((code) => [code, { code, achterwacht: true, slaapruimte: true, ervaringSinds: null, beginnerMax: 0 }]),
  ),
  kinderen: new Map([
    ['K1', { eigen: false, geboortedatum: '2022-01-01', eigenKindVan: null }],
    ['K2', { eigen: false, geboortedatum: '2023-03-01', eigenKindVan: null }],
    ['E1', { eigen: true, geboortedatum: '2020-01-01', eigenKindVan: 'G1' }],
  ]),
  koppelingen: new Map([
    [
      'K1',
      new Map([
        ['G1', [{ code: 'KP1', start: '2026-10-05', eind: null }]],
        ['G2', [{ code: 'KP3', start: '2026-01-01', eind: null }]],
      ]),
    ],
    [
      'K2',
      new Map([
        [
          'G1',
          [
            { code: 'KP2', start: '2026-01-01', eind: '2026-10-10' },
            { code: 'KP4', start: '2026-10-12', eind: null },
          ],
        ],
      ]),
    ],
  ]),
  bijOuder: new Set(),
  deadlineDag: 5,
};

const code = fc.constantFrom('G1', 'G1', 'G2', 'K1', 'K2', 'E1', 'G9', ' G1', 'G1 ', '', 'gastouder', 'Gé');
const kind = fc.constantFrom('K1', 'K1', 'K2', 'K2', 'E1', 'K9', 'G1', ' K1', '', 'kind');
const datum = fc.constantFrom(
  '2026-10-05',
  '2026-10-06',
  '2026-10-11',
  '2026-10-31',
  '5-10-2026',
  '05/10/2026',
  '2026-10-5',
  '2026-10-04',
  '2026-11-02',
  '2026-11-04',
  '2026-02-30',
  '2026-13-01',
  '2026-10-05 ',
  'x',
  '',
  'datum',
  '1234567890123',
);
const tijd = fc.constantFrom(
  '08:00',
  '8:00',
  '8.00',
  '08:00:00',
  '12:30',
  '17:00',
  '24:00',
  '00:00',
  '25:00',
  '8',
  '',
  'x',
  '17:60',
  '12:30.',
);
// '\u0080\u0092' is written as the bytes 80 92 in a Latin-1 file: '€’' in Windows-1252.
const opmerking = fc.constantFrom('', '', '', 'ziek', "'=1", 'é€', ' ', 'opmerking', '\u0080 \u0092s');
const HEADER = ['gastouder', 'kind', 'datum', 'van', 'tot', 'opmerking'];

// Mostly lines the byte path reads itself (so that runs of them, and code changes between them,
// are common), with now and then one cell from the lists above.
const good = fc.tuple(
  fc.constantFrom('G1', 'G2'),
  fc.constantFrom('K1', 'K2'),
  fc.constantFrom('2026-10-05', '2026-10-09', '2026-10-11', '2026-10-12', '2026-10-21', '5-10-2026', '2026-10-5'),
  fc.constantFrom('08:00', '8:00', '12:30', '24:00'),
  fc.constantFrom('17:00', '12:30', '24:00', '8.00'),
);
const line = fc.oneof(
  { weight: 20, arbitrary: good.map((cells) => [...cells, ''] as string[]) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(good, fc.nat(5), fc.oneof(code, kind, datum, tijd, opmerking))
      .map(([cells, at, value]) => Object.assign([...cells, ''], { [at]: value }) as string[]),
  },
  { weight: 4, arbitrary: fc.tuple(code, kind, datum, tijd, tijd, opmerking).map((cells) => cells as string[]) },
  { weight: 1, arbitrary: fc.constant([] as string[]) },
  { weight: 1, arbitrary: fc.tuple(code).map(([g]) => [g, '', '', '', '', '']) },
  { weight: 1, arbitrary: fc.tuple(code, kind, datum, tijd, tijd, opmerking, opmerking).map((cells) => cells as string[]) },
  { weight: 1, arbitrary: fc.tuple(code, kind, datum, tijd).map((cells) => cells as string[]) },
  { weight: 1, arbitrary: fc.constant(['gastouder', 'kind', 'datum', 'van', 'tot', 'opmerking']) },
);
const file = fc.record({
  delimiter: fc.constantFrom(';', ',', '\t'),
  lineEnd: fc.constantFrom('\r\n', '\n', '\r'),
  // Now and then another line end on a line of its own (a file pasted together from two).
  otherEnds: fc.array(fc.constantFrom('\r\n', '\n', '\r'), { minLength: 3, maxLength: 3 }),
  // The columns in any order, by any of their names, the opmerking column left out or not.
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
  names: fc.constantFrom(HEADER, ['Gastoudercode', 'kind_code', 'Datum', 'begintijd', 'eind', 'opmerking']),
  opmerkingColumn: fc.boolean(),
  bom: fc.boolean(),
  trailing: fc.boolean(),
  blankBefore: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'latin1'),
  maand: fc.constantFrom(undefined, '2026-10'),
  today: fc.constantFrom('2026-11-03', '2026-10-20'),
  chunk: fc.constantFrom(7, 64, 1 << 20),
  lines: fc.array(line, { minLength: 0, maxLength: 40 }),
});

let n = 0;

describe('the urenkaart byte path and the row path', () => {
  it('give the same rows, codes and errors for every file', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const { delimiter, lineEnd, otherEnds, order, names, opmerkingColumn, bom, trailing, blankBefore, encoding } = f;
        const { maand, today, chunk, lines } = f;
        const target = path.join(dir, `u${n++}.csv`);
        // A line of the header's six cells is put in the file's column order (a seventh stays one too many).
        const columns = opmerkingColumn ? order : order.filter((i) => i !== 5);
        const reorder = (r: readonly string[]) => (r.length >= 6 ? [...columns.map((i) => r[i]!), ...r.slice(6)] : r);
        const end = (i: number) => (i % 7 === 3 ? otherEnds[i % 3]! : lineEnd);
        const text =
          (blankBefore ? lineEnd : '') +
          [names, ...lines].map((r, i) => reorder(r).join(delimiter) + (i < lines.length ? end(i) : '')).join('') +
          (trailing ? lineEnd : '');
        fs.writeFileSync(
          target,
          Buffer.concat([Buffer.from(bom && encoding === 'utf-8' ? '\uFEFF' : ''), Buffer.from(text, encoding as BufferEncoding)]),
        );
        const source = await openCsv(target);
        const after = blankBefore ? 2 : 1;
        expect(source.lines!().first).toBe(after + 1);
        const make = () => new UrenParser(source.header, mapColumns(source.header), ref, { maand, today });
        const byRows = make();
        for await (const batch of splitRows(target, source.encoding, source.delimiter, {}) as AsyncIterable<CsvRow[]>) {
          byRows.add(batch.filter((row) => row.line > after));
        }
        const byBytes = make();
        let next = after + 1;
        for await (const c of lineChunks(target, after, {}, chunk)) next = byBytes.addLines(c, next, source);
        expect(byBytes.result).toEqual(byRows.result);
      }),
      { numRuns: 150 },
    );
  });

  it('reads €, ’, – and … of a Windows-1252 opmerking as Excel wrote them, as the row path does', async () => {
    // Node 20 (since 20.18.3) decodes windows-1252 as Latin-1 unless it streams: 80 would be U+0080,
    // a control character the opmerking refuses (nodejs/node#60888).
    const target = path.join(dir, 'cp1252.csv');
    const text = 'gastouder;kind;datum;van;tot;opmerking\r\nG1;K1;2026-10-05;08:00;17:00;\u0080 2,50 \u0092s middags \u0096 oma\u0085\r\n';
    fs.writeFileSync(target, Buffer.from(text, 'latin1'));
    const source = await openCsv(target);
    expect(source.encoding).toBe('windows-1252');
    const parser = new UrenParser(source.header, mapColumns(source.header), ref, { maand: undefined, today: '2026-11-03' });
    const lines = source.lines!();
    let next = lines.first;
    for await (const c of lines.chunks) next = parser.addLines(c, next, source);
    expect(parser.result.fouten).toEqual([]);
    expect([...parser.result.rows.opmerking]).toEqual([[0, '€ 2,50 ’s middags – oma…']]);
  });

  it('reads a plain line from its bytes, and a line with an opmerking through the row path, to the same rows', async () => {
    const target = path.join(dir, 'plain.csv');
    fs.writeFileSync(
      target,
      'gastouder;kind;datum;van;tot;opmerking\r\nG1;K1;2026-10-05;08:00;17:00;\r\nG1;K1;6-10-2026;8:00;12:00;ziek\r\n',
    );
    const source = await openCsv(target);
    const parser = new UrenParser(source.header, mapColumns(source.header), ref, { maand: undefined, today: '2026-11-03' });
    const lines = source.lines!();
    let next = lines.first;
    for await (const c of lines.chunks) next = parser.addLines(c, next, source);
    expect(next).toBe(4);
    const { rows, fouten, rijen } = parser.result;
    expect(fouten).toEqual([]);
    expect(rijen).toBe(2);
    expect([...rows.day.subarray(0, rows.length)]).toEqual([5, 6]);
    expect([...rows.line.subarray(0, rows.length)]).toEqual([2, 3]);
    expect([...rows.opmerking]).toEqual([[1, 'ziek']]);
  });
});
