// Writing many PDFs: on worker threads, one per core (two here), each with its own parsed fonts.
// A handful of documents is written in this thread: starting a worker costs more than it saves.
//
// Every target is checked before anything is rendered (CONTRACT §1 "Files written"), so an
// existing file, a link or a folder in the way refuses the batch with nothing written. Each file
// is written under a temporary name and renamed (files/write.ts). When one cannot be written (a
// full disk), the others stop, the files this run created are removed again, and the refusal says
// why. Error classes do not survive the thread boundary: a worker posts its failure as data.
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { Refused } from '../errors.js';
import { onInterrupt } from '../files/interrupt.js';
import { byFolder, checkTarget, ensureFolder, removeStaleTemporaries, removeTemporaries } from '../files/write.js';
import type { PdfJob } from './render.js';

const IN_PROCESS_BELOW = 8;

export interface PdfBatchOptions {
  /** --force: replace existing PDFs. */
  force?: boolean;
  onProgress?: (done: number) => void;
  /** Tests only (GOB_TEST_STOP_AT / GOB_TEST_SIGINT_AT): 'pdf-bezig' once workers have written files. */
  stage?: (at: string) => void;
}

/** What a worker posts: progress, a file it wrote, or why it stopped. */
export type WorkerMessage = { done: number; written: string[] } | { failure: WorkerFailure };
export type WorkerFailure = { refusal: string } | { bug: string };

/** A failure as plain data (for the thread boundary): a refusal's Dutch text, or a bug's message. */
export function failureOf(error: unknown): WorkerFailure {
  if (error instanceof Refused) return { refusal: error.message };
  return { bug: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

function errorOf(failure: WorkerFailure): Error {
  return 'refusal' in failure ? new Refused(failure.refusal) : new Error(`PDF-worker: ${failure.bug}`);
}

export async function writePdfs(jobs: PdfJob[], { force = false, onProgress, stage }: PdfBatchOptions = {}): Promise<void> {
  const files = new Set<string>();
  for (const job of jobs) {
    if (files.has(job.file)) throw new Refused(`${job.file} komt twee keer voor; er is niets geschreven.`);
    files.add(job.file);
    checkTarget(job.file, { force });
  }
  const existed = new Set(jobs.map((j) => j.file).filter((f) => fs.existsSync(f)));
  // Each folder once (a batch can be 44,000 files in one): made, and cleared of what a killed run left.
  for (const [folder, names] of byFolder(files)) {
    ensureFolder(folder);
    removeStaleTemporaries(folder, names);
  }
  const written: string[] = [];
  // [0]: stop, set by the first failure or an interrupt; [1]: files the workers have in hand.
  const control = new Int32Array(new SharedArrayBuffer(8));
  // A failure or an interrupt leaves no PDF of this run behind, only those that were there before.
  const undo = () => {
    for (const file of written) if (!existed.has(file)) fs.rmSync(file, { force: true });
  };
  // On Ctrl-C the workers may have files in hand and written files they have not reported yet:
  // stop them, wait (at most a few seconds) until none is writing, then remove every target of the
  // batch that was not there before, and the batch's temporary files.
  const release = onInterrupt(() => {
    Atomics.store(control, 0, 1);
    const until = Date.now() + 5000;
    for (let busy = Atomics.load(control, 1); busy > 0 && Date.now() < until; busy = Atomics.load(control, 1))
      Atomics.wait(control, 1, busy, 100);
    for (const file of files) if (!existed.has(file)) fs.rmSync(file, { force: true });
    for (const [folder, names] of byFolder(files)) removeTemporaries(folder, names, (pid) => pid === process.pid);
  });
  try {
    if (jobs.length < IN_PROCESS_BELOW) await writeHere(jobs, force, written, onProgress);
    else await writeOnWorkers(jobs, force, written, control, onProgress, stage);
  } catch (error) {
    undo();
    throw error;
  } finally {
    release();
  }
}

async function writeHere(jobs: PdfJob[], force: boolean, written: string[], onProgress?: (done: number) => void): Promise<void> {
  const [{ renderPdf }, { writeFileSafely }] = await Promise.all([import('./render.js'), import('../files/write.js')]);
  for (const job of jobs) {
    writeFileSafely(job.file, await renderPdf(job), { force, checked: true });
    written.push(job.file);
    onProgress?.(written.length);
  }
}

async function writeOnWorkers(
  jobs: PdfJob[],
  force: boolean,
  written: string[],
  control: Int32Array,
  onProgress?: (done: number) => void,
  stage?: (at: string) => void,
): Promise<void> {
  const count = Math.min(os.availableParallelism(), 4, Math.ceil(jobs.length / IN_PROCESS_BELOW));
  const shares: PdfJob[][] = Array.from({ length: count }, () => []);
  for (const [i, job] of jobs.entries()) shares[i % count]!.push(job);
  // control[0] is set by the first worker that fails: the others finish the file in hand and stop.
  let failure: Error | undefined;
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve) => {
          const fail = (error: Error) => {
            failure ??= error;
            Atomics.store(control, 0, 1);
          };
          const worker = new Worker(new URL('./pdf-worker.js', import.meta.url), { workerData: { jobs: share, force, control } });
          worker.on('message', (message: WorkerMessage) => {
            if ('failure' in message) return fail(errorOf(message.failure));
            written.push(...message.written);
            onProgress?.(written.length);
            stage?.('pdf-bezig');
          });
          worker.on('error', fail);
          worker.on('exit', (code) => {
            if (code !== 0) fail(new Error(`PDF-worker stopte met code ${code}`));
            resolve();
          });
        }),
    ),
  );
  if (failure) throw failure;
}
