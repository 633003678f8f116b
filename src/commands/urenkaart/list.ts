import { formatUren } from '../../domain/money.js';
import { parseCode, parseMonth } from '../../domain/values.js';
import { listUren } from '../../db/repo/urenkaart.js';
import type { Deps } from '../deps.js';
import { checkFilterCodes } from '../filters.js';
import { parseOptional, requireOption } from '../options.js';
import { aantal } from '../../domain/tekst.js';

/** `gob urenkaart list --maand <JJJJ-MM> [--gastouder] [--kind]`. */
export async function urenkaartList(opts: { maand?: string; gastouder?: string; kind?: string }, deps: Deps) {
  const maand = await requireOption('maand', opts.maand, parseMonth, deps, 'Welke maand (JJJJ-MM)?');
  const gastouder = parseOptional('gastouder', opts.gastouder, parseCode);
  const kind = parseOptional('kind', opts.kind, parseCode);
  await checkFilterCodes(deps.db, { gastouder, kind });
  const rows = await listUren(deps.db, { maand, gastouder, kind });
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
