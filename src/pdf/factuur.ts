// The invoice as an A4 PDF, from the same FactuurDocument as `factuur show`. Long invoices break
// across pages with the header and the column titles repeated; every page is numbered. The same
// invoice always gives the same bytes: the creation date is the invoice date and pdfkit derives
// the file ID from it.
import PDFDocument from 'pdfkit';
import type { FactuurDocument } from '../commands/factuur/document.js';
import { fonts } from './fonts.js';

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
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${doc.titel === 'FACTUUR' ? 'Factuur' : 'Creditfactuur'} ${meta.nummer}`, Author: doc.afzender[0] ?? '', CreationDate: new Date(`${meta.datum}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.registerFont('regular', fonts.regular() as never);
  pdf.registerFont('bold', fonts.bold() as never);

  const right = (text: string, x: number, width: number, y: number) => pdf.text(text, x, y, { width, align: 'right', lineBreak: false });

  // Page header: the bureau on the right, the document title on the left.
  const header = (first: boolean) => {
    pdf.font('bold').fontSize(first ? 20 : 12).text(first ? doc.titel : `${doc.titel} ${meta.nummer} (vervolg)`, MARGIN, MARGIN, { width: 250 });
    pdf.font('bold').fontSize(11);
    right(doc.afzender[0] ?? '', MARGIN + 250, WIDTH - 250, MARGIN);
    pdf.font('regular').fontSize(8.5);
    let y = MARGIN + 16;
    for (const line of first ? doc.afzender.slice(1) : doc.afzender.slice(1, 3)) {
      right(line, MARGIN + 250, WIDTH - 250, y);
      y += 11;
    }
    return y + 12;
  };
  const tableHeader = (y: number) => {
    pdf.font('bold').fontSize(9);
    pdf.text('Omschrijving', COLS.omschrijving, y, { lineBreak: false });
    right('Uren', COLS.uren, 55, y);
    right('Tarief', COLS.tarief, 85, y);
    right('Bedrag', COLS.bedrag, WIDTH - (COLS.bedrag - MARGIN), y);
    pdf.moveTo(MARGIN, y + 13).lineTo(MARGIN + WIDTH, y + 13).lineWidth(0.5).stroke();
    return y + 18;
  };

  let y = header(true);
  pdf.font('bold').fontSize(9).text('Aan', MARGIN, y);
  pdf.font('regular').fontSize(10);
  let ay = y + 12;
  for (const line of doc.aan) {
    pdf.text(line, MARGIN, ay, { width: 250 });
    ay += 13;
  }
  let ky = y;
  pdf.fontSize(9);
  for (const [k, v] of doc.kenmerken) {
    pdf.font('bold').text(k, MARGIN + 270, ky, { width: 90, lineBreak: false });
    pdf.font('regular').text(v, MARGIN + 360, ky, { width: WIDTH - 310 });
    ky = pdf.y + 2;
  }
  y = tableHeader(Math.max(ay, ky) + 20);

  for (const r of doc.regels) {
    if (y + 28 > BOTTOM) {
      pdf.addPage();
      y = tableHeader(header(false));
    }
    pdf.font('regular').fontSize(9.5).text(r.omschrijving, COLS.omschrijving, y, { width: 245 });
    right(r.uren, COLS.uren, 55, y);
    right(r.tarief, COLS.tarief, 85, y);
    right(r.bedrag, COLS.bedrag, WIDTH - (COLS.bedrag - MARGIN), y);
    pdf.fontSize(8).fillColor('#555555').text(r.detail, COLS.omschrijving + 8, pdf.y + 1, { width: 240 }).fillColor('black');
    y = pdf.y + 5;
  }
  if (y + 120 > BOTTOM) {
    pdf.addPage();
    y = header(false);
  }
  pdf.moveTo(MARGIN, y).lineTo(MARGIN + WIDTH, y).lineWidth(0.5).stroke();
  pdf.font('bold').fontSize(11).text('Totaal', COLS.omschrijving, y + 6, { lineBreak: false });
  right(doc.totaal, COLS.tarief, MARGIN + WIDTH - COLS.tarief, y + 6);
  y += 30;
  pdf.font('regular').fontSize(9).text(doc.betaling, MARGIN, y, { width: WIDTH });
  pdf.text(doc.btw, MARGIN, pdf.y + 4, { width: WIDTH });
  y = pdf.y + 16;

  const overzichtHoogte = 40 + 14 * doc.overzicht.length;
  if (y + overzichtHoogte > BOTTOM) {
    pdf.addPage();
    y = header(false);
  }
  pdf.font('bold').fontSize(9.5).text(doc.overzichtTitel, MARGIN, y, { width: WIDTH });
  y = pdf.y + 4;
  pdf.fontSize(8.5);
  pdf.text('Kind', COLS.omschrijving, y, { lineBreak: false });
  right('Uren', COLS.uren, 55, y);
  right('Kosten', COLS.tarief, 85, y);
  right('Gem. uurprijs', COLS.bedrag, WIDTH - (COLS.bedrag - MARGIN), y);
  y += 13;
  pdf.font('regular');
  for (const o of doc.overzicht) {
    pdf.text(o.kind, COLS.omschrijving, y, { width: 245, lineBreak: false });
    right(o.uren, COLS.uren, 55, y);
    right(o.kosten, COLS.tarief, 85, y);
    right(o.uurprijs, COLS.bedrag, WIDTH - (COLS.bedrag - MARGIN), y);
    y += 13;
  }
  pdf.fontSize(8).fillColor('#555555').text(doc.overzichtNoot, MARGIN, y + 4, { width: WIDTH }).fillColor('black');

  // Page numbers, now that the number of pages is known.
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    // Writing in the bottom margin must not start a new page.
    pdf.page.margins.bottom = 0;
    pdf.font('regular').fontSize(8);
    pdf.text(`${meta.nummer} · pagina ${i + 1} van ${range.count}`, MARGIN, 841.89 - MARGIN - 10, { width: WIDTH, align: 'center', lineBreak: false });
  }
  pdf.end();
  return done;
}
