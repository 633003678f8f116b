import { type Datum, minDate } from '../../domain/calendar.js';
import { uiterlijk } from '../../domain/kas.js';
import { formatEuro } from '../../domain/money.js';
import { getBureau } from '../../db/repo/bureau.js';
import { zorgregels } from '../../db/repo/kas.js';
import { ChecksFailed } from '../../errors.js';
import type { Deps } from '../deps.js';

/**
 * `gob uitbetaling open`: per gastouder what was received for her and not paid out yet, with the
 * earliest deadline. Exit 1 when a deadline has passed (a cron job can alert on it).
 */
export async function uitbetalingOpen(_opts: unknown, deps: Deps) {
  const bureau = await getBureau(deps.db);
  const by = new Map<string, { bedragCent: number; uiterlijk: Datum | null }>();
  for (const l of await zorgregels(deps.db)) {
    // A collection dated after today is not received yet (uitbetaling run would not pay it either).
    if (l.uitbetaald || l.betaaldOp === null || l.betaaldOp > deps.today) continue;
    const entry = by.get(l.gastouder) ?? { bedragCent: 0, uiterlijk: null };
    entry.bedragCent += l.bedragCent;
    if (l.bedragCent > 0) {
      const deadline = uiterlijk(l.betaaldOp, bureau.uitbetaaltermijn);
      entry.uiterlijk = entry.uiterlijk === null ? deadline : minDate(entry.uiterlijk, deadline);
    }
    by.set(l.gastouder, entry);
  }
  const rows = [...by]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([gastouder, e]) => ({ gastouder, bedragCent: e.bedragCent, uiterlijk: e.uiterlijk }))
    .filter((r) => r.bedragCent !== 0);
  const late = rows.filter((r) => r.bedragCent > 0 && r.uiterlijk !== null && r.uiterlijk < deps.today);
  if (rows.length > 0) deps.out.table(
    [
      { key: 'gastouder', title: 'gastouder' },
      { key: 'bedrag', title: 'te betalen', align: 'right' },
      { key: 'uiterlijk', title: 'uiterlijk' },
      { key: 'status', title: '' },
    ],
    rows.map((r) => ({
      gastouder: r.gastouder,
      bedrag: formatEuro(r.bedragCent),
      uiterlijk: r.uiterlijk ?? '',
      status: r.bedragCent <= 0 ? 'te verrekenen (creditfactuur)' : late.includes(r) ? 'TE LAAT' : '',
    })),
  );
  if (rows.length === 0) deps.out.line('Er staat niets open: alles wat is ontvangen, is uitbetaald.');
  if (late.length > 0) {
    throw new ChecksFailed(`De uiterste uitbetaaldatum is verstreken voor ${late.map((r) => `${r.gastouder} (${r.uiterlijk})`).join(', ')}. Betaal uit met 'gob uitbetaling run'.`, rows);
  }
  return rows;
}
