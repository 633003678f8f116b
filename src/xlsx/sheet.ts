// The cells of a worksheet part (xl/worksheets/sheetN.xml), read from its XML text as it streams in.
//
// Why not exceljs's own worksheet reader: it runs every tag and attribute of the sheet through a
// general XML parser (saxes) and builds a Row and Cell object per cell, and that was over half the
// time of a 100,000-row import, the part that made an .xlsx import cost more than 4× the same CSV.
// A worksheet's cell data is a small, fixed grammar (ECMA-376 Part 1, §18.3.1: <row> holding <c>
// holding <f>, <v> or <is>), so this file reads that grammar and nothing else. The rest of the
// workbook (relations, styles, shared strings) is still read by exceljs; test/unit/xlsx-sheet.test.ts
// holds this reader to exceljs's results on the same workbooks.
//
// Tolerated as Excel, LibreOffice and other writers produce them: a namespace prefix on the tags
// (<x:row>), cells or rows without an r attribute (then they follow the one before), attributes in
// single quotes, self-closing empty rows and cells, rich inline text.

export type CellResult = { text: string } | { fout: string };

/** What a cell needs from the rest of the workbook. */
export interface SheetContext {
  /** The shared strings as exceljs read them: a string, or a rich-text object. */
  sharedStrings: readonly unknown[];
  /** The number format of a cell style (the s attribute), if it has one. */
  numFmt(style: number): string | undefined;
  date1904: boolean;
}

export interface SheetRow {
  row: number;
  cells: CellResult[];
}

/** exceljs's test for a date format (utils.isDateFmt), so a number cell becomes a date exactly when it did before. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** XML text to its characters: the five named entities and numeric references. */
export function xmlText(raw: string): string {
  // An XML parser reads a line end in text as \n, whatever the file holds (XML 1.0 §2.11); a
  // &#13; reference stays a CR, so this comes before the references are decoded.
  if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n');
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** A shared string as exceljs reads it: text, or rich text whose runs make the text. */
function sharedText(value: unknown, ref: string): CellResult {
  if (typeof value === 'string') return { text: value };
  const runs = (value as { richText?: { text?: string }[] } | null)?.richText;
  if (Array.isArray(runs)) return { text: runs.map((r) => r.text ?? '').join('') };
  return { fout: `cel ${ref} heeft een waarde die gob niet kan lezen; typ de waarde opnieuw in` };
}

/** A time-only number format ('h:mm', '[h]:mm:ss'), as opposed to a date format. */
function isTimeFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  // Brackets hold a colour or a locale ([Red], [$-413]), which go; but [h], [hh], [mm] and [ss]
  // are elapsed time (gob's own time cells are '[hh]:mm', so that 24:00 shows as 24:00), which stay.
  const f = numFmt.replace(/\[(?![hms]+\])[^\]]*]/gi, '').replace(/"[^"]*"/g, '');
  return /[hs]/i.test(f) && !/[dy]/i.test(f);
}

const pad = (n: number) => String(n).padStart(2, '0');
const hms = (s: number) => {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return sec === 0 ? `${pad(h)}:${pad(m)}` : `${pad(h)}:${pad(m)}:${pad(sec)}`;
};
/** Day 0 of each date system, in ms since 1970: 1899-12-30 (1900 system) and 1904-01-01. */
const DAY_ZERO = { 1900: Date.UTC(1899, 11, 30), 1904: Date.UTC(1904, 0, 1) };

/**
 * A date or time cell. Excel keeps both as a number of days since its system's day 0 (1900
 * system: day 1 is 1900-01-01); a time alone is a fraction of day 0.
 */
export function serialText(serial: number, numFmt: string | undefined, date1904: boolean, ref: string): CellResult {
  const seconds = Math.round(serial * 86_400);
  const day = Math.floor(seconds / 86_400);
  const inDay = seconds - day * 86_400;
  if (day === 0) return { text: hms(inDay) };
  // 24:00 typed in a time cell is one whole day: the end of a slot that runs to midnight.
  if (day === 1 && inDay === 0 && isTimeFormat(numFmt)) return { text: '24:00' };
  if (!date1904 && day < 367) {
    return {
      fout: `cel ${ref} is een datumcel uit 1900 (in Excel de datum 0 of een getal onder 367: meestal een lege of verkeerd opgemaakte cel); vul de echte datum of tijd in`,
    };
  }
  const d = new Date(DAY_ZERO[date1904 ? 1904 : 1900] + day * 86_400_000);
  const datum = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return { text: inDay === 0 ? datum : `${datum} ${hms(inDay)}` };
}

/** 'C12' → column 3 (1-based); null for a missing or odd reference. */
function columnOf(ref: string | undefined): number | null {
  if (!ref) return null;
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  return col > 0 ? col : null;
}

