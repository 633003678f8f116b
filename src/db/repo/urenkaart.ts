import { type Maand, minutesToTime } from '../../domain/calendar.js';
import { compareFields } from '../../domain/order.js';
import { nummerOrder } from './factuur.js';
import type { Urenkaart, UrenReference } from '../../domain/urenkaart.js';
import { inValues, isPostgres } from '../dialect.js';
import { type Db, rawHandle } from '../open.js';
import { copyRows } from '../pgcopy.js';
import type { PackedUrenregel } from '../tables/urenkaart.js';

/** Everything an urenkaart line is checked against, in four queries. */
export async function loadUrenReference(db: Db): Promise<UrenReference> {
  const [gastouders, kinderen, koppelingen, bureau] = await Promise.all([
    db.selectFrom('gastouder').select(['code', 'achterwacht', 'slaapruimte', 'ervaring_sinds']).execute(),
    db.selectFrom('kind').select(['code', 'geboortedatum', 'eigen_kind_van']).execute(),
    db.selectFrom('koppeling').select(['code', 'kind', 'gastouder', 'start', 'eind', 'opvanglocatie']).execute(),
    db.selectFrom('bureau').select(['deadline_dag', 'beginner_max']).executeTakeFirstOrThrow(),
  ]);
  const byPair = new Map<string, Map<string, { code: string; start: string; eind: string | null }[]>>();
  for (const k of koppelingen) {
    let byGastouder = byPair.get(k.kind);
    if (!byGastouder) {
      byGastouder = new Map();
      byPair.set(k.kind, byGastouder);
    }
    const list = byGastouder.get(k.gastouder);
    if (list) list.push(k);
    else byGastouder.set(k.gastouder, [k]);
  }
  return {
    gastouders: new Map(
      gastouders.map((g) => [
        g.code,
        {
          code: g.code,
          achterwacht: (g.achterwacht ?? '').trim() !== '',
          slaapruimte: g.slaapruimte === 1,
          ervaringSinds: g.ervaring_sinds,
          beginnerMax: bureau.beginner_max,
        },
      ]),
    ),
    kinderen: new Map(
      kinderen.map((k) => [k.code, { eigen: k.eigen_kind_van !== null, geboortedatum: k.geboortedatum, eigenKindVan: k.eigen_kind_van }]),
    ),
    koppelingen: byPair,
    bijOuder: new Set(koppelingen.filter((k) => k.opvanglocatie === 'ouder').map((k) => k.code)),
    deadlineDag: bureau.deadline_dag,
  };
}

/** One line of an urenkaart, unpacked. */
export interface Urenregel {
  maand: Maand;
  gastouder: string;
  kind: string;
  koppeling: string;
  datum: string;
  van: string;
  tot: string;
  minuten: number;
  opmerking: string | null;
  teLaat: boolean;
}

/** The date of a packed line's day (PackedUrenregel) in its urenkaart's month. */
export function datumInMaand(maand: string, day: number): string {
  return `${maand}-${String(day).padStart(2, '0')}`;
}

/** Add a stored urenkaart's minutes per date (its packed `regels`) to `perDatum`. */
export function telMinutenPerDatum(perDatum: Map<string, number>, maand: string, regels: string): void {
  for (const [day, van, tot] of JSON.parse(regels) as PackedUrenregel[]) {
    const datum = datumInMaand(maand, day);
    perDatum.set(datum, (perDatum.get(datum) ?? 0) + tot - van);
  }
}

/** A stored urenkaart's packed lines as readable lines (dates, HH:MM, minutes): also what inzage gives. */
export function unpack(row: {
  maand: string;
  gastouder: string;
  kind: string;
  koppeling: string;
  regels: string;
  te_laat: number;
}): Urenregel[] {
  return (JSON.parse(row.regels) as PackedUrenregel[]).map(([day, van, tot, opmerking]) => ({
    maand: row.maand,
    gastouder: row.gastouder,
    kind: row.kind,
    koppeling: row.koppeling,
    datum: datumInMaand(row.maand, day),
    van: minutesToTime(van),
    tot: minutesToTime(tot),
    minuten: tot - van,
    opmerking: opmerking ?? null,
    teLaat: row.te_laat === 1,
  }));
}

