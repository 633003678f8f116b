// CONTRACT §6: SEPA text fields stay within their length and are never cut inside a word or a
// number; a remittance text with more invoices than fit names the first, the last and how many.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incassoOmschrijving, sepaText } from '../../src/domain/sepa.js';

describe('sepaText', () => {
  it('cuts at the last space that fits, never inside a word or number', async () => {
    expect(sepaText('Gastouderbureau De Zonnebloem', 20)).toBe('Gastouderbureau De');
    expect(sepaText('facturen 2026-00001 2026-00002', 25)).toBe('facturen 2026-00001');
    expect(sepaText('Łukasz Wałęsa', 70)).toBe('Lukasz Walesa');
    // One word longer than the field: nothing else fits.
    expect(sepaText('abcdefghij', 4)).toBe('abcd');
  });
  it('property: within the length, and every word of the result is a word of the text', async () => {
    const word = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 12, max: 140 }), (words, max) => {
        const out = sepaText(words.join(' '), max);
        expect(out.length).toBeLessThanOrEqual(max);
        const got = out.split(' ');
        expect(got).toEqual(words.slice(0, got.length));
      }),
    );
  });
});

describe('incassoOmschrijving', () => {
  const nummers = (n: number) => Array.from({ length: n }, (_, i) => `2026-${String(i + 1).padStart(5, '0')}`);
  it('names every invoice when they fit', async () => {
    expect(incassoOmschrijving('De Zonnebloem', nummers(2), ['2026-00009'])).toBe(
      'De Zonnebloem facturen 2026-00001 2026-00002 verrekend 2026-00009',
    );
  });
  it('names the first and the last and how many when they do not', async () => {
    const text = incassoOmschrijving('Gastouderbureau De Zonnebloem', nummers(15), []);
    expect(text).toBe('Gastouderbureau De Zonnebloem facturen 2026-00001 t/m 2026-00015 (15)');
    expect(text.length).toBeLessThanOrEqual(140);
  });
  it('leaves the name out before it cuts a number', async () => {
    const text = incassoOmschrijving('x'.repeat(120), nummers(15), nummers(3));
    expect(text).toBe('facturen 2026-00001 t/m 2026-00015 (15) verrekend 2026-00001 t/m 2026-00003 (3)');
  });
});
