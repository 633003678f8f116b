import type { Entity } from '../../domain/fields.js';
import { validateRecord } from '../../domain/registry.js';
import { inTransaction } from '../../db/open.js';
import { frozenRateMonths } from '../../db/repo/factuur.js';
import { writeLog } from '../../db/repo/log.js';
import { findRecord, referenceProblems, updateRecord } from '../../db/repo/register.js';
import { NotFound, Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { capitalize, warnDeling } from './add.js';
import { type RawOptions, describeChange, recordFromOptions, recordToJson, refuseProblems } from '../record.js';

/** `gob <noun> edit <code> [--veld waarde …]`: an empty value clears an optional field. */
export async function editRecord(entity: Entity, opts: RawOptions & { code: string }, deps: Deps) {
  const changes = await recordFromOptions(entity.fields, { ...opts, code: undefined }, deps, { required: false });
  if (Object.keys(changes).length === 0) {
    throw new Refused(`Geef minstens één veld om te wijzigen, bijvoorbeeld --naam. Zie 'gob ${entity.name} edit --help'.`);
  }
  return inTransaction(deps.db, async (trx) => {
    const before = await findRecord(trx, entity, opts.code);
    if (!before) throw new NotFound(`Er is geen ${entity.name} met code ${opts.code}. Zie 'gob ${entity.name} list'.`);
    const after = { ...before, ...changes };
    const what = `Het wijzigen van ${entity.name} ${opts.code}`;
    refuseProblems(what, validateRecord(entity, after, deps.today));
    refuseProblems(what, await referenceProblems(trx, entity, after, { before }));
    await updateRecord(trx, entity, opts.code, changes);
    const change = describeChange(entity.fields, before, changes);
    await writeLog(trx, deps, `${entity.name} ${opts.code} gewijzigd: ${change || 'geen verschil'}`);
    deps.out.line(
      change
        ? `${capitalize(entity.name)} ${opts.code} is gewijzigd.`
        : `${capitalize(entity.name)} ${opts.code}: er was niets te wijzigen.`,
    );
    if (entity.name === 'koppeling' && 'uurtarief_cent' in changes && changes.uurtarief_cent !== before.uurtarief_cent) {
      // Invoiced months keep their rate (maandtarief, see docs/decisions.md): say so where it matters.
      const maanden = await frozenRateMonths(trx, opts.code);
      if (maanden.length > 0) {
        deps.out.warn(
          `Let op: het nieuwe uurtarief geldt vanaf de eerste maand die nog niet gefactureerd is; ${maanden.join(', ')} ${maanden.length === 1 ? 'houdt zijn' : 'houden hun'} tarief.`,
        );
      }
    }
    if (entity.name === 'koppeling') {
      const gedeeld = ['tweede_ouder', 'verdeling'].some((c) => c in changes && changes[c] !== before[c]);
      if (gedeeld) warnDeling(after, await frozenRateMonths(trx, opts.code), deps);
    }
    return recordToJson(entity.fields, after);
  });
}
