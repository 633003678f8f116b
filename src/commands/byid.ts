// The commands of records that gob keys by an id rather than a code (huisgenoot, bezoek; CONTRACT
// §10): add, edit, remove, list and import, given the noun. The registry's own handlers
// (commands/register/) are keyed by code (lookup, next free code, BSN register) and do not fit;
// what they share with these is record.ts (options ↔ records ↔ JSON/text) and import/records.ts.
import type { Datum } from '../domain/calendar.js';
import { type Field, TYPES } from '../domain/fields.js';
import type { Problem, Rec } from '../domain/registry.js';
import { aantal } from '../domain/tekst.js';
import { csvLine } from '../csv/write.js';
import { openImport } from '../import/source.js';
import { checkListForm, writeListXlsx } from './xlsx.js';
import { inTransaction, type Db, rerunning } from '../db/open.js';
import { writeLog } from '../db/repo/log.js';
import { NotFound, UsageError } from '../errors.js';
import { type ImportError, importProgress, importRefused, mapHeader, onlyHeader, rowToRecord } from '../import/records.js';
import type { Deps } from './deps.js';
import { parseArgument } from './options.js';
import {
  type RawOptions,
  changedFieldNames,
  describeChange,
  importLogLine,
  LogLijst,
  recordFromOptions,
  recordToJson,
  recordToText,
  refuseProblems,
  withDefaults,
} from './record.js';
import { inTransactionSaying } from './say-after-commit.js';

export interface IdNoun {
  name: 'huisgenoot' | 'bezoek';
  /** 'de huisgenoot', 'het bezoek': for messages. */
  lidwoord: 'de' | 'het';
  meervoud: string;
  /** Every field, `id` first: the CSV columns and JSON keys. The options are the others. */
  fields: Field[];
  /** What the record alone shows wrong (dates after today, a koppeling without evaluatie). */
  problems(rec: Rec, today: Datum): Problem[];
  /** What the database must confirm (the gastouder, the koppeling). */
  references(db: Db, rec: Rec): Promise<Problem[]>;
  get(db: Db, id: number): Promise<Rec | undefined>;
  insert(db: Db, rec: Rec): Promise<number>;
  update(db: Db, id: number, changes: Rec): Promise<void>;
  remove(db: Db, id: number): Promise<void>;
  /** For messages and the log: 'Fatma Yılmaz bij gastouder G0001'. */
  describe(rec: Rec): string;
}

const optionFields = (noun: IdNoun) => noun.fields.filter((f) => f.name !== 'id');
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const parseId = (raw: string) => parseArgument('id', raw, (s) => TYPES.id.parse(s) as number);

export async function addById(noun: IdNoun, opts: RawOptions, deps: Deps) {
  const given = await recordFromOptions(optionFields(noun), opts, deps, { required: true });
  const rec = withDefaults(noun.fields, given, deps.today);
  const what = `Het toevoegen van ${noun.lidwoord} ${noun.name}`;
  refuseProblems(what, noun.problems(rec, deps.today));
  const id = await inTransaction(deps.db, async (trx) => {
    refuseProblems(what, await noun.references(trx, rec));
    const newId = await noun.insert(trx, rec);
    await writeLog(trx, deps, `${noun.name} ${newId} toegevoegd: ${describeChange(optionFields(noun), undefined, rec)}`);
    return newId;
  });
  deps.out.line(`${capitalize(noun.name)} ${id} is toegevoegd: ${noun.describe(rec)}.`);
  return recordToJson(noun.fields, { ...rec, id });
}

/** `edit <id> [--veld waarde …]`: an empty value clears an optional field. */
export async function editById(noun: IdNoun, opts: RawOptions & { id: string }, deps: Deps) {
  const id = parseId(opts.id);
  const changes = await recordFromOptions(optionFields(noun), opts, deps, { required: false });
  // No field is a missing option: a usage error (CONTRACT §1), like any other.
  if (Object.keys(changes).length === 0)
    throw new UsageError(`Geef minstens één veld om te wijzigen, bijvoorbeeld --naam. Zie 'gob ${noun.name} edit --help'.`);
  return inTransactionSaying(deps, async (trx, deps) => {
    const before = await noun.get(trx, id);
    if (!before) throw new NotFound(`Er is geen ${noun.name} met id ${id}. Zie 'gob ${noun.name} list'.`);
    const after = { ...before, ...changes };
    const what = `Het wijzigen van ${noun.name} ${id}`;
    refuseProblems(what, noun.problems(after, deps.today));
    refuseProblems(what, await noun.references(trx, after));
    await noun.update(trx, id, changes);
    const change = describeChange(optionFields(noun), before, changes);
    await writeLog(trx, deps, `${noun.name} ${id} gewijzigd: ${change || 'geen verschil'}`);
    deps.out.line(change ? `${capitalize(noun.name)} ${id} is gewijzigd.` : `${capitalize(noun.name)} ${id}: er was niets te wijzigen.`);
    return recordToJson(noun.fields, after);
  });
}

export async function removeById(noun: IdNoun, opts: { id: string }, deps: Deps) {
  const id = parseId(opts.id);
  const rec = await inTransaction(deps.db, async (trx) => {
    const found = await noun.get(trx, id);
    if (!found) throw new NotFound(`Er is geen ${noun.name} met id ${id}. Zie 'gob ${noun.name} list'.`);
    await noun.remove(trx, id);
    await writeLog(trx, deps, `${noun.name} ${id} verwijderd: ${noun.describe(found)}`);
    return found;
  });
  deps.out.line(`${capitalize(noun.name)} ${id} is verwijderd: ${noun.describe(rec)}.`);
  return recordToJson(noun.fields, rec);
}