/** The lines of a month that an import keeps: those of gastouders not in the file. */
export async function otherGastoudersLines(db: Db, maand: Maand, replaced: string[]): Promise<Urenregel[]> {
  const rows = await db
    .selectFrom('urenkaart')
    .selectAll()
    .where('maand', '=', maand)
    .where('gastouder', 'not in', inValues(db, replaced))
    // SQLite's order (the urenkaart key's), said for PostgreSQL.
    .$if(isPostgres(db), (q) => q.orderBy('gastouder').orderBy('kind').orderBy('koppeling'))
    .execute();
  return rows.flatMap(unpack);
}

export async function invoicedMonth(db: Db, maand: Maand): Promise<string | null> {
  const row = await db
    .selectFrom('factuur')
    .select('nummer')
    .where('maand', '=', maand)
    .orderBy(nummerOrder(db, 'nummer'))
    .executeTakeFirst();
  return row?.nummer ?? null;
}

/** Names of the given gastouders, for a report. */
export async function gastouderNamen(db: Db, codes: string[]): Promise<{ code: string; naam: string }[]> {
  return db.selectFrom('gastouder').select(['code', 'naam']).where('code', 'in', inValues(db, codes)).execute();
}

/**
 * Replace the month's urenkaarten of the given gastouders, inside the caller's transaction. On
 * SQLite raw prepared statements on the same connection: for 44,000 urenkaarten Kysely spent more
 * time building SQL than SQLite spent storing. On PostgreSQL one delete and one COPY.
 */
export async function replaceUrenkaarten(
  db: Db,
  maand: Maand,
  gastouders: string[],
  urenkaarten: Iterable<Urenkaart>,
  teLaat: boolean,
): Promise<number> {
  const late = teLaat ? 1 : 0;
  if (isPostgres(db)) {
    await db.deleteFrom('urenkaart').where('maand', '=', maand).where('gastouder', 'in', inValues(db, gastouders)).execute();
    return copyRows(
      db,
      'urenkaart',
      ['maand', 'gastouder', 'kind', 'koppeling', 'minuten', 'regels', 'te_laat'],
      (function* () {
        for (const u of urenkaarten) yield [maand, u.gastouder, u.kind, u.koppeling, u.minuten, JSON.stringify(u.regels), late];
      })(),
    );
  }
  const sqlite = rawHandle(db);
  sqlite
    .prepare('delete from urenkaart where maand = ? and gastouder in (select value from json_each(?))')
    .run(maand, JSON.stringify(gastouders));
  const insert = sqlite.prepare(
    'insert into urenkaart (maand, gastouder, kind, koppeling, minuten, regels, te_laat) values (?, ?, ?, ?, ?, ?, ?)',
  );
  let n = 0;
  for (const u of urenkaarten) {
    insert.run(maand, u.gastouder, u.kind, u.koppeling, u.minuten, JSON.stringify(u.regels), late);
    n++;
  }
  return n;
}

/** The minutes per gastouder and kind that `maand` has already, of the given gastouders. */
export async function urenPerPaar(
  db: Db,
  maand: Maand,
  gastouders: string[],
): Promise<{ gastouder: string; kind: string; minuten: number }[]> {
  return db
    .selectFrom('urenkaart')
    .select(['gastouder', 'kind', (eb) => eb.fn.sum<number>('minuten').as('minuten')])
    .where('maand', '=', maand)
    .where('gastouder', 'in', inValues(db, gastouders))
    .groupBy(['gastouder', 'kind'])
    .orderBy('gastouder')
    .orderBy('kind')
    .execute();
}

export interface UrenFilter {
  maand: Maand;
  gastouder?: string;
  kind?: string;
}

/** The lines of a month, in order of gastouder, kind, date and time. */
export async function listUren(db: Db, filter: UrenFilter): Promise<Urenregel[]> {
  let q = db.selectFrom('urenkaart').selectAll().where('maand', '=', filter.maand);
  if (filter.gastouder) q = q.where('gastouder', '=', filter.gastouder);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  const lines = (await q.execute()).flatMap(unpack);
  return lines.sort((a, b) => compareFields(a, b, ['gastouder', 'kind', 'datum', 'van']));
}

