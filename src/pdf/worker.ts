// A worker thread that writes its share of PDFs and reports progress (see batch.ts). Progress
// goes out at most every 100 ms: a message per document cost as much as a tenth of the rendering.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { type PdfJob, renderPdf } from './render.js';

let done = 0;
let last = Date.now();
for (const job of workerData as PdfJob[]) {
  fs.writeFileSync(job.file, await renderPdf(job));
  done++;
  if (Date.now() - last >= 100) {
    parentPort!.postMessage({ done });
    done = 0;
    last = Date.now();
  }
}
if (done > 0) parentPort!.postMessage({ done });
