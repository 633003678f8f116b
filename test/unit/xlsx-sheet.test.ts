// gob reads a worksheet's cells itself (src/xlsx/sheet.ts) instead of through exceljs's worksheet
// reader, for speed. Held here to what exceljs's own reader makes of the same workbooks, to the
// XML other writers produce, and to the XML arriving in pieces split anywhere.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/xlsx/read.js';
import { type CellResult, type SheetContext, type SheetRow, SheetScanner, isDateFmt, serialText, xmlText } from '../../src/xlsx/sheet.js';
import { ROOT, tempDir } from '../helpers.js';

const dir = tempDir('gob-xlsx-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ctx = (sharedStrings: unknown[] = [], formats: Record<number, string> = {}): SheetContext => ({
  sharedStrings,
  date1904: false,
  numFmt: (s) => formats[s],
});

function scan(xml: string, context = ctx(), pieces: number[] = []): SheetRow[] {
  const s = new SheetScanner(context);
  const out: SheetRow[] = [];
  let at = 0;
  for (const cut of pieces) {
    out.push(...s.push(xml.slice(at, cut)));
    at = cut;
  }
  out.push(...s.push(xml.slice(at)));
  out.push(...s.end());
  return out;
}

const texts = (rows: SheetRow[]) => rows.map((r) => [r.row, ...r.cells.map((c) => ('text' in c ? c.text : `!${c.fout.split(';')[0]}`))]);

