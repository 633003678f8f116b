import fs from 'node:fs';
import { csvCell, csvLine } from '../../csv/write.js';
import { kindCellen, ouderCellen, rijCellen, TOESLAG_KOLOMMEN, type ToeslagKind } from '../../domain/toeslag.js';
import { aantal } from '../../domain/tekst.js';
import { parseMonth, parsePad } from '../../domain/values.js';
import { writeLog } from '../../db/repo/log.js';
import { checkTarget } from '../../files/write.js';
import type { Deps } from '../deps.js';
import { writeLoggedFile } from '../logged-file.js';
import { missingOptions, requireOption } from '../options.js';
import { nietGefactureerdMelding, openLevering } from './levering.js';

/** Text is written to the file in pieces of about this size: a large bureau's year is ~150 MB of CSV. */
const CHUNK = 1 << 20;

/**
 * `gob toeslag export --maand <JJJJ-MM> --out <file.csv> [--force]`: the monthly delivery to Dienst
 * Toeslagen, cumulative from January (CONTRACT §8). The CSV is written as `list --csv` writes
 * (';', CRLF, UTF-8, cells made inert), BSNs in full and the file 0600: it holds them for the
 * Belastingdienst. A row with missing data is written with that cell empty; `toeslag check` names
 * what is missing.
 */
export async function toeslagExport(opts: { maand?: string; out?: string; force?: boolean }, deps: Deps) {
  if (!deps.prompts) missingOptions(opts, ['maand', 'out']);
  const maand = await requireOption('maand', opts.maand, parseMonth, deps, 'De levering van welke maand (JJJJ-MM)?');
  const out = await requireOption('out', opts.out, parsePad, deps, 'Naar welk CSV-bestand?');
  const force = Boolean(opts.force);
  // Before any work: an existing file without --force, a symlink or a folder is refused at once.
  checkTarget(out, { force });
  const levering = await openLevering(deps.db, maand);
  let rijen = 0;
  let ouders = 0;
  const kinderen = new Set<string>();
  const produce = async (tmp: string) => {
    const fd = fs.openSync(tmp, 'w');
    try {
      let buffer = csvLine([...TOESLAG_KOLOMMEN]);
      // The ouder's and each kind's cells are the same on all their rows: made once (half a
      // million rows in a large bureau), each cell still through csvCell.
      const cells = (list: string[]) => list.map(csvCell).join(';');
      for (const perOuder of levering.perOuder()) {
        ouders++;
        const ouderDeel = cells(ouderCellen(levering.bureau, levering.ouders.get(perOuder[0]!.ouder)));
        let kindCode: string | null | undefined;
        let kindDeel = '';
        for (const rij of perOuder) {
          if (rij.kind !== kindCode) {
            kindCode = rij.kind;
            const kind: ToeslagKind | undefined = rij.kind === null ? undefined : levering.kinderen.get(rij.kind);
            kindDeel = cells(kindCellen(kind));
            if (rij.kind !== null) kinderen.add(rij.kind);
          }
          buffer += `${ouderDeel};${kindDeel};${cells(rijCellen(rij))}\r\n`;
          rijen++;
        }
        if (buffer.length >= CHUNK) {
          fs.writeFileSync(fd, buffer);
          buffer = '';
        }
      }
      fs.writeFileSync(fd, buffer);
    } finally {
      fs.closeSync(fd);
    }
  };
  // The file holds every parent's BSN: who took it out, and when, is in the audit log (as a backup
  // is), and the file appears only once that line is committed (logged-file.ts). The counts are
  // the file's: the line is written after the rows.
  await writeLoggedFile(deps, out, { force }, produce, (trx) =>
    writeLog(
      trx,
      deps,
      `toeslaglevering ${levering.van} t/m ${maand} geschreven: ${out}, ${aantal(rijen, 'rij', 'rijen')}, ${aantal(ouders, 'ouder', 'ouders')}`,
    ),
  );
  const melding = nietGefactureerdMelding(levering);
  if (melding) deps.out.warn(melding);
  deps.out.line(
    `${out} geschreven: ${aantal(rijen, 'rij', 'rijen')} voor ${aantal(ouders, 'ouder', 'ouders')} en ${aantal(kinderen.size, 'kind', 'kinderen')}, ${levering.van} t/m ${maand}. Controleer de levering met 'gob toeslag check --maand ${maand}'.`,
  );
  return { maand, van: levering.van, bestand: out, rijen, ouders, kinderen: kinderen.size, nietGefactureerd: levering.nietGefactureerd };
}
