// SEPA files (ISO 20022): direct debits (pain.008) from the ouders and credit transfers (pain.001)
// to the gastouders. Pure: the caller gives the bureau, the date and the transactions.
import { create } from 'xmlbuilder2';
import type { Datum } from './calendar.js';
import type { Cent } from './money.js';
import { ACCEPTED, isMandaat } from './values.js';

export type IncassoFormaat = 'pain.008.001.08' | 'pain.008.001.02';
export type OverboekingFormaat = 'pain.001.001.09' | 'pain.001.001.03';

/**
 * Text restricted to the SEPA character set (a-z A-Z 0-9 / - ? : ( ) . , ' + space): letters lose
 * their accents (Łukasz Wałęsa → Lukasz Walesa), anything else becomes a space. Longer than `max`,
 * it is cut at the last space that fits (CONTRACT §6: never in the middle of a word or a number);
 * only a single word longer than the field is cut inside it, as nothing else would fit.
 */
export function sepaText(text: string, max = 140): string {
  const special: Record<string, string> = {
    ł: 'l',
    Ł: 'L',
    ı: 'i',
    ß: 'ss',
    æ: 'ae',
    Æ: 'AE',
    ø: 'o',
    Ø: 'O',
    œ: 'oe',
    Œ: 'OE',
    đ: 'd',
    Đ: 'D',
    '&': '+',
  };
  const plain = [...text.normalize('NFD').replace(/\p{M}/gu, '')].map((c) => special[c] ?? c).join('');
  const clean = plain
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= max) return clean;
  const space = clean.lastIndexOf(' ', max);
  return space > 0 ? clean.slice(0, space) : clean.slice(0, max);
}

/**
 * The remittance text of a collection: the invoices it pays (and the credits it sets off). When
 * every number does not fit in `max`, a list names the first and the last and how many
 * ("facturen 2026-00001 t/m 2026-00015 (15)"); the bureau's name goes first when there is room.
 */
export function incassoOmschrijving(bureau: string, betaald: readonly string[], verrekend: readonly string[], max = 140): string {
  const lijst = (label: string, nummers: readonly string[], kort: boolean) =>
    nummers.length === 0
      ? ''
      : kort && nummers.length > 1
        ? `${label} ${nummers[0]} t/m ${nummers.at(-1)} (${nummers.length})`
        : `${label} ${nummers.join(' ')}`;
  const delen = (kort: boolean) => [lijst('facturen', betaald, kort), lijst('verrekend', verrekend, kort)].filter(Boolean).join(' ');
  const kandidaten = [`${bureau} ${delen(false)}`, `${bureau} ${delen(true)}`, delen(true)];
  return kandidaten.find((k) => sepaText(k, Number.MAX_SAFE_INTEGER).length <= max) ?? delen(true);
}

export const MANDAAT_TOEGESTAAN = ACCEPTED.mandaat;

/**
 * Whether a mandate id goes into a SEPA file exactly as the ouder signed it: the bank matches it
 * with the mandate, so it is never cut or changed (unlike names and texts, see sepaText). The same
 * rule as at entry (values.ts), so that what gob accepted it can also collect.
 */
export function isSepaMandaat(mandaat: string): boolean {
  return isMandaat(mandaat) && sepaText(mandaat, 35) === mandaat;
}

/** Euro with two decimals from cents: 123456 → '1234.56'. */
export function sepaAmount(cent: Cent): string {
  if (!Number.isSafeInteger(cent) || cent <= 0) throw new RangeError(`SEPA-bedrag moet positief zijn: ${cent}`);
  return `${Math.floor(cent / 100)}.${String(cent % 100).padStart(2, '0')}`;
}

export interface SepaBureau {
  naam: string;
  iban: string;
  bic: string | null;
  incassantId: string;
}

export interface Incasso {
  endToEndId: string;
  bedragCent: Cent;
  naam: string;
  iban: string;
  mandaat: string;
  mandaatDatum: Datum;
  omschrijving: string;
  /** First collection under this mandate (FRST) or a later one (RCUR). */
  volgorde: 'FRST' | 'RCUR';
}

