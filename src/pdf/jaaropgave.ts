// The jaaropgave as an A4 PDF, from the same JaaropgaveDocument as `jaaropgave show`, in the
// invoice's style (header, afzender, addressee and details as src/pdf/factuur.ts). The month
// tables of the kind × gastouder lines stand two side by side, so that an ouder with up to four
// lines (two children at two gastouders, twelve months each) gets one page; more lines continue on
// the next page with the header repeated, and a table never breaks across pages. Same bytes for
// the same jaaropgave: the creation date is the jaaropgave's date.
import type { JaaropgaveDocument } from '../documents/jaaropgave.js';
import type { PdfMeta } from './factuur.js';
import { numberPages, startPdf } from './fonts.js';
import { isFast } from './pdfkit-internals.js';
import { lineHeight, textAt, textRight, textsAt, textsWithin, widthOf, wrapLines } from './text.js';

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = 841.89 - MARGIN - 30;
const GAP = 22;
const COLUMN = (WIDTH - GAP) / 2;
const ROW = 11;

type Blok = JaaropgaveDocument['blokken'][number];

/**
 * The notes wrapped to the page's width in regular 8.5 pt, once per process and text: every
 * jaaropgave of a year has the same notes. Kept apart with and without pdfkit-internals, which
 * measure each in their own way.
 */
const gewikkeld = new Map<string, string[]>();
function notenRegels(pdf: PDFKit.PDFDocument, noten: string): string[] {
  const key = `${isFast(pdf)}|${noten}`;
  let regels = gewikkeld.get(key);
  if (!regels) {
    regels = wrapLines(pdf, noten, WIDTH);
    if (gewikkeld.size >= 16) gewikkeld.clear();
    gewikkeld.set(key, regels);
  }
  return regels;
}

/** Its height on the page: three lines of heading, the column titles, a row per month, total and average. */
const blokHoogte = (b: Blok) => 13 + 11 + 11 + 15 + b.maanden.length * ROW + 4 + 2 * ROW + 16;