/** The (gastouder, kind) pairs with urenkaart lines in a month, as `gastouder|kind`: one query, whatever the size. */
export async function geleverdeParen(db: Db, maand: Maand): Promise<Set<string>> {
  const rows = await db.selectFrom('urenkaart').select(['gastouder', 'kind']).distinct().where('maand', '=', maand).execute();
  return new Set(rows.map((r) => `${r.gastouder}|${r.kind}`));
}

/** Name, e-mail and phone of the given gastouders and the names of the given kinderen (only those a report names). */
export async function contactGegevens(db: Db, gastouders: string[], kinderen: string[]) {
  const [g, k] = await Promise.all([
    db.selectFrom('gastouder').select(['code', 'naam', 'email', 'telefoon']).where('code', 'in', inValues(db, gastouders)).execute(),
    db.selectFrom('kind').select(['code', 'naam']).where('code', 'in', inValues(db, kinderen)).execute(),
  ]);
  return { gastouders: new Map(g.map((r) => [r.code, r])), kinderen: new Map(k.map((r) => [r.code, r.naam])) };
}

/** A month's urenkaart minutes per date, per gastouder × kind (summed over the koppelingen of the pair). */
export async function urenPerDatum(db: Db, maand: Maand): Promise<{ gastouder: string; kind: string; perDatum: Map<string, number> }[]> {
  const rows = await db
    .selectFrom('urenkaart')
    .select(['gastouder', 'kind', 'regels'])
    .where('maand', '=', maand)
    .$if(isPostgres(db), (q) => q.orderBy('gastouder').orderBy('kind').orderBy('koppeling'))
    .execute();
  const byPair = new Map<string, { gastouder: string; kind: string; perDatum: Map<string, number> }>();
  for (const row of rows) {
    const key = `${row.gastouder}|${row.kind}`;
    let pair = byPair.get(key);
    if (!pair) {
      pair = { gastouder: row.gastouder, kind: row.kind, perDatum: new Map() };
      byPair.set(key, pair);
    }
    telMinutenPerDatum(pair.perDatum, maand, row.regels);
  }
  return [...byPair.values()];
}

/**
 * The dates of a koppeling's urenkaart lines in the months `van` … `tot` (inclusive; without `tot`:
 * to the last), sorted. The months bound the scan: urenkaart has no index on koppeling, and the
 * callers know where the dates they ask about can lie.
 */
export async function urenkaartDatums(db: Db, koppeling: string, van: Maand, tot?: Maand): Promise<string[]> {
  const rows = await db
    .selectFrom('urenkaart')
    .select(['maand', 'regels'])
    .where('maand', '>=', van)
    .$if(tot !== undefined, (q) => q.where('maand', '<=', tot!))
    .where('koppeling', '=', koppeling)
    .execute();
  const datums = new Set<string>();
  for (const row of rows) for (const [day] of JSON.parse(row.regels) as PackedUrenregel[]) datums.add(datumInMaand(row.maand, day));
  return [...datums].sort();
}

/** The months in which a koppeling has an urenkaart, from `van` on. */
export async function urenkaartMaanden(db: Db, koppeling: string, van: Maand): Promise<string[]> {
  const rows = await db
    .selectFrom('urenkaart')
    .select('maand')
    .distinct()
    .where('maand', '>=', van)
    .where('koppeling', '=', koppeling)
    .orderBy('maand')
    .execute();
  return rows.map((r) => r.maand);
}

/** A gastouder's urenkaart dates after `na`, per koppeling (for `gastouder end`). */
export async function gastouderUrenNa(db: Db, gastouder: string, na: string): Promise<{ koppeling: string; datums: string[] }[]> {
  const rows = await db
    .selectFrom('urenkaart')
    .select(['maand', 'koppeling', 'regels'])
    .where('maand', '>=', na.slice(0, 7))
    .where('gastouder', '=', gastouder)
    .execute();
  const per = new Map<string, Set<string>>();
  for (const row of rows)
    for (const [day] of JSON.parse(row.regels) as PackedUrenregel[]) {
      const datum = datumInMaand(row.maand, day);
      if (datum <= na) continue;
      const set = per.get(row.koppeling) ?? new Set<string>();
      per.set(row.koppeling, set.add(datum));
    }
  return [...per].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([koppeling, datums]) => ({ koppeling, datums: [...datums].sort() }));
}
