import { aantal } from '../../domain/tekst.js';
import path from 'node:path';
import { formatEuro } from '../../domain/money.js';
import { type OverboekingFormaat, overboekingXml } from '../../domain/sepa.js';
import { target2OpOfNa, target2Sluiting } from '../../domain/target2.js';
import { isSepaIban, parseCode, parseDate } from '../../domain/values.js';
import { filesOfUitbetalingen, storeBankbestand } from '../../db/repo/bankbestand.js';
import { getBureau } from '../../db/repo/bureau.js';
import { reserveNumbers } from '../../db/repo/factuur.js';
import { writeLog } from '../../db/repo/log.js';
import { gastouderRekeningen } from '../../db/repo/register.js';
import { listUitbetalingen } from '../../db/repo/uitbetaling.js';
import { inTransaction } from '../../db/open.js';
import { NotFound, Refused, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { missingOptions, parseOptional } from '../options.js';
import { parseFormaat, TARGET2_REGEL, withinAYear } from './incasso.js';
import { checkBankFileTarget, stage, warnUnwritten, writeBookedFile } from './write.js';
import { formatNummer } from '../../domain/nummers.js';

const FORMATEN = ['pain.001.001.09', 'pain.001.001.03'] as const;

/** A payout execution date is a TARGET2 day, not before today (exit 2 otherwise, with the next valid date). */
export function checkUitvoerdatum(datum: string, today: string): void {
  const hint = `Voor uitbetalingen van die datum: geef ze met --uitbetaling <nummer>…, dan kiest gob de eerstvolgende TARGET2-dag.`;
  const sluiting = target2Sluiting(datum);
  if (sluiting) {
    const volgende = target2OpOfNa(datum < today ? today : datum);
    throw new UsageError(
      `--datum: ${datum} is ${sluiting}, geen TARGET2-dag (${TARGET2_REGEL}); de bank voert dan niets uit. De eerstvolgende mogelijke uitvoerdatum is ${volgende}. ${hint}`,
    );
  }
  if (datum < today) {
    throw new UsageError(
      `--datum: ${datum} ligt voor vandaag (${today}); een overboeking kan niet in het verleden. De eerstvolgende mogelijke uitvoerdatum is ${target2OpOfNa(today)}. ${hint}`,
    );
  }
  withinAYear('datum', datum, today);
}

/**
 * `gob sepa uitbetaling (--uitbetaling <nummer>... | --datum <datum>) --out <file.xml> [--formaat] [--force]`:
 * credit transfers from the bureau's account to each gastouder; the EndToEndId is the payout number.
 * A payout goes into one bank file, ever. With `--datum`, the payouts of that date not in a file yet
 * (those already in one are named); with `--uitbetaling`, each must be in none, and the execution
 * date is the first TARGET2 day on or after today and the latest payout date.
 */
export async function sepaUitbetaling(
  opts: { uitbetaling?: string[]; datum?: string; out?: string; formaat?: string; force?: boolean },
  deps: Deps,
) {
  missingOptions(opts, ['out']);
  const nummers = (opts.uitbetaling ?? []).map((n) => parseCode(n));
  const datum = parseOptional('datum', opts.datum, parseDate);
  if ((nummers.length === 0) === !datum) throw new UsageError('Geef --uitbetaling <nummer>… óf --datum <datum>.');
  const formaat: OverboekingFormaat = parseOptional('formaat', opts.formaat, parseFormaat(FORMATEN)) ?? 'pain.001.001.09';
  if (datum) checkUitvoerdatum(datum, deps.today);
  const out = opts.out!;
  const force = Boolean(opts.force);
  checkBankFileTarget(deps, out, force);
  const nietGeschreven = await warnUnwritten(deps);
  // The warnings are the callback's result: on PostgreSQL a retryable failure runs it again after a
  // rollback, and an earlier attempt's would be said twice.
  const result = await inTransaction(deps.db, async (trx) => {
    const waarschuwingen: string[] = [];
    const bureau = await getBureau(trx);
    if (!bureau.naam || !bureau.iban)
      throw new Refused("Voor overboekingen heeft het bureau een naam en IBAN nodig. Vul aan met 'gob bureau set'.");
    const all = await listUitbetalingen(trx, datum ? { datum } : {});
    const asked = datum ? all : all.filter((u) => nummers.includes(u.nummer));
    for (const n of nummers) if (!asked.some((u) => u.nummer === n)) throw new NotFound(`Er is geen uitbetaling met nummer ${n}.`);
    if (asked.length === 0)
      throw new NotFound(`Er zijn geen uitbetalingen op ${datum}. Maak ze met 'gob uitbetaling run --datum ${datum}'.`);
    const inFile = await filesOfUitbetalingen(
      trx,
      asked.map((u) => u.nummer),
    );
    const already = perBankFile(asked.filter((u) => inFile.has(u.nummer)).map((u) => [u.nummer, inFile.get(u.nummer)!]));
    const chosen = asked.filter((u) => !inFile.has(u.nummer));
    const again = [...new Set(inFile.values())].map((id) => `'gob sepa bestand ${id} --out <bestand>'`).join(' of ');
    if (already.length > 0 && (!datum || chosen.length === 0)) {
      throw new Refused(
        `Een uitbetaling gaat in één bankbestand, nooit in een tweede: ${already.join(', ')}. Is dat bestand kwijt, schrijf het dan opnieuw met ${again}. Er is niets geboekt.`,
      );
    }
    if (already.length > 0)
      waarschuwingen.push(`al in een bankbestand, niet opnieuw opgenomen: ${already.join(', ')} (opnieuw schrijven: ${again})`);
    const gastouders = new Map((await gastouderRekeningen(trx)).map((g) => [g.code, g]));
    const zonder = chosen.filter((u) => !gastouders.get(u.gastouder)?.iban);
    if (zonder.length > 0) {
      throw new Refused(
        `Geen IBAN bekend voor ${zonder.map((u) => `${u.gastouder} (${gastouders.get(u.gastouder)?.naam ?? '?'})`).join(', ')}. Vul het aan met 'gob gastouder edit <code> --iban …'. Er is geen bestand geschreven.`,
      );
    }
    // The bank refuses the whole file for one transfer it cannot make.
    const buiten = chosen.filter((u) => !isSepaIban(gastouders.get(u.gastouder)!.iban!));
    if (buiten.length > 0) {
      throw new Refused(
        `Een IBAN van buiten het SEPA-gebied, waarheen niet overgeboekt kan worden: ${buiten.map((u) => `${u.gastouder} (${gastouders.get(u.gastouder)?.naam ?? '?'}, ${gastouders.get(u.gastouder)!.iban!.slice(0, 2)})`).join(', ')}. Vul een IBAN uit het SEPA-gebied in met 'gob gastouder edit <code> --iban …'. Er is geen bestand geschreven.`,
      );
    }
    const laatste = chosen
      .map((u) => u.datum)
      .sort()
      .at(-1)!;
    const uitvoerdatum = datum ?? target2OpOfNa([laatste, deps.today].sort().at(-1)!);
    const jaar = Number(uitvoerdatum.slice(0, 4));
    const bericht = formatNummer('sepa-uitbetaling', jaar, await reserveNumbers(trx, 'sepa-uitbetaling', jaar, 1));
    const inhoud = Buffer.from(
      overboekingXml({
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
      }),
      'utf8',
    );
    const total = chosen.reduce((s, u) => s + u.bedrag_cent, 0);
    await storeBankbestand(
      trx,
      {
        bericht_id: bericht,
        soort: 'uitbetaling',
        datum: uitvoerdatum,
        formaat,
        aantal: chosen.length,
        totaal_cent: total,
        bestand: path.resolve(out),
        inhoud,
        aangemaakt: deps.now,
      },
      chosen.map((u) => u.nummer),
    );
    await writeLog(
      trx,
      deps,
      `SEPA-overboeking ${bericht} op ${uitvoerdatum}: ${chosen.length} uitbetalingen (${chosen.map((u) => u.nummer).join(', ')}), ${formatEuro(total)}, ${out}`,
    );
    stage(deps, 'geboekt');
    return {
      bestand: out,
      berichtId: bericht,
      formaat,
      uitvoerdatum,
      aantal: chosen.length,
      totaalCent: total,
      uitbetalingen: chosen.map((u) => u.nummer),
      inhoud,
      waarschuwingen,
    };
  });
  for (const w of result.waarschuwingen) deps.out.warn(`Let op: ${w}.`);
  await writeBookedFile(deps, result.berichtId, out, result.inhoud, force);
  deps.out.line(
    `Overboekingsbestand ${out} (${formaat}, ${result.berichtId}): ${aantal(result.aantal, 'uitbetaling', 'uitbetalingen')}, samen ${formatEuro(result.totaalCent)}, uitvoerdatum ${result.uitvoerdatum}.`,
  );
  const { inhoud: _, ...json } = result;
  return { ...json, nietGeschreven };
}

/**
 * Payouts already in bank files, per file: each named when there are a few, else the first, the
 * last and how many (a big bureau's day of 400 payouts made a refusal of 400 lines).
 */
export function perBankFile(inFile: [nummer: string, berichtId: string][]): string[] {
  const byFile = new Map<string, string[]>();
  for (const [nummer, id] of inFile) byFile.set(id, [...(byFile.get(id) ?? []), nummer]);
  return [...byFile].map(([id, nummers]) => {
    const sorted = [...nummers].sort();
    if (sorted.length <= 3) return `${sorted.join(', ')} ${sorted.length === 1 ? 'staat' : 'staan'} in ${id}`;
    return `${sorted[0]} t/m ${sorted.at(-1)} (${sorted.length} uitbetalingen) staan in ${id}`;
  });
}
