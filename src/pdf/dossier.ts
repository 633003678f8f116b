// A document of several titled tables whose cells wrap (the quality file of a gastouder, CONTRACT
// §10): a visit's note is free text of any length, so, unlike table.ts, a row is as high as its
// longest cell. Same fonts, header and page numbers as the other PDFs; same bytes for the same input.
import { numberPages, startPdf } from './fonts.js';
import { lineHeight, paragraph, textAt, textRight, widthOf, wrapLines } from './text.js';

export interface DossierSectie {
  titel: string;
  kolommen: string[];
  rijen: string[][];
  /** Shown instead of an empty table. */
  leeg: string;
}

export interface DossierDocument {
  titel: string;
  afzender: string[];
  kenmerken: [string, string][];
  secties: DossierSectie[];
  noten: string[];
}

const MARGIN = 40;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = 841.89 - MARGIN - 30;
const GAP = 8;

/** Natural widths, but when they do not fit the widest column gives way (it wraps). */
function columnWidths(pdf: PDFKit.PDFDocument, sectie: DossierSectie): number[] {
  pdf.font('bold').fontSize(8);
  const titles = sectie.kolommen.map((k) => widthOf(pdf, k));
  pdf.font('regular');
  const natural = sectie.kolommen.map((_, i) => sectie.rijen.reduce((w, r) => Math.max(w, widthOf(pdf, r[i] ?? '')), titles[i]!) + GAP);
  const total = natural.reduce((s, w) => s + w, 0);
  if (total <= WIDTH) return natural;
  const widest = natural.indexOf(Math.max(...natural));
  const rest = total - natural[widest]!;
  if (WIDTH - rest >= 120) return natural.map((w, i) => (i === widest ? WIDTH - rest : w));
  return natural.map((w) => (w * WIDTH) / total);
}

export function renderDossierPdf(doc: DossierDocument, meta: { nummer: string; datum: string }): Promise<Buffer> {
  const { pdf, done } = startPdf({ margin: MARGIN, title: doc.titel, datum: meta.datum });
  const at = (text: string, x: number, y: number) => textAt(pdf, text, x, y);

  const header = (first: boolean) => {
    pdf.font('bold').fontSize(first ? 16 : 11);
    at(first ? doc.titel : `${doc.titel} (vervolg)`, MARGIN, MARGIN);
    pdf.font('regular').fontSize(8.5);
    let y = MARGIN;
    for (const line of doc.afzender) {
      textRight(pdf, line, MARGIN + 300, WIDTH - 300, y);
      y += 11;
    }
    return Math.max(y, MARGIN + 24) + 14;
  };
  let y = header(true);
  pdf.fontSize(9);
  for (const [k, v] of doc.kenmerken) {
    pdf.font('bold');
    at(k, MARGIN, y);
    pdf.font('regular');
    at(v, MARGIN + 130, y);
    y += 12;
  }

  for (const sectie of doc.secties) {
    const widths = columnWidths(pdf, sectie);
    const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const tableHeader = (top: number) => {
      pdf.font('bold').fontSize(8);
      for (const [i, k] of sectie.kolommen.entries()) at(k, xs[i]!, top);
      pdf
        .moveTo(MARGIN, top + 12)
        .lineTo(MARGIN + WIDTH, top + 12)
        .lineWidth(0.5)
        .stroke();
      pdf.font('regular').fontSize(8);
      return top + 17;
    };
    // A section title never ends a page alone: it needs room for the header and a first row.
    if (y + 60 > BOTTOM) {
      pdf.addPage();
      y = header(false);
    }
    y += 14;
    pdf.font('bold').fontSize(11);
    at(sectie.titel, MARGIN, y);
    y += 18;
    if (sectie.rijen.length === 0) {
      pdf.font('regular').fontSize(8.5);
      at(sectie.leeg, MARGIN, y);
      y += 13;
      continue;
    }
    y = tableHeader(y);
    const height = lineHeight(pdf);
    for (const row of sectie.rijen) {
      const cells = row.map((c, i) => wrapLines(pdf, c, widths[i]! - GAP));
      const rowHeight = Math.max(...cells.map((lines) => lines.length)) * height + 3;
      if (y + rowHeight > BOTTOM) {
        pdf.addPage();
        y = tableHeader(header(false));
      }
      for (const [i, lines] of cells.entries()) for (const [n, line] of lines.entries()) at(line, xs[i]!, y + n * height);
      y += rowHeight;
    }
  }

  pdf.font('regular').fontSize(8.5);
  const noten = doc.noten.join('\n');
  if (y + 20 + wrapLines(pdf, noten, WIDTH).length * lineHeight(pdf) > BOTTOM) {
    pdf.addPage();
    y = header(false);
  }
  paragraph(pdf, noten, MARGIN, y + 16, WIDTH);
  numberPages(pdf, meta.nummer, 841.89 - MARGIN - 10);
  pdf.end();
  return done;
}
