import type { Deps } from '../deps.js';
import { removeById } from '../byid.js';
import { BEZOEK } from './bezoek.js';

/** `gob bezoek remove <id>`: a visit entered by mistake (to correct one: remove and add, or import by id). */
export async function bezoekRemove(opts: { id: string }, deps: Deps) {
  return removeById(BEZOEK, opts, deps);
}
