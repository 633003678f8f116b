// The one place that touches pdfkit's and fontkit's private fields and internal methods. Six
// patches below (see each one for why) make gob's PDFs about 12× faster than pdfkit's public API
// alone (bench/factuur.mjs, one thread); every one of them leans on members that pdfkit 0.20 and
// fontkit 2.0 do not promise to keep. So when the PDF code loads,
// a probe builds a tiny document through the patches and checks that every member they use is
// there and does what they expect (widths as pdfkit measures them, the font file embedded where
// the patch put it, the text mapped back to its characters). When anything is off, the patches
// stay out and the PDFs are made with pdfkit's public API only: `text()`, `widthOfString()` and
// pdfkit's own font embedding, slower but the same invoices. The probe runs once per process (and
// once per worker thread: each has its own modules).
//
// Nothing outside this file may name a member that starts with an underscore, nor `subset`,
// `widths`, `unicode`, `embed` or `ref` of a pdfkit font.
import { deflateSync, inflateSync } from 'node:zlib';
import { create } from 'fontkit';
import PDFDocument from 'pdfkit';

/** The parts of pdfkit's EmbeddedFont the patches use (pdfkit 0.20: lib/font/embedded.js). */
interface EmbeddedFont {
  id: string;
  name: string;
  font: LayoutFont;
  document: { ref(data?: object): { compress: boolean; data: Record<string, unknown> } };
  /** The font's own object (its Type0 dictionary), made when a page first uses the font. */
  dictionary: PdfRef | null;
  ascender: number;
  scale: number;
  subset: { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
  embed(): unknown;
}
/** The parts of pdfkit's PDFDocument the patches use. */
interface Doc {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  /** A string gets a line end and is turned into bytes; bytes are written as they are. */
  addContent(data: string | Uint8Array): unknown;
}
/** A PDF object of pdfkit's (PDFReference): its number, and where it starts once written. */
interface PdfRef {
  id: number;
  offset: number;
}
/** How pdfkit writes a document's objects (PDFDocument), as patch 6 uses it. */
interface Writer {
  /** Bytes written so far, and each object's start by number (null until written). */
  _offset: number;
  _offsets: (number | null)[];
  _security?: unknown;
  subset?: unknown;
  compress: boolean;
  ref(data?: object): PdfRef;
  /** Appends bytes (or a string and a line end) to the file. */
  _write(data: string | Uint8Array): void;
  /** Records a written object's offset. */
  _refEnd(ref: PdfRef): void;
  /** The stream's push, through which _write hands out every byte. */
  push(chunk: Uint8Array): boolean;
}
/** A fontkit font, as the patches use it. */
interface LayoutFont {
  layout(text: string): FontkitRun;
  getGlyph(id: number, characters?: number[]): FontkitGlyph | null;
}
interface FontkitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
interface FontkitRun {
  glyphs: FontkitGlyph[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}

const internal = (pdf: PDFKit.PDFDocument) => pdf as unknown as Doc;

// ---------------------------------------------------------------------------------------------
// Patch 1 (fontkit, per process): a glyph's outline decoded once.

type GlyphProto = { _decode?: () => unknown };
let decodePatched: { proto: GlyphProto; original: () => unknown } | null = null;
/** A shared font, to put patch 1 back on with (`useInternals(true)`). */
let decodeFont: LayoutFont | null = null;

/**
 * Embedding a font subset decodes every glyph it uses, again for every document. A glyph's
 * outline never changes, so decode each glyph once per process. (fontkit keeps glyph objects per
 * font but not their decoded outlines.) The patch is on fontkit's TrueType glyph class, so it can
 * be taken off again (`useInternals(false)`).
 */
function memoizeGlyphDecode(font: LayoutFont): void {
  decodeFont = font;
  if (decodePatched) return;
  const proto = Object.getPrototypeOf(font.getGlyph(0)) as GlyphProto;
  const original = proto._decode;
  if (typeof original !== 'function') throw new Error('fontkit: glyph._decode ontbreekt');
  const decoded = new WeakMap<object, unknown>();
  proto._decode = function (this: object) {
    if (!decoded.has(this)) decoded.set(this, original.call(this));
    return decoded.get(this);
  };
  decodePatched = { proto, original };
}

function unmemoizeGlyphDecode(): void {
  if (!decodePatched) return;
  decodePatched.proto._decode = decodePatched.original;
  decodePatched = null;
}

// ---------------------------------------------------------------------------------------------
// Patch 2 (fontkit, per font object): a glyph carries the code points it was asked for.

/**
 * fontkit caches a glyph object with the code points of its first request, and hands that one
 * out for every later request. With one parsed font shared by all documents of a process, the
 * code points (which become the PDF's ToUnicode map) depended on what an earlier document asked
 * for: a font subset asks for the glyphs accented letters are made of without code points (ï is
 * built from ı), after which "Yılmaz" extracted as "Y lmaz"; the ligature fi written as ﬁ in one
 * document made "Sofie" extract as "Soﬁe" in the next. Every request that names code points gets
 * a glyph with exactly those.
 */
function keepCodePoints(font: LayoutFont): void {
  if (typeof font.getGlyph !== 'function') throw new Error('fontkit: font.getGlyph ontbreekt');
  const get = font.getGlyph.bind(font);
  font.getGlyph = (id, characters = []) => {
    const glyph = get(id, characters);
    if (!glyph || characters.length === 0 || sameCodePoints(glyph.codePoints, characters)) return glyph;
    if (glyph.codePoints.length === 0) {
      glyph.codePoints = characters;
      return glyph;
    }
    // The cached glyph (outline, metrics) with this request's code points.
    const view = Object.create(glyph) as FontkitGlyph;
    view.codePoints = characters;
    return view;
  };
}

function sameCodePoints(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/**
 * A parsed font to share across every document of the process (parsing the 700 kB font for every
 * document was most of the time of a PDF), with patches 1 and 2.
 */
export function sharedFont(bytes: Uint8Array): object {
  const font = create(bytes as Buffer) as unknown as LayoutFont;
  keepCodePoints(font);
  memoizeGlyphDecode(font);
  return font;
}

// ---------------------------------------------------------------------------------------------
// Patch 3 (pdfkit, per document): the font file built and compressed once per process.

/** Font files by font and glyph list, already compressed. */
const fontFiles = new Map<string, Uint8Array>();
const FONT_FILE_CACHE_LIMIT = 64;

/**
 * Make the font file of the current font come from the cache: its subset's encoding is the
 * compressed font file, and the stream pdfkit makes for it (the first object its embed() creates)
 * is marked as already compressed. With the same glyphs in the same order (see `reserveGlyphs`)
 * most documents have byte-identical font subsets, so a subset is built and compressed once per
 * process instead of once per document (that was half of a PDF's time).
 */
function shareFontFile(font: EmbeddedFont): void {
  const { subset } = font;
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = `${font.name}:${subset.glyphs.join(',')}`;
    let bytes = fontFiles.get(key);
    if (!bytes) {
      if (fontFiles.size >= FONT_FILE_CACHE_LIMIT) fontFiles.clear();
      bytes = deflateSync(encode());
      fontFiles.set(key, bytes);
    }
    return bytes;
  };
  const embed = font.embed.bind(font);
  font.embed = () => {
    const doc = font.document;
    const ref = doc.ref;
    doc.ref = (data) => {
      doc.ref = ref;
      const fontFile = ref.call(doc, data);
      fontFile.compress = false;
      fontFile.data.Filter = 'FlateDecode';
      return fontFile;
    };
    try {
      return embed();
    } finally {
      doc.ref = ref;
    }
  };
}

/**
 * Start the current font of a document made with a `sharedFont`: its font file shared across
 * documents (patch 3) and `common` reserved first in its subset (patch 5), in that order; with
 * `shareObjects`, also all of its objects (patch 6), and the reserved glyphs included as the
 * first document that reserved them included them.
 */
export function prepareFont(pdf: PDFKit.PDFDocument, common: string, { shareObjects = false } = {}): void {
  const font = internal(pdf)._font;
  shareFontFile(font);
  if (shareObjects) shareFontObjects(font);
  reserveGlyphs(pdf, common, { replay: shareObjects });
  fastDocuments.add(pdf);
}

const fastDocuments = new WeakSet<PDFKit.PDFDocument>();

/** Whether `pdf` was started through the patches: its text goes through patch 4 (to its end). */
export function isFast(pdf: PDFKit.PDFDocument): boolean {
  return fastDocuments.has(pdf);
}

// ---------------------------------------------------------------------------------------------
// Patch 4 (pdfkit, per call): single-line text straight into the page's content stream.
//
// pdfkit's text() does per call what an invoice needs once: options, line wrapping, a
// save/transform/restore and eight small content writes, and it shapes every word again in every
// document. Invoices are a hundred short strings each, a thousand documents a month, and that was
// two thirds of the time of a PDF. Here a string is shaped once per process (with kerning, as
// pdfkit does) and written as one content write. The glyphs still go through pdfkit's embedded
// font (subset, widths, ToUnicode), so the PDF is the same as pdfkit would make it: text
// extracts, fonts embed, same bytes for the same input.

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
  const cached = cache.get(word);
  if (cached) return cached;
  // Numbers are not kept: most are new and would push the words fontkit shaped out of the cache
  // (a jaaropgave has a hundred), and they are quickly made again.
  const number = NUMBER_WORD.test(word) && numberWord(font, word);
  if (number) return number;
  const shaped = layoutWord(font, word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, shaped);
  return shaped;
}

function layoutWord(font: EmbeddedFont, word: string): Shaped {
  const run = font.font.layout(word);
  const shaped: Shaped = { gids: [], codePoints: [], advances: [], kerning: [], width: 0, offsets: false };
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
  return shaped;
}

// Numbers: a jaaropgave is mostly hours and amounts per month, nearly every one a word not seen
// before in the process, and fontkit's layout of a new word was a quarter of its rendering time.
// In gob's fonts no two of these characters kern or combine, so a number is its characters'
// glyphs one after the other: the same glyphs, advances and width (added up in the same order) as
// fontkit's layout gives. The same goes for a number after one capital letter, the numbers of
// documents and registry entries (J2026-00001, O000001), new in every document. That is checked
// per font (and letter and the character after it) before it is relied on (`numberGlyphs`,
// `letterGlyph`); where it does not hold, the word is shaped by fontkit like any other.

/** The characters of numbers, amounts, times and dates as gob writes them. */
const NUMBER_CHARS = [...'0123456789.,:€- \u00a0'];
/** A number, or one capital letter and a number. */
const NUMBER_WORD = /^[A-Z]?[0-9.,:€\- \u00a0]+$/;

/** One character shaped on its own, in text space units. */
interface CharGlyph {
  gid: number;
  codePoints: number[];
  advance: number;
  xAdvance: number;
}

/** Per fontkit font: its number characters' glyphs, or null when they cannot be shaped one by one. */
const numberGlyphsByFont = new WeakMap<object, Map<string, CharGlyph> | null>();
/**
 * Per fontkit font: a capital letter's glyph by the letter, and by the letter and the number
 * character after it; null where it is not one glyph or kerns or combines with that character.
 */
const letterGlyphsByFont = new WeakMap<object, Map<string, CharGlyph | null>>();

/** `ch` shaped alone: null unless it is one glyph, without offset, for exactly that character. */
function glyphAlone(font: EmbeddedFont, ch: string): CharGlyph | null {
  const run = font.font.layout(ch);
  const glyph = run.glyphs[0];
  const pos = run.positions[0];
  if (run.glyphs.length !== 1 || !glyph || !pos || pos.xOffset || pos.yOffset) return null;
  if (!sameCodePoints(glyph.codePoints, [ch.codePointAt(0)!])) return null;
  return { gid: glyph.id, codePoints: glyph.codePoints, advance: glyph.advanceWidth * font.scale, xAdvance: pos.xAdvance * font.scale };
}

/** Whether `chars` shaped together are their glyphs shaped alone: no kerning, no ligature, no offset. */
function shapesAlone(font: EmbeddedFont, chars: string[], alone: (ch: string) => CharGlyph): boolean {
  const run = font.font.layout(chars.join(''));
  return (
    run.glyphs.length === chars.length &&
    chars.every((ch, i) => {
      const glyph = run.glyphs[i]!;
      const pos = run.positions[i]!;
      const own = alone(ch);
      return (
        glyph.id === own.gid &&
        sameCodePoints(glyph.codePoints, [ch.codePointAt(0)!]) &&
        pos.xAdvance * font.scale === own.xAdvance &&
        !pos.xOffset &&
        !pos.yOffset
      );
    })
  );
}

/**
 * The font's glyphs of the number characters, checked once per font and process: each character
 * shaped alone is one glyph without offset, and a string with every ordered pair of them (each
 * also with itself) shapes to those glyphs and advances. Null when any of that fails.
 */
function numberGlyphs(font: EmbeddedFont): Map<string, CharGlyph> | null {
  const cached = numberGlyphsByFont.get(font.font);
  if (cached !== undefined) return cached;
  let glyphs: Map<string, CharGlyph> | null = new Map();
  for (const ch of NUMBER_CHARS) {
    const glyph = glyphAlone(font, ch);
    if (!glyph) {
      glyphs = null;
      break;
    }
    glyphs.set(ch, glyph);
  }
  // Every ordered pair in one string (a de Bruijn sequence: each character, then it followed by
  // each later one, and the first again at the end): one layout instead of 289.
  const chars = NUMBER_CHARS;
  const sequence = [...chars.flatMap((a, i) => [a, ...chars.slice(i + 1).flatMap((b) => [a, b])]), chars[0]!];
  const found = glyphs;
  if (found && !shapesAlone(font, sequence, (ch) => found.get(ch)!)) glyphs = null;
  numberGlyphsByFont.set(font.font, glyphs);
  return glyphs;
}

/**
 * A capital letter's glyph if it can start a number word before `next`, checked once per font,
 * letter and next character: shaped alone the letter is one glyph, and the two together shape to
 * their glyphs shaped alone. (Letters do kern with some: 'J-', 'O.', 'A:' in DejaVu Sans.)
 */
function letterGlyph(font: EmbeddedFont, letter: string, next: string, numbers: Map<string, CharGlyph>): CharGlyph | null {
  let letters = letterGlyphsByFont.get(font.font);
  if (!letters) {
    letters = new Map();
    letterGlyphsByFont.set(font.font, letters);
  }
  let glyph = letters.get(letter);
  if (glyph === undefined) {
    glyph = glyphAlone(font, letter);
    letters.set(letter, glyph);
  }
  const own = glyph;
  if (!own) return null;
  const pair = letter + next;
  let alone = letters.get(pair);
  if (alone === undefined) {
    // A pair is kept as the letter's glyph when it shapes alone, null when not.
    alone = shapesAlone(font, [letter, next], (ch) => (ch === letter ? own : numbers.get(ch)!)) ? own : null;
    letters.set(pair, alone);
  }
  return alone;
}

/** A word of number characters (maybe after a capital letter) from its characters' glyphs; null when the font needs fontkit for it. */
function numberWord(font: EmbeddedFont, word: string): Shaped | null {
  const numbers = numberGlyphs(font);
  if (!numbers) return null;
  const letter = word[0]! >= 'A' && word[0]! <= 'Z';
  const first = letter ? letterGlyph(font, word[0]!, word[1]!, numbers) : null;
  if (letter && !first) return null;
  const shaped: Shaped = { gids: [], codePoints: [], advances: [], kerning: [], width: 0, offsets: false };
  let i = 0;
  for (const ch of word) {
    const glyph = i++ === 0 && first ? first : numbers.get(ch)!;
    shaped.gids.push(glyph.gid);
    shaped.codePoints.push(glyph.codePoints);
    shaped.advances.push(glyph.advance);
    shaped.kerning.push(glyph.xAdvance - glyph.advance);
    shaped.width += glyph.xAdvance;
  }
  return shaped;
}

/** Numbers and spaces only ('€ 1.234,56'). */
const NUMBER_TEXT = /^[0-9.,:€\- \u00a0]+$/;

/**
 * Several words of number characters (an amount: '€ 1.234,56') from their glyphs in one go, as
 * `shapeWords` would put their `numberWord`s together: each word's width added up on its own and
 * then added to the total, the same sums in the same order.
 */
function numberText(font: EmbeddedFont, text: string): Shaped | null {
  const numbers = numberGlyphs(font);
  if (!numbers) return null;
  const shaped: Shaped = { gids: [], codePoints: [], advances: [], kerning: [], width: 0, offsets: false };
  let word = 0;
  for (const ch of text) {
    const glyph = numbers.get(ch)!;
    shaped.gids.push(glyph.gid);
    shaped.codePoints.push(glyph.codePoints);
    shaped.advances.push(glyph.advance);
    shaped.kerning.push(glyph.xAdvance - glyph.advance);
    word += glyph.xAdvance;
    if (ch === ' ') {
      shaped.width += word;
      word = 0;
    }
  }
  if (!text.endsWith(' ')) shaped.width += word;
  return shaped;
}

/** The string shaped last, per font: a right-aligned string is measured and then written. */
const lastShaped = new WeakMap<object, { text: string; shaped: Shaped }>();

/**
 * A string shaped word by word, as pdfkit does it (each word with its trailing space): names,
 * labels and amounts recur across invoices even when the whole line does not.
 */
function shape(font: EmbeddedFont, text: string): Shaped {
  const last = lastShaped.get(font.font);
  if (last?.text === text) return last.shaped;
  const shaped = shapeWords(font, text);
  lastShaped.set(font.font, { text, shaped });
  return shaped;
}

function shapeWords(font: EmbeddedFont, text: string): Shaped {
  const cache = cacheOf(font);
  const whole = cache.get(text);
  if (whole) return whole;
  // The words as pdfkit finds them (/[^ ]* ?/g): each up to and with its first following space.
  const space = text.indexOf(' ');
  if (space === -1 || space === text.length - 1) return shapeWord(font, cache, text);
  if (NUMBER_TEXT.test(text)) {
    const number = numberText(font, text);
    if (number) return number;
  }
  const shaped: Shaped = { gids: [], codePoints: [], advances: [], kerning: [], width: 0, offsets: false };
  for (let start = 0; start < text.length; ) {
    const next = text.indexOf(' ', start);
    const end = next === -1 ? text.length : next + 1;
    const w = shapeWord(font, cache, text.slice(start, end));
    for (let i = 0; i < w.gids.length; i++) {
      shaped.gids.push(w.gids[i]!);
      shaped.codePoints.push(w.codePoints[i]!);
      shaped.advances.push(w.advances[i]!);
      shaped.kerning.push(w.kerning[i]!);
    }
    shaped.width += w.width;
    shaped.offsets ||= w.offsets;
    start = end;
  }
  return shaped;
}

/** Numbers as written, by value: the same places and sizes recur in every document. */
const written = new Map<number, string>();

/** pdfkit's number format: at most two decimals, no exponent. */
function num(v: number): string {
  let s = written.get(v);
  if (s === undefined) {
    const r = Math.round(v * 100) / 100;
    s = Object.is(r, -0) ? '0' : String(r);
    if (written.size >= CACHE_LIMIT) written.clear();
    written.set(v, s);
  }
  return s;
}

/** Glyph `i` of `shaped` in the font's subset, with its width and code points for the PDF. */
function include(font: EmbeddedFont, shaped: Shaped, i: number): number {
  const cid = font.subset.includeGlyph(shaped.gids[i]!);
  if (font.widths[cid] == null) font.widths[cid] = shaped.advances[i]!;
  if (font.unicode[cid] == null) font.unicode[cid] = shaped.codePoints[i]!;
  return cid;
}

/** Per document font: the code in its content of each glyph already in its subset, in hex and as literal bytes. */
const codesByFont = new WeakMap<EmbeddedFont, { hex: Map<number, string>; literal: Map<number, string> }>();

/**
 * Glyph `i` of `shaped` as it is written in the content: its place in the subset in four hex
 * digits, or as two literal bytes. A glyph already included gets the code it got the first time
 * (its width and code points are only ever set the first time), without asking the subset again.
 */
function codeOf(font: EmbeddedFont, shaped: Shaped, i: number, literal: boolean): string {
  let codes = codesByFont.get(font);
  if (!codes) {
    codes = { hex: new Map(), literal: new Map() };
    codesByFont.set(font, codes);
  }
  const byGid = literal ? codes.literal : codes.hex;
  const gid = shaped.gids[i]!;
  let code = byGid.get(gid);
  if (code === undefined) {
    const cid = include(font, shaped, i);
    code = literal ? literalBytes(cid) : cid.toString(16).padStart(4, '0');
    byGid.set(gid, code);
  }
  return code;
}

/** A glyph code as the two bytes of a literal string: ( ) \\ escaped, and CR, which would be read as LF. */
function literalBytes(cid: number): string {
  let bytes = '';
  for (const b of [cid >> 8, cid & 0xff]) {
    bytes += b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0d ? '\\r' : String.fromCharCode(b);
  }
  return bytes;
}

/** The width of `text` in the current font and size, as pdfkit's widthOfString gives it. */
export function fastWidthOf(pdf: PDFKit.PDFDocument, text: string): number {
  const doc = internal(pdf);
  return (shape(doc._font, text).width * doc._fontSize) / 1000;
}

/**
 * Write `text` on one line with its top at (x, y), in the current font, size and fill colour.
 * False when it was not written: text with marks placed by offset is for pdfkit's text().
 */
export function fastTextAt(pdf: PDFKit.PDFDocument, text: string, x: number, y: number): boolean {
  const doc = internal(pdf);
  const font = doc._font;
  const line = lineOf(font, text);
  if (!line) return false;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  const size = doc._fontSize;
  const height = doc.page.height;
  const baseline = height - y - (font.ascender / 1000) * size;
  const content = `q 1 0 0 -1 0 ${num(height)} cm BT 1 0 0 1 ${num(x)} ${num(baseline)} Tm /${font.id} ${num(size)} Tf [${operandOf(font, line, false)}] TJ ET Q\n`;
  // As bytes, with the line end pdfkit adds to a string: pdfkit turns a string into bytes one
  // character at a time in JavaScript, which was a tenth of the time of a text-heavy PDF.
  doc.addContent(Buffer.from(content, 'latin1'));
  return true;
}

/** The operand of TJ for `shaped`: its glyphs in hex (or literal strings), kerned where fontkit kerned them. */
function tjOf(font: EmbeddedFont, shaped: Shaped, literal = false): string {
  const open = literal ? '(' : '<';
  const close = literal ? ')' : '>';
  let tj = '';
  let codes = '';
  for (let i = 0; i < shaped.gids.length; i++) {
    codes += codeOf(font, shaped, i, literal);
    const kern = shaped.kerning[i]!;
    if (kern !== 0 && i < shaped.gids.length - 1) {
      tj += `${open}${codes}${close} ${num(-kern)} `;
      codes = '';
    }
  }
  return `${tj}${open}${codes}${close}`;
}

/** The operand of TJ for `line` in `font`, in hex or with literal strings, made once per line. */
function operandOf(font: EmbeddedFont, line: Line, literal: boolean): string {
  if (line.number !== undefined) return numberOperand(font, line.number, literal);
  if (literal) {
    line.literal ??= tjOf(font, line.shaped!, true);
    return line.literal;
  }
  line.tj ??= tjOf(font, line.shaped!);
  return line.tj;
}

/**
 * Write several single lines in the current font, size and fill colour, each with its top at its
 * (x, y), as one text object: the same glyphs at the same places as `fastTextAt` one by one, in
 * a fraction of the content (a table of a hundred cells was a hundred text objects). A line with
 * a fourth number is right-aligned: it ends at x + that width (as `textRight`), measured from the
 * same shaping it is written with. False, and nothing written, when one of them has marks placed
 * by offset, or is wider than `within` (when given).
 *
 * The glyphs are written as literal strings, two bytes a glyph instead of four hex digits: a
 * quarter less content for a jaaropgave, and compressing it takes half the time (deflate is slow
 * on long runs of hex). (Placing each line relative to the one before, Td, would save another
 * tenth, but viewers add up the offsets in floating point and draw a hair off.)
 */
export function fastTextsAt(
  pdf: PDFKit.PDFDocument,
  lines: readonly (readonly [string, number, number, number?])[],
  within?: number,
): boolean {
  const doc = internal(pdf);
  const font = doc._font;
  const size = doc._fontSize;
  const found: Line[] = [];
  for (const [text] of lines) {
    const line = lineOf(font, text);
    if (!line || (within !== undefined && (line.width * size) / 1000 > within)) return false;
    found.push(line);
  }
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  const height = doc.page.height;
  const ascent = (font.ascender / 1000) * size;
  let content = `q 1 0 0 -1 0 ${num(height)} cm BT /${font.id} ${num(size)} Tf`;
  for (const [i, [text, x, y, width]] of lines.entries()) {
    if (text.length === 0) continue;
    const line = found[i]!;
    // The same sum as `x + width - widthOf(pdf, text)`.
    const left = width === undefined ? x : x + width - (line.width * size) / 1000;
    content += ` 1 0 0 1 ${num(left)} ${num(height - y - ascent)} Tm [${operandOf(font, line, true)}] TJ`;
  }
  doc.addContent(Buffer.from(`${content} ET Q\n`, 'latin1'));
  return true;
}

// Lines written before, across documents. Every document's subsets start with the same common
// glyphs in the same order (patch 5), so those glyphs have the same codes in every document: a
// line of only those glyphs ('januari 2026', 'Totaal', a gastouder's name) is written the same in
// every document, and is shaped and turned into codes once per process instead of per document
// (a jaaropgave has twice the text of an invoice, most of it the same month names and labels).
// A number is its characters' codes one after the other (see `numberGlyphs`), without shaping.

/** A line as written: the operand of TJ and its width in text space units. */
interface Line {
  width: number;
  /** Its glyphs, to be coded when written (null for a number or a kept line). */
  shaped: Shaped | null;
  /** A number's text, coded from its characters when written. */
  number?: string;
  /** The operand of TJ in hex, and with literal strings (see `fastTextsAt`), once asked for. */
  tj?: string;
  literal?: string;
}

/** Per shared font and common text: the codes the common glyphs get, and the lines of only those glyphs. */
interface Reserved {
  common: string;
  cids: number[];
  /** The glyphs of `common`, in order, as they were included. */
  glyphs: Shaped;
  hexByGid: Map<number, string>;
  lines: Map<string, Line>;
  /** Lines seen once, not (yet) kept. */
  seen: Set<string>;
  /** The codes of the number characters (see `numberGlyphs`), or null when a number needs shaping. */
  numbers: Map<number, { hex: string; literal: string; xAdvance: number }> | null | undefined;
}

const LINE_CACHE_LIMIT = 20_000;
const reservedByFont = new WeakMap<object, Reserved[]>();
/** Per document font: its reserved glyphs, when they got the same codes as in every other document. */
const reservedOf = new WeakMap<EmbeddedFont, Reserved>();

/** `text` as written in `font`, or null when it has marks placed by offset (pdfkit's text() then). */
function lineOf(font: EmbeddedFont, text: string): Line | null {
  const reserved = reservedOf.get(font);
  if (reserved) {
    const number = numberLine(font, reserved, text);
    if (number) return number;
    const cached = reserved.lines.get(text);
    if (cached) return cached;
  }
  const shaped = shape(font, text);
  if (shaped.offsets) return null;
  const line: Line = { width: shaped.width, shaped };
  if (reserved && shaped.gids.every((gid) => reserved.hexByGid.has(gid))) {
    // Kept from its second time on: most lines seen once (names, addresses) are never seen again,
    // and keeping thousands of them made the garbage collector copy them over and over. A kept
    // line holds its codes, not its glyphs.
    if (reserved.seen.has(text)) {
      if (reserved.lines.size >= LINE_CACHE_LIMIT) reserved.lines.clear();
      const kept: Line = { width: line.width, shaped: null, tj: tjOf(font, shaped), literal: tjOf(font, shaped, true) };
      reserved.lines.set(text, kept);
      return kept;
    }
    if (reserved.seen.size >= LINE_CACHE_LIMIT) reserved.seen.clear();
    reserved.seen.add(text);
  }
  return line;
}

/**
 * A number from its characters' codes, as `numberText` shapes it (the same width, added up the
 * same way) and `tjOf` writes it (no kerning: checked per character). Null when a character is
 * not reserved or the font needs fontkit for numbers.
 */
function numberLine(font: EmbeddedFont, reserved: Reserved, text: string): Line | null {
  const numbers = numberCodes(font, reserved);
  if (!numbers || text.length === 0) return null;
  let width = 0;
  let word = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const glyph = numbers.get(code);
    if (!glyph) return null;
    word += glyph.xAdvance;
    if (code === 0x20) {
      width += word;
      word = 0;
    }
  }
  if (text.charCodeAt(text.length - 1) !== 0x20) width += word;
  return { width, shaped: null, number: text };
}

