// A worker thread that writes its share of PDFs and reports progress (see batch.ts). Progress
// goes out at most every 100 ms: a message per document cost as much as a tenth of the rendering.
import { parentPort, workerData } from 'node:worker_threads';
import { writeFileSafely } from '../files/write.js';
import { failureOf, type WorkerMessage } from './batch.js';
import { useInternals } from './pdfkit-internals.js';
import { type PdfJob, renderPdf } from './render.js';

// internals: false makes this worker write with pdfkit's public API only (the bench's yardstick
// for the gain of pdfkit-internals.ts); gob itself never sets it.
const {
  jobs,
  force,
  control,
  internals = true,
} = workerData as { jobs: PdfJob[]; force: boolean; control: Int32Array; internals?: boolean };
if (!internals) useInternals(false);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

let written: string[] = [];
let last = Date.now();
try {
  for (const job of jobs) {
    // In hand first, then the stop flag: a parent that sets stop and then sees no file in hand
    // knows no worker will write another (batch.ts waits for that on Ctrl-C before cleaning up).
    Atomics.add(control, 1, 1);
    try {
      if (Atomics.load(control, 0) === 1) break;
      // The parent checked every target and made the folders before any worker started.
      writeFileSafely(job.file, await renderPdf(job), { force, checked: true });
    } finally {
      Atomics.sub(control, 1, 1);
      Atomics.notify(control, 1);
    }
    written.push(job.file);
    if (Date.now() - last >= 100) {
      post({ done: written.length, written });
      written = [];
      last = Date.now();
    }
  }
} catch (error) {
  // Written files are reported first, so the parent can remove them again.
  if (written.length > 0) post({ done: written.length, written });
  written = [];
  post({ failure: failureOf(error) });
}
if (written.length > 0) post({ done: written.length, written });
