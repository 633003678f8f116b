import { parseCode, parseDate } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import { NotFound, Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOption, requireOption } from '../options.js';

/**
 * `gob gastouder end <code> --eind <datum>`: her last day with the bureau. Her koppelingen that run
 * longer end on the same day, since no child can be cared for by a gastouder who has left.
 */
export async function gastouderEnd(opts: { code: string; eind?: string }, deps: Deps) {
  const code = parseOption('code', opts.code, parseCode);
  const eind = await requireOption('eind', opts.eind, parseDate, deps, 'Laatste dag van de gastouder (datum):');
  return inTransaction(deps.db, async (trx) => {
    const gastouder = await trx.selectFrom('gastouder').selectAll().where('code', '=', code).executeTakeFirst();
    if (!gastouder) throw new NotFound(`Er is geen gastouder met code ${code}. Zie 'gob gastouder list'.`);
    const later = await trx.selectFrom('koppeling').select(['code', 'start']).where('gastouder', '=', code).where('start', '>', eind).execute();
    if (later.length > 0) {
      throw new Refused(
        `Gastouder ${code} kan niet op ${eind} stoppen: er ${later.length === 1 ? 'begint een koppeling' : 'beginnen koppelingen'} na die datum. Pas die eerst aan.`,
        later.map((k) => `koppeling ${k.code} begint op ${k.start}`),
      );
    }
    const ended = await trx
      .updateTable('koppeling')
      .set({ eind })
      .where('gastouder', '=', code)
      .where((eb) => eb.or([eb('eind', 'is', null), eb('eind', '>', eind)]))
      .returning('code')
      .execute();
    await trx.updateTable('gastouder').set({ eind }).where('code', '=', code).execute();
    const koppelingen = ended.map((k) => k.code);
    await writeLog(trx, deps, `gastouder ${code} beëindigd per ${eind}${koppelingen.length ? `; koppelingen beëindigd: ${koppelingen.join(', ')}` : ''}`);
    deps.out.line(`Gastouder ${code} (${gastouder.naam}) stopt op ${eind}.`);
    if (koppelingen.length > 0) deps.out.line(`Ook beëindigd per ${eind}: ${koppelingen.join(', ')}.`);
    return { code, eind, koppelingen };
  });
}
