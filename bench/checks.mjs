// The checks before invoicing (CONTRACT §9) on the bench bureau: 10,000 gastouders, 4–6 children
// each with a weekly rooster. October's urenkaarten (the rooster's own hours) are written straight
// into SQLite for every gastouder but each 20th, so ~2,500 urenkaarten are missing, as on the 4th of
// a month. Measured: `urenkaart check` (target < 2 s), also with nothing delivered yet (every
// koppeling listed, the 1st of the month), and `factuur check`.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildBureau } from './bureau.mjs';
import { GOB, median, report, tempDir, timeRun } from './lib.mjs';

const DAGEN = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
const minutes = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** One urenkaart per koppeling: its rooster's hours on every date of October 2026. */
function deliverOctober(dir, slots, { skip }) {
  const perDag = new Map();
  for (let d = 1; d <= 31; d++) {
    const dag = DAGEN[new Date(Date.UTC(2026, 9, d)).getUTCDay()];
    perDag.set(dag, [...(perDag.get(dag) ?? []), d]);
  }
  const perKoppeling = new Map();
  for (const s of slots) {
    if (skip(s.gastouder)) continue;
    const u = perKoppeling.get(s.koppeling) ?? { ...s, regels: [] };
    for (const d of perDag.get(s.dag) ?? []) u.regels.push([d, minutes(s.van), minutes(s.tot)]);
    perKoppeling.set(s.koppeling, u);
  }
  const db = new Database(path.join(dir, 'data', 'gob.sqlite'));
  const insert = db.prepare(
    'insert into urenkaart (maand, gastouder, kind, koppeling, minuten, regels, te_laat) values (?, ?, ?, ?, ?, ?, 0)',
  );
  db.transaction(() => {
    for (const u of perKoppeling.values()) {
      u.regels.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      insert.run(
        '2026-10',
        u.gastouder,
        u.kind,
        u.koppeling,
        u.regels.reduce((s, [, van, tot]) => s + tot - van, 0),
        JSON.stringify(u.regels),
      );
    }
  })();
  db.close();
  return perKoppeling.size;
}

export function benchUrenkaartCheck() {
  const dir = tempDir('checks');
  const { kinderen, slots } = buildBureau(dir, { gastouders: 10_000 });
  const options = { cwd: dir, env: { GOB_TODAY: '2026-11-04' }, okCodes: [0, 1] };
  const measure = (args) => {
    timeRun(args, options);
    return median([1, 2, 3, 4, 5].map(() => timeRun(args, options)));
  };
  const check = [GOB, 'urenkaart', 'check', '--maand', '2026-10'];

  const leeg = measure(check);
  const geleverd = deliverOctober(dir, slots, { skip: (g) => Number(g.slice(1)) % 20 === 0 });
  const ms = measure(check);
  const csv = measure([...check, '--csv']);
  const factuur = measure([GOB, 'factuur', 'check', '--maand', '2026-10']);

  report(
    `urenkaart check, 10.000 gastouders (${kinderen} kinderen)`,
    (ms / 1000).toFixed(2),
    's',
    `doel < 2 s; ${geleverd} urenkaarten binnen`,
  );
  report('  met --csv', (csv / 1000).toFixed(2), 's');
  report('  nog niets binnen (alles ontbreekt)', (leeg / 1000).toFixed(2), 's');
  report('factuur check, zelfde bureau', (factuur / 1000).toFixed(2), 's');
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, csv, leeg, factuur };
}

if (import.meta.url === `file://${process.argv[1]}`) benchUrenkaartCheck();
