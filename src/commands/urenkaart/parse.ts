// The urenkaart file's lines as typed rows (CONTRACT §5): the columns by name, each cell parsed,
// the codes looked up, the koppeling found. Pure: the command feeds it the file's batches and the
// reference data, and it keeps the rows and the errors by line.
import { type Datum, type Maand, minutesToTime, monthOf, timeToMinutes } from '../../domain/calendar.js';
import {
  Codes,
  geenKoppeling,
  koppelingIn,
  type UrenKoppeling,
  UREN_COLUMNS,
  type UrenColumn,
  type UrenFout,
  type UrenMonth,
  type UrenReference,
  UrenRows,
} from '../../domain/urenkaart.js';
import { parseDate, parseOpmerking, parseTime } from '../../domain/values.js';
import { normalizeHeader, type CsvRow, type LineChunk, unescapeCell } from '../../csv/read.js';
import { Refused, ValueError } from '../../errors.js';
import { aantal } from '../../domain/tekst.js';

/** Column positions by name, with the contract's aliases; refuses missing and unknown columns. */
export function mapColumns(header: string[]): Record<UrenColumn, number> {
  const positions = {} as Record<UrenColumn, number>;
  const unknown: string[] = [];
  const twice: string[] = [];
  header.forEach((name, i) => {
    const normal = normalizeHeader(name);
    const column = (Object.keys(UREN_COLUMNS) as UrenColumn[]).find((c) => (UREN_COLUMNS[c] as readonly string[]).includes(normal));
    if (column && positions[column] === undefined) positions[column] = i;
    else if (column) twice.push(`regel 1: ${name}: dubbele kolom (${column} staat al in kolom ${positions[column]! + 1}); haal er één weg`);
    else unknown.push(name);
  });
  const missing = (['gastouder', 'kind', 'datum', 'van', 'tot'] as const).filter((c) => positions[c] === undefined);
  if (missing.length > 0 || unknown.length > 0 || twice.length > 0) {
    const hint = header.length === 1 ? " Het scheidingsteken is niet herkend: gebruik ';', ',' of TAB tussen de kolommen." : '';
    throw new Refused(`De kopregel klopt niet; er is niets opgeslagen.${hint}`, [
      ...missing.map((c) => `regel 1: ${c}: kolom ontbreekt (ook goed: ${UREN_COLUMNS[c].join(', ')})`),
      ...unknown.map((u) => `regel 1: ${u}: onbekende kolom`),
      ...twice,
      'verwacht: gastouder;kind;datum;van;tot en eventueel opmerking',
    ]);
  }
  positions.opmerking ??= -1;
  return positions;
}

/** Parse results by raw text: a month has ~31 distinct dates and a few dozen times. */
function cached<T>(parse: (raw: string) => T): (raw: string) => T | ValueError {
  const cache = new Map<string, T | ValueError>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === undefined) {
      try {
        hit = parse(raw);
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        hit = error;
      }
      cache.set(raw, hit);
    }
    return hit;
  };
}

/** Bytes `from` … `to` (exclusive) are all printable ASCII without spaces, and there is one. */
function printable(bytes: Uint8Array, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b < 0x21 || b > 0x7e) return false;
  }
  return true;
}

/**
 * The last cell seen in one column, its bytes copied (so that the next chunk's first line is
 * compared too): most lines repeat the line before's codes and times, and a cell that repeats
 * needs no string and no lookup.
 */
class LastCell {
  private bytes = new Uint8Array(16);
  private length = -1;

  /** Whether bytes `from` … `to` (exclusive) are the last cell's again; if not, they become it. */
  repeated(bytes: Uint8Array, from: number, to: number): boolean {
    const n = to - from;
    if (n === this.length) {
      let i = 0;
      while (i < n && bytes[from + i] === this.bytes[i]) i++;
      if (i === n) return true;
    }
    if (n > this.bytes.length) this.bytes = new Uint8Array(2 * n);
    for (let i = 0; i < n; i++) this.bytes[i] = bytes[from + i]!;
    this.length = n;
    return false;
  }

  /** The last cell as a string (its bytes are ASCII: printable() has checked them). */
  text(): string {
    return ascii(this.bytes, 0, this.length);
  }
}