export interface Overboeking {
  endToEndId: string;
  bedragCent: Cent;
  naam: string;
  iban: string;
  omschrijving: string;
}

const total = (items: { bedragCent: Cent }[]): Cent => items.reduce((s, i) => s + i.bedragCent, 0);

/** The group header both kinds of file start with. */
function groupHeader(
  doc: ReturnType<typeof create>,
  opts: { berichtId: string; aangemaakt: string; naam: string; items: { bedragCent: Cent }[] },
): void {
  const hdr = doc.ele('GrpHdr');
  hdr.ele('MsgId').txt(opts.berichtId);
  hdr.ele('CreDtTm').txt(opts.aangemaakt);
  hdr.ele('NbOfTxs').txt(String(opts.items.length));
  hdr.ele('CtrlSum').txt(sepaAmount(total(opts.items)));
  hdr.ele('InitgPty').ele('Nm').txt(sepaText(opts.naam, 70));
}

function agent(parent: ReturnType<typeof create>, bic: string | null, bicTag: 'BIC' | 'BICFI') {
  const fin = parent.ele('FinInstnId');
  if (bic) fin.ele(bicTag).txt(bic);
  else fin.ele('Othr').ele('Id').txt('NOTPROVIDED');
}

/** A pain.008 collection: one payment block per sequence type (FRST, RCUR), as banks require. */
export function incassoXml(opts: {
  formaat: IncassoFormaat;
  berichtId: string;
  aangemaakt: string;
  incassodatum: Datum;
  bureau: SepaBureau;
  incasso: Incasso[];
}): string {
  const { formaat, bureau } = opts;
  const bicTag = formaat === 'pain.008.001.08' ? 'BICFI' : 'BIC';
  const doc = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(`urn:iso:std:iso:20022:tech:xsd:${formaat}`, 'Document')
    .ele('CstmrDrctDbtInitn');
  groupHeader(doc, { berichtId: opts.berichtId, aangemaakt: opts.aangemaakt, naam: bureau.naam, items: opts.incasso });
  for (const volgorde of ['FRST', 'RCUR'] as const) {
    const txs = opts.incasso.filter((i) => i.volgorde === volgorde);
    if (txs.length === 0) continue;
    const pmt = doc.ele('PmtInf');
    pmt.ele('PmtInfId').txt(`${opts.berichtId}-${volgorde}`);
    pmt.ele('PmtMtd').txt('DD');
    pmt.ele('NbOfTxs').txt(String(txs.length));
    pmt.ele('CtrlSum').txt(sepaAmount(total(txs)));
    const tp = pmt.ele('PmtTpInf');
    tp.ele('SvcLvl').ele('Cd').txt('SEPA');
    tp.ele('LclInstrm').ele('Cd').txt('CORE');
    tp.ele('SeqTp').txt(volgorde);
    pmt.ele('ReqdColltnDt').txt(opts.incassodatum);
    pmt.ele('Cdtr').ele('Nm').txt(sepaText(bureau.naam, 70));
    pmt.ele('CdtrAcct').ele('Id').ele('IBAN').txt(bureau.iban);
    agent(pmt.ele('CdtrAgt'), bureau.bic, bicTag);
    pmt.ele('ChrgBr').txt('SLEV');
    const othr = pmt.ele('CdtrSchmeId').ele('Id').ele('PrvtId').ele('Othr');
    othr.ele('Id').txt(bureau.incassantId);
    othr.ele('SchmeNm').ele('Prtry').txt('SEPA');
    for (const tx of txs) {
      const t = pmt.ele('DrctDbtTxInf');
      t.ele('PmtId').ele('EndToEndId').txt(sepaText(tx.endToEndId, 35));
      t.ele('InstdAmt', { Ccy: 'EUR' }).txt(sepaAmount(tx.bedragCent));
      const m = t.ele('DrctDbtTx').ele('MndtRltdInf');
      // The command refuses such an ouder first, naming her; reaching this is a bug.
      if (!isSepaMandaat(tx.mandaat)) throw new RangeError(`mandaat ${JSON.stringify(tx.mandaat)} zou in het SEPA-bestand veranderen`);
      m.ele('MndtId').txt(tx.mandaat);
      m.ele('DtOfSgntr').txt(tx.mandaatDatum);
      agent(t.ele('DbtrAgt'), null, bicTag);
      t.ele('Dbtr').ele('Nm').txt(sepaText(tx.naam, 70));
      t.ele('DbtrAcct').ele('Id').ele('IBAN').txt(tx.iban);
      t.ele('RmtInf').ele('Ustrd').txt(sepaText(tx.omschrijving, 140));
    }
  }
  return doc.end({ prettyPrint: true });
}

