import { describe, expect, it } from 'vitest';
import { formatNummer } from '../../src/domain/nummers.js';

describe('numbers of invoices, payouts and bank files', () => {
  it('have one shape per series: prefix, year, five digits', () => {
    expect(formatNummer('factuur', 2026, 1)).toBe('2026-00001');
    expect(formatNummer('uitbetaling', 2026, 42)).toBe('U2026-00042');
    expect(formatNummer('sepa-incasso', 2027, 12345)).toBe('GOB-INC-2027-12345');
    expect(formatNummer('sepa-uitbetaling', 2026, 7)).toBe('GOB-UIT-2026-00007');
  });
});