/** A list as a table, or with --csv the columns `import` reads; JSON always every field. */
export async function printById(
  noun: IdNoun,
  recs: Rec[],
  opts: { csv?: boolean | undefined; xlsx?: string | undefined; force?: boolean | undefined },
  deps: Deps,
) {
  checkListForm(opts);
  if (opts.xlsx !== undefined) return writeListXlsx(opts.xlsx, noun.name, noun.fields, recs, opts, deps);
  if (opts.csv) {
    deps.out.raw(csvLine(noun.fields.map((f) => f.name)));
    for (const rec of recs) deps.out.raw(csvLine(noun.fields.map((f) => recordToText(f, rec))));
    return undefined;
  }
  // A long note would stretch the table; --json and --csv give it whole.
  const cell = (f: Field, rec: Rec) => {
    const text = recordToText(f, rec);
    return f.name === 'notitie' && [...text].length > 40 ? `${[...text].slice(0, 39).join('')}…` : text;
  };
  deps.out.table(
    noun.fields.map((f) => ({ key: f.name, title: f.name, align: f.name === 'id' ? ('right' as const) : ('left' as const) })),
    recs.map((rec) => Object.fromEntries(noun.fields.map((f) => [f.name, cell(f, rec)]))),
  );
  deps.out.line(aantal(recs.length, noun.name, noun.meervoud));
  return recs.map((rec) => recordToJson(noun.fields, rec));
}

/**
 * `import <file.csv> [--dry-run]`: a row with an id updates that record (or, in a database that
 * does not have it, adds it under that id, so `list --csv` → import into another database keeps
 * the ids); a row without one is added. All or nothing; re-importing an export changes nothing.
 */
export async function importById(noun: IdNoun, opts: { bestand: string; dryRun?: boolean }, deps: Deps) {
  // After a retryable failure (PostgreSQL) the import starts over: the file is read again, and
  // nothing the first attempt counted is kept (src/db/open.ts, rerunning).
  return rerunning(() => importByIdOnce(noun, opts, deps));
}

async function importByIdOnce(noun: IdNoun, opts: { bestand: string; dryRun?: boolean }, deps: Deps) {
  const progress = await importProgress(opts.bestand, deps.out);
  const source = await openImport(opts.bestand, { onProgress: progress.update, bladen: [noun.name] });
  const columns = mapHeader(source.header, noun.fields, source);
  const fouten: ImportError[] = [];
  let rijen = 0;
  let nieuw = 0;
  let gewijzigd = 0;
  let ongewijzigd = 0;
  const seen = new Map<number, number>();
  // For the log line: by id and gastouder (both nouns belong to one), so that her inzage finds it.
  const label = (id: number, rec: Rec) => `${id} bij ${String(rec.gastouder)}`;
  const nieuwe = new LogLijst();
  const gewijzigde = new LogLijst();
  await inTransaction(
    deps.db,
    async (trx) => {
      for await (const batch of source.batches)
        for (const row of batch) {
          rijen++;
          const rowErrors: ImportError[] = [];
          const err = (veld: string, melding: string) => rowErrors.push({ regel: row.line, veld, melding });
          const { rec: given, ok } = rowToRecord(columns, row, err);
          if (!ok) {
            fouten.push(...rowErrors);
            continue;
          }
          const id = typeof given.id === 'number' ? given.id : null;
          if (id !== null) {
            if (seen.has(id)) err('id', `id ${id} staat ook al op regel ${seen.get(id)}`);
            else seen.set(id, row.line);
          }
          const existing = id === null ? undefined : await noun.get(trx, id);
          const rec: Rec = existing ? { ...existing, ...given } : withDefaults(noun.fields, given, deps.today);
          // A field whose value did not parse already has its error; it is not 'missing' as well.
          const invalid = new Set(rowErrors.map((e) => e.veld));
          for (const p of noun.problems(rec, deps.today)) if (!invalid.has(p.veld)) err(p.veld, p.melding);
          if (rowErrors.length === 0) for (const p of await noun.references(trx, rec)) err(p.veld, p.melding);
          if (rowErrors.length > 0) {
            fouten.push(...rowErrors);
            continue;
          }
          if (existing && Object.entries(given).every(([column, value]) => existing[column] === value)) ongewijzigd++;
          else if (existing) {
            await noun.update(trx, id!, given);
            gewijzigd++;
            gewijzigde.add(() => `${label(id!, rec)}: ${changedFieldNames(noun.fields, existing, given).join(', ')}`);
          } else {
            const newId = await noun.insert(trx, rec);
            nieuw++;
            nieuwe.add(() => label(newId, rec));
          }
        }
      if (rijen === 0) throw onlyHeader(opts.bestand, source);
      if (fouten.length > 0) throw importRefused(fouten, { bestand: opts.bestand, rijen, fouten }, source);
      if (nieuw + gewijzigd > 0) {
        await writeLog(trx, deps, importLogLine(noun.name, opts.bestand, nieuwe, gewijzigde, { nieuw, gewijzigd }));
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