const MAX_COLUMNS = 16_384;
const P = '(?:[A-Za-z_][\\w.-]*:)?'; // an optional namespace prefix
const ROW = new RegExp(`<${P}row(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row\\s*>)`, 'g');
const CELL = new RegExp(`<${P}c(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c\\s*>)`, 'g');
const ATTR = /\s([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const FORMULA = new RegExp(`<${P}f(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${P}f>)`);
const VALUE = new RegExp(`<${P}v(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${P}v>)`);
const INLINE = new RegExp(`<${P}is(?:\\s[^>]*)?>([\\s\\S]*?)</${P}is>`);
const INLINE_T = new RegExp(`<${P}t(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g');
const END_DATA = new RegExp(`</${P}sheetData\\s*>|<${P}sheetData\\s*/>`);
const PHONETIC = new RegExp(`<${P}rPh[\\s>][\\s\\S]*?</${P}rPh>`, 'g');

function attributes(raw: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  if (raw.length === 0) return out;
  // Excel and LibreOffice write ` r="A1" s="2" t="s"`: looked up directly, it is a third of the
  // time the general pattern takes; anything else (tabs, single quotes, spaces around =) takes
  // the general pattern.
  if (!/[\t\n\r']|\s=|=\s/.test(raw)) {
    for (const name of ['r', 's', 't'] as const) {
      const at = raw.indexOf(` ${name}="`);
      if (at >= 0) out[name] = raw.slice(at + 4, raw.indexOf('"', at + 4));
    }
    return out;
  }
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(raw); m; m = ATTR.exec(raw)) {
    const name = m[1]!;
    if (name === 'r' || name === 's' || name === 't') out[name] = m[2] ?? m[3] ?? '';
  }
  return out;
}

/** One <c> element to its text, or the reason it has none. */
function cellOf(
  t: string | undefined,
  style: number,
  body: string,
  ref: string,
  ctx: SheetContext,
  cache: Map<string, CellResult>,
): CellResult {
  if (body.length === 0) return { text: '' };
  const formula = FORMULA.exec(body);
  if (formula) {
    const text = xmlText(formula[1] ?? '').trim();
    return {
      fout: `cel ${ref} bevat een formule${text ? ` (=${text})` : ''} in plaats van een ingevulde waarde; gob leest geen formules: kopieer de cel en plak haar als waarde (Plakken speciaal → Waarden), of typ de waarde in`,
    };
  }
  if (t === 'inlineStr') {
    const inline = INLINE.exec(body);
    if (!inline) return { text: '' };
    const runs = inline[1]!.replace(PHONETIC, '');
    let text = '';
    INLINE_T.lastIndex = 0;
    for (let m = INLINE_T.exec(runs); m; m = INLINE_T.exec(runs)) text += m[1] ?? '';
    return { text: xmlText(text) };
  }
  const v = VALUE.exec(body);
  if (!v) return { text: '' };
  const raw = v[1] ?? '';
  switch (t) {
    case 's': {
      const value = ctx.sharedStrings[Number.parseInt(raw, 10)];
      return value === undefined ? { text: '' } : sharedText(value, ref);
    }
    case 'str':
      return { text: xmlText(raw) };
    case 'e':
      return { fout: `cel ${ref} bevat de Excel-fout ${xmlText(raw)}; vul een geldige waarde in` };
    case 'b':
      return { text: Number.parseInt(raw, 10) !== 0 ? 'ja' : 'nee' };
    case 'd': {
      // An ISO 8601 date cell (strict Open XML, openpyxl's iso_dates): the date as typed, a time
      // only when it has one; a time alone (no date, or the date system's day 0) as a time.
      const iso = /^(?:(\d{4}-\d{2}-\d{2})T?)?(?:(\d{2}):(\d{2})(?::(\d{2}))?)?(?:\.\d+)?Z?$/.exec(raw.trim());
      if (!iso || (!iso[1] && !iso[2]))
        return { fout: `cel ${ref} heeft een datum die gob niet kan lezen (${xmlText(raw)}); typ de datum opnieuw in` };
      const [, datum, h, m, s] = iso;
      const tijd = h ? `${h}:${m}${s && s !== '00' ? `:${s}` : ''}` : '';
      const dayZero = !datum || datum === '1899-12-30' || (ctx.date1904 && datum === '1904-01-01');
      if (dayZero && tijd) return { text: tijd };
      // One whole day after day 0 is 24:00, as for a time stored as a number (read.ts dateText).
      if (datum === '1899-12-31' && tijd === '00:00') return { text: '24:00' };
      if (!tijd || (h === '00' && m === '00' && (!s || s === '00'))) return { text: datum! };
      return { text: `${datum} ${tijd}` };
    }
    default: {
      const key = `${style}|${raw}`;
      const known = cache.get(key);
      if (known) return known;
      const result = numberCell(raw, style, ref, ctx);
      if ('text' in result) {
        if (cache.size >= 10_000) cache.clear();
        cache.set(key, result);
      }
      return result;
    }
  }
}

