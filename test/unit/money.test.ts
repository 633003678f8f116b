import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careAmount, divRoundHalfUp, formatBedrag, formatEuro } from '../../src/domain/money.js';

describe('money', () => {
  it.each([
    [90, 750, 1125],
    [1, 750, 13],
    [2, 45, 2],
    [30, 1, 1],
    [29, 1, 0],
  ])('%i minutes at %i cent/hour → %i cent', (minutes, rate, cent) => expect(careAmount(minutes, rate)).toBe(cent));
  it('rounds halves away from zero', async () => {
    expect(divRoundHalfUp(5, 10)).toBe(1);
    expect(divRoundHalfUp(-5, 10)).toBe(-1);
    expect(divRoundHalfUp(4, 10)).toBe(0);
  });
  it('equals the exact rational rounding for any input', async () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        const q = divRoundHalfUp(a, b);
        // |a/b − q| ≤ 1/2, and exactly 1/2 only when rounding away from zero.
        const diff2 = 2 * (a - q * b);
        expect(Math.abs(diff2)).toBeLessThanOrEqual(b);
        if (Math.abs(diff2) === b) expect(Math.sign(q)).toBe(Math.sign(a));
      }),
    );
  });
  it('formats Dutch notation', async () => {
    expect(formatEuro(122950)).toBe('€ 1.229,50');
    expect(formatBedrag(-1200)).toBe('-12,00');
    expect(formatBedrag(5)).toBe('0,05');
    expect(formatBedrag(123456789)).toBe('1.234.567,89');
  });
});
