// Invoices: `factuur run` for the 44,000 ouders of the bench month (target ≤ 0.1 ms per invoice),
// and PDFs per second for `factuur pdf --maand` against plain pdfkit writing one-page Helvetica
// documents in the same run (target ≥ 0.5× that rate, with the embedded font). Then the same
// month's PDFs on one worker thread, with src/pdf/pdfkit-internals.ts on and off: the gain of
// its patches of pdfkit and fontkit on its own, without the second core.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildBureau } from './bureau.mjs';
import { GOB, ROOT, gobSync, median, report, tempDir, timeRun } from './lib.mjs';
import { writeUrenkaart } from './urenkaart.mjs';

const ENV = { GOB_TODAY: '2026-11-03' };

function bureauWithMonth(name, gastouders) {
  const dir = tempDir(name);
  const { slots } = buildBureau(dir, { gastouders, kinderenPerGastouder: 4, achterwacht: true, kinderenPerOuder: 1 });
  writeUrenkaart(path.join(dir, 'uren.csv'), slots);
  gobSync(dir, ['urenkaart', 'import', 'uren.csv'], ENV);
  return dir;
}

/** Plain pdfkit, one page of Helvetica per document, written to files: the yardstick. */
const PLAIN = `
import fs from 'node:fs';
import PDFDocument from '${path.join(ROOT, 'node_modules', 'pdfkit', 'js', 'pdfkit.js')}';
const [out, count] = [process.argv[2], Number(process.argv[3])];
for (let i = 0; i < count; i++) {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  doc.font('Helvetica-Bold').fontSize(20).text('FACTUUR ' + i);
  doc.font('Helvetica').fontSize(10);
  for (let line = 0; line < 12; line++) doc.text('Opvang kind ' + line + '   70:45   € 7,95   € 562,46');
  doc.end();
  await done;
  fs.writeFileSync(out + '/' + i + '.pdf', Buffer.concat(chunks));
}
`;

/**
 * Preloaded into `gob factuur pdf --maand`: its worker threads are not started; the jobs they
 * were given (the month's invoices as the renderer gets them) go to the file named by argv[2]
 * of the preload's URL instead.
 */
const CAPTURE = (file) => `
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
const threads = createRequire(import.meta.url)('node:worker_threads');
const jobs = [];
threads.Worker = class extends EventEmitter {
  constructor(_url, { workerData }) {
    super();
    jobs.push(...workerData.jobs);
    setImmediate(() => this.emit('exit', 0));
  }
};
syncBuiltinESMExports();
process.on('exit', () => fs.writeFileSync(${JSON.stringify(file)}, JSON.stringify(jobs)));
`;

/** The PDF jobs of `gob factuur pdf --maand 2026-10` in `dir`, without writing any PDF. */
function monthJobs(dir) {
  const preload = path.join(dir, 'capture.mjs');
  const file = path.join(dir, 'jobs.json');
  fs.writeFileSync(preload, CAPTURE(file));
  timeRun(['--import', preload, GOB, 'factuur', 'pdf', '--maand', '2026-10', '--out', 'capture'], { cwd: dir, env: ENV });
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Wall time in ms of one worker thread (dist/pdf-worker.js, as gob starts it) writing `jobs`. */
function oneWorker(jobs, internals) {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(ROOT, 'dist', 'pdf-worker.js'), { workerData: { jobs, force: true, control, internals } });
    worker.on('message', (m) => 'failure' in m && reject(new Error(JSON.stringify(m.failure))));
    worker.on('error', reject);
    worker.on('exit', () => resolve(Number(process.hrtime.bigint() - start) / 1e6));
  });
}

/**
 * PDFs per second on one thread with the adapter on and off, the same jobs in turn (on, off, on,
 * off, …) so that a busy moment hits both alike. Without the patches pdfkit parses the font for
 * every document: those runs get the first `offCount` jobs only.
 */
