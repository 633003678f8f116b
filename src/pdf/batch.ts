// Writing many PDFs: on worker threads, one per core (two here), each with its own parsed fonts.
// A handful of documents is written in this thread: starting a worker costs more than it saves.
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfJob } from './render.js';

const IN_PROCESS_BELOW = 8;

export async function writePdfs(jobs: PdfJob[], onProgress?: (done: number) => void): Promise<void> {
  if (jobs.length < IN_PROCESS_BELOW) {
    const { renderPdf } = await import('./render.js');
    let done = 0;
    for (const job of jobs) {
      fs.writeFileSync(job.file, await renderPdf(job));
      onProgress?.(++done);
    }
    return;
  }
  const count = Math.min(os.availableParallelism(), 4, Math.ceil(jobs.length / IN_PROCESS_BELOW));
  const shares: PdfJob[][] = Array.from({ length: count }, () => []);
  for (const [i, job] of jobs.entries()) shares[i % count]!.push(job);
  let done = 0;
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./pdf-worker.js', import.meta.url), { workerData: share });
          worker.on('message', (message: { done: number }) => {
            done += message.done;
            onProgress?.(done);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`PDF-worker stopte met code ${code}`))));
        }),
    ),
  );
}
