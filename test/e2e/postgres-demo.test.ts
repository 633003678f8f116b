// Issue 16, done when: the whole demo month (the commands of scripts/demo.mjs) gives on PostgreSQL
// the same invoices, bank files (byte for byte apart from the creation time) and PDFs as on SQLite,
// and the same output of every command (CONTRACT §11: "the same commands, options and output").
// Both runs are in this file, one after the other, each in its own folder; gob runs in process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gob, ROOT, tempDir } from '../helpers.js';
import { createTestDatabase } from '../pg/databases.js';

const csv = (file: string) => path.join(ROOT, 'data', 'demo', file);

interface Step {
  args: string[];
  exit?: number;
}

/** scripts/demo.mjs, step by step (the demo's today is 2026-11-03 unless a step says --today). */
const DEMO_MONTH: Step[] = [
  {
    args: [
      'init',
      '--naam',
      'Gastouderbureau De Zonnebloem',
      '--adres',
      'Stationsplein 1',
      '--postcode',
      '3511 ED',
      '--plaats',
      'Utrecht',
      '--email',
      'info@zonnebloem.example',
      '--telefoon',
      '030-1234567',
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
    ],
  },
  { args: ['gastouder', 'import', csv('gastouders.csv')] },
  { args: ['ouder', 'import', csv('ouders.csv')] },
  { args: ['kind', 'import', csv('kinderen.csv')] },
  { args: ['koppeling', 'import', csv('koppelingen.csv')] },
  { args: ['rooster', 'import', csv('roosters.csv')], exit: 1 },
  { args: ['rooster', 'import', csv('roosters.csv'), '--force'] },
  { args: ['gastouder', 'list'] },
  { args: ['ouder', 'list'] },
  { args: ['koppeling', 'list', '--actief'] },
  { args: ['gastouder', 'show', 'G0002'] },
  { args: ['rooster', 'check'], exit: 1 },
  { args: ['urenkaart', 'import', csv('uren-2026-10-anna.csv')] },
  { args: ['urenkaart', 'import', csv('uren-2026-10-renee.csv')] },
  { args: ['urenkaart', 'import', csv('uren-2026-10-ingrid.csv'), '--today', '2026-11-09'], exit: 1 },
  { args: ['urenkaart', 'import', csv('uren-2026-10-ingrid.csv'), '--today', '2026-11-09', '--te-laat'] },
  { args: ['urenkaart', 'list', '--maand', '2026-10', '--kind', 'K0001'] },
  { args: ['factuur', 'run', '--maand', '2026-10', '--today', '2026-11-09'] },
  { args: ['urenkaart', 'import', csv('uren-2026-10-renee-correctie.csv'), '--today', '2026-11-10', '--te-laat'] },
  { args: ['factuur', 'run', '--maand', '2026-10', '--today', '2026-11-10'] },
  { args: ['factuur', 'list', '--maand', '2026-10'] },
  { args: ['factuur', 'show', '2026-00006'] },
  { args: ['factuur', 'pdf', '--maand', '2026-10', '--out', 'out/facturen'] },
  { args: ['betaling', 'add', '--ouder', 'O0005', '--bedrag', '572,00', '--datum', '2026-11-18', '--today', '2026-11-18'] },
  { args: ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'out/incasso-2026-11-20.xml', '--today', '2026-11-12'] },
  { args: ['uitbetaling', 'open', '--today', '2026-11-23'] },
  { args: ['uitbetaling', 'run', '--datum', '2026-11-24', '--today', '2026-11-24'] },
  { args: ['uitbetaling', 'show', 'U2026-00001', '--today', '2026-11-24'] },
  { args: ['sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', 'out/uitbetaling-2026-11-24.xml', '--today', '2026-11-24'] },
  { args: ['sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', 'out/nogmaals.xml', '--today', '2026-11-24'], exit: 1 },
  { args: ['sepa', 'list'] },
  { args: ['uitbetaling', 'pdf', '--datum', '2026-11-24', '--out', 'out/uitbetalingen', '--today', '2026-11-24'] },
  { args: ['uitbetaling', 'open', '--today', '2026-11-24'] },
  { args: ['bureau', 'set', '--afgesproken-uren', 'ja', '--today', '2026-10-28'] },
  {
    args: [
      'ouder',
      'add',
      '--naam',
      'Youssef El Amrani',
      '--adres',
      'Kerkstraat 5',
      '--postcode',
      '3811 CV',
      '--plaats',
      'Amersfoort',
      '--today',
      '2026-10-28',
    ],
  },
  { args: ['koppeling', 'edit', 'KP0007', '--tweede-ouder', 'O0006', '--verdeling', '60', '--today', '2026-10-28'] },
  {
    args: [
      'afwezigheid',
      'add',
      '--kind',
      'K0006',
      '--van',
      '2026-11-16',
      '--tot-en-met',
      '2026-11-20',
      '--soort',
      'vakantie',
      '--today',
      '2026-09-01',
    ],
  },
  {
    args: [
      'afwezigheid',
      'add',
      '--kind',
      'K0004',
      '--van',
      '2026-11-10',
      '--tot-en-met',
      '2026-11-10',
      '--soort',
      'ziek',
      '--today',
      '2026-11-10',
    ],
  },
  { args: ['afwezigheid', 'list', '--maand', '2026-11'] },
  { args: ['urenkaart', 'import', csv('uren-2026-11-anna.csv'), '--today', '2026-12-02'] },
  { args: ['urenkaart', 'check', '--maand', '2026-11', '--today', '2026-12-02'], exit: 1 },
  { args: ['urenkaart', 'import', csv('uren-2026-11-renee.csv'), '--today', '2026-12-03'] },
  { args: ['urenkaart', 'import', csv('uren-2026-11-ingrid.csv'), '--today', '2026-12-03'] },
  { args: ['urenkaart', 'check', '--maand', '2026-11', '--today', '2026-12-03'] },
  { args: ['factuur', 'check', '--maand', '2026-11', '--today', '2026-12-03'], exit: 1 },
  { args: ['factuur', 'run', '--maand', '2026-11', '--today', '2026-12-03'] },
  { args: ['factuur', 'show', '2026-00009', '--today', '2026-12-03'] },
  { args: ['factuur', 'show', '2026-00012', '--today', '2026-12-03'] },
  { args: ['factuur', 'pdf', '--maand', '2026-11', '--out', 'out/facturen-11', '--today', '2026-12-03'] },
  { args: ['jaaropgave', 'run', '--jaar', '2026', '--today', '2026-12-03'] },
  { args: ['jaaropgave', 'show', 'J2026-00001', '--today', '2026-12-03'] },
  { args: ['jaaropgave', 'pdf', '--jaar', '2026', '--out', 'out/jaaropgaven', '--today', '2026-12-03'] },
  { args: ['jaaropgave', 'gastouder', '--jaar', '2026', '--out', 'out/jaaroverzichten', '--today', '2026-12-03'] },
  { args: ['toeslag', 'tarief'] },
  { args: ['toeslag', 'check', '--maand', '2026-11', '--today', '2026-12-03'], exit: 1 },
  { args: ['toeslag', 'export', '--maand', '2026-11', '--out', 'out/toeslag-2026-11.csv', '--today', '2026-12-03'] },
  { args: ['gastouder', 'edit', 'G0001', '--start', '2015-01-01', '--prk', 'ja', '--verzekering-tot', '2027-12-31'] },
  { args: ['gastouder', 'edit', 'G0002', '--start', '2019-02-01', '--prk', 'ja', '--verzekering-tot', '2027-12-31'] },
  { args: ['gastouder', 'edit', 'G0003', '--start', '2026-08-01', '--prk', 'ja', '--verzekering-tot', '2027-12-31'] },
  { args: ['huisgenoot', 'import', csv('huisgenoten.csv')] },
  { args: ['bezoek', 'import', csv('bezoeken.csv'), '--today', '2026-12-03'] },
  { args: ['kwaliteit', 'check', '--tot', '2027-01-31', '--today', '2026-12-03'], exit: 1 },
  { args: ['kwaliteit', 'pdf', '--gastouder', 'G0002', '--out', 'out/kwaliteit-G0002.pdf', '--today', '2026-12-03'] },
  { args: ['bureau', 'certificaat-maken', '--out', 'out/certificaat.p12'] },
  {
    args: [
      'contract',
      'teken',
      '--koppeling',
      'KP0001',
      '--partij',
      'ouder',
      '--naam',
      'Łukasz Wałęsa',
      '--plaats',
      'Utrecht',
      '--datum',
      '2025-02-20',
    ],
  },
  {
    args: [
      'contract',
      'teken',
      '--koppeling',
      'KP0001',
      '--partij',
      'gastouder',
      '--naam',
      'Anna de Vries',
      '--plaats',
      'Utrecht',
      '--datum',
      '2025-02-21',
    ],
  },
  { args: ['contract', 'pdf', '--koppeling', 'KP0001', '--out', 'out/overeenkomst-KP0001-gastouder.pdf'] },
  { args: ['contract', 'pdf', '--koppeling', 'KP0001', '--soort', 'bureau', '--out', 'out/overeenkomst-KP0001-bureau.pdf'] },
  { args: ['log', '--limit', '8'] },
];

