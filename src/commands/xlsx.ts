// `list --xlsx <file>` (CONTRACT §12): the columns of `list --csv` as a real sheet, named after the
// noun so that `import` finds it: dates as date cells, times as time cells, amounts as numbers with
// two decimals, the rest as text (a code or a BSN keeps its leading zeros).
import { columnOf, type Field, TYPES } from '../domain/fields.js';
import type { Rec } from '../domain/registry.js';
import { aantal } from '../domain/tekst.js';
import { UsageError } from '../errors.js';
import type { ColumnKind } from '../xlsx/write.js';
import type { Deps } from './deps.js';
import { recordToText } from './record.js';

function kindOf(field: Field): ColumnKind {
  if (field.type === TYPES.datum) return 'datum';
  if (field.type === TYPES.tijd || field.type === TYPES.eindtijd) return 'tijd';
  if (field.type.cent) return 'bedrag';
  if (field.type.hint === 'getal' || field.type.hint === 'id') return 'getal';
  return 'tekst';
}

/** --csv and --xlsx are two forms of one list: one at a time. */
export function checkListForm(opts: { csv?: boolean | undefined; xlsx?: string | undefined }): void {
  if (opts.csv && opts.xlsx !== undefined) throw new UsageError('--csv en --xlsx gaan niet samen: kies één uitvoervorm.');
}

export async function writeListXlsx(
  file: string,
  blad: string,
  fields: Field[],
  recs: Rec[],
  opts: { force?: boolean | undefined; toonBsn?: boolean | undefined },
  deps: Deps,
) {
  const { writeWorkbook } = await import('../xlsx/write.js');
  const columns = fields.map((f) => ({ header: f.name, kind: kindOf(f) }));
  const rows = recs.map((rec) =>
    fields.map((f, i) => {
      const kind = columns[i]!.kind;
      const value = rec[columnOf(f)] ?? null;
      if (value === null) return null;
      // Stored values as they are for typed cells; text as list --csv shows it (a BSN masked, ja/nee).
      if (kind === 'bedrag' || kind === 'getal') return Number(value);
      if (kind === 'datum' || kind === 'tijd') return String(value);
      return recordToText(f, rec, { toonBsn: Boolean(opts.toonBsn) });
    }),
  );
  await writeWorkbook(file, [{ name: blad, columns, rows, freeze: 1 }], { force: opts.force });
  deps.out.line(`${aantal(recs.length, 'rij', 'rijen')} geschreven naar ${file} (blad '${blad}').`);
  return { bestand: file, blad, rijen: recs.length };
}
