import { describe, expect, it } from 'vitest';
import { parseSchaal } from '../../src/domain/bureaukosten.js';
import {
  isValidBsn,
  maskBsn,
  isSepaIban,
  parseAmount,
  parseBool,
  parseBsn,
  parseCode,
  parseDate,
  parseDay,
  parseEmail,
  parseIban,
  parseIncassantId,
  parseKvk,
  parseLrk,
  parseMandaat,
  parseMonth,
  parseOpmerking,
  parsePostcode,
  parseText,
  parseTime,
  parseUurtarief,
  showValue,
} from '../../src/domain/values.js';
import { ValueError } from '../../src/errors.js';

describe('parseDate', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['01-03-2026', '2026-03-01'],
    ['1-3-2026', '2026-03-01'],
    ['01/03/2026', '2026-03-01'],
    [' 29-02-2024 ', '2024-02-29'],
  ])('%s → %s', (raw, expected) => expect(parseDate(raw)).toBe(expected));
  it.each(['31-04-2026', '29-02-2025', '2026-13-01', '2026/03/01', '1 maart 2026', '', '00-01-2026'])('refuses %s', (raw) => {
    expect(() => parseDate(raw)).toThrow(ValueError);
  });
  it('names the accepted forms', async () => {
    expect(() => parseDate('31-04-2026')).toThrow(/JJJJ-MM-DD, DD-MM-JJJJ, D-M-JJJJ of DD\/MM\/JJJJ/);
  });
  it('names the years it accepts for a date that exists but is out of range', () => {
    // 9999-12-31 is in the calendar: "die in de kalender bestaat" did not say what was wrong.
    expect(() => parseDate('9999-12-31')).toThrow(/in de jaren 1900 tot en met 2200/);
    expect(() => parseDate('31-12-1899')).toThrow(/in de jaren 1900 tot en met 2200/);
  });
});

describe('parseMonth', () => {
  it.each([
    ['2026-03', '2026-03'],
    ['03-2026', '2026-03'],
    ['3-2026', '2026-03'],
  ])('%s → %s', (raw, expected) => expect(parseMonth(raw)).toBe(expected));
  it.each(['2026-13', '13-2026', 'maart'])('refuses %s', (raw) => expect(() => parseMonth(raw)).toThrow(ValueError));
});

describe('parseTime', () => {
  it.each([
    ['08:00', '08:00'],
    ['8:00', '08:00'],
    ['08.30', '08:30'],
    ['23:59', '23:59'],
  ])('%s → %s', (raw, expected) => expect(parseTime(raw)).toBe(expected));
  it('allows 24:00 only as an end', async () => {
    expect(parseTime('24:00', { end: true })).toBe('24:00');
    expect(() => parseTime('24:00')).toThrow(ValueError);
    expect(() => parseTime('00:00', { end: true })).toThrow(ValueError);
  });
  it('reads seconds only as :00, as Excel writes a time (CONTRACT §2)', () => {
    expect(parseTime('08:00:00')).toBe('08:00');
    expect(parseTime('8:30:00')).toBe('08:30');
    expect(parseTime('24:00:00', { end: true })).toBe('24:00');
    for (const raw of ['08:00:30', '08:00:0', '08.00.00', '08:00:00:00']) expect(() => parseTime(raw)).toThrow(ValueError);
  });
  it.each(['25:00', '12:60', 'acht uur', '8', '24:01'])('refuses %s', (raw) =>
    expect(() => parseTime(raw, { end: true })).toThrow(ValueError),
  );
});

describe('parseIban and isSepaIban', () => {
  it('takes any white space between the groups, also the non-breaking spaces of a web page', () => {
    expect(parseIban('NL91\u00a0ABNA\u00a00417\u00a01643\u00a000')).toBe('NL91ABNA0417164300');
    expect(parseIban(' nl91 abna 0417 1643 00 ')).toBe('NL91ABNA0417164300');
  });
  it('knows an IBAN that SEPA cannot reach', () => {
    expect(isSepaIban('NL91ABNA0417164300')).toBe(true);
    expect(isSepaIban(parseIban('BR1800360305000010009795493C1'))).toBe(false);
  });
});

