// Single-line text straight into the page's content stream. pdfkit's text() does per call what an
// invoice needs once: options, line wrapping, a save/transform/restore and eight small content
// writes, and it shapes every word again in every document. Invoices are a hundred short strings
// each, a thousand documents a month, and that was two thirds of the time of a PDF. Here a string
// is shaped once per process (with kerning, as pdfkit does) and written as one content write.
// The glyphs still go through pdfkit's embedded font (subset, widths, ToUnicode), so the PDF is
// the same as pdfkit would make it: text extracts, fonts embed, same bytes for the same input.

/** The parts of pdfkit's EmbeddedFont and PDFDocument this uses. */
interface EmbeddedFont {
  id: string;
  font: object;
  ascender: number;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}
interface Doc {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
  text(text: string, x: number, y: number, options: object): unknown;
}
interface FontkitRun {
  glyphs: { id: number; codePoints: number[]; advanceWidth: number }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}

/** A string shaped in one font, in text space units (1000 per em). */
interface Shaped {
  gids: number[];
  codePoints: number[][];
  advances: number[];
  /** After each glyph: how much the kerned advance differs from the glyph's own advance. */
  kerning: number[];
  width: number;
  /** Marks placed by offset (decomposed accents): left to pdfkit, which handles them. */
  offsets: boolean;
}

const CACHE_LIMIT = 20_000;
const shapedByFont = new WeakMap<object, Map<string, Shaped>>();

function cacheOf(font: EmbeddedFont): Map<string, Shaped> {
  let cache = shapedByFont.get(font.font);
  if (!cache) {
    cache = new Map();
    shapedByFont.set(font.font, cache);
  }
  return cache;
}

/** One word with its trailing space, shaped by fontkit (GSUB/GPOS: kerning) once per process. */
function shapeWord(font: EmbeddedFont, cache: Map<string, Shaped>, word: string): Shaped {
  let shaped = cache.get(word);
  if (shaped) return shaped;
  const run = (font.font as { layout(text: string): FontkitRun }).layout(word);
  shaped = { gids: [], codePoints: [], advances: [], kerning: [], width: 0, offsets: false };
  for (const [i, glyph] of run.glyphs.entries()) {
    const pos = run.positions[i]!;
    const advance = glyph.advanceWidth * font.scale;
    const xAdvance = pos.xAdvance * font.scale;
    shaped.gids.push(glyph.id);
    shaped.codePoints.push(glyph.codePoints);
    shaped.advances.push(advance);
    shaped.kerning.push(xAdvance - advance);
    shaped.width += xAdvance;
    if (pos.xOffset || pos.yOffset) shaped.offsets = true;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, shaped);
  return shaped;
}

/**
 * A string shaped word by word, as pdfkit does it (each word with its trailing space): names,
 * labels and amounts recur across invoices even when the whole line does not.
 */
function shape(font: EmbeddedFont, text: string): Shaped {
  const cache = cacheOf(font);
  const whole = cache.get(text);
  if (whole) return whole;
  const words = text.match(/[^ ]* ?/g)!.filter((w) => w.length > 0);
  if (words.length === 1) return shapeWord(font, cache, text);
  const shaped: Shaped = { gids: [], codePoints: [], advances: [], kerning: [], width: 0, offsets: false };
  for (const word of words) {
    const w = shapeWord(font, cache, word);
    shaped.gids.push(...w.gids);
    shaped.codePoints.push(...w.codePoints);
    shaped.advances.push(...w.advances);
    shaped.kerning.push(...w.kerning);
    shaped.width += w.width;
    shaped.offsets ||= w.offsets;
  }
  return shaped;
}

/** pdfkit's number format: at most two decimals, no exponent. */
function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** The width of `text` in the current font and size, as pdfkit's widthOfString gives it. */
export function widthOf(pdf: PDFKit.PDFDocument, text: string): number {
  const doc = pdf as unknown as Doc;
  return (shape(doc._font, text).width * doc._fontSize) / 1000;
}

/** Write `text` on one line with its top at (x, y) in pdfkit's coordinates, in the current font, size and fill colour. */
export function textAt(pdf: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  if (text.length === 0) return;
  const doc = pdf as unknown as Doc;
  const font = doc._font;
  const shaped = shape(font, text);
  if (shaped.offsets) {
    pdf.text(text, x, y, { lineBreak: false });
    return;
  }
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  const size = doc._fontSize;
  let tj = '';
  let hex = '';
  for (let i = 0; i < shaped.gids.length; i++) {
    const cid = font.subset.includeGlyph(shaped.gids[i]!);
    if (font.widths[cid] == null) font.widths[cid] = shaped.advances[i]!;
    if (font.unicode[cid] == null) font.unicode[cid] = shaped.codePoints[i]!;
    hex += cid.toString(16).padStart(4, '0');
    const kern = shaped.kerning[i]!;
    if (kern !== 0 && i < shaped.gids.length - 1) {
      tj += `<${hex}> ${num(-kern)} `;
      hex = '';
    }
  }
  tj += `<${hex}>`;
  const height = doc.page.height;
  const baseline = height - y - (font.ascender / 1000) * size;
  doc.addContent(`q 1 0 0 -1 0 ${num(height)} cm BT 1 0 0 1 ${num(x)} ${num(baseline)} Tm /${font.id} ${num(size)} Tf [${tj}] TJ ET Q`);
}

/** Right-aligned: the text ends at x + width. */
export function textRight(pdf: PDFKit.PDFDocument, text: string, x: number, width: number, y: number): void {
  textAt(pdf, text, x + width - widthOf(pdf, text), y);
}

/** Put the glyphs of `text` into the current font's subset (in order) without drawing anything. */
export function reserveGlyphs(pdf: PDFKit.PDFDocument, text: string): void {
  const font = (pdf as unknown as Doc)._font;
  for (const ch of text) {
    const shaped = shape(font, ch);
    for (let i = 0; i < shaped.gids.length; i++) {
      const cid = font.subset.includeGlyph(shaped.gids[i]!);
      if (font.widths[cid] == null) font.widths[cid] = shaped.advances[i]!;
      if (font.unicode[cid] == null) font.unicode[cid] = shaped.codePoints[i]!;
    }
  }
}

/**
 * The lines of a paragraph wrapped at spaces to `width` in the current font and size; explicit
 * newlines start a new line. (pdfkit's line wrapper also breaks at hyphens; gob's paragraphs
 * are sentences, spaces are enough.)
 */
export function wrapLines(pdf: PDFKit.PDFDocument, text: string, width: number): string[] {
  const space = widthOf(pdf, ' ');
  const lines: string[] = [];
  for (const block of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of block.split(' ')) {
      const w = widthOf(pdf, word);
      if (line && lineWidth + space + w > width) {
        lines.push(line);
        line = word;
        lineWidth = w;
      } else {
        line = line ? `${line} ${word}` : word;
        lineWidth += (lineWidth ? space : 0) + w;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The height of a paragraph's line in the current font and size, as pdfkit spaces them. */
export function lineHeight(pdf: PDFKit.PDFDocument): number {
  const doc = pdf as unknown as Doc & { _font: { lineHeight(size: number, includeGap: boolean): number } };
  return doc._font.lineHeight(doc._fontSize, true);
}

/** A wrapped paragraph, its first line's top at (x, y). Returns the y below it, as pdfkit's text() leaves `pdf.y`. */
export function paragraph(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, width: number): number {
  const height = lineHeight(pdf);
  for (const line of wrapLines(pdf, text, width)) {
    textAt(pdf, line, x, y);
    y += height;
  }
  return y;
}
