import { describe, expect, it } from 'vitest';
import { parseSchaal } from '../../src/domain/bureaukosten.js';
import {
  isValidBsn, maskBsn, parseAmount, parseBool, parseBsn, parseCode, parseDate, parseDay, parseIban, parseIncassantId,
  parseKvk, parseLrk, parseMonth, parsePostcode, parseTime,
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
  it('names the accepted forms', () => {
    expect(() => parseDate('31-04-2026')).toThrow(/JJJJ-MM-DD, DD-MM-JJJJ, D-M-JJJJ of DD\/MM\/JJJJ/);
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
  it('allows 24:00 only as an end', () => {
    expect(parseTime('24:00', { end: true })).toBe('24:00');
    expect(() => parseTime('24:00')).toThrow(ValueError);
    expect(() => parseTime('00:00', { end: true })).toThrow(ValueError);
  });
  it.each(['25:00', '12:60', 'acht uur', '8', '24:01'])('refuses %s', (raw) => expect(() => parseTime(raw, { end: true })).toThrow(ValueError));
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
    ['12.345.678,90', 1234567890],
  ])('%s → %i cent', (raw, cent) => expect(parseAmount(raw)).toBe(cent));
  it.each(['7,505', 'zeven', '', '1.23.4', '-7,50', '7,50,1'])('refuses %s', (raw) => expect(() => parseAmount(raw)).toThrow(ValueError));
  it('accepts a minus sign only when asked', () => expect(parseAmount('-7,50', { negative: true })).toBe(-750));
  it('never goes through floating point: every cent from 0 to 100.000 round-trips', () => {
    for (let cent = 0; cent <= 100_000; cent += 7) {
      const text = `${Math.floor(cent / 100)},${String(cent % 100).padStart(2, '0')}`;
      expect(parseAmount(text)).toBe(cent);
    }
  });
});

describe('identifiers', () => {
  it('IBAN: mod 97, spaces, upper case', () => {
    expect(parseIban('nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300');
    expect(() => parseIban('NL91ABNA0417164301')).toThrow(/controlegetal/);
  });
  it('BSN: the elfproef', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456781')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(parseBsn(' 123456782 ')).toBe('123456782');
    expect(() => parseBsn('123456789')).toThrow(/elfproef/);
  });
  it('masks a BSN to its last four digits', () => expect(maskBsn('123456782')).toBe('*****6782'));
  it('LRK 9 digits, KvK 8 digits', () => {
    expect(parseLrk('123456789')).toBe('123456789');
    expect(() => parseLrk('12345678')).toThrow(ValueError);
    expect(parseKvk('12345678')).toBe('12345678');
    expect(() => parseKvk('1234567')).toThrow(ValueError);
  });
  it('code: 1–20 of letters, digits, - and _', () => {
    expect(parseCode('G-0001_a')).toBe('G-0001_a');
    expect(() => parseCode('G 1')).toThrow(ValueError);
    expect(() => parseCode('x'.repeat(21))).toThrow(ValueError);
  });
  it('incassant-ID: check digits', () => {
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
  it('refuses other words', () => expect(() => parseBool('misschien')).toThrow(/ja, nee, true, false, 1 of 0/));
  it('days: short and full Dutch names', () => {
    expect(parseDay('Maandag')).toBe('ma');
    expect(parseDay('zo')).toBe('zo');
    expect(() => parseDay('monday')).toThrow(ValueError);
  });
  it('normalises Dutch postcodes', () => expect(parsePostcode('1234ab')).toBe('1234 AB'));
});

describe('bureaukosten scale', () => {
  it('reads a single rate and a scale', () => {
    expect(parseSchaal('1,60')).toEqual([{ vanafUren: 0, tariefCent: 160 }]);
    expect(parseSchaal('0:1,60;80:1,40;160:1,20')).toEqual([
      { vanafUren: 0, tariefCent: 160 },
      { vanafUren: 80, tariefCent: 140 },
      { vanafUren: 160, tariefCent: 120 },
    ]);
  });
  it.each(['10:1,60', '0:1,60;80:1,40;40:1,20', '0:abc'])('refuses %s', (raw) => expect(() => parseSchaal(raw)).toThrow(ValueError));
});
