import { planPayouts } from '../../domain/kas.js';
import { formatEuro } from '../../domain/money.js';
import { nietGeschrevenMelding } from '../../domain/sepa.js';
import { parseDate } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { getBureau } from '../../db/repo/bureau.js';
import { reserveNumbers } from '../../db/repo/factuur.js';
import { unwrittenBankFiles } from '../bank-files.js';
import { zorgregels } from '../../db/repo/kas.js';
import { insertUitbetaling } from '../../db/repo/uitbetaling.js';
import { writeLog } from '../../db/repo/log.js';
import type { Deps } from '../deps.js';
import { notAfterToday, parseOptional } from '../options.js';
import { aantal } from '../../domain/tekst.js';
import { formatNummer } from '../../domain/nummers.js';

/**
 * `gob uitbetaling run [--datum] [--dry-run]`: one payout per gastouder of the care lines of paid
 * invoices not paid out yet (never the bureau costs). A payout after a line's deadline is late.
 */
export async function uitbetalingRun(opts: { datum?: string; dryRun?: boolean }, deps: Deps) {
  const datum = notAfterToday(
    'datum',
    parseOptional('datum', opts.datum, parseDate) ?? deps.today,
    deps.today,
    'een uitbetaling wordt gedateerd op de dag dat ze gemaakt wordt, niet vooruit (de uitvoerdatum van de bank kies je bij sepa uitbetaling)',
  );
  const dryRun = Boolean(opts.dryRun);
  // Money counted as collected by a bank file that never reached the disk has not come in yet.
  for (const b of await unwrittenBankFiles(deps)) deps.out.warn(nietGeschrevenMelding(b));
  // What was made is the callback's result: on PostgreSQL a retryable failure runs it again after a
  // rollback, and nothing of an earlier attempt may be counted or shown.
  const made = await inTransaction(
    deps.db,
    async (trx) => {
      const made: { nummer: string | null; gastouder: string; bedragCent: number; teLaat: boolean; regels: number }[] = [];
      const bureau = await getBureau(trx);
      const planned = planPayouts(await zorgregels(trx), datum, bureau.uitbetaaltermijn);
      if (planned.length === 0) return made;
      const jaar = Number(datum.slice(0, 4));
      const first = dryRun ? 0 : await reserveNumbers(trx, 'uitbetaling', jaar, planned.length);
      for (const [i, p] of planned.entries()) {
        const nummer = dryRun ? null : formatNummer('uitbetaling', jaar, first + i);
        made.push({ nummer, gastouder: p.gastouder, bedragCent: p.bedragCent, teLaat: p.teLaat, regels: p.regels.length });
        if (dryRun) continue;
        await insertUitbetaling(trx, nummer!, datum, p);
      }
      if (!dryRun)
        await writeLog(
          trx,
          deps,
          `uitbetalingen op ${datum}: ${made.length}, samen ${formatEuro(made.reduce((s, m) => s + m.bedragCent, 0))}${
            made.some((m) => m.teLaat)
              ? ', waarvan te laat: ' +
                made
                  .filter((m) => m.teLaat)
                  .map((m) => m.nummer)
                  .join(', ')
              : ''
          }`,
        );
      return made;
    },
    { dryRun },
  );
  if (made.length === 0) deps.out.line(`Niets uit te betalen op ${datum}: er is geen betaalde opvang die nog niet is uitbetaald.`);
  else {
    deps.out.table(
      [
        { key: 'nummer', title: 'uitbetaling' },
        { key: 'gastouder', title: 'gastouder' },
        { key: 'bedrag', title: 'bedrag', align: 'right' },
        { key: 'laat', title: '' },
      ],
      made.map((m) => ({
        nummer: m.nummer ?? '(proef)',
        gastouder: m.gastouder,
        bedrag: formatEuro(m.bedragCent),
        laat: m.teLaat ? 'TE LAAT' : '',
      })),
    );
    deps.out.line(
      `${dryRun ? 'Proef (--dry-run, niets opgeslagen)' : 'Gemaakt'}: ${aantal(made.length, 'uitbetaling', 'uitbetalingen')} op ${datum}, samen ${formatEuro(made.reduce((s, m) => s + m.bedragCent, 0))}.`,
    );
    const late = made.filter((m) => m.teLaat);
    if (late.length > 0)
      deps.out.warn(`Let op: ${aantal(late.length, 'uitbetaling is', 'uitbetalingen zijn')} te laat (na de uiterste datum van een regel).`);
  }
  return {
    datum,
    dryRun,
    uitbetalingen: made.map((m) => ({ nummer: m.nummer, gastouder: m.gastouder, datum, bedragCent: m.bedragCent, teLaat: m.teLaat })),
  };
}
