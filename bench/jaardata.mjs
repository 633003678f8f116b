// A bureau with a whole invoiced year, for the year's benchmarks (jaaropgave, toeslag export).
// Invoicing twelve months through `urenkaart import` + `factuur run` takes far longer than the
// commands being measured, so the registry is built with bench/bureau.mjs and the year's
// urenkaarten, invoices and lines are then written straight into SQLite, in one transaction,
// as `factuur run` would have made them: care lines per kind × gastouder × rate with their LRK,
// a `maand`-model fee line per ouder × gastouder (kind null), numbers JJJJ-NNNNN gapless per year
// of the invoice date, the month's rates and fees frozen, a `gegevens` snapshot like a real
// invoice's, and corrections (more hours, fewer, a child's month taken back) invoiced with the next
// month's run. What makes it realistic for the year: BSNs (a few children without one),
// toeslagpartners, a fee change and rate rises from July, children at two gastouders, care at the
// ouder's home under its own LRK, and koppelingen that end in August.
// `node bench/jaardata.mjs --check` compares the generator with gob itself on a small bureau.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildBureau, random } from './bureau.mjs';
import { gobSync, tempDir } from './lib.mjs';

/** Raise when what is generated changes: a cached database of another version is built again. */
export const JAARDATA_VERSIE = 'jaar-3';

const pad = (n, w = 2) => String(n).padStart(w, '0');
const JAAR = 2026;
const DOW = { ma: 1, di: 2, wo: 3, do: 4, vr: 5 };
const hm = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

// --- gob's money and billing rules, as src/domain/money.ts and billing.ts have them -----------

function divRound(a, b) {
  const sign = a < 0 ? -1 : 1;
  const abs = Math.abs(a);
  const q = Math.floor(abs / b);
  return sign * (2 * (abs - q * b) >= b ? q + 1 : q);
}
const careAmount = (minuten, tarief) => divRound(minuten * tarief, 60);

function allocate(total, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  const parts = [];
  const rests = [];
  let left = total;
  weights.forEach((w, i) => {
    const exact = total * w;
    parts[i] = Math.trunc(exact / sum);
    rests[i] = Math.abs(exact % sum);
    left -= parts[i];
  });
  const order = [...weights.keys()].sort((a, b) => rests[b] - rests[a] || a - b);
  for (const i of order) {
    if (left === 0) break;
    const step = Math.sign(left);
    parts[i] += step;
    left -= step;
  }
  return parts;
}

function compareRegels(a, b) {
  const ka = a.kind ?? '~';
  const kb = b.kind ?? '~';
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.gastouder !== b.gastouder) return a.gastouder < b.gastouder ? -1 : 1;
  if (a.soort !== b.soort) return a.soort === 'opvang' ? -1 : 1;
  if (a.tariefCent !== b.tariefCent) return a.tariefCent - b.tariefCent;
  const ca = a.correctieOp ?? '';
  const cb = b.correctieOp ?? '';
  return ca === cb ? 0 : ca < cb ? -1 : 1;
}

/** targetRegels for the `maand` model: care per kind × gastouder × rate, one fee per gastouder. */
function targetRegels(uren, fee) {
  const care = new Map();
  for (const u of uren) {
    const key = `${u.kind}|${u.gastouder}|${u.tarief}`;
    let line = care.get(key);
    if (line) line.minuten += u.minuten;
    else {
      line = {
        soort: 'opvang',
        kind: u.kind,
        gastouder: u.gastouder,
        minuten: u.minuten,
        tariefCent: u.tarief,
        bedragCent: 0,
        lrks: new Set(),
      };
      care.set(key, line);
    }
    if (u.lrk) line.lrks.add(u.lrk);
  }
  const regels = [...care.values()].filter((r) => r.minuten !== 0);
  const lrkOf = (set) => (set.size === 0 ? null : set.size === 1 ? set.values().next().value : [...set].sort().join(', '));
  for (const r of regels) {
    r.bedragCent = careAmount(r.minuten, r.tariefCent);
    r.lrk = lrkOf(r.lrks);
  }
  const byGastouder = new Map();
  for (const r of regels) {
    const g = byGastouder.get(r.gastouder) ?? { kinderen: new Set(), lrks: new Set() };
    g.kinderen.add(r.kind);
    for (const l of r.lrks) g.lrks.add(l);
    byGastouder.set(r.gastouder, g);
  }
  for (const r of regels) delete r.lrks;
  for (const [gastouder, g] of byGastouder) {
    const cent = g.kinderen.size === 1 ? fee.een : fee.meer;
    regels.push({ soort: 'bureaukosten', kind: null, gastouder, minuten: 0, tariefCent: cent, bedragCent: cent, lrk: lrkOf(g.lrks) });
  }
  return regels.sort(compareRegels);
}

