// A worker thread that writes its share of PDFs and reports each one done (see batch.ts).
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { type PdfJob, renderPdf } from './render.js';

for (const job of workerData as PdfJob[]) {
  fs.writeFileSync(job.file, await renderPdf(job));
  parentPort!.postMessage({ done: 1 });
}
