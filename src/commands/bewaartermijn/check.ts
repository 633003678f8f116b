import { verlopen } from '../../domain/bewaartermijn.js';
import { betrokkenheid, getBewaartermijn } from '../../db/repo/privacy.js';
import { termijnGrens } from '../../domain/bewaartermijn.js';
import type { Deps } from '../deps.js';

/**
 * `gob bewaartermijn check` (CONTRACT §13): who is past the retention term today and not
 * anonymised yet. Exit 0 either way: being past the term is work to do, not an error.
 */
export async function bewaartermijnCheck(_opts: object, deps: Deps) {
  const jaren = await getBewaartermijn(deps.db);
  const rows = verlopen(await betrokkenheid(deps.db), deps.today, jaren);
  const grens = termijnGrens(deps.today, jaren);
  if (rows.length === 0) {
    deps.out.line(`Niemand is over de bewaartermijn van ${jaren} jaar (grens ${grens}).`);
  } else {
    deps.out.table(
      [
        { key: 'soort', title: 'soort' },
        { key: 'code', title: 'code' },
        { key: 'laatste', title: 'laatste' },
      ],
      rows.map((r) => ({ ...r })),
    );
    deps.out.line(
      `${rows.length} ${rows.length === 1 ? 'persoon is' : 'personen zijn'} over de bewaartermijn van ${jaren} jaar (niets van hen op of na ${grens}). Anonimiseer met 'gob bewaartermijn opschonen'.`,
    );
  }
  return rows;
}
