import { openUitbetalingen } from '../../domain/kas.js';
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
  const rows = openUitbetalingen(await zorgregels(deps.db), deps.today, bureau.uitbetaaltermijn);
  const late = rows.filter((r) => r.bedragCent > 0 && r.uiterlijk !== null && r.uiterlijk < deps.today);
  if (rows.length > 0)
    deps.out.table(
      [
        { key: 'gastouder', title: 'gastouder' },
        { key: 'bedrag', title: 'te betalen', align: 'right' },
        // Only when someone owes money back: most months nobody does.
        ...(rows.some((r) => r.teVerrekenenCent > 0) ? [{ key: 'verrekenen', title: 'te verrekenen', align: 'right' as const }] : []),
        { key: 'uiterlijk', title: 'uiterlijk' },
        { key: 'status', title: '' },
      ],
      rows.map((r) => ({
        gastouder: r.gastouder,
        bedrag: formatEuro(r.bedragCent),
        verrekenen: r.teVerrekenenCent > 0 ? formatEuro(r.teVerrekenenCent) : '',
        uiterlijk: r.uiterlijk ?? '',
        status: r.teVerrekenenCent > 0 ? 'creditfactuur: met haar volgende opvang verrekend' : late.includes(r) ? 'TE LAAT' : '',
      })),
    );
  if (rows.length === 0) deps.out.line('Er staat niets open: alles wat is ontvangen, is uitbetaald.');
  if (late.length > 0) {
    throw new ChecksFailed(
      `De uiterste uitbetaaldatum is verstreken voor ${late.map((r) => `${r.gastouder} (${r.uiterlijk})`).join(', ')}. Betaal uit met 'gob uitbetaling run'.`,
      rows,
    );
  }
  return rows;
}
