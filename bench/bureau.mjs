// Builds a large synthetic bureau straight into SQLite (raw prepared statements in one transaction:
// the benchmarks measure gob's commands, not the set-up). Deterministic: the same seed, the same data.
import path from 'node:path';
import Database from 'better-sqlite3';
import { gobSync } from './lib.mjs';

/** A tiny deterministic PRNG (mulberry32), so every run builds the same bureau. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w) => String(n).padStart(w, '0');
const DAYS = ['ma', 'di', 'wo', 'do', 'vr'];

/**
 * `gastouders` gastouders with 4–6 guest children each (one ouder per two children), a weekly
 * rooster of 2–3 days per child, and an own child for every fifth gastouder.
 */
/** Options `kinderenPerGastouder` and `achterwacht` fix what is otherwise random; `kinderenPerOuder` defaults to 2. */
export function buildBureau(dir, { gastouders, seed = 42, kinderenPerGastouder = null, achterwacht = null, kinderenPerOuder = 2 }) {
  gobSync(dir, [
    'init',
    '--naam',
    'Benchbureau',
    '--adres',
    'Stationsplein 1',
    '--postcode',
    '3511 ED',
    '--plaats',
    'Utrecht',
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
  ]);
  const db = new Database(path.join(dir, 'data', 'gob.sqlite'));
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const insG = db.prepare(
    'insert into gastouder (code, naam, geboortedatum, achterwacht, slaapruimte, ervaring_sinds, iban, lrk) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insO = db.prepare(
    'insert into ouder (code, naam, adres, postcode, plaats, iban, mandaat, mandaat_datum) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insK = db.prepare('insert into kind (code, naam, geboortedatum, ouder, eigen_kind_van) values (?, ?, ?, ?, ?)');
  const insKP = db.prepare('insert into koppeling (code, kind, gastouder, start, uurtarief_cent) values (?, ?, ?, ?, ?)');
  const insR = db.prepare('insert into rooster (koppeling, kind, dag, van, tot) values (?, ?, ?, ?, ?)');
  const children = [];
  let kind = 0;
  let ouder = 0;
  db.transaction(() => {
    for (let g = 1; g <= gastouders; g++) {
      const gc = `G${pad(g, 5)}`;
      const hasBackup = achterwacht ?? rnd() < 0.7;
      insG.run(
        gc,
        `Gastouder ${g}`,
        '1980-01-01',
        hasBackup ? 'Achterwacht' : null,
        rnd() < 0.8 || achterwacht ? 1 : 0,
        '2015-01-01',
        'NL91ABNA0417164300',
        String(100000000 + g),
      );
      const n = kinderenPerGastouder ?? 4 + Math.floor(rnd() * 3);
      for (let i = 0; i < n; i++) {
        if (i % kinderenPerOuder === 0) {
          ouder++;
          insO.run(
            `O${pad(ouder, 6)}`,
            `Ouder ${ouder}`,
            `Kerkstraat ${ouder}`,
            '1234 AB',
            'Utrecht',
            'NL91ABNA0417164300',
            `MND-${ouder}`,
            '2026-01-01',
          );
        }
        kind++;
        const kc = `K${pad(kind, 6)}`;
        const born = `${2019 + Math.floor(rnd() * 7)}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;
        insK.run(kc, `Kind ${kind}`, born, `O${pad(ouder, 6)}`, null);
        const kp = `KP${pad(kind, 6)}`;
        insKP.run(kp, kc, gc, '2026-01-01', 700 + Math.floor(rnd() * 200));
        const days = [...DAYS].sort(() => rnd() - 0.5).slice(0, 2 + Math.floor(rnd() * 2));
        for (const dag of days) {
          const van = pick(['07:30', '08:00', '08:30']);
          const tot = pick(['12:30', '17:00', '18:00']);
          insR.run(kp, null, dag, van, tot);
          children.push({ gastouder: gc, kind: kc, koppeling: kp, dag, van, tot });
        }
      }
      if (g % 5 === 0) {
        kind++;
        insK.run(`K${pad(kind, 6)}`, `Eigen kind ${kind}`, '2018-06-15', null, gc);
      }
    }
  })();
  db.close();
  return { kinderen: kind, ouders: ouder, slots: children };
}