/**
 * ASCII bytes as a string (printable() or keyDigit() has checked them). Not for any other byte:
 * Windows-1252 and UTF-8 text goes through a TextDecoder, as a stream (see addLines).
 */
function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
}

/**
 * Parses of date or time cells by their bytes, through the same cached parser `add` uses, so that
 * a million cells make a string only for each different one. A cell of at most 10 bytes of digits
 * and '-', '/', ':', '.' has a key: each byte a digit 1–14 in base 15 (so that no two cells share
 * one), the first five bytes and the rest apart, so that both stay small integers; the first part
 * ('2026-' of every date of a month) is usually the last one's.
 */
class CellCache<T> {
  private readonly byHead = new Map<number, Map<number, T | ValueError>>();
  private lastHead = -1;
  private lastTails: Map<number, T | ValueError> | undefined;
  /** The last cell and its parse: a time cell is mostly the line before's ('08:00' all month). */
  private readonly last = new LastCell();
  private lastHit: T | ValueError | undefined;

  constructor(private readonly parse: (raw: string) => T | ValueError) {}

  /** The parse of bytes `from` … `to` (exclusive); undefined for a cell without a key (`add` reads it). */
  get(bytes: Uint8Array, from: number, to: number): T | ValueError | undefined {
    if (to <= from || to - from > 10) return undefined;
    if (this.last.repeated(bytes, from, to)) return this.lastHit;
    // (From here the last cell is this one; lastHit is set below, or the cell has no key.)
    this.lastHit = undefined;
    const split = Math.min(to, from + 5);
    let head = 0;
    for (let i = from; i < split; i++) {
      const digit = keyDigit(bytes[i]!);
      if (digit === 0) return undefined;
      head = head * 15 + digit;
    }
    let tail = 0;
    for (let i = split; i < to; i++) {
      const digit = keyDigit(bytes[i]!);
      if (digit === 0) return undefined;
      tail = tail * 15 + digit;
    }
    let tails = this.lastTails;
    if (head !== this.lastHead) {
      tails = this.byHead.get(head);
      if (!tails) {
        tails = new Map();
        this.byHead.set(head, tails);
      }
      this.lastHead = head;
      this.lastTails = tails;
    }
    let hit = tails!.get(tail);
    if (hit === undefined) {
      hit = this.parse(ascii(bytes, from, to));
      tails!.set(tail, hit);
    }
    this.lastHit = hit;
    return hit;
  }
}

/** A byte of a date or time cell as a digit 1–14; 0 for any other byte. */
function keyDigit(b: number): number {
  return b >= 48 && b <= 57 ? b - 47 : b === 45 ? 11 : b === 47 ? 12 : b === 58 ? 13 : b === 46 ? 14 : 0;
}

/** A file's rows so far. `maand` is the --maand option's, or else the month of the first dated row. */
export interface ParsedUren extends Omit<UrenMonth, 'maand'> {
  maand: Maand | undefined;
  /** Lines read (rows with errors included). */
  rijen: number;
  fouten: UrenFout[];
}

/**
 * Parses an urenkaart file batch by batch. A row with any error is left out of `rows` (its errors
 * are in `fouten`); the codes get their ids only from rows that are kept.
 */
export class UrenParser {
  readonly result: ParsedUren;
  private readonly headerKey: string;
  private readonly date = cached((raw) => {
    const datum = parseDate(raw);
    return { datum, day: Number(datum.slice(8, 10)) };
  });
  private readonly start = cached((raw) => timeToMinutes(parseTime(raw)));
  private readonly end = cached((raw) => timeToMinutes(parseTime(raw, { end: true })));
  /** The same parses for addLines, by the cells' bytes: no string per line. */
  private readonly dateCells = new CellCache(this.date);
  private readonly startCells = new CellCache(this.start);
  private readonly endCells = new CellCache(this.end);

