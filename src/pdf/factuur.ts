// The invoice as an A4 PDF, from the same FactuurDocument as `factuur show`. Long invoices break
// across pages with the header and the column titles repeated; every page is numbered. The same
// invoice always gives the same bytes: the creation date is the invoice date and pdfkit derives
// the file ID from it.
import type { FactuurDocument } from '../documents/factuur.js';
import { numberPages, startPdf } from './fonts.js';
import { lineHeight, paragraph, textAt, textRight, widthOf, wrapLines } from './text.js';

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = 841.89 - MARGIN - 30;
const COLS = { omschrijving: MARGIN, uren: MARGIN + 250, tarief: MARGIN + 315, bedrag: MARGIN + 410 };

export interface PdfMeta {
  nummer: string;
  /** JJJJ-MM-DD: the creation date written into the PDF. */
  datum: string;
}

export function renderFactuurPdf(doc: FactuurDocument, meta: PdfMeta): Promise<Buffer> {
  const { pdf, done } = startPdf({
    margin: MARGIN,
    title: `${doc.titel === 'FACTUUR' ? 'Factuur' : 'Creditfactuur'} ${meta.nummer}`,
    author: doc.afzender[0] ?? '',
    datum: meta.datum,
    shareObjects: true,
  });

  // Single lines go through text.ts (most of a PDF's time was pdfkit's text()); paragraphs that
  // wrap still use pdfkit's line wrapper.
  const font = (weight: 'regular' | 'bold') => pdf.font(weight);
  const at = (text: string, x: number, y: number) => textAt(pdf, text, x, y);
  const right = (text: string, x: number, width: number, y: number) => textRight(pdf, text, x, width, y);

  // Page header: the bureau on the right, the document title on the left.
  const header = (first: boolean) => {
    font('bold').fontSize(first ? 20 : 12);
    at(first ? doc.titel : `${doc.titel} ${meta.nummer} (vervolg)`, MARGIN, MARGIN);
    font('bold').fontSize(11);
    right(doc.afzender[0] ?? '', MARGIN + 250, WIDTH - 250, MARGIN);
    font('regular').fontSize(8.5);
    let y = MARGIN + 16;
    for (const line of first ? doc.afzender.slice(1) : doc.afzender.slice(1, 3)) {
      right(line, MARGIN + 250, WIDTH - 250, y);
      y += 11;
    }
    return y + 12;
  };
  const tableHeader = (y: number) => {
    font('bold').fontSize(9);
    at('Omschrijving', COLS.omschrijving, y);
    right('Uren', COLS.uren, 55, y);
    right('Tarief', COLS.tarief, 85, y);
    right('Bedrag', COLS.bedrag, WIDTH - (COLS.bedrag - MARGIN), y);
    pdf
      .moveTo(MARGIN, y + 13)
      .lineTo(MARGIN + WIDTH, y + 13)
      .lineWidth(0.5)
      .stroke();
    return y + 18;
  };

  let y = header(true);
  font('bold').fontSize(9);
  at('Aan', MARGIN, y);
  font('regular').fontSize(10);
  let ay = y + 12;
  for (const line of doc.aan) {
    at(line, MARGIN, ay);
    ay += 13;
  }
  let ky = y;
  pdf.fontSize(9);
  for (const [k] of doc.kenmerken) {
    font('bold');
    at(k, MARGIN + 270, ky);
    ky += 12;
  }
  ky = y;
  font('regular');
  for (const [, v] of doc.kenmerken) {
    at(v, MARGIN + 360, ky);
    ky += 12;
  }
  y = tableHeader(Math.max(ay, ky) + 20);

  for (const r of doc.regels) {
    if (y + 28 > BOTTOM) {
      pdf.addPage();
      y = tableHeader(header(false));
    }
    // A long name gets a smaller size rather than running into the hours column.
    font('regular').fontSize(9.5);
    const width = widthOf(pdf, r.omschrijving);
    if (width > 245) pdf.fontSize((9.5 * 245) / width);
    at(r.omschrijving, COLS.omschrijving, y);
    pdf.fontSize(9.5);
    right(r.uren, COLS.uren, 55, y);
    right(r.tarief, COLS.tarief, 85, y);
    right(r.bedrag, COLS.bedrag, WIDTH - (COLS.bedrag - MARGIN), y);
    pdf.fontSize(8).fillColor('#555555');
    at(r.detail, COLS.omschrijving + 8, y + 12);
    // Beside the line: the invoice whose line it corrects.
    if (r.correctieOp) right(r.correctieOp, COLS.tarief, MARGIN + WIDTH - COLS.tarief, y + 12);
    pdf.fillColor('black');
    y += 27;
  }
  if (y + 120 > BOTTOM) {
    pdf.addPage();
    y = header(false);
  }
  pdf
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + WIDTH, y)
    .lineWidth(0.5)
    .stroke();
  font('bold').fontSize(11);
  at('Totaal', COLS.omschrijving, y + 6);
  right(doc.totaal, COLS.tarief, MARGIN + WIDTH - COLS.tarief, y + 6);
  y += 30;
  font('regular').fontSize(9);
  y = paragraph(pdf, doc.btw, MARGIN, paragraph(pdf, doc.betaling, MARGIN, y, WIDTH) + 4, WIDTH) + 16;

  // The overview, its note included, stays on one page.
  pdf.font('regular').fontSize(8);
  const overzichtHoogte = 40 + 14 * doc.overzicht.length + wrapLines(pdf, doc.overzichtNoot, WIDTH).length * lineHeight(pdf);
  if (y + overzichtHoogte > BOTTOM) {
    pdf.addPage();
    y = header(false);
  }
  font('bold').fontSize(9.5);
  y = paragraph(pdf, doc.overzichtTitel, MARGIN, y, WIDTH) + 4;
  pdf.fontSize(8.5);
  at('Kind', COLS.omschrijving, y);
  right('Uren', COLS.uren, 55, y);
  right('Kosten', COLS.tarief, 85, y);
  right('Gem. uurprijs', COLS.bedrag, WIDTH - (COLS.bedrag - MARGIN), y);
  y += 13;
  font('regular');
  for (const o of doc.overzicht) {
    at(o.kind, COLS.omschrijving, y);
    right(o.uren, COLS.uren, 55, y);
    right(o.kosten, COLS.tarief, 85, y);
    right(o.uurprijs, COLS.bedrag, WIDTH - (COLS.bedrag - MARGIN), y);
    y += 13;
  }
  pdf.fontSize(8).fillColor('#555555');
  paragraph(pdf, doc.overzichtNoot, MARGIN, y + 4, WIDTH);
  pdf.fillColor('black');

  numberPages(pdf, meta.nummer, 841.89 - MARGIN - 10);
  pdf.end();
  return done;
}