/** The number characters' codes in documents with `reserved`, by character code; null when a number needs shaping. */
function numberCodes(font: EmbeddedFont, reserved: Reserved): Reserved['numbers'] {
  if (reserved.numbers === undefined) {
    const glyphs = numberGlyphs(font);
    let numbers: Reserved['numbers'] = glyphs && new Map();
    for (const [ch, glyph] of glyphs ?? []) {
      const hex = reserved.hexByGid.get(glyph.gid);
      if (hex !== undefined && glyph.xAdvance === glyph.advance)
        numbers!.set(ch.charCodeAt(0), { hex, literal: literalBytes(Number.parseInt(hex, 16)), xAdvance: glyph.xAdvance });
    }
    if (numbers && numbers.size === 0) numbers = null;
    reserved.numbers = numbers;
  }
  return reserved.numbers;
}

/** The operand of TJ for a number line: its characters' codes, no kerning. */
function numberOperand(font: EmbeddedFont, text: string, literal: boolean): string {
  const numbers = numberCodes(font, reservedOf.get(font)!)!;
  let codes = '';
  for (let i = 0; i < text.length; i++) {
    const glyph = numbers.get(text.charCodeAt(i))!;
    codes += literal ? glyph.literal : glyph.hex;
  }
  return literal ? `(${codes})` : `<${codes}>`;
}

