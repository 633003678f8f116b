// Single-line text and paragraphs for gob's PDFs, which place every line themselves. A document
// started through pdfkit-internals.ts (see useFonts) writes its text there, shaped once per
// process and written as one content write; any other goes through pdfkit's public text() and
// widthOfString(). Both place the same glyphs at the same spots.
import { fastTextAt, fastTextsAt, fastWidthOf, isFast } from './pdfkit-internals.js';

/** The width of `text` in the current font and size, as pdfkit's widthOfString gives it. */
export function widthOf(pdf: PDFKit.PDFDocument, text: string): number {
  return isFast(pdf) ? fastWidthOf(pdf, text) : pdf.widthOfString(text);
}

/** Write `text` on one line with its top at (x, y) in pdfkit's coordinates, in the current font, size and fill colour. */
export function textAt(pdf: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  if (text.length === 0) return;
  if (isFast(pdf) && fastTextAt(pdf, text, x, y)) return;
  pdf.text(text, x, y, { lineBreak: false });
}

/**
 * Several single lines in the current font, size and fill colour, each [text, x, y] as for
 * `textAt`, or [text, x, y, width] right-aligned as for `textRight`: in one go where
 * pdfkit-internals can (a table's cells), else one by one.
 */
export function textsAt(pdf: PDFKit.PDFDocument, lines: readonly (readonly [string, number, number, number?])[]): void {
  if (isFast(pdf) && fastTextsAt(pdf, lines)) return;
  for (const [text, x, y, width] of lines) {
    if (width === undefined) textAt(pdf, text, x, y);
    else textRight(pdf, text, x, width, y);
  }
}

/**
 * `textsAt` for lines that must each fit in `width` (measured as they are written): false, and
 * nothing written, when one is wider, or cannot be written in one go; the caller then writes
 * them one by one.
 */
export function textsWithin(pdf: PDFKit.PDFDocument, lines: readonly (readonly [string, number, number])[], width: number): boolean {
  if (isFast(pdf)) return fastTextsAt(pdf, lines, width);
  if (lines.some(([text]) => widthOf(pdf, text) > width)) return false;
  textsAt(pdf, lines);
  return true;
}

/** Right-aligned: the text ends at x + width. */
export function textRight(pdf: PDFKit.PDFDocument, text: string, x: number, width: number, y: number): void {
  textAt(pdf, text, x + width - widthOf(pdf, text), y);
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
  return pdf.currentLineHeight(true);
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
