import fs from 'node:fs';
import { parseCode } from '../../domain/values.js';
import { getBureau } from '../../db/repo/bureau.js';
import { Refused, ValueError } from '../../errors.js';
import { checkTarget, writeFileSafely } from '../../files/write.js';
import type { Deps } from '../deps.js';
import { missingOptions, parseOption, parseOptional } from '../options.js';
import { type ContractSoort, contractDocument } from '../../documents/contract.js';

export function parseSoort(raw: string): ContractSoort {
  if (raw !== 'gastouder' && raw !== 'bureau')
    throw new ValueError(raw, 'gastouder (vraagouder en gastouder) of bureau (vraagouder en gastouderbureau)');
  return raw;
}

/** The bureau's certificate and its password, or a clear refusal. */
export function loadCertificate(file: string, wachtwoord: string | undefined): { p12: Buffer; wachtwoord: string } {
  if (wachtwoord === undefined || wachtwoord === '') {
    throw new Refused(
      `Het bureau ondertekent met certificaat ${file}, maar het wachtwoord ontbreekt. Zet het in de omgevingsvariabele GOB_CERTIFICAAT_WACHTWOORD.`,
    );
  }
  let p12: Buffer;
  try {
    p12 = fs.readFileSync(file);
  } catch {
    throw new Refused(
      `Het certificaat ${file} (bureau-instelling certificaat) bestaat niet of is niet leesbaar. Maak er een met 'gob bureau certificaat-maken' of stel een ander in met 'gob bureau set --certificaat …'.`,
    );
  }
  return { p12, wachtwoord };
}

/**
 * `gob contract pdf --koppeling <code> [--soort gastouder|bureau] [--ouder <code>] [--template <file>] --out <file.pdf> [--force]`:
 * the overeenkomst van opdracht, signed by the bureau when a certificate is set. Each ouder of a
 * shared koppeling has her own (`--ouder`, default the kind's own ouder; CONTRACT §9).
 */
export async function contractPdf(
  opts: { koppeling?: string; soort?: string; ouder?: string; template?: string; out?: string; force?: boolean },
  deps: Deps,
) {
  missingOptions(opts, ['koppeling', 'out']);
  const koppeling = parseOption('koppeling', opts.koppeling!, parseCode);
  const soort = parseOptional('soort', opts.soort, parseSoort) ?? 'gastouder';
  const ouder = parseOptional('ouder', opts.ouder, parseCode);
  // Before the work: an existing file (without --force), a link or a folder refuses at once.
  checkTarget(opts.out!, { force: opts.force });
  const doc = await contractDocument(deps.db, { koppeling, soort, ouder, template: opts.template, today: deps.today });
  const bureau = await getBureau(deps.db);
  const certificate = bureau.certificaat ? loadCertificate(bureau.certificaat, deps.certificaatWachtwoord) : undefined;
  const { renderContractPdf } = await import('../../pdf/contract.js');
  let bytes: Buffer;
  try {
    bytes = await renderContractPdf(
      doc,
      certificate ? { ...certificate, naam: bureau.naam ?? 'gastouderbureau', plaats: bureau.plaats ?? '' } : undefined,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (certificate && /password|pkcs12|mac|decrypt|invalid|asn/i.test(message)) {
      throw new Refused(
        `Het certificaat ${bureau.certificaat} kon niet worden geopend: is GOB_CERTIFICAAT_WACHTWOORD het juiste wachtwoord? Er is geen PDF geschreven.`,
      );
    }
    throw error;
  }
  writeFileSafely(opts.out!, bytes, { force: opts.force });
  deps.out.line(
    `Overeenkomst (${soort}) van koppeling ${koppeling}${doc.gedeeld ? ` voor ouder ${doc.ouder}` : ''} geschreven naar ${opts.out}${certificate ? ', digitaal ondertekend door het bureau' : ''}.`,
  );
  return { bestand: opts.out, koppeling, soort, ouder: doc.ouder, ondertekend: Boolean(certificate), handtekeningen: doc.handtekeningen };
}
