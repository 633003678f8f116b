// Conversions shared by the registry commands: options → record, record → JSON, text and CSV.
import type { BureauRow } from '../db/tables/bureau.js';
import { BUREAU_FIELDS, columnOf, type Field, jsonKeyOf, optionKeyOf, type Stored } from '../domain/fields.js';
import type { Problem, Rec } from '../domain/registry.js';
import { maskBsn } from '../domain/values.js';
import { Refused, UsageError, ValueError } from '../errors.js';
import type { BaseDeps } from './deps.js';

export type RawOptions = Record<string, unknown>;

/**
 * Parse the fields given as options. Empty text clears a field (edit). With `required`, missing
 * required fields are asked for at a terminal (then every other field too, so an owner can fill
 * in a whole record), and are otherwise a usage error that names every missing option.
 */
export async function recordFromOptions(
  fields: Field[],
  opts: RawOptions,
  deps: BaseDeps,
  { required, oneOf = [] }: { required: boolean; oneOf?: [string, string][] },
): Promise<Rec> {
  const rec: Rec = {};
  const bad: string[] = [];
  for (const field of fields) {
    const raw = opts[optionKeyOf(field)];
    if (typeof raw !== 'string') continue;
    try {
      // Clearing a field that has a default (verdeling, slaapruimte) sets the default: its column holds no null.
      rec[columnOf(field)] = raw.trim() === '' ? (field.default ?? null) : field.type.parse(raw);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      bad.push(`--${field.name}: ${error.message}.`);
    }
  }
  if (bad.length > 0) throw new UsageError('Ongeldige waarde:', bad);
  if (!required) return rec;
  const given = (name: string) => (rec[columnOf(fields.find((f) => f.name === name)!)] ?? null) !== null;
  const missing = [
    ...fields.filter((f) => f.required && !given(f.name)).map((f) => `--${f.name}`),
    // Neither of a pair is missing too; both is a refusal of the record (registry.ts).
    ...oneOf.filter(([a, b]) => !given(a) && !given(b)).map(([a, b]) => `--${a} of --${b}`),
  ];
  if (missing.length === 0) return rec;
  if (!deps.prompts) {
    throw new UsageError(`Ontbrekende verplichte ${missing.length === 1 ? 'optie' : 'opties'}: ${missing.join(', ')}.`);
  }
  // The code is not asked: gob assigns the next free one (or it is given with --code).
  for (const field of fields) {
    if (columnOf(field) in rec || field.name === 'code') continue;
    rec[columnOf(field)] = await askField(field, deps);
  }
  return rec;
}

async function askField(field: Field, deps: BaseDeps): Promise<Stored> {
  const answer = await deps.prompts!.input(`${field.label}${field.required ? '' : ' (mag leeg)'}:`, {
    ...(field.defaultToday ? { default: deps.today } : {}),
    validate: (value) => {
      if (value.trim() === '') return field.required ? 'Dit veld is verplicht.' : true;
      try {
        field.type.parse(value);
        return true;
      } catch (error) {
        return error instanceof ValueError ? `Toegestaan: ${error.accepted}.` : String(error);
      }
    },
  });
  return answer.trim() === '' ? null : field.type.parse(answer);
}

/**
 * Fill in defaults for fields an add left out. A default of the day of the add (a gastouder's
 * `start`) applies only when the field was not given at all: an empty `start` given on purpose
 * (`--start ""`, or an empty cell in a file with that column, as `list --csv` writes for a
 * gastouder whose start gob does not know) stays empty, so that moving a bureau's export into
 * another database does not make every such gastouder start on the day of the import.
 */
export function withDefaults(fields: Field[], rec: Rec, today: string): Rec {
  const full: Rec = {};
  for (const field of fields) {
    const column = columnOf(field);
    full[column] = field.defaultToday && !(column in rec) ? today : (rec[column] ?? field.default ?? null);
  }
  return full;
}

export function refuseProblems(what: string, problems: Problem[]): void {
  const usage = problems.filter((p) => p.usage);
  // A combination of options that can never be valid (verdeling 60 without tweede-ouder) is a usage error (exit 2).
  if (usage.length > 0)
    throw new UsageError(
      `${what} is geweigerd; er is niets opgeslagen.`,
      problems.map((p) => `${p.veld}: ${p.melding}`),
    );
  if (problems.length > 0)
    throw new Refused(
      `${what} is geweigerd; er is niets opgeslagen.`,
      problems.map((p) => `${p.veld}: ${p.melding}`),
    );
}

