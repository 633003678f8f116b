// The bounded lists of an import's log line (commands/record.ts): a big file names 50 records.
import { describe, expect, it } from 'vitest';
import { begrensdeLijst, LOG_MAX_GENOEMD, LogLijst } from '../../src/commands/record.js';

describe('bounded log lists', () => {
  const codes = (n: number) => Array.from({ length: n }, (_, i) => `KP${String(i + 1).padStart(4, '0')}`);

  it('names every item up to the limit, then the first 50 and how many more', () => {
    expect(LOG_MAX_GENOEMD).toBe(50);
    expect(begrensdeLijst([])).toBe('');
    expect(begrensdeLijst(codes(50))).toBe(codes(50).join(', '));
    expect(begrensdeLijst(codes(11_000))).toBe(`${codes(50).join(', ')} … en 10950 meer`);
  });

  it('LogLijst works out a label only while it is still named', () => {
    const lijst = new LogLijst();
    let worked = 0;
    for (const code of codes(60))
      lijst.add(() => {
        worked++;
        return `${code}: iban`;
      });
    expect(worked).toBe(50);
    expect(lijst.text('; ')).toBe(
      ` (${codes(50)
        .map((c) => `${c}: iban`)
        .join('; ')} … en 10 meer)`,
    );
    expect(new LogLijst().text()).toBe('');
  });
});
