// The demo bureau of data/demo/, built through the CLI in a temp dir, as far as a test needs it.
import path from 'node:path';
import { expect } from 'vitest';
import { gob, ROOT, tempDir } from './helpers.js';

export const DEMO_TODAY = { GOB_TODAY: '2026-11-03' };

/** `gob init` of the demo bureau, with every detail invoices, contracts and SEPA files need. */
export const DEMO_INIT = [
  'init',
  '--naam',
  'Gastouderbureau De Zonnebloem',
  '--adres',
  'Stationsplein 1',
  '--postcode',
  '3511 ED',
  '--plaats',
  'Utrecht',
  '--kvk',
  '12345678',
  '--lrk',
  '987654321',
  '--iban',
  'NL91ABNA0417164300',
  '--bic',
  'ABNANL2A',
  '--incassant-id',
  'NL79ZZZ999999990000',
];
/** What the demo's invoice 2026-00001 (October, Łukasz Wałęsa) shows on its PDF, field by field. */
export const DEMO_FACTUUR_1 = [
  'Gastouderbureau De Zonnebloem',
  'Stationsplein 1',
  '3511 ED Utrecht',
  'KvK 12345678',
  'LRK 987654321',
  'IBAN NL91ABNA0417164300',
  'Łukasz Wałęsa',
  'Oudegracht 100',
  '3511 AB Utrecht',
  'Factuurnummer',
  '2026-00001',
  '3 november 2026',
  '17 november 2026',
  'oktober 2026',
  'Opvang Zoë Wałęsa (K0001)',
  'gastouder Anna de Vries, LRK 111111111',
  '70:45',
  '€ 7,95 p/u',
  '€ 562,46',
  'Bureaukosten per maand',
  '€ 57,50',
  'Totaal',
  '€ 985,66',
  'art. 11 lid 1 onderdeel w Wet OB 1968',
  'kinderopvangtoeslag',
  'Gem. uurprijs',
  '€ 8,44',
  '€ 8,49',
];

const demo = (file: string) => path.join(ROOT, 'data', 'demo', file);

export async function demoBureau({ rooster = true, uren = false, facturen = false } = {}): Promise<string> {
  const dir = tempDir();
  const run = async (args: string[], env = DEMO_TODAY) => {
    const r = await gob(dir, args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  };
  await run(DEMO_INIT);
  for (const [noun, file] of [
    ['gastouder', 'gastouders'],
    ['ouder', 'ouders'],
    ['kind', 'kinderen'],
    ['koppeling', 'koppelingen'],
  ] as const) {
    await run([noun, 'import', demo(`${file}.csv`)]);
  }
  if (rooster || uren) await run(['rooster', 'import', demo('roosters.csv'), '--force']);
  if (uren || facturen) {
    await run(['urenkaart', 'import', demo('uren-2026-10-anna.csv')]);
    await run(['urenkaart', 'import', demo('uren-2026-10-renee.csv')]);
    await run(['urenkaart', 'import', demo('uren-2026-10-ingrid.csv')]);
  }
  if (facturen) await run(['factuur', 'run', '--maand', '2026-10']);
  return dir;
}

/**
 * A larger bureau than the demo (bench/bureau.mjs: 12 gastouders, 48 kinderen) with October
 * invoiced: 24 invoices, enough for the PDF batches on worker threads.
 */
export async function invoicedBenchBureau(): Promise<string> {
  const { buildBureau } = await import('../bench/bureau.mjs');
  const { writeUrenkaart } = await import('../bench/urenkaart.mjs');
  const dir = tempDir();
  const { slots } = buildBureau(dir, { gastouders: 12, kinderenPerGastouder: 4, achterwacht: true });
  writeUrenkaart(path.join(dir, 'uren.csv'), slots);
  for (const args of [
    [
      'bureau',
      'set',
      '--adres',
      'Straat 1',
      '--postcode',
      '1234 AB',
      '--plaats',
      'Utrecht',
      '--kvk',
      '12345678',
      '--lrk',
      '123456789',
      '--iban',
      'NL91ABNA0417164300',
    ],
    ['urenkaart', 'import', 'uren.csv'],
    ['factuur', 'run', '--maand', '2026-10'],
  ]) {
    const r = await gob(dir, args, DEMO_TODAY);
    expect(r.code, r.stderr).toBe(0);
  }
  return dir;
}

/** `factuur show --json` of every invoice, in number order. */
export async function everyInvoice(dir: string, db: string): Promise<string[]> {
  const list = await gob(dir, ['--db', db, 'factuur', 'list', '--json'], DEMO_TODAY);
  expect(list.code, list.stderr).toBe(0);
  const nummers = (JSON.parse(list.stdout) as { nummer: string }[]).map((f) => f.nummer);
  expect(nummers.length).toBeGreaterThan(0);
  const shown: string[] = [];
  for (const nummer of nummers) shown.push((await gob(dir, ['--db', db, 'factuur', 'show', nummer, '--json'], DEMO_TODAY)).stdout);
  return shown;
}

export { demo };
