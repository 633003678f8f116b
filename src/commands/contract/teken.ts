import { parseCode, parseDate, parseText } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { storeHandtekening } from '../../db/repo/contract.js';
import { writeLog } from '../../db/repo/log.js';
import { Refused, UsageError, ValueError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { missingOptions, parseOption, parseOptional } from '../options.js';
import { PARTIJEN, requireCompleteContract } from '../../documents/contract.js';
import { parseSoort } from './pdf.js';

function parsePartij(raw: string): 'ouder' | 'gastouder' | 'bureau' {
  if (raw !== 'ouder' && raw !== 'gastouder' && raw !== 'bureau') throw new ValueError(raw, 'ouder, gastouder of bureau');
  return raw;
}

/**
 * `gob contract teken --koppeling <code> [--soort] --partij ouder|gastouder|bureau [--ouder <code>]
 * --naam <naam> [--datum] [--plaats]`: record a party's signature; signing again replaces it. Each
 * ouder of a shared koppeling signs her own contract (`--ouder`, default the kind's own ouder).
 */
export async function contractTeken(
  opts: { koppeling?: string; soort?: string; partij?: string; ouder?: string; naam?: string; datum?: string; plaats?: string },
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
  const datum = parseOptional('datum', opts.datum, parseDate) ?? deps.today;
  const plaats = parseOptional('plaats', opts.plaats, parseText) ?? null;
  if (!PARTIJEN[soort].some((p) => p.partij === partij)) {
    throw new Refused(
      `De overeenkomst met de ${soort} wordt getekend door ${PARTIJEN[soort].map((p) => p.partij).join(' en ')}, niet door ${partij}.`,
    );
  }
  return inTransaction(deps.db, async (trx) => {
    // Unknown koppeling: NotFound; a contract that could not be made: refused, nothing recorded.
    // An ouder who is not one of the koppeling's: refused there, naming who may sign.
    const contract = await requireCompleteContract(trx, koppeling, soort, ouderOptie);
    const ouder = partij === 'ouder' ? contract.ouder : null;
    await storeHandtekening(trx, { koppeling, soort, partij, ouder, naam, datum, plaats });
    // Which ouder signed is said only when there are two (an unshared koppeling's text is as before).
    const wie = ouder && contract.gedeeld ? `${partij} ${ouder}` : partij;
    await writeLog(
      trx,
      deps,
      `overeenkomst (${soort}) van ${koppeling} getekend door ${wie}: ${naam}, ${datum}${plaats ? `, ${plaats}` : ''}`,
    );
    deps.out.line(
      `Handtekening vastgelegd: ${wie} ${naam} op ${datum}${plaats ? ` in ${plaats}` : ''} (overeenkomst ${soort}, koppeling ${koppeling}).`,
    );
    return { koppeling, soort, partij, ouder, naam, datum, plaats };
  });
}