// ---------------------------------------------------------------------------------------------
// Patch 5 (pdfkit, per document): the common glyphs first in every subset.

/**
 * Put the glyphs of `text` into the current font's subset (in order) without drawing anything.
 * When they get the codes they got in the first document that reserved `text` in this font (they
 * do, unless something was drawn first), the document shares that one's written lines.
 */
export function reserveGlyphs(pdf: PDFKit.PDFDocument, text: string, { replay = false } = {}): void {
  const font = internal(pdf)._font;
  let all = reservedByFont.get(font.font);
  if (!all) {
    all = [];
    reservedByFont.set(font.font, all);
  }
  let reserved = all.find((r) => r.common === text);
  // With `replay` (patch 6's documents), the glyphs an earlier document reserved are included as
  // they were, without shaping `text` again: the same glyphs, widths and characters in the same order.
  if (replay && reserved) {
    const { glyphs, cids } = reserved;
    let same = true;
    for (let i = 0; i < glyphs.gids.length; i++) if (include(font, glyphs, i) !== cids[i]) same = false;
    if (same) reservedOf.set(font, reserved);
    return;
  }
  const glyphs: Shaped = { gids: [], codePoints: [], advances: [], kerning: [], width: 0, offsets: false };
  const cids: number[] = [];
  for (const ch of text) {
    const shaped = shape(font, ch);
    for (let i = 0; i < shaped.gids.length; i++) {
      glyphs.gids.push(shaped.gids[i]!);
      glyphs.codePoints.push(shaped.codePoints[i]!);
      glyphs.advances.push(shaped.advances[i]!);
      glyphs.kerning.push(0);
      cids.push(include(font, shaped, i));
    }
  }
  if (!reserved) {
    const hexByGid = new Map(glyphs.gids.map((gid, i) => [gid, cids[i]!.toString(16).padStart(4, '0')]));
    reserved = { common: text, cids, glyphs, hexByGid, lines: new Map(), seen: new Set(), numbers: undefined };
    all.push(reserved);
  } else if (!sameCodePoints(reserved.cids, cids)) return;
  reservedOf.set(font, reserved);
}

