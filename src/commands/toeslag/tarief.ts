import { formatEuro } from '../../domain/money.js';
import { parseJaar, parseUurtarief } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import { setToeslagtarief, toeslagtarieven } from '../../db/repo/toeslag.js';
import { Refused, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOption } from '../options.js';

/**
 * `gob toeslag tarief`: the maximum hourly price of the kinderopvangtoeslag per year; with
 * `--jaar <JJJJ> --max <bedrag>` it sets one. The years built into gob are fixed by law and never
 * changed; a year the bureau set before is replaced only with --force (a typo in a script should
 * not silently change what new invoices compare against). Invoices already made keep the maximum
 * they were made with (their snapshot).
 */
export async function toeslagTarief(opts: { jaar?: string; max?: string; force?: boolean }, deps: Deps) {
  if (opts.jaar === undefined && opts.max === undefined) {
    if (opts.force) throw new UsageError('--force hoort bij --jaar en --max (een uurprijs vervangen).');
    const rows = await toeslagtarieven(deps.db);
    deps.out.table(
      [
        { key: 'jaar', title: 'jaar' },
        { key: 'max', title: 'maximale uurprijs', align: 'right' },
        { key: 'bron', title: 'bron' },
      ],
      rows.map((r) => ({
        jaar: String(r.jaar),
        max: formatEuro(r.max_cent),
        bron: r.ingebouwd ? 'wettelijk (ingebouwd)' : 'ingesteld door het bureau',
      })),
    );
    deps.out.line(
      `Een jaar dat hier niet staat, toont "nog niet bekend" op facturen; stel het in met 'gob toeslag tarief --jaar <JJJJ> --max <bedrag>'.`,
    );
    return rows.map((r) => ({ jaar: r.jaar, maxCent: r.max_cent, ingebouwd: r.ingebouwd === 1 }));
  }
  if (opts.jaar === undefined || opts.max === undefined) {
    throw new UsageError(
      `${opts.jaar === undefined ? '--max' : '--jaar'} gaat alleen samen met ${opts.jaar === undefined ? '--jaar' : '--max'}: geef allebei, of geen van beide om de lijst te zien.`,
    );
  }
  const jaar = parseOption('jaar', opts.jaar, parseJaar);
  const maxCent = parseOption('max', opts.max, parseUurtarief);
  const result = await inTransaction(deps.db, async (trx) => {
    const bestaand = (await toeslagtarieven(trx)).find((r) => r.jaar === jaar);
    if (bestaand?.ingebouwd) {
      throw new Refused(
        `De maximale uurprijs van ${jaar} (${formatEuro(bestaand.max_cent)}) staat in de wet en is in gob ingebouwd; die wordt niet gewijzigd. Alleen jaren die nog niet bekend zijn, stelt het bureau zelf in.`,
      );
    }
    // The same value again (a script run twice) changes nothing and is no error.
    if (bestaand && bestaand.max_cent === maxCent) return { jaar, maxCent, ingebouwd: false, vorigeCent: maxCent, gewijzigd: false };
    if (bestaand && !opts.force) {
      throw new Refused(
        `Voor ${jaar} is al een maximale uurprijs ingesteld: ${formatEuro(bestaand.max_cent)}. Vervang die door ${formatEuro(maxCent)} met --force; facturen die al gemaakt zijn, houden hun uurprijs.`,
      );
    }
    await setToeslagtarief(trx, jaar, maxCent);
    await writeLog(
      trx,
      deps,
      `maximale uurprijs kinderopvangtoeslag ${jaar}: ${formatEuro(maxCent)}${bestaand ? ` (was ${formatEuro(bestaand.max_cent)})` : ''}`,
    );
    return { jaar, maxCent, ingebouwd: false, vorigeCent: bestaand?.max_cent ?? null, gewijzigd: true };
  });
  deps.out.line(
    result.gewijzigd
      ? `Maximale uurprijs ${jaar}: ${formatEuro(maxCent)}${result.vorigeCent !== null ? ` (was ${formatEuro(result.vorigeCent)})` : ''}. Nieuwe facturen over ${jaar} vergelijken daarmee; gemaakte facturen blijven zoals ze zijn.`
      : `Maximale uurprijs ${jaar} was al ${formatEuro(maxCent)}; er is niets gewijzigd.`,
  );
  return result;
}