describe('parseAmount', () => {
  it.each([
    ['7,50', 750],
    ['7.50', 750],
    ['€ 7,50', 750],
    ['€7,5', 750],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234', 123400],
    ['1234', 123400],
    ['0,01', 1],
    ['123.456,78', 12345678],
    ['1.000.000,00', 100_000_000],
  ])('%s → %i cent', (raw, cent) => expect(parseAmount(raw)).toBe(cent));
  it.each(['7,505', 'zeven', '', '1.23.4', '-7,50', '7,50,1'])('refuses %s', (raw) => expect(() => parseAmount(raw)).toThrow(ValueError));
  // Read as thousands these were € 75, € 500 and € 12.345: a leading zero is never a thousands group.
  it.each(['0.075', '0.500', '00.100', '012.345', '0.075,00'])('refuses %s (three decimals, not thousands)', (raw) =>
    expect(() => parseAmount(raw)).toThrow(ValueError),
  );
  it('says how an amount over its bound was read', () => {
    expect(() => parseAmount('2.000.000')).toThrow(/van ten hoogste € 1\.000\.000,00 \(gelezen als € 2\.000\.000,00\)/);
    expect(() => parseUurtarief('7.500')).toThrow(/ten hoogste € 100,00.*\(gelezen als € 7\.500,00\)/);
    expect(parseUurtarief('7.50')).toBe(750);
  });
  it('accepts a minus sign only when asked', async () => expect(parseAmount('-7,50', { negative: true })).toBe(-750));
  it('never goes through floating point: every cent from 0 to 100.000 round-trips', async () => {
    for (let cent = 0; cent <= 100_000; cent += 7) {
      const text = `${Math.floor(cent / 100)},${String(cent % 100).padStart(2, '0')}`;
      expect(parseAmount(text)).toBe(cent);
    }
  });
});

describe('bounds (CONTRACT §2)', () => {
  it.each([
    ['0,01', 1],
    ['7,50', 750],
    ['€ 100,00', 10_000],
    ['100', 10_000],
  ])('uurtarief %s → %i cent', (raw, cent) => expect(parseUurtarief(raw)).toBe(cent));
  it.each(['0', '0,00', '100,01', '90.000.000.000', '-7,50', 'zeven'])('uurtarief refuses %s, naming what is accepted', (raw) => {
    expect(() => parseUurtarief(raw)).toThrow(/meer dan € 0,00 en ten hoogste € 100,00/);
  });
  it.each(['1.000.000,01', '90.000.000.000', '99999999999999'])('any other amount refuses %s above € 1.000.000,00', (raw) => {
    expect(() => parseAmount(raw)).toThrow(/ten hoogste € 1\.000\.000,00/);
    expect(() => parseAmount(`-${raw}`, { negative: true })).toThrow(ValueError);
  });

  const esc = '\u001B';
  it.each([
    ['Anna de Vries', 'Anna de Vries'],
    ['  Łukasz Wałęsa ', 'Łukasz Wałęsa'],
    ['x'.repeat(200), 'x'.repeat(200)],
    // 200 characters that are 400 UTF-16 units: characters count, not units.
    ['😀'.repeat(200), '😀'.repeat(200)],
  ])('text accepts %s', (raw, stored) => expect(parseText(raw)).toBe(stored));
  it.each([
    ['201 characters', 'x'.repeat(201)],
    ['ESC', `Anna${esc}[31m`],
    ['NUL', 'Anna\u0000'],
    ['a tab inside', 'Anna\tde Vries'],
    ['a line end inside', 'Kerkweg 2\nUtrecht'],
    ['DEL', 'Anna\u007F'],
    ['a C1 control', 'Anna\u009B'],
    ['a bidi override', 'Anna\u202Eseirv'],
  ])('text refuses %s', (_, raw) => expect(() => parseText(raw)).toThrow(/ten hoogste 200 tekens, zonder stuurtekens/));
  it('opmerking: up to 500 characters, no control characters', async () => {
    expect(parseOpmerking('y'.repeat(500))).toBe('y'.repeat(500));
    expect(() => parseOpmerking('y'.repeat(501))).toThrow(/ten hoogste 500 tekens/);
    expect(() => parseOpmerking(`ziek${esc}`)).toThrow(ValueError);
  });
  it('postcode and e-mail are bounded text too', async () => {
    expect(() => parsePostcode(`1234${esc}`)).toThrow(ValueError);
    expect(() => parsePostcode('B'.repeat(201))).toThrow(ValueError);
    expect(() => parseEmail(`a${esc}b@example.nl`)).toThrow(ValueError);
    expect(() => parseEmail(`${'a'.repeat(200)}@example.nl`)).toThrow(ValueError);
  });

  it.each([
    ['MND-O0001', 'MND-O0001'],
    ['A', 'A'],
    ['m'.repeat(35), 'm'.repeat(35)],
    ["Ab 1/2-?:().,'+", "Ab 1/2-?:().,'+"],
  ])('mandaat accepts %s', (raw, stored) => expect(parseMandaat(raw)).toBe(stored));
  it.each(['m'.repeat(36), 'ä&<', 'MND_1', 'MND#1', 'MND€', '/MND', 'MND/', 'MND//1', 'MND  1', `MND${esc}`])(
    'mandaat refuses %s',
    (raw) => {
      expect(() => parseMandaat(raw)).toThrow(/SEPA-tekenset/);
    },
  );

  it('a refused value is shown with control characters escaped and a huge one shortened', async () => {
    expect(showValue(`Anna${esc}[31m\u0000\t\n\u202E`)).toBe('Anna\\x1B[31m\\x00\\t\\n\\u202E');
    const huge = 'E'.repeat(50 * 1024 * 1024);
    const shown = showValue(huge);
    expect(shown).toBe(`${'E'.repeat(40)}… (52.428.800 tekens)`);
    const error = (() => {
      try {
        parseText(`${esc}${huge}`);
      } catch (e) {
        return e as ValueError;
      }
    })();
    expect(error).toBeInstanceOf(ValueError);
    expect(error!.message.length).toBeLessThan(250);
    expect(error!.message).not.toContain(esc);
    expect(error!.message).toContain('\\x1B');
  });
});

