import { firstOfMonth, lastOfMonth } from '../../domain/calendar.js';
import { parseMonth } from '../../domain/values.js';
import { listAfwezigheden } from '../../db/repo/afwezigheid.js';
import type { Deps } from '../deps.js';
import { checkFilterCodes } from '../filters.js';
import { parseOptional } from '../options.js';
import { afwezigheidJson } from './afwezigheid.js';

/** `gob afwezigheid list [--maand <JJJJ-MM>] [--kind <code>] [--gastouder <code>]`: with --maand, those sharing a date with it. */
export async function afwezigheidList(opts: { maand?: string; kind?: string; gastouder?: string }, deps: Deps) {
  const maand = parseOptional('maand', opts.maand, parseMonth);
  await checkFilterCodes(deps.db, { kind: opts.kind, gastouder: opts.gastouder });
  const rows = await listAfwezigheden(deps.db, {
    ...(maand ? { van: firstOfMonth(maand), totEnMet: lastOfMonth(maand) } : {}),
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(opts.gastouder ? { gastouder: opts.gastouder } : {}),
  });
  deps.out.table(
    ['id', 'kind', 'gastouder', 'van', 'tot-en-met', 'soort', 'gemeld'].map((key) => ({
      key,
      title: key,
      align: key === 'id' ? ('right' as const) : ('left' as const),
    })),
    rows.map((a) => ({
      id: String(a.id),
      kind: a.kind ?? '',
      gastouder: a.gastouder ?? '',
      van: a.van,
      'tot-en-met': a.totEnMet,
      soort: a.soort,
      gemeld: a.gemeld,
    })),
  );
  return rows.map(afwezigheidJson);
}