  constructor(
    private readonly header: string[],
    /** From mapColumns, which the command calls first: a wrong header is refused before anything is loaded. */
    private readonly col: Record<UrenColumn, number>,
    private readonly ref: UrenReference,
    private readonly options: { maand: Maand | undefined; today: Datum },
  ) {
    this.headerKey = header.map(normalizeHeader).join('|');
    this.result = {
      maand: options.maand,
      rows: new UrenRows(),
      gastouders: new Codes(),
      kinderen: new Codes(),
      koppelingen: new Codes(),
      rijen: 0,
      fouten: [],
    };
  }

  /**
   * The same as `add`, for a quote-free CSV file's lines as bytes (CsvSource.lines): a million
   * lines without a million string arrays. A line in the plain form every generated and most
   * exported urenkaarten have (known codes of printable ASCII, a date and times of digits and
   * '-', '/', ':', '.', a koppeling on the date, no opmerking) is read here straight from the
   * bytes, each code, date and time made a string only when it differs from the last one. Every
   * other line (an error, an opmerking, a blank or spare row) is made cells and goes through `add`,
   * so that what a line means and every message about it come from one place; the property test
   * in test/unit/urenkaart-lines.test.ts holds the two to the same result. The chunk's first line
   * is line `first`; returns the number of the line after it.
   */
  addLines(chunk: LineChunk, first: number, format: { encoding: string; delimiter: string }): number {
    const { col, ref, result, header, dateCells, startCells, endCells } = this;
    const { rows, gastouders, kinderen, koppelingen } = result;
    const { today } = this.options;
    const bytes = chunk.bytes;
    const length = bytes.length;
    const delimiter = format.delimiter.charCodeAt(0);
    const columns = header.length;
    // Decoded as a stream (each line whole, so nothing waits for the next): Node 20 (since 20.18.3)
    // decodes windows-1252 as Latin-1 when not streaming, and an Excel file's '€', '’' or '–' in an
    // opmerking would be a control character the row path never sees (nodejs/node#60888).
    const decoder = new TextDecoder(format.encoding, { ignoreBOM: true });
    const decode = (from: number, to: number) => decoder.decode(bytes.subarray(from, to), { stream: true });
    // Cell boundaries of the current line: cell i is bytes cellStart[i] .. cellStart[i + 1] - 1.
    const cellStart = new Int32Array(columns + 2);
    const { gastouder: cg, kind: ck, datum: cd, van: cv, tot: ct, opmerking: co } = col;
    // The previous line's codes (their bytes, as strings) and what they found.
    const gCell = new LastCell();
    const kCell = new LastCell();
    let gCode = '';
    let g: ReturnType<typeof ref.gastouders.get>;
    let idGastouder = -1;
    let kCode = '';
    let k: ReturnType<typeof ref.kinderen.get>;
    let idKind = -1;
    let pairList: UrenKoppeling[] | undefined;
    let lastKoppeling: UrenKoppeling | undefined;
    let idKoppeling = -1;
    let line = first;
    let pos = 0;
    while (pos < length) {
      // Split the line into cells; `next` is where the following line begins.
      let cells = 0;
      cellStart[0] = pos;
      let p = pos;
      for (; p < length; p++) {
        const b = bytes[p]!;
        if (b === delimiter) {
          if (++cells > columns) break;
          cellStart[cells] = p + 1;
        } else if (b === 10 || b === 13) break;
      }
      while (p < length && bytes[p] !== 10 && bytes[p] !== 13) p++;
      const lineEnd = p;
      const next = p < length && bytes[p] === 13 && bytes[p + 1] === 10 ? p + 2 : p + 1;
      cellStart[Math.min(cells, columns) + 1] = lineEnd + 1;
      const plain =
        cells === columns - 1 &&
        (co < 0 || cellStart[co] === cellStart[co + 1]! - 1) &&
        printable(bytes, cellStart[cg]!, cellStart[cg + 1]! - 1) &&
        printable(bytes, cellStart[ck]!, cellStart[ck + 1]! - 1);
      let kept = false;
      if (plain) {
        const newG = !gCell.repeated(bytes, cellStart[cg]!, cellStart[cg + 1]! - 1);
        const newK = !kCell.repeated(bytes, cellStart[ck]!, cellStart[ck + 1]! - 1);
        if (newG) {
          gCode = gCell.text();
          g = ref.gastouders.get(gCode);
          idGastouder = -1;
        }
        if (newK) {
          kCode = kCell.text();
          k = ref.kinderen.get(kCode);
          idKind = -1;
        }
        if (newG || newK) {
          pairList = undefined;
          lastKoppeling = undefined;
        }
        const maand = result.maand;
        if (g && k && maand !== undefined) {
          const parsed = dateCells.get(bytes, cellStart[cd]!, cellStart[cd + 1]! - 1);
          const van = startCells.get(bytes, cellStart[cv]!, cellStart[cv + 1]! - 1);
          const tot = endCells.get(bytes, cellStart[ct]!, cellStart[ct + 1]! - 1);
          if (
            parsed !== undefined &&
            !(parsed instanceof ValueError) &&
            typeof van === 'number' &&
            typeof tot === 'number' &&
            van < tot &&
            parsed.datum.startsWith(maand) &&
            parsed.datum <= today
          ) {
            pairList ??= ref.koppelingen.get(kCode)?.get(gCode);
            const koppeling = koppelingIn(pairList, parsed.datum);
            if (koppeling) {
              if (koppeling !== lastKoppeling) {
                lastKoppeling = koppeling;
                idKoppeling = koppelingen.id(koppeling.code);
              }
              // Ids only for rows that are kept, as in `add`.
              if (idGastouder < 0) idGastouder = gastouders.id(gCode);
              if (idKind < 0) idKind = kinderen.id(kCode);
              result.rijen++;
              rows.add(idGastouder, idKind, idKoppeling, parsed.day, van, tot, line);
              kept = true;
            }
          }
        }
      }
      if (!kept) {
        // Anything else: cells as splitRows makes them, and the one place that judges a line.
        const cellsText = decode(pos, lineEnd).split(format.delimiter);
        if (!cellsText.every((c) => c.trim() === '')) this.add([{ line, cells: cellsText }]);
      }
      line++;
      pos = next;
    }
    return line;
  }

