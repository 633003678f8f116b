// One PDF job, whatever the document: the renderer is chosen by `soort`.
import type { Factuurregel } from '../domain/billing.js';
import type { FactuurRow } from '../db/tables/factuur.js';
import type { JaaropgaveRow } from '../db/tables/jaaropgave.js';
import { type FactuurGegevens, factuurDocument } from '../documents/factuur.js';
import { type JaaropgaveGegevens, jaaropgaveDocument } from '../documents/jaaropgave.js';
import { type DossierDocument, renderDossierPdf } from './dossier.js';
import { type PdfMeta, renderFactuurPdf } from './factuur.js';
import { renderJaaropgavePdf } from './jaaropgave.js';
import { renderTablePdf, type TableDocument } from './table.js';

/**
 * Invoices and jaaropgaven go to the PDF worker as they are stored (the snapshot as JSON text), and
 * the worker makes the document: parsing and formatting every document on the main thread held up
 * the workers until the last one was made, and a document of a hundred small strings took longer to
 * copy to a worker than the one text it is made from (a jaaropgave's year of months the most).
 */
export type PdfJob =
  | { file: string; soort: 'factuur'; factuur: FactuurRow; regels: Factuurregel[] }
  | { file: string; soort: 'jaaropgave'; row: JaaropgaveRow }
  | { file: string; soort: 'tabel'; doc: TableDocument; meta: PdfMeta }
  | { file: string; soort: 'dossier'; doc: DossierDocument; meta: PdfMeta };

export function renderPdf(job: PdfJob): Promise<Buffer> {
  switch (job.soort) {
    case 'factuur':
      return renderFactuurPdf(factuurDocument(job.factuur, job.regels, JSON.parse(job.factuur.gegevens) as FactuurGegevens), {
        nummer: job.factuur.nummer,
        datum: job.factuur.datum,
      });
    case 'jaaropgave':
      return renderJaaropgavePdf(jaaropgaveDocument(job.row, JSON.parse(job.row.gegevens) as JaaropgaveGegevens), {
        nummer: job.row.nummer,
        datum: job.row.datum,
      });
    case 'tabel':
      return renderTablePdf(job.doc, job.meta);
    case 'dossier':
      return renderDossierPdf(job.doc, job.meta);
  }
}
