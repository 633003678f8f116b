import { ROOSTER_FIELDS } from '../../domain/fields.js';
import { writeLog } from '../../db/repo/log.js';
import { insertRooster, roosterEntryProblems } from '../../db/repo/rooster.js';
import type { Deps } from '../deps.js';
import { type RawOptions, recordFromOptions, refuseProblems } from '../record.js';
import { describeEntry, entryFromRecord, entryToJson, warnKeptMonths } from './entry.js';
import { aantal } from '../../domain/tekst.js';
import { violationToJson } from '../../rules/report.js';
import { entrySlot, newSlotsViolations, refuseOrWarn } from '../../rules/violations.js';
import { inTransactionSaying } from '../say-after-commit.js';

/** `gob rooster add (--koppeling <code> | --kind <code>) --dag --van --tot [--vanaf] [--tot-en-met] [--force]`. */
export async function roosterAdd(opts: RawOptions & { force?: boolean }, deps: Deps) {
  // --koppeling for a gastkind, --kind for an eigen kind of the gastouder.
  const rec = await recordFromOptions(ROOSTER_FIELDS, opts, deps, { required: true, oneOf: [['koppeling', 'kind']] });
  const entry = entryFromRecord(rec);
  return inTransactionSaying(deps, async (trx, deps) => {
    refuseProblems('Het roosterblok', await roosterEntryProblems(trx, entry));
    const id = await insertRooster(trx, entry);
    // Checked with the entry in place: every rule of CONTRACT §4 on every date from its start.
    const slot = await entrySlot(trx, entry, deps.today);
    const findings = await newSlotsViolations(trx, slot ? [slot] : [], deps.today);
    await refuseOrWarn(trx, findings, Boolean(opts.force), deps.out, 'Het roosterblok');
    const forced = findings.violations.length > 0;
    await writeLog(
      trx,
      deps,
      `rooster ${id} toegevoegd: ${describeEntry(entry)}${forced ? ` (--force, ${aantal(findings.violations.length, 'overtreding', 'overtredingen')})` : ''}`,
    );
    deps.out.line(`Rooster ${id} toegevoegd: ${describeEntry(entry)}.`);
    if (entry.koppeling) await warnKeptMonths(trx, new Map([[entry.koppeling, { voor: [], na: [entry] }]]), deps);
    return { ...entryToJson({ ...entry, id }), geforceerd: forced, overtredingen: findings.violations.map(violationToJson) };
  });
}
