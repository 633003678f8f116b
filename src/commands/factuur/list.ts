import { formatEuro } from '../../domain/money.js';
import { parseCode, parseMonth } from '../../domain/values.js';
import { listFacturen } from '../../db/repo/factuur.js';
import type { Deps } from '../deps.js';
import { parseOptional } from '../options.js';
import { checkFilterCodes } from '../filters.js';
import { factuurJson } from '../../documents/factuur.js';
import { aantal } from '../../domain/tekst.js';

/** `gob factuur list [--maand] [--ouder]`. */
export async function factuurList(opts: { maand?: string; ouder?: string }, deps: Deps) {
  const ouder = parseOptional('ouder', opts.ouder, parseCode);
  await checkFilterCodes(deps.db, { ouder });
  const rows = await listFacturen(deps.db, { maand: parseOptional('maand', opts.maand, parseMonth), ouder });
  deps.out.table(
    [
      { key: 'nummer', title: 'nummer' },
      { key: 'ouder', title: 'ouder' },
      { key: 'maand', title: 'maand' },
      { key: 'datum', title: 'datum' },
      { key: 'vervaldatum', title: 'vervaldatum' },
      { key: 'correctie', title: 'correctie op' },
      { key: 'totaal', title: 'totaal', align: 'right' },
    ],
    rows.map((f) => ({
      nummer: f.nummer,
      ouder: f.ouder,
      maand: f.maand,
      datum: f.datum,
      vervaldatum: f.vervaldatum,
      correctie: f.correctie_van ?? '',
      totaal: formatEuro(f.totaal_cent),
    })),
  );
  deps.out.line(`${aantal(rows.length, 'factuur', 'facturen')}, samen ${formatEuro(rows.reduce((s, f) => s + f.totaal_cent, 0))}`);
  return rows.map((f) => factuurJson(f));
}
