import path from 'node:path';
import { parseCode, parseJaar } from '../../domain/values.js';
import { listJaaropgaven } from '../../db/repo/jaaropgave.js';
import type { JaaropgaveRow } from '../../db/tables/jaaropgave.js';
import { NotFound, UsageError } from '../../errors.js';
import type { PdfJob } from '../../pdf/render.js';
import type { Deps } from '../deps.js';
import { writePdfBatch } from '../pdfs.js';
import { parseOptional, requireOption } from '../options.js';

/**
 * `gob jaaropgave pdf (<nummer>... | --jaar <JJJJ>) --out <dir> [--force]`: one PDF per jaaropgave,
 * `<nummer>.pdf`, always of its latest version (an earlier one is replaced, and the PDF says so),
 * drawn from the snapshot stored with it. Written on worker threads, as invoice PDFs.
 */
export async function jaaropgavePdf(opts: { nummers?: string[]; jaar?: string; out?: string; force?: boolean }, deps: Deps) {
  const nummers = (opts.nummers ?? []).map((n) => parseCode(n));
  const jaar = parseOptional('jaar', opts.jaar, parseJaar);
  if (nummers.length === 0 && jaar === undefined) throw new UsageError('Geef jaaropgavenummers of --jaar <JJJJ>.');
  if (nummers.length > 0 && jaar !== undefined) throw new UsageError('Geef jaaropgavenummers óf --jaar, niet allebei.');
  const out = await requireOption('out', opts.out, (raw) => raw, deps, 'In welke map komen de PDF-bestanden?');
  // The stored rows go to the PDF writer as they are: it makes each document where it renders it
  // (pdf/render.ts), so the main thread only reads.
  const job = (row: JaaropgaveRow): PdfJob => ({ file: path.join(out, `${row.nummer}.pdf`), soort: 'jaaropgave', row });
  let jobs: PdfJob[];
  if (jaar !== undefined) {
    jobs = (await listJaaropgaven(deps.db, { jaar, alleenLaatste: true })).map(job);
    if (jobs.length === 0) throw new NotFound(`Er zijn geen jaaropgaven van ${jaar}. Maak ze met 'gob jaaropgave run --jaar ${jaar}'.`);
  } else {
    // The numbers asked for in one query, not one each (a batch can be thousands); each becomes
    // its job in the order given, and the first one missing is refused.
    const found = new Map<string, PdfJob>();
    for (const row of await listJaaropgaven(deps.db, { nummers: [...new Set(nummers)], alleenLaatste: true })) {
      found.set(row.nummer, job(row));
    }
    jobs = nummers.map((nummer) => {
      const pdf = found.get(nummer);
      if (!pdf) throw new NotFound(`Er is geen jaaropgave met nummer ${nummer}. Zie 'gob jaaropgave list'.`);
      return pdf;
    });
  }
  return writePdfBatch(jobs, out, opts.force, deps);
}
