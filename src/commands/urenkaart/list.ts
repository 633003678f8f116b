import { type Field, TYPES } from '../../domain/fields.js';
import { formatUren } from '../../domain/money.js';
import type { Rec } from '../../domain/registry.js';
import type { UrenColumn } from '../../domain/urenkaart.js';
import { parseCode, parseMonth } from '../../domain/values.js';
import { csvLine } from '../../csv/write.js';
import { listUren } from '../../db/repo/urenkaart.js';
import type { Deps } from '../deps.js';
import { checkFilterCodes } from '../filters.js';
import { parseOptional, requireOption } from '../options.js';
import { checkListForm, writeListXlsx } from '../xlsx.js';
import { aantal } from '../../domain/tekst.js';

export interface UrenkaartListOptions {
  maand?: string;
  gastouder?: string;
  kind?: string;
  csv?: boolean;
  xlsx?: string;
  force?: boolean;
}

/**
 * The columns of `urenkaart import` (CONTRACT §5), in its order: what `list --csv` and `--xlsx`
 * write, so that a listed month imports again as it is. `uren` and `te laat` are not among them:
 * the import computes the one and decides the other on the day it runs.
 */
const UREN_FIELDS: (Field & { name: UrenColumn })[] = [
  { name: 'gastouder', label: 'code van de gastouder', type: TYPES.code, required: true },
  { name: 'kind', label: 'code van het kind', type: TYPES.code, required: true },
  { name: 'datum', label: 'datum', type: TYPES.datum, required: true },
  { name: 'van', label: 'begintijd', type: TYPES.tijd, required: true },
  { name: 'tot', label: 'eindtijd', type: TYPES.eindtijd, required: true },
  { name: 'opmerking', label: 'opmerking', type: TYPES.opmerking },
];

/** `gob urenkaart list --maand <JJJJ-MM> [--gastouder] [--kind] [--csv | --xlsx <bestand>]`. */
export async function urenkaartList(opts: UrenkaartListOptions, deps: Deps) {
  checkListForm(opts);
  const maand = await requireOption('maand', opts.maand, parseMonth, deps, 'Welke maand (JJJJ-MM)?');
  const gastouder = parseOptional('gastouder', opts.gastouder, parseCode);
  const kind = parseOptional('kind', opts.kind, parseCode);
  await checkFilterCodes(deps.db, { gastouder, kind });
  const rows = await listUren(deps.db, { maand, gastouder, kind });
  if (opts.xlsx !== undefined || opts.csv) {
    // The field names are the column names, so a line is a Rec as writeListXlsx and --csv read it.
    const recs: Rec[] = rows.map((r) => ({
      gastouder: r.gastouder,
      kind: r.kind,
      datum: r.datum,
      van: r.van,
      tot: r.tot,
      opmerking: r.opmerking,
    }));
    if (opts.xlsx !== undefined) return writeListXlsx(opts.xlsx, 'urenkaart', UREN_FIELDS, recs, opts, deps);
    deps.out.raw(csvLine(UREN_FIELDS.map((f) => f.name)));
    for (const rec of recs) deps.out.raw(csvLine(UREN_FIELDS.map((f) => f.type.text(rec[f.name] ?? null))));
    return undefined;
  }
  deps.out.table(
    [
      { key: 'gastouder', title: 'gastouder' },
      { key: 'kind', title: 'kind' },
      { key: 'datum', title: 'datum' },
      { key: 'van', title: 'van' },
      { key: 'tot', title: 'tot' },
      { key: 'uren', title: 'uren', align: 'right' },
      { key: 'teLaat', title: 'te laat' },
      { key: 'opmerking', title: 'opmerking' },
    ],
    rows.map((r) => ({
      gastouder: r.gastouder,
      kind: r.kind,
      datum: r.datum,
      van: r.van,
      tot: r.tot,
      uren: formatUren(r.minuten),
      teLaat: r.teLaat ? 'ja' : '',
      opmerking: r.opmerking ?? '',
    })),
  );
  const total = rows.reduce((s, r) => s + r.minuten, 0);
  deps.out.line(`${aantal(rows.length, 'regel', 'regels')}, ${formatUren(total)} uur in ${maand}`);
  return rows.map((r) => ({
    gastouder: r.gastouder,
    kind: r.kind,
    datum: r.datum,
    van: r.van,
    tot: r.tot,
    minuten: r.minuten,
    opmerking: r.opmerking,
    teLaat: r.teLaat,
  }));
}
