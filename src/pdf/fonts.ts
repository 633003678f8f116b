// The embedded fonts of every PDF: DejaVu Sans and Sans Bold, which have every Latin letter
// (Şahin Yılmaz, Łukasz Wałęsa) and €. Read once per process. Through pdfkit-internals.ts they
// are also parsed once per process and shared by every document; without it (its probe failed,
// or it is switched off) pdfkit parses and embeds them itself, per document.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { internalsInUse, prepareFont, sharedFont, startInternals } from './pdfkit-internals.js';
import { textAt, widthOf } from './text.js';

const require = createRequire(import.meta.url);
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
type Weight = keyof typeof FILES;

const bytes = new Map<Weight, Buffer>();
const shared = new Map<Weight, object>();

function fontBytes(weight: Weight): Buffer {
  let b = bytes.get(weight);
  if (!b) {
    b = fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[weight]}`));
    bytes.set(weight, b);
  }
  return b;
}

function parsed(weight: Weight): object {
  let font = shared.get(weight);
  if (!font) {
    font = sharedFont(fontBytes(weight));
    shared.set(weight, font);
  }
  return font;
}

/**
 * The characters every document's font subsets start with, in this order: ASCII, € and the
 * punctuation gob writes, and the accented letters of most Dutch names. With the same glyphs in
 * the same order most documents have byte-identical font subsets, so a subset is built and
 * compressed once per process instead of once per document (it costs ~13 kB more per file). A
 * name with other letters (Łukasz, Yılmaz) adds its glyphs after these, and that document gets a
 * subset of its own.
 */
const COMMON = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '€·–’éèëïöüáàçóúñ'].join('');

// The version probe, once per process (and worker thread), before the first document.
await startInternals(() => parsed('regular'));

/**
 * A new A4 document in gob's fonts, and its bytes once `pdf.end()` is called. No default font
 * (pdfkit would load Helvetica's metrics for every document); the creation date is the document's
 * own date, so the same document gives the same bytes.
 */
export function startPdf(opts: {
  margin: number;
  title: string;
  author?: string;
  datum: string;
  /**
   * Take from earlier documents of the process what they built (pdfkit-internals' patch 6): the
   * font objects, written from the bytes one wrote for the same glyphs, and the reserved glyphs'
   * place in the subset. The same file, made faster. Asked by the documents made by the thousand
   * (invoices and jaaropgaven); contracts, the dossier and lists are made one at a time, where
   * there is nothing earlier to take from.
   */
  shareObjects?: boolean;
}): {
  pdf: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const info: PDFKit.DocumentInfo = { Title: opts.title };
  if (opts.author !== undefined) info.Author = opts.author;
  info.CreationDate = new Date(`${opts.datum}T00:00:00Z`);
  const pdf = new PDFDocument({ size: 'A4', margin: opts.margin, bufferPages: true, font: null as never, info });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  useFonts(pdf, { shareObjects: opts.shareObjects });
  return { pdf, done };
}

/**
 * Start a document with gob's fonts, registered as 'regular' and 'bold'. The document must have
 * been made with `font: null` (no Helvetica: pdfkit would load its metrics for every document).
 */
export function useFonts(pdf: PDFKit.PDFDocument, { shareObjects = false }: { shareObjects?: boolean | undefined } = {}): void {
  const fast = internalsInUse();
  for (const weight of ['regular', 'bold'] as const) pdf.registerFont(weight, (fast ? parsed(weight) : fontBytes(weight)) as never);
  for (const weight of ['bold', 'regular'] as const) {
    pdf.font(weight);
    if (fast) prepareFont(pdf, COMMON, { shareObjects });
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
