// The yearly overview per gastouder (CONTRACT §8), pure: lines per kind × ouder, her own average price.
import { describe, expect, it } from 'vitest';
import { gastouderJaren } from '../../src/domain/gastouderjaar.js';

describe('gastouderJaren', () => {
  it('one line per kind × ouder (co-parents apart), payouts without care with 0 minutes, netted-out lines left out, by code', () => {
    const jaren = gastouderJaren(
      [
        { gastouder: 'G0002', kind: 'K0003', ouder: 'O0003', minuten: 600, bedragCent: 8000 },
        { gastouder: 'G0001', kind: 'K0002', ouder: 'O0002', minuten: 100, bedragCent: 1333 },
        { gastouder: 'G0001', kind: 'K0001', ouder: 'O0002', minuten: 90, bedragCent: 1200 },
        { gastouder: 'G0001', kind: 'K0001', ouder: 'O0001', minuten: 200, bedragCent: 2650 },
        // Care billed and wholly credited: nothing left, never paid out.
        { gastouder: 'G0001', kind: 'K0009', ouder: 'O0009', minuten: 0, bedragCent: 0 },
      ],
      [
        { gastouder: 'G0001', kind: 'K0001', ouder: 'O0001', bedragCent: 2000 },
        { gastouder: 'G0002', kind: 'K0004', ouder: 'O0004', bedragCent: 4500 },
      ],
    );
    expect(jaren).toEqual([
      {
        gastouder: 'G0001',
        minuten: 390,
        uitbetaaldCent: 2000,
        regels: [
          // 2650 × 60 / 200 = 795
          { kind: 'K0001', ouder: 'O0001', minuten: 200, opvangCent: 2650, uurprijsCent: 795, uitbetaaldCent: 2000 },
          { kind: 'K0001', ouder: 'O0002', minuten: 90, opvangCent: 1200, uurprijsCent: 800, uitbetaaldCent: 0 },
          // 1333 × 60 / 100 = 799,8 → 800 (half up)
          { kind: 'K0002', ouder: 'O0002', minuten: 100, opvangCent: 1333, uurprijsCent: 800, uitbetaaldCent: 0 },
        ],
      },
      {
        gastouder: 'G0002',
        minuten: 600,
        uitbetaaldCent: 4500,
        regels: [
          { kind: 'K0003', ouder: 'O0003', minuten: 600, opvangCent: 8000, uurprijsCent: 800, uitbetaaldCent: 0 },
          { kind: 'K0004', ouder: 'O0004', minuten: 0, opvangCent: 0, uurprijsCent: null, uitbetaaldCent: 4500 },
        ],
      },
    ]);
  });

  it('nothing in, nothing out', () => {
    expect(gastouderJaren([], [])).toEqual([]);
  });
});
