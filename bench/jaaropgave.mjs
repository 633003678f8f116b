// The year (issue 13): `jaaropgave run --jaar 2026` for 44,000 ouders with twelve months of
// invoices (about 530,000), time and peak memory (targets: under 30 s, under 512 MB), and a second
// run that must make nothing; `toeslag export --maand 2026-12` for that bureau (target: under
// 10 s); and jaaropgave PDFs per document against invoice PDFs per document in the same run
// (target: at least as fast), measured on the same number of documents of the same ouders.
// The year is written by bench/jaardata.mjs and cached in the temp dir, keyed by the generator's
// version and source and the migrations, so that a second bench run only copies it.
// `node bench/jaaropgave.mjs [--toon]` after `npm run build`; --toon prints a jaaropgave and an invoice.
// GOB_BENCH_RONDEN (default 3) rounds per measurement (PDFs: one more if odd, each first in half of
// them), medians reported; GOB_BENCH_PDFS (default 2000) documents per PDF measurement, or `alle`
// for all 44,000 of each (about four minutes).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { JAARDATA_VERSIE, buildYearBureau, checkYear } from './jaardata.mjs';
import { GOB, ROOT, gobSync, measure, median, report, tempDir } from './lib.mjs';

const ENV = { GOB_TODAY: '2027-02-15' };
/** Five children per gastouder, two per ouder: 44,001 ouders, 73,335 children. */
const GASTOUDERS = 14_667;
const CACHE = path.join(os.tmpdir(), 'gob-bench-cache');
const RONDEN = Number(process.env.GOB_BENCH_RONDEN ?? 3);
const PDFS = Number(process.env.GOB_BENCH_PDFS ?? 2000);
const NIET_GEBOUWD = 'nog niet gebouwd';

const load = () => `load ${os.loadavg()[0].toFixed(2)}`;

/** What the cached year depends on: the generator, the registry builder and gob's schema. */
function cacheKey() {
  const hash = createHash('sha1');
  hash.update(`${JAARDATA_VERSIE} ${GASTOUDERS}\n`);
  for (const file of ['jaardata.mjs', 'bureau.mjs']) hash.update(fs.readFileSync(path.join(ROOT, 'bench', file)));
  // The migrations' text, not only their names: a migration still being written changes in place.
  const migrations = path.join(ROOT, 'src', 'db', 'migrations');
  for (const file of fs.readdirSync(migrations).sort()) hash.update(`${file}\n`).update(fs.readFileSync(path.join(migrations, file)));
  return `${JAARDATA_VERSIE}-${GASTOUDERS}-${hash.digest('hex').slice(0, 12)}`;
}

/** A working copy of the cached year in a fresh dir (built and checked first if not cached). */
function yearBureau() {
  const start = Date.now();
  const key = cacheKey();
  const cached = path.join(CACHE, `${key}.sqlite`);
  const meta = path.join(CACHE, `${key}.json`);
  let built = false;
  if (!fs.existsSync(cached) || !fs.existsSync(meta)) {
    const dir = tempDir('jaar-bouw');
    const { stats, ouders } = buildYearBureau(dir, { gastouders: GASTOUDERS });
    const voorbeelden = checkYear(dir, stats, ENV);
    fs.mkdirSync(CACHE, { recursive: true });
    // An older year (another generator or schema) is of no use any more: 800 MB each.
    for (const old of fs.readdirSync(CACHE)) if (old.startsWith('jaar-')) fs.rmSync(path.join(CACHE, old), { force: true });
    const tmp = `${cached}.${process.pid}`;
    fs.copyFileSync(path.join(dir, 'data', 'gob.sqlite'), tmp);
    fs.renameSync(tmp, cached);
    fs.writeFileSync(meta, JSON.stringify({ stats, ouders, voorbeelden }));
    fs.rmSync(dir, { recursive: true, force: true });
    built = true;
  }
  const dir = tempDir('jaar');
  fs.mkdirSync(path.join(dir, 'data'));
  const fresh = () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, 'data', `gob.sqlite${suffix}`), { force: true });
    fs.copyFileSync(cached, path.join(dir, 'data', 'gob.sqlite'));
  };
  fresh();
  return { dir, fresh, built, ms: Date.now() - start, ...JSON.parse(fs.readFileSync(meta, 'utf8')) };
}

/** measure(), or null when the command is still a placeholder on this branch. */
async function gobMeasure(dir, args) {
  try {
    return await measure(process.execPath, [GOB, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...ENV } });
  } catch (e) {
    if (String(e.message).includes(NIET_GEBOUWD)) return null;
    throw e;
  }
}

function query(dir, fn) {
  const db = new Database(path.join(dir, 'data', 'gob.sqlite'), { readonly: true });
  try {
    return fn(
      (sql, ...args) =>
        db
          .prepare(sql)
          .pluck()
          .get(...args),
      db,
    );
  } finally {
    db.close();
  }
}

