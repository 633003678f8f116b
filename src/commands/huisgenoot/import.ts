import type { Deps } from '../deps.js';
import { importById } from '../byid.js';
import { HUISGENOOT } from './huisgenoot.js';

/** `gob huisgenoot import <file.csv> [--dry-run]`: the columns of `huisgenoot list --csv`; upsert by id, all or nothing. */
export async function huisgenootImport(opts: { bestand: string; dryRun?: boolean }, deps: Deps) {
  return importById(HUISGENOOT, opts, deps);
}