describe('identifiers', () => {
  it('IBAN: mod 97, spaces, upper case', async () => {
    expect(parseIban('nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300');
    expect(() => parseIban('NL91ABNA0417164301')).toThrow(/controlegetal/);
  });
  it('BSN: the elfproef', async () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456781')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(parseBsn(' 123456782 ')).toBe('123456782');
    expect(() => parseBsn('123456789')).toThrow(/elfproef/);
  });
  it('masks a BSN to its last four digits', async () => expect(maskBsn('123456782')).toBe('*****6782'));
  it('LRK 9 digits, KvK 8 digits', async () => {
    expect(parseLrk('123456789')).toBe('123456789');
    expect(() => parseLrk('12345678')).toThrow(ValueError);
    expect(parseKvk('12345678')).toBe('12345678');
    expect(() => parseKvk('1234567')).toThrow(ValueError);
  });
  it('code: 1–20 of letters, digits, - and _', async () => {
    expect(parseCode('G-0001_a')).toBe('G-0001_a');
    expect(() => parseCode('G 1')).toThrow(ValueError);
    expect(() => parseCode('x'.repeat(21))).toThrow(ValueError);
  });
  it('incassant-ID: check digits', async () => {
    expect(parseIncassantId('NL79ZZZ999999990000')).toBe('NL79ZZZ999999990000');
    expect(parseIncassantId('de98 zzz 09999999999')).toBe('DE98ZZZ09999999999');
    expect(() => parseIncassantId('NL98ZZZ999999990000')).toThrow(ValueError);
  });
});

describe('ja/nee, dag, postcode', () => {
  it.each([
    ['ja', true],
    ['TRUE', true],
    ['1', true],
    ['nee', false],
    ['false', false],
    ['0', false],
  ])('%s → %s', (raw, value) => expect(parseBool(raw)).toBe(value));
  it('refuses other words', async () => expect(() => parseBool('misschien')).toThrow(/ja, nee, true, false, 1 of 0/));
  it('days: short and full Dutch names', async () => {
    expect(parseDay('Maandag')).toBe('ma');
    expect(parseDay('zo')).toBe('zo');
    expect(() => parseDay('monday')).toThrow(ValueError);
  });
  it('normalises Dutch postcodes', async () => expect(parsePostcode('1234ab')).toBe('1234 AB'));
});

describe('bureaukosten scale', () => {
  it('reads a single rate and a scale', async () => {
    expect(parseSchaal('1,60')).toEqual([{ vanafUren: 0, tariefCent: 160 }]);
    expect(parseSchaal('0:1,60;80:1,40;160:1,20')).toEqual([
      { vanafUren: 0, tariefCent: 160 },
      { vanafUren: 80, tariefCent: 140 },
      { vanafUren: 160, tariefCent: 120 },
    ]);
  });
  it.each(['10:1,60', '0:1,60;80:1,40;40:1,20', '0:abc'])('refuses %s', (raw) => expect(() => parseSchaal(raw)).toThrow(ValueError));
});
