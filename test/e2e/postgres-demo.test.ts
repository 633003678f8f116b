// Issue 16, done when: the whole demo month (the steps of `npm run demo`, scripts/demo-steps.mjs)
// gives on PostgreSQL the same invoices, bank files (byte for byte apart from the creation time) and
// PDFs as on SQLite, and the same output of every command (CONTRACT §11: "the same commands, options
// and output"). Both runs are in this file, one after the other, each in its own folder; gob runs in
// process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gob, ROOT, tempDir } from '../helpers.js';
import { createTestDatabase } from '../pg/databases.js';
import { DEMO_TODAY, demoSteps } from '../../scripts/demo-steps.mjs';

interface Run {
  dir: string;
  db: string;
  /** Per step: exit code and stdout (stderr too, for a failing step). */
  outputs: { line: string; code: number; stdout: string; stderr: string }[];
  /** Extra reads after the month, as JSON text per key. */
  reads: Map<string, string>;
}

async function runMonth(db: string, dir: string): Promise<Run> {
  const env: Record<string, string> = { GOB_DB: db, GOB_TODAY: DEMO_TODAY };
  const outputs: Run['outputs'] = [];
  // The demo's own steps; it reads its CSV files from the repository and writes under `dir`.
  await demoSteps(
    {
      async gob(args, exit) {
        const r = await gob(dir, args, { ...env });
        const line = args.map((a) => (a.startsWith(ROOT) ? path.basename(a) : a)).join(' ');
        outputs.push({ line, ...r });
        expect(r.code, `${line} (${db}): ${r.stderr}`).toBe(exit);
      },
      say: () => {},
      setEnv(name, value) {
        env[name] = value;
      },
      file: (name) => path.resolve(dir, name),
    },
    { data: path.join(ROOT, 'data', 'demo'), out: 'out' },
  );
  // November's invoices as PDFs too (the demo shows October's): they are compared with the others.
  const pdf = await gob(dir, ['factuur', 'pdf', '--maand', '2026-11', '--out', 'out/facturen-11', '--today', '2026-12-03'], { ...env });
  expect(pdf.code, pdf.stderr).toBe(0);
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

  it("runs the demo's own steps, up to the December template that Anna filled in in Excel and sent back", () => {
    const lines = sqlite.outputs.map((o) => o.line);
    expect(lines[0]).toMatch(/^init /);
    expect(lines.at(-1)).toBe('log --limit 8');
    expect(lines).toContain('urenkaart import out/sjablonen/urenkaart-2026-12-G0001.xlsx --today 2027-01-04');
    for (const run of [sqlite, postgres]) {
      const december = run.outputs.find((o) => o.line.startsWith('urenkaart list --maand 2026-12'));
      expect(december?.stdout, run.db).toMatch(/K0001 +2026-12-01 +08:00 +18:00 +10:00 +later opgehaald \(file\)/);
    }
    expect(postgres.outputs.length).toBe(sqlite.outputs.length);
  });

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
