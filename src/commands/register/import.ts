import { columnOf, type Entity } from '../../domain/fields.js';
import { type Rec, validateRecord } from '../../domain/registry.js';
import { inTransaction, rerunning } from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import {
  BsnRegister,
  clearOpzegging,
  findRecord,
  insertRecord,
  nextCode,
  referenceProblems,
  updateRecord,
  mandaatClashes,
} from '../../db/repo/register.js';
import { openImport } from '../../import/source.js';
import { eindTrektOpzeggingIn } from '../../domain/opzegtermijn.js';
import type { Deps } from '../deps.js';
import { changedFieldNames, importLogLine, LogLijst, withDefaults } from '../record.js';
import { importRefused, onlyHeader, type ImportError, importProgress, mapHeader, rowToRecord } from '../../import/records.js';
import { aantal } from '../../domain/tekst.js';

export async function importRecords(entity: Entity, opts: { bestand: string; dryRun?: boolean }, deps: Deps) {
  // After a retryable failure (PostgreSQL) the import starts over: the file is read again, and
  // nothing the first attempt counted is kept (src/db/open.ts, rerunning).
  return rerunning(() => importRecordsOnce(entity, opts, deps));
}

async function importRecordsOnce(entity: Entity, opts: { bestand: string; dryRun?: boolean }, deps: Deps) {
  const progress = await importProgress(opts.bestand, deps.out);
  const source = await openImport(opts.bestand, { onProgress: progress.update, bladen: [entity.name] });
  const columns = mapHeader(source.header, entity.fields, source);
  const fouten: ImportError[] = [];
  let rijen = 0;
  let nieuw = 0;
  let gewijzigd = 0;
  let ongewijzigd = 0;
  const seen = new Map<string, number>();
  // The ouders whose row set a mandate id other than their stored one, by line (mandaatClashes).
  const mandaatGegeven = new Map<string, number>();
  // For the log line: which records were added and which changed (field names, not values).
  const nieuwe = new LogLijst();
  const gewijzigde = new LogLijst();
  await inTransaction(
    deps.db,
    async (trx) => {
      // Loaded once and kept up to date row by row; whether each BSN ends with one person is asked
      // when the whole file is in, so that a file may move a BSN (two swapped back in one go).
      const bsns = await BsnRegister.forImport(trx);
      for await (const batch of source.batches)
        for (const row of batch) {
          const line = row.line;
          rijen++;
          const rowErrors: ImportError[] = [];
          const err = (veld: string, melding: string) => rowErrors.push({ regel: line, veld, melding });
          const { rec: given, maskedBsn, ok } = rowToRecord(columns, row, err);
          if (!ok) {
            fouten.push(...rowErrors);
            continue;
          }
          const code = given.code === undefined || given.code === null ? null : String(given.code);
          if (code !== null) {
            if (seen.has(code)) err('code', `code ${code} staat ook al op regel ${seen.get(code)}`);
            else seen.set(code, line);
          }
          const existing = code === null ? undefined : await findRecord(trx, entity, code);
          // A masked BSN (from list --csv without --toon-bsn) keeps the stored one when it matches.
          for (const [field, masked] of maskedBsn) {
            const stored = existing?.[columnOf(field)];
            if (typeof stored === 'string' && stored.endsWith(masked.slice(-4))) continue;
            err(field.name, `'${masked}' is een gemaskeerd BSN; exporteer met 'list --csv --toon-bsn' of vul het volledige BSN in`);
          }
          const rec: Rec = existing ? { ...existing, ...given } : withDefaults(entity.fields, given, deps.today);
          // A field whose value did not parse already has its error; it is not 'missing' as well.
          const invalid = new Set(rowErrors.map((e) => e.veld));
          for (const p of validateRecord(entity, rec, deps.today)) if (!invalid.has(p.veld)) err(p.veld, p.melding);
          if (rowErrors.length === 0) {
            if (rec.code === null) rec.code = await nextCode(trx, entity);
            for (const p of await referenceProblems(trx, entity, rec, { before: existing, bsn: bsns })) err(p.veld, p.melding);
          }
          if (rowErrors.length > 0) {
            fouten.push(...rowErrors);
            continue;
          }
          if (existing && Object.entries(given).every(([column, value]) => existing[column] === value)) {
            // Re-importing an unchanged export is a no-op: nothing written, nothing in the log.
            ongewijzigd++;
          } else if (existing) {
            await updateRecord(trx, entity, String(rec.code), given);
            // As with `edit`: a koppeling reopened, or given an end while open (a fixed term), loses
            // an earlier notice; a moved end keeps it.
            if (
              entity.name === 'koppeling' &&
              'eind' in given &&
              eindTrektOpzeggingIn((existing.eind ?? null) as string | null, (given.eind ?? null) as string | null)
            )
              await clearOpzegging(trx, String(rec.code));
            gewijzigd++;
            gewijzigde.add(() => `${String(rec.code)}: ${changedFieldNames(entity.fields, existing, given).join(', ')}`);
          } else {
            await insertRecord(trx, entity, rec);
            nieuw++;
            nieuwe.add(String(rec.code));
          }
          bsns.claim(entity, rec, line);
          if (entity.name === 'ouder' && typeof rec.mandaat === 'string' && rec.mandaat !== existing?.mandaat)
            mandaatGegeven.set(String(rec.code), line);
        }
      if (rijen === 0) throw onlyHeader(opts.bestand, source);
      fouten.push(...bsns.clashes());
      if (entity.name === 'ouder') fouten.push(...(await mandaatClashes(trx, mandaatGegeven)));
      fouten.sort((a, b) => a.regel - b.regel);
      if (fouten.length > 0) {
        throw importRefused(fouten, { bestand: opts.bestand, rijen, fouten }, source);
      }
      if (nieuw + gewijzigd > 0) {
        await writeLog(trx, deps, importLogLine(entity.name, opts.bestand, nieuwe, gewijzigde, { nieuw, gewijzigd }));
      }
    },
    { dryRun: Boolean(opts.dryRun), retry: 'caller' },
  ).finally(progress.stop);
  const prefix = opts.dryRun ? 'Proefimport (--dry-run, niets opgeslagen)' : 'Geïmporteerd';
  deps.out.line(
    `${prefix}: ${aantal(rijen, 'rij', 'rijen')} uit ${opts.bestand}: ${nieuw} nieuw, ${gewijzigd} gewijzigd, ${ongewijzigd} ongewijzigd.`,
  );
  return { bestand: opts.bestand, rijen, nieuw, gewijzigd, ongewijzigd, dryRun: Boolean(opts.dryRun), fouten };
}