const regelKey = (r) => `${r.soort}|${r.kind ?? ''}|${r.gastouder}|${r.tariefCent}`;

/** differenceRegels: what the month's urenkaarten give minus what its invoices billed (`billed` lines carry `factuur`). */
function differenceRegels(target, billed) {
  const sum = new Map();
  for (const r of billed) {
    const key = regelKey(r);
    let s = sum.get(key);
    if (!s) {
      s = {
        regel: {
          soort: r.soort,
          kind: r.kind,
          gastouder: r.gastouder,
          minuten: 0,
          tariefCent: r.tariefCent,
          bedragCent: 0,
          lrk: r.lrk ?? null,
        },
        laatste: r.factuur,
        perFactuur: new Map(),
      };
      sum.set(key, s);
    }
    s.regel.minuten += r.minuten;
    s.regel.bedragCent += r.bedragCent;
    if (r.factuur > s.laatste) {
      s.laatste = r.factuur;
      s.regel.lrk = r.lrk ?? s.regel.lrk;
    }
    const van = r.bedragCent < 0 || r.minuten < 0 ? (r.correctieOp ?? r.factuur) : r.factuur;
    const f = s.perFactuur.get(van) ?? { minuten: 0, bedragCent: 0, lrk: r.lrk ?? null };
    f.minuten += r.minuten;
    f.bedragCent += r.bedragCent;
    s.perFactuur.set(van, f);
  }
  const result = [];
  const push = (t, b, minuten, bedragCent) => {
    if (minuten === 0 && bedragCent === 0) return;
    if (!b || (minuten >= 0 && bedragCent >= 0)) {
      result.push({ ...t, minuten, bedragCent, correctieOp: b?.laatste ?? null });
      return;
    }
    // One earlier invoice per ouder and month here, so a credit takes back from that one.
    const bronnen = [...b.perFactuur.entries()].filter(([, f]) => f.minuten > 0 || f.bedragCent > 0);
    if (bronnen.length > 1) throw new Error('jaardata: een credit over meer facturen wordt niet nagebootst');
    result.push({ ...t, minuten, bedragCent, correctieOp: bronnen[0]?.[0] ?? b.laatste });
  };
  for (const t of target) {
    const key = regelKey(t);
    const b = sum.get(key);
    sum.delete(key);
    push(t, b, t.minuten - (b?.regel.minuten ?? 0), t.bedragCent - (b?.regel.bedragCent ?? 0));
  }
  for (const b of sum.values()) push(b.regel, b, -b.regel.minuten, -b.regel.bedragCent);
  return result.sort(compareRegels);
}

function perKind(regels) {
  const kinderen = new Map();
  const get = (kind) => {
    let k = kinderen.get(kind);
    if (!k) {
      k = { minuten: 0, kostenCent: 0 };
      kinderen.set(kind, k);
    }
    return k;
  };
  for (const r of regels) {
    if (r.kind === null) continue;
    const k = get(r.kind);
    if (r.soort === 'opvang') k.minuten += r.minuten;
    k.kostenCent += r.bedragCent;
  }
  for (const fee of regels.filter((r) => r.kind === null)) {
    const shares = regels.filter((r) => r.soort === 'opvang' && r.gastouder === fee.gastouder && r.kind !== null);
    const minuten = shares.reduce((s, r) => s + r.minuten, 0);
    if (shares.length === 0 || minuten === 0) continue;
    const parts = allocate(
      fee.bedragCent,
      shares.map((r) => r.minuten),
    );
    shares.forEach((r, i) => {
      get(r.kind).kostenCent += parts[i];
    });
  }
  return [...kinderen]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([kind, k]) => ({
      kind,
      minuten: k.minuten,
      kostenCent: k.kostenCent,
      gemiddeldUurprijsCent: k.minuten > 0 ? divRound(k.kostenCent * 60, k.minuten) : null,
    }));
}

const nummer = (jaar, n) => `${jaar}-${pad(n, 5)}`;

// --- the calendar of the year --------------------------------------------------------------

const maandVan = (m) => `${JAAR}-${pad(m)}`;

