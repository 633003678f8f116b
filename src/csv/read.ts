// Reading CSV files as they arrive from Dutch Excel and others: ';', ',' or TAB (taken from the
// header line), UTF-8 with or without BOM, or Windows-1252 when the bytes are not valid UTF-8,
// CRLF or LF, quoted fields. Rows stream, so a million-row file keeps memory flat.
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { Refused } from '../errors.js';

export interface CsvRow {
  /** Line number in the file; the header is line 1. */
  line: number;
  cells: string[];
  /** Set when the file cannot be read past this line (a quote that never closes); the last row. */
  fout?: string;
}

export interface CsvSource {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  header: string[];
  rows: AsyncIterable<CsvRow>;
}

/** 'Ervaring Sinds', 'ervaring_sinds' and 'ervaring-sinds' are one header. */
export function normalizeHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s\-_]/g, '');
}

/** Our own CSV output makes formula-like cells inert with an apostrophe; reading removes it again. */
export function unescapeCell(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

async function detectEncoding(file: string): Promise<'utf-8' | 'windows-1252'> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch (error) {
    if (error instanceof TypeError) return 'windows-1252';
    throw error;
  }
}

async function firstLine(file: string, encoding: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead));
    return text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  } finally {
    await handle.close();
  }
}

/** The delimiter that occurs most often in the header line, outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ';';
}

function decoderStream(encoding: string): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

export async function openCsv(file: string): Promise<CsvSource> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new Refused(`Het bestand ${file} bestaat niet of is niet leesbaar.`);
  }
  if (!stat.isFile()) throw new Refused(`${file} is geen bestand.`);
  const encoding = await detectEncoding(file);
  const headerText = await firstLine(file, encoding);
  if (headerText.replace(/^\uFEFF/, '').trim() === '') {
    throw new Refused(`Het bestand ${file} is leeg: regel 1 moet de kopregel met de kolomnamen zijn.`);
  }
  const delimiter = detectDelimiter(headerText);
  const { parse } = await import('csv-parse');
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(decoderStream(encoding));
  input.pipe(parser);
  input.on('error', (error) => parser.destroy(error));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;

  const firstResult = await nextRecord(iterator, 0);
  if ('fout' in firstResult) throw new Refused('Het bestand kon niet gelezen worden; er is niets opgeslagen.', [`regel ${firstResult.line}: csv: ${firstResult.fout}`]);
  const first = firstResult.value;
  if (!first) throw new Refused(`Het bestand ${file} is leeg: regel 1 moet de kopregel met de kolomnamen zijn.`);
  const header = first.record.map((h) => h.replace(/^\uFEFF/, '').trim());

  async function* rows(): AsyncGenerator<CsvRow> {
    let lastLine = 1;
    for (;;) {
      const result = await nextRecord(iterator, lastLine);
      if ('fout' in result) {
        yield { line: result.line, cells: [], fout: result.fout };
        return;
      }
      const next = result.value;
      if (!next) return;
      // An all-empty row (';;;;' from Excel) is a blank line.
      lastLine = next.info.lines;
      if (next.record.every((c) => c.trim() === '')) continue;
      yield { line: next.info.lines, cells: next.record };
    }
  }
  return { encoding, delimiter, header, rows: rows() };
}

/** csv-parse errors (a quote that never closes) become a Dutch message with the line. */
async function nextRecord<T extends { info: { lines: number } }>(iterator: AsyncIterator<T>, afterLine: number): Promise<{ value: T | undefined } | { line: number; fout: string }> {
  try {
    const { value, done } = await iterator.next();
    return { value: done ? undefined : value };
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      const what =
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'een aanhalingsteken (") wordt geopend maar niet gesloten'
          : e.code === 'CSV_INVALID_CLOSING_QUOTE'
            ? 'na een afsluitend aanhalingsteken (") volgt nog tekst in dezelfde cel'
            : `het bestand is geen geldige CSV (${e.code})`;
      // csv-parse names the line where the file ended; the broken record began after the last good one.
      return { line: e.code === 'CSV_QUOTE_NOT_CLOSED' ? afterLine + 1 : (e.lines ?? afterLine + 1), fout: `${what}; zet een cel met " of het scheidingsteken tussen aanhalingstekens en verdubbel " binnenin` };
    }
    throw error;
  }
}