const ENV = { GOB_TODAY: '2026-11-03', GOB_CERTIFICAAT_WACHTWOORD: 'demo-wachtwoord' };

interface Run {
  dir: string;
  db: string;
  /** Per step: exit code and stdout (stderr too, for a failing step). */
  outputs: { line: string; code: number; stdout: string; stderr: string }[];
  /** Extra reads after the month, as JSON text per key. */
  reads: Map<string, string>;
}

async function runMonth(db: string, dir: string): Promise<Run> {
  const env = { ...ENV, GOB_DB: db };
  const outputs: Run['outputs'] = [];
  for (const { args, exit = 0 } of DEMO_MONTH) {
    const r = await gob(dir, args, env);
    const line = args.map((a) => (a.startsWith(ROOT) ? path.basename(a) : a)).join(' ');
    outputs.push({ line, ...r });
    expect(r.code, `${line} (${db}): ${r.stderr}`).toBe(exit);
  }
  const reads = new Map<string, string>();
  const json = async (args: string[]) => {
    const r = await gob(dir, [...args, '--json', '--today', '2026-12-03'], env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    reads.set(args.join(' '), r.stdout);
    return JSON.parse(r.stdout);
  };
  const facturen = (await json(['factuur', 'list'])) as { nummer: string }[];
  for (const { nummer } of facturen) await json(['factuur', 'show', nummer]);
  const uitbetalingen = (await json(['uitbetaling', 'list'])) as { nummer: string }[];
  for (const { nummer } of uitbetalingen) await json(['uitbetaling', 'show', nummer]);
  const jaaropgaven = (await json(['jaaropgave', 'list'])) as { nummer: string }[];
  for (const { nummer } of jaaropgaven) await json(['jaaropgave', 'show', nummer]);
  for (const noun of ['gastouder', 'ouder', 'kind', 'koppeling']) await json([noun, 'list']);
  await json(['betaling', 'list']);
  return { dir, db, outputs, reads };
}

/** Every file under `dir/out`, by its path relative to it. */
function files(dir: string): Map<string, Buffer> {
  const out = path.join(dir, 'out');
  const found = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else found.set(path.relative(out, full), fs.readFileSync(full));
    }
  };
  walk(out);
  return found;
}