/** Day numbers of each weekday (1 = ma … 5 = vr) in month m of the year. */
function weekdagen(m) {
  const days = { 1: [], 2: [], 3: [], 4: [], 5: [] };
  const last = new Date(Date.UTC(JAAR, m, 0)).getUTCDate();
  for (let d = 1; d <= last; d++) {
    const dow = new Date(Date.UTC(JAAR, m - 1, d)).getUTCDay();
    if (dow >= 1 && dow <= 5) days[dow].push(d);
  }
  return days;
}

/** The date of the invoice run for care month m (m = 13: the run after December's): the first weekday from the 3rd of the next month. */
export function runDatum(m) {
  const d = new Date(Date.UTC(JAAR, m, 3));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function addDays(datum, n) {
  const d = new Date(`${datum}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function bsnGenerator(start) {
  let n = start;
  return () => {
    for (;;) {
      const digits = String(n++).padStart(8, '0');
      let s = 0;
      for (let i = 0; i < 8; i++) s += (9 - i) * Number(digits[i]);
      const last = s % 11;
      if (last < 10) return digits + last;
    }
  };
}

// --- the registry's additions ----------------------------------------------------------------

/**
 * BSNs, birth dates and partners; fees and rates raised from July; a second gastouder for some
 * children, care at home for some ouders, koppelingen ending in August. Returns the koppelingen
 * with everything the year needs of them.
 */
function enrichRegistry(db, rnd) {
  const bsn = bsnGenerator(10_000_000);
  const ouders = db.prepare('select code from ouder order by code').pluck().all();
  const setOuder = db.prepare(
    'update ouder set bsn = ?, geboortedatum = ?, partner_naam = ?, partner_bsn = ?, partner_geboortedatum = ? where code = ?',
  );
  let zonderBsn = 0;
  for (const code of ouders) {
    const n = Number(code.slice(1));
    const partner = rnd() < 0.6;
    setOuder.run(
      bsn(),
      `${1980 + (n % 15)}-${pad(1 + (n % 12))}-${pad(1 + (n % 28))}`,
      partner ? `Partner van ouder ${n}` : null,
      partner ? bsn() : null,
      partner ? `${1979 + (n % 17)}-${pad(1 + ((n + 5) % 12))}-${pad(1 + ((n + 3) % 28))}` : null,
      code,
    );
  }
  const setKind = db.prepare('update kind set bsn = ? where code = ?');
  for (const code of db.prepare('select code from kind where ouder is not null order by code').pluck().all()) {
    // A few children without a BSN yet: the jaaropgave says "ontbreekt" and warns.
    if (rnd() < 0.0005) zonderBsn++;
    else setKind.run(bsn(), code);
  }
  // The fees go up in July; the first half of the year keeps the old ones (maandbureaukosten).
  db.prepare('update bureau set bureaukosten_model = ?, bureaukosten_een_kind_cent = ?, bureaukosten_meer_kinderen_cent = ?').run(
    'maand',
    3100,
    6000,
  );

  const gastouders = db.prepare('select code from gastouder order by code').pluck().all();
  const koppelingen = db
    .prepare(
      `select kp.code, kp.kind, k.ouder, kp.gastouder, kp.uurtarief_cent as tarief, g.lrk
       from koppeling kp join kind k on k.code = kp.kind join gastouder g on g.code = kp.gastouder order by kp.code`,
    )
    .all();
  const rooster = new Map();
  for (const r of db.prepare('select koppeling, dag, van, tot from rooster where koppeling is not null').all()) {
    const list = rooster.get(r.koppeling) ?? [];
    list.push({ dow: DOW[r.dag], van: hm(r.van), tot: hm(r.tot) });
    rooster.set(r.koppeling, list);
  }
  const raise = db.prepare('update koppeling set uurtarief_cent = ? where code = ?');
  const thuis = db.prepare("update koppeling set opvanglocatie = 'ouder', lrk = ? where code = ?");
  const eind = db.prepare('update koppeling set eind = ?, opzegdatum = ? where code = ?');
  const insKP = db.prepare('insert into koppeling (code, kind, gastouder, start, uurtarief_cent) values (?, ?, ?, ?, ?)');
  const insR = db.prepare('insert into rooster (koppeling, kind, dag, van, tot) values (?, ?, ?, ?, ?)');
  const thuisOuders = new Map();
  let thuisLrk = 200_000_000;
  const out = [];
  const gIndex = new Map(gastouders.map((g, i) => [g, i]));
  for (const k of koppelingen) {
    const kp = { ...k, oud: k.tarief, nieuw: k.tarief, dagen: rooster.get(k.code) ?? [], tot: 12 };
    // A rate rise from July for one koppeling in ten: the first half keeps its rate (maandtarief).
    if (rnd() < 0.1) {
      kp.nieuw = k.tarief + 25;
      raise.run(kp.nieuw, k.code);
    }
    // Care at the ouder's home for one ouder in 200: its own LRK registration.
    if (!thuisOuders.has(k.ouder) && rnd() < 0.005) thuisOuders.set(k.ouder, String(++thuisLrk));
    if (thuisOuders.has(k.ouder)) {
      kp.lrk = thuisOuders.get(k.ouder);
      thuis.run(kp.lrk, k.code);
    }
    if (rnd() < 0.005) {
      kp.tot = 8;
      eind.run(`${JAAR}-08-31`, `${JAAR}-07-15`, k.code);
    }
    out.push(kp);
    // One child in a hundred also goes to the next gastouder, one day a week.
    if (rnd() < 0.01) {
      const vrij = [1, 2, 3, 4, 5].find((d) => !kp.dagen.some((x) => x.dow === d));
      const g = gastouders[(gIndex.get(k.gastouder) + 1) % gastouders.length];
      const code = `KPX${k.kind.slice(1)}`;
      const tarief = 750 + Math.floor(rnd() * 100);
      insKP.run(code, k.kind, g, `${JAAR}-01-01`, tarief);
      insR.run(code, null, Object.keys(DOW)[vrij - 1], '08:00', '17:00');
      if (kp.tot < 12) eind.run(`${JAAR}-08-31`, `${JAAR}-07-15`, code);
      out.push({
        code,
        kind: k.kind,
        ouder: k.ouder,
        gastouder: g,
        lrk: String(100000000 + gIndex.get(g) + 1),
        oud: tarief,
        nieuw: tarief,
        dagen: [{ dow: vrij, van: 480, tot: 1020 }],
        tot: kp.tot,
      });
    }
  }
  return { koppelingen: out, zonderBsn, thuisOuders: thuisOuders.size };
}

// --- the year --------------------------------------------------------------------------------

/** One koppeling's urenkaart lines of month m: [[day, van, tot], …] in day order, and their minutes. */
function urenkaart(kp, days) {
  const regels = [];
  for (const d of kp.dagen) for (const day of days[d.dow]) regels.push([day, d.van, d.tot]);
  regels.sort((a, b) => a[0] - b[0]);
  let minuten = 0;
  for (const r of regels) minuten += r[2] - r[1];
  return { regels, minuten };
}

/**
 * Write the year (or, with `stopAt` = m, everything dated before month m's run, plus month m's
 * urenkaarten; the invoices gob should then make are returned, for the check).
 */
export function generateYear(file, { seed = 7, correctieKans = 0.001, stopAt = null } = {}) {
  const db = new Database(file);
  // Built once and cached: no rollback journal needed (gob sets its own mode when it opens the file).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const rnd = random(seed);
  const stats = { facturen: 0, regels: 0, correcties: 0, credits: 0, urenkaarten: 0, totaalCent: 0 };
  let result = null;
  db.transaction(() => {
    const { koppelingen, zonderBsn, thuisOuders } = enrichRegistry(db, rnd);
    Object.assign(stats, { zonderBsn, thuisOuders, koppelingen: koppelingen.length });
    const bureau = db.prepare('select naam, adres, postcode, plaats, email, telefoon, kvk, lrk, iban, betaaltermijn from bureau').get();
    const { betaaltermijn, ...bureauGegevens } = bureau;
    const ouders = new Map(
      db
        .prepare('select code, naam, adres, postcode, plaats, iban, mandaat from ouder order by code')
        .all()
        .map((o) => [o.code, o]),
    );
    const kinderen = new Map(
      db
        .prepare('select code, naam, geboortedatum from kind')
        .all()
        .map((k) => [k.code, { naam: k.naam, geboortedatum: k.geboortedatum }]),
    );
    const gastouders = new Map(
      db
        .prepare('select code, naam, lrk from gastouder')
        .all()
        .map((g) => [g.code, { naam: g.naam, lrk: g.lrk }]),
    );
    const perOuder = new Map();
    for (const kp of koppelingen) {
      const list = perOuder.get(kp.ouder) ?? [];
      list.push(kp);
      perOuder.set(kp.ouder, list);
    }
    const ouderCodes = [...perOuder.keys()].sort();

    const insF = db.prepare(
      'insert into factuur (nummer, ouder, maand, datum, vervaldatum, correctie_van, totaal_cent, gegevens) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insR = db.prepare(
      'insert into factuurregel (factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent, correctie_op, lrk) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insU = db.prepare(
      'insert into urenkaart (maand, gastouder, kind, koppeling, minuten, regels, te_laat) values (?, ?, ?, ?, ?, ?, ?)',
    );
    const insMT = db.prepare('insert into maandtarief (maand, koppeling, uurtarief_cent) values (?, ?, ?)');
    const insMB = db.prepare(
      'insert into maandbureaukosten (maand, model, een_kind_cent, meer_kinderen_cent, uur) values (?, ?, ?, ?, null)',
    );
    const laatste = new Map();
    const nextNummer = (datum) => {
      const jaar = Number(datum.slice(0, 4));
      const n = (laatste.get(jaar) ?? 0) + 1;
      laatste.set(jaar, n);
      return nummer(jaar, n);
    };

    const snapshot = (ouder, alles, maand) => {
      const o = ouders.get(ouder);
      const kinderenG = {};
      const gastoudersG = {};
      for (const r of alles) {
        if (r.kind && kinderen.has(r.kind)) kinderenG[r.kind] = kinderen.get(r.kind);
        if (gastouders.has(r.gastouder)) gastoudersG[r.gastouder] = gastouders.get(r.gastouder);
      }
      return {
        bureau: bureauGegevens,
        ouder: { code: o.code, naam: o.naam, adres: o.adres, postcode: o.postcode, plaats: o.plaats },
        kinderen: kinderenG,
        gastouders: gastoudersG,
        overzicht: perKind(alles),
        toeslagMaximumCent: Number(maand.slice(0, 4)) === 2026 ? 849 : null,
        incasso: Boolean(o.iban && o.mandaat),
      };
    };

    /** Invoices as `factuur run` plans them, in ouder order: {ouder, regels, eerder, correctieVan}. */
    const plan = (maand, urenPerOuder, fee, billed) => {
      const planned = [];
      const codes = new Set([...urenPerOuder.keys(), ...(billed?.keys() ?? [])]);
      for (const ouder of [...codes].sort()) {
        const earlier = billed?.get(ouder);
        const regels = differenceRegels(targetRegels(urenPerOuder.get(ouder) ?? [], fee), earlier?.regels ?? []);
        if (regels.length === 0) continue;
        planned.push({ ouder, maand, regels, eerder: earlier?.regels ?? [], correctieVan: earlier?.laatste ?? null });
      }
      return planned;
    };

    const store = (planned, datum) => {
      const stored = new Map();
      const vervaldatum = addDays(datum, betaaltermijn);
      for (const p of planned) {
        p.nummer = nextNummer(datum);
        p.datum = datum;
        p.vervaldatum = vervaldatum;
        p.totaalCent = p.regels.reduce((s, r) => s + r.bedragCent, 0);
        const gegevens = JSON.stringify(snapshot(p.ouder, [...p.eerder, ...p.regels], p.maand));
        insF.run(p.nummer, p.ouder, p.maand, datum, vervaldatum, p.correctieVan, p.totaalCent, gegevens);
        p.regels.forEach((r, i) => {
          insR.run(
            p.nummer,
            i + 1,
            r.soort,
            r.kind,
            r.gastouder,
            r.minuten,
            r.tariefCent,
            r.bedragCent,
            r.correctieOp ?? null,
            r.lrk ?? null,
          );
        });
        stats.facturen++;
        stats.regels += p.regels.length;
        stats.totaalCent += p.totaalCent;
        if (p.correctieVan) {
          stats.correcties++;
          if (p.totaalCent < 0) stats.credits++;
        }
        stored.set(p.ouder, { regels: p.regels.map((r) => ({ ...r, factuur: p.nummer })), laatste: p.nummer });
      }
      return stored;
    };

    /** Each ouder's urenkaarten of month m: {maand, per ouder the lines for targetRegels, per koppeling the card}. */
    const month = (m) => {
      const days = weekdagen(m);
      const maand = maandVan(m);
      const kaarten = new Map();
      const urenPerOuder = new Map();
      for (const ouder of ouderCodes) {
        const uren = [];
        for (const kp of perOuder.get(ouder)) {
          if (m > kp.tot) continue;
          const kaart = urenkaart(kp, days);
          if (kaart.minuten === 0) continue;
          const tarief = m <= 6 ? kp.oud : kp.nieuw;
          kaarten.set(kp.code, { kp, ...kaart, teLaat: 0 });
          uren.push({ kind: kp.kind, gastouder: kp.gastouder, minuten: kaart.minuten, tarief, lrk: kp.lrk, koppeling: kp.code });
        }
        if (uren.length > 0) urenPerOuder.set(ouder, uren);
      }
      return { m, maand, fee: m <= 6 ? { een: 2950, meer: 5750 } : { een: 3100, meer: 6000 }, kaarten, urenPerOuder };
    };

    /** A late urenkaart for one ouder in a thousand: half an hour more, a day less, or a child's month gone. */
    const correct = (mo) => {
      const urenPerOuder = new Map();
      for (const [ouder, uren] of mo.urenPerOuder) {
        if (rnd() >= correctieKans) continue;
        const i = Math.floor(rnd() * uren.length);
        const u = uren[i];
        const kaart = mo.kaarten.get(u.koppeling);
        const soort = rnd();
        let nieuw;
        if (soort < 0.45) {
          const regels = kaart.regels.map((r, j) => (j === 0 ? [r[0], r[1] - 30, r[2]] : r));
          nieuw = { ...kaart, regels, minuten: kaart.minuten + 30, teLaat: 1 };
        } else if (soort < 0.9 && kaart.regels.length > 1) {
          const weg = kaart.regels.at(-1);
          nieuw = { ...kaart, regels: kaart.regels.slice(0, -1), minuten: kaart.minuten - (weg[2] - weg[1]), teLaat: 1 };
        } else nieuw = null;
        if (nieuw) mo.kaarten.set(u.koppeling, nieuw);
        else mo.kaarten.delete(u.koppeling);
        const rest = uren.filter((_, j) => j !== i);
        urenPerOuder.set(ouder, nieuw ? [...rest, { ...u, minuten: nieuw.minuten }] : rest);
      }
      return urenPerOuder;
    };

    const storeMonthData = (mo) => {
      insMB.run(mo.maand, 'maand', mo.fee.een, mo.fee.meer);
      for (const [code, kaart] of mo.kaarten) {
        insMT.run(mo.maand, code, mo.m <= 6 ? kaart.kp.oud : kaart.kp.nieuw);
      }
    };
    const storeUren = (mo) => {
      for (const [code, kaart] of mo.kaarten) {
        insU.run(mo.maand, kaart.kp.gastouder, kaart.kp.kind, code, kaart.minuten, JSON.stringify(kaart.regels), kaart.teLaat);
        stats.urenkaarten++;
      }
    };

    let vorige = null;
    for (let m = 1; m <= 13; m++) {
      const datum = runDatum(m);
      if (m === stopAt) {
        // The check: month m's urenkaarten stored, its invoices and corrections only planned.
        const mo = month(m);
        storeUren(mo);
        const regular = plan(mo.maand, mo.urenPerOuder, mo.fee, null);
        // Numbers as gob will take them; not taken here.
        const jaar = Number(datum.slice(0, 4));
        const nummers = regular.map((_, i) => nummer(jaar, (laatste.get(jaar) ?? 0) + i + 1));
        const billed = new Map();
        regular.forEach((p, i) => {
          p.nummer = nummers[i];
          billed.set(p.ouder, { regels: p.regels.map((r) => ({ ...r, factuur: p.nummer })), laatste: p.nummer });
        });
        const changed = correct(mo);
        const corrections = plan(mo.maand, changed, mo.fee, new Map([...changed.keys()].map((o) => [o, billed.get(o)])));
        for (const p of [...regular, ...corrections]) p.gegevens = snapshot(p.ouder, [...p.eerder, ...p.regels], p.maand);
        result = { maand: mo.maand, datum, correctieDatum: runDatum(m + 1), regular, kaarten: mo.kaarten, corrections };
        break;
      }
      let mo = null;
      if (m <= 12) {
        mo = month(m);
        const billed = store(plan(mo.maand, mo.urenPerOuder, mo.fee, null), datum);
        storeMonthData(mo);
        mo.billed = billed;
      }
      if (vorige) {
        const changed = correct(vorige);
        const billed = new Map([...changed.keys()].map((o) => [o, vorige.billed.get(o)]));
        store(plan(vorige.maand, changed, vorige.fee, billed), datum);
        storeUren(vorige);
      }
      vorige = mo;
    }
    const setNummer = db.prepare(
      "insert into nummering (soort, jaar, laatste) values ('factuur', ?, ?) on conflict (soort, jaar) do update set laatste = excluded.laatste",
    );
    for (const [jaar, n] of laatste) setNummer.run(jaar, n);
  })();
  db.close();
  return { stats, check: result };
}

/** The registry (bench/bureau.mjs) and the year, in `dir` (gob's data/gob.sqlite). */
export function buildYearBureau(dir, { gastouders, seed = 42, ...options }) {
  const bureau = buildBureau(dir, { gastouders, seed, kinderenPerGastouder: 5, kinderenPerOuder: 2 });
  const year = generateYear(path.join(dir, 'data', 'gob.sqlite'), options);
  return { ...bureau, ...year };
}

// --- the check: the generator against gob on a small bureau --------------------------------

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  return value;
}

function assertEqual(what, actual, expected) {
  const a = JSON.stringify(sortKeys(actual));
  const e = JSON.stringify(sortKeys(expected));
  if (a !== e) throw new Error(`${what} verschilt:\n  gob:       ${a.slice(0, 1500)}\n  generator: ${e.slice(0, 1500)}`);
}

const dbRegels = (db, nummer) =>
  db
    .prepare(
      'select soort, kind, gastouder, minuten, tarief_cent as tariefCent, bedrag_cent as bedragCent, correctie_op as correctieOp, lrk from factuurregel where factuur = ? order by volgnummer',
    )
    .all(nummer);
const planRegels = (p) =>
  p.regels.map((r) => ({
    soort: r.soort,
    kind: r.kind,
    gastouder: r.gastouder,
    minuten: r.minuten,
    tariefCent: r.tariefCent,
    bedragCent: r.bedragCent,
    correctieOp: r.correctieOp ?? null,
    lrk: r.lrk ?? null,
  }));

/**
 * Month 10 of a small bureau: the generator's urenkaarten invoiced by `gob factuur run` must give
 * exactly the generator's invoices (numbers, lines, snapshot); then its late urenkaarten, invoiced
 * by gob, the generator's corrections. Then the whole year of that bureau, checked for what
 * the bench relies on: every invoice's total is the sum of its lines, numbers gapless, `factuur show` works.
 */
export function checkGenerator() {
  const dir = tempDir('jaardata-check');
  const db = path.join(dir, 'data', 'gob.sqlite');
  buildBureau(dir, { gastouders: 600, seed: 42, kinderenPerGastouder: 5, kinderenPerOuder: 2 });
  const { check } = generateYear(db, { stopAt: 10, correctieKans: 0.05 });
  gobSync(dir, ['factuur', 'run', '--maand', check.maand, '--datum', check.datum], { GOB_TODAY: check.datum });
  let sqlite = new Database(db, { readonly: true });
  const made = sqlite.prepare('select * from factuur where maand = ? order by ouder').all(check.maand);
  if (made.length !== check.regular.length) throw new Error(`gob maakte ${made.length} facturen, de generator ${check.regular.length}`);
  check.regular.forEach((p, i) => {
    const f = made[i];
    assertEqual(
      `factuur ${f.nummer}`,
      { nummer: f.nummer, ouder: f.ouder, correctieVan: f.correctie_van, totaal: f.totaal_cent, regels: dbRegels(sqlite, f.nummer) },
      {
        nummer: p.nummer,
        ouder: p.ouder,
        correctieVan: null,
        totaal: p.regels.reduce((s, r) => s + r.bedragCent, 0),
        regels: planRegels(p),
      },
    );
    assertEqual(`gegevens van ${f.nummer}`, JSON.parse(f.gegevens), p.gegevens);
  });
  const tarieven = sqlite.prepare('select count(*) from maandtarief where maand = ?').pluck().get(check.maand);
  sqlite.close();
  // The late urenkaarten of the month replace the old ones, and gob invoices the difference.
  const rw = new Database(db);
  rw.prepare('delete from urenkaart where maand = ?').run(check.maand);
  const insU = rw.prepare(
    'insert into urenkaart (maand, gastouder, kind, koppeling, minuten, regels, te_laat) values (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [code, k] of check.kaarten)
    insU.run(check.maand, k.kp.gastouder, k.kp.kind, code, k.minuten, JSON.stringify(k.regels), k.teLaat);
  rw.close();
  gobSync(dir, ['factuur', 'run', '--maand', check.maand, '--datum', check.correctieDatum], { GOB_TODAY: check.correctieDatum });
  sqlite = new Database(db, { readonly: true });
  const corrections = sqlite.prepare('select * from factuur where maand = ? and correctie_van is not null order by ouder').all(check.maand);
  if (corrections.length !== check.corrections.length || corrections.length === 0)
    throw new Error(`gob maakte ${corrections.length} correcties, de generator ${check.corrections.length}`);
  check.corrections.forEach((p, i) => {
    const f = corrections[i];
    assertEqual(
      `correctie ${f.nummer}`,
      { ouder: f.ouder, correctieVan: f.correctie_van, totaal: f.totaal_cent, regels: dbRegels(sqlite, f.nummer) },
      { ouder: p.ouder, correctieVan: p.correctieVan, totaal: p.regels.reduce((s, r) => s + r.bedragCent, 0), regels: planRegels(p) },
    );
    assertEqual(`gegevens van ${f.nummer}`, JSON.parse(f.gegevens), p.gegevens);
  });
  const tweeGastouders = check.regular.filter((p) => new Set(p.regels.map((r) => r.gastouder)).size > 1).length;
  const thuis = check.regular.filter((p) => p.regels.some((r) => r.lrk?.startsWith('2'))).length;
  const soorten = new Set(check.corrections.map((p) => `${p.regels.length}:${Math.sign(p.regels.reduce((s, r) => s + r.bedragCent, 0))}`));
  sqlite.close();
  console.log(
    `generator = gob voor ${check.maand}: ${check.regular.length} facturen, ${check.corrections.length} correcties (${[...soorten].join(' ')}), ${tarieven} bevroren tarieven; ${tweeGastouders} met twee gastouders, ${thuis} met opvang thuis`,
  );
  fs.rmSync(dir, { recursive: true, force: true });

  // The whole year of a small bureau.
  const year = tempDir('jaardata-jaar');
  const { stats } = buildYearBureau(year, { gastouders: 600, correctieKans: 0.05 });
  const shown = checkYear(year, stats);
  console.log(`jaar: ${JSON.stringify(stats)}; factuur show van ${shown.join(', ')}`);
  fs.rmSync(year, { recursive: true, force: true });
}

/** Counts, totals = sums of lines, gapless numbers and the nummering table, and `factuur show` of one of each kind. */
export function checkYear(dir, stats, env = { GOB_TODAY: '2027-02-15' }) {
  const sqlite = new Database(path.join(dir, 'data', 'gob.sqlite'), { readonly: true });
  const one = (sql, ...args) =>
    sqlite
      .prepare(sql)
      .pluck()
      .get(...args);
  const facturen = one('select count(*) from factuur');
  const regels = one('select count(*) from factuurregel');
  if (facturen !== stats.facturen || regels !== stats.regels)
    throw new Error(`telling: ${facturen}/${regels} tegen ${stats.facturen}/${stats.regels}`);
  const scheef = one(
    'select count(*) from factuur f where totaal_cent != (select coalesce(sum(bedrag_cent), 0) from factuurregel r where r.factuur = f.nummer)',
  );
  if (scheef !== 0) throw new Error(`${scheef} facturen waarvan het totaal niet de som van de regels is`);
  for (const { jaar, laatste } of sqlite.prepare("select jaar, laatste from nummering where soort = 'factuur'").all()) {
    const n = one("select count(*) from factuur where nummer like ? || '-%'", String(jaar));
    const max = one("select max(cast(substr(nummer, 6) as integer)) from factuur where nummer like ? || '-%'", String(jaar));
    if (n !== laatste || max !== laatste) throw new Error(`nummers ${jaar}: ${n} facturen, hoogste ${max}, nummering ${laatste}`);
  }
  const totaal = one('select sum(totaal_cent) from factuur');
  if (totaal !== stats.totaalCent) throw new Error(`totaal ${totaal} tegen ${stats.totaalCent}`);
  const voorbeelden = [
    one('select nummer from factuur where correctie_van is null order by rowid limit 1'),
    one(
      'select f.nummer from factuur f where correctie_van is null and (select count(distinct gastouder) from factuurregel r where r.factuur = f.nummer) > 1 order by rowid limit 1',
    ),
    one('select nummer from factuur where correctie_van is not null and totaal_cent > 0 order by rowid limit 1'),
    one('select nummer from factuur where correctie_van is not null and totaal_cent < 0 order by rowid limit 1'),
  ].filter(Boolean);
  sqlite.close();
  for (const nummer of voorbeelden) {
    const shown = JSON.parse(gobSync(dir, ['factuur', 'show', nummer, '--json'], env));
    if (shown.totaalCent !== shown.regels.reduce((s, r) => s + r.bedragCent, 0)) throw new Error(`factuur show ${nummer}: totaal ≠ regels`);
    gobSync(dir, ['factuur', 'show', nummer], env);
  }
  return voorbeelden;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--check')) checkGenerator();
