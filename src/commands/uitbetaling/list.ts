import { formatEuro } from '../../domain/money.js';
import { parseCode } from '../../domain/values.js';
import { listUitbetalingen } from '../../db/repo/uitbetaling.js';
import type { Deps } from '../deps.js';
import { checkFilterCodes } from '../filters.js';
import { parseOptional } from '../options.js';
import { uitbetalingJson } from '../../documents/uitbetaling.js';

/** `gob uitbetaling list [--gastouder]`. */
export async function uitbetalingList(opts: { gastouder?: string }, deps: Deps) {
  const gastouder = parseOptional('gastouder', opts.gastouder, parseCode);
  await checkFilterCodes(deps.db, { gastouder });
  const rows = await listUitbetalingen(deps.db, { gastouder });
  deps.out.table(
    [
      { key: 'nummer', title: 'nummer' },
      { key: 'gastouder', title: 'gastouder' },
      { key: 'datum', title: 'datum' },
      { key: 'bedrag', title: 'bedrag', align: 'right' },
      { key: 'laat', title: 'te laat' },
    ],
    rows.map((u) => ({
      nummer: u.nummer,
      gastouder: u.gastouder,
      datum: u.datum,
      bedrag: formatEuro(u.bedrag_cent),
      laat: u.te_laat ? 'ja' : '',
    })),
  );
  return rows.map((u) => uitbetalingJson(u));
}