export function renderJaaropgavePdf(doc: JaaropgaveDocument, meta: PdfMeta): Promise<Buffer> {
  const { pdf, done } = startPdf({
    margin: MARGIN,
    title: `Jaaropgave ${meta.nummer}`,
    author: doc.afzender[0] ?? '',
    datum: meta.datum,
    shareObjects: true,
  });

  const font = (weight: 'regular' | 'bold') => pdf.font(weight);
  const at = (text: string, x: number, y: number) => textAt(pdf, text, x, y);
  const right = (text: string, x: number, width: number, y: number) => textRight(pdf, text, x, width, y);
  /** A single line in at most `width`: a long name gets a smaller size rather than running into the next column. */
  const fitted = (text: string, x: number, y: number, width: number, size: number) => {
    pdf.fontSize(size);
    const w = widthOf(pdf, text);
    if (w > width) pdf.fontSize((size * width) / w);
    at(text, x, y);
    pdf.fontSize(size);
  };
  /** `fitted` for several lines at one size: in one text object when all fit, else one by one. */
  const fittedAll = (lines: [string, number, number][], width: number, size: number) => {
    pdf.fontSize(size);
    if (!textsWithin(pdf, lines, width)) for (const [text, x, y] of lines) fitted(text, x, y, width, size);
  };
  const rule = (x: number, y: number, width: number) =>
    pdf
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.5)
      .stroke();

  // Page header: the bureau on the right, the document title on the left (as on the invoice).
  // The title gets the room the bureau's name leaves, at the largest half point up to 16 that fits
  // (a size in between would place its words a hair differently with and without pdfkit-internals).
  font('bold').fontSize(11);
  const titleRoom = WIDTH - widthOf(pdf, doc.afzender[0] ?? '') - 16;
  const titleSize = (title: string, max: number) => {
    pdf.fontSize(10);
    return Math.max(6, Math.min(max, Math.floor((2 * titleRoom * 10) / widthOf(pdf, title)) / 2));
  };
  const header = (first: boolean) => {
    const title = first ? doc.titel : `${doc.titel} ${meta.nummer} (vervolg)`;
    font('bold').fontSize(titleSize(title, first ? 16 : 11));
    at(title, MARGIN, MARGIN);
    font('bold').fontSize(11);
    right(doc.afzender[0] ?? '', MARGIN + 250, WIDTH - 250, MARGIN);
    font('regular').fontSize(8.5);
    let y = MARGIN + 16;
    const lines: [string, number, number, number][] = [];
    for (const line of first ? doc.afzender.slice(1) : doc.afzender.slice(1, 3)) {
      lines.push([line, MARGIN + 250, y, WIDTH - 250]);
      y += 11;
    }
    textsAt(pdf, lines);
    return y + 12;
  };

  let y = header(true);
  font('bold').fontSize(9);
  at('Aan', MARGIN, y);
  font('regular').fontSize(10);
  let ay = y + 12;
  const aan: [string, number, number][] = [];
  for (const line of doc.aan) {
    aan.push([line, MARGIN, ay]);
    ay += 13;
  }
  textsAt(pdf, aan);
  const ky = y + doc.kenmerken.length * 12;
  font('bold').fontSize(9);
  textsAt(
    pdf,
    doc.kenmerken.map(([k], i) => [k, MARGIN + 270, y + i * 12] as [string, number, number]),
  );
  font('regular');
  fittedAll(
    doc.kenmerken.map(([, v], i) => [v, MARGIN + 345, y + i * 12] as [string, number, number]),
    WIDTH - 345,
    9,
  );
  y = Math.max(ay, ky) + 14;

  // Ouder and toeslagpartner: name, date of birth, BSN in full.
  const py = (i: number) => y + i * 13;
  font('bold').fontSize(9);
  textsAt(
    pdf,
    doc.personen.map((p, i) => [p.rol, MARGIN, py(i)] as [string, number, number]),
  );
  font('regular');
  fittedAll(
    doc.personen.map((p, i) => [p.naam, MARGIN + 85, py(i)] as [string, number, number]),
    160,
    9,
  );
  textsAt(
    pdf,
    doc.personen.flatMap((p, i) => [
      [`geboren ${p.geboortedatum}`, MARGIN + 250, py(i)] as [string, number, number],
      [`BSN ${p.bsn}`, MARGIN + 390, py(i)] as [string, number, number],
    ]),
  );
  y = py(doc.personen.length) + 12;

  const blok = (b: Blok, x: number, top: number) => {
    let by = top;
    font('bold');
    fitted(b.kind, x, by, COLUMN, 9.5);
    by += 13;
    font('regular');
    fittedAll(
      [
        [b.kindGegevens, x, by],
        [b.gastouder, x, by + 11],
      ],
      COLUMN,
      8,
    );
    by += 25;
    font('bold').fontSize(8);
    textsAt(pdf, [
      ['Maand', x, by],
      ['Uren', x, by, 140],
      ['Bedrag', x, by, COLUMN],
    ]);
    rule(x, by + 11, COLUMN);
    by += 15;
    font('regular');
    // The months' cells as one text object: a hundred cells a page were most of its content.
    const cells: [string, number, number, number?][] = [];
    for (const m of b.maanden) {
      cells.push([m.maand, x, by], [m.uren, x, by, 140], [m.bedrag, x, by, COLUMN]);
      by += ROW;
    }
    textsAt(pdf, cells);
    rule(x, by, COLUMN);
    by += 4;
    font('bold');
    textsAt(pdf, [
      ['Totaal', x, by],
      [b.uren, x, by, 140],
      [b.bedrag, x, by, COLUMN],
    ]);
    by += ROW;
    font('regular');
    textsAt(pdf, [
      ['Gemiddelde uurprijs', x, by],
      [b.uurprijs, x, by, COLUMN],
    ]);
  };

  for (let i = 0; i < doc.blokken.length; i += 2) {
    const pair = doc.blokken.slice(i, i + 2);
    const hoogte = Math.max(...pair.map(blokHoogte));
    if (y + hoogte > BOTTOM) {
      pdf.addPage();
      y = header(false) + 6;
    }
    for (const [j, b] of pair.entries()) blok(b, MARGIN + j * (COLUMN + GAP), y);
    y += hoogte;
  }

  // The year's total and the notes stay together, on a new page when they do not fit.
  font('regular').fontSize(8.5);
  const noten = notenRegels(pdf, doc.noten.join('\n'));
  const hoogte = lineHeight(pdf);
  if (y + 30 + noten.length * hoogte > BOTTOM) {
    pdf.addPage();
    y = header(false);
  }
  rule(MARGIN, y, WIDTH);
  font('bold').fontSize(11);
  textsAt(pdf, [
    ['Totaal van het jaar', MARGIN, y + 6],
    [doc.totaalUren, MARGIN, y + 6, 140 + COLUMN + GAP],
    [doc.totaal, MARGIN, y + 6, WIDTH],
  ]);
  font('regular').fontSize(8.5);
  textsAt(
    pdf,
    noten.map((line, i) => [line, MARGIN, y + 28 + i * hoogte] as [string, number, number]),
  );

  numberPages(pdf, meta.nummer, 841.89 - MARGIN - 10);
  pdf.end();
  return done;
}