// ---------------------------------------------------------------------------------------------
// Patch 6 (pdfkit, per document, where asked): a font's objects written once per process.

/** A font's objects as pdfkit wrote them: the bytes, where each object starts in them, and what they depend on. */
interface WrittenFont {
  bytes: Buffer;
  /** Offsets in `bytes` of the objects embed() made, in order of their numbers. */
  offsets: number[];
  /** Offset in `bytes` of the font's own dictionary. */
  dictionary: number;
  glyphs: number[];
  widths: number[];
  unicode: number[][];
}

/** By font, object numbers and number of glyphs; the glyphs themselves are compared one by one. */
const writtenFonts = new Map<string, WrittenFont[]>();
let writtenFontCount = 0;
const WRITTEN_FONT_LIMIT = 64;

/** Whether `font`'s subset is the one `written` was made for: the same glyphs in the same order, with the same widths and characters. */
function sameGlyphs(font: EmbeddedFont, written: WrittenFont): boolean {
  const { glyphs } = font.subset;
  const { widths, unicode } = font;
  if (glyphs.length !== written.glyphs.length || widths.length !== written.widths.length || unicode.length !== written.unicode.length) {
    return false;
  }
  for (let i = 0; i < glyphs.length; i++) if (glyphs[i] !== written.glyphs[i]) return false;
  for (let i = 0; i < widths.length; i++) if (widths[i] !== written.widths[i]) return false;
  for (let i = 0; i < unicode.length; i++) if (!sameCodePoints(unicode[i] ?? [], written.unicode[i] ?? [])) return false;
  return true;
}

