// The two CSV readers of src/csv/read.ts (the quote-free fast path and csv-parse) must give the
// same rows with the same line numbers for every file both can read; and what they refuse is
// said in Dutch.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type CsvRow, openCsv, parseRows, splitRows } from '../../src/csv/read.js';
import { Refused } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('gob-csv-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function collect(rows: AsyncIterable<CsvRow[]>): Promise<CsvRow[]> {
  const all: CsvRow[] = [];
  for await (const batch of rows) all.push(...batch);
  return all;
}

// Anything but a quote, a delimiter or a line end; with accents, € and spaces as Excel writes them.
const cell = fc
  .array(fc.constantFrom('a', 'Z', '0', '9', ' ', '-', '.', ':', '/', 'é', 'ü', 'Ç', '€', 'ß', "'", '='), { maxLength: 6 })
  .map((c) => c.join(''));
const file = fc.record({
  delimiter: fc.constantFrom(';', ',', '\t'),
  lineEnd: fc.constantFrom('\r\n', '\n', '\r'),
  bom: fc.boolean(),
  trailing: fc.boolean(),
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
});

let n = 0;
describe('the fast path and csv-parse', () => {
  it('give the same rows and line numbers for every quote-free file (CRLF, LF, CR; BOM or not; last line end or not)', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ delimiter, lineEnd, bom, trailing, rows }) => {
        const target = path.join(dir, `p${n++}.csv`);
        const text = rows.map((r) => r.join(delimiter)).join(lineEnd) + (trailing ? lineEnd : '');
        fs.writeFileSync(target, (bom ? '\uFEFF' : '') + text, 'utf8');
        const fast = await collect(splitRows(target, 'utf-8', delimiter, {}));
        const parsed = await collect(parseRows(target, 'utf-8', delimiter, {}));
        expect(fast).toEqual(parsed);
        // And both are what was written: blank rows left out, numbered by their line in the file.
        const expected = rows.map((cells, i) => ({ line: i + 1, cells })).filter((r) => !r.cells.every((c) => c.trim() === ''));
        expect(fast).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a CRLF split across two chunks of the file is one line end', async () => {
    // The fast path reads 64 KB at a time: put the CR as the last byte of the first chunk.
    const first = `naam;x${'a'.repeat(65536 - 'naam;x'.length - 1)}\r`;
    const target = path.join(dir, 'boundary.csv');
    fs.writeFileSync(target, `${first}\nAnna;1\r\nBea;2\r\n`);
    const rows = await collect(splitRows(target, 'utf-8', ';', {}));
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'naam'],
      [2, 'Anna'],
      [3, 'Bea'],
    ]);
  });

  it('a file with CR-only line ends (Excel for Mac, "CSV (Macintosh)") is read line by line', async () => {
    const target = path.join(dir, 'mac.csv');
    fs.writeFileSync(target, 'code;naam\rG1;Anna\rG2;Bea\r');
    const csv = await openCsv(target);
    expect(csv.header).toEqual(['code', 'naam']);
    expect(await collect(csv.batches)).toEqual([
      { line: 2, cells: ['G1', 'Anna'] },
      { line: 3, cells: ['G2', 'Bea'] },
    ]);
  });
});

describe('line numbers of rows with a line end inside a quoted cell', () => {
  // csv-parse counted a CRLF inside quotes as two lines, which moved every later row's number; and
  // a row was named by the line its last cell ends on. A row is named by the line it starts on.
  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('%s line ends, with blank lines between the rows', async (_, end) => {
    const target = path.join(dir, `quoted-${n++}.csv`);
    const lines = ['code;naam', '', 'O1;"Jan', '', 'x";1', '', 'O2;Piet;2', 'O3;"a', 'b";3'];
    fs.writeFileSync(target, `${lines.join(end)}${end}`);
    const csv = await openCsv(target);
    expect((await collect(csv.batches)).map((r) => [r.line, r.cells[0]])).toEqual([
      [3, 'O1'],
      [7, 'O2'],
      [8, 'O3'],
    ]);
  });
});

describe('what cannot be read is said in Dutch, with the line', () => {
  it.each([
    ['a quote in the middle of a cell', 'naam;x\nAnna "Annie" de Vries;1\n', 2, /aanhalingsteken \("\) midden in een cel/],
    ['a quote that never closes', 'naam;x\nAnna;1\n"Bea;2\nCor;3\n', 3, /wordt geopend maar niet gesloten/],
    ['text after a closing quote', 'naam;x\n"Anna"x;1\n', 2, /volgt nog tekst/],
  ])('%s', async (_, content, line, message) => {
    const target = path.join(dir, `bad${n++}.csv`);
    fs.writeFileSync(target, content);
    const csv = await openCsv(target);
    const rows = await collect(csv.batches);
    const failure = rows.at(-1)!;
    expect(failure.line).toBe(line);
    expect(failure.fout).toMatch(message);
    expect(failure.fout).not.toMatch(/[A-Z]{3,}_[A-Z]/); // no CSV_QUOTE_NOT_CLOSED, INVALID_OPENING_QUOTE
  });

  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('naam;geboortedatum\r\nAnna;1980-01-01\r\n', 'utf16le')])],
    [
      'UTF-16 BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('naam;geboortedatum\r\nAnna;1980-01-01\r\n', 'utf16le').swap16()]),
    ],
    ['UTF-16 LE without BOM', Buffer.from('naam;geboortedatum\r\nAnna;1980-01-01\r\n', 'utf16le')],
  ])('%s is refused, named as UTF-16, with how to save it', async (_, bytes) => {
    const target = path.join(dir, `u16-${n++}.csv`);
    fs.writeFileSync(target, bytes);
    const error = await openCsv(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refused);
    expect((error as Refused).message).toMatch(/UTF-16/);
    expect((error as Refused).message).toMatch(/CSV UTF-8/);
    expect((error as Refused).message).toMatch(/CSV \(gescheiden door lijstscheidingsteken\)/);
  });
});
