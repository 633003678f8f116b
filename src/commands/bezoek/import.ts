import type { Deps } from '../deps.js';
import { importById } from '../byid.js';
import { BEZOEK } from './bezoek.js';

/** `gob bezoek import <file.csv> [--dry-run]`: the columns of `bezoek list --csv`; upsert by id, all or nothing. */
export async function bezoekImport(opts: { bestand: string; dryRun?: boolean }, deps: Deps) {
  return importById(BEZOEK, opts, deps);
}
