import type { Deps } from '../deps.js';
import { addById } from '../byid.js';
import type { RawOptions } from '../record.js';
import { BEZOEK } from './bezoek.js';

/**
 * `gob bezoek add --gastouder <code> --soort <soort> --datum <datum> [--koppeling <code>]
 * [--notitie <tekst>]` (CONTRACT §10): a koppeling exactly for an evaluatie.
 */
export async function bezoekAdd(opts: RawOptions, deps: Deps) {
  return addById(BEZOEK, opts, deps);
}
