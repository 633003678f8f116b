// `gob kwaliteit check` (CONTRACT §10) on the bench bureau grown to 11,000 gastouders, each with 3
// huisgenoten and 10 visits (huisbezoeken, risico-inventarisaties, evaluations of her koppelingen
// and a voortgangsgesprek), written straight into SQLite. Target: under 2 s. Measured: the human
// output (what needs attention), --json (every duty) and --csv.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildBureau, random } from './bureau.mjs';
import { GOB, median, report, tempDir, timeRun } from './lib.mjs';

const TODAY = '2026-11-23';
const pad = (n, w) => String(n).padStart(w, '0');

/**
 * Certificates, housemates and visits as at a bureau that keeps up: per gastouder two huisbezoeken
 * this year and one last year, a risico-inventarisatie, an evaluation of every koppeling in its
 * proefperiode (the bench koppelingen start on 1 January 2026) and, filling up to 10 visits,
 * a voortgangsgesprek and a second evaluation. About one in twenty of each certificate is
 * missing or expired, so the check has something to report.
 */
export function addKwaliteit(dir, { seed = 15 } = {}) {
  const db = new Database(path.join(dir, 'data', 'gob.sqlite'));
  const rnd = random(seed);
  const dag = (jaar, maand) => `${jaar}-${pad(maand, 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;
  const koppelingen = new Map();
  for (const k of db.prepare('select gastouder, code from koppeling order by code').iterate()) {
    const list = koppelingen.get(k.gastouder) ?? [];
    list.push(k.code);
    koppelingen.set(k.gastouder, list);
  }
  const gastouders = db.prepare('select code from gastouder').pluck().all();
  const setG = db.prepare(
    'update gastouder set ehbo_tot = ?, vog_datum = ?, diploma = ?, verzekering_tot = ?, prk = ?, start = ? where code = ?',
  );
  const insH = db.prepare('insert into huisgenoot (gastouder, naam, geboortedatum, vog_datum, prk) values (?, ?, ?, ?, ?)');
  const insB = db.prepare('insert into bezoek (gastouder, soort, datum, koppeling, notitie) values (?, ?, ?, ?, ?)');
  const geldig = () => (rnd() < 0.05 ? dag(2026, 1 + Math.floor(rnd() * 11)) : dag(2027, 1 + Math.floor(rnd() * 12)));
  let bezoeken = 0;
  const bezoek = (g, soort, datum, koppeling = null) => {
    insB.run(g, soort, datum, koppeling, bezoeken % 3 === 0 ? 'Notitie bij het bezoek.' : null);
    bezoeken++;
  };
  db.transaction(() => {
    for (const g of gastouders) {
      setG.run(
        geldig(),
        rnd() < 0.98 ? dag(2015, 6) : null,
        rnd() < 0.99 ? 'MBO 3 PW' : null,
        geldig(),
        rnd() < 0.98 ? 1 : 0,
        '2015-01-01',
        g,
      );
      for (let h = 0; h < 3; h++) {
        const geboren = dag(h === 2 ? 2000 + Math.floor(rnd() * 10) : 1960 + Math.floor(rnd() * 30), 1 + Math.floor(rnd() * 12));
        insH.run(g, `Huisgenoot ${g}-${h + 1}`, geboren, rnd() < 0.95 ? dag(2020, 3) : null, rnd() < 0.95 ? 1 : 0);
      }
      bezoek(g, 'huisbezoek', dag(2025, 10));
      bezoek(g, 'huisbezoek', dag(2026, 3));
      bezoek(g, 'huisbezoek', dag(2026, 9));
      bezoek(g, 'risico-inventarisatie', dag(2026, rnd() < 0.05 ? 1 : 6));
      // 4–6 koppelingen (bench/bureau.mjs): each evaluated in its proefperiode; what is left of
      // the 10 visits is a voortgangsgesprek and a later evaluation.
      const eigen = koppelingen.get(g) ?? [];
      for (const k of eigen) bezoek(g, 'evaluatie', dag(2026, 2), k);
      for (let i = 0; i < 6 - eigen.length; i++) {
        if (i === 0) bezoek(g, 'voortgangsgesprek', dag(2015, 5));
        else bezoek(g, 'evaluatie', dag(2026, 10), eigen[0]);
      }
    }
  })();
  db.close();
  return { gastouders: gastouders.length, bezoeken };
}

export function benchKwaliteit() {
  const dir = tempDir('kwaliteit');
  buildBureau(dir, { gastouders: 11_000 });
  const { bezoeken } = addKwaliteit(dir);
  const options = { cwd: dir, env: { GOB_TODAY: TODAY }, okCodes: [0, 1] };
  const measure = (args) => {
    timeRun(args, options);
    return median([1, 2, 3, 4, 5].map(() => timeRun(args, options)));
  };
  const check = [GOB, 'kwaliteit', 'check'];
  const ms = measure(check);
  const json = measure([...check, '--json']);
  const csv = measure([...check, '--csv']);
  report('kwaliteit check, 11.000 gastouders', (ms / 1000).toFixed(2), 's', `doel < 2 s; 33.000 huisgenoten, ${bezoeken} bezoeken`);
  report('  met --json (elke plicht)', (json / 1000).toFixed(2), 's');
  report('  met --csv', (csv / 1000).toFixed(2), 's');
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, json, csv };
}

if (import.meta.url === `file://${process.argv[1]}`) benchKwaliteit();
