import { parseCode, parseDate, parseText } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { storeHandtekening } from '../../db/repo/contract.js';
import { writeLog } from '../../db/repo/log.js';
import { Refused, ValueError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { missingOptions, parseOption, parseOptional } from '../options.js';
import { PARTIJEN, requireCompleteContract } from '../../documents/contract.js';
import { parseSoort } from './pdf.js';

function parsePartij(raw: string): 'ouder' | 'gastouder' | 'bureau' {
  if (raw !== 'ouder' && raw !== 'gastouder' && raw !== 'bureau') throw new ValueError(raw, 'ouder, gastouder of bureau');
  return raw;
}

/**
 * `gob contract teken --koppeling <code> [--soort] --partij ouder|gastouder|bureau --naam <naam>
 * [--datum] [--plaats]`: record a party's signature; signing again replaces it.
 */
export async function contractTeken(
  opts: { koppeling?: string; soort?: string; partij?: string; naam?: string; datum?: string; plaats?: string },
  deps: Deps,
) {
  missingOptions(opts, ['koppeling', 'partij', 'naam']);
  const koppeling = parseOption('koppeling', opts.koppeling!, parseCode);
  const soort = parseOptional('soort', opts.soort, parseSoort) ?? 'gastouder';
  const partij = parseOption('partij', opts.partij!, parsePartij);
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
    await requireCompleteContract(trx, koppeling, soort);
    await storeHandtekening(trx, { koppeling, soort, partij, naam, datum, plaats });
    await writeLog(
      trx,
      deps,
      `overeenkomst (${soort}) van ${koppeling} getekend door ${partij}: ${naam}, ${datum}${plaats ? `, ${plaats}` : ''}`,
    );
    deps.out.line(
      `Handtekening vastgelegd: ${partij} ${naam} op ${datum}${plaats ? ` in ${plaats}` : ''} (overeenkomst ${soort}, koppeling ${koppeling}).`,
    );
    return { koppeling, soort, partij, naam, datum, plaats };
  });
}
