// Reading an .xlsx workbook as the rows of a CSV file (CONTRACT §12): the same header, the same
// row records, so every import keeps one set of rules and messages. The sheet streams row by row
// (sheet.ts), so a sheet of 1,048,576 rows keeps memory flat; exceljs, which reads the workbook's
// small parts, is loaded only here (dynamic import), never at start-up.
//
// A cell becomes the text a user would have typed in a CSV file: a date cell 'JJJJ-MM-DD', a
// time cell 'HH:MM' (or 'HH:MM:SS' when it has seconds, which the time parser then judges), a
// number as digits, a yes/no cell 'ja'/'nee'. What has no honest text is an error of its cell:
// a formula, an Excel error value, a date cell in 1900 (Excel's day 0 and 1: an empty or
// mistyped cell). See sheet.ts.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { type CsvRow, type CsvSource, normalizeHeader } from '../csv/read.js';
import { Refused } from '../errors.js';
import { type CellResult, SheetScanner, columnLetter } from './sheet.js';

export { columnLetter };

export interface XlsxSource extends CsvSource {
  /** The worksheet read. */
  blad: string;
  /** The first rows (up to 10, header included), to tell a header on another row than 1. */
  early: CsvRow[];
}

export interface XlsxOptions {
  /** Worksheet names to look for first (the noun: 'urenkaart', 'gastouder', …); else the first sheet. */
  bladen: readonly string[];
  onProgress?: (bytesRead: number) => void;
}

/** The refusal for a file exceljs cannot read: corrupt, cut off, or no workbook at all. */
function corrupt(file: string, reden?: string): Refused {
  // exceljs's own message is English and about zip internals: kept as the error's cause, not shown.
  const why = reden ? ` (${reden})` : '';
  return new Refused(
    `Het bestand ${file} is beschadigd of geen geldige Excel-werkmap (.xlsx) en kon niet gelezen worden${why}; er is niets opgeslagen. Open het in Excel of LibreOffice, sla het opnieuw op als .xlsx en importeer het nog eens.`,
  );
}

/** The parts of exceljs 4.4.0's streaming WorkbookReader used here (see openSheet). */
interface BookReader {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown[];
  styles?: { getStyleModel(id: number): { numFmt?: string } | null };
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
}
interface ZipEntry {
  path: string;
  stream(): NodeJS.ReadableStream;
}

/**
 * The sheet to read, opened through the zip's central directory. exceljs's WorkbookReader reads the
 * zip front to back and, when a sheet comes before the shared strings (as Excel and LibreOffice
 * write them), first copies the whole sheet to a temporary file: personal data left in /tmp when
 * the process is killed, and a second pass over the disk. Here the parts are read in the order
 * they are needed (workbook, styles, shared strings, then the one sheet, streaming). exceljs's
 * reader parses the small parts with its own part parsers, which are private to exceljs; the
 * version is pinned (4.4.0), and test/e2e/excel-import.test.ts reads workbooks of Excel's,
 * LibreOffice's and exceljs's making. The sheet itself is read by SheetScanner (sheet.ts).
 */
