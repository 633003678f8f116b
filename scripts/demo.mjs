// `npm run demo`: builds a demo bureau in data/demo.sqlite from the CSV files in data/demo/ with
// gob's own commands, as a bureau owner would (the steps are in scripts/demo-steps.mjs, which the
// PostgreSQL test runs too), and shows the result. The demo's "today" is fixed, so every run shows
// the same thing. It runs from any folder; each command is printed as it can be pasted into a shell
// in the project folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_TODAY, demoSteps } from './demo-steps.mjs';
import { shellLine } from './shell-quote.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// With GOB_DB set to a PostgreSQL URL (CONTRACT §11) the demo runs there instead, in an empty
// database the user made for it; otherwise in its own SQLite file, made anew every run.
const postgres = /^postgres(ql)?:\/\//i.test(process.env.GOB_DB ?? '') ? process.env.GOB_DB : null;
const db = postgres ?? path.join('data', 'demo.sqlite');
const env = { ...process.env, GOB_DB: db, GOB_TODAY: DEMO_TODAY };
/** The URL as it may be printed: without a password. */
const shown = postgres ? postgres.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@') : db;

/** Runs gob as a user would; `expected` is the exit code this step should give. */
function gob(args, expected) {
  console.log(`\n$ ${shellLine(['npx', 'gob', ...args])}`);
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'gob.js'), ...args], { cwd: root, env, stdio: 'inherit' });
  if (expected !== 0) console.log(`(exit ${r.status}, zoals bedoeld)`);
  if (r.status !== expected) {
    console.error(`\nDe demo stopt: '${shellLine(['gob', ...args])}' eindigde met code ${r.status}.`);
    process.exit(1);
  }
}

if (!fs.existsSync(path.join(root, 'dist', 'main.js'))) {
  console.error("Eerst bouwen: 'npm run build' (npm ci doet dat ook).");
  process.exit(1);
}
if (postgres) await requireEmpty(postgres);
else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(root, db + suffix), { force: true });
fs.rmSync(path.join(root, 'data', 'demo', 'out'), { recursive: true, force: true });

console.log(`Demo van gob: een gastouderbureau in ${shown}, vandaag is ${env.GOB_TODAY}. Zelf doen, in ${root}:`);
console.log(`\n$ ${shellLine(['export', `GOB_DB=${shown}`, `GOB_TODAY=${env.GOB_TODAY}`])}`);
await demoSteps(
  {
    gob,
    say: (text) => console.log(text),
    setEnv(name, value) {
      env[name] = value;
      console.log(`\n$ ${shellLine(['export', `${name}=${value}`])}`);
    },
    file: (name) => path.resolve(root, name),
  },
  { data: 'data/demo', out: 'data/demo/out' },
);
console.log(
  `\nKlaar. De PDF's en SEPA-bestanden staan in ${path.join(root, 'data', 'demo', 'out')}. Probeer zelf, in ${root}: GOB_DB=${shown} npx gob kind list`,
);

/** The demo never writes over a bureau: on PostgreSQL it needs a database without tables. */
async function requireEmpty(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query('select count(*)::int as n from information_schema.tables where table_schema = current_schema()');
    if (rows[0].n > 0) {
      console.error(
        `De demo draait alleen in een lege database, en ${shown} heeft al tabellen. Maak een lege, bijvoorbeeld: dropdb gob_demo && createdb gob_demo`,
      );
      process.exit(1);
    }
  } catch (error) {
    console.error(`De demo kan de PostgreSQL-database ${shown} niet gebruiken (${error.code ?? error.message}).`);
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
}