export async function benchOneThread(dir, offCount = 100, rounds = 3) {
  const jobs = monthJobs(dir);
  const into = (mode) => {
    const out = path.join(dir, `een-${mode}`);
    fs.mkdirSync(out, { recursive: true });
    return jobs.map((j) => ({ ...j, file: path.join(out, path.basename(j.file)) }));
  };
  const on = into('aan');
  const off = into('uit').slice(0, offCount);
  const rates = { on: [], off: [] };
  for (let round = 0; round < rounds; round++) {
    rates.on.push(on.length / ((await oneWorker(on, true)) / 1000));
    rates.off.push(off.length / ((await oneWorker(off, false)) / 1000));
  }
  const [rateOn, rateOff] = [median(rates.on), median(rates.off)];
  report(`1 thread, pdfkit-internals aan (${on.length})`, rateOn.toFixed(0), "PDF's/s");
  report(`1 thread, pdfkit-internals uit (${off.length})`, rateOff.toFixed(0), "PDF's/s", `aan = ${(rateOn / rateOff).toFixed(1)}× uit`);
}

export async function benchFactuur() {
  // factuur run over the big month.
  const big = bureauWithMonth('factuur', 11_000);
  // The same month billed with the agreed hours on (§9): every child's rooster is read, per date.
  fs.copyFileSync(path.join(big, 'data', 'gob.sqlite'), path.join(big, 'data', 'afgesproken.sqlite'));
  const ms = timeRun([GOB, 'factuur', 'run', '--maand', '2026-10'], { cwd: big, env: ENV });
  const count = JSON.parse(gobSync(big, ['factuur', 'list', '--json'], ENV)).length;
  report(`factuur run, ${count} facturen`, (ms / 1000).toFixed(2), 's', `${(ms / count).toFixed(3)} ms per factuur (doel ≤ 0,1)`);
  const aan = { ...ENV, GOB_DB: 'data/afgesproken.sqlite' };
  gobSync(big, ['bureau', 'set', '--afgesproken-uren', 'ja'], aan);
  const msAan = timeRun([GOB, 'factuur', 'run', '--maand', '2026-10'], { cwd: big, env: aan });
  report(
    `factuur run met afgesproken-uren, ${count} facturen`,
    (msAan / 1000).toFixed(2),
    's',
    `${(msAan / count).toFixed(3)} ms per factuur (doel ≤ 0,2)`,
  );
  fs.rmSync(big, { recursive: true, force: true });

  // PDFs for a month of 1,000 invoices.
  const small = bureauWithMonth('pdf', 250);
  gobSync(small, ['factuur', 'run', '--maand', '2026-10'], ENV);
  const n = JSON.parse(gobSync(small, ['factuur', 'list', '--json'], ENV)).length;
  fs.writeFileSync(path.join(small, 'plain.mjs'), PLAIN);
  fs.mkdirSync(path.join(small, 'plain'));
  const plainMs = timeRun([path.join(small, 'plain.mjs'), path.join(small, 'plain'), String(n)]);
  const gobMs = timeRun([GOB, 'factuur', 'pdf', '--maand', '2026-10', '--out', 'pdf'], { cwd: small, env: ENV });
  const plainRate = n / (plainMs / 1000);
  const gobRate = n / (gobMs / 1000);
  const pages = spawnSync('pdfinfo', [path.join(small, 'pdf', '2026-00001.pdf')], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)?.[1];
  report(`pdfkit kaal, Helvetica, ${n} documenten`, plainRate.toFixed(0), "PDF's/s");
  report(
    `gob factuur pdf --maand (${n}, DejaVu ingebed, ${pages} p.)`,
    gobRate.toFixed(0),
    "PDF's/s",
    `${(gobRate / plainRate).toFixed(2)}× kaal (doel ≥ 0,5×)`,
  );
  await benchOneThread(small);
  fs.rmSync(small, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFactuur();
