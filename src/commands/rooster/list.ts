import { ROOSTER_FIELDS } from '../../domain/fields.js';
import { listRooster } from '../../db/repo/rooster.js';
import { csvLine } from '../../csv/write.js';
import type { Deps } from '../deps.js';
import type { Rec } from '../../domain/registry.js';
import { checkListForm, writeListXlsx } from '../xlsx.js';
import { checkFilterCodes } from '../filters.js';

/** `gob rooster list [--gastouder] [--koppeling] [--kind] [--csv | --xlsx <bestand>]`. */
export async function roosterList(
  opts: { gastouder?: string; koppeling?: string; kind?: string; csv?: boolean; xlsx?: string; force?: boolean },
  deps: Deps,
) {
  checkListForm(opts);
  await checkFilterCodes(deps.db, { gastouder: opts.gastouder, koppeling: opts.koppeling, kind: opts.kind });
  const rows = await listRooster(deps.db, opts);
  if (opts.xlsx !== undefined) return writeListXlsx(opts.xlsx, 'rooster', ROOSTER_FIELDS, rows as unknown as Rec[], opts, deps);
  if (opts.csv) {
    deps.out.raw(csvLine(ROOSTER_FIELDS.map((f) => f.name)));
    for (const r of rows) deps.out.raw(csvLine([r.koppeling ?? '', r.kind ?? '', r.dag, r.van, r.tot, r.vanaf ?? '', r.tot_en_met ?? '']));
    return undefined;
  }
  deps.out.table(
    ['id', 'gastouder', 'kind', 'koppeling', 'dag', 'van', 'tot', 'vanaf', 'tot-en-met'].map((key) => ({
      key,
      title: key,
      align: key === 'id' ? 'right' : 'left',
    })),
    rows.map((r) => ({
      id: String(r.id),
      gastouder: r.gastouderCode ?? '',
      kind: r.kindCode ?? '',
      koppeling: r.koppeling ?? '(eigen kind)',
      dag: r.dag,
      van: r.van,
      tot: r.tot,
      vanaf: r.vanaf ?? '',
      'tot-en-met': r.tot_en_met ?? '',
    })),
  );
  return rows.map((r) => ({
    id: r.id,
    gastouder: r.gastouderCode,
    kind: r.kindCode,
    koppeling: r.koppeling,
    dag: r.dag,
    van: r.van,
    tot: r.tot,
    vanaf: r.vanaf,
    totEnMet: r.tot_en_met,
  }));
}
