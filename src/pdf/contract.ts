// The overeenkomst van opdracht as an A4 PDF: title, numbered articles, the rooster as a table,
// a signature block per party, page numbers; optionally signed by the bureau (PAdES,
// ETSI.CAdES.detached) over the whole file.
import type { ContractBlock } from '../domain/contract.js';
import { numberPages, startPdf } from './fonts.js';

export interface ContractHandtekening {
  rol: string;
  naam: string | null;
  datum: string | null;
  plaats: string | null;
}

export interface ContractDocument {
  blokken: ContractBlock[];
  rooster: { dag: string; van: string; tot: string; periode: string }[];
  handtekeningen: ContractHandtekening[];
  kenmerk: string;
  /** JJJJ-MM-DD: the creation date written into the PDF. */
  datum: string;
}

export interface Ondertekening {
  p12: Buffer;
  wachtwoord: string;
  naam: string;
  plaats: string;
}

function titel(doc: ContractDocument): string {
  for (const b of doc.blokken) if (b.soort === 'titel') return b.tekst;
  return 'Overeenkomst';
}

const MARGIN = 60;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = 841.89 - MARGIN - 20;

export async function renderContractPdf(doc: ContractDocument, ondertekening?: Ondertekening): Promise<Buffer> {
  const { pdf, done } = startPdf({ margin: MARGIN, title: titel(doc), datum: doc.datum });
  const room = (height: number) => {
    if (pdf.y + height > BOTTOM) pdf.addPage();
  };

  for (const block of doc.blokken) {
    switch (block.soort) {
      case 'titel':
        pdf.font('bold').fontSize(17).text(block.tekst, { width: WIDTH });
        pdf.font('regular').fontSize(8.5).fillColor('#555555').text(doc.kenmerk).fillColor('black');
        pdf.moveDown(0.8);
        break;
      case 'artikel':
        room(60);
        pdf.moveDown(0.6);
        pdf.font('bold').fontSize(11).text(`Artikel ${block.nummer}. ${block.tekst}`, { width: WIDTH });
        pdf.moveDown(0.2);
        break;
      case 'alinea':
        pdf.font('regular').fontSize(10).text(block.tekst, { width: WIDTH, align: 'left', lineGap: 1.5 });
        pdf.moveDown(0.4);
        break;
      case 'rooster': {
        room(30 + 16 * Math.max(1, doc.rooster.length));
        const cols = [MARGIN, MARGIN + 110, MARGIN + 180, MARGIN + 250];
        let y = pdf.y + 2;
        pdf.font('bold').fontSize(9.5);
        ['Dag', 'Van', 'Tot', 'Geldt'].forEach((t, i) => {
          pdf.text(t, cols[i], y, { lineBreak: false });
        });
        pdf
          .moveTo(MARGIN, y + 13)
          .lineTo(MARGIN + WIDTH, y + 13)
          .lineWidth(0.5)
          .stroke();
        y += 18;
        pdf.font('regular');
        const rows = doc.rooster.length > 0 ? doc.rooster : [{ dag: '(nog geen rooster vastgelegd)', van: '', tot: '', periode: '' }];
        for (const r of rows) {
          [r.dag, r.van, r.tot, r.periode].forEach((t, i) => {
            pdf.text(t, cols[i], y, { lineBreak: false });
          });
          y += 15;
        }
        pdf.text('', MARGIN, y + 4);
        pdf.moveDown(0.4);
        break;
      }
      case 'handtekeningen': {
        const width = (WIDTH - 20 * (doc.handtekeningen.length - 1)) / doc.handtekeningen.length;
        room(110);
        const top = pdf.y + 6;
        doc.handtekeningen.forEach((h, i) => {
          const x = MARGIN + i * (width + 20);
          pdf.font('bold').fontSize(10).text(h.rol, x, top, { width, lineBreak: false });
          pdf.font('regular').fontSize(9.5);
          const lines: [string, string | null][] = [
            ['Naam', h.naam],
            ['Datum', h.datum],
            ['Plaats', h.plaats],
          ];
          lines.forEach(([label, value], j) => {
            pdf.text(`${label}: ${value ?? '______________________'}`, x, top + 18 + j * 15, { width, lineBreak: false });
          });
          pdf.text(h.naam ? 'Getekend.' : 'Handtekening:', x, top + 66, { width, lineBreak: false });
          if (!h.naam)
            pdf
              .moveTo(x, top + 96)
              .lineTo(x + width - 10, top + 96)
              .lineWidth(0.5)
              .stroke();
        });
        pdf.text('', MARGIN, top + 104);
        break;
      }
    }
  }

  numberPages(pdf, doc.kenmerk, 841.89 - MARGIN + 20);
  if (!ondertekening) {
    pdf.end();
    return done;
  }
  // Loaded only to sign: the placeholder must be added before the document ends.
  const [{ pdfkitAddPlaceholder }, { SUBFILTER_ETSI_CADES_DETACHED }, { SignPdf }, { P12Signer }] = await Promise.all([
    import('@signpdf/placeholder-pdfkit'),
    import('@signpdf/utils'),
    import('@signpdf/signpdf'),
    import('@signpdf/signer-p12'),
  ]);
  pdfkitAddPlaceholder({
    pdf,
    pdfBuffer: Buffer.alloc(0),
    reason: 'Overeenkomst vastgelegd door het gastouderbureau',
    contactInfo: '',
    name: ondertekening.naam,
    location: ondertekening.plaats,
    signatureLength: 16384,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'gob',
  });
  pdf.end();
  const unsigned = await done;
  return new SignPdf().sign(unsigned, new P12Signer(ondertekening.p12, { passphrase: ondertekening.wachtwoord }));
}