export function recordToJson(fields: Field[], rec: Rec, { toonBsn = false } = {}): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const field of fields) {
    const value = rec[columnOf(field)] ?? null;
    json[jsonKeyOf(field)] = field.type.bsn && !toonBsn ? maskBsn(value as string | null) : field.type.json(value);
  }
  return json;
}

export function recordToText(field: Field, rec: Rec, { toonBsn = false } = {}): string {
  const value = rec[columnOf(field)] ?? null;
  if (field.type.bsn && !toonBsn) return maskBsn(value as string | null) ?? '';
  return field.type.text(value);
}

/** What the audit log keeps of a change: field names and values, never a BSN. */
export function describeChange(fields: Field[], before: Rec | undefined, after: Rec): string {
  const parts: string[] = [];
  for (const field of fields) {
    const column = columnOf(field);
    if (!(column in after)) continue;
    const old = before?.[column] ?? null;
    const value = after[column] ?? null;
    if (before && old === value) continue;
    const shown = field.type.bsn ? '(gewijzigd)' : JSON.stringify(field.type.text(value));
    parts.push(`${field.name}=${shown}`);
  }
  return parts.join(', ');
}

/**
 * The names of the fields an import row changes (option names, as `edit` logs them), without
 * their values: an import's log line says which records changed and how, but must not become a
 * second copy of the registry's personal data (an IBAN, a BSN).
 */
export function changedFieldNames(fields: Field[], before: Rec, given: Rec): string[] {
  return fields.filter((f) => columnOf(f) in given && (before[columnOf(f)] ?? null) !== (given[columnOf(f)] ?? null)).map((f) => f.name);
}

/** How many records one import's log line names per list; the rest are counted ("… en 950 meer"). */
export const LOG_MAX_GENOEMD = 50;

/** Names and how many more were left out: 'KP0001, KP0002 … en 8 meer'. */
function metMeer(genoemd: readonly string[], meer: number, scheiding = ', '): string {
  return `${genoemd.join(scheiding)}${meer > 0 ? ` … en ${meer} meer` : ''}`;
}

/** A list for a log line, bounded: 'KP0001, KP0002 … en 8 meer' (see LOG_MAX_GENOEMD). */
export function begrensdeLijst(items: readonly string[]): string {
  return metMeer(items.slice(0, LOG_MAX_GENOEMD), items.length - LOG_MAX_GENOEMD);
}

/**
 * The records of an import for its log line, bounded: the first LOG_MAX_GENOEMD are named, the
 * rest counted, so that an import of 11,000 gastouders writes a line of a few kB, not a megabyte.
 * The names are collected row by row with `add`; `text` gives ' (G0001, G0002 … en 8 meer)'.
 */
export class LogLijst {
  private readonly genoemd: string[] = [];
  private meer = 0;

  /** Whether the list is full: a further record is only counted (its label is not worked out). */
  get vol(): boolean {
    return this.genoemd.length >= LOG_MAX_GENOEMD;
  }

  add(label: string | (() => string)): void {
    if (this.vol) this.meer++;
    else this.genoemd.push(typeof label === 'string' ? label : label());
  }

  text(scheiding = ', '): string {
    return this.genoemd.length === 0 ? '' : ` (${metMeer(this.genoemd, this.meer, scheiding)})`;
  }
}

/**
 * The log line of a registry import: the counts, which records were added, and which changed
 * with the names of the changed fields — 'gastouder import gi.csv: 0 nieuw, 1 gewijzigd (G0001:
 * iban)'. Named by code (or id and gastouder), so that `inzage` finds the line of a person.
 */
export function importLogLine(
  noun: string,
  bestand: string,
  nieuw: LogLijst,
  gewijzigd: LogLijst,
  aantallen: { nieuw: number; gewijzigd: number },
): string {
  return `${noun} import ${bestand}: ${aantallen.nieuw} nieuw${nieuw.text()}, ${aantallen.gewijzigd} gewijzigd${gewijzigd.text('; ')}`;
}

/** The bureau's settings as JSON, with the defaults in force (`bureau show`, `init`). */
export function bureauToJson(bureau: BureauRow): Record<string, unknown> {
  return recordToJson(BUREAU_FIELDS, bureau as unknown as Record<string, string | number | null>);
}
