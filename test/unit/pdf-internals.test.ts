// pdfkit-internals.ts: its probe passes on the pinned pdfkit and fontkit and catches a member
// that moved, and with its patches off (the fallback: pdfkit's public text() and its own font
// embedding) invoices are as correct as with them: valid PDFs, every field extractable, the same
// text at the same places, and the same bytes for the same invoice however many came before.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderFactuurPdf } from '../../src/pdf/factuur.js';
import PDFDocument from 'pdfkit';
import { startPdf, useFonts } from '../../src/pdf/fonts.js';
import { internalsInUse, probeInternals, probeResult, sharedFont, useInternals } from '../../src/pdf/pdfkit-internals.js';
import { renderJaaropgavePdf } from '../../src/pdf/jaaropgave.js';
import { renderTablePdf } from '../../src/pdf/table.js';
import { textAt, widthOf } from '../../src/pdf/text.js';
import { DEMO_FACTUUR_1 } from '../demo.js';
import { ROOT, tempDir } from '../helpers.js';

type Factuur = Parameters<typeof renderFactuurPdf>[0];

const afzender = [
  'Gastouderbureau De Zonnebloem',
  'Stationsplein 1',
  '3511 ED Utrecht',
  'KvK 12345678',
  'LRK 987654321',
  'IBAN NL91ABNA0417164300',
];
const regel = (kind: string, uren: string, bedrag: string, correctieOp = '') => ({
  omschrijving: `Opvang ${kind}`,
  detail: 'gastouder Anna de Vries, LRK 111111111',
  uren,
  tarief: '€ 7,95 p/u',
  bedrag,
  correctieOp,
});
/** Invoice 2026-00001 of the demo bureau, as `factuur pdf` hands it to the renderer. */
function factuur(nummer: string, ouder: string, kinderen: string[], extra: Partial<Factuur> = {}): Factuur {
  return {
    titel: 'FACTUUR',
    afzender,
    aan: [ouder, 'Oudegracht 100', '3511 AB Utrecht'],
    kenmerken: [
      ['Factuurnummer', nummer],
      ['Factuurdatum', '3 november 2026'],
      ['Vervaldatum', '17 november 2026'],
      ['Periode', 'oktober 2026'],
      ['Klantnummer', 'O0001'],
    ],
    regels: [
      regel(kinderen[0]!, '70:45', '€ 562,46'),
      ...kinderen.slice(1).map((k) => regel(k, '46:00', '€ 365,70')),
      {
        omschrijving: 'Bureaukosten per maand',
        detail: 'gastouder Anna de Vries, LRK 111111111',
        uren: '',
        tarief: '€ 57,50 p/m',
        bedrag: '€ 57,50',
        correctieOp: '',
      },
    ],
    totaal: '€ 985,66',
    betaling: `Wij schrijven € 985,66 rond de vervaldatum automatisch af van uw rekening (SEPA-incasso), onder vermelding van ${nummer}.`,
    btw: 'Vrijgesteld van btw op grond van art. 11 lid 1 onderdeel w Wet OB 1968.',
    overzichtTitel: 'Voor de kinderopvangtoeslag: oktober 2026, alle facturen van de maand samen',
    overzicht: kinderen.map((kind) => ({ kind, uren: '70:45', kosten: '€ 597,30', uurprijs: '€ 8,44' })),
    overzichtNoot:
      'Maximale uurprijs gastouderopvang 2026 voor de kinderopvangtoeslag: € 8,49.\nGemiddelde uurprijs = (opvang + bureaukosten) / uren.',
    ...extra,
  };
}
const META = { nummer: '2026-00001', datum: '2026-11-03' };
const lukasz = factuur('2026-00001', 'Łukasz Wałęsa', ['Zoë Wałęsa (K0001)', 'Milan Wałęsa (K0002)']);
const sahin = factuur('2026-00002', 'Şahin Yılmaz', ['Elif Yılmaz (K0003)']);
// ﬁ as one character and a decomposed accent (a mark placed by offset): what once changed later documents.
const andere = factuur('2026-00003', 'Sofieke ﬁnke Ïsje', ['Zoe\u0308 de Vries (K0004)'], { titel: 'CREDITFACTUUR' });
// The hand-built invoice mirrors the demo's 2026-00001: the same fields, and its page footer.
const FIELDS = [...DEMO_FACTUUR_1, '2026-00001 · pagina 1 van 1'];

const dir = tempDir('gob-pdf-internals-');
afterAll(() => {
  useInternals(true);
  fs.rmSync(dir, { recursive: true, force: true });
});
function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
const pdftotext = (file: string) => spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
const qpdf = (file: string) => spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });

