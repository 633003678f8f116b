import { lastOfMonth, type Maand } from '../../domain/calendar.js';
import type { Violation } from '../../domain/rules.js';
import {
  checkUren,
  gastoudersToCheck,
  UREN_COLUMNS,
  type UrenRuleInput,
  urenkaarten,
  urenTiming,
  vervallenUren,
  type Waarschuwing,
} from '../../domain/urenkaart.js';
import { formatUren } from '../../domain/money.js';
import { parseMonth } from '../../domain/values.js';
import { inTransaction, rerunning } from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import { begrensdeLijst } from '../record.js';
import { loadRuleInput } from '../../db/repo/rules.js';
import {
  gastouderNamen,
  invoicedMonth,
  urenPerPaar,
  loadUrenReference,
  otherGastoudersLines,
  replaceUrenkaarten,
} from '../../db/repo/urenkaart.js';
import { openImport } from '../../import/source.js';
import { Refused } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOptional } from '../options.js';
import { headerRefusal, importRefused, onlyHeader, type ImportError, importProgress } from '../../import/records.js';
import { explainRule, violationToJson } from '../../rules/report.js';
import { renderFindings } from '../../rules/violations.js';
import { aantal } from '../../domain/tekst.js';
import { mapColumns, UrenParser } from './parse.js';

export interface UrenkaartImportOptions {
  bestand: string;
  maand?: string;
  dryRun?: boolean;
  teLaat?: boolean;
  strict?: boolean;
}

/** Warnings listed on stderr at most; the rest are counted. */
const MAX_SHOWN = 40;

/**
 * `gob urenkaart import <file.csv> [--maand] [--dry-run] [--te-laat] [--strict]` (CONTRACT §5).
 * One transaction from the first read to the last write: it completes or leaves nothing. The
 * parse (./parse.ts) and the check (domain/urenkaart.ts) are pure; this reads what they need,
 * writes what they kept, and says what happened.
 */
export async function urenkaartImport(opts: UrenkaartImportOptions, deps: Deps) {
  // After a retryable failure (PostgreSQL) the import starts over: the file is read again, and
  // nothing the first attempt counted is kept (src/db/open.ts, rerunning).
  return rerunning(() => urenkaartImportOnce(opts, deps));
}

