import type { Deps } from '../deps.js';
import { removeById } from '../byid.js';
import { HUISGENOOT } from './huisgenoot.js';

/** `gob huisgenoot remove <id>` (someone who moved out). */
export async function huisgenootRemove(opts: { id: string }, deps: Deps) {
  return removeById(HUISGENOOT, opts, deps);
}
