// text.ts writes text without pdfkit's text(): its measures must agree with pdfkit's own, and its
// paragraphs must wrap within their width without losing a word.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { useFonts } from '../../src/pdf/fonts.js';
import { textAt, textsAt, widthOf, wrapLines } from '../../src/pdf/text.js';

type Internals = { _font: { unicode: number[][] } };
/** The code points a document's current font maps its glyphs to (its ToUnicode map). */
const unicode = (pdf: PDFKit.PDFDocument) => (pdf as unknown as Internals)._font.unicode.map((cps) => String.fromCodePoint(...cps));
const end = (pdf: PDFKit.PDFDocument) =>
  new Promise<void>((resolve) => {
    pdf.on('data', () => {});
    pdf.on('end', resolve);
    pdf.end();
  });

function doc() {
  const pdf = new PDFDocument({ size: 'A4', font: null as never });
  useFonts(pdf);
  return pdf;
}

describe('text.ts', () => {
  it('measures a string as pdfkit does, in both fonts and at any size', async () => {
    const pdf = doc();
    for (const [font, size] of [
      ['regular', 9.5],
      ['bold', 20],
      ['regular', 8],
    ] as const) {
      pdf.font(font).fontSize(size);
      for (const s of ['Şahin Yılmaz', '€ 1.234,56', 'Opvang Zoë Wałęsa (K0001)', 'AVAWAY To', ' ']) {
        expect(widthOf(pdf, s)).toBeCloseTo(pdf.widthOfString(s), 6);
      }
    }
  });
  it('wraps a paragraph at spaces within the width, keeping every word and the newlines', async () => {
    const pdf = doc();
    pdf.font('regular').fontSize(9);
    const text =
      'Wij schrijven € 878,45 rond de vervaldatum automatisch af van uw rekening (SEPA-incasso), onder vermelding van 2026-00002.\nVrijgesteld van btw.';
    const lines = wrapLines(pdf, text, 200);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(widthOf(pdf, line)).toBeLessThanOrEqual(200);
    expect(lines.at(-1)).toBe('Vrijgesteld van btw.');
    expect(lines.join(' ')).toBe(text.replace('\n', ' '));
  });
  it('maps glyphs to the text they stand for, whatever an earlier document asked for', async () => {
    // The ligature fi written as one character, then as two letters; a subset that pulled in the
    // ı inside ï, then ı written.
    const first = doc();
    first.font('regular').fontSize(10);
    textAt(first, 'Zoﬁa ïsje', 50, 50);
    await end(first);
    const second = doc();
    second.font('regular').fontSize(10);
    textAt(second, 'Sofieke Yılmaz', 50, 50);
    expect(unicode(second)).toContain('fi');
    expect(unicode(second)).toContain('ı');
    expect(unicode(second)).not.toContain('ﬁ');
    await end(second);
  });

  it('writes a table in one text object that extracts as written: codes escaped, numbers, right-aligned, lines kept across documents', async () => {
    // ',', 'G', 'H' and '{' have codes a literal string must escape (CR, '(', ')', '\\'); the third
    // document writes the lines the second one kept.
    const lines: [string, number, number, number?][] = [
      ['Hoi Gerrit {x}, J', 50, 50],
      ['€ 1.234,56', 50, 70, 300],
      ['januari 2026', 50, 90],
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gob-texts-'));
    for (const round of [1, 2, 3]) {
      const pdf = doc();
      const chunks: Buffer[] = [];
      pdf.on('data', (c: Buffer) => chunks.push(c));
      pdf.font('regular').fontSize(10);
      textsAt(pdf, lines);
      await end(pdf);
      const file = path.join(dir, `${round}.pdf`);
      fs.writeFileSync(file, Buffer.concat(chunks));
      const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      expect(text.split('\n').slice(0, 3)).toEqual(lines.map(([t]) => t));
      // Right-aligned: the amount ends where the longest line would, 300 points from its x.
      const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
      const xMax = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"[^>]*>1\.234,56</g)].map((m) => Number(m[1])));
      expect(xMax).toBeCloseTo(350, 0);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
