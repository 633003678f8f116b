import { describe, expect, it } from 'vitest';
import { compareNummer, formatNummer } from '../../src/domain/nummers.js';

describe('numbers of invoices, payouts and bank files', () => {
  it('have one shape per series: prefix, year, five digits', () => {
    expect(formatNummer('factuur', 2026, 1)).toBe('2026-00001');
    expect(formatNummer('uitbetaling', 2026, 42)).toBe('U2026-00042');
    expect(formatNummer('sepa-incasso', 2027, 12345)).toBe('GOB-INC-2027-12345');
    expect(formatNummer('sepa-uitbetaling', 2026, 7)).toBe('GOB-UIT-2026-00007');
  });
});

describe('compareNummer', () => {
  it('orders by year, then by the number as a number, past 99,999 too', () => {
    const nummers = ['2026-100000', '2027-00001', '2026-99999', '2026-10001', '2026-10000', 'U2026-100000', 'U2026-00002'];
    expect([...nummers].sort(compareNummer)).toEqual([
      '2026-10000',
      '2026-10001',
      '2026-99999',
      '2026-100000',
      '2027-00001',
      'U2026-00002',
      'U2026-100000',
    ]);
    expect(compareNummer('2026-00001', '2026-00001')).toBe(0);
  });
});
