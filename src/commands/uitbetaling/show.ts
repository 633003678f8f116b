import { parseCode } from '../../domain/values.js';
import { NotFound } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOption } from '../options.js';
import { renderTableText, uitbetalingDocument } from '../../documents/uitbetaling.js';

/** `gob uitbetaling show <nummer>`. */
export async function uitbetalingShow(opts: { nummer: string }, deps: Deps) {
  const nummer = parseOption('nummer', opts.nummer, parseCode);
  const found = await uitbetalingDocument(deps.db, nummer);
  if (!found) throw new NotFound(`Er is geen uitbetaling met nummer ${nummer}. Zie 'gob uitbetaling list'.`);
  if (!deps.out.json) deps.out.raw(renderTableText(found.doc));
  return found.json;
}
