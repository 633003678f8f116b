// A bureau's year 2026, built through the CLI, for the jaaropgave and the toeslag data: two ouders,
// one with two children and one child with two gastouders; January invoiced at the old fees, a fee
// change, July invoiced and then credited, December invoiced and corrected in January 2027. Every
// figure the tests check is computed by hand in the comments below.
import path from 'node:path';
import { expect } from 'vitest';
import { gob, tempDir, writeCsv } from './helpers.js';

export const BSN_A = '111222333';
export const BSN_PARTNER_A = '123456782';
export const BSN_K1 = '100000009';
export const BSN_K2 = '100000010';

/** Run a gob command on `dir` as of `today`; it must succeed. */
export async function ok(dir: string, today: string, args: string[]) {
  const r = await gob(dir, args, { GOB_TODAY: today });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

let files = 0;
/** Import urenkaart rows `gastouder;kind;datum;van;tot` (as a gastouder's Excel sends them). */
export async function uren(dir: string, today: string, rows: string[], ...flags: string[]) {
  const file = writeCsv(path.join(dir, `uren-${++files}.csv`), ['gastouder;kind;datum;van;tot', ...rows]);
  return ok(dir, today, ['urenkaart', 'import', file, ...flags]);
}

/**
 * The year. Numbers (invoice numbers follow the ouder order within a run):
 * - Jan (fees 29,50 / 57,50), invoiced 2026-02-03: 2026-00001 A € 173,50, 2026-00002 B € 168,50.
 *   A: K0001 600 min × 8,00 = 80,00; K0002 270 min = 36,00; fee two children 57,50.
 *   B: K0003 at G0001 300 min × 7,50 = 37,50 + fee 29,50; at G0002 480 min × 9,00 = 72,00 + fee 29,50.
 * - A pays January on 2026-02-10; payout to G0001 on 2026-02-12: 80,00 + 36,00 = 116,00.
 * - Fees become 30,00 / 60,00 on 2026-02-20.
 * - Jul, invoiced 2026-08-03: 2026-00003 A € 172,00 (K0001 780 min = 104,00; K0002 60 min = 8,00;
 *   fee 60,00), 2026-00004 B € 66,00 (G0002: 240 min = 36,00 + fee 30,00).
 * - Jul corrected 2026-08-10 (G0001 drops K0001's 07-07, 240 min): 2026-00005 A € -32,00 (credit).
 * - Dec, invoiced 2027-01-04: 2027-00001 A € 70,00 (K0001 300 min = 40,00 + fee one child 30,00),
 *   2027-00002 B € 45,00 (K0003 at G0001 120 min = 15,00 + fee 30,00).
 * - A pays December on 2027-01-08; payout to G0001 on 2027-01-11 (not in 2026's overview).
 * - Dec corrected 2027-01-12 (late: K0002 180 min): 2027-00003 A € 54,00 (K0002 24,00; fee one
 *   child −30,00; fee two children +60,00).
 */
export async function yearBureau(): Promise<string> {
  const dir = tempDir();
  const t0 = '2026-01-02';
  await ok(dir, t0, [
    'init',
    '--naam',
    'Gastouderbureau Het Jaar',
    '--adres',
    'Jaarweg 1',
    '--postcode',
    '1234 AB',
    '--plaats',
    'Utrecht',
    '--kvk',
    '12345678',
    '--lrk',
    '987654321',
    '--iban',
    'NL91ABNA0417164300',
  ]);
  const add = (args: string[]) => ok(dir, t0, args);
  await add([
    'gastouder',
    'add',
    '--naam',
    'Anna Jaar',
    '--geboortedatum',
    '1980-03-04',
    '--lrk',
    '111111111',
    '--achterwacht',
    'Piet 0612345678',
  ]);
  await add([
    'gastouder',
    'add',
    '--naam',
    'Bea Jaar',
    '--geboortedatum',
    '1975-05-06',
    '--lrk',
    '222222222',
    '--achterwacht',
    'Kees 0687654321',
  ]);
  await add([
    'ouder',
    'add',
    '--naam',
    'Ouder Alfa',
    '--geboortedatum',
    '1985-01-02',
    '--adres',
    'Alfastraat 1',
    '--postcode',
    '1111 AA',
    '--plaats',
    'Utrecht',
    '--bsn',
    BSN_A,
    '--partner-naam',
    'Partner Alfa',
    '--partner-bsn',
    BSN_PARTNER_A,
    '--partner-geboortedatum',
    '1984-02-03',
  ]);
  await add(['ouder', 'add', '--naam', 'Ouder Beta', '--adres', 'Betastraat 2', '--postcode', '2222 BB', '--plaats', 'Utrecht']);
  await add(['kind', 'add', '--naam', 'Kind Een', '--geboortedatum', '2022-01-10', '--bsn', BSN_K1, '--ouder', 'O0001']);
  await add(['kind', 'add', '--naam', 'Kind Twee', '--geboortedatum', '2023-02-11', '--bsn', BSN_K2, '--ouder', 'O0001']);
  await add(['kind', 'add', '--naam', 'Kind Drie', '--geboortedatum', '2022-03-12', '--ouder', 'O0002']);
  await add(['koppeling', 'add', '--kind', 'K0001', '--gastouder', 'G0001', '--start', '2026-01-01', '--uurtarief', '8,00']);
  await add(['koppeling', 'add', '--kind', 'K0002', '--gastouder', 'G0001', '--start', '2026-01-01', '--uurtarief', '8,00']);
  await add(['koppeling', 'add', '--kind', 'K0003', '--gastouder', 'G0001', '--start', '2026-01-01', '--uurtarief', '7,50']);
  await add(['koppeling', 'add', '--kind', 'K0003', '--gastouder', 'G0002', '--start', '2026-01-01', '--uurtarief', '9,00']);

  await uren(dir, '2026-02-02', [
    'G0001;K0001;2026-01-05;08:00;18:00',
    'G0001;K0002;2026-01-05;08:00;12:30',
    'G0001;K0003;2026-01-06;08:00;13:00',
    'G0002;K0003;2026-01-07;08:00;16:00',
  ]);
  await ok(dir, '2026-02-03', ['factuur', 'run', '--maand', '2026-01']);
  await ok(dir, '2026-02-10', [
    'betaling',
    'add',
    '--ouder',
    'O0001',
    '--bedrag',
    '173,50',
    '--datum',
    '2026-02-10',
    '--factuur',
    '2026-00001',
  ]);
  await ok(dir, '2026-02-12', ['uitbetaling', 'run', '--datum', '2026-02-12']);
  await ok(dir, '2026-02-20', ['bureau', 'set', '--bureaukosten-een-kind', '30,00', '--bureaukosten-meer-kinderen', '60,00']);

  await uren(dir, '2026-08-01', [
    'G0001;K0001;2026-07-06;08:00;17:00',
    'G0001;K0002;2026-07-06;09:00;10:00',
    'G0001;K0001;2026-07-07;08:00;12:00',
    'G0002;K0003;2026-07-08;08:00;12:00',
  ]);
  await ok(dir, '2026-08-03', ['factuur', 'run', '--maand', '2026-07']);
  await uren(dir, '2026-08-10', ['G0001;K0001;2026-07-06;08:00;17:00', 'G0001;K0002;2026-07-06;09:00;10:00'], '--te-laat');
  await ok(dir, '2026-08-10', ['factuur', 'run', '--maand', '2026-07']);

  await uren(dir, '2027-01-02', ['G0001;K0001;2026-12-07;08:00;13:00', 'G0001;K0003;2026-12-08;08:00;10:00']);
  await ok(dir, '2027-01-04', ['factuur', 'run', '--maand', '2026-12']);
  await ok(dir, '2027-01-08', [
    'betaling',
    'add',
    '--ouder',
    'O0001',
    '--bedrag',
    '70,00',
    '--datum',
    '2027-01-08',
    '--factuur',
    '2027-00001',
  ]);
  await ok(dir, '2027-01-11', ['uitbetaling', 'run', '--datum', '2027-01-11']);
  await uren(
    dir,
    '2027-01-12',
    ['G0001;K0001;2026-12-07;08:00;13:00', 'G0001;K0003;2026-12-08;08:00;10:00', 'G0001;K0002;2026-12-09;08:00;11:00'],
    '--te-laat',
  );
  await ok(dir, '2027-01-12', ['factuur', 'run', '--maand', '2026-12']);
  return dir;
}