/** Every word of a PDF with its page and its box's top-left corner, as pdftotext reads them. */
function words(file: string): { page: number; word: string; x: number; y: number }[] {
  const html = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).stdout;
  let page = 0;
  const out: { page: number; word: string; x: number; y: number }[] = [];
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*)<\/word>/.exec(line);
    if (m) out.push({ page, word: m[3]!, x: Number(m[1]), y: Number(m[2]) });
  }
  return out;
}

/** The same words on the same pages at the same places: pdfkit's text() writes positions with a few more decimals. */
function expectSamePlaces(a: string, b: string): void {
  const [wa, wb] = [words(a), words(b)];
  expect(wa.length).toBeGreaterThan(20);
  expect(wb.map((w) => [w.page, w.word])).toEqual(wa.map((w) => [w.page, w.word]));
  for (const [i, w] of wa.entries()) {
    expect(Math.abs(wb[i]!.x - w.x), w.word).toBeLessThan(0.02);
    expect(Math.abs(wb[i]!.y - w.y), w.word).toBeLessThan(0.02);
  }
}

/** Render in the given mode, switching back afterwards. */
async function rendered(fast: boolean, render: () => Promise<Buffer>): Promise<Buffer> {
  const before = useInternals(fast);
  try {
    return await render();
  } finally {
    useInternals(before);
  }
}

