import { addMonths } from '../../domain/calendar.js';
import { parseCode, parseDate, parseMonth } from '../../domain/values.js';
import { ChecksFailed, NotFound, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOptional } from '../options.js';
import { violationToJson } from '../../rules/report.js';
import { CHECK_HORIZON_MONTHS, type Findings, renderFindings, roosterViolations, urenViolations } from '../../rules/violations.js';
import { aantal } from '../../domain/tekst.js';

export interface CheckOptions {
  gastouder?: string;
  vanaf?: string;
  tot?: string;
  uren?: boolean;
  maand?: string;
}

/**
 * `gob rooster check [--gastouder] [--vanaf] [--tot]` (default: today up to 12 months ahead), or
 * `--uren --maand <JJJJ-MM>` for the imported hours. Exit 1 when anything is found.
 */
export async function roosterCheck(opts: CheckOptions, deps: Deps) {
  const gastouder = parseOptional('gastouder', opts.gastouder, parseCode);
  let findings: Findings;
  let scope: string;
  if (opts.uren) {
    if (opts.maand === undefined) throw new UsageError('Ontbrekende verplichte optie: --maand (bij --uren).');
    if (opts.vanaf !== undefined || opts.tot !== undefined)
      throw new UsageError('--vanaf en --tot gaan niet samen met --uren; kies de maand met --maand.');
    const maand = parseOptional('maand', opts.maand, parseMonth)!;
    findings = await urenViolations(deps.db, maand, gastouder);
    scope = `de urenkaarten van ${maand}`;
  } else {
    if (opts.maand !== undefined) throw new UsageError('--maand hoort bij --uren; voor roosters gebruik je --vanaf en --tot.');
    const vanaf = parseOptional('vanaf', opts.vanaf, parseDate) ?? deps.today;
    const tot = parseOptional('tot', opts.tot, parseDate) ?? addMonths(vanaf, CHECK_HORIZON_MONTHS);
    if (tot < vanaf) throw new UsageError(`--tot ${tot} ligt vóór --vanaf ${vanaf}.`);
    findings = await roosterViolations(deps.db, { gastouder, vanaf, tot });
    scope = `de roosters van ${vanaf} t/m ${tot}`;
  }
  if (gastouder && !findings.gastouders.has(gastouder)) {
    throw new NotFound(`Er is geen (actieve) gastouder met code ${gastouder}. Zie 'gob gastouder list'.`);
  }
  const json = findings.violations.map(violationToJson);
  if (findings.violations.length === 0) {
    deps.out.line(`Geen overtredingen in ${scope} (${aantal(findings.checked, 'gastouder', 'gastouders')} gecontroleerd).`);
    return json;
  }
  deps.out.line(`Overtredingen in ${scope}:\n`);
  if (!deps.out.json) deps.out.raw(await renderFindings(deps.db, findings));
  throw new ChecksFailed(`${aantal(findings.violations.length, 'overtreding', 'overtredingen')} gevonden.`, json);
}
