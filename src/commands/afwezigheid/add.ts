import { type Afwezigheid, eersteVerontschuldigd } from '../../domain/afgesproken.js';
import { parseCode, parseDate } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { insertAfwezigheid, kindVoorAfwezigheid, overlappendeAfwezigheden } from '../../db/repo/afwezigheid.js';
import { getBureau } from '../../db/repo/bureau.js';
import { writeLog } from '../../db/repo/log.js';
import { codeExists } from '../../db/repo/register.js';
import { NotFound, Refused, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { notAfterToday, parseOptional, missingOptions, requireOption } from '../options.js';
import { afwezigheidJson, describeAfwezigheid, hintGefactureerd, parseSoort } from './afwezigheid.js';

export interface AfwezigheidAddOptions {
  kind?: string;
  gastouder?: string;
  van?: string;
  totEnMet?: string;
  soort?: string;
  gemeld?: string;
}

/**
 * `gob afwezigheid add (--kind <code> | --gastouder <code>) --van <datum> --tot-en-met <datum>
 * [--soort ziek|vakantie|overig] [--gemeld <datum>]` (CONTRACT §9). `gemeld` defaults to today and
 * is never after it: a report that has not been made cannot excuse anything.
 */
export async function afwezigheidAdd(opts: AfwezigheidAddOptions, deps: Deps) {
  if ((opts.kind === undefined) === (opts.gastouder === undefined))
    throw new UsageError('Geef precies één van --kind (afwezigheid van een kind) of --gastouder (afwezigheid van een gastouder).');
  const kind = parseOptional('kind', opts.kind, parseCode) ?? null;
  const gastouder = parseOptional('gastouder', opts.gastouder, parseCode) ?? null;
  // Scripted: every missing option named at once (at a terminal each is asked in turn).
  if (!deps.prompts) missingOptions({ ...opts }, ['van', 'tot-en-met']);
  const van = await requireOption('van', opts.van, parseDate, deps, 'Eerste dag van de afwezigheid?');
  const totEnMet = await requireOption('tot-en-met', opts.totEnMet, parseDate, deps, 'Laatste dag van de afwezigheid?');
  if (totEnMet < van)
    throw new UsageError(`--tot-en-met: ${totEnMet} ligt vóór --van ${van}; de laatste dag kan niet vóór de eerste liggen.`);
  const soort = parseOptional('soort', opts.soort, parseSoort) ?? 'overig';
  const gemeld = notAfterToday(
    'gemeld',
    parseOptional('gemeld', opts.gemeld, parseDate) ?? deps.today,
    deps.today,
    'een afwezigheid wordt gemeld op de dag dat de melding binnenkwam of eerder',
  );
  const afwezigheid: Afwezigheid = { kind, gastouder, van, totEnMet, soort, gemeld };
  const { id, bureau, hints } = await inTransaction(deps.db, async (trx) => {
    if (kind !== null) {
      const k = await kindVoorAfwezigheid(trx, kind);
      if (!k) throw new NotFound(`Er is geen kind met code ${kind}. Zie 'gob kind list'.`);
      // Only a guest child's agreed hours are ever billed; an own child's absence excuses nothing.
      if (k.ouder === null)
        throw new Refused(
          `Kind ${kind} is een eigen kind van een gastouder; afwezigheid wordt alleen bijgehouden voor gastkinderen (met een ouder).`,
        );
    } else if (!(await codeExists(trx, 'gastouder', gastouder!))) {
      throw new NotFound(`Er is geen gastouder met code ${gastouder}. Zie 'gob gastouder list'.`);
    }
    const overlap = await overlappendeAfwezigheden(trx, afwezigheid);
    if (overlap.length > 0) {
      const o = overlap[0]!;
      throw new Refused(
        `De afwezigheid overlapt met afwezigheid ${o.id}: ${describeAfwezigheid(o)}. Pas de data aan, of verwijder die eerst met 'gob afwezigheid remove ${o.id}'.`,
      );
    }
    const newId = await insertAfwezigheid(trx, afwezigheid);
    await writeLog(trx, deps, `afwezigheid ${newId} toegevoegd: ${describeAfwezigheid(afwezigheid)}`);
    const b = await getBureau(trx);
    return { id: newId, bureau: b, hints: await hintGefactureerd(trx, afwezigheid, b.afgesproken_uren === 1) };
  });
  deps.out.line(`Afwezigheid ${id} toegevoegd: ${describeAfwezigheid(afwezigheid)}.`);
  if (bureau.afgesproken_uren === 1 && kind !== null) {
    // Which of its dates the report came in time for: the others are still billed as agreed hours.
    const vanaf = eersteVerontschuldigd(afwezigheid, bureau.afmeldtermijn);
    const termijn = soort === 'vakantie' ? 'twee maanden' : `${bureau.afmeldtermijn} dagen`;
    if (vanaf === van) deps.out.line(`Op tijd gemeld (${termijn} van tevoren): de afgesproken uren worden niet gefactureerd.`);
    else if (vanaf === null)
      deps.out.line(`Minder dan ${termijn} van tevoren gemeld: de afgesproken uren van deze dagen worden gefactureerd.`);
    else
      deps.out.line(
        `De afgesproken uren vóór ${vanaf} zijn te laat gemeld (minder dan ${termijn} van tevoren) en worden gefactureerd; vanaf ${vanaf} niet.`,
      );
  }
  for (const h of hints) deps.out.line(h);
  return afwezigheidJson({ ...afwezigheid, id });
}
