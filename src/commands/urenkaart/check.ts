import { csvLine } from '../../csv/write.js';
import { heeftRoosterIn } from '../../domain/afspraak.js';
import { formatDatumLang, formatMaandLang, type Maand } from '../../domain/calendar.js';
import { aantal } from '../../domain/tekst.js';
import { dagenTotDeadline, deadline } from '../../domain/urenkaart.js';
import { parseMonth } from '../../domain/values.js';
import { getBureau } from '../../db/repo/bureau.js';
import { maandRooster } from '../../db/repo/rooster.js';
import { contactGegevens, geleverdeParen } from '../../db/repo/urenkaart.js';
import { ChecksFailed } from '../../errors.js';
import type { Deps } from '../deps.js';
import { requireOption } from '../options.js';

/** The columns of `--csv`, named as the fields they hold, for a mail merge. */
const CSV_KOLOMMEN = [
  'gastouder',
  'naam',
  'email',
  'telefoon',
  'kind',
  'kindnaam',
  'koppeling',
  'maand',
  'deadline',
  'dagen-tot-deadline',
  'te-laat',
] as const;

export interface OntbrekendeUrenkaart {
  gastouder: string;
  naam: string;
  email: string | null;
  telefoon: string | null;
  kind: string;
  kindnaam: string;
  /** The koppeling, or in the rare month with two of this kind and gastouder, both ('KP0001, KP0009'). */
  koppeling: string;
  maand: Maand;
  /** The first day the urenkaart is late (day `deadline-dag` of the next month). */
  deadline: string;
  /** Days left to deliver on time, today included; 0 or less: too late. */
  dagenTotDeadline: number;
  teLaat: boolean;
}

/**
 * `gob urenkaart check --maand <JJJJ-MM> [--csv]` (CONTRACT §9): every kind × gastouder with rooster
 * minutes in the month (a koppeling's entry on a date of the month within the koppeling and the
 * entry's weeks) for which the gastouder delivered no urenkaart lines. Exit 1 when any is missing,
 * so that a cron job on the 1st and the 4th can mail the bureau. Changes nothing.
 *
 * A gastouder who delivered lines for other children but none for this one is listed too: that
 * child's hours are what is missing. If it was away all month, the bureau should hear that from
 * her, not conclude it from silence.
 */
export async function urenkaartCheck(opts: { maand?: string; csv?: boolean }, deps: Deps) {
  const maand = await requireOption('maand', opts.maand, parseMonth, deps, 'De urenkaarten van welke maand controleren (JJJJ-MM)?');
  const [bureau, rooster, geleverd] = await Promise.all([getBureau(deps.db), maandRooster(deps.db, maand), geleverdeParen(deps.db, maand)]);
  const uiterlijk = deadline(maand, bureau.deadline_dag);
  const dagen = dagenTotDeadline(maand, bureau.deadline_dag, deps.today);

  // Per gastouder × kind the koppelingen with rooster in the month; rooster is ordered by gastouder, kind.
  const ontbrekend = new Map<string, { gastouder: string; kind: string; koppelingen: string[] }>();
  let metRooster = 0;
  for (const k of rooster) {
    if (!heeftRoosterIn(maand, k, k.entries)) continue;
    metRooster++;
    const key = `${k.gastouder}|${k.kind}`;
    if (geleverd.has(key)) continue;
    const entry = ontbrekend.get(key);
    if (entry) entry.koppelingen.push(k.koppeling);
    else ontbrekend.set(key, { gastouder: k.gastouder, kind: k.kind, koppelingen: [k.koppeling] });
  }
  const missing = [...ontbrekend.values()];
  const contact = await contactGegevens(
    deps.db,
    [...new Set(missing.map((m) => m.gastouder))],
    missing.map((m) => m.kind),
  );
  const rows: OntbrekendeUrenkaart[] = missing.map((m) => {
    const g = contact.gastouders.get(m.gastouder);
    return {
      gastouder: m.gastouder,
      naam: g?.naam ?? '',
      email: g?.email ?? null,
      telefoon: g?.telefoon ?? null,
      kind: m.kind,
      kindnaam: contact.kinderen.get(m.kind) ?? '',
      koppeling: m.koppelingen.join(', '),
      maand,
      deadline: uiterlijk,
      dagenTotDeadline: dagen,
      teLaat: dagen <= 0,
    };
  });

  if (opts.csv) {
    let text = csvLine([...CSV_KOLOMMEN]);
    for (const r of rows)
      text += csvLine([
        r.gastouder,
        r.naam,
        r.email ?? '',
        r.telefoon ?? '',
        r.kind,
        r.kindnaam,
        r.koppeling,
        r.maand,
        r.deadline,
        r.dagenTotDeadline,
        r.teLaat ? 'ja' : 'nee',
      ]);
    deps.out.raw(text);
  } else toonPerGastouder(rows, deps);

  const termijn =
    dagen > 0
      ? `ze moeten binnen zijn vóór ${formatDatumLang(uiterlijk)} (nog ${aantal(dagen, 'dag', 'dagen')})`
      : `ze moesten binnen zijn vóór ${formatDatumLang(uiterlijk)}: te laat`;
  const gastouders = new Set(rows.map((r) => r.gastouder)).size;
  if (rows.length === 0) {
    if (!opts.csv)
      deps.out.line(
        `Alle urenkaarten van ${formatMaandLang(maand)} zijn binnen (${aantal(metRooster, 'koppeling', 'koppelingen')} met rooster in die maand).`,
      );
    return rows;
  }
  // One summary, on stderr with the exit code (also under --csv, whose stdout is the mail merge).
  throw new ChecksFailed(
    `${aantal(rows.length, 'urenkaart ontbreekt', 'urenkaarten ontbreken')} bij ${aantal(gastouders, 'gastouder', 'gastouders')}, van ${aantal(metRooster, 'koppeling', 'koppelingen')} met rooster in ${formatMaandLang(maand)}; ${termijn}.`,
    rows,
  );
}

/**
 * One block per gastouder: her contact details once, then each child whose urenkaart is missing.
 * Written as one text: on the 1st of a large bureau's month that is 50,000 lines.
 */
function toonPerGastouder(rows: OntbrekendeUrenkaart[], deps: Deps): void {
  if (rows.length === 0) return;
  const breedte = (tekst: string) => tekst.normalize('NFC').length;
  // A reduce, not Math.max(...): the spread of 50,000 arguments.
  const kindBreedte = rows.reduce((w, r) => Math.max(w, breedte(r.kind)), 0);
  const naamBreedte = rows.reduce((w, r) => Math.max(w, breedte(r.kindnaam)), 0);
  const lines: string[] = [];
  let vorige: string | null = null;
  for (const r of rows) {
    if (r.gastouder !== vorige) {
      lines.push(deps.out.style.bold(`${r.gastouder}  ${r.naam}`) + `  ${r.email ?? '(geen e-mail)'}  ${r.telefoon ?? '(geen telefoon)'}`);
      vorige = r.gastouder;
    }
    lines.push(`  ${r.kind.padEnd(kindBreedte)}  ${r.kindnaam}${' '.repeat(naamBreedte - breedte(r.kindnaam))}  koppeling ${r.koppeling}`);
  }
  lines.push('');
  deps.out.line(lines.join('\n'));
}
