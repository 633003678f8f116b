import { parseCode } from '../../domain/values.js';
import { getFactuur, regelFromRow } from '../../db/repo/factuur.js';
import { NotFound } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOption } from '../options.js';
import { type FactuurGegevens, factuurDocument, factuurJson, renderFactuurText } from '../../documents/factuur.js';

/** `gob factuur show <nummer>`: the invoice as text, or as JSON per the contract. */
export async function factuurShow(opts: { nummer: string }, deps: Deps) {
  const nummer = parseOption('nummer', opts.nummer, parseCode);
  const found = await getFactuur(deps.db, nummer);
  if (!found) throw new NotFound(`Er is geen factuur met nummer ${nummer}. Zie 'gob factuur list'.`);
  const regels = found.regels.map(regelFromRow);
  deps.out.raw(
    deps.out.json ? '' : renderFactuurText(factuurDocument(found.factuur, regels, JSON.parse(found.factuur.gegevens) as FactuurGegevens)),
  );
  return factuurJson(found.factuur, regels);
}
