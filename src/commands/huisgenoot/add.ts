import type { Deps } from '../deps.js';
import { addById } from '../byid.js';
import type { RawOptions } from '../record.js';
import { HUISGENOOT } from './huisgenoot.js';

/** `gob huisgenoot add --gastouder <code> --naam <naam> --geboortedatum <datum> [--vog-datum <datum>] [--prk ja|nee]` (CONTRACT §10). */
export async function huisgenootAdd(opts: RawOptions, deps: Deps) {
  return addById(HUISGENOOT, opts, deps);
}
