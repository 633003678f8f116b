// Reading master data from CSV, shared by every import (register nouns, rooster, urenkaart):
// the header mapped to fields, a row to a record, errors as `regel <n>: <veld>: <melding>`, and a
// progress bar for a large file.
import fs from 'node:fs';
import type { Output, Progress } from '../cli/output.js';
import { type CsvRow, normalizeHeader, unescapeCell } from '../csv/read.js';
import { headerElsewhere } from '../xlsx/read.js';
import { columnOf, type Field } from '../domain/fields.js';
import type { Rec } from '../domain/registry.js';
import { aantal } from '../domain/tekst.js';
import { showValue } from '../domain/values.js';
import { Refused, ValueError } from '../errors.js';

export interface ImportError {
  regel: number;
  veld: string;
  melding: string;
}

/**
 * A progress bar for a large file (over 512 KB, some 10,000 rows) when stderr is a terminal;
 * otherwise nothing (CONTRACT §1).
 */
export async function importProgress(file: string, out: Output): Promise<Progress> {
  const bytes = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return bytes > 512 * 1024 ? out.progress(bytes, 'import') : { update: () => {}, stop: () => {} };
}

export function formatImportErrors(fouten: ImportError[]): string[] {
  return fouten.map((f) => `regel ${f.regel}: ${f.veld}: ${f.melding}`);
}

/** ' in blad 'urenkaart'' for an .xlsx file, nothing for CSV: refusals name the sheet they read. */
export function inBlad(source?: { blad?: string }): string {
  return source?.blad ? ` in blad '${source.blad}'` : '';
}

/** A header refusal of an .xlsx file names its sheet and, when the header is further down, that row. */
export function headerRefusal(
  source: { blad?: string; early?: CsvRow[] } | undefined,
  known: readonly string[],
  refusal: Refused,
): Refused {
  if (!source?.blad) return refusal;
  const names = new Set(known.map(normalizeHeader));
  const header = source.early?.find((r) => r.line === 1)?.cells ?? [];
  // Row 1 without a single column name is data typed from the first row: the header was left out.
  const noHeader =
    header.length > 0 && !header.some((c) => names.has(normalizeHeader(c)))
      ? `rij 1 van blad '${source.blad}' bevat geen enkele kolomnaam; voeg boven de gegevens een rij in met de kolomnamen`
      : null;
  const hint = headerElsewhere(source, known) ?? noHeader;
  // The delimiter hint is about CSV; a sheet has no delimiter.
  const message = refusal.message
    .replace('; er is niets opgeslagen.', `${inBlad(source)}; er is niets opgeslagen.`)
    .replace(/ Het scheidingsteken is niet herkend.*$/, '');
  return new Refused(message, [...(hint ? [`regel 1: kopregel: ${hint}`] : []), ...refusal.details]);
}

/** Map a file's header to fields; unknown columns are refused, naming the known ones. */
export function mapHeader(header: string[], fields: Field[], source?: { blad?: string; early?: CsvRow[] }): (Field | null)[] {
  try {
    return mapFields(header, fields);
  } catch (error) {
    if (error instanceof Refused)
      throw headerRefusal(
        source,
        fields.map((f) => f.name),
        error,
      );
    throw error;
  }
}

function mapFields(header: string[], fields: Field[]): (Field | null)[] {
  const byName = new Map(fields.map((f) => [normalizeHeader(f.name), f]));
  const mapped = header.map((h) => byName.get(normalizeHeader(h)) ?? null);
  const unknown = header.filter((_, i) => mapped[i] === null);
  if (unknown.length > 0) {
    const hint = header.length === 1 ? " Het scheidingsteken is niet herkend: gebruik ';', ',' of TAB tussen de kolommen." : '';
    throw new Refused(`Onbekende ${unknown.length === 1 ? 'kolom' : 'kolommen'} in de kopregel; er is niets opgeslagen.${hint}`, [
      ...unknown.map((u) => `regel 1: ${showValue(u)}: onbekende kolom`),
      `bekende kolommen: ${fields.map((f) => f.name).join(', ')}`,
    ]);
  }
  // Two columns for one field: which one holds the value is a guess (the last one used to win, silently).
  const twice = fields.filter((f) => mapped.filter((m) => m === f).length > 1);
  if (twice.length > 0) {
    throw new Refused(`Een kolom staat twee keer in de kopregel; er is niets opgeslagen.`, [
      ...twice.map(
        (f) =>
          `regel 1: ${f.name}: dubbele kolom (kolom ${mapped
            .map((m, i) => (m === f ? i + 1 : 0))
            .filter(Boolean)
            .join(' en ')}); haal er één weg`,
      ),
    ]);
  }
  return mapped;
}

/**
 * One CSV row to a record keyed by column; errors go to `err`. Empty cells are null, our own
 * formula escape is undone, and masked BSNs ('*****2782') are returned apart for the caller.
 */
export function rowToRecord(columns: (Field | null)[], row: CsvRow, err: (veld: string, melding: string) => void) {
  const rec: Rec = {};
  const maskedBsn: [Field, string][] = [];
  const { cells } = row;
  for (const e of row.cellErrors ?? []) err(e.column >= 0 ? (columns[e.column]?.name ?? 'blad') : 'blad', e.melding);
  if (row.fout !== undefined) {
    err('csv', row.fout);
    return { rec, maskedBsn, ok: false };
  }
  if (cells.length !== columns.length) {
    err(
      'csv',
      `${aantal(cells.length, 'cel', 'cellen')}, maar de kopregel heeft ${aantal(columns.length, 'kolom', 'kolommen')}; controleer het scheidingsteken en de aanhalingstekens`,
    );
    return { rec, maskedBsn, ok: false };
  }
  cells.forEach((cell, i) => {
    const field = columns[i]!;
    const raw = unescapeCell(cell);
    if (raw.trim() === '') {
      rec[columnOf(field)] = field.default ?? null;
    } else if (field.type.bsn && /^\*{5}\d{4}$/.test(raw.trim())) {
      maskedBsn.push([field, raw.trim()]);
    } else {
      try {
        rec[columnOf(field)] = field.type.parse(raw);
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        err(field.name, error.message);
      }
    }
  });
  return { rec, maskedBsn, ok: true };
}

/**
 * `gob <noun> import <file.csv> [--dry-run]`: upsert every row by code, all or nothing. Rows are
 * applied in order inside one transaction, so a row may refer to one earlier in the same file;
 * any error rolls everything back and lists every error with its line number.
 */

/** An import with errors stores nothing: the one refusal of every import, with every error listed. */
export function importRefused(fouten: ImportError[], data: unknown, source?: { blad?: string }): Refused {
  return new Refused(
    `De import is geweigerd: ${aantal(fouten.length, 'fout', 'fouten')}${inBlad(source)}; er is niets opgeslagen. Verbeter het bestand en importeer het opnieuw.`,
    formatImportErrors(fouten),
    data,
  );
}

/** A file with a header and no rows stores nothing either: said so, not imported as "0 rijen". */
export function onlyHeader(file: string, source?: { blad?: string }): Refused {
  return new Refused(`Het bestand ${file} bevat${inBlad(source)} alleen een kopregel en geen rijen; er is niets opgeslagen.`);
}