/** A pain.001 credit transfer from the bureau's account, one transaction per payout. */
export function overboekingXml(opts: {
  formaat: OverboekingFormaat;
  berichtId: string;
  aangemaakt: string;
  uitvoerdatum: Datum;
  bureau: Omit<SepaBureau, 'incassantId'>;
  overboekingen: Overboeking[];
}): string {
  const { formaat, bureau } = opts;
  const nieuw = formaat === 'pain.001.001.09';
  const doc = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(`urn:iso:std:iso:20022:tech:xsd:${formaat}`, 'Document')
    .ele('CstmrCdtTrfInitn');
  groupHeader(doc, { berichtId: opts.berichtId, aangemaakt: opts.aangemaakt, naam: bureau.naam, items: opts.overboekingen });
  const pmt = doc.ele('PmtInf');
  pmt.ele('PmtInfId').txt(`${opts.berichtId}-1`);
  pmt.ele('PmtMtd').txt('TRF');
  pmt.ele('NbOfTxs').txt(String(opts.overboekingen.length));
  pmt.ele('CtrlSum').txt(sepaAmount(total(opts.overboekingen)));
  pmt.ele('PmtTpInf').ele('SvcLvl').ele('Cd').txt('SEPA');
  if (nieuw) pmt.ele('ReqdExctnDt').ele('Dt').txt(opts.uitvoerdatum);
  else pmt.ele('ReqdExctnDt').txt(opts.uitvoerdatum);
  pmt.ele('Dbtr').ele('Nm').txt(sepaText(bureau.naam, 70));
  pmt.ele('DbtrAcct').ele('Id').ele('IBAN').txt(bureau.iban);
  agent(pmt.ele('DbtrAgt'), bureau.bic, nieuw ? 'BICFI' : 'BIC');
  pmt.ele('ChrgBr').txt('SLEV');
  for (const tx of opts.overboekingen) {
    const t = pmt.ele('CdtTrfTxInf');
    t.ele('PmtId').ele('EndToEndId').txt(sepaText(tx.endToEndId, 35));
    t.ele('Amt').ele('InstdAmt', { Ccy: 'EUR' }).txt(sepaAmount(tx.bedragCent));
    t.ele('Cdtr').ele('Nm').txt(sepaText(tx.naam, 70));
    t.ele('CdtrAcct').ele('Id').ele('IBAN').txt(tx.iban);
    t.ele('RmtInf').ele('Ustrd').txt(sepaText(tx.omschrijving, 140));
  }
  return doc.end({ prettyPrint: true });
}

/**
 * A bank file that was booked but never completely written (the process was stopped between the
 * commit and the write, or the file could not be written: a full or read-only disk): the money is
 * booked as collected or paid, so the bank must get the file. Said so that it is true whatever
 * stopped it.
 */
export function nietGeschrevenMelding(b: { bericht_id: string; soort: string; datum: Datum; bestand: string }): string {
  const wat = b.soort === 'incasso' ? `de incasso van ${b.datum}` : `de overboeking van ${b.datum}`;
  return `Let op: bankbestand ${b.bericht_id} (${wat}) is geboekt, maar ${b.bestand} is niet geschreven (gob werd onderbroken, of kon het bestand niet schrijven). Schrijf het met 'gob sepa bestand ${b.bericht_id} --out ${b.bestand}' en lever het bij de bank aan.`;
}
