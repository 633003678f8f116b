import { horizon, plichten, sorteerPerGastouder } from '../../domain/kwaliteit.js';
import { parseCode } from '../../domain/values.js';
import { kwaliteitBestand, kwaliteitDossiers } from '../../db/repo/kwaliteit.js';
import { kwaliteitDocument } from '../../documents/kwaliteit.js';
import { NotFound } from '../../errors.js';
import { checkTarget } from '../../files/write.js';
import type { Deps } from '../deps.js';
import { missingOptions, parseOption } from '../options.js';

/**
 * `gob kwaliteit pdf --gastouder <code> --out <file.pdf> [--force]` (CONTRACT §10): her quality file
 * for the GGD, with the duties as `kwaliteit check` sees them today (30 days ahead). A gastouder
 * without an active koppeling still has a file (her visits); it says no duties apply now.
 */
export async function kwaliteitPdf(opts: { gastouder?: string; out?: string; force?: boolean }, deps: Deps) {
  missingOptions(opts, ['gastouder', 'out']);
  const code = parseOption('gastouder', opts.gastouder!, parseCode);
  const out = opts.out!;
  // Before the work: an existing file (without --force), a link or a folder refuses at once.
  checkTarget(out, { force: opts.force });
  const bestand = await kwaliteitBestand(deps.db, code);
  if (!bestand) throw new NotFound(`Er is geen gastouder met code ${code}. Zie 'gob gastouder list'.`);
  const { beleid, dossiers } = await kwaliteitDossiers(deps.db, { today: deps.today, eindHorizon: horizon(deps.today), gastouder: code });
  const rows = sorteerPerGastouder(dossiers.map((d) => plichten({ ...d, beleid, today: deps.today })));
  const doc = kwaliteitDocument(bestand, rows, deps.today);
  const { writePdfs } = await import('../../pdf/batch.js');
  await writePdfs([{ file: out, soort: 'dossier', doc, meta: { nummer: `Kwaliteitsdossier ${code}`, datum: deps.today } }], {
    force: opts.force,
  });
  deps.out.line(`Kwaliteitsdossier van ${bestand.gastouder.naam} (${code}) geschreven naar ${out}.`);
  return { bestand: out, gastouder: code, bezoeken: bestand.bezoeken.length, plichten: rows };
}
