import { type Datum, lastOfMonth, type Maand, minutesToTime, monthOf, timeToMinutes } from '../../domain/calendar.js';
import { checkDayIntervals, type DayInterval, mayBreakRules, type RuleChild, type Violation } from '../../domain/rules.js';
import { deadline, findClashes, groupBy, isLate, keyOrder, over230, ranks, UREN_COLUMNS, type UrenColumn, UrenRows } from '../../domain/urenkaart.js';
import { formatUren } from '../../domain/money.js';
import { parseDate, parseMonth, parseOpmerking, parseTime } from '../../domain/values.js';
import { inTransaction } from '../../db/open.js';
import { writeLog } from '../../db/repo/log.js';
import { loadRuleInput } from '../../db/repo/rules.js';
import { invoicedMonth, loadUrenReference, otherGastoudersLines, replaceUrenkaarten, type UrenReference } from '../../db/repo/urenkaart.js';
import type { Urenregel } from '../../db/tables/urenkaart.js';
import { normalizeHeader, openCsv } from '../../csv/read.js';
import { Refused, ValueError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { parseOptional } from '../options.js';
import { formatImportErrors, type ImportError, importProgress } from '../register/import.js';
import { explainRule, violationToJson } from '../rooster/report.js';
import { renderFindings } from '../rooster/violations.js';
import { aantal } from '../../cli/output.js';

export interface UrenkaartImportOptions {
  file: string;
  maand?: string;
  dryRun?: boolean;
  teLaat?: boolean;
  strict?: boolean;
}

export interface Waarschuwing {
  regel: string;
  gastouder: string;
  kind?: string;
  kinderen?: string[];
  datum: Datum;
  van?: string;
  tot?: string;
  melding: string;
}

/** Column positions by name, with the contract's aliases; refuses missing and unknown columns. */
function mapColumns(header: string[]): Record<UrenColumn, number> {
  const positions = {} as Record<UrenColumn, number>;
  const unknown: string[] = [];
  header.forEach((name, i) => {
    const normal = normalizeHeader(name);
    const column = (Object.keys(UREN_COLUMNS) as UrenColumn[]).find((c) => (UREN_COLUMNS[c] as readonly string[]).includes(normal));
    if (column && positions[column] === undefined) positions[column] = i;
    else unknown.push(name);
  });
  const missing = (['gastouder', 'kind', 'datum', 'van', 'tot'] as const).filter((c) => positions[c] === undefined);
  if (missing.length > 0 || unknown.length > 0) {
    const hint = header.length === 1 ? " Het scheidingsteken is niet herkend: gebruik ';', ',' of TAB tussen de kolommen." : '';
    throw new Refused(`De kopregel klopt niet; er is niets opgeslagen.${hint}`, [
      ...missing.map((c) => `regel 1: ${c}: kolom ontbreekt (ook goed: ${UREN_COLUMNS[c].join(', ')})`),
      ...unknown.map((u) => `regel 1: ${u}: onbekende kolom`),
      'verwacht: gastouder;kind;datum;van;tot en eventueel opmerking',
    ]);
  }
  positions.opmerking ??= -1;
  return positions;
}

/** Warnings listed on stderr at most; the rest are counted. */
const MAX_SHOWN = 40;

/** The koppeling that covers a date (a plain loop: this runs a million times). */
function koppelingOn(list: { code: string; start: string; eind: string | null }[] | undefined, datum: string) {
  if (!list) return undefined;
  for (const kp of list) if (kp.start <= datum && (kp.eind === null || kp.eind >= datum)) return kp;
  return undefined;
}

/** Codes as small numbers, so a million rows fit in typed arrays. */
class Codes {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(code, id);
      this.list.push(code);
    }
    return id;
  }
}

/** Parse results by raw text: a month has ~31 distinct dates and a few dozen times. */
function cached<T>(parse: (raw: string) => T): (raw: string) => T | ValueError {
  const cache = new Map<string, T | ValueError>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === undefined) {
      try {
        hit = parse(raw);
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        hit = error;
      }
      cache.set(raw, hit);
    }
    return hit;
  };
}

/**
 * `gob urenkaart import <file.csv> [--maand] [--dry-run] [--te-laat] [--strict]` (CONTRACT §5).
 * One transaction from the first read to the last write: it completes or leaves nothing.
 */
