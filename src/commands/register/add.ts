import { type Entity, columnOf } from '../../domain/fields.js';
import { type Rec, validateRecord } from '../../domain/registry.js';
import { findRecord, insertRecord, nextCode, referenceProblems } from '../../db/repo/register.js';
import { writeLog } from '../../db/repo/log.js';
import { inTransaction } from '../../db/open.js';
import { Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { type RawOptions, recordFromOptions, recordToJson, refuseProblems, describeChange, withDefaults } from '../record.js';

/** `gob <gastouder|ouder|kind|koppeling> add`: validate, assign the next free code, store, log. */
export async function addRecord(entity: Entity, opts: RawOptions, deps: Deps) {
  const given = await recordFromOptions(entity.fields, opts, deps, { required: true, oneOf: entity.oneOf });
  const rec = withDefaults(entity.fields, given, deps.today);
  refuseProblems(`Het toevoegen van ${entity.name}`, validateRecord(entity, rec, deps.today));
  const code = await inTransaction(deps.db, async (trx) => {
    // The next free code is taken into a copy, not into `rec`: on PostgreSQL a retryable failure
    // runs this again after a rollback, and then the code must be taken again (another program may
    // have used it meanwhile), not checked as if the user had given it.
    const toAdd = rec.code === null ? { ...rec, code: await nextCode(trx, entity) } : rec;
    if (toAdd === rec && (await findRecord(trx, entity, String(rec.code)))) {
      throw new Refused(
        `Er is al een ${entity.name} met code ${rec.code}. Kies een andere code, of wijzig die met 'gob ${entity.name} edit ${rec.code}'.`,
      );
    }
    refuseProblems(`Het toevoegen van ${entity.name}`, await referenceProblems(trx, entity, toAdd));
    await insertRecord(trx, entity, toAdd);
    await writeLog(trx, deps, `${entity.name} ${toAdd.code} toegevoegd: ${describeChange(entity.fields, undefined, toAdd)}`);
    return String(toAdd.code);
  });
  rec.code = code;
  const naam = rec[columnOf(entity.fields.find((f) => f.name === 'naam') ?? entity.fields[0]!)];
  deps.out.line(`${capitalize(entity.name)} ${code}${entity.name === 'koppeling' ? '' : ` (${naam})`} is toegevoegd.`);
  if (entity.name === 'koppeling') warnDeling(rec, [], deps);
  return recordToJson(entity.fields, rec);
}

/**
 * What a bureau should know when a koppeling's sharing is set (CONTRACT §9): at 100 % the second
 * ouder pays nothing (allowed: the bureau may name her before the split starts), and the verdeling
 * is not fixed per invoiced month as the uurtarief is, so a later correction of such a month splits
 * it the new way and moves the difference between the two ouders.
 */
export function warnDeling(rec: Rec, gefactureerd: string[], deps: Deps): void {
  if (rec.tweede_ouder !== null && rec.verdeling === 100)
    deps.out.warn(
      `Let op: verdeling 100 betekent dat ouder ${rec.tweede_ouder} (tweede ouder) niets betaalt; geef met --verdeling het percentage dat de ouder van het kind betaalt.`,
    );
  if (gefactureerd.length > 0)
    deps.out.warn(
      `Let op: de nieuwe verdeling geldt vanaf de eerste maand die nog niet gefactureerd is; ${gefactureerd.join(', ')} ${gefactureerd.length === 1 ? 'houdt zijn' : 'houden hun'} verdeling, ook bij een correctie, zoals ${gefactureerd.length === 1 ? 'hij zijn' : 'ze hun'} uurtarief houdt.`,
    );
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