const SHEET = (data: string, prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}dimension ref="A1:C3"/><${prefix}sheetViews><${prefix}sheetView workbookViewId="0"/></${prefix}sheetViews><${prefix}sheetData>${data}</${prefix}sheetData><${prefix}mergeCells count="1"><${prefix}mergeCell ref="A9:B9"/></${prefix}mergeCells></${prefix}worksheet>`;

describe('SheetScanner', () => {
  it("reads the cell types as exceljs's reader does: shared, inline (rich) and formula strings, numbers, booleans, errors, dates by style", () => {
    const xml = SHEET(
      '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><r><t>rij</t></r><r><rPr><b/></rPr><t xml:space="preserve">k &amp; tekst</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>' +
        '<row r="3"><c r="A3"><v>7.4999999999999991</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="b"><v>0</v></c><c r="D3" t="e"><v>#DIV/0!</v></c></row>' +
        '<row r="4"><c r="A4" s="2"><v>46296</v></c><c r="B4" s="1"><v>12</v></c><c r="C4" t="str"><v>a&lt;b</v></c><c r="D4"><f>SUM(A1:A3)</f><v>3</v></c><c r="E4" t="d"><v>2026-10-01T00:00:00</v></c><c r="F4" t="d"><v>2026-10-01T08:30:00</v></c></row>',
    );
    const rows = scan(xml, ctx(['kind', { richText: [{ text: 'ga' }, { text: 'stouder' }] }], { 1: '0.00', 2: 'dd-mm-yyyy' }));
    expect(texts(rows)).toEqual([
      [1, 'kind', 'gastouder', '', 'rijk & tekst'],
      [3, '7.5', 'ja', 'nee', '!cel D3 bevat de Excel-fout #DIV/0!'],
      [
        4,
        '2026-10-01',
        '12',
        'a<b',
        '!cel D4 bevat een formule (=SUM(A1:A3)) in plaats van een ingevulde waarde',
        '2026-10-01',
        '2026-10-01 08:30',
      ],
    ]);
  });

  // A number's point is a decimal point; as text 1.234 is a thousand euros to parseAmount (§2).
  it('writes a number with three decimals (1.234, 0.085) with a comma, so that it is never read as thousands', () => {
    const xml = SHEET(
      '<row r="1"><c r="A1"><v>1.234</v></c><c r="B1"><v>0.085</v></c><c r="C1"><v>1234.5</v></c><c r="D1"><v>7.25</v></c><c r="E1"><v>1.2345</v></c></row>',
    );
    expect(texts(scan(xml, ctx([], {})))).toEqual([[1, '1,234', '0,085', '1234.5', '7.25', '1.2345']]);
  });

  it('takes the XML of other writers: a namespace prefix, no r attributes, single quotes, tabs, self-closing rows and cells', () => {
    const xml = SHEET(
      "<x:row r='2'>\n\t<x:c r='B2'\tt='inlineStr'><x:is><x:t>een</x:t></x:is></x:c><x:c/><x:c><x:v>5</x:v></x:c></x:row><x:row r='3' /><x:row><x:c><x:v>6</x:v></x:c></x:row>",
      'x:',
    );
    expect(texts(scan(xml))).toEqual([[2, '', 'een', '', '5'], [3], [4, '6']]);
  });

  it("a cell without s has style 0, whatever its row's style; line ends as an XML parser reads them; time-only ISO cells", () => {
    const rows = scan(
      SHEET(
        '<row r="2" s="1" customFormat="1"><c r="A2"><v>5</v></c><c r="B2" s="1"><v>46296</v></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t>x\r\ny\rz&#13;</t></is></c><c r="B3" t="d"><v>08:30:00</v></c><c r="C3" t="d"><v>1899-12-30T17:45:00</v></c><c r="D3" t="d"><v>1899-12-31T00:00:00</v></c></row>',
      ),
      ctx([], { 1: 'dd-mm-yyyy' }),
    );
    expect(texts(rows)).toEqual([
      [2, '5', '2026-10-01'],
      [3, 'x\ny\nz\r', '08:30', '17:45', '24:00'],
    ]);
  });

  it('takes spaces around = and in end tags; refuses a column past XFD as a damaged file instead of filling millions of cells', () => {
    expect(
      texts(
        scan(
          SHEET(
            '<row r = "1" ><c r = "B1" t = "inlineStr"><is><t>b</t></is></c ><c r="C1"><v>3</v></c\n></row\n><row r="2"><c r="A2"><v>4</v></c></row >',
          ),
        ),
      ),
    ).toEqual([
      [1, '', 'b', '3'],
      [2, '4'],
    ]);
    expect(() => scan(SHEET('<row r="1"><c r="AAAAAAA1"><v>1</v></c></row>'))).toThrow(/bestaat niet/);
    expect(texts(scan(SHEET('<row r="1"><c r="XFD1"><v>1</v></c></row>')))[0]).toHaveLength(16_385);
  });

  it('ignores what is outside sheetData (a <row> in another element, merged cells) and an empty sheet', () => {
    expect(texts(scan(SHEET('')))).toEqual([]);
    expect(texts(scan('<worksheet><sheetData/><extLst><row r="1"><c><v>1</v></c></row></extLst></worksheet>'))).toEqual([]);
  });

  it('gives the same rows however the XML is split into pieces', () => {
    const xml = SHEET(
      Array.from(
        { length: 6 },
        (_, i) =>
          `<row r="${i + 1}" spans="1:3"><c r="A${i + 1}" t="inlineStr"><is><t>G${i}&amp;é€</t></is></c><c r="B${i + 1}" s="1"/><c r="C${i + 1}"><v>${i}.25</v></c></row>`,
      ).join('') + '<row r="9"/>',
    );
    const whole = texts(scan(xml));
    expect(whole).toHaveLength(7);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 8 }), (cuts) => {
        expect(
          texts(
            scan(
              xml,
              ctx(),
              [...cuts].sort((a, b) => a - b),
            ),
          ),
        ).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes XML text and tests date formats as exceljs does', () => {
    expect(xmlText('a &amp; b &lt;&gt; &quot;&apos; &#233; &#x20AC; &onbekend;')).toBe('a & b <> "\' é € &onbekend;');
    // Decoded once: a cell typed 'x&lt;y' is that text (exceljs's reader decoded twice and gave 'x<y').
    expect(texts(scan(SHEET('<row r="1"><c r="A1" t="str"><v>x&amp;lt;y</v></c></row>')))).toEqual([[1, 'x&lt;y']]);
    expect(['dd-mm-yyyy', 'hh:mm', '[h]:mm', 'd/m/yy', 'mmm'].map(isDateFmt)).toEqual([true, true, true, true, true]);
    expect(['General', '0.00', '#,##0 "uur"', '@', undefined].map(isDateFmt)).toEqual([false, false, false, false, false]);
    // One whole day in an elapsed-time cell is 24:00, the end of a slot to midnight; gob writes its times as '[hh]:mm'.
    expect(['[hh]:mm', '[h]:mm', 'hh:mm', '[Red]h:mm', '[$-413]dd-mm-yyyy'].map((fmt) => serialText(1, fmt, false, 'E2'))).toEqual([
      { text: '24:00' },
      { text: '24:00' },
      { text: '24:00' },
      { text: '24:00' },
      { fout: expect.stringMatching(/datumcel uit 1900/) },
    ]);
  });
});

/** exceljs's value of a cell as text, as gob turned it into text when exceljs read the sheet. */
function exceljsText(value: unknown, numFmt: string | undefined, date1904: boolean, ref: string): CellResult {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'ja' : 'nee' };
  if (typeof value === 'number') return { text: Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15))) };
  // exceljs hands a date cell over as a Date in UTC; its serial number is the cell's value.
  if (value instanceof Date) return serialText(value.getTime() / 86_400_000 + 25_569 - (date1904 ? 1462 : 0), numFmt, date1904, ref);
  const runs = (value as { richText?: { text?: string }[] }).richText;
  if (Array.isArray(runs)) return { text: runs.map((r) => r.text ?? '').join('') };
  throw new Error(`${ref}: een waarde die deze test niet kent: ${JSON.stringify(value)}`);
}

/** Every cell of every row through exceljs's own (full, non-streaming) reader, as gob turned its values into text before. */
async function viaExceljs(file: string): Promise<(string | number)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  const out: (string | number)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: CellResult[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      cells.push(exceljsText(cell.value, cell.numFmt, date1904, cell.address));
    }
    while (cells.length > 0 && 'text' in cells[cells.length - 1]! && (cells[cells.length - 1] as { text: string }).text === '') cells.pop();
    out.push([n, ...cells.map((c) => ('text' in c ? c.text : `!${c.fout}`))]);
  });
  return out;
}

async function viaGob(file: string): Promise<(string | number)[][]> {
  const source = await openXlsx(file, { bladen: [] });
  const out: (string | number)[][] = [[1, ...source.header]];
  for await (const batch of source.batches) {
    for (const r of batch) {
      const cells = r.cells.map((c, i) => {
        const fout = r.cellErrors?.find((e) => e.column === i);
        return fout ? `!${fout.melding}` : c;
      });
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      out.push([r.line, ...cells]);
    }
  }
  return out;
}

describe('the same cells as through exceljs', () => {
  it('formatted empty rows between the header and the data are skipped, however many', async () => {
    const file = path.join(dir, 'leeg-opgemaakt.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('urenkaart');
    ws.addRow(['gastouder', 'kind']);
    ws.addRow(['G0001', 'K0001']);
    for (let r = 3; r < 3_000; r++) ws.getCell(r, 1).numFmt = 'dd-mm-yyyy';
    ws.getCell(3_000, 1).value = 'G0002';
    ws.getCell(3_000, 2).value = 'K0002';
    await wb.xlsx.writeFile(file);
    expect(await viaGob(file)).toEqual([
      [1, 'gastouder', 'kind'],
      [2, 'G0001', 'K0001'],
      [3000, 'G0002', 'K0002'],
    ]);
  });

  it('LibreOffice 7.4 workbook (kept fixture)', async () => {
    const file = path.join(ROOT, 'test', 'fixtures', 'excel', 'libreoffice.xlsx');
    expect(await viaGob(file)).toEqual(await viaExceljs(file));
  });

  for (const date1904 of [false, true]) {
    it(`an exceljs workbook with every kind of value, shared strings${date1904 ? ', the 1904 date system' : ''}`, async () => {
      const file = path.join(dir, `alles-${date1904}.xlsx`);
      const wb = new ExcelJS.Workbook();
      if (date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
      const ws = wb.addWorksheet('blad');
      // A time is a fraction of the system's day 0: 1899-12-30 or, in the 1904 system, 1904-01-01.
      const day0 = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      const tijd = (h: number, m: number) => new Date(day0 + (h * 60 + m) * 60_000);
      ws.addRow(['tekst', 'getal', 'datum', 'tijd', 'ja/nee', 'rijk', 'leeg', 'laatste']);
      ws.addRow([
        'a & <b>',
        7.25,
        new Date('2026-10-01T00:00:00Z'),
        tijd(8, 30),
        true,
        { richText: [{ text: 'ri' }, { font: { bold: true }, text: 'jk' }] },
        null,
        'x',
      ]);
      ws.addRow(['é€ "quote"', 1e21, new Date('2026-10-01T13:45:00Z'), tijd(24, 0), false, 'z', null, 'y']);
      ws.getCell('C2').numFmt = 'dd-mm-yyyy';
      ws.getCell('C3').numFmt = 'dd-mm-yyyy hh:mm';
      ws.getCell('D2').numFmt = 'hh:mm';
      ws.getCell('D3').numFmt = '[h]:mm';
      ws.getCell('B2').numFmt = '0.00';
      await wb.xlsx.writeFile(file);
      const gobRows = await viaGob(file);
      expect(gobRows).toEqual(await viaExceljs(file));
      expect(gobRows[1]).toEqual([2, 'a & <b>', '7.25', '2026-10-01', '08:30', 'ja', 'rijk', '', 'x']);
    });
  }
});
