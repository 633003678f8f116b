import { columnOf, ROOSTER_FIELDS } from '../../domain/fields.js';
import { rerunning } from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import { deleteRoosterOf, insertRooster, roosterEntryProblems, rowToEntry } from '../../db/repo/rooster.js';
import { openImport } from '../../import/source.js';
import type { Deps } from '../deps.js';
import { importRefused, onlyHeader, type ImportError, importProgress, mapHeader, rowToRecord } from '../../import/records.js';
import { entryFromRecord, warnKeptMonths } from './entry.js';
import type { RoosterEntry } from '../../domain/rooster.js';
import { violationToJson } from '../../rules/report.js';
import { entrySlot, newSlotsViolations, refuseOrWarn } from '../../rules/violations.js';
import { aantal } from '../../domain/tekst.js';
import { begrensdeLijst } from '../record.js';
import { inTransactionSaying } from '../say-after-commit.js';

/**
 * `gob rooster import <file.csv> [--dry-run]`: rooster entries have no code, so the file replaces
 * the whole rooster of every koppeling (and own child) it names; importing it twice gives the same
 * rooster, and `rooster list --csv` → import is a round trip. All or nothing.
 */
export async function roosterImport(opts: { bestand: string; dryRun?: boolean; force?: boolean }, deps: Deps) {
  // After a retryable failure (PostgreSQL) the import starts over: the file is read again, and
  // nothing the first attempt counted is kept (src/db/open.ts, rerunning).
  return rerunning(() => roosterImportOnce(opts, deps));
}

async function roosterImportOnce(opts: { bestand: string; dryRun?: boolean; force?: boolean }, deps: Deps) {
  const progress = await importProgress(opts.bestand, deps.out);
  const source = await openImport(opts.bestand, { onProgress: progress.update, bladen: ['rooster'] });
  const columns = mapHeader(source.header, ROOSTER_FIELDS, source);
  const fouten: ImportError[] = [];
  let rijen = 0;
  const replaced = new Set<string>();
  const entries: ReturnType<typeof entryFromRecord>[] = [];
  // Per koppeling named: its rooster before the import and the file's entries for it.
  const changes = new Map<string, { voor: RoosterEntry[]; na: RoosterEntry[] }>();
  let overtredingen: ReturnType<typeof violationToJson>[] = [];
  // The --force warnings and the kept months are said after the commit, once: a rerun after a
  // retryable failure (PostgreSQL) would have said them twice, and a failed commit after "opgeslagen".
  await inTransactionSaying(
    deps,
    async (trx, deps) => {
      for await (const batch of source.batches)
        for (const row of batch) {
          rijen++;
          const rowErrors: ImportError[] = [];
          const err = (veld: string, melding: string) => rowErrors.push({ regel: row.line, veld, melding });
          const { rec } = rowToRecord(columns, row, err);
          for (const field of ROOSTER_FIELDS.filter((f) => f.required)) {
            if (rowErrors.some((e) => e.veld === field.name)) continue;
            if ((rec[columnOf(field)] ?? null) === null) err(field.name, 'ontbreekt; dit veld is verplicht');
          }
          if (rowErrors.length === 0) {
            const entry = entryFromRecord(rec);
            const owner = entry.koppeling ? `koppeling ${entry.koppeling}` : `kind ${entry.kind}`;
            if (!replaced.has(owner) && (entry.koppeling || entry.kind)) {
              replaced.add(owner);
              const weg = await deleteRoosterOf(trx, entry.koppeling ? { koppeling: entry.koppeling } : { kind: entry.kind! });
              if (entry.koppeling) changes.set(entry.koppeling, { voor: weg.map(rowToEntry), na: [] });
            }
            for (const p of await roosterEntryProblems(trx, entry)) err(p.veld, p.melding);
            if (rowErrors.length === 0) {
              await insertRooster(trx, entry);
              entries.push(entry);
              if (entry.koppeling) changes.get(entry.koppeling)!.na.push(entry);
            }
          }
          fouten.push(...rowErrors);
        }
      if (rijen === 0) throw onlyHeader(opts.bestand, source);
      if (fouten.length > 0) {
        throw importRefused(fouten, { bestand: opts.bestand, rijen, fouten }, source);
      }
      // The rules, once the whole file is in: like rooster add, refused unless --force.
      const slots = [];
      for (const entry of entries) {
        const slot = await entrySlot(trx, entry, deps.today);
        if (slot) slots.push(slot);
      }
      const findings = await newSlotsViolations(trx, slots, deps.today);
      await refuseOrWarn(trx, findings, Boolean(opts.force), deps.out, 'De import');
      overtredingen = findings.violations.map(violationToJson);
      await warnKeptMonths(trx, changes, deps);
      await writeLog(
        trx,
        deps,
        `rooster import ${opts.bestand}: ${aantal(rijen, 'blok', 'blokken')}${overtredingen.length ? ` (--force, ${aantal(overtredingen.length, 'overtreding', 'overtredingen')})` : ''} voor ${begrensdeLijst([...replaced])}`,
      );
    },
    { dryRun: Boolean(opts.dryRun), retry: 'caller' },
  ).finally(progress.stop);
  const prefix = opts.dryRun ? 'Proefimport (--dry-run, niets opgeslagen)' : 'Geïmporteerd';
  deps.out.line(
    `${prefix}: ${aantal(rijen, 'roosterblok', 'roosterblokken')} uit ${opts.bestand}; vervangen: het rooster van ${aantal(replaced.size, 'koppeling/kind', 'koppelingen/kinderen')}.`,
  );
  return { bestand: opts.bestand, rijen, vervangen: [...replaced], dryRun: Boolean(opts.dryRun), fouten, overtredingen };
}