async function urenkaartImportOnce(opts: UrenkaartImportOptions, deps: Deps) {
  const maandOption = parseOptional('maand', opts.maand, parseMonth);
  const bar = await importProgress(opts.bestand, deps.out);
  // The file is opened and its header checked before the transaction: a missing, empty or
  // unreadable file is refused at once, never after waiting for another gob's write lock (up to a
  // minute, and then 'bezet'). Opening it while the registry loads saved no measurable time: both
  // are work on this one thread.
  const source = await openImport(opts.bestand, { onProgress: bar.update, bladen: ['urenkaart'] });
  let col: ReturnType<typeof mapColumns>;
  try {
    col = mapColumns(source.header);
  } catch (error) {
    if (error instanceof Refused) throw headerRefusal(source, Object.values(UREN_COLUMNS).flat(), error);
    throw error;
  }
  let fouten: ImportError[] = [];
  let waarschuwingen: Waarschuwing[] = [];
  let summary: { maand: Maand | null; rijen: number; gastouders: number; minuten: number; teLaat: boolean } = {
    maand: maandOption ?? null,
    rijen: 0,
    gastouders: 0,
    minuten: 0,
    teLaat: false,
  };
  const warnings: string[] = [];
  let vervallen: { gastouder: string; kind: string; minuten: number }[] = [];
  try {
    await inTransaction(
      deps.db,
      async (trx) => {
        const ref = await loadUrenReference(trx);
        const timing = async (m: Maand) => urenTiming(m, ref.deadlineDag, deps.today, await invoicedMonth(trx, m), Boolean(opts.teLaat));
        // With --maand a late month is refused before the file is read.
        let teLaat = maandOption ? await timing(maandOption) : false;

        const parser = new UrenParser(source.header, col, ref, { maand: maandOption, today: deps.today });
        if (source.lines) {
          const lines = source.lines();
          let line = lines.first;
          for await (const chunk of lines.chunks) line = parser.addLines(chunk, line, source);
        } else for await (const batch of source.batches) parser.add(batch);
        bar.stop();
        const parsed = parser.result;
        fouten = parsed.fouten;
        const { maand, rijen } = parsed;
        if (rijen === 0) throw onlyHeader(opts.bestand, source);
        if (!maandOption && maand) teLaat = await timing(maand);
        summary = { maand: maand ?? null, rijen, gastouders: parsed.gastouders.list.length, minuten: 0, teLaat };
        if (!maand) throw refuseUren(fouten, summary, waarschuwingen, source);

        const month = { ...parsed, maand };
        const others = await otherGastoudersLines(trx, maand, parsed.gastouders.list);
        // Rooster data only of the gastouders that could break a rule, and only when the file has no errors yet.
        const ruleInputs = new Map<string, UrenRuleInput>();
        if (fouten.length === 0) {
          const gastouders = gastoudersToCheck(month, ref);
          for (const input of await loadRuleInput(trx, { gastouders, vanaf: `${maand}-01`, tot: lastOfMonth(maand) }))
            ruleInputs.set(input.gastouder.code, input);
        }
        const checked = checkUren(month, others, ref, ruleInputs, fouten);
        if (fouten.length > 0) throw refuseUren(fouten, summary, waarschuwingen, source);

        const { rows, violations } = checked;
        waarschuwingen = [...checked.waarschuwingen, ...violations.map((v) => ({ ...violationToJson(v), melding: explainRule(v) }))];
        summary.minuten = checked.minuten;
        if (opts.strict && waarschuwingen.length > 0) {
          throw new Refused(
            `${aantal(waarschuwingen.length, 'waarschuwing', 'waarschuwingen')} en --strict: er is niets opgeslagen.`,
            await warningLines(trx, waarschuwingen, violations),
            { ...summary, fouten, waarschuwingen },
          );
        }
        if (waarschuwingen.length > 0) {
          // Said after the commit: "opgeslagen" is only true once it succeeded (a full disk fails it).
          warnings.push(
            `Let op: ${aantal(waarschuwingen.length, 'waarschuwing', 'waarschuwingen')} (de uren zijn wel ${opts.dryRun ? 'goed bevonden' : 'opgeslagen'}):`,
          );
          // A person reads the first screenful; --json has every warning.
          const lines = await warningLines(trx, waarschuwingen.slice(0, MAX_SHOWN), violations.slice(0, MAX_SHOWN));
          for (const line of lines) warnings.push(line ? `  ${line}` : '');
          if (waarschuwingen.length > MAX_SHOWN)
            warnings.push(
              `  … en nog ${waarschuwingen.length - MAX_SHOWN} (alle waarschuwingen: --json, of 'gob rooster check --uren --maand ${maand}').`,
            );
        }
        vervallen = vervallenUren(await urenPerPaar(trx, maand, checked.gastouders), { ...month, rows });
        if (vervallen.length > 0) {
          warnings.push(
            `Let op: ${aantal(vervallen.length, 'kind heeft', 'kinderen hebben')} in ${maand} uren bij een gastouder uit dit bestand, maar geen regels erin; een import vervangt de hele maand van een gastouder, dus die uren ${opts.dryRun ? 'zouden vervallen' : 'zijn vervallen'}:`,
            ...vervallen.slice(0, MAX_SHOWN).map((v) => `  ${v.gastouder}, ${v.kind}: ${formatUren(v.minuten)} uur`),
            ...(vervallen.length > MAX_SHOWN ? [`  … en nog ${vervallen.length - MAX_SHOWN} (alle: --json)`] : []),
          );
        }
        await replaceUrenkaarten(trx, maand, checked.gastouders, urenkaarten({ ...month, rows }), teLaat);
        // The gastouders by code (bounded), so that a gastouder's inzage finds the line.
        await writeLog(
          trx,
          deps,
          `urenkaart import ${opts.bestand}: ${maand}, ${aantal(rows.length, 'rij', 'rijen')} van ${aantal(summary.gastouders, 'gastouder', 'gastouders')}${checked.gastouders.length ? ` (${begrensdeLijst(checked.gastouders)})` : ''}${teLaat ? ', te laat (--te-laat)' : ''}${waarschuwingen.length ? `, ${aantal(waarschuwingen.length, 'waarschuwing', 'waarschuwingen')}` : ''}`,
        );
      },
      { dryRun: Boolean(opts.dryRun), retry: 'caller' },
    );
  } finally {
    bar.stop();
  }
  for (const line of warnings) deps.out.warn(line);
  const s = summary;
  deps.out.line(
    `${opts.dryRun ? 'Proefimport (--dry-run, niets opgeslagen)' : 'Geïmporteerd'}: urenkaarten van ${s.maand} uit ${opts.bestand}: ${aantal(s.rijen, 'rij', 'rijen')}, ${aantal(s.gastouders, 'gastouder', 'gastouders')}, ${formatUren(s.minuten)} uur${s.teLaat ? ' (te laat, met --te-laat)' : ''}.`,
  );
  return { ...s, dryRun: Boolean(opts.dryRun), fouten, waarschuwingen, vervallen };
}

/** The urenkaart's refusal: its errors in line order, and the summary of what would have been imported. */
function refuseUren(fouten: ImportError[], summary: object, waarschuwingen: Waarschuwing[], source: { blad?: string }): Refused {
  fouten.sort((a, b) => a.regel - b.regel);
  return importRefused(fouten, { ...summary, gastouders: 0, minuten: 0, fouten, waarschuwingen }, source);
}

async function warningLines(db: Deps['db'], waarschuwingen: Waarschuwing[], violations: Violation[]): Promise<string[]> {
  const lines = waarschuwingen.filter((w) => w.regel === '230-uur').map((w) => `${w.gastouder}, ${w.datum}: ${w.melding}`);
  if (violations.length > 0) {
    const gastouders = new Map(violations.map((v) => [v.gastouder, { code: v.gastouder, naam: v.gastouder }]));
    for (const n of await gastouderNamen(db, [...gastouders.keys()])) gastouders.set(n.code, n);
    lines.push(...(await renderFindings(db, { violations, gastouders, checked: gastouders.size })).trimEnd().split('\n'));
  }
  return lines;
}
