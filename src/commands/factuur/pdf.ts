import path from 'node:path';
import { parseCode, parseMonth } from '../../domain/values.js';
import { getFacturen, regelFromRow } from '../../db/repo/factuur.js';
import { NotFound, UsageError } from '../../errors.js';
import type { PdfJob } from '../../pdf/render.js';
import type { Deps } from '../deps.js';
import { writePdfBatch } from '../pdfs.js';
import { parseOptional, requireOption } from '../options.js';

/** `gob factuur pdf (<nummer>... | --maand <JJJJ-MM>) --out <dir> [--force]`: one PDF per invoice, `<nummer>.pdf`. */
export async function factuurPdf(opts: { nummers?: string[]; maand?: string; out?: string; force?: boolean }, deps: Deps) {
  const nummers = (opts.nummers ?? []).map((n) => parseCode(n));
  const maand = parseOptional('maand', opts.maand, parseMonth);
  if (nummers.length === 0 && !maand) throw new UsageError('Geef factuurnummers of --maand <JJJJ-MM>.');
  if (nummers.length > 0 && maand) throw new UsageError('Geef factuurnummers óf --maand, niet allebei.');
  const out = await requireOption('out', opts.out, (raw) => raw, deps, 'In welke map komen de PDF-bestanden?');
  // The invoices in two queries, not two per invoice; each becomes its job in the order given (a
  // month's in number order), and the first one missing is refused.
  const facturen = await getFacturen(deps.db, maand ? { maand } : { nummers });
  const selected = maand ? [...facturen.keys()] : nummers;
  if (selected.length === 0) throw new NotFound(`Er zijn geen facturen van ${maand}. Maak ze met 'gob factuur run --maand ${maand}'.`);
  const jobs: PdfJob[] = [];
  for (const nummer of selected) {
    const found = facturen.get(nummer);
    if (!found) throw new NotFound(`Er is geen factuur met nummer ${nummer}. Zie 'gob factuur list'.`);
    // The document is made where it is rendered (pdf/render.ts).
    jobs.push({ file: path.join(out, `${nummer}.pdf`), soort: 'factuur', factuur: found.factuur, regels: found.regels.map(regelFromRow) });
  }
  return writePdfBatch(jobs, out, opts.force, deps);
}
