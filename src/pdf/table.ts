// A one-table A4 document (payout specifications): header, addressee, details, a table that
// breaks across pages with its header repeated, a total and notes. Same bytes for the same input.
import { numberPages, startPdf } from './fonts.js';
import { lineHeight, paragraph, textAt, textRight, widthOf, wrapLines } from './text.js';

export interface TableDocument {
  titel: string;
  afzender: string[];
  aan: string[];
  kenmerken: [string, string][];
  kolommen: string[];
  /** Right-aligned columns (amounts). */
  rechts: boolean[];
  rijen: string[][];
  totaal: string;
  noten: string[];
}

const MARGIN = 40;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = 841.89 - MARGIN - 30;

export function renderTablePdf(doc: TableDocument, meta: { nummer: string; datum: string }): Promise<Buffer> {
  const { pdf, done } = startPdf({ margin: MARGIN, title: doc.titel, datum: meta.datum });
  const at = (text: string, x: number, y: number) => textAt(pdf, text, x, y);
  const right = (text: string, x: number, width: number, y: number) => textRight(pdf, text, x, width, y);

  // Column widths in proportion to their longest text; the titles are bold, so measured bold
  // (measured regular, a long title ran into the next column).
  pdf.font('bold').fontSize(8);
  const titles = doc.kolommen.map((k) => widthOf(pdf, k));
  pdf.font('regular');
  const natural = doc.kolommen.map((_, i) => Math.max(titles[i]!, ...doc.rijen.map((r) => widthOf(pdf, r[i] ?? ''))) + 8);
  const scale = Math.min(1, WIDTH / natural.reduce((s, w) => s + w, 0));
  const widths = natural.map((w) => w * scale);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const header = (first: boolean) => {
    pdf.font('bold').fontSize(first ? 16 : 11);
    at(first ? doc.titel : `${doc.titel} (vervolg)`, MARGIN, MARGIN);
    pdf.font('regular').fontSize(8.5);
    let y = MARGIN;
    for (const line of doc.afzender) {
      right(line, MARGIN + 300, WIDTH - 300, y);
      y += 11;
    }
    return y + 14;
  };
  const tableHeader = (y: number) => {
    pdf.font('bold').fontSize(8);
    for (const [i, k] of doc.kolommen.entries()) {
      if (doc.rechts[i]) right(k, xs[i]!, widths[i]! - 6, y);
      else at(k, xs[i]!, y);
    }
    pdf
      .moveTo(MARGIN, y + 12)
      .lineTo(MARGIN + WIDTH, y + 12)
      .lineWidth(0.5)
      .stroke();
    return y + 17;
  };
  let y = header(true);
  pdf.font('regular').fontSize(10);
  for (const line of doc.aan) {
    at(line, MARGIN, y);
    y += 13;
  }
  y += 8;
  pdf.fontSize(9);
  for (const [k, v] of doc.kenmerken) {
    pdf.font('bold');
    at(k, MARGIN, y);
    pdf.font('regular');
    at(v, MARGIN + 100, y);
    y += 12;
  }
  y = tableHeader(y + 14);
  pdf.font('regular').fontSize(8);
  for (const row of doc.rijen) {
    if (y + 14 > BOTTOM) {
      pdf.addPage();
      y = tableHeader(header(false));
      pdf.font('regular').fontSize(8);
    }
    for (const [i, c] of row.entries()) {
      if (doc.rechts[i]) right(c, xs[i]!, widths[i]! - 6, y);
      else at(c, xs[i]!, y);
    }
    y += 13;
  }
  // The total and the notes stay together, on a new page when they do not fit.
  pdf.font('regular').fontSize(8.5);
  const noten = doc.noten.join('\n');
  if (y + 28 + wrapLines(pdf, noten, WIDTH).length * lineHeight(pdf) > BOTTOM) {
    pdf.addPage();
    y = header(false);
  }
  pdf
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + WIDTH, y)
    .lineWidth(0.5)
    .stroke();
  pdf.font('bold').fontSize(10);
  at('Totaal', MARGIN, y + 6);
  right(doc.totaal, MARGIN, WIDTH, y + 6);
  pdf.font('regular').fontSize(8.5);
  paragraph(pdf, noten, MARGIN, y + 28, WIDTH);
  numberPages(pdf, meta.nummer, 841.89 - MARGIN - 10);
  pdf.end();
  return done;
}
