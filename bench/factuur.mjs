// Invoices: `factuur run` for the 44,000 ouders of the bench month (target ≤ 0.1 ms per invoice),
// and PDFs per second for `factuur pdf --maand` against plain pdfkit writing one-page Helvetica
// documents in the same run (target ≥ 0.5× that rate, with the embedded font).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildBureau } from './bureau.mjs';
import { GOB, ROOT, gobSync, report, tempDir, timeRun } from './lib.mjs';
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

export function benchFactuur() {
  // factuur run over the big month.
  const big = bureauWithMonth('factuur', 11_000);
  const ms = timeRun([GOB, 'factuur', 'run', '--maand', '2026-10'], { cwd: big, env: ENV });
  const count = JSON.parse(gobSync(big, ['factuur', 'list', '--json'], ENV)).length;
  report(`factuur run, ${count} facturen`, (ms / 1000).toFixed(2), 's', `${(ms / count).toFixed(3)} ms per factuur (doel ≤ 0,1)`);
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
  report(`gob factuur pdf --maand (${n}, DejaVu ingebed, ${pages} p.)`, gobRate.toFixed(0), "PDF's/s", `${(gobRate / plainRate).toFixed(2)}× kaal (doel ≥ 0,5×)`);
  fs.rmSync(small, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) benchFactuur();
