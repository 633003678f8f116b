import path from 'node:path';
import { gastouderJaren } from '../../domain/gastouderjaar.js';
import { parseCode, parseJaar } from '../../domain/values.js';
import { getBureau } from '../../db/repo/bureau.js';
import { gastouderJaarNamen, gastouderUitbetaald, gastouderZorg } from '../../db/repo/gastouderjaar.js';
import { type GastouderJaarNamen, gastouderJaarDocument, gastouderJaarJson } from '../../documents/gastouderjaar.js';
import { NotFound, Refused, UsageError } from '../../errors.js';
import type { PdfJob } from '../../pdf/render.js';
import type { Deps } from '../deps.js';
import { writePdfBatch } from '../pdfs.js';
import { parseOptional, requireOption } from '../options.js';

/**
 * `gob jaaropgave gastouder --jaar <JJJJ> [--gastouder <code>] (--out <dir> | --json) [--force]
 * [--toon-bsn]`: the yearly overview per gastouder (CONTRACT §8), made on demand from the invoices
 * and payouts (not stored: it has no number and nothing to replace). With --json one array, an
 * object per gastouder (also for one --gastouder); with --out a PDF per gastouder,
 * `<gastoudercode>-<jaar>.pdf`, BSNs in full.
 */
export async function jaaropgaveGastouder(
  opts: { jaar?: string; gastouder?: string; out?: string; force?: boolean; toonBsn?: boolean },
  deps: Deps,
) {
  if (deps.out.json === (opts.out !== undefined))
    throw new UsageError('Geef precies één van --out <map> (PDF per gastouder) en --json (het overzicht als JSON).');
  const jaar = await requireOption('jaar', opts.jaar, parseJaar, deps, 'Van welk jaar (JJJJ)?');
  const code = parseOptional('gastouder', opts.gastouder, parseCode);
  const [zorg, uitbetaald, namen, bureau] = await Promise.all([
    gastouderZorg(deps.db, jaar, code),
    gastouderUitbetaald(deps.db, jaar, code),
    gastouderJaarNamen(deps.db, code),
    getBureau(deps.db),
  ]);
  if (code !== undefined && namen.gastouders.length === 0)
    throw new NotFound(`Er is geen gastouder met code ${code}. Zie 'gob gastouder list'.`);
  const jaren = gastouderJaren(zorg, uitbetaald);
  if (jaren.length === 0)
    throw new Refused(
      code === undefined
        ? `Er is over ${jaar} geen opvang gefactureerd en niets uitbetaald: er is geen jaaroverzicht te maken.`
        : `Gastouder ${code} heeft over ${jaar} geen gefactureerde opvang en geen uitbetalingen: er is geen jaaroverzicht te maken.`,
    );
  const gastouders = new Map(namen.gastouders.map((g) => [g.code, g]));
  const kinderen = new Map(namen.kinderen.map((k) => [k.code, { naam: k.naam, geboortedatum: k.geboortedatum }]));
  const ouders = new Map(namen.ouders.map((o) => [o.code, { naam: o.naam, bsn: o.bsn }]));
  const namenVan = (g: string): GastouderJaarNamen => ({ bureau, gastouder: gastouders.get(g)!, kinderen, ouders });
  if (deps.out.json) return jaren.map((g) => gastouderJaarJson(jaar, g, namenVan(g.gastouder), { toonBsn: Boolean(opts.toonBsn) }));

  const out = opts.out!;
  const jobs: PdfJob[] = jaren.map((g) => {
    const nummer = `${g.gastouder}-${jaar}`;
    return {
      file: path.join(out, `${nummer}.pdf`),
      soort: 'tabel',
      doc: gastouderJaarDocument(jaar, deps.today, g, namenVan(g.gastouder)),
      meta: { nummer, datum: deps.today },
    };
  });
  return writePdfBatch(jobs, out, opts.force, deps);
}