/** A bank file without its creation time (CreDtTm: the clock at the moment it was made). */
const withoutCreationTime = (xml: Buffer) => xml.toString('utf8').replace(/<CreDtTm>[^<]*<\/CreDtTm>/g, '<CreDtTm/>');

const pdfText = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;

describe('the demo month on SQLite and on PostgreSQL', () => {
  let sqlite: Run;
  let postgres: Run;
  beforeAll(async () => {
    const sqliteDir = tempDir('gob-demo-sqlite-');
    sqlite = await runMonth(path.join(sqliteDir, 'gob.sqlite'), sqliteDir);
    postgres = await runMonth(await createTestDatabase(), tempDir('gob-demo-pg-'));
  }, 180_000);

  it('gives the same invoices: factuur show --json of every invoice, and the same payouts, jaaropgaven, registry and payments', () => {
    expect([...postgres.reads.keys()]).toEqual([...sqlite.reads.keys()]);
    expect([...sqlite.reads.keys()].filter((k) => k.startsWith('factuur show')).length).toBeGreaterThanOrEqual(12);
    for (const [key, text] of sqlite.reads) expect(postgres.reads.get(key), key).toBe(text);
  });

  it('gives the same bank files, byte for byte apart from the creation time', () => {
    const a = files(sqlite.dir);
    const b = files(postgres.dir);
    const xml = [...a.keys()].filter((f) => f.endsWith('.xml')).sort();
    expect(xml).toEqual(['incasso-2026-11-20.xml', 'uitbetaling-2026-11-24.xml']);
    for (const f of xml) {
      expect(b.has(f), f).toBe(true);
      expect(withoutCreationTime(b.get(f)!), f).toBe(withoutCreationTime(a.get(f)!));
    }
    // Nothing else differs: the mask hides one element per file.
    for (const f of xml) expect(withoutCreationTime(a.get(f)!).match(/<CreDtTm\/>/g)?.length, f).toBe(1);
  });

  it('gives the same PDFs (the same bytes; the signed contracts the same text) and the same toeslag export', () => {
    const a = files(sqlite.dir);
    const b = files(postgres.dir);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const pdfs = [...a.keys()].filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(20);
    for (const f of pdfs) {
      if (f.startsWith('overeenkomst-')) {
        // Signed with a certificate made in each run (its own key and time): compare what it says.
        expect(pdfText(path.join(postgres.dir, 'out', f)), f).toBe(pdfText(path.join(sqlite.dir, 'out', f)));
      } else {
        expect(b.get(f)!.equals(a.get(f)!), `${f} differs`).toBe(true);
      }
    }
    expect(b.get('toeslag-2026-11.csv')!.equals(a.get('toeslag-2026-11.csv')!)).toBe(true);
  });

  it('prints the same for every command, apart from the database name and the clock', () => {
    // init names the database; log shows the clock time of each change.
    const comparable = (run: Run) =>
      run.outputs
        .filter((o) => !o.line.startsWith('init') && !o.line.startsWith('log'))
        .map((o) => ({
          line: o.line,
          code: o.code,
          stdout: o.stdout.replaceAll(run.dir, '<map>'),
          stderr: o.stderr.replaceAll(run.dir, '<map>'),
        }));
    expect(comparable(postgres)).toEqual(comparable(sqlite));
  });
});