export async function urenkaartImport(opts: UrenkaartImportOptions, deps: Deps) {
  const maandOption = parseOptional('maand', opts.maand, parseMonth);
  const bar = await importProgress(opts.file, deps.out);
  const source = await openCsv(opts.file, { onProgress: bar.update });
  const col = mapColumns(source.header);
  const headerKey = source.header.map(normalizeHeader).join('|');
  const fouten: ImportError[] = [];
  const waarschuwingen: Waarschuwing[] = [];
  let summary: { maand: Maand | null; rijen: number; gastouders: number; minuten: number; teLaat: boolean } = {
    maand: maandOption ?? null,
    rijen: 0,
    gastouders: 0,
    minuten: 0,
    teLaat: false,
  };
  const warnings: string[] = [];
  try {
    await inTransaction(
      deps.db,
      async (trx) => {
        let maand = maandOption;
        const ref = await loadUrenReference(trx);
        const checkTiming = async (m: Maand) => {
          const late = isLate(m, ref.deadlineDag, deps.today);
          const invoiced = await invoicedMonth(trx, m);
          if (late && !opts.teLaat) {
            throw new Refused(
              `Te laat: de urenkaarten van ${m} moesten vóór ${deadline(m, ref.deadlineDag)} binnen zijn (deadline-dag ${ref.deadlineDag}); vandaag is ${deps.today}. Importeer ze alsnog met --te-laat; de rijen worden dan als te laat gemarkeerd. Er is niets opgeslagen.`,
            );
          }
          if (invoiced && !opts.teLaat) {
            throw new Refused(
              `De maand ${m} is al gefactureerd (factuur ${invoiced} en verder). Uren van een gefactureerde maand komen alleen binnen met --te-laat; de volgende 'gob factuur run --maand ${m}' factureert dan het verschil. Er is niets opgeslagen.`,
            );
          }
          return late || invoiced !== null;
        };
        let teLaat = maand ? await checkTiming(maand) : false;

        const gastouders = new Codes();
        const kinderen = new Codes();
        const koppelingen = new Codes();
        const rows = new UrenRows();
        const date = cached((raw) => {
          const datum = parseDate(raw);
          return { datum, day: Number(datum.slice(8, 10)) };
        });
        const start = cached((raw) => timeToMinutes(parseTime(raw)));
        const end = cached((raw) => timeToMinutes(parseTime(raw, { end: true })));
        let rijen = 0;
        let currentLine = 0;
        const err = (veld: string, melding: string) => fouten.push({ regel: currentLine, veld, melding });
        for await (const batch of source.batches) {
          for (const { line, cells, fout } of batch) {
            rijen++;
            currentLine = line;
            if (fout !== undefined) {
              err('csv', fout);
              continue;
            }
            if (cells.length !== source.header.length) {
              err('csv', `${aantal(cells.length, 'cel', 'cellen')}, maar de kopregel heeft ${aantal(source.header.length, 'kolom', 'kolommen')}; controleer het scheidingsteken en de aanhalingstekens`);
              continue;
            }
            const before = fouten.length;
            const gCode = cells[col.gastouder]!.trim();
            const kCode = cells[col.kind]!.trim();
            const g = ref.gastouders.get(gCode);
            // A second header (two files pasted together) only needs looking for when the code is unknown.
            if (!g && cells.map(normalizeHeader).join('|') === headerKey) {
              err('csv', 'nog een kopregel midden in het bestand (twee bestanden aan elkaar geplakt?); haal die regel weg');
              continue;
            }
            const k = ref.kinderen.get(kCode);
            if (gCode === '') err('gastouder', 'ontbreekt');
            else if (!g) err('gastouder', `onbekende gastouder-code '${gCode}'${ref.kinderen.has(gCode) ? ' (dat is een kind: zijn de kolommen gastouder en kind verwisseld?)' : ''}`);
            if (kCode === '') err('kind', 'ontbreekt');
            else if (!k) err('kind', `onbekende kind-code '${kCode}'${ref.gastouders.has(kCode) ? ' (dat is een gastouder: zijn de kolommen gastouder en kind verwisseld?)' : ''}`);
            const parsed = date(cells[col.datum]!.trim());
            const datum = parsed instanceof ValueError ? parsed : parsed.datum;
            if (datum instanceof ValueError) err('datum', datum.message);
            else {
              maand ??= monthOf(datum);
              if (!datum.startsWith(maand)) err('datum', `${datum} hoort niet bij de maand ${maand}; één maand per import${maandOption ? ' (--maand)' : ' (de maand van de eerste rij)'}`);
              else if (datum > deps.today) err('datum', `${datum} ligt na vandaag (${deps.today}); uren komen pas binnen als ze gewerkt zijn`);
            }
            const van = start(cells[col.van]!.trim());
            const tot = end(cells[col.tot]!.trim());
            if (van instanceof ValueError) err('van', van.message);
            if (tot instanceof ValueError) err('tot', tot.message);
            if (typeof van === 'number' && typeof tot === 'number' && van >= tot) {
              err('tot', `de eindtijd ${minutesToTime(tot)} moet na de begintijd ${minutesToTime(van)} liggen`);
            }
            let opmerking = col.opmerking >= 0 ? cells[col.opmerking]! : '';
            if (opmerking !== '') {
              try {
                opmerking = parseOpmerking(opmerking);
              } catch (error) {
                if (!(error instanceof ValueError)) throw error;
                err('opmerking', error.message);
              }
            }
            if (fouten.length > before || typeof datum !== 'string' || typeof van !== 'number' || typeof tot !== 'number') continue;
            const koppeling = koppelingOn(ref.koppelingen.get(kCode)?.get(gCode), datum);
            if (!koppeling) {
              err('kind', k!.eigen ? `${kCode} is een eigen kind van de gastouder; eigen kinderen staan niet op de urenkaart` : `er is geen koppeling van kind ${kCode} met gastouder ${gCode} op ${datum}`);
              continue;
            }
            rows.add(gastouders.id(gCode), kinderen.id(kCode), koppelingen.id(koppeling.code), (parsed as { day: number }).day, van, tot, line, opmerking);
          }
        }
        bar.stop();
        if (rijen === 0) throw new Refused(`Het bestand ${opts.file} bevat alleen een kopregel en geen rijen; er is niets opgeslagen.`);
        if (!maandOption && maand) teLaat = await checkTiming(maand);
        // The file's gastouders, before rows of others join the arrays for the clash check.
        const fileGastouders = [...gastouders.list];
        const inFile = new Set(fileGastouders);
        summary = { maand: maand ?? null, rijen, gastouders: inFile.size, minuten: 0, teLaat };
        if (!maand) throw importRefused(fouten, summary, waarschuwingen);

        // One child in two places: within the file, and against rows of other gastouders already in.
        const fileRows = rows.length;
        for (const r of await otherGastoudersLines(trx, maand, fileGastouders)) {
          rows.add(gastouders.id(r.gastouder), kinderen.id(r.kind), -1, Number(r.datum.slice(8, 10)), timeToMinutes(r.van), timeToMinutes(r.tot), 0);
        }
        const dates = Array.from({ length: 32 }, (_, day) => `${maand}-${String(day).padStart(2, '0')}`);
        const dateOf = (day: number) => dates[day]!;
        for (const c of findClashes(rows, kinderen.list.length)) {
          const other = rows.line[c.other] === 0 ? 'al geïmporteerd' : `regel ${rows.line[c.other]}`;
          const when = `${dateOf(rows.day[c.row]!)} ${minutesToTime(rows.van[c.other]!)}-${minutesToTime(rows.tot[c.other]!)}`;
          fouten.push({
            regel: rows.line[c.row]!,
            veld: c.soort === 'dubbel' ? 'csv' : 'van',
            melding:
              c.soort === 'dubbel'
                ? `precies dezelfde rij als ${other}`
                : `kind ${kinderen.list[rows.kind[c.row]!]} is op ${when} al bij gastouder ${gastouders.list[rows.gastouder[c.other]!]} (${other}); een kind kan niet op twee plaatsen tegelijk zijn`,
          });
        }
        if (fouten.length > 0) throw importRefused(fouten, summary, waarschuwingen);

        // Warnings: above 230 hours (counting the child's hours at other gastouders too, since the
        // toeslag limit is per child), and the rules of §4 on the actual hours.
        const over = over230(rows, kinderen.list.length);
        rows.length = fileRows;
        for (const o of over) {
          const kind = kinderen.list[o.kind]!;
          const first = rows.kind.findIndex((k, i) => i < rows.length && k === o.kind);
          if (first < 0) continue; // only at other gastouders: warned when their urenkaarten came in
          waarschuwingen.push({
            regel: '230-uur',
            gastouder: gastouders.list[rows.gastouder[first]!]!,
            kind,
            datum: dateOf(o.day),
            melding: `kind ${kind} heeft ${formatUren(o.minuten)} uur in ${maand}; de kinderopvangtoeslag vergoedt maximaal 230 uur per maand (overschreden op ${dateOf(o.day)})`,
          });
        }
        const violations = await ruleViolations(trx, ref, rows, fileGastouders, kinderen, koppelingen, maand, dateOf);
        for (const v of violations) {
          waarschuwingen.push({ ...violationToJson(v), melding: explainRule(v) });
        }
        let minuten = 0;
        for (let i = 0; i < rows.length; i++) minuten += rows.tot[i]! - rows.van[i]!;
        summary.minuten = minuten;
        if (opts.strict && waarschuwingen.length > 0) {
          throw new Refused(
            `${aantal(waarschuwingen.length, 'waarschuwing', 'waarschuwingen')} en --strict: er is niets opgeslagen.`,
            await warningLines(trx, waarschuwingen, violations),
            { ...summary, fouten, waarschuwingen },
          );
        }
        if (waarschuwingen.length > 0) {
          // Said after the commit: "opgeslagen" is only true once it succeeded (a full disk fails it).
          warnings.push(`Let op: ${aantal(waarschuwingen.length, 'waarschuwing', 'waarschuwingen')} (de uren zijn wel ${opts.dryRun ? 'goed bevonden' : 'opgeslagen'}):`);
          // A person reads the first screenful; --json has every warning.
          const lines = await warningLines(trx, waarschuwingen.slice(0, MAX_SHOWN), violations.slice(0, MAX_SHOWN));
          for (const line of lines) warnings.push(line ? `  ${line}` : '');
          if (waarschuwingen.length > MAX_SHOWN) warnings.push(`  … en nog ${waarschuwingen.length - MAX_SHOWN} (alle waarschuwingen: --json, of 'gob rooster check --uren --maand ${maand}').`);
        }
        // Lines to urenkaarten: one per gastouder, kind and koppeling, lines in date order.
        const order = keyOrder(rows, ranks(gastouders.list), ranks(kinderen.list));
        function* urenkaarten() {
          let current: { gastouder: string; kind: string; koppeling: string; minuten: number; regels: Urenregel[] } | undefined;
          let key = -1;
          for (const i of order) {
            const k = (rows.gastouder[i]! * kinderen.list.length + rows.kind[i]!) * koppelingen.list.length + rows.koppeling[i]!;
            if (k !== key) {
              if (current) yield current;
              key = k;
              current = { gastouder: gastouders.list[rows.gastouder[i]!]!, kind: kinderen.list[rows.kind[i]!]!, koppeling: koppelingen.list[rows.koppeling[i]!]!, minuten: 0, regels: [] };
            }
            const opmerking = rows.opmerking.get(i);
            current!.regels.push(opmerking ? [rows.day[i]!, rows.van[i]!, rows.tot[i]!, opmerking] : [rows.day[i]!, rows.van[i]!, rows.tot[i]!]);
            current!.minuten += rows.tot[i]! - rows.van[i]!;
          }
          if (current) yield current;
        }
        replaceUrenkaarten(deps.sqlite, maand, fileGastouders, urenkaarten(), teLaat);
        await writeLog(
          trx,
          deps,
          `urenkaart import ${opts.file}: ${maand}, ${aantal(rows.length, 'rij', 'rijen')} van ${aantal(inFile.size, 'gastouder', 'gastouders')}${teLaat ? ', te laat (--te-laat)' : ''}${waarschuwingen.length ? `, ${aantal(waarschuwingen.length, 'waarschuwing', 'waarschuwingen')}` : ''}`,
        );
      },
      { dryRun: Boolean(opts.dryRun) },
    );
  } finally {
    bar.stop();
  }
  for (const line of warnings) deps.out.warn(line);
  const s = summary;
  deps.out.line(
    `${opts.dryRun ? 'Proefimport (--dry-run, niets opgeslagen)' : 'Geïmporteerd'}: urenkaarten van ${s.maand} uit ${opts.file}: ${aantal(s.rijen, 'rij', 'rijen')}, ${aantal(s.gastouders, 'gastouder', 'gastouders')}, ${formatUren(s.minuten)} uur${s.teLaat ? ' (te laat, met --te-laat)' : ''}.`,
  );
  return { ...s, dryRun: Boolean(opts.dryRun), fouten, waarschuwingen };
}

