import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, careAmount, divRoundHalfAwayFromZero, formatBedrag, formatEuro } from '../../src/domain/money.js';

describe('money', () => {
  it.each([
    [90, 750, 1125],
    [1, 750, 13],
    [2, 45, 2],
    [30, 1, 1],
    [29, 1, 0],
  ])('%i minutes at %i cent/hour → %i cent', (minutes, rate, cent) => expect(careAmount(minutes, rate)).toBe(cent));
  it('rounds halves away from zero', async () => {
    expect(divRoundHalfAwayFromZero(5, 10)).toBe(1);
    expect(divRoundHalfAwayFromZero(-5, 10)).toBe(-1);
    expect(divRoundHalfAwayFromZero(4, 10)).toBe(0);
  });
  it('equals the exact rational rounding for any input', async () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        const q = divRoundHalfAwayFromZero(a, b);
        // |a/b − q| ≤ 1/2, and exactly 1/2 only when rounding away from zero.
        const diff2 = 2 * (a - q * b);
        expect(Math.abs(diff2)).toBeLessThanOrEqual(b);
        if (Math.abs(diff2) === b) expect(Math.sign(q)).toBe(Math.sign(a));
      }),
    );
  });
  it('equals a BigInt reference over the whole safe range', async () => {
    // Truncate, then step away from zero when the remainder is at least half the divisor.
    const reference = (a: bigint, b: bigint): bigint => {
      const q = a / b;
      const r = a % b;
      return 2n * (r < 0n ? -r : r) >= b ? q + (a < 0n ? -1n : 1n) : q;
    };
    const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(
        fc.oneof(safe, fc.integer({ min: -1e6, max: 1e6 })),
        fc.oneof(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 1000 })),
        (a, b) => {
          expect(BigInt(divRoundHalfAwayFromZero(a, b))).toBe(reference(BigInt(a), BigInt(b)));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('formats Dutch notation', async () => {
    expect(formatEuro(122950)).toBe('€ 1.229,50');
    expect(formatBedrag(-1200)).toBe('-12,00');
    expect(formatBedrag(5)).toBe('0,05');
    expect(formatBedrag(123456789)).toBe('1.234.567,89');
  });
  it('formats CSV cells without thousands separators', async () => {
    expect(formatBedrag(123456789, { csv: true })).toBe('1234567,89');
    expect(formatBedrag(-750, { csv: true })).toBe('-7,50');
    expect(formatBedrag(5, { csv: true })).toBe('0,05');
  });
  it('formats a CSV cell as the plain one without its dots', async () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cent) => {
        expect(formatBedrag(cent, { csv: true })).toBe(formatBedrag(cent).replaceAll('.', ''));
      }),
    );
  });
});

describe('allocate', () => {
  it('splits by largest remainder, the lowest index first on a tie', async () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(2, [1, 3])).toEqual([1, 1]);
    expect(allocate(2, [3, 1])).toEqual([2, 0]);
    expect(allocate(1000, [600, 300, 100])).toEqual([600, 300, 100]);
    expect(allocate(0, [5, 7])).toEqual([0, 0]);
  });
  it('refuses weights without a sum, and non-integers', async () => {
    expect(() => allocate(100, [])).toThrow(RangeError);
    expect(() => allocate(100, [0, 0])).toThrow(RangeError);
    expect(() => allocate(100, [1, -1])).toThrow(RangeError);
    expect(() => allocate(1.5, [1])).toThrow(RangeError);
    expect(() => allocate(100, [0.5, 1])).toThrow(RangeError);
  });

  // Weights of one sign (minutes on an invoice: all positive, or all negative on a credit).
  const weights = fc.boolean().chain((negative) =>
    fc
      .array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 12 })
      .filter((ws) => ws.some((w) => w !== 0))
      .map((ws) => (negative ? ws.map((w) => -w) : ws)),
  );
  const total = fc.integer({ min: -10_000_000, max: 10_000_000 });

  it('adds up exactly, each part within a cent of its exact share', async () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocate(t, ws);
        const sumW = BigInt(ws.reduce((s, w) => s + w, 0));
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(t);
        for (const [i, p] of parts.entries()) {
          // |p − t·w/W| < 1, in integers: |p·W − t·w| < |W|.
          const diff = BigInt(p) * sumW - BigInt(t) * BigInt(ws[i]!);
          expect((diff < 0n ? -diff : diff) < (sumW < 0n ? -sumW : sumW)).toBe(true);
        }
      }),
    );
  });
  it('gives the extra cents to the largest remainders, the lowest index first', async () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocate(t, ws);
        const sumW = ws.reduce((s, w) => s + w, 0);
        const rest = ws.map((w) => Math.abs((t * w) % sumW));
        const extra = parts.map((p, i) => p !== Math.trunc((t * ws[i]!) / sumW));
        for (const i of ws.keys()) {
          for (const j of ws.keys()) {
            // Whoever got an extra cent stands before whoever did not.
            if (extra[i] && !extra[j]) expect(rest[i]! > rest[j]! || (rest[i] === rest[j] && i < j)).toBe(true);
          }
        }
      }),
    );
  });
  it('gives what the split inside perKind gave before it moved here, for weights of any sign', async () => {
    // The inline split of perKind as it was (billing.ts before allocate existed).
    const before = (fee: number, minutes: number[]): number[] => {
      const minuten = minutes.reduce((s, m) => s + m, 0);
      const parts = minutes.map((m) => {
        const exact = fee * m;
        return { cent: Math.trunc(exact / minuten), rest: Math.abs(exact % minuten) };
      });
      let left = fee - parts.reduce((s, p) => s + p.cent, 0);
      for (const p of [...parts].sort((a, b) => b.rest - a.rest)) {
        if (left === 0) break;
        const step = Math.sign(left);
        p.cent += step;
        left -= step;
      }
      return parts.map((p) => p.cent);
    };
    fc.assert(
      fc.property(
        total,
        fc
          .array(fc.integer({ min: -20_000, max: 20_000 }), { minLength: 1, maxLength: 12 })
          .filter((ws) => ws.reduce((s, w) => s + w, 0) !== 0),
        (t, ws) => {
          expect(allocate(t, ws)).toEqual(before(t, ws));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('does not depend on the order of the weights, except between equal remainders', async () => {
    fc.assert(
      fc.property(
        total,
        weights.chain((ws) =>
          fc.tuple(
            fc.constant(ws),
            fc.shuffledSubarray(
              ws.map((_, i) => i),
              { minLength: ws.length },
            ),
          ),
        ),
        (t, [ws, order]) => {
          const parts = allocate(t, ws);
          const shuffled = allocate(
            t,
            order.map((i) => ws[i]!),
          );
          const sumW = ws.reduce((s, w) => s + w, 0);
          const rest = ws.map((w) => Math.abs((t * w) % sumW));
          for (const [k, i] of order.entries()) {
            // A part may differ only where another part with the same remainder could take its cent.
            if (shuffled[k] !== parts[i]) expect(rest.some((r, j) => j !== i && r === rest[i])).toBe(true);
          }
          expect([...shuffled].sort((a, b) => a - b).reduce((s, p) => s + p, 0)).toBe(t);
        },
      ),
    );
  });
});
