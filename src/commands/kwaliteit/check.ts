import { csvLine } from '../../csv/write.js';
import { formatDatumLang } from '../../domain/calendar.js';
import { horizon, type PlichtRij, plichten, sorteerPerGastouder } from '../../domain/kwaliteit.js';
import { aantal } from '../../domain/tekst.js';
import { parseCode, parseDate } from '../../domain/values.js';
import { kwaliteitDossiers } from '../../db/repo/kwaliteit.js';
import { codeExists } from '../../db/repo/register.js';
import { ChecksFailed, NotFound, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOptional } from '../options.js';

/** `--csv`: the JSON row's fields, with her name beside her code for a mail merge. */
const CSV_KOLOMMEN = ['gastouder', 'naam', 'koppeling', 'huisgenoot', 'plicht', 'laatste', 'uiterlijk', 'status'] as const;

/**
 * `gob kwaliteit check [--gastouder <code>] [--tot <datum>] [--csv]` (CONTRACT §10): every duty of
 * every gastouder with an active koppeling, most urgent first; exit 1 when any is te-laat (for
 * cron). Changes nothing.
 *
 * The human output lists what needs attention (te-laat, binnenkort) and counts the rest, since a
 * bureau of thousands has tens of thousands of duties in order; with --gastouder it lists all of
 * hers. --json and --csv always hold every duty.
 */
export async function kwaliteitCheck(opts: { gastouder?: string; tot?: string; csv?: boolean }, deps: Deps): Promise<PlichtRij[]> {
  const gastouder = parseOptional('gastouder', opts.gastouder, parseCode);
  const tot = parseOptional('tot', opts.tot, parseDate);
  if (tot !== undefined && tot < deps.today)
    throw new UsageError(`--tot: ${tot} ligt vóór vandaag (${deps.today}); geef een datum vanaf vandaag om vooruit te kijken.`);
  if (gastouder !== undefined && !(await codeExists(deps.db, 'gastouder', gastouder)))
    throw new NotFound(`Er is geen gastouder met code ${gastouder}. Zie 'gob gastouder list'.`);
  const eindHorizon = horizon(deps.today, tot);
  const { beleid, dossiers } = await kwaliteitDossiers(deps.db, { today: deps.today, eindHorizon, gastouder });
  const namen = new Map(dossiers.map((d) => [d.gastouder.code, d.gastouder.naam]));
  const rows = sorteerPerGastouder(dossiers.map((d) => plichten({ ...d, beleid, today: deps.today, tot })));

  const teLaat = rows.filter((r) => r.status === 'te-laat').length;
  const binnenkort = rows.filter((r) => r.status === 'binnenkort').length;
  if (opts.csv) {
    let text = csvLine([...CSV_KOLOMMEN]);
    for (const r of rows)
      text += csvLine([
        r.gastouder,
        namen.get(r.gastouder) ?? '',
        r.koppeling ?? '',
        r.huisgenoot ?? '',
        r.plicht,
        r.laatste ?? '',
        r.uiterlijk ?? '',
        r.status,
      ]);
    deps.out.raw(text);
  } else if (!deps.out.json) toonPerGastouder(rows, namen, gastouder !== undefined, deps);

  const samenvatting = `${aantal(teLaat, 'plicht te laat', 'plichten te laat')}, ${binnenkort} binnenkort (uiterlijk ${formatDatumLang(eindHorizon)}) en ${rows.length - teLaat - binnenkort} in orde, bij ${aantal(dossiers.length, 'gastouder', 'gastouders')} met een actieve koppeling`;
  if (teLaat > 0) throw new ChecksFailed(`${samenvatting}.`, rows);
  if (!opts.csv) {
    if (gastouder !== undefined && dossiers.length === 0)
      deps.out.line(`Gastouder ${gastouder} heeft geen actieve koppeling (vandaag of tot ${eindHorizon}): er is niets te controleren.`);
    else deps.out.line(`${samenvatting}.`);
  }
  return rows;
}

const WIE = (r: PlichtRij) =>
  r.koppeling !== null ? `koppeling ${r.koppeling}` : r.huisgenoot !== null ? `huisgenoot ${r.huisgenoot}` : '';
const STATUS: Record<PlichtRij['status'], string> = { 'te-laat': 'TE LAAT', binnenkort: 'binnenkort', ok: 'in orde' };

/** One block per gastouder, as one text (thousands of lines at a large bureau). */
function toonPerGastouder(rows: PlichtRij[], namen: Map<string, string>, alles: boolean, deps: Deps): void {
  const shown = alles ? rows : rows.filter((r) => r.status !== 'ok');
  if (shown.length === 0) return;
  const breed = (f: (r: PlichtRij) => string) => shown.reduce((w, r) => Math.max(w, f(r).length), 0);
  const w = { status: breed((r) => STATUS[r.status]), plicht: breed((r) => r.plicht), wie: breed(WIE) };
  const lines: string[] = [];
  let vorige: string | null = null;
  for (const r of shown) {
    if (r.gastouder !== vorige) {
      if (vorige !== null) lines.push('');
      lines.push(deps.out.style.bold(`${r.gastouder}  ${namen.get(r.gastouder) ?? ''}`));
      vorige = r.gastouder;
    }
    const status = STATUS[r.status].padEnd(w.status);
    lines.push(
      `  ${r.status === 'te-laat' ? deps.out.style.red(status) : status}  ${r.plicht.padEnd(w.plicht)}  ${WIE(r).padEnd(w.wie)}  uiterlijk ${r.uiterlijk ?? '—'.padEnd(10)}  laatste ${r.laatste ?? '—'}`.trimEnd(),
    );
  }
  lines.push('');
  deps.out.line(lines.join('\n'));
}
