import type { Entity } from '../../domain/fields.js';
import { validateRecord } from '../../domain/registry.js';
import { frozenRateMonths } from '../../db/repo/factuur.js';
import { writeLog } from '../../db/repo/log.js';
import { gefactureerdeMaanden } from '../../db/repo/afwezigheid.js';
import { koppelingOpzegging } from '../../db/repo/opzegtermijn.js';
import { eindTrektOpzeggingIn } from '../../domain/opzegtermijn.js';
import { clearOpzegging, findRecord, getKoppeling, referenceProblems, updateRecord } from '../../db/repo/register.js';
import type { Db } from '../../db/open.js';
import { NotFound, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { opzegKosten } from '../opzegkosten.js';
import { capitalize, warnDeling } from './add.js';
import { type RawOptions, describeChange, recordFromOptions, recordToJson, refuseProblems } from '../record.js';
import { inTransactionSaying } from '../say-after-commit.js';

/** `gob <noun> edit <code> [--veld waarde …]`: an empty value clears an optional field. */
export async function editRecord(entity: Entity, opts: RawOptions & { code: string }, deps: Deps) {
  const changes = await recordFromOptions(entity.fields, { ...opts, code: undefined }, deps, { required: false });
  // No field is a missing option: a usage error (CONTRACT §1), like any other.
  if (Object.keys(changes).length === 0) {
    throw new UsageError(`Geef minstens één veld om te wijzigen, bijvoorbeeld --naam. Zie 'gob ${entity.name} edit --help'.`);
  }
  return inTransactionSaying(deps, async (trx, deps) => {
    const before = await findRecord(trx, entity, opts.code);
    if (!before) throw new NotFound(`Er is geen ${entity.name} met code ${opts.code}. Zie 'gob ${entity.name} list'.`);
    const after = { ...before, ...changes };
    const what = `Het wijzigen van ${entity.name} ${opts.code}`;
    refuseProblems(what, validateRecord(entity, after, deps.today));
    refuseProblems(what, await referenceProblems(trx, entity, after, { before }));
    // Reopening a koppeling (no end) withdraws its notice, and so does an end set on an open one (a
    // fixed term: docs/decisions.md); moving an end that `koppeling end` set corrects the last day of
    // care and keeps the notice given, which then bills from the new end.
    const opzegging =
      entity.name === 'koppeling' && 'eind' in changes && eindTrektOpzeggingIn(eindOf(before), eindOf(changes))
        ? await withdrawNotice(trx, opts.code)
        : null;
    await updateRecord(trx, entity, opts.code, changes);
    const change = describeChange(entity.fields, before, changes);
    await writeLog(
      trx,
      deps,
      `${entity.name} ${opts.code} gewijzigd: ${change || 'geen verschil'}${opzegging ? `, opzegging van ${opzegging.opzegdatum} vervallen` : ''}`,
    );
    deps.out.line(
      change
        ? `${capitalize(entity.name)} ${opts.code} is gewijzigd.`
        : `${capitalize(entity.name)} ${opts.code}: er was niets te wijzigen.`,
    );
    if (opzegging) {
      deps.out.warn(
        changes.eind === null
          ? `Let op: koppeling ${opts.code} loopt weer door; de opzegging van ${opzegging.opzegdatum} is vervallen.`
          : `Let op: koppeling ${opts.code} eindigt nu op ${String(changes.eind)} zonder opzegging (een vaste einddatum): de opzegging van ${opzegging.opzegdatum} is vervallen en er wordt geen opzegtermijn gefactureerd. Is er wel opgezegd, gebruik dan 'gob koppeling end ${opts.code} --eind … --opzegdatum …'.`,
      );
      for (const m of opzegging.gefactureerd)
        deps.out.warn(`${m} is al gefactureerd; 'gob factuur run --maand ${m}' factureert het verschil.`);
    }
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

/**
 * A koppeling reopened by `edit`, or given an end while open, loses the notice of an earlier
 * `koppeling end`: reopened it runs on, and an end set here is a fixed term (docs/decisions.md), so
 * nothing may be billed as notice afterwards. Months already invoiced with notice keep it until
 * their next run, which credits it, as for any changed line (the kept rooster only fixes how much a
 * date is worth, not whether it is owed).
 * Returns the withdrawn opzegdatum and those months, or null when there was no notice.
 */
async function withdrawNotice(trx: Db, code: string): Promise<{ opzegdatum: string; gefactureerd: string[] } | null> {
  const koppeling = await getKoppeling(trx, code);
  if (!koppeling || (koppeling.opzegdatum === null && koppeling.zonder_opzegtermijn === 0)) return null;
  const maanden = opzegKosten(await koppelingOpzegging(trx, code))
    .filter((m) => m.minuten > 0)
    .map((m) => m.maand);
  const gefactureerd =
    maanden.length === 0
      ? []
      : (await gefactureerdeMaanden(trx, `${maanden[0]}-01`, `${maanden.at(-1)}-01`)).filter((m) => maanden.includes(m));
  await clearOpzegging(trx, code);
  if (koppeling.opzegdatum === null) return null;
  return { opzegdatum: koppeling.opzegdatum, gefactureerd };
}

const eindOf = (rec: Record<string, unknown>) => (rec.eind ?? null) as string | null;