describe('the version probe', () => {
  it('passes on the pinned pdfkit and fontkit, so the patches are in use', () => {
    expect(probeResult()).toEqual({ ok: true });
    expect(internalsInUse()).toBe(true);
  });

  it('finds a private member that is gone or renamed', async () => {
    const font = sharedFont(fs.readFileSync(path.join(ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf')));
    type Loose = Record<string, Record<string, unknown>>;
    const without = (reason: string) => ({ ok: false, reason: expect.stringContaining(reason) });
    expect(await probeInternals(font, (pdf) => delete (pdf as unknown as Loose)._font!.subset)).toMatchObject(without('subset'));
    expect(await probeInternals(font, (pdf) => delete (pdf as unknown as Record<string, unknown>)._fontSize)).toMatchObject(
      without('_fontSize'),
    );
    // Patch 6 writes kept font objects through these.
    expect(await probeInternals(font, (pdf) => ((pdf as unknown as Record<string, unknown>)._refEnd = undefined))).toMatchObject(
      without('_refEnd'),
    );
    expect(await probeInternals(font)).toEqual({ ok: true });
  });

  it('when it fails, the patches stay off and cannot be switched on', async () => {
    vi.resetModules();
    const fresh = await import('../../src/pdf/pdfkit-internals.js');
    const result = await fresh.startInternals(() => {
      throw new Error('fontkit: glyph._decode ontbreekt');
    });
    expect(result).toEqual({ ok: false, reason: 'fontkit: glyph._decode ontbreekt' });
    expect(fresh.internalsInUse()).toBe(false);
    fresh.useInternals(true);
    expect(fresh.internalsInUse()).toBe(false);
  });

  it('finds a patch that no longer does its work: the font file is not the first object embed() makes', async () => {
    const font = sharedFont(fs.readFileSync(path.join(ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf')));
    type Font = { document: { ref(): { end(): void } }; embed(): unknown };
    const result = await probeInternals(font, (pdf) => {
      const f = (pdf as unknown as { _font: Font })._font;
      const embed = f.embed.bind(f);
      f.embed = () => {
        f.document.ref().end();
        return embed();
      };
    });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('fontbestand') });
  });
});

describe('invoices with the patches off (the fallback)', () => {
  it('are valid PDFs with every field extractable, names in any Latin script included', async () => {
    for (const [name, doc] of [
      ['lukasz', lukasz],
      ['sahin', sahin],
      ['andere', andere],
    ] as const) {
      const file = write(`${name}-uit.pdf`, await rendered(false, () => renderFactuurPdf(doc, META)));
      const check = qpdf(file);
      expect(check.status, check.stdout + check.stderr).toBe(0);
    }
    const text = pdftotext(path.join(dir, 'lukasz-uit.pdf'));
    for (const field of FIELDS) expect(text).toContain(field);
    expect(pdftotext(path.join(dir, 'sahin-uit.pdf'))).toContain('Şahin Yılmaz');
    expect(pdftotext(path.join(dir, 'sahin-uit.pdf'))).toContain('Elif Yılmaz (K0003)');
  });

  it('put the same words at the same places as with the patches, with pdfkit embedding the font itself', async () => {
    for (const [name, doc] of [
      ['lukasz', lukasz],
      ['sahin', sahin],
      ['andere', andere],
    ] as const) {
      const aan = await rendered(true, () => renderFactuurPdf(doc, META));
      const uit = await rendered(false, () => renderFactuurPdf(doc, META));
      // Not the same bytes: without the patches the font subset holds only the glyphs used.
      expect(uit.equals(aan)).toBe(false);
      expect(uit.length).toBeLessThan(aan.length);
      expect(uit.toString('latin1')).toContain('/FontFile2');
      expectSamePlaces(write(`${name}-aan.pdf`, aan), write(`${name}-uit.pdf`, uit));
    }
  });

  it('a payout table too', async () => {
    const tabel = {
      titel: 'Uitbetalingsspecificatie',
      afzender,
      aan: ['Şahin Yılmaz', 'Kerkstraat 1'],
      kenmerken: [['Periode', 'oktober 2026']] as [string, string][],
      kolommen: ['Kind', 'Uren', 'Bedrag'],
      rechts: [false, true, true],
      rijen: Array.from({ length: 80 }, (_, i) => [`Łukasz Wałęsa ${i}`, '10:00', '€ 79,50']),
      totaal: '€ 6.360,00',
      noten: ['Uitbetaald op uw rekening.'],
    };
    const aan = await rendered(true, () => renderTablePdf(tabel, META));
    const uit = await rendered(false, () => renderTablePdf(tabel, META));
    const file = write('tabel-uit.pdf', uit);
    expect(qpdf(file).status).toBe(0);
    expectSamePlaces(write('tabel-aan.pdf', aan), file);
    expect(pdftotext(file)).toContain('Łukasz Wałęsa 79');
  });

  it('a jaaropgave too, over two pages', async () => {
    const maanden = Array.from({ length: 12 }, (_, i) => ({ maand: `maand ${i + 1} 2026`, uren: '70:45', bedrag: '€ 600,00' }));
    const blok = (kind: string) => ({
      kind,
      kindGegevens: 'geboren 14 februari 2022, BSN 234567892',
      gastouder: 'gastouder Şahin Yılmaz, LRK 111111111',
      maanden,
      uren: '849:00',
      bedrag: '€ 7.200,00',
      uurprijs: '€ 8,48',
    });
    const doc = {
      titel: 'JAAROPGAVE KINDEROPVANG 2026',
      afzender: afzender.slice(0, 5),
      aan: ['Łukasz Wałęsa', 'Oudegracht 100'],
      kenmerken: [['Nummer', 'J2026-00001']] as [string, string][],
      personen: [{ rol: 'Vraagouder', naam: 'Łukasz Wałęsa', geboortedatum: '12 april 1985', bsn: '123456782' }],
      blokken: ['Zoë (K0001)', 'Milan (K0002)', 'Sem (K0003)', 'Elif (K0004)', 'Noor (K0005)'].map(blok),
      totaalUren: '4245:00',
      totaal: '€ 36.000,00',
      noten: ['Bewaar deze jaaropgave bij uw aangifte.'],
    };
    const aan = await rendered(true, () => renderJaaropgavePdf(doc, META));
    const uit = await rendered(false, () => renderJaaropgavePdf(doc, META));
    const file = write('jaaropgave-uit.pdf', uit);
    expect(qpdf(file).status).toBe(0);
    expectSamePlaces(write('jaaropgave-aan.pdf', aan), file);
    const text = pdftotext(file);
    for (const field of ['Noor (K0005)', 'gastouder Şahin Yılmaz, LRK 111111111', '€ 36.000,00', 'pagina 2 van 2'])
      expect(text).toContain(field);
  });
});

describe('the same invoice, the same bytes', () => {
  for (const fast of [true, false]) {
    it(`alone or after others, patches ${fast ? 'on' : 'off'}`, async () => {
      const first = await rendered(fast, () => renderFactuurPdf(sahin, META));
      for (const doc of [andere, lukasz, andere]) await rendered(fast, () => renderFactuurPdf(doc, META));
      const again = await rendered(fast, () => renderFactuurPdf(sahin, META));
      expect(again.equals(first)).toBe(true);
      expect(pdftotext(write(`sahin-${fast}.pdf`, again))).toContain('Şahin Yılmaz');
    });
  }
  it('with the patches switched off and on again', async () => {
    const before = await rendered(true, () => renderFactuurPdf(lukasz, META));
    await rendered(false, () => renderFactuurPdf(andere, META));
    expect((await rendered(true, () => renderFactuurPdf(lukasz, META))).equals(before)).toBe(true);
  });
});

describe('font objects written from the bytes of an earlier document (patch 6, asked by the jaaropgave)', () => {
  /** A small document in both fonts, with or without patch 6. */
  async function proef(shareObjects: boolean, naam: string, pages = 1): Promise<Buffer> {
    const { pdf, done } = startPdf({ margin: 50, title: 'Proef', datum: '2026-11-03', shareObjects });
    for (let page = 0; page < pages; page++) {
      if (page > 0) pdf.addPage();
      pdf.font('bold').fontSize(11);
      textAt(pdf, 'Jaaropgave kinderopvang 2026', 50, 50);
      pdf.font('regular').fontSize(9);
      textAt(pdf, naam, 50, 70);
    }
    pdf.end();
    return done;
  }

  it('a jaaropgave: the same bytes the first time (pdfkit embeds its fonts) and after others (from the kept bytes)', async () => {
    const jaaropgave = (naam: string, kinderen: number) => ({
      titel: 'JAAROPGAVE KINDEROPVANG 2026',
      afzender: afzender.slice(0, 5),
      aan: [naam, 'Oudegracht 100', '3511 AB Utrecht'],
      kenmerken: [['Nummer', 'J2026-00007']] as [string, string][],
      personen: [{ rol: 'Vraagouder', naam, geboortedatum: '12 april 1985', bsn: '123456782' }],
      blokken: Array.from({ length: kinderen }, (_, i) => ({
        kind: `Kind ${i + 1} (K000${i + 1})`,
        kindGegevens: 'geboren 14 februari 2022, BSN 234567892',
        gastouder: 'gastouder Anna de Vries, LRK 111111111',
        maanden: [{ maand: 'januari 2026', uren: '70:45', bedrag: '€ 600,00' }],
        uren: '70:45',
        bedrag: '€ 600,00',
        uurprijs: '€ 8,48',
      })),
      totaalUren: '70:45',
      totaal: '€ 600,00',
      noten: ['Bewaar deze jaaropgave bij uw definitieve aangifte.'],
    });
    // Ž and ß are in no other document of this file: the first one's font objects are pdfkit's own.
    const eerste = await renderJaaropgavePdf(jaaropgave('Žofia Weiß', 2), META);
    await renderJaaropgavePdf(jaaropgave('Sem de Vries', 2), META);
    await renderJaaropgavePdf(jaaropgave('Žofia Weiß', 5), META);
    const weer = await renderJaaropgavePdf(jaaropgave('Žofia Weiß', 2), META);
    expect(weer.equals(eerste)).toBe(true);
    const file = write('jaaropgave-weer.pdf', weer);
    expect(qpdf(file).status).toBe(0);
    expect(pdftotext(file)).toContain('Žofia Weiß');
  });

  it('make the file pdfkit makes, also after documents with other glyphs or another number of pages', async () => {
    const plain = {
      sem: await proef(false, 'Sem de Vries'),
      lukasz: await proef(false, 'Łukasz Wałęsa'),
      twee: await proef(false, 'Sem de Vries', 2),
    };
    const eerste = await proef(true, 'Sem de Vries');
    const lukasz = await proef(true, 'Łukasz Wałęsa');
    const twee = await proef(true, 'Sem de Vries', 2);
    const weer = await proef(true, 'Sem de Vries');
    const tweeWeer = await proef(true, 'Sem de Vries', 2);
    for (const bytes of [eerste, weer]) expect(bytes.equals(plain.sem)).toBe(true);
    expect(lukasz.equals(plain.lukasz)).toBe(true);
    for (const bytes of [twee, tweeWeer]) expect(bytes.equals(plain.twee)).toBe(true);
    const file = write('gedeelde-fontobjecten.pdf', tweeWeer);
    expect(qpdf(file).status).toBe(0);
    expect(pdftotext(file)).toContain('Sem de Vries');
    expect(pdftotext(write('gedeelde-lukasz.pdf', lukasz))).toContain('Łukasz Wałęsa');
  });
});

describe('numbers shaped from their characters’ glyphs', () => {
  it('measure as fontkit shapes them, also where a letter kerns with the character after it', () => {
    const pdf = new PDFDocument({ size: 'A4', font: null as never });
    useFonts(pdf);
    // Each new to the process: 'O.', 'J-', 'A:' and 'V,' kern in DejaVu Sans (Bold), 'J2' and '€ ' do not.
    const words = ['€ 98.765,43', '987:15', '-4.321,09', 'J2026-98765', 'O900001 ', 'O.57', 'J-98', 'A:31', 'V,76', '1 234', '5\u00a0678'];
    for (const weight of ['regular', 'bold'] as const) {
      pdf.font(weight).fontSize(9.5);
      for (const text of words) expect(widthOf(pdf, text), `${weight} '${text}'`).toBeCloseTo(pdf.widthOfString(text), 9);
    }
    pdf.end();
  });
});
