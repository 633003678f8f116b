import { parseCode, parseDate, parseText } from '../../domain/values.js';
import { handtekeningen, storeHandtekening } from '../../db/repo/contract.js';
import { writeLog } from '../../db/repo/log.js';
import { Refused, UsageError, ValueError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { missingOptions, notAfterToday, parseOption, parseOptional } from '../options.js';
import { PARTIJEN, requireCompleteContract } from '../../documents/contract.js';
import { parseSoort } from './pdf.js';
import { inTransactionSaying } from '../say-after-commit.js';

function parsePartij(raw: string): 'ouder' | 'gastouder' | 'bureau' {
  if (raw !== 'ouder' && raw !== 'gastouder' && raw !== 'bureau') throw new ValueError(raw, 'ouder, gastouder of bureau');
  return raw;
}

/**
 * `gob contract teken --koppeling <code> [--soort] --partij ouder|gastouder|bureau [--ouder <code>]
 * --naam <naam> [--datum] [--plaats] [--force]`: record a party's signature. A recorded signature
 * is evidence: replacing it takes --force, and says whose it was. Each ouder of a shared koppeling
 * signs her own contract (`--ouder`, default the kind's own ouder).
 */
export async function contractTeken(
  opts: {
    koppeling?: string;
    soort?: string;
    partij?: string;
    ouder?: string;
    naam?: string;
    datum?: string;
    plaats?: string;
    force?: boolean;
  },
  deps: Deps,
) {
  missingOptions(opts, ['koppeling', 'partij', 'naam']);
  const koppeling = parseOption('koppeling', opts.koppeling!, parseCode);
  const soort = parseOptional('soort', opts.soort, parseSoort) ?? 'gastouder';
  const partij = parseOption('partij', opts.partij!, parsePartij);
  const ouderOptie = parseOptional('ouder', opts.ouder, parseCode);
  // The gastouder and the bureau sign the same text for both ouders, once (the schema keeps one).
  if (ouderOptie !== undefined && partij !== 'ouder')
    throw new UsageError(
      `--ouder hoort alleen bij --partij ouder (welke ouder tekent); de ${partij} tekent één keer per overeenkomst. Laat --ouder weg.`,
    );
  const naam = parseOption('naam', opts.naam!, parseText);
  // A signature is recorded once it is set: a date after today is a typo (it printed on the PDF).
  const datum = notAfterToday(
    'datum',
    parseOptional('datum', opts.datum, parseDate) ?? deps.today,
    deps.today,
    'leg een handtekening vast als die gezet is',
  );
  const plaats = parseOptional('plaats', opts.plaats, parseText) ?? null;
  if (!PARTIJEN[soort].some((p) => p.partij === partij)) {
    throw new Refused(
      `De overeenkomst met de ${soort} wordt getekend door ${PARTIJEN[soort].map((p) => p.partij).join(' en ')}, niet door ${partij}.`,
    );
  }
  return inTransactionSaying(deps, async (trx, deps) => {
    // Unknown koppeling: NotFound; a contract that could not be made: refused, nothing recorded.
    // An ouder who is not one of the koppeling's: refused there, naming who may sign.
    const contract = await requireCompleteContract(trx, koppeling, soort, ouderOptie);
    const ouder = partij === 'ouder' ? contract.ouder : null;
    // Which ouder signed is said only when there are two (an unshared koppeling's text is as before).
    const wie = ouder && contract.gedeeld ? `${partij} ${ouder}` : partij;
    const earlier = (await handtekeningen(trx, koppeling, soort)).find((h) => h.partij === partij && (h.ouder ?? null) === ouder);
    const vorige = earlier ? `${earlier.naam}, ${earlier.datum}${earlier.plaats ? `, ${earlier.plaats}` : ''}` : undefined;
    if (vorige !== undefined && !opts.force) {
      throw new Refused(
        `De overeenkomst (${soort}) van ${koppeling} is al getekend door ${wie}: ${vorige}. Vervang die handtekening alleen met --force; er is niets gewijzigd.`,
      );
    }
    await storeHandtekening(trx, { koppeling, soort, partij, ouder, naam, datum, plaats });
    await writeLog(
      trx,
      deps,
      `overeenkomst (${soort}) van ${koppeling} getekend door ${wie}: ${naam}, ${datum}${plaats ? `, ${plaats}` : ''}${vorige ? ` (vervangt ${vorige})` : ''}`,
    );
    if (vorige) deps.out.warn(`De eerdere handtekening (${vorige}) is vervangen (--force).`);
    deps.out.line(
      `Handtekening vastgelegd: ${wie} ${naam} op ${datum}${plaats ? ` in ${plaats}` : ''} (overeenkomst ${soort}, koppeling ${koppeling}).`,
    );
    return { koppeling, soort, partij, ouder, naam, datum, plaats };
  });
}
