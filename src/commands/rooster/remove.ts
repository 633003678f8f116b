import { parseInteger } from '../../domain/values.js';
import { writeLog } from '../../db/repo/log.js';
import { deleteRooster, getRooster, rowToEntry } from '../../db/repo/rooster.js';
import { NotFound } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseArgument } from '../options.js';
import { describeEntry, entryToJson, warnKeptMonths } from './entry.js';
import { inTransactionSaying } from '../say-after-commit.js';

/** `gob rooster remove <id>`: the id is shown by `rooster list` and `koppeling show`. */
export async function roosterRemove(opts: { id: string }, deps: Deps) {
  const id = parseArgument('id', opts.id, (raw) => parseInteger(raw, { min: 1 }));
  return inTransactionSaying(deps, async (trx, deps) => {
    const row = await getRooster(trx, id);
    if (!row) throw new NotFound(`Er is geen roosterblok met id ${id}. Zie 'gob rooster list'.`);
    await deleteRooster(trx, id);
    const entry = rowToEntry(row);
    await writeLog(trx, deps, `rooster ${id} verwijderd: ${describeEntry(entry)}`);
    deps.out.line(`Rooster ${id} verwijderd: ${describeEntry(entry)}.`);
    if (entry.koppeling) await warnKeptMonths(trx, new Map([[entry.koppeling, { voor: [entry], na: [] }]]), deps);
    return entryToJson(entry);
  });
}
