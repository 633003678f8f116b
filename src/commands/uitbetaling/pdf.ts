import path from 'node:path';
import { parseCode, parseDate } from '../../domain/values.js';
import { listUitbetalingen } from '../../db/repo/uitbetaling.js';
import { NotFound, UsageError } from '../../errors.js';
import type { PdfJob } from '../../pdf/render.js';
import type { Deps } from '../deps.js';
import { writePdfBatch } from '../pdfs.js';
import { parseOptional, requireOption } from '../options.js';
import { uitbetalingDocument } from '../../documents/uitbetaling.js';

/** `gob uitbetaling pdf (<nummer>... | --datum <datum>) --out <dir> [--force]`: a specification per payout. */
export async function uitbetalingPdf(opts: { nummers?: string[]; datum?: string; out?: string; force?: boolean }, deps: Deps) {
  const nummers = (opts.nummers ?? []).map((n) => parseCode(n));
  const datum = parseOptional('datum', opts.datum, parseDate);
  if (nummers.length === 0 && !datum) throw new UsageError('Geef uitbetalingnummers of --datum <datum>.');
  const out = await requireOption('out', opts.out, (raw) => raw, deps, 'In welke map komen de PDF-bestanden?');
  const selected = datum ? (await listUitbetalingen(deps.db, { datum })).map((u) => u.nummer) : nummers;
  if (selected.length === 0) throw new NotFound(`Er zijn geen uitbetalingen op ${datum}.`);
  const jobs: PdfJob[] = [];
  for (const nummer of selected) {
    const found = await uitbetalingDocument(deps.db, nummer);
    if (!found) throw new NotFound(`Er is geen uitbetaling met nummer ${nummer}.`);
    jobs.push({ file: path.join(out, `${nummer}.pdf`), soort: 'tabel', doc: found.doc, meta: { nummer, datum: found.json.datum } });
  }
  return writePdfBatch(jobs, out, opts.force, deps);
}