/** A number cell (no t, or t="n"): a number, or a date or time by its style's number format. */
function numberCell(raw: string, style: number, ref: string, ctx: SheetContext): CellResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { text: '' };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { fout: `cel ${ref} heeft een getal dat gob niet kan lezen (${xmlText(raw)}); typ de waarde opnieuw in` };
  const numFmt = ctx.numFmt(style);
  if (numFmt !== undefined && isDateFmt(numFmt)) return serialText(n, numFmt, ctx.date1904, ref);
  // 15 significant digits is what Excel keeps; it drops float noise like 7.4999999999.
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
  // A number's point is never a thousands separator, but a Dutch amount reads 1.234 as one: a
  // number cell 1.234 (or 0.085) became € 1.234 (€ 85). With a comma it is the decimal it is.
  return { text: /^-?\d{1,3}\.\d{3}$/.test(text) ? text.replace('.', ',') : text };
}

/** 'A', 'B', …, 'Z', 'AA': the column letter a spreadsheet user sees (index 0 is A). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The rows of a worksheet's XML, fed in pieces as they come out of the zip. `push` returns the
 * rows completed by a piece; `end` those left when the part is done. Only <sheetData> holds rows.
 */
export class SheetScanner {
  private rest = '';
  private lastRow = 0;
  private inData = false;
  private done = false;
  /** Number cells already converted, by style and value: dates, times and hours repeat. */
  private readonly cache = new Map<string, CellResult>();

  constructor(private readonly ctx: SheetContext) {}

  push(text: string): SheetRow[] {
    let buffer = this.rest + text;
    if (!this.inData) {
      const start = buffer.search(new RegExp(`<${P}sheetData[\\s/>]`));
      if (start < 0) {
        // Keep a tail in case the tag is split between two pieces.
        this.rest = buffer.slice(-64);
        return [];
      }
      this.inData = true;
      buffer = buffer.slice(start);
    }
    if (this.done) {
      this.rest = '';
      return [];
    }
    // Up to the last tag's end in this buffer; a row it cuts in two waits for the next piece (rows).
    const cut = buffer.lastIndexOf('>') + 1;
    if (cut === 0) {
      this.rest = buffer;
      return [];
    }
    this.rest = buffer.slice(cut);
    return this.rows(buffer.slice(0, cut));
  }

  end(): SheetRow[] {
    const last = this.rest;
    this.rest = '';
    return this.inData && !this.done ? this.rows(last) : [];
  }

  private rows(text: string): SheetRow[] {
    // The sheet's data ends here; what follows (merged cells, page setup) is not data.
    const endData = text.includes('sheetData') ? text.search(END_DATA) : -1;
    if (endData >= 0) {
      text = text.slice(0, endData);
      this.done = true;
    }
    const out: SheetRow[] = [];
    ROW.lastIndex = 0;
    let consumed = 0;
    for (let m = ROW.exec(text); m; m = ROW.exec(text)) {
      consumed = ROW.lastIndex;
      const attrs = attributes(m[1]!);
      const number = attrs.r ? Number.parseInt(attrs.r, 10) : this.lastRow + 1;
      this.lastRow = number;
      const cells: CellResult[] = [];
      const body = m[2];
      if (body) {
        CELL.lastIndex = 0;
        for (let c = CELL.exec(body); c; c = CELL.exec(body)) {
          const ca = attributes(c[1]!);
          const col = columnOf(ca.r) ?? cells.length + 1;
          // Excel's last column is XFD (16,384); a larger one is a damaged file, not a row to fill.
          if (col > MAX_COLUMNS) throw new Error(`kolom van cel ${ca.r} bestaat niet`);
          while (cells.length < col - 1) cells.push({ text: '' });
          // A written cell without s has style 0: a row's style is for the cells it does not write.
          const style = ca.s !== undefined ? Number.parseInt(ca.s, 10) : 0;
          const ref = `${columnLetter(col - 1)}${number}`;
          cells[col - 1] = cellOf(ca.t, style, c[2] ?? '', ref, this.ctx, this.cache);
        }
      }
      out.push({ row: number, cells });
    }
    // A row cut off in the middle (the piece ended inside it) waits for the next piece.
    if (!this.done && consumed < text.length) {
      const tail = text.slice(consumed);
      if (new RegExp(`<${P}row[\\s/>]`).test(tail)) this.rest = tail + this.rest;
    }
    return out;
  }
}
