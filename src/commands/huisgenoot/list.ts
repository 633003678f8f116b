import { listHuisgenoten } from '../../db/repo/huisgenoot.js';
import type { Deps } from '../deps.js';
import { printById } from '../byid.js';
import { checkFilterCodes } from '../filters.js';
import { HUISGENOOT } from './huisgenoot.js';

/** `gob huisgenoot list [--gastouder <code>] [--csv]`. */
export async function huisgenootList(opts: { gastouder?: string; csv?: boolean; xlsx?: string; force?: boolean }, deps: Deps) {
  await checkFilterCodes(deps.db, { gastouder: opts.gastouder });
  return printById(HUISGENOOT, await listHuisgenoten(deps.db, { gastouder: opts.gastouder }), opts, deps);
}
