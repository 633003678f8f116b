import { parseCode, parseInteger } from '../../domain/values.js';
import { listJaaropgaven } from '../../db/repo/jaaropgave.js';
import { type JaaropgaveGegevens, jaaropgaveDocument, jaaropgaveJson, maskBsns, renderJaaropgaveText } from '../../documents/jaaropgave.js';
import { NotFound } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOption, parseOptional } from '../options.js';

/**
 * `gob jaaropgave show <nummer> [--versie N] [--toon-bsn]`: the latest version unless asked. The
 * PDF prints BSNs in full (it exists for the Belastingdienst); on the terminal, text or JSON, they
 * are masked unless --toon-bsn, like everywhere in gob.
 */
export async function jaaropgaveShow(opts: { nummer: string; versie?: string; toonBsn?: boolean }, deps: Deps) {
  const nummer = parseOption('nummer', opts.nummer, parseCode);
  const versie = parseOptional('versie', opts.versie, (raw) => parseInteger(raw, { min: 1, max: 999 }));
  const versies = await listJaaropgaven(deps.db, { nummer });
  if (versies.length === 0) throw new NotFound(`Er is geen jaaropgave met nummer ${nummer}. Zie 'gob jaaropgave list'.`);
  const row = versie === undefined ? versies.at(-1)! : versies.find((v) => v.versie === versie);
  if (!row) {
    throw new NotFound(
      `Jaaropgave ${nummer} heeft geen versie ${versie}; er ${versies.length === 1 ? 'is versie 1' : `zijn versies 1 tot en met ${versies.length}`}.`,
    );
  }
  const g = JSON.parse(row.gegevens) as JaaropgaveGegevens;
  deps.out.raw(deps.out.json ? '' : renderJaaropgaveText(jaaropgaveDocument(row, opts.toonBsn ? g : maskBsns(g))));
  return jaaropgaveJson(row, g, { toonBsn: Boolean(opts.toonBsn) });
}
