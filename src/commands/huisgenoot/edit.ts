import type { Deps } from '../deps.js';
import { editById } from '../byid.js';
import type { RawOptions } from '../record.js';
import { HUISGENOOT } from './huisgenoot.js';

/** `gob huisgenoot edit <id> [--gastouder] [--naam] [--geboortedatum] [--vog-datum] [--prk]`: an empty value clears a field. */
export async function huisgenootEdit(opts: RawOptions & { id: string }, deps: Deps) {
  return editById(HUISGENOOT, opts, deps);
}
