import { addMonths, type Datum, monthOf } from '../../domain/calendar.js';
import { formatEuro, formatUren } from '../../domain/money.js';
import { laatsteOpzegdag, OPZEGTERMIJN_MAANDEN } from '../../domain/opzegtermijn.js';
import { urenNaEind } from '../../domain/registry.js';
import { parseCode, parseDate } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { gefactureerdeMaanden } from '../../db/repo/afwezigheid.js';
import { writeLog } from '../../db/repo/log.js';
import { koppelingOpzegging } from '../../db/repo/opzegtermijn.js';
import { endKoppeling, getKoppeling } from '../../db/repo/register.js';
import { urenkaartDatums } from '../../db/repo/urenkaart.js';
import { NotFound, Refused, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { notAfterToday, parseOption, parseOptional } from '../options.js';
import { opzegKosten } from '../opzegkosten.js';

/**
 * `gob koppeling end <code> [--eind <datum>] [--opzegdatum <datum>] [--zonder-opzegtermijn]`:
 * without --eind the koppeling ends one month after the notice date (today unless --opzegdatum).
 * Care that ends before the opzegtermijn is over owes the rooster hours of the rest of it (CONTRACT
 * §9), billed by `factuur run` as `opzegtermijn` lines; this command says what they will cost.
 * Every `end` states the whole ending: without the flag a re-end owes notice again.
 */
export async function koppelingEnd(opts: { code: string; eind?: string; opzegdatum?: string; zonderOpzegtermijn?: boolean }, deps: Deps) {
  const code = parseOption('code', opts.code, parseCode);
  const zonderOpzegtermijn = Boolean(opts.zonderOpzegtermijn);
  const gegevenEind = parseOptional('eind', opts.eind, parseDate);
  const gegevenOpzegdatum = parseOptional('opzegdatum', opts.opzegdatum, parseDate);
  // Notice is given on the day it arrives or before, never ahead: a later date would move the notice
  // (and what it bills) past the days it should cover.
  if (gegevenOpzegdatum !== undefined)
    notAfterToday('opzegdatum', gegevenOpzegdatum, deps.today, 'geef de datum waarop de opzegging binnenkwam, vandaag of eerder');
  // Notice is given before or on the last day of care (CONTRACT §9: an end "before one month after
  // its opzegdatum"); an opzegdatum after the end would bill a month of notice after days not billed.
  // A past end without --opzegdatum does not default to today for that reason: the bureau says when
  // notice was given, as it decides what is billed. Ended by mutual agreement nothing is billed, so
  // there the end itself serves.
  let opzegdatum: Datum;
  if (gegevenOpzegdatum !== undefined) opzegdatum = gegevenOpzegdatum;
  else if (gegevenEind !== undefined && gegevenEind < deps.today) {
    if (!zonderOpzegtermijn)
      throw new UsageError(
        `--eind: ${gegevenEind} ligt vóór vandaag (${deps.today}); geef met --opzegdatum de datum waarop is opgezegd (uiterlijk ${gegevenEind}), of --zonder-opzegtermijn als in overleg is beëindigd.`,
      );
    opzegdatum = gegevenEind;
  } else opzegdatum = deps.today;
  const eind = gegevenEind ?? addMonths(opzegdatum, OPZEGTERMIJN_MAANDEN);
  if (opzegdatum > eind)
    throw new UsageError(
      `--opzegdatum: ${opzegdatum} ligt na de einddatum ${eind}; er wordt opgezegd vóór of op de laatste dag van de opvang. Geef een opzegdatum uiterlijk ${eind}, of een latere --eind.`,
    );
  const { maanden, hints } = await inTransaction(deps.db, async (trx) => {
    const koppeling = await getKoppeling(trx, code);
    if (!koppeling) throw new NotFound(`Er is geen koppeling met code ${code}. Zie 'gob koppeling list'.`);
    if (eind < koppeling.start)
      throw new Refused(`Koppeling ${code} begint op ${koppeling.start}; de einddatum ${eind} mag daar niet vóór liggen.`);
    // Care on the urenkaart after the end would be billed twice: as opvang and as opzegtermijn.
    const later = (await urenkaartDatums(trx, code, monthOf(eind))).filter((d) => d > eind);
    if (later.length > 0)
      throw new Refused(`Koppeling ${code} kan niet eindigen op ${eind}; er is niets opgeslagen.`, [`eind: ${urenNaEind(eind, later)}`]);
    const voor = await koppelingOpzegging(trx, code);
    await endKoppeling(trx, code, eind, opzegdatum, zonderOpzegtermijn);
    const na = await koppelingOpzegging(trx, code);
    const nieuw = opzegKosten(na);
    // A month already invoiced whose notice changes is corrected by the next run of that month.
    const oud = new Map(opzegKosten(voor).map((m) => [m.maand, m.bedragCent]));
    const nu = new Map(nieuw.map((m) => [m.maand, m.bedragCent]));
    const veranderd = [...new Set([...oud.keys(), ...nu.keys()])].filter((m) => oud.get(m) !== nu.get(m)).sort();
    const gefactureerd = veranderd.length === 0 ? [] : await gefactureerdeMaanden(trx, `${veranderd[0]}-01`, `${veranderd.at(-1)}-01`);
    await writeLog(
      trx,
      deps,
      `koppeling ${code} beëindigd per ${eind} (opgezegd op ${opzegdatum}${zonderOpzegtermijn ? ', zonder opzegtermijn' : ''})`,
    );
    return {
      maanden: nieuw,
      hints: gefactureerd
        .filter((m) => veranderd.includes(m))
        .map((m) => `${m} is al gefactureerd; 'gob factuur run --maand ${m}' factureert het verschil.`),
    };
  });
  const totEnMet = laatsteOpzegdag(opzegdatum);
  const minuten = maanden.reduce((s, m) => s + m.minuten, 0);
  const bedragCent = maanden.reduce((s, m) => s + m.bedragCent, 0);
  deps.out.line(`Koppeling ${code} eindigt op ${eind} (opgezegd op ${opzegdatum}).`);
  if (zonderOpzegtermijn) deps.out.line('In overleg beëindigd, zonder opzegtermijn: er wordt geen opzegtermijn gefactureerd.');
  else if (eind >= totEnMet)
    deps.out.line(`De opzegtermijn van één maand (tot en met ${totEnMet}) wordt in acht genomen: er wordt geen opzegtermijn gefactureerd.`);
  else if (maanden.length === 0)
    deps.out.line(
      `De opvang eindigt vóór het eind van de opzegtermijn (${totEnMet}), maar op de dagen daarna is geen opvang afgesproken die de ouder nog verschuldigd is: er wordt geen opzegtermijn gefactureerd.`,
    );
  else {
    deps.out.line(
      `De opvang eindigt vóór het eind van de opzegtermijn (${totEnMet}). De afgesproken uren volgens het rooster van de dagen daarna worden gefactureerd als opzegtermijn:`,
    );
    deps.out.table(
      [
        { key: 'maand', title: 'maand' },
        { key: 'dagen', title: 'dagen' },
        { key: 'uren', title: 'uren', align: 'right' },
        { key: 'tarief', title: 'tarief', align: 'right' },
        { key: 'bedrag', title: 'bedrag', align: 'right' },
      ],
      maanden.map((m) => ({
        maand: m.maand,
        dagen: `${m.van} t/m ${m.totEnMet}`,
        uren: formatUren(m.minuten),
        tarief: formatEuro(m.tariefCent),
        bedrag: formatEuro(m.bedragCent),
      })),
    );
    deps.out.line(`Samen ${formatUren(minuten)} uur, ${formatEuro(bedragCent)} (zonder bureaukosten).`);
  }
  for (const h of hints) deps.out.line(h);
  return {
    code,
    eind,
    opzegdatum,
    zonderOpzegtermijn,
    opzegtermijn: {
      totEnMet,
      maanden: maanden.map((m) => ({
        maand: m.maand,
        van: m.van,
        totEnMet: m.totEnMet,
        minuten: m.minuten,
        tariefCent: m.tariefCent,
        bedragCent: m.bedragCent,
      })),
      minuten,
      bedragCent,
    },
  };
}
