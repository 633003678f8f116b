import { ENTITIES } from '../../domain/fields.js';
import { writeLog } from '../../db/repo/log.js';
import { inzageRijen } from '../../db/repo/privacy.js';
import { unpack } from '../../db/repo/urenkaart.js';
import type { UrenkaartRow } from '../../db/tables/urenkaart.js';
import { findRecord } from '../../db/repo/register.js';
import { NotFound, UsageError } from '../../errors.js';
import { checkTarget } from '../../files/write.js';
import type { JaaropgaveRow } from '../../db/tables/jaaropgave.js';
import type { JaaropgaveGegevens } from '../../documents/jaaropgave.js';
import type { Deps } from '../deps.js';
import { writeLoggedFile } from '../logged-file.js';
import { requireOption } from '../options.js';
import { recordToJson } from '../record.js';

/** JSON text stored in a column (a snapshot) is given as JSON, not as a string. */
const JSON_KOLOMMEN = new Set(['gegevens']);

/** A stored row as JSON: camelCase keys (`totaal_cent` → `totaalCent`), JSON columns parsed. */
function rij(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const k = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    if (Array.isArray(value)) out[k] = value.map((v) => rij(v as Record<string, unknown>));
    else if (JSON_KOLOMMEN.has(key) && typeof value === 'string') out[k] = JSON.parse(value);
    else out[k] = value;
  }
  return out;
}

/**
 * For a gastouder or kind: the invoice is another person's (the ouder's). Only what is theirs:
 * which invoice, which month, their lines, and what its snapshot says of them; not the ouder's
 * name, address or total.
 */
function eigenRegels(f: Record<string, unknown> & { regels: Record<string, unknown>[] }, soort: 'gastouder' | 'kind', code: string) {
  const g = JSON.parse(String(f.gegevens)) as { gastouders?: Record<string, unknown>; kinderen?: Record<string, unknown> };
  return {
    nummer: f.nummer,
    maand: f.maand,
    datum: f.datum,
    regels: f.regels.map(rij),
    gegevens: (soort === 'gastouder' ? g.gastouders?.[code] : g.kinderen?.[code]) ?? null,
  };
}

/**
 * An urenkaart as §1 says output is: its lines as `urenkaart list --json` gives them (datum
 * JJJJ-MM-DD, van/tot HH:MM, minuten, opmerking), not the stored tuples [dag, van, tot, opmerking].
 */
function urenkaart(u: UrenkaartRow) {
  return {
    maand: u.maand,
    gastouder: u.gastouder,
    kind: u.kind,
    koppeling: u.koppeling,
    minuten: u.minuten,
    teLaat: u.te_laat === 1,
    regels: unpack(u).map((r) => ({ datum: r.datum, van: r.van, tot: r.tot, minuten: r.minuten, opmerking: r.opmerking })),
  };
}

/**
 * For an ouder or kind: a payout is the gastouder's. Only which payout, to whom and when, and its
 * lines for the child; not the gastouder's total.
 */
function eigenUitbetaling(u: Record<string, unknown> & { regels: Record<string, unknown>[] }) {
  return { nummer: u.nummer, gastouder: u.gastouder, datum: u.datum, regels: u.regels.map(rij) };
}

/**
 * For a gastouder or kind: a jaaropgave is the ouder's. Only which one, and what it says of them:
 * its lines for them and their data in its snapshot (a kind's name, birth date and BSN); not the
 * ouder's or partner's data, nor the lines of other children or gastouders.
 */
function eigenJaaropgave(j: JaaropgaveRow, soort: 'gastouder' | 'kind', code: string) {
  const g = JSON.parse(j.gegevens) as JaaropgaveGegevens;
  return {
    nummer: j.nummer,
    versie: j.versie,
    jaar: j.jaar,
    datum: j.datum,
    regels: g.regels.filter((r) => (soort === 'kind' ? r.kind : r.gastouder) === code),
    gegevens: (soort === 'kind' ? g.kinderen[code] : g.gastouders[code]) ?? null,
  };
}

/**
 * `gob inzage (--ouder|--gastouder|--kind) <code> --out <file.json>` (CONTRACT §13): everything gob
 * holds about one person, BSNs in full (it is their own data, for them), as one JSON document
 * written 0600 under the rules of "Files written". The document names the person's own children
 * (an ouder's, a gastouder's own) with their data, because the request of a parent covers them.
 * Written to the audit log (who asked for whom, and where it went), without any of the data; the
 * file appears only once that log line is committed (logged-file.ts).
 */
export async function inzage(opts: { ouder?: string; gastouder?: string; kind?: string; out?: string; force?: boolean }, deps: Deps) {
  const gekozen = (['ouder', 'gastouder', 'kind'] as const).filter((s) => opts[s] !== undefined);
  if (gekozen.length !== 1) {
    throw new UsageError('Geef precies één van --ouder, --gastouder of --kind, met de code van de persoon.');
  }
  const soort = gekozen[0]!;
  const code = opts[soort]!;
  const out = await requireOption('out', opts.out, (raw) => raw, deps, 'JSON-bestand voor de inzage:');
  checkTarget(out, { force: opts.force });
  const entity = ENTITIES[soort];
  const rec = await findRecord(deps.db, entity, code);
  if (!rec) throw new NotFound(`Er is geen ${soort} met code ${code}. Zie 'gob ${soort} list'.`);
  const r = await inzageRijen(deps.db, soort, code);
  const document = {
    soort,
    code,
    opgemaakt: deps.today,
    gegevens: recordToJson(entity.fields, rec, { toonBsn: true }),
    kinderen: r.kinderen.map((k) => recordToJson(ENTITIES.kind.fields, k as never, { toonBsn: true })),
    huisgenoten: r.huisgenoten.map(rij),
    koppelingen: r.koppelingen.map(rij),
    roosters: r.roosters.map(rij),
    urenkaarten: r.urenkaarten.map(urenkaart),
    afwezigheden: r.afwezigheden.map(rij),
    facturen: r.facturen.map((f) => (soort === 'ouder' ? rij(f) : eigenRegels(f, soort, code))),
    betalingen: r.betalingen.map(rij),
    uitbetalingen: r.uitbetalingen.map((u) => (soort === 'gastouder' ? rij(u) : eigenUitbetaling(u))),
    jaaropgaven: r.jaaropgaven.map((j) => (soort === 'ouder' ? rij(j) : eigenJaaropgave(j, soort, code))),
    handtekeningen: r.handtekeningen.map(rij),
    bezoeken: r.bezoeken.map(rij),
    bankbestanden: r.bankbestanden.map(rij),
    log: r.log.map(rij),
  };
  await writeLoggedFile(deps, out, { force: opts.force }, `${JSON.stringify(document, null, 2)}\n`, (trx) =>
    writeLog(trx, deps, `inzage ${soort} ${code} geschreven naar ${out}`),
  );
  deps.out.line(
    `Inzage van ${soort} ${code} geschreven naar ${out}: ${r.facturen.length} facturen, ${r.betalingen.length} betalingen, ${r.uitbetalingen.length} uitbetalingen, ${r.log.length} logregels.`,
  );
  return { soort, code, bestand: out };
}