/**
 * Embedding a font writes five objects (the font file, its descriptor, the CID font with every
 * glyph's width, the ToUnicode map and the font's dictionary), and pdfkit builds, converts and
 * compresses all of them again in every document: a fifth of a jaaropgave's time. They depend only
 * on the font, the glyphs in its subset (their order, widths and characters) and the numbers the
 * objects get, and with the common glyphs reserved first (patch 5) and the same layout most
 * documents of a batch have all of those the same. So the first such document's objects are kept
 * as the bytes pdfkit wrote, and the next ones write those bytes, with their objects' offsets
 * recorded as pdfkit records them: byte for byte the file pdfkit would have written.
 */
function shareFontObjects(font: EmbeddedFont): void {
  const embed = font.embed.bind(font);
  font.embed = () => {
    const doc = font.document as unknown as Writer;
    const dictionary = font.dictionary;
    // Encryption numbers each object into its bytes, and PDF/A adds a CIDSet: left to pdfkit.
    if (!dictionary || doc._security || doc.subset) return embed();
    const first = doc._offsets.length + 1;
    const key = `${font.id} ${font.name} ${dictionary.id} ${first} ${doc.compress} ${font.subset.glyphs.length}`;
    const start = doc._offset;
    const written = writtenFonts.get(key)?.find((w) => sameGlyphs(font, w));
    if (written) {
      const refs = written.offsets.map(() => doc.ref());
      doc._write(written.bytes);
      for (const [i, ref] of refs.entries()) {
        ref.offset = start + written.offsets[i]!;
        doc._refEnd(ref);
      }
      dictionary.offset = start + written.dictionary;
      doc._refEnd(dictionary);
      return dictionary;
    }
    // What embed() depends on, as it finds it: encoding the font file adds the parts of composite
    // glyphs (ë is e and ¨) to the subset's glyphs.
    const glyphs = [...font.subset.glyphs];
    const chunks: Uint8Array[] = [];
    const push = doc.push;
    doc.push = (chunk) => {
      chunks.push(chunk);
      return push.call(doc, chunk);
    };
    let result: unknown;
    try {
      result = embed();
    } finally {
      doc.push = push;
    }
    const offsets = doc._offsets.slice(first - 1).map((offset) => (offset === null ? null : offset - start));
    const bytes = Buffer.concat(chunks);
    // Kept only when embed() wrote exactly its objects and the dictionary, each once, in these bytes.
    if (
      offsets.every((o) => o !== null && o >= 0 && o < bytes.length) &&
      doc._offset - start === bytes.length &&
      dictionary.offset - start >= 0 &&
      dictionary.offset - start < bytes.length
    ) {
      // A font's objects are some 30 kB: at most this many kept, the rest made again.
      if (++writtenFontCount > WRITTEN_FONT_LIMIT) {
        writtenFonts.clear();
        writtenFontCount = 1;
      }
      const list = writtenFonts.get(key) ?? [];
      list.push({
        bytes,
        offsets: offsets as number[],
        dictionary: dictionary.offset - start,
        glyphs,
        widths: [...font.widths],
        unicode: font.unicode.map((codePoints) => [...codePoints]),
      });
      writtenFonts.set(key, list);
    }
    return result;
  };
}