function importRefused(fouten: ImportError[], summary: object, waarschuwingen: Waarschuwing[]): Refused {
  fouten.sort((a, b) => a.regel - b.regel);
  return new Refused(
    `De import is geweigerd: ${aantal(fouten.length, 'fout', 'fouten')}; er is niets opgeslagen. Verbeter het bestand en importeer het opnieuw.`,
    formatImportErrors(fouten),
    { ...summary, gastouders: 0, minuten: 0, fouten, waarschuwingen },
  );
}

/**
 * The §4 rules on the file's hours, per gastouder (own children follow their rooster). A
 * gastouder whose children cannot break a rule even all at once is passed over (mayBreakRules);
 * only the others' rooster data is loaded and their days checked.
 */
async function ruleViolations(
  trx: Deps['db'],
  ref: UrenReference,
  rows: UrenRows,
  gastouders: string[],
  kinderen: Codes,
  koppelingen: Codes,
  maand: Maand,
  dateOf: (day: number) => Datum,
): Promise<Violation[]> {
  const vanaf = `${maand}-01`;
  const tot = lastOfMonth(maand);
  const own = new Map<string, RuleChild[]>();
  for (const [code, k] of ref.kinderen) {
    if (k.eigenKindVan) own.set(k.eigenKindVan, [...(own.get(k.eigenKindVan) ?? []), { code, geboortedatum: k.geboortedatum, eigen: true }]);
  }
  const { order, start } = groupBy(rows, rows.gastouder, gastouders.length);
  const violations: Violation[] = [];
  for (let g = 0; g < gastouders.length; g++) {
    const code = gastouders[g]!;
    const present = new Set<string>();
    for (let i = start[g]!; i < start[g + 1]!; i++) present.add(kinderen.list[rows.kind[order[i]!]!]!);
    const children = [...[...present].map((k) => ({ code: k, geboortedatum: ref.kinderen.get(k)!.geboortedatum, eigen: false })), ...(own.get(code) ?? [])];
    if (!mayBreakRules(ref.gastouders.get(code)!, children, present, vanaf, tot)) continue;
    const [input] = await loadRuleInput(trx, { gastouder: code, vanaf, tot });
    if (!input) continue;
    const byDate = new Map<Datum, DayInterval[]>();
    for (let i = start[g]!; i < start[g + 1]!; i++) {
      const r = order[i]!;
      const datum = dateOf(rows.day[r]!);
      const interval = { kind: kinderen.list[rows.kind[r]!]!, van: rows.van[r]!, tot: rows.tot[r]!, bijOuder: ref.bijOuder.has(koppelingen.list[rows.koppeling[r]!]!) };
      const list = byDate.get(datum);
      if (list) list.push(interval);
      else byDate.set(datum, [interval]);
    }
    const ownCodes = new Set((own.get(code) ?? []).map((c) => c.code));
    violations.push(...checkDayIntervals(input.gastouder, input.children, byDate, input.slots.filter((s) => ownCodes.has(s.kind))));
  }
  return violations;
}

async function warningLines(db: Deps['db'], waarschuwingen: Waarschuwing[], violations: Violation[]): Promise<string[]> {
  const lines = waarschuwingen.filter((w) => w.regel === '230-uur').map((w) => `${w.gastouder}, ${w.datum}: ${w.melding}`);
  if (violations.length > 0) {
    const gastouders = new Map(violations.map((v) => [v.gastouder, { code: v.gastouder, naam: v.gastouder }]));
    const names = await db.selectFrom('gastouder').select(['code', 'naam']).where('code', 'in', [...gastouders.keys()]).execute();
    for (const n of names) gastouders.set(n.code, n);
    lines.push(...(await renderFindings(db, { violations, gastouders, checked: gastouders.size })).trimEnd().split('\n'));
  }
  return lines;
}

