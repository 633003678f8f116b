import { TYPES } from '../../domain/fields.js';
import { listBezoeken } from '../../db/repo/bezoek.js';
import type { Deps } from '../deps.js';
import { printById } from '../byid.js';
import { checkFilterCodes } from '../filters.js';
import { parseOptional } from '../options.js';
import { BEZOEK } from './bezoek.js';

/** `gob bezoek list [--gastouder <code>] [--soort <soort>] [--csv]`. */
export async function bezoekList(opts: { gastouder?: string; soort?: string; csv?: boolean; xlsx?: string; force?: boolean }, deps: Deps) {
  const soort = parseOptional('soort', opts.soort, (raw) => String(TYPES.bezoekSoort.parse(raw)));
  await checkFilterCodes(deps.db, { gastouder: opts.gastouder });
  return printById(BEZOEK, await listBezoeken(deps.db, { gastouder: opts.gastouder, soort }), opts, deps);
}
