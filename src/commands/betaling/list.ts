import { formatEuro } from '../../domain/money.js';
import { parseCode } from '../../domain/values.js';
import { listBetalingen, listToewijzingen } from '../../db/repo/kas.js';
import type { Deps } from '../deps.js';
import { checkFilterCodes } from '../filters.js';
import { parseOptional } from '../options.js';

/** `gob betaling list [--ouder]`: payments, collections and stornos with what they paid. */
export async function betalingList(opts: { ouder?: string }, deps: Deps) {
  const ouder = parseOptional('ouder', opts.ouder, parseCode);
  await checkFilterCodes(deps.db, { ouder });
  const rows = await listBetalingen(deps.db, ouder);
  const allocations = await listToewijzingen(deps.db);
  const byBetaling = new Map<number, { factuur: string; bedragCent: number; datum: string }[]>();
  for (const a of allocations)
    byBetaling.set(a.betaling, [...(byBetaling.get(a.betaling) ?? []), { factuur: a.factuur, bedragCent: a.bedrag_cent, datum: a.datum }]);
  const result = rows.map((b) => ({
    id: b.id,
    ouder: b.ouder,
    datum: b.datum,
    soort: b.soort,
    bedragCent: b.bedrag_cent,
    stornoVan: b.storno_van,
    toewijzingen: byBetaling.get(b.id) ?? [],
  }));
  deps.out.table(
    [
      { key: 'id', title: 'id', align: 'right' },
      { key: 'datum', title: 'datum' },
      { key: 'ouder', title: 'ouder' },
      { key: 'soort', title: 'soort' },
      { key: 'bedrag', title: 'bedrag', align: 'right' },
      { key: 'facturen', title: 'voor' },
    ],
    result.map((b) => ({
      id: String(b.id),
      datum: b.datum,
      ouder: b.ouder,
      // A set-off (kas/ledger.ts `settle`) is stored as a payment of € 0,00: no money came in.
      soort: b.stornoVan ? `storno van ${b.stornoVan}` : b.soort === 'betaling' && b.bedragCent === 0 ? 'verrekening' : b.soort,
      bedrag: formatEuro(b.bedragCent),
      facturen: b.toewijzingen.map((t) => t.factuur).join(', '),
    })),
  );
  return result;
}
