import { formatEuro, formatUren } from '../../domain/money.js';
import { aantal } from '../../domain/tekst.js';
import { parseCode, parseJaar } from '../../domain/values.js';
import { listJaaropgaven } from '../../db/repo/jaaropgave.js';
import { jaaropgaveJson } from '../../documents/jaaropgave.js';
import type { Deps } from '../deps.js';
import { checkFilterCodes } from '../filters.js';
import { parseOptional } from '../options.js';

/** `gob jaaropgave list [--jaar] [--ouder]`: every version, oldest first. */
export async function jaaropgaveList(opts: { jaar?: string; ouder?: string }, deps: Deps) {
  const ouder = parseOptional('ouder', opts.ouder, parseCode);
  await checkFilterCodes(deps.db, { ouder });
  const rows = await listJaaropgaven(deps.db, { jaar: parseOptional('jaar', opts.jaar, parseJaar), ouder });
  deps.out.table(
    [
      { key: 'nummer', title: 'nummer' },
      { key: 'versie', title: 'versie', align: 'right' },
      { key: 'jaar', title: 'jaar' },
      { key: 'ouder', title: 'ouder' },
      { key: 'datum', title: 'datum' },
      { key: 'uren', title: 'uren', align: 'right' },
      { key: 'totaal', title: 'totaal', align: 'right' },
    ],
    rows.map((j) => ({
      nummer: j.nummer,
      versie: String(j.versie),
      jaar: String(j.jaar),
      ouder: j.ouder,
      datum: j.datum,
      uren: formatUren(j.minuten),
      totaal: formatEuro(j.totaal_cent),
    })),
  );
  deps.out.line(aantal(rows.length, 'jaaropgave', 'jaaropgaven'));
  return rows.map((j) => jaaropgaveJson(j));
}
