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

/**
 * Two numbers of one series in the order they were given: by what stands before the last dash (the
 * year, with its prefix), then by the number itself. Not as text: a large bureau passes 99,999
 * invoices a year, and '2026-100000' comes after '2026-99999', not between '2026-10000' and
 * '2026-10001'. The database orders them the same way (nummerOrder in db/repo/factuur.ts).
 */
export function compareNummer(a: string, b: string): number {
  const i = a.lastIndexOf('-');
  const j = b.lastIndexOf('-');
  const pa = a.slice(0, i);
  const pb = b.slice(0, j);
  if (pa !== pb) return pa < pb ? -1 : 1;
  const d = a.length - i - (b.length - j);
  if (d !== 0) return d;
  return a === b ? 0 : a < b ? -1 : 1;
}

export function formatNummer(reeks: Nummerreeks, jaar: number, n: number): string {
  return `${PREFIX[reeks]}${jaar}-${String(n).padStart(5, '0')}`;
}
