// The numbers of what gob makes, each from a gapless series per year (db/repo/factuur.ts
// reserveNumbers): invoices 2026-00001, payouts U2026-00001, jaaropgaven J2026-00001, bank files GOB-INC-2026-00001 and
// GOB-UIT-2026-00001. One place for their shape.
export type Nummerreeks = 'factuur' | 'uitbetaling' | 'sepa-incasso' | 'sepa-uitbetaling' | 'jaaropgave';

const PREFIX: Record<Nummerreeks, string> = {
  factuur: '',
  uitbetaling: 'U',
  'sepa-incasso': 'GOB-INC-',
  'sepa-uitbetaling': 'GOB-UIT-',
  jaaropgave: 'J',
};

export function formatNummer(reeks: Nummerreeks, jaar: number, n: number): string {
  return `${PREFIX[reeks]}${jaar}-${String(n).padStart(5, '0')}`;
}
