// The text a PostgreSQL COPY gets (src/db/pgcopy.ts): what a name, a remark or a JSON snapshot
// holds must arrive as it was, and null must stay null (not the text '\N').
import { describe, expect, it } from 'vitest';
import { copyText } from '../../src/db/pgcopy.js';

describe('COPY text format', () => {
  it('writes null as \\N, numbers as digits, and escapes backslash, tab, newline and carriage return', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(-12345)).toBe('-12345');
    expect(copyText('Jansen')).toBe('Jansen');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText('{"opmerking":"a\\"b\\\\c"}')).toBe('{"opmerking":"a\\\\"b\\\\\\\\c"}');
    expect(copyText('een\tTAB\nen\r')).toBe('een\\tTAB\\nen\\r');
    expect(copyText('')).toBe('');
  });
});