async function openSheet(file: string, bladen: readonly string[]) {
  // exceljs's streaming reader and its unzipper, as it ships them (no dependency of gob's own).
  // The reader is loaded on its own: the whole package (writers, the document model, CSV) took
  // another 100 ms to load, a fifth of a 100,000-row import's time outside parsing.
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
  const WorkbookReader = fromExceljs('./lib/stream/xlsx/workbook-reader.js') as new (file: string, options: object) => unknown;
  const unzipper = fromExceljs('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };
  const directory = await unzipper.Open.file(file);
  const part = (name: string) => directory.files.find((f) => f.path === name || f.path === `/${name}`);
  const reader = new WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as BookReader;
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (!rels || !book) return null;
  await reader._parseRels(rels.stream());
  await reader._parseWorkbook(book.stream());
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles.stream());
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings.stream()));
  const sheets = reader.model?.sheets ?? [];
  const wanted = bladen.map((b) => b.toLowerCase());
  const target = sheets.find((s) => wanted.includes(s.name.toLowerCase())) ?? sheets[0];
  const rel = target && reader.workbookRels?.find((r) => r.Id === target.rId);
  if (!target || !rel) return null;
  // A target is relative to xl/ ('worksheets/sheet1.xml') or absolute ('/xl/worksheets/sheet1.xml').
  const sheetPath = rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target}`;
  const entry = part(sheetPath);
  if (!entry) return null;
  const date1904 = Boolean(reader.properties?.model?.date1904);
  const formats = new Map<number, string | undefined>();
  const scanner = new SheetScanner({
    sharedStrings: reader.sharedStrings ?? [],
    date1904,
    numFmt(style) {
      if (!formats.has(style)) formats.set(style, reader.styles?.getStyleModel(style)?.numFmt);
      return formats.get(style);
    },
  });
  return { stream: entry.stream(), scanner, blad: target.name };
}

/** The worksheet's rows, in batches, as CSV rows; the first is row 1 (the header) if the sheet has one there. */
async function* sheetBatches(
  file: string,
  options: XlsxOptions,
  found: (blad: string) => void,
): AsyncGenerator<{ row: number; cells: CellResult[] }[]> {
  let bytes = 0;
  const total = fs.statSync(file).size;
  try {
    const opened = await openSheet(file, options.bladen);
    if (!opened) throw corrupt(file, 'er staat geen werkblad in');
    const { stream, scanner, blad } = opened;
    found(blad);
    const decoder = new StringDecoder('utf8');
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // Progress: the sheet's uncompressed XML is the work; XML is some 8× its zipped size, so an
      // estimate of the file read, never past its end.
      bytes += chunk.length;
      const batch = scanner.push(decoder.write(chunk));
      if (batch.length > 0) yield batch;
      options.onProgress?.(Math.min(total, Math.round(bytes / 8)));
    }
    const last = scanner.push(decoder.end());
    last.push(...scanner.end());
    if (last.length > 0) yield last;
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw Object.assign(corrupt(file), { cause: error });
  }
}

const blank = (cells: CellResult[]) => cells.every((c) => 'text' in c && c.text.trim() === '');

/** Open the workbook's sheet: header, the first rows, and the rows as CSV rows. */
export async function openXlsx(file: string, options: XlsxOptions): Promise<XlsxSource> {
  const bytes = fs.statSync(file).size;
  let blad = '';
  const name = path.basename(file);
  const source = sheetBatches(file, options, (b) => {
    blad = b;
  });
  // The first filled rows, read ahead: the header, and what a wrong header is measured against.
  // Blank rows are skipped here as they are below (a sheet of formatted empty rows has many).
  const pending: { row: number; cells: CellResult[] }[] = [];
  let ended = false;
  while (pending.length < 10) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    for (const r of next.value) if (!blank(r.cells)) pending.push(r);
  }
  const where = `blad '${blad}' van ${name}`;
  if (pending.length === 0)
    throw new Refused(`In ${where} staat niets: rij 1 moet de kopregel met de kolomnamen zijn; er is niets opgeslagen.`);
  const first = pending[0]!;
  if (first.row !== 1) {
    throw new Refused(
      `Rij 1 van ${where} is leeg: de kopregel met de kolomnamen hoort op rij 1; er is niets opgeslagen. De eerste gevulde rij is rij ${first.row}: verwijder de lege rijen erboven.`,
    );
  }
  const headerFout = first.cells.find((c) => 'fout' in c);
  if (headerFout && 'fout' in headerFout)
    throw new Refused(`De kopregel van ${where} is niet te lezen; er is niets opgeslagen.`, [`regel 1: kopregel: ${headerFout.fout}`]);
  const header = first.cells.map((c) => ('text' in c ? c.text.trim() : ''));
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const width = header.length;

  const toRow = ({ row, cells }: { row: number; cells: CellResult[] }): CsvRow => {
    const out: string[] = new Array(width).fill('');
    const errors: { column: number; melding: string }[] = [];
    cells.forEach((c, i) => {
      if (i < width) {
        if ('text' in c) out[i] = c.text;
        else errors.push({ column: i, melding: c.fout });
      } else if (!('text' in c) || c.text.trim() !== '') {
        errors.push({
          column: -1,
          melding: `cel ${columnLetter(i)}${row} heeft een waarde, maar kolom ${columnLetter(i)} heeft geen naam in de kopregel (rij 1); haal de waarde weg of geef de kolom een naam`,
        });
      }
    });
    return errors.length > 0 ? { line: row, cells: out, cellErrors: errors } : { line: row, cells: out };
  };
  // Whole rows, not cut to the header's width: a title in row 1 is one cell wide.
  const early = pending.map(({ row, cells }) => ({ line: row, cells: cells.map((c) => ('text' in c ? c.text : '')) }));
  async function* batches(): AsyncGenerator<CsvRow[]> {
    const rest = pending.filter((r) => r !== first).map(toRow);
    if (rest.length > 0) yield rest;
    if (ended) return;
    for await (const batch of source) {
      const rows: CsvRow[] = [];
      for (const r of batch) if (!blank(r.cells)) rows.push(toRow(r));
      if (rows.length > 0) yield rows;
    }
  }
  return { encoding: 'utf-8', delimiter: '', header, batches: batches(), bytes, blad, early };
}

/** For a header that does not map: the row further down that would have (the header on row 3). */
export function headerElsewhere(source: { early?: CsvRow[]; blad?: string }, known: readonly string[]): string | null {
  if (!source.early) return null;
  const names = new Set(known.map(normalizeHeader));
  const hit = source.early.find(
    (r) =>
      r.line > 1 &&
      r.cells.filter((c) => c.trim() !== '').length >= 2 &&
      r.cells.every((c) => c.trim() === '' || names.has(normalizeHeader(c))),
  );
  return hit
    ? `de kolomnamen staan op rij ${hit.line} van blad '${source.blad}'; gob leest de kopregel op rij 1: verwijder de ${hit.line - 1 === 1 ? 'rij' : `${hit.line - 1} rijen`} erboven`
    : null;
}
