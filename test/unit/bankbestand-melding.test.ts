import { describe, expect, it } from 'vitest';
import { perBankFile } from '../../src/commands/sepa/uitbetaling.js';

describe('payouts already in a bank file, as a refusal names them', () => {
  it('names a few one by one, per file', () => {
    expect(
      perBankFile([
        ['U2026-00002', 'GOB-UIT-2026-00002'],
        ['U2026-00001', 'GOB-UIT-2026-00001'],
        ['U2026-00003', 'GOB-UIT-2026-00002'],
      ]),
    ).toEqual(['U2026-00002, U2026-00003 staan in GOB-UIT-2026-00002', 'U2026-00001 staat in GOB-UIT-2026-00001']);
  });

  it('names many by the first, the last and how many: one line per file, not one per payout', () => {
    const many = Array.from({ length: 400 }, (_, i): [string, string] => [
      `U2026-${String(400 - i).padStart(5, '0')}`,
      'GOB-UIT-2026-00001',
    ]);
    expect(perBankFile(many)).toEqual(['U2026-00001 t/m U2026-00400 (400 uitbetalingen) staan in GOB-UIT-2026-00001']);
  });
});
