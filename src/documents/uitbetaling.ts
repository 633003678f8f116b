// A payout specification as people read it (text for `show`, the same for the PDF).
import { formatDatumLang, formatMaandLang } from '../domain/calendar.js';
import { formatEuro, formatUren } from '../domain/money.js';
import type { Db } from '../db/open.js';
import { getUitbetaling, uitbetalingContext } from '../db/repo/uitbetaling.js';
import type { TableDocument } from '../pdf/table.js';

export async function uitbetalingDocument(
  db: Db,
  nummer: string,
): Promise<{ doc: TableDocument; json: ReturnType<typeof uitbetalingJson> } | undefined> {
  const found = await getUitbetaling(db, nummer);
  if (!found) return undefined;
  const { uitbetaling: u, regels } = found;
  const {
    bureau,
    gastouder: g,
    kinderen,
    tarieven,
    soorten,
  } = await uitbetalingContext(
    db,
    u.gastouder,
    regels.map((r) => r.factuurregel),
  );
  const doc: TableDocument = {
    titel: `UITBETALING ${u.nummer}`,
    afzender: [
      bureau.naam ?? '',
      bureau.adres ?? '',
      `${bureau.postcode ?? ''} ${bureau.plaats ?? ''}`.trim(),
      ...(bureau.kvk ? [`KvK ${bureau.kvk}`] : []),
      ...(bureau.lrk ? [`LRK ${bureau.lrk}`] : []),
    ].filter(Boolean),
    aan: [
      g.naam,
      ...(g.adres ? [g.adres] : []),
      ...(g.postcode || g.plaats ? [`${g.postcode ?? ''} ${g.plaats ?? ''}`.trim()] : []),
      ...(g.lrk ? [`LRK ${g.lrk}`] : []),
    ],
    kenmerken: [
      ['Uitbetaling', u.nummer],
      ['Datum', formatDatumLang(u.datum)],
      ['Gastouder', u.gastouder],
      ['Naar rekening', g.iban ?? '(geen IBAN bekend)'],
    ],
    kolommen: ['Kind', 'Maand', 'Uren', 'Tarief', 'Bedrag', 'Factuur', 'Betaald op', 'Uiterlijk'],
    rechts: [false, false, true, true, true, false, false, false],
    rijen: regels.map((r) => [
      // Agreed hours (CONTRACT §9) are paid out like care; the gastouder sees which line is which.
      `${kinderen.get(r.kind) ?? r.kind} (${r.kind})${soorten.get(r.factuurregel) === 'afgesproken' ? ', afgesproken' : ''}`,
      formatMaandLang(r.maand),
      formatUren(r.minuten),
      formatEuro(tarieven.get(r.factuurregel) ?? 0),
      formatEuro(r.bedrag_cent),
      r.factuur,
      r.betaald_op,
      r.uiterlijk,
    ]),
    totaal: formatEuro(u.bedrag_cent),
    noten: [
      'Dit is de opvang die de ouders via het bureau hebben betaald (kassiersfunctie); bureaukosten zijn niet inbegrepen.',
      ...(u.te_laat ? ['Deze uitbetaling is later dan de uiterste datum van een of meer regels.'] : []),
    ],
  };
  return { doc, json: uitbetalingJson(u, regels) };
}

export function uitbetalingJson(
  u: { nummer: string; gastouder: string; datum: string; bedrag_cent: number; te_laat: number },
  regels?: { factuur: string; kind: string; maand: string; minuten: number; bedrag_cent: number; betaald_op: string; uiterlijk: string }[],
) {
  return {
    nummer: u.nummer,
    gastouder: u.gastouder,
    datum: u.datum,
    bedragCent: u.bedrag_cent,
    teLaat: u.te_laat === 1,
    ...(regels
      ? {
          regels: regels.map((r) => ({
            factuur: r.factuur,
            kind: r.kind,
            maand: r.maand,
            minuten: r.minuten,
            bedragCent: r.bedrag_cent,
            betaaldOp: r.betaald_op,
            uiterlijk: r.uiterlijk,
          })),
        }
      : {}),
  };
}

/** The specification as plain text (what `uitbetaling show` prints). */
export function renderTableText(doc: TableDocument): string {
  const widths = doc.kolommen.map((k, i) => Math.max(k.length, ...doc.rijen.map((r) => [...(r[i] ?? '')].length)));
  const cell = (text: string, i: number) => (doc.rechts[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const lines = [
    doc.titel,
    ...doc.afzender.map((l) => `  ${l}`),
    '',
    ...doc.aan,
    '',
    ...doc.kenmerken.map(([k, v]) => `${`${k}:`.padEnd(15)}${v}`),
    '',
  ];
  lines.push(doc.kolommen.map(cell).join('  ').trimEnd());
  for (const r of doc.rijen) lines.push(r.map(cell).join('  ').trimEnd());
  lines.push('', `Totaal: ${doc.totaal}`, ...doc.noten);
  return `${lines.join('\n')}\n`;
}
