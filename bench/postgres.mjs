// gob on PostgreSQL (CONTRACT §11), on a throwaway cluster this bench starts and stops itself:
// - the 968,000-line urenkaart import against `psql \copy` of the same file into a plain table,
//   measured in the same run (target ≤ 2×, peak ≤ 512 MB);
// - `factuur run` for 44,000 ouders (target ≤ 0.2 ms per invoice), beside the same run on SQLite;
// - 16 `gastouder add` and 4 `urenkaart import`s of different gastouders at once: all succeed.
// The bureaus are built on SQLite as the other benches build them and copied with `gob db kopieer`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCluster, urlOf } from '../scripts/pg-cluster.mjs';
import { buildBureau } from './bureau.mjs';
import { GOB, gobSync, measure, report, tempDir, timeRun } from './lib.mjs';
import { writeUrenkaart } from './urenkaart.mjs';

const ENV = { NO_COLOR: '1', GOB_TODAY: '2026-11-03' };

function psql(url, ...args) {
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAt', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A fresh database on the cluster, as a copy of `template` (a gob database made once). */
function freshDatabase(cluster, name, template) {
  psql(cluster.url, '-c', `create database ${name}${template ? ` template ${template}` : ''}`);
  return urlOf(cluster.port, name);
}

function gobAsync(cwd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [GOB, ...args], {
      cwd,
      env: { ...process.env, ...ENV, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const mid = (list) => [...list].sort((a, b) => a.ms - b.ms)[Math.floor(list.length / 2)];

async function benchImport(cluster) {
  const dir = tempDir('pg-uren');
  const { slots } = buildBureau(dir, { gastouders: 11_000, kinderenPerGastouder: 4, achterwacht: true });
  const file = path.join(dir, 'uren-2026-10.csv');
  const rows = writeUrenkaart(file, slots);
  const template = freshDatabase(cluster, 'uren_leeg');
  gobSync(dir, ['db', 'kopieer', '--naar', template], ENV);
  // Three rounds, the two measured in turn, medians reported: a noisy moment hits both alike.
  const rounds = { psql: [], gob: [] };
  for (let round = 0; round < 3; round++) {
    const plain = freshDatabase(cluster, `plain_${round}`);
    psql(plain, '-c', 'create table urenkaart (gastouder text, kind text, datum text, van text, tot text, opmerking text)');
    rounds.psql.push(
      await measure(
        'psql',
        [plain, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy urenkaart from '${file}' with (format csv, delimiter ';', header)`],
        {},
      ),
    );
    const url = freshDatabase(cluster, `uren_${round}`, 'uren_leeg');
    rounds.gob.push(
      await measure(process.execPath, [GOB, 'urenkaart', 'import', file], { cwd: dir, env: { ...process.env, ...ENV, GOB_DB: url } }),
    );
  }
  const [copy, gob] = [mid(rounds.psql), mid(rounds.gob)];
  const peak = Math.max(...rounds.gob.map((r) => r.peakMb));
  report('psql \\copy (zelfde bestand, kale tabel)', (copy.ms / 1000).toFixed(2), 's', `${rows} rijen`);
  report(
    'PostgreSQL: gob urenkaart import',
    (gob.ms / 1000).toFixed(2),
    's',
    `${(gob.ms / copy.ms).toFixed(2)}× psql \\copy (doel ≤ 2×), piek ${peak.toFixed(0)} MB (doel ≤ 512)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

async function benchFactuurRun(cluster) {
  const dir = tempDir('pg-factuur');
  const { slots } = buildBureau(dir, { gastouders: 11_000, kinderenPerGastouder: 4, achterwacht: true, kinderenPerOuder: 1 });
  writeUrenkaart(path.join(dir, 'uren.csv'), slots);
  gobSync(dir, ['urenkaart', 'import', 'uren.csv'], ENV);
  const url = freshDatabase(cluster, 'factuur');
  gobSync(dir, ['db', 'kopieer', '--naar', url], ENV);
  fs.copyFileSync(path.join(dir, 'data', 'gob.sqlite'), path.join(dir, 'data', 'zelfde.sqlite'));
  const pgMs = timeRun([GOB, 'factuur', 'run', '--maand', '2026-10'], { cwd: dir, env: { ...ENV, GOB_DB: url } });
  const count = Number(psql(url, '-c', 'select count(*) from factuur').trim());
  const sqliteMs = timeRun([GOB, 'factuur', 'run', '--maand', '2026-10'], { cwd: dir, env: { ...ENV, GOB_DB: 'data/zelfde.sqlite' } });
  report(`SQLite: factuur run, ${count} facturen`, (sqliteMs / 1000).toFixed(2), 's', `${(sqliteMs / count).toFixed(3)} ms per factuur`);
  report(
    `PostgreSQL: factuur run, ${count} facturen`,
    (pgMs / 1000).toFixed(2),
    's',
    `${(pgMs / count).toFixed(3)} ms per factuur (doel ≤ 0,2)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

async function benchTogether(cluster) {
  const dir = tempDir('pg-samen');
  const { slots } = buildBureau(dir, { gastouders: 40, kinderenPerGastouder: 4, achterwacht: true });
  const url = freshDatabase(cluster, 'samen');
  gobSync(dir, ['db', 'kopieer', '--naar', url], ENV);
  const env = { GOB_DB: url };
  const start = process.hrtime.bigint();
  const adds = await Promise.all(
    Array.from({ length: 16 }, (_, i) =>
      gobAsync(dir, ['gastouder', 'add', '--naam', `Parallel ${i}`, '--geboortedatum', '1990-01-01'], env),
    ),
  );
  const addMs = Number(process.hrtime.bigint() - start) / 1e6;
  const addFailed = adds.filter((r) => r.code !== 0);
  report('PostgreSQL: 16 × gastouder add tegelijk', (addMs / 1000).toFixed(2), 's', `${16 - addFailed.length}/16 gelukt`);
  if (addFailed.length > 0) throw new Error(`gastouder add tegelijk mislukt: ${addFailed[0].stderr}`);

  // Four gastouders' urenkaarten, one file each, imported at the same moment.
  const gastouders = [...new Set(slots.map((s) => s.gastouder))].slice(0, 4);
  const files = gastouders.map((g) => {
    const file = path.join(dir, `uren-${g}.csv`);
    writeUrenkaart(
      file,
      slots.filter((s) => s.gastouder === g),
    );
    return file;
  });
  const importStart = process.hrtime.bigint();
  const imports = await Promise.all(files.map((file) => gobAsync(dir, ['urenkaart', 'import', file], env)));
  const importMs = Number(process.hrtime.bigint() - importStart) / 1e6;
  const importFailed = imports.filter((r) => r.code !== 0);
  const stored = Number(psql(url, '-c', 'select count(distinct gastouder) from urenkaart').trim());
  report(
    'PostgreSQL: 4 × urenkaart import tegelijk',
    (importMs / 1000).toFixed(2),
    's',
    `${4 - importFailed.length}/4 gelukt, ${stored} gastouders opgeslagen`,
  );
  if (importFailed.length > 0 || stored !== 4) throw new Error(`urenkaart import tegelijk mislukt: ${importFailed[0]?.stderr ?? stored}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function benchPostgres() {
  let cluster;
  try {
    cluster = await startCluster();
  } catch (error) {
    report('PostgreSQL', '—', '', `overgeslagen: geen PostgreSQL-server te starten (${error.message.split('\n')[0]})`);
    return;
  }
  try {
    await benchImport(cluster);
    await benchFactuurRun(cluster);
    await benchTogether(cluster);
  } finally {
    cluster.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPostgres();