/** What a run made: jaaropgaven (rows, ouders, total) against the invoices of months of the year. */
function yearCounts(dir) {
  return query(dir, (one) => ({
    rijen: one('select count(*) from jaaropgave where jaar = 2026'),
    ouders: one('select count(distinct ouder) from jaaropgave where jaar = 2026'),
    totaalCent: one(
      'select sum(totaal_cent) from jaaropgave j where jaar = 2026 and versie = (select max(versie) from jaaropgave l where l.nummer = j.nummer)',
    ),
    facturenCent: one("select sum(totaal_cent) from factuur where maand between '2026-01' and '2026-12'"),
    factuurOuders: one("select count(distinct ouder) from factuur where maand between '2026-01' and '2026-12'"),
  }));
}

const ms = (list) => median(list.map((r) => r.ms));
const peak = (list) => Math.max(...list.map((r) => r.peakMb));
const sec = (x) => (x / 1000).toFixed(2);
const cpu = (r) => (r.cpuMs === null ? '' : ` cpu ${sec(r.cpuMs)} s`);

export async function benchJaaropgave({ toon = false } = {}) {
  const year = yearBureau();
  const { dir, stats } = year;
  report(
    `opzet: jaar van facturen (${year.built ? 'gebouwd en gecontroleerd' : 'uit de cache'})`,
    sec(year.ms),
    's',
    `${year.ouders} ouders, ${stats.facturen} facturen (${stats.correcties} correcties), ${stats.regels} regels, ${stats.urenkaarten} urenkaarten`,
  );

  // jaaropgave run, on a fresh copy each round; then again on that copy, which must make nothing.
  const eerste = [];
  const tweede = [];
  let counts = null;
  for (let ronde = 0; ronde < RONDEN; ronde++) {
    if (ronde > 0) year.fresh();
    const before = load();
    const run = await gobMeasure(dir, ['jaaropgave', 'run', '--jaar', '2026']);
    if (!run) break;
    eerste.push({ ...run, load: before });
    counts = yearCounts(dir);
    if (counts.ouders !== counts.factuurOuders || counts.rijen !== counts.ouders)
      throw new Error(`jaaropgave run: ${JSON.stringify(counts)} (één jaaropgave per ouder met facturen verwacht)`);
    if (counts.totaalCent !== counts.facturenCent) throw new Error(`jaaropgaven tellen niet op tot de facturen: ${JSON.stringify(counts)}`);
    tweede.push(await gobMeasure(dir, ['jaaropgave', 'run', '--jaar', '2026']));
    const again = yearCounts(dir);
    if (again.rijen !== counts.rijen) throw new Error(`de tweede jaaropgave run maakte ${again.rijen - counts.rijen} jaaropgaven`);
  }
  if (eerste.length === 0) report('jaaropgave run --jaar 2026', '-', '', NIET_GEBOUWD);
  else {
    report(
      `jaaropgave run --jaar 2026, ${counts.rijen} jaaropgaven`,
      sec(ms(eerste)),
      's',
      `(doel < 30), piek ${peak(eerste).toFixed(0)} MB (doel < 512); rondes ${eerste.map((r) => `${sec(r.ms)} s${cpu(r)} ${r.peakMb.toFixed(0)} MB ${r.load}`).join(', ')}`,
    );
    report(
      '  opnieuw, niets veranderd (maakt niets)',
      sec(ms(tweede)),
      's',
      `piek ${peak(tweede).toFixed(0)} MB; rondes ${tweede.map((r) => `${sec(r.ms)} s${cpu(r)}`).join(', ')}`,
    );
  }
  if (toon) {
    console.log(gobSync(dir, ['factuur', 'show', year.voorbeelden.at(-1)], ENV));
    const nummer = query(dir, (one) =>
      one("select j.nummer from jaaropgave j where jaar = 2026 and json_array_length(gegevens, '$.regels') > 2 order by nummer limit 1"),
    );
    if (eerste.length > 0) console.log(gobSync(dir, ['jaaropgave', 'show', nummer ?? 'J2026-00001'], ENV));
  }

  // toeslag export of December: the whole year, cumulative.
  const exports = [];
  for (let ronde = 0; ronde < RONDEN; ronde++) {
    const before = load();
    const r = await gobMeasure(dir, ['toeslag', 'export', '--maand', '2026-12', '--out', `toeslag-${ronde}.csv`]);
    if (!r) break;
    exports.push({ ...r, load: before });
  }
  if (exports.length === 0) report('toeslag export --maand 2026-12', '-', '', NIET_GEBOUWD);
  else {
    const csv = fs.readFileSync(path.join(dir, 'toeslag-0.csv'), 'utf8');
    const rijen = csv.split('\n').filter((l) => l.trim() !== '').length - 1;
    report(
      `toeslag export --maand 2026-12, ${rijen} rijen`,
      sec(ms(exports)),
      's',
      `(doel < 10), piek ${peak(exports).toFixed(0)} MB; rondes ${exports.map((r) => `${sec(r.ms)} s${cpu(r)} ${r.load}`).join(', ')}`,
    );
  }

  // PDFs: the jaaropgaven and the December invoices of the same first PDFS ouders, in turn; with
  // GOB_BENCH_PDFS=alle the whole year (--jaar 2026) against the whole month (--maand 2026-12), once.
  const alle = process.env.GOB_BENCH_PDFS === 'alle';
  const { jaaropgaven, facturen } = query(dir, (_, db) => ({
    jaaropgaven: db
      .prepare('select nummer from jaaropgave where jaar = 2026 and versie = 1 order by ouder limit ?')
      .pluck()
      .all(alle ? -1 : PDFS),
    facturen: db
      .prepare(`select nummer from factuur where maand = '2026-12' ${alle ? '' : 'and correctie_van is null'} order by ouder limit ?`)
      .pluck()
      .all(alle ? -1 : PDFS),
  }));
  const rates = { jaaropgave: [], factuur: [] };
  let pdfsBuilt = jaaropgaven.length > 0;
  let pages = null;
  const factuurPdfs = async () => {
    const before = load();
    const f = await gobMeasure(dir, ['factuur', 'pdf', ...(alle ? ['--maand', '2026-12'] : facturen), '--out', 'factuur-pdf']);
    rates.factuur.push({ ms: f.ms / facturen.length, cpuMs: f.cpuMs && f.cpuMs / facturen.length, peakMb: f.peakMb, load: before });
    fs.rmSync(path.join(dir, 'factuur-pdf'), { recursive: true, force: true });
  };
  const jaaropgavePdfs = async () => {
    const before = load();
    const j =
      pdfsBuilt && (await gobMeasure(dir, ['jaaropgave', 'pdf', ...(alle ? ['--jaar', '2026'] : jaaropgaven), '--out', 'jaaropgave-pdf']));
    if (!j) pdfsBuilt = false;
    else {
      rates.jaaropgave.push({
        ms: j.ms / jaaropgaven.length,
        cpuMs: j.cpuMs && j.cpuMs / jaaropgaven.length,
        peakMb: j.peakMb,
        load: before,
      });
      const file = path.join(dir, 'jaaropgave-pdf', `${jaaropgaven[0]}.pdf`);
      pages ??= spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)?.[1];
      fs.rmSync(path.join(dir, 'jaaropgave-pdf'), { recursive: true, force: true });
    }
  };
  // In turn, and the other one first every other round (an even number of rounds), so that neither
  // always runs while the file system still writes away the other's 2,000 removed files.
  for (let ronde = 0; ronde < (alle ? 1 : RONDEN + (RONDEN % 2)); ronde++) {
    if (ronde % 2 === 0) {
      await factuurPdfs();
      await jaaropgavePdfs();
    } else {
      await jaaropgavePdfs();
      await factuurPdfs();
    }
  }
  const rondes = (list) =>
    list.map((r) => `${r.ms.toFixed(2)}${r.cpuMs === null ? '' : ` (cpu ${r.cpuMs.toFixed(2)})`} ${r.load}`).join(', ');
  const perFactuur = ms(rates.factuur);
  report(
    alle ? `factuur pdf --maand 2026-12, ${facturen.length} facturen` : `factuur pdf, ${facturen.length} facturen van 2026-12`,
    perFactuur.toFixed(2),
    'ms/PDF',
    `${(1000 / perFactuur).toFixed(0)} PDF's/s, piek ${peak(rates.factuur).toFixed(0)} MB; rondes ${rondes(rates.factuur)}`,
  );
  if (!pdfsBuilt) report('jaaropgave pdf', '-', '', NIET_GEBOUWD);
  else {
    const perJaaropgave = ms(rates.jaaropgave);
    const cpuMedian = (list) => median(list.map((r) => r.cpuMs ?? Number.NaN));
    const cpuRatio =
      rates.factuur[0].cpuMs === null ? '' : ` (cpu ${(cpuMedian(rates.factuur) / cpuMedian(rates.jaaropgave)).toFixed(2)}×)`;
    report(
      alle
        ? `jaaropgave pdf --jaar 2026, ${jaaropgaven.length} jaaropgaven`
        : `jaaropgave pdf, ${jaaropgaven.length} jaaropgaven (dezelfde ouders)`,
      perJaaropgave.toFixed(2),
      'ms/PDF',
      `${(1000 / perJaaropgave).toFixed(0)} PDF's/s, ${(perFactuur / perJaaropgave).toFixed(2)}× zo snel als facturen (doel ≥ 1)${cpuRatio}, ${pages} p., piek ${peak(rates.jaaropgave).toFixed(0)} MB; rondes ${rondes(rates.jaaropgave)}`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchJaaropgave({ toon: process.argv.includes('--toon') });
