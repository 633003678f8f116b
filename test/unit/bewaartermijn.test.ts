// CONTRACT §13, the pure part: the boundary of the term, and what anonymising does to a snapshot
// and a SEPA file.
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/cli/output.js';
import {
  anonimiseerSepa,
  anonimiseerSnapshot,
  anoniemeGeboortedatum,
  laatsteVan,
  termijnGrens,
  verlopen,
} from '../../src/domain/bewaartermijn.js';

describe('the retention term', () => {
  it('starts that many years back; a date on the boundary is within, a running koppeling keeps anyone', () => {
    expect(termijnGrens('2035-01-01', 7)).toBe('2028-01-01');
    expect(termijnGrens('2036-02-29', 7)).toBe('2029-02-28');
    const p = (code: string, laatste: string | null, lopend = false, naam = 'X') => ({
      soort: 'ouder' as const,
      code,
      naam,
      laatste,
      lopend,
    });
    expect(
      verlopen(
        [
          p('O1', '2027-12-31'),
          p('O2', '2028-01-01'),
          p('O3', '2020-01-01', true),
          p('O4', null),
          p('O5', '2020-01-01', false, 'geanonimiseerd O5'),
        ],
        '2035-01-01',
        7,
      ),
    ).toEqual([{ soort: 'ouder', code: 'O1', laatste: '2027-12-31' }]);
    expect(laatsteVan(['2026-11-03', null], ['2026-11', '2026-02'])).toBe('2026-11-30');
    expect(laatsteVan([], [])).toBeNull();
    expect(anoniemeGeboortedatum('1988-07-04')).toBe('1988-01-01');
    expect(anoniemeGeboortedatum(null)).toBeNull();
  });

  it('anonymises the people of a snapshot, keeps the rest, and is the same text when nobody in it is anonymised', () => {
    const g = JSON.stringify({
      bureau: { naam: 'B', adres: 'Straat 1' },
      ouder: { code: 'O1', naam: 'Jan', adres: 'A', postcode: 'P', plaats: 'U', geboortedatum: '1988-07-04', bsn: '123456782' },
      partner: { naam: 'Piet', geboortedatum: '1989-01-01', bsn: '111222333' },
      kinderen: {
        K1: { naam: 'Sem', geboortedatum: '2023-01-21', bsn: null },
        K2: { naam: 'Tess', geboortedatum: '2023-01-21', bsn: null },
      },
      gastouders: { G1: { naam: 'Anna', lrk: '111111111' } },
      regels: [{ kind: 'K1', bedragCent: 100 }],
    });
    const none = { ouders: new Set<string>(), kinderen: new Set<string>(), gastouders: new Set<string>() };
    expect(anonimiseerSnapshot(g, none)).toBe(g);
    const a = JSON.parse(anonimiseerSnapshot(g, { ouders: new Set(['O1']), kinderen: new Set(['K1']), gastouders: new Set(['G1']) }));
    expect(a).toEqual({
      bureau: { naam: 'B', adres: 'Straat 1' },
      ouder: { code: 'O1', naam: 'geanonimiseerd O1', adres: null, postcode: null, plaats: null, geboortedatum: '1988-01-01', bsn: null },
      partner: { naam: null, geboortedatum: null, bsn: null },
      kinderen: {
        K1: { naam: 'geanonimiseerd K1', geboortedatum: '2023-01-01', bsn: null },
        K2: { naam: 'Tess', geboortedatum: '2023-01-21', bsn: null },
      },
      gastouders: { G1: { naam: 'geanonimiseerd G1', lrk: '111111111' } },
      regels: [{ kind: 'K1', bedragCent: 100 }],
    });
    const once = JSON.stringify(a);
    expect(anonimiseerSnapshot(once, { ouders: new Set(['O1']), kinderen: new Set(['K1']), gastouders: new Set(['G1']) })).toBe(once);
  });

  it('anonymises only the transactions of the people named, line by line', () => {
    const xml = [
      '<Document>',
      '  <Cdtr>',
      '    <Nm>Bureau</Nm>',
      '  </Cdtr>',
      '  <DrctDbtTxInf>',
      '    <EndToEndId>INC-2026-00001-O1</EndToEndId>',
      '    <MndtId>MND-O1</MndtId>',
      '    <Nm>Jan</Nm>',
      '    <IBAN>NL70TRIO0123456789</IBAN>',
      '  </DrctDbtTxInf>',
      '  <DrctDbtTxInf>',
      '    <EndToEndId>INC-2026-00001-O2</EndToEndId>',
      '    <Nm>Piet</Nm>',
      '  </DrctDbtTxInf>',
      '</Document>',
    ].join('\n');
    const out = anonimiseerSepa(xml, (id) => (id.endsWith('-O1') ? 'O1' : null));
    expect(out.split('\n')).toHaveLength(xml.split('\n').length);
    expect(out).toContain('<Nm>Bureau</Nm>');
    expect(out).toContain('<Nm>Piet</Nm>');
    expect(out).toContain('<Nm>geanonimiseerd O1</Nm>');
    expect(out).toContain('<IBAN>geanonimiseerd</IBAN>');
    expect(out).toContain('<MndtId>geanonimiseerd</MndtId>');
    expect(out).not.toMatch(/Jan|NL70|MND-O1/);
    expect(anonimiseerSepa(out, (id) => (id.endsWith('-O1') ? 'O1' : null))).toBe(out);
  });

  it('a table of 300,000 people renders (Math.max over them overflowed the stack after anonymising 58,669)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => ({ soort: 'ouder', code: `O${i}`, laatste: '2027-01-15' }));
    const text = renderTable(
      [
        { key: 'soort', title: 'soort' },
        { key: 'code', title: 'code' },
        { key: 'laatste', title: 'laatste' },
      ],
      rows,
    );
    expect(text.split('\n')[1]).toBe('ouder  O0       2027-01-15');
  });
});
