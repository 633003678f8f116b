import { parseInteger } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { deleteAfwezigheid, getAfwezigheid } from '../../db/repo/afwezigheid.js';
import { getBureau } from '../../db/repo/bureau.js';
import { writeLog } from '../../db/repo/log.js';
import { NotFound } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseArgument } from '../options.js';
import { afwezigheidJson, describeAfwezigheid, hintGefactureerd } from './afwezigheid.js';

/**
 * `gob afwezigheid remove <id>`. Also for a month already invoiced: the invoices stay as they are
 * (they never change), and the next `factuur run` of that month bills the agreed hours the absence
 * excused, as a correction.
 */
export async function afwezigheidRemove(opts: { id: string }, deps: Deps) {
  const id = parseArgument('id', opts.id, (raw) => parseInteger(raw, { min: 1 }));
  const { a, hints } = await inTransaction(deps.db, async (trx) => {
    const row = await getAfwezigheid(trx, id);
    if (!row) throw new NotFound(`Er is geen afwezigheid met id ${id}. Zie 'gob afwezigheid list'.`);
    await deleteAfwezigheid(trx, id);
    await writeLog(trx, deps, `afwezigheid ${id} verwijderd: ${describeAfwezigheid(row)}`);
    return { a: row, hints: await hintGefactureerd(trx, row, (await getBureau(trx)).afgesproken_uren === 1) };
  });
  deps.out.line(`Afwezigheid ${id} verwijderd: ${describeAfwezigheid(a)}.`);
  for (const h of hints) deps.out.line(h);
  return afwezigheidJson(a);
}
