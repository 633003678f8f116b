// `npm run demo`: builds a demo bureau in data/demo.sqlite from the CSV files in data/demo/ with
// gob's own commands, as a bureau owner would, and shows the result. The demo's "today" is fixed,
// so every run shows the same thing. It runs from any folder; each command is printed as it can be
// pasted into a shell in the project folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shellLine } from './shell-quote.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// With GOB_DB set to a PostgreSQL URL (CONTRACT §11) the demo runs there instead, in an empty
// database the user made for it; otherwise in its own SQLite file, made anew every run.
const postgres = /^postgres(ql)?:\/\//i.test(process.env.GOB_DB ?? '') ? process.env.GOB_DB : null;
const db = postgres ?? path.join('data', 'demo.sqlite');
const env = { ...process.env, GOB_DB: db, GOB_TODAY: '2026-11-03' };
/** The URL as it may be printed: without a password. */
const shown = postgres ? postgres.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@') : db;

/** Runs gob as a user would; `expected` is the exit code this step should give. */
function gob(...args) {
  const expected = typeof args.at(-1) === 'number' ? args.pop() : 0;
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
gob(
  'init',
  '--naam',
  'Gastouderbureau De Zonnebloem',
  '--adres',
  'Stationsplein 1',
  '--postcode',
  '3511 ED',
  '--plaats',
  'Utrecht',
  '--email',
  'info@zonnebloem.example',
  '--telefoon',
  '030-1234567',
  '--kvk',
  '12345678',
  '--lrk',
  '987654321',
  '--iban',
  'NL91ABNA0417164300',
  '--bic',
  'ABNANL2A',
  '--incassant-id',
  'NL79ZZZ999999990000',
);
gob('gastouder', 'import', 'data/demo/gastouders.csv');
gob('ouder', 'import', 'data/demo/ouders.csv');
gob('kind', 'import', 'data/demo/kinderen.csv');
gob('koppeling', 'import', 'data/demo/koppelingen.csv');
// The demo rooster has one planned violation: on Thursday mornings Renée has four children and no
// achterwacht. The import refuses it; with --force it is stored, and rooster check reports it.
gob('rooster', 'import', 'data/demo/roosters.csv', 1);
gob('rooster', 'import', 'data/demo/roosters.csv', '--force');
gob('gastouder', 'list');
gob('ouder', 'list');
gob('koppeling', 'list', '--actief');
gob('gastouder', 'show', 'G0002');
gob('rooster', 'check', 1);

// The month's urenkaarten, before the 5th: Anna's from Excel (Windows-1252, her own column names),
// Renée's (with the Thursday mornings that lack an achterwacht: a warning, stored anyway), and
// Ingrid's, which came in late on the 9th and needs --te-laat.
gob('urenkaart', 'import', 'data/demo/uren-2026-10-anna.csv');
gob('urenkaart', 'import', 'data/demo/uren-2026-10-renee.csv');
gob('urenkaart', 'import', 'data/demo/uren-2026-10-ingrid.csv', '--today', '2026-11-09', 1);
gob('urenkaart', 'import', 'data/demo/uren-2026-10-ingrid.csv', '--today', '2026-11-09', '--te-laat');
gob('urenkaart', 'list', '--maand', '2026-10', '--kind', 'K0001');

// The monthly invoices on the 9th: one per ouder. Then Renée sends a corrected urenkaart (late,
// and after invoicing: --te-laat); the second run bills only the difference, as a correction.
gob('factuur', 'run', '--maand', '2026-10', '--today', '2026-11-09');
gob('urenkaart', 'import', 'data/demo/uren-2026-10-renee-correctie.csv', '--today', '2026-11-10', '--te-laat');
gob('factuur', 'run', '--maand', '2026-10', '--today', '2026-11-10');
gob('factuur', 'list', '--maand', '2026-10');
gob('factuur', 'show', '2026-00006');
gob('factuur', 'pdf', '--maand', '2026-10', '--out', 'data/demo/out/facturen');

// The kassiersfunctie: Fatima has no mandate and pays by transfer; everyone else is collected by
// SEPA incasso on the 20th. The payout deadline is the payment date plus 5 werkdagen.
gob('betaling', 'add', '--ouder', 'O0005', '--bedrag', '572,00', '--datum', '2026-11-18', '--today', '2026-11-18');
gob('sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', 'data/demo/out/incasso-2026-11-20.xml', '--today', '2026-11-12');
gob('uitbetaling', 'open', '--today', '2026-11-23');
gob('uitbetaling', 'run', '--datum', '2026-11-24', '--today', '2026-11-24');
gob('uitbetaling', 'show', 'U2026-00001', '--today', '2026-11-24');
gob('sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', 'data/demo/out/uitbetaling-2026-11-24.xml', '--today', '2026-11-24');
gob('sepa', 'uitbetaling', '--datum', '2026-11-24', '--out', 'data/demo/out/nogmaals.xml', '--today', '2026-11-24', 1);
gob('sepa', 'list');
gob('uitbetaling', 'pdf', '--datum', '2026-11-24', '--out', 'data/demo/out/uitbetalingen', '--today', '2026-11-24');
gob('uitbetaling', 'open', '--today', '2026-11-24');

// November: from this month the bureau bills the agreed hours (§9): absence reported less than 14
// days ahead is charged at the rooster's hours. Sem (K0004) is ill on Tuesday 10 November, reported
// that morning: billed as agreed hours. Noah (K0006) is on holiday 16–20 November, announced on
// 1 September, more than two months ahead: not billed.
gob('bureau', 'set', '--afgesproken-uren', 'ja', '--today', '2026-10-28');
// Yara's parents live apart from November and share her care 60/40: each gets an invoice for her
// or his share of every line (Fatima, her ouder, 60 %), and each a jaaropgave and toeslag rows.
gob(
  'ouder',
  'add',
  '--naam',
  'Youssef El Amrani',
  '--adres',
  'Kerkstraat 5',
  '--postcode',
  '3811 CV',
  '--plaats',
  'Amersfoort',
  '--today',
  '2026-10-28',
);
gob('koppeling', 'edit', 'KP0007', '--tweede-ouder', 'O0006', '--verdeling', '60', '--today', '2026-10-28');
gob(
  'afwezigheid',
  'add',
  '--kind',
  'K0006',
  '--van',
  '2026-11-16',
  '--tot-en-met',
  '2026-11-20',
  '--soort',
  'vakantie',
  '--today',
  '2026-09-01',
);
gob(
  'afwezigheid',
  'add',
  '--kind',
  'K0004',
  '--van',
  '2026-11-10',
  '--tot-en-met',
  '2026-11-10',
  '--soort',
  'ziek',
  '--today',
  '2026-11-10',
);
gob('afwezigheid', 'list', '--maand', '2026-11');
// On 2 December Anna's urenkaart is in; the check the bureau runs from cron on the 1st and the 4th
// names who still has to send one, with the days left (exit 1 while any is missing).
gob('urenkaart', 'import', 'data/demo/uren-2026-11-anna.csv', '--today', '2026-12-02');
gob('urenkaart', 'check', '--maand', '2026-11', '--today', '2026-12-02', 1);
gob('urenkaart', 'import', 'data/demo/uren-2026-11-renee.csv', '--today', '2026-12-03');
gob('urenkaart', 'import', 'data/demo/uren-2026-11-ingrid.csv', '--today', '2026-12-03');
gob('urenkaart', 'check', '--maand', '2026-11', '--today', '2026-12-03');
gob('factuur', 'check', '--maand', '2026-11', '--today', '2026-12-03', 1);
gob('factuur', 'run', '--maand', '2026-11', '--today', '2026-12-03');
gob('factuur', 'show', '2026-00009', '--today', '2026-12-03');
gob('factuur', 'show', '2026-00012', '--today', '2026-12-03');

// The year closes: the jaaropgaven of 2026 (made before the year ends; December's invoices will make
// a version 2 for whoever's figures change), the toeslag check (the demo's children have no BSN yet:
// exit 1, the list a bureau works through before the year ends) and November's delivery to Dienst
// Toeslagen, and the yearly overview of every gastouder.
gob('jaaropgave', 'run', '--jaar', '2026', '--today', '2026-12-03');
gob('jaaropgave', 'show', 'J2026-00001', '--today', '2026-12-03');
gob('jaaropgave', 'pdf', '--jaar', '2026', '--out', 'data/demo/out/jaaropgaven', '--today', '2026-12-03');
gob('jaaropgave', 'gastouder', '--jaar', '2026', '--out', 'data/demo/out/jaaroverzichten', '--today', '2026-12-03');
gob('toeslag', 'tarief');
gob('toeslag', 'check', '--maand', '2026-11', '--today', '2026-12-03', 1);
gob('toeslag', 'export', '--maand', '2026-11', '--out', 'data/demo/out/toeslag-2026-11.csv', '--today', '2026-12-03');

// Quality duties (§10): the bureau records when each gastouder joined, her PRK link and insurance,
// her huisgenoten and every visit; the check it runs from cron shows what is due. Renée's
// risico-inventarisatie is overdue, and her daughter Lisa turns 18 in January: VOG and PRK by then.
gob('gastouder', 'edit', 'G0001', '--start', '2015-01-01', '--prk', 'ja', '--verzekering-tot', '2027-12-31');
gob('gastouder', 'edit', 'G0002', '--start', '2019-02-01', '--prk', 'ja', '--verzekering-tot', '2027-12-31');
gob('gastouder', 'edit', 'G0003', '--start', '2026-08-01', '--prk', 'ja', '--verzekering-tot', '2027-12-31');
gob('huisgenoot', 'import', 'data/demo/huisgenoten.csv');
gob('bezoek', 'import', 'data/demo/bezoeken.csv', '--today', '2026-12-03');
gob('kwaliteit', 'check', '--tot', '2027-01-31', '--today', '2026-12-03', 1);
gob('kwaliteit', 'pdf', '--gastouder', 'G0002', '--out', 'data/demo/out/kwaliteit-G0002.pdf', '--today', '2026-12-03');

// The overeenkomst van opdracht of one koppeling, signed by the vraagouder and the gastouder, and
// digitally by the bureau with a self-signed test certificate (check it with: pdfsig <file>).
env.GOB_CERTIFICAAT_WACHTWOORD = 'demo-wachtwoord';
console.log(`\n$ ${shellLine(['export', `GOB_CERTIFICAAT_WACHTWOORD=${env.GOB_CERTIFICAAT_WACHTWOORD}`])}`);
fs.rmSync(path.join(root, 'data', 'demo', 'out', 'certificaat.p12'), { force: true });
gob('bureau', 'certificaat-maken', '--out', 'data/demo/out/certificaat.p12');
gob(
  'contract',
  'teken',
  '--koppeling',
  'KP0001',
  '--partij',
  'ouder',
  '--naam',
  'Łukasz Wałęsa',
  '--plaats',
  'Utrecht',
  '--datum',
  '2025-02-20',
);
gob(
  'contract',
  'teken',
  '--koppeling',
  'KP0001',
  '--partij',
  'gastouder',
  '--naam',
  'Anna de Vries',
  '--plaats',
  'Utrecht',
  '--datum',
  '2025-02-21',
);
gob('contract', 'pdf', '--koppeling', 'KP0001', '--out', 'data/demo/out/overeenkomst-KP0001-gastouder.pdf');
gob('contract', 'pdf', '--koppeling', 'KP0001', '--soort', 'bureau', '--out', 'data/demo/out/overeenkomst-KP0001-bureau.pdf');
gob('log', '--limit', '8');
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
