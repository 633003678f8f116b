// A mandate id goes into the XML exactly as signed, or not at all (CONTRACT v2 §2, §6).
import { describe, expect, it } from 'vitest';
import { type Incasso, incassoXml, isSepaMandaat } from '../../src/domain/sepa.js';

const bureau = { naam: 'Bureau', iban: 'NL91ABNA0417164300', bic: null, incassantId: 'NL79ZZZ999999990000' };
const incasso = (mandaat: string): Incasso => ({
  endToEndId: 'INC-2026-00001-O0001',
  bedragCent: 100,
  naam: 'Ouder',
  iban: 'NL70TRIO0123456789',
  mandaat,
  mandaatDatum: '2026-01-15',
  omschrijving: 'facturen 2026-00001',
  volgorde: 'FRST',
});
const xml = (mandaat: string) =>
  incassoXml({
    formaat: 'pain.008.001.08',
    berichtId: 'GOB-INC-2026-00001',
    aangemaakt: '2026-11-12T10:00:00',
    incassodatum: '2026-11-20',
    bureau,
    incasso: [incasso(mandaat)],
  });

describe('mandate ids', () => {
  it.each([
    ['MND-O0001', true],
    ["A/b-?:().,'+ 9", true],
    ['M'.repeat(35), true],
    ['M'.repeat(36), false], // would be cut
    ['', false],
    ['ä1', false], // would lose its accent
    ['a&b', false], // & would become +
    ['a<b', false],
    ['a  b', false], // double space would be squeezed
    [' a', false],
    ['a\u0000b', false],
  ])('%j: %s', (mandaat, ok) => {
    expect(isSepaMandaat(mandaat)).toBe(ok);
    if (ok) expect(xml(mandaat)).toContain(`<MndtId>${mandaat}</MndtId>`);
    else expect(() => xml(mandaat)).toThrow(/zou in het SEPA-bestand veranderen/);
  });
});