// ---------------------------------------------------------------------------------------------
// The probe and the switch.

export type ProbeResult = { ok: true } | { ok: false; reason: string };

const MEMBERS: [string, (f: EmbeddedFont, d: Doc) => unknown, string][] = [
  ['_font', (_, d) => d._font, 'object'],
  ['_fontSize', (_, d) => d._fontSize, 'number'],
  ['page.height', (_, d) => d.page?.height, 'number'],
  ['page.fonts', (_, d) => d.page?.fonts, 'object'],
  ['addContent', (_, d) => d.addContent, 'function'],
  ['_offset', (_, d) => (d as unknown as Writer)._offset, 'number'],
  ['_offsets', (_, d) => (d as unknown as Writer)._offsets, 'object'],
  ['_write', (_, d) => (d as unknown as Writer)._write, 'function'],
  ['_refEnd', (_, d) => (d as unknown as Writer)._refEnd, 'function'],
  ['push', (_, d) => (d as unknown as Writer).push, 'function'],
  ['_font.id', (f) => f.id, 'string'],
  ['_font.name', (f) => f.name, 'string'],
  ['_font.font.layout', (f) => f.font?.layout, 'function'],
  ['_font.document.ref', (f) => f.document?.ref, 'function'],
  ['_font.ascender', (f) => f.ascender, 'number'],
  ['_font.scale', (f) => f.scale, 'number'],
  ['_font.subset.glyphs', (f) => f.subset?.glyphs, 'object'],
  ['_font.subset.includeGlyph', (f) => f.subset?.includeGlyph, 'function'],
  ['_font.subset.encode', (f) => f.subset?.encode, 'function'],
  ['_font.widths', (f) => f.widths, 'object'],
  ['_font.unicode', (f) => f.unicode, 'object'],
  ['_font.ref', (f) => f.ref, 'function'],
  ['_font.embed', (f) => f.embed, 'function'],
];