  /** The contract's name of the column at a position of the header ('van' for 'begintijd'). */
  private columnName(position: number): string {
    const found = (Object.keys(this.col) as UrenColumn[]).find((c) => this.col[c] === position);
    return found ?? (position >= 0 ? (this.header[position] ?? 'blad') : 'blad');
  }

  add(batch: readonly CsvRow[]): void {
    // Locals for what every line touches: this loop runs a million times.
    const { col, ref, result, header, date, start, end } = this;
    const { fouten, rows, gastouders, kinderen, koppelingen } = result;
    const { today, maand: maandOption } = this.options;
    let maand = result.maand;
    let currentLine = 0;
    const err = (veld: string, melding: string) => fouten.push({ regel: currentLine, veld, melding });
    // A file lists a child's lines together: what the previous line looked up for the same codes
    // is reused (a third of the parse was Map lookups of the same codes, line after line).
    let lastG: string | undefined;
    let lastGastouder: ReturnType<typeof ref.gastouders.get>;
    let lastK: string | undefined;
    let lastKind: ReturnType<typeof ref.kinderen.get>;
    let pairG: string | undefined;
    let pairK: string | undefined;
    let pairList: UrenKoppeling[] | undefined;
    let idG: string | undefined;
    let idGastouder = -1;
    let idK: string | undefined;
    let idKind = -1;
    let lastKoppeling: UrenKoppeling | undefined;
    let idKoppeling = -1;
    for (const { line, cells, fout, cellErrors } of batch) {
      currentLine = line;
      // A row with nothing but the gastouder's code is a spare row of the template (§12): empty.
      if (!fout && !cellErrors && cells.every((cell, i) => i === col.gastouder || cell.trim() === '')) continue;
      result.rijen++;
      if (cellErrors) {
        // An .xlsx cell without a value to read (a formula, say): its column named, the row left out.
        for (const e of cellErrors) err(this.columnName(e.column), e.melding);
        continue;
      }
      if (fout !== undefined) {
        err('csv', fout);
        continue;
      }
      if (cells.length !== header.length) {
        err(
          'csv',
          `${aantal(cells.length, 'cel', 'cellen')}, maar de kopregel heeft ${aantal(header.length, 'kolom', 'kolommen')}; controleer het scheidingsteken en de aanhalingstekens`,
        );
        continue;
      }
      const before = fouten.length;
      const gCode = cells[col.gastouder]!.trim();
      const kCode = cells[col.kind]!.trim();
      if (gCode !== lastG) {
        lastG = gCode;
        lastGastouder = ref.gastouders.get(gCode);
      }
      const g = lastGastouder;
      // A second header (two files pasted together) only needs looking for when the code is unknown.
      if (!g && cells.map(normalizeHeader).join('|') === this.headerKey) {
        err('csv', 'nog een kopregel midden in het bestand (twee bestanden aan elkaar geplakt?); haal die regel weg');
        continue;
      }
      if (kCode !== lastK) {
        lastK = kCode;
        lastKind = ref.kinderen.get(kCode);
      }
      const k = lastKind;
      if (gCode === '') err('gastouder', 'ontbreekt');
      else if (!g)
        err(
          'gastouder',
          `onbekende gastouder-code '${gCode}'${ref.kinderen.has(gCode) ? ' (dat is een kind: zijn de kolommen gastouder en kind verwisseld?)' : ''}`,
        );
      if (kCode === '') err('kind', 'ontbreekt');
      else if (!k)
        err(
          'kind',
          `onbekende kind-code '${kCode}'${ref.gastouders.has(kCode) ? ' (dat is een gastouder: zijn de kolommen gastouder en kind verwisseld?)' : ''}`,
        );
      const parsed = date(cells[col.datum]!.trim());
      const datum = parsed instanceof ValueError ? parsed : parsed.datum;
      if (datum instanceof ValueError) err('datum', datum.message);
      else {
        if (maand === undefined) result.maand = maand = monthOf(datum);
        if (!datum.startsWith(maand)) {
          err(
            'datum',
            `${datum} hoort niet bij de maand ${maand}; één maand per import${maandOption ? ' (--maand)' : ' (de maand van de eerste rij)'}`,
          );
        } else if (datum > today) err('datum', `${datum} ligt na vandaag (${today}); uren komen pas binnen als ze gewerkt zijn`);
      }
      const van = start(cells[col.van]!.trim());
      const tot = end(cells[col.tot]!.trim());
      if (van instanceof ValueError) err('van', van.message);
      if (tot instanceof ValueError) err('tot', tot.message);
      if (typeof van === 'number' && typeof tot === 'number' && van >= tot) {
        err('tot', `de eindtijd ${minutesToTime(tot)} moet na de begintijd ${minutesToTime(van)} liggen`);
      }
      // `list --csv` writes an opmerking like '=…' with an apostrophe in front (CONTRACT §1); it goes again here.
      let opmerking = col.opmerking >= 0 ? unescapeCell(cells[col.opmerking]!) : '';
      if (opmerking !== '') {
        try {
          opmerking = parseOpmerking(opmerking);
        } catch (error) {
          if (!(error instanceof ValueError)) throw error;
          err('opmerking', error.message);
        }
      }
      if (fouten.length > before || typeof datum !== 'string' || typeof van !== 'number' || typeof tot !== 'number') continue;
      if (gCode !== pairG || kCode !== pairK) {
        pairG = gCode;
        pairK = kCode;
        pairList = ref.koppelingen.get(kCode)?.get(gCode);
      }
      const koppeling = koppelingIn(pairList, datum);
      if (!koppeling) {
        err('kind', geenKoppeling(ref, kCode, gCode, datum));
        continue;
      }
      // Ids only for rows that are kept (see the class comment): taken here, cached like the lookups.
      if (gCode !== idG) {
        idG = gCode;
        idGastouder = gastouders.id(gCode);
      }
      if (kCode !== idK) {
        idK = kCode;
        idKind = kinderen.id(kCode);
      }
      if (koppeling !== lastKoppeling) {
        lastKoppeling = koppeling;
        idKoppeling = koppelingen.id(koppeling.code);
      }
      rows.add(idGastouder, idKind, idKoppeling, (parsed as { day: number }).day, van, tot, line, opmerking);
    }
  }
}
