// Writing a batch of PDFs for a command: the one way every `pdf` command ends (a progress bar for a
// large batch on a terminal, the files, one line saying where they went, the JSON result).
import { aantal } from '../domain/tekst.js';
import type { PdfJob } from '../pdf/render.js';
import type { Deps } from './deps.js';

export async function writePdfBatch(jobs: PdfJob[], out: string, force: boolean | undefined, deps: Deps) {
  const progress = jobs.length > 20 ? await deps.out.progress(jobs.length, 'pdf') : { update: () => {}, stop: () => {} };
  // pdfkit and the worker threads load only when a command writes PDFs.
  const { writePdfs } = await import('../pdf/batch.js');
  try {
    await writePdfs(jobs, { force, onProgress: progress.update, stage: deps.stop });
  } finally {
    progress.stop();
  }
  deps.out.line(`${aantal(jobs.length, 'PDF', "PDF's")} geschreven naar ${out}.`);
  return { map: out, bestanden: jobs.map((j) => j.file) };
}
