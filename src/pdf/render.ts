// One PDF job, whatever the document: the renderer is chosen by `soort`.
import type { FactuurDocument } from '../documents/factuur.js';
import type { JaaropgaveDocument } from '../documents/jaaropgave.js';
import { type DossierDocument, renderDossierPdf } from './dossier.js';
import { type PdfMeta, renderFactuurPdf } from './factuur.js';
import { renderJaaropgavePdf } from './jaaropgave.js';
import { renderTablePdf, type TableDocument } from './table.js';

export type PdfJob =
  | { file: string; soort: 'factuur'; doc: FactuurDocument; meta: PdfMeta }
  | { file: string; soort: 'jaaropgave'; doc: JaaropgaveDocument; meta: PdfMeta }
  | { file: string; soort: 'tabel'; doc: TableDocument; meta: PdfMeta }
  | { file: string; soort: 'dossier'; doc: DossierDocument; meta: PdfMeta };

export function renderPdf(job: PdfJob): Promise<Buffer> {
  switch (job.soort) {
    case 'factuur':
      return renderFactuurPdf(job.doc, job.meta);
    case 'jaaropgave':
      return renderJaaropgavePdf(job.doc, job.meta);
    case 'tabel':
      return renderTablePdf(job.doc, job.meta);
    case 'dossier':
      return renderDossierPdf(job.doc, job.meta);
  }
}
