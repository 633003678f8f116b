// The embedded fonts of every PDF: DejaVu Sans and Sans Bold, which have every Latin letter
// (Şahin Yılmaz, Łukasz Wałęsa) and €. Parsed once per process and handed to pdfkit as fontkit
// fonts: parsing the 700 kB font for every document was most of the time of a PDF.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { create } from 'fontkit';
import { reserveGlyphs, textAt, widthOf } from './text.js';

const require = createRequire(import.meta.url);
const cache = new Map<string, unknown>();

interface LayoutFont {
  getGlyph(id: number): object;
}

/**
 * Embedding a font subset decodes every glyph it uses, again for every document. A glyph's
 * outline never changes, so decode each glyph once per process. (fontkit keeps glyph objects per
 * font but not their decoded outlines.)
 */
function memoizeGlyphDecode(font: LayoutFont): void {
  const proto = Object.getPrototypeOf(font.getGlyph(0)) as { _decode?: () => unknown; __gobMemo?: boolean };
  if (!proto._decode || proto.__gobMemo) return;
  const decode = proto._decode;
  const decoded = new WeakMap<object, unknown>();
  proto._decode = function (this: object) {
    if (!decoded.has(this)) decoded.set(this, decode.call(this));
    return decoded.get(this);
  };
  proto.__gobMemo = true;
}

/**
 * fontkit caches a glyph object with the code points of its first request, and hands that one
 * out for every later request. So the code points (which become the PDF's ToUnicode map) depended
 * on what an earlier document in the same process asked for: a font subset asks for the glyphs
 * accented letters are made of without code points (ï is built from ı), after which "Yılmaz"
 * extracted as "Y lmaz"; the ligature fi written as ﬁ in one document made "Sofie" extract as
 * "Soﬁe" in the next. Every request that names code points gets a glyph with exactly those.
 */
function keepCodePoints(font: object): void {
  const f = font as { getGlyph(id: number, characters?: number[]): { codePoints: number[] } | null };
  const get = f.getGlyph.bind(f);
  f.getGlyph = (id, characters = []) => {
    const glyph = get(id, characters);
    if (!glyph || characters.length === 0 || sameCodePoints(glyph.codePoints, characters)) return glyph;
    if (glyph.codePoints.length === 0) {
      glyph.codePoints = characters;
      return glyph;
    }
    // The cached glyph (outline, metrics) with this request's code points.
    const view = Object.create(glyph) as { codePoints: number[] };
    view.codePoints = characters;
    return view;
  };
}

function sameCodePoints(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

function load(file: string): unknown {
  let font = cache.get(file) as LayoutFont | undefined;
  if (!font) {
    font = create(fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as LayoutFont;
    keepCodePoints(font);
    memoizeGlyphDecode(font);
    cache.set(file, font);
  }
  return font;
}

export const fonts = {
  regular: () => load('DejaVuSans.ttf'),
  bold: () => load('DejaVuSans-Bold.ttf'),
};

/**
 * The characters every document's font subsets start with, in this order: ASCII, € and the
 * punctuation gob writes, and the accented letters of most Dutch names. With the same glyphs in
 * the same order most documents have byte-identical font subsets, so a subset is built and
 * compressed once per process instead of once per document (that was half of a PDF's time; it
 * costs ~13 kB more per file). A name with other letters (Łukasz, Yılmaz) adds its glyphs after
 * these, and that document gets a subset of its own.
 */
const COMMON = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '€·–’éèëïöüáàçóúñ'].join('');

interface Subset {
  glyphs: number[];
  encode(): Uint8Array;
}
interface EmbeddedFont {
  name: string;
  subset: Subset;
  document: { ref(data?: object): { compress: boolean; data: Record<string, unknown> } };
  embed(): unknown;
}
/** Font files by font and glyph list, already compressed. */
const fontFiles = new Map<string, Uint8Array>();
const FONT_FILE_CACHE_LIMIT = 64;

/**
 * Make the font file of `font` come from the cache: its subset's encoding is the compressed
 * font file, and the stream pdfkit makes for it (the first object its embed() creates) is marked
 * as already compressed. Checked by the tests with qpdf --check and pdftotext on every PDF kind.
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
 * Start a document with gob's fonts: registered as 'regular' and 'bold', each with the common
 * glyphs reserved and its font file shared across documents. The document must have been made
 * with `font: null` (no Helvetica) so that 'regular' and 'bold' stay cached in it.
 */
export function useFonts(pdf: PDFKit.PDFDocument): void {
  pdf.registerFont('regular', fonts.regular() as never);
  pdf.registerFont('bold', fonts.bold() as never);
  for (const name of ['bold', 'regular'] as const) {
    pdf.font(name);
    shareFontFile((pdf as unknown as { _font: EmbeddedFont })._font);
    reserveGlyphs(pdf, COMMON);
  }
}

/**
 * 'label · pagina 1 van 3' centred at the foot of every page, once the number of pages is known
 * (the document must be made with bufferPages). Shared by every PDF gob writes.
 */
export function numberPages(pdf: PDFKit.PDFDocument, label: string, y: number): void {
  const range = pdf.bufferedPageRange();
  const width = pdf.page.width;
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    // Writing in the bottom margin must not start a new page.
    pdf.page.margins.bottom = 0;
    pdf.font('regular').fontSize(8);
    const footer = `${label} · pagina ${i + 1} van ${range.count}`;
    textAt(pdf, footer, (width - widthOf(pdf, footer)) / 2, y);
  }
}
