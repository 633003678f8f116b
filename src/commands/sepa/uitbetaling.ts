import { formatEuro } from '../../domain/money.js';
import { type OverboekingFormaat, overboekingXml } from '../../domain/sepa.js';
import { parseCode, parseDate } from '../../domain/values.js';
import { getBureau } from '../../db/repo/bureau.js';
import { reserveNumbers } from '../../db/repo/factuur.js';
import { writeLog } from '../../db/repo/log.js';
import { listUitbetalingen } from '../../db/repo/uitbetaling.js';
import { inTransaction } from '../../db/open.js';
import { NotFound, Refused, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { missingOptions, parseOptional } from '../options.js';
import { parseFormaat } from './incasso.js';
import { withBankFile } from './write.js';

const FORMATEN = ['pain.001.001.09', 'pain.001.001.03'] as const;

/**
 * `gob sepa uitbetaling (--uitbetaling <nummer>... | --datum <datum>) --out <file.xml> [--formaat]`:
 * credit transfers from the bureau's account to each gastouder; the EndToEndId is the payout number.
 */
export async function sepaUitbetaling(opts: { uitbetaling?: string[]; datum?: string; out?: string; formaat?: string }, deps: Deps) {
  missingOptions(opts, ['out']);
  const nummers = (opts.uitbetaling ?? []).map((n) => parseCode(n));
  const datum = parseOptional('datum', opts.datum, parseDate);
  if ((nummers.length === 0) === !datum) throw new UsageError('Geef --uitbetaling <nummer>… óf --datum <datum>.');
  const formaat: OverboekingFormaat = parseOptional('formaat', opts.formaat, parseFormaat(FORMATEN)) ?? 'pain.001.001.09';
  const result = await withBankFile((write) => inTransaction(deps.db, async (trx) => {
    const bureau = await getBureau(trx);
    if (!bureau.naam || !bureau.iban) throw new Refused("Voor overboekingen heeft het bureau een naam en IBAN nodig. Vul aan met 'gob bureau set'.");
    const all = await listUitbetalingen(trx, datum ? { datum } : {});
    const chosen = datum ? all : all.filter((u) => nummers.includes(u.nummer));
    for (const n of nummers) if (!chosen.some((u) => u.nummer === n)) throw new NotFound(`Er is geen uitbetaling met nummer ${n}.`);
    if (chosen.length === 0) throw new NotFound(`Er zijn geen uitbetalingen op ${datum}. Maak ze met 'gob uitbetaling run --datum ${datum}'.`);
    const gastouders = new Map((await trx.selectFrom('gastouder').select(['code', 'naam', 'iban']).execute()).map((g) => [g.code, g]));
    const zonder = chosen.filter((u) => !gastouders.get(u.gastouder)?.iban);
    if (zonder.length > 0) {
      throw new Refused(
        `Geen IBAN bekend voor ${zonder.map((u) => `${u.gastouder} (${gastouders.get(u.gastouder)?.naam ?? '?'})`).join(', ')}. Vul het aan met 'gob gastouder edit <code> --iban …'. Er is geen bestand geschreven.`,
      );
    }
    const uitvoerdatum = datum ?? chosen.map((u) => u.datum).sort().at(-1)!;
    const jaar = Number(uitvoerdatum.slice(0, 4));
    const bericht = `GOB-UIT-${jaar}-${String(await reserveNumbers(trx, 'sepa', jaar, 1)).padStart(5, '0')}`;
    const xml = overboekingXml({
      formaat,
      berichtId: bericht,
      aangemaakt: deps.now.slice(0, 19),
      uitvoerdatum,
      bureau: { naam: bureau.naam, iban: bureau.iban, bic: bureau.bic },
      overboekingen: chosen.map((u) => ({
        endToEndId: u.nummer,
        bedragCent: u.bedrag_cent,
        naam: gastouders.get(u.gastouder)!.naam,
        iban: gastouders.get(u.gastouder)!.iban!,
        omschrijving: `Uitbetaling ${u.nummer} ${bureau.naam}`,
      })),
    });
    const total = chosen.reduce((s, u) => s + u.bedrag_cent, 0);
    await writeLog(trx, deps, `SEPA-overboeking ${bericht}: ${chosen.length} uitbetalingen, ${formatEuro(total)}, ${opts.out}`);
    write(opts.out!, xml); // last: see withBankFile
    return { bestand: opts.out!, bericht, formaat, uitvoerdatum, aantal: chosen.length, totaalCent: total, uitbetalingen: chosen.map((u) => u.nummer) };
  }));
  deps.out.line(`Overboekingsbestand ${result.bestand} (${formaat}): ${result.aantal} uitbetalingen, samen ${formatEuro(result.totaalCent)}, uitvoerdatum ${result.uitvoerdatum}.`);
  return result;
}
