import { ENTITIES } from '../../domain/fields.js';
import { writeLog } from '../../db/repo/log.js';
import { inzageRijen } from '../../db/repo/privacy.js';
import { findRecord } from '../../db/repo/register.js';
import { NotFound, UsageError } from '../../errors.js';
import { checkTarget, writeFileSafely } from '../../files/write.js';
import type { Deps } from '../deps.js';
import { requireOption } from '../options.js';
import { recordToJson } from '../record.js';

/** JSON text stored in a column (a snapshot, an urenkaart's lines) is given as JSON, not as a string. */
const JSON_KOLOMMEN = new Set(['gegevens', 'regels']);

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
 * `gob inzage (--ouder|--gastouder|--kind) <code> --out <file.json>` (CONTRACT §13): everything gob
 * holds about one person, BSNs in full (it is their own data, for them), as one JSON document
 * written 0600 under the rules of "Files written". The document names the person's own children
 * (an ouder's, a gastouder's own) with their data, because the request of a parent covers them.
 * Written to the audit log (who asked for whom, and where it went), without any of the data.
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
    urenkaarten: r.urenkaarten.map(rij),
    afwezigheden: r.afwezigheden.map(rij),
    facturen: r.facturen.map((f) => (soort === 'ouder' ? rij(f) : eigenRegels(f, soort, code))),
    betalingen: r.betalingen.map(rij),
    uitbetalingen: r.uitbetalingen.map(rij),
    jaaropgaven: r.jaaropgaven.map(rij),
    handtekeningen: r.handtekeningen.map(rij),
    bezoeken: r.bezoeken.map(rij),
    bankbestanden: r.bankbestanden.map(rij),
    log: r.log.map(rij),
  };
  writeFileSafely(out, `${JSON.stringify(document, null, 2)}\n`, { force: opts.force, checked: false });
  await writeLog(deps.db, deps, `inzage ${soort} ${code} geschreven naar ${out}`);
  deps.out.line(
    `Inzage van ${soort} ${code} geschreven naar ${out}: ${r.facturen.length} facturen, ${r.betalingen.length} betalingen, ${r.uitbetalingen.length} uitbetalingen, ${r.log.length} logregels.`,
  );
  return { soort, code, bestand: out };
}
