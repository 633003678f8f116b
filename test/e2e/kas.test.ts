// The kassiersfunctie through the CLI: payments, incasso, stornos, payouts and SEPA files that
// validate against the ISO 20022 schemas (xmllint).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, demoBureau } from '../demo.js';
import { gob, ROOT } from '../helpers.js';

const SCHEMAS = path.join(ROOT, 'schemas');
const json = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
function validates(file: string, formaat: string): void {
  const r = spawnSync('xmllint', ['--noout', '--schema', path.join(SCHEMAS, `${formaat}.xsd`), file], { encoding: 'utf8' });
  expect(r.stderr).toContain('validates');
  expect(r.status).toBe(0);
}
const on = (date: string) => ({ GOB_TODAY: date });

describe('a month from incasso to payout', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoBureau({ facturen: true });
  });

  it('betaling add pays the oldest open invoice of the ouder', async () => {
    const r = json(
      await gob(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '500,00', '--datum', '2026-11-18', '--json'], on('2026-11-18')),
    );
    expect(r).toMatchObject({ bedragCent: 50000, toewijzingen: [{ factuur: '2026-00005', bedragCent: 50000 }], tegoedCent: 0 });
  });

  it('sepa incasso collects every open balance with a mandate (FRST), and warns for the others', async () => {
    const r = await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'incasso.xml', '--json'], on('2026-11-12'));
    const out = json(r);
    expect(out.incasso.map((i: { ouder: string; volgorde: string; bedragCent: number }) => [i.ouder, i.volgorde, i.bedragCent])).toEqual([
      ['O0001', 'FRST', 98566],
      ['O0002', 'FRST', 87845],
      ['O0003', 'FRST', 146563],
      ['O0004', 'FRST', 69775],
    ]);
    expect(r.stderr).toMatch(/O0005 \(Fatima El Amrani\) heeft € 72,00 open maar geen machtiging/);
    validates(path.join(dir, 'incasso.xml'), 'pain.008.001.08');
    const xml = fs.readFileSync(path.join(dir, 'incasso.xml'), 'utf8');
    expect(xml).toContain('<NbOfTxs>4</NbOfTxs>');
    expect(xml).toContain('<CtrlSum>4027.49</CtrlSum>');
    expect(xml).toContain('facturen 2026-00001');
    expect(xml).toContain('Lukasz Walesa'); // the SEPA character set
    // Collected invoices count as paid: nothing left to collect, no file, nothing booked.
    expect(
      json(await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-23', '--out', 'leeg.xml', '--json'], on('2026-11-12'))).aantal,
    ).toBe(0);
    expect(fs.existsSync(path.join(dir, 'leeg.xml'))).toBe(false);
  });

  it('uitbetaling open shows what is held per gastouder with the earliest deadline; exit 1 once it passed', async () => {
    const open = json(await gob(dir, ['uitbetaling', 'open', '--json'], on('2026-11-23')));
    expect(open).toEqual([
      { gastouder: 'G0001', bedragCent: 141011, teVerrekenenCent: 0, uiterlijk: '2026-11-27' },
      { gastouder: 'G0002', bedragCent: 174563, teVerrekenenCent: 0, uiterlijk: '2026-11-27' },
      { gastouder: 'G0003', bedragCent: 66825, teVerrekenenCent: 0, uiterlijk: '2026-11-27' },
    ]);
    const late = await gob(dir, ['uitbetaling', 'open'], on('2026-11-30'));
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/uiterste uitbetaaldatum is verstreken voor G0001 \(2026-11-27\)/);
  });

  it('uitbetaling run pays each gastouder once, on time; show --json per the contract', async () => {
    const run = json(await gob(dir, ['uitbetaling', 'run', '--datum', '2026-11-24', '--json'], on('2026-11-24')));
    expect(
      run.uitbetalingen.map((u: { nummer: string; bedragCent: number; teLaat: boolean }) => [u.nummer, u.bedragCent, u.teLaat]),
    ).toEqual([
      ['U2026-00001', 141011, false],
      ['U2026-00002', 174563, false],
      ['U2026-00003', 66825, false],
    ]);
    const show = json(await gob(dir, ['uitbetaling', 'show', 'U2026-00001', '--json'], DEMO_TODAY));
    expect(show).toEqual({
      nummer: 'U2026-00001',
      gastouder: 'G0001',
      datum: '2026-11-24',
      bedragCent: 141011,
      teLaat: false,
      regels: [
        {
          factuur: '2026-00001',
          kind: 'K0001',
          maand: '2026-10',
          minuten: 4245,
          bedragCent: 56246,
          betaaldOp: '2026-11-20',
          uiterlijk: '2026-11-27',
        },
        {
          factuur: '2026-00001',
          kind: 'K0002',
          maand: '2026-10',
          minuten: 2760,
          bedragCent: 36570,
          betaaldOp: '2026-11-20',
          uiterlijk: '2026-11-27',
        },
        {
          factuur: '2026-00002',
          kind: 'K0003',
          maand: '2026-10',
          minuten: 3570,
          bedragCent: 48195,
          betaaldOp: '2026-11-20',
          uiterlijk: '2026-11-27',
        },
      ],
    });
    expect(json(await gob(dir, ['uitbetaling', 'list', '--json'], DEMO_TODAY))).toHaveLength(3);
    expect(json(await gob(dir, ['uitbetaling', 'run', '--datum', '2026-11-25', '--json'], on('2026-11-25'))).uitbetalingen).toEqual([]);
  });

  it('sepa uitbetaling writes a pain.001 that validates, EndToEndId = payout number', async () => {
    const file = path.join(dir, 'pain.001.001.09.xml');
    json(await gob(dir, ['sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', file, '--json'], on('2026-11-24')));
    validates(file, 'pain.001.001.09');
    expect(fs.readFileSync(file, 'utf8')).toContain('<EndToEndId>U2026-00001</EndToEndId>');
  });

  it('the specification PDF names the child, month, invoice and payment date', async () => {
    expect((await gob(dir, ['uitbetaling', 'pdf', 'U2026-00001', '--out', 'spec'], DEMO_TODAY)).code).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', path.join(dir, 'spec', 'U2026-00001.pdf'), '-'], { encoding: 'utf8' }).stdout;
    for (const s of [
      'UITBETALING U2026-00001',
      'Anna de Vries',
      'Zoë Wałęsa (K0001)',
      'oktober 2026',
      '2026-00001',
      '2026-11-20',
      '€ 1.410,11',
    ])
      expect(text).toContain(s);
    expect(spawnSync('qpdf', ['--check', path.join(dir, 'spec', 'U2026-00001.pdf')]).status).toBe(0);
  });

  it('a storno reopens the invoice; the next incasso is RCUR and collects it again', async () => {
    expect(
      json(await gob(dir, ['betaling', 'storno', '--factuur', '2026-00004', '--datum', '2026-11-26', '--json'], on('2026-11-26')))
        .bedragCent,
    ).toBe(-69775);
    const again = json(
      await gob(
        dir,
        ['sepa', 'incasso', '--incassodatum', '2026-12-04', '--out', 'opnieuw.xml', '--formaat', 'pain.008.001.02', '--json'],
        on('2026-11-27'),
      ),
    );
    expect(again.incasso).toEqual([expect.objectContaining({ ouder: 'O0004', volgorde: 'RCUR', bedragCent: 69775 })]);
    validates(path.join(dir, 'opnieuw.xml'), 'pain.008.001.02');
    // Its care lines were paid out before the storno: they are not paid out twice.
    expect(json(await gob(dir, ['uitbetaling', 'run', '--datum', '2026-12-07', '--json'], on('2026-12-07'))).uitbetalingen).toEqual([]);
  });

  it('a late payout is marked late', async () => {
    json(await gob(dir, ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '72,00', '--datum', '2026-11-27', '--json'], on('2026-11-27')));
    const run = json(await gob(dir, ['uitbetaling', 'run', '--datum', '2026-12-10', '--json'], on('2026-12-10')));
    // Yara's care (invoice 2026-00005: € 542,50 of € 572,00; the rest is bureau costs), paid in
    // full on 27 November, deadline 4 December, paid out on the 10th.
    expect(run.uitbetalingen).toEqual([expect.objectContaining({ gastouder: 'G0002', teLaat: true, bedragCent: 54250 })]);
    // The older pain.001 version validates too.
    json(
      await gob(
        dir,
        ['sepa', 'uitbetaling', '--datum', '2026-12-10', '--out', 'oud.xml', '--formaat', 'pain.001.001.03', '--json'],
        on('2026-12-10'),
      ),
    );
    validates(path.join(dir, 'oud.xml'), 'pain.001.001.03');
    expect(fs.readFileSync(path.join(dir, 'oud.xml'), 'utf8')).toContain('<EndToEndId>U2026-00004</EndToEndId>');
  });
});