/**
 * What the probe writes: every character through patch 4, measured as pdfkit measures it, and
 * reserved first (patch 5). Few glyphs: the probe's font file takes little time to build.
 */
const PROBE_TEXT = 'Factuur Zoë AVAWAY € 1.234,56';

/**
 * Check that pdfkit and fontkit have every member the patches use and that the patches work:
 * a one-line document made through all six, its widths against pdfkit's own, and its bytes read
 * back (the font file is the stream patch 3 marked, a TrueType font; the text maps back to its
 * characters; made again, its font objects from patch 6, it is the same file). `font` is the shared font to check with; `tamper` lets a test break a document
 * before the checks. Resolves to why not, rather than throwing.
 */
export async function probeInternals(font: object, tamper?: (pdf: PDFKit.PDFDocument) => void): Promise<ProbeResult> {
  try {
    // Twice, with patch 6: the second document's font objects are the first one's bytes, and
    // must make the same file as pdfkit wrote the first time (object offsets and all). Nothing
    // kept before: the first document is pdfkit's own.
    writtenFonts.clear();
    writtenFontCount = 0;
    const first = await probeDocument(font, tamper);
    if ('ok' in first) return first;
    const second = await probeDocument(font, tamper);
    if ('ok' in second) return second;
    if (!second.bytes.equals(first.bytes)) return { ok: false, reason: 'pdfkit: de gedeelde fontobjecten geven een ander bestand' };
    return readBack(first.bytes.toString('latin1'), first.fontId);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The probe's one-line document, or why it could not be made. */
async function probeDocument(
  font: object,
  tamper?: (pdf: PDFKit.PDFDocument) => void,
): Promise<{ bytes: Buffer; fontId: string } | { ok: false; reason: string }> {
  const pdf = new PDFDocument({ size: 'A4', font: null as never, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => pdf.on('end', resolve));
  pdf.registerFont('probe', font as never);
  pdf.font('probe').fontSize(10);
  tamper?.(pdf);
  const doc = internal(pdf);
  for (const [name, get, type] of MEMBERS) {
    const value = get(doc._font ?? ({} as EmbeddedFont), doc);
    if (typeof value !== type || value === null) return { ok: false, reason: `pdfkit: ${name} is geen ${type}` };
  }
  if (!Array.isArray(doc._font.subset.glyphs) || !Array.isArray(doc._font.widths) || !Array.isArray(doc._font.unicode)) {
    return { ok: false, reason: 'pdfkit: subset.glyphs, widths of unicode is geen lijst' };
  }
  if (doc._font.font !== font) return { ok: false, reason: 'pdfkit: _font.font is niet het gegeven fontkit-font' };
  prepareFont(pdf, PROBE_TEXT, { shareObjects: true });
  for (const text of [PROBE_TEXT, 'AV', ' ']) {
    if (Math.abs(fastWidthOf(pdf, text) - pdf.widthOfString(text)) > 1e-6) {
      return { ok: false, reason: `breedte van '${text}' wijkt af van pdfkit` };
    }
  }
  if (!fastTextAt(pdf, PROBE_TEXT, 50, 50)) return { ok: false, reason: 'proeftekst niet geschreven' };
  pdf.end();
  await done;
  return { bytes: Buffer.concat(chunks), fontId: doc._font.id };
}

/** The probe document's bytes: the font file, the text drawn and its ToUnicode map. */
function readBack(pdf: string, fontId: string): ProbeResult {
  const objects = new Map<string, string>();
  for (const m of pdf.matchAll(/(\d+) 0 obj\n([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  const stream = (id: string | undefined) => {
    const body = id === undefined ? undefined : objects.get(id);
    const m = body && /^([\s\S]*?)stream\n([\s\S]*)\nendstream/.exec(body);
    if (!m) return null;
    const raw = Buffer.from(m[2]!, 'latin1');
    return { dict: m[1]!, bytes: m[1]!.includes('/FlateDecode') ? inflateSync(raw) : raw };
  };
  const fontFile = stream(/\/FontFile2 (\d+) 0 R/.exec(pdf)?.[1]);
  // A TrueType font begins with its version, 1.0 or 'true' (as fontkit writes a subset).
  if (!fontFile || ![0x00010000, 0x74727565].includes(fontFile.bytes.readUInt32BE(0))) {
    return { ok: false, reason: 'pdfkit: het fontbestand is niet de stroom die de patch markeerde' };
  }
  const cmap = stream(/\/ToUnicode (\d+) 0 R/.exec(pdf)?.[1])?.bytes.toString('latin1') ?? '';
  for (const ch of 'Zoë€') {
    const hex = ch.codePointAt(0)!.toString(16).padStart(4, '0');
    if (!cmap.toLowerCase().includes(`<${hex}>`)) return { ok: false, reason: `pdfkit: ToUnicode mist '${ch}'` };
  }
  const contents = [...objects.keys()].map((id) => stream(id)?.bytes.toString('latin1') ?? '').join('\n');
  if (!new RegExp(`/${fontId} 10 Tf \\[<[0-9a-f]+>`).test(contents)) {
    return { ok: false, reason: 'pdfkit: de tekst staat niet in de pagina' };
  }
  return { ok: true };
}

let probed: ProbeResult | null = null;
let enabled = false;

/** Run the probe once for this process (the PDF code awaits it before its first document). */
export async function startInternals(font: () => object): Promise<ProbeResult> {
  if (!probed) {
    let shared: object | null = null;
    try {
      // Patches 1 and 2 go on as the font is parsed: a fontkit without their members fails here.
      shared = font();
    } catch (error) {
      probed = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    probed ??= await probeInternals(shared!);
    enabled = probed.ok;
    if (!probed.ok) unmemoizeGlyphDecode();
  }
  return probed;
}

/** The probe's verdict, once it has run. */
export function probeResult(): ProbeResult | null {
  return probed;
}

/** Whether documents are made through the patches: the probe passed and they are not switched off. */
export function internalsInUse(): boolean {
  return enabled;
}

/**
 * Switch the patches off (for the fallback's tests and the bench) or on again, which only takes
 * when the probe passed. Documents started before keep what they started with, except patch 1,
 * which is per process. Returns whether they were in use before.
 */
export function useInternals(on: boolean): boolean {
  const before = enabled;
  enabled = on && probed?.ok === true;
  if (!enabled) unmemoizeGlyphDecode();
  else if (decodeFont) memoizeGlyphDecode(decodeFont);
  return before;
}
