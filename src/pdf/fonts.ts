// The embedded fonts of every PDF: DejaVu Sans and Sans Bold, which have every Latin letter
// (Şahin Yılmaz, Łukasz Wałęsa) and €. Parsed once per process and handed to pdfkit as fontkit
// fonts: parsing the 700 kB font for every document was most of the time of a PDF.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'fontkit';

const require = createRequire(import.meta.url);
const cache = new Map<string, unknown>();

interface LayoutFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): { positions: object[] };
  getGlyph(id: number): object;
}

const LAYOUT_CACHE_LIMIT = 20_000;

/**
 * Shaping a word (GSUB/GPOS lookups) was a third of a PDF's time, and invoices repeat the same
 * words: remember each word's glyph run across documents (pdfkit keeps such a cache too, but per
 * document). Cached runs are handed out as copies, since pdfkit scales a run's positions in place.
 * Only plain calls (no explicit features) are cached.
 */
function memoizeLayout(font: LayoutFont): void {
  const original = font.layout.bind(font);
  const runs = new Map<string, { positions: object[] }>();
  font.layout = (text, features, ...rest) => {
    if (features !== undefined || rest.length > 0) return original(text, features, ...rest);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_CACHE_LIMIT) runs.clear();
      run = original(text);
      runs.set(text, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run)) as object, run) as { positions: object[] };
    copy.positions = run.positions.map((p) => ({ ...p }));
    return copy;
  };
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

function load(file: string): unknown {
  let font = cache.get(file) as LayoutFont | undefined;
  if (!font) {
    font = create(fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as LayoutFont;
    memoizeLayout(font);
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
    pdf.text(footer, (width - pdf.widthOfString(footer)) / 2, y, { lineBreak: false });
  }
}