describe('refusals', () => {
  it('sepa uitbetaling names the gastouders without IBAN and writes nothing', async () => {
    const dir = await demoBureau({ facturen: true });
    await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'i.xml'], on('2026-11-12'));
    await gob(dir, ['uitbetaling', 'run', '--datum', '2026-11-24'], on('2026-11-24'));
    expect((await gob(dir, ['gastouder', 'edit', 'G0003', '--iban', ''], DEMO_TODAY)).code).toBe(0);
    const r = await gob(dir, ['sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', 'u.xml'], DEMO_TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Geen IBAN bekend voor G0003 \(Ingrid Brouwer\)/);
    expect(fs.existsSync(path.join(dir, 'u.xml'))).toBe(false);
  });
  it('bad input: an unknown ouder, a zero amount, an unknown format', async () => {
    const dir = await demoBureau({ facturen: true });
    expect((await gob(dir, ['betaling', 'add', '--ouder', 'O9', '--bedrag', '1', '--datum', '2026-11-02'], DEMO_TODAY)).code).toBe(1);
    expect((await gob(dir, ['betaling', 'add', '--ouder', 'O0001', '--bedrag', '0', '--datum', '2026-11-02'], DEMO_TODAY)).code).toBe(1);
    expect((await gob(dir, ['betaling', 'add', '--ouder', 'O0001', '--datum', '2026-11-02'], DEMO_TODAY)).stderr).toMatch(/--bedrag/);
    expect(
      (await gob(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'x.xml', '--formaat', 'pain.008.001.99'], DEMO_TODAY))
        .code,
    ).toBe(2);
    expect((await gob(dir, ['betaling', 'storno', '--factuur', '2026-00001', '--datum', '2026-11-02'], DEMO_TODAY)).stderr).toMatch(
      /niets betaald/,
    );
  });

  it('a date after today is refused for what has happened: a storno, a payout run, an invoice run (exit 2, nothing stored)', async () => {
    const dir = await demoBureau({ facturen: true });
    const vooruit = [
      ['betaling', 'storno', '--factuur', '2026-00001', '--datum', '2026-11-04'],
      ['uitbetaling', 'run', '--datum', '2026-11-25'],
      // An invoice dated 2062 by a typo would block every invoice dated before it, for ever.
      ['factuur', 'run', '--maand', '2026-10', '--datum', '2062-11-04'],
    ];
    for (const args of vooruit) {
      const r = await gob(dir, args, DEMO_TODAY);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^--datum: \d{4}-\d\d-\d\d ligt na vandaag \(2026-11-03\); /);
    }
    expect(JSON.parse((await gob(dir, ['factuur', 'list', '--json'], DEMO_TODAY)).stdout)).toHaveLength(5);
    expect(JSON.parse((await gob(dir, ['uitbetaling', 'list', '--json'], DEMO_TODAY)).stdout)).toEqual([]);
  });
});
