// The demo bureau of data/demo/, built through the CLI in a temp dir, as far as a test needs it.
import path from 'node:path';
import { expect } from 'vitest';
import { gob, ROOT, tempDir } from './helpers.js';

export const DEMO_TODAY = { GOB_TODAY: '2026-11-03' };
const demo = (file: string) => path.join(ROOT, 'data', 'demo', file);

export async function demoBureau({ rooster = true, uren = false, facturen = false } = {}): Promise<string> {
  const dir = tempDir();
  const run = async (args: string[], env = DEMO_TODAY) => {
    const r = await gob(dir, args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  };
  await run([
    'init', '--naam', 'Gastouderbureau De Zonnebloem', '--adres', 'Stationsplein 1', '--postcode', '3511 ED', '--plaats', 'Utrecht',
    '--kvk', '12345678', '--lrk', '987654321', '--iban', 'NL91ABNA0417164300', '--bic', 'ABNANL2A', '--incassant-id', 'NL79ZZZ999999990000',
  ]);
  for (const [noun, file] of [['gastouder', 'gastouders'], ['ouder', 'ouders'], ['kind', 'kinderen'], ['koppeling', 'koppelingen']] as const) {
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

export { demo };
