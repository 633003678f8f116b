import { addMonthsToMaand, type Maand } from '../../domain/calendar.js';
import type { Jaarregelbron } from '../../domain/jaaropgave.js';
import { sql } from 'kysely';
import { inValues, isPostgres } from '../dialect.js';
import { type Db, rawHandle } from '../open.js';
import { copyRows } from '../pgcopy.js';
import type { JaaropgaveRow, NewJaaropgave } from '../tables/jaaropgave.js';

/** One ouder's invoice lines for the months of a year. */
export interface OuderJaar {
  ouder: string;
  lines: Jaarregelbron[];
}

type Cells = [Maand, Jaarregelbron['soort'], string | null, string, number, number, string | null][];

function ouderJaar(ouder: string, json: string): OuderJaar {
  const cells = JSON.parse(json) as Cells;
  return {
    ouder,
    lines: cells.map(([maand, soort, kind, gastouder, minuten, bedragCent, lrk]) => ({
      maand,
      soort,
      kind,
      gastouder,
      minuten,
      bedragCent,
      lrk,
    })),
  };
}

/**
 * The invoice lines of every ouder for the care months `van` up to and including `tot` (a
 * December correction invoiced in January counts for December), one ouder at a time in code
 * order. Each ouder's lines come as one JSON array: fetching 1.4 million lines cell by cell (a JS
 * string made per cell) was most of the time of `jaaropgave run` and `toeslag export` for 44,000
 * ouders; one parse per ouder is a third less, and an ouder is parsed only when she is reached.
 *
 * On SQLite a generator over one raw statement: a year of a large bureau is 530,000 invoices, and
 * its lines are never all in memory at once. On PostgreSQL one query, whose rows (one JSON text
 * per ouder) are fetched before the first is handed over.
 */
export async function yearLines(db: Db, van: Maand, tot: Maand, ouder?: string): Promise<Iterable<OuderJaar>> {
  if (isPostgres(db)) {
    const rows = await sql<{ ouder: string; regels: string }>`
      select f.ouder as ouder,
        json_agg(json_build_array(f.maand, r.soort, r.kind, r.gastouder, r.minuten, r.bedrag_cent, r.lrk)
          order by f.maand, f.nummer, r.volgnummer)::text as regels
      from factuur f join factuurregel r on r.factuur = f.nummer
      where f.maand between ${van} and ${tot} ${ouder === undefined ? sql`` : sql`and f.ouder = ${ouder}`}
      group by f.ouder
      order by f.ouder`.execute(db);
    return {
      *[Symbol.iterator]() {
        for (const row of rows.rows) yield ouderJaar(row.ouder, row.regels);
      },
    };
  }
  return {
    *[Symbol.iterator]() {
      const rows = rawHandle(db)
        .prepare(
          `select f.ouder, json_group_array(json_array(f.maand, r.soort, r.kind, r.gastouder, r.minuten, r.bedrag_cent, r.lrk))
           from factuur f join factuurregel r on r.factuur = f.nummer
           where f.maand between ? and ? ${ouder === undefined ? '' : 'and f.ouder = ?'}
           group by f.ouder
           order by f.ouder`,
        )
        .raw()
        .iterate(...(ouder === undefined ? [van, tot] : [van, tot, ouder])) as IterableIterator<[string, string]>;
      for (const [o, json] of rows) yield ouderJaar(o, json);
    },
  };
}

/** What `jaaropgave run` needs of the invoices of months `van`..`tot`. */
export interface InvoiceTotals {
  /** Per ouder, the sum of the totals of her invoices (what a jaaropgave must add up to). */
  totals: Map<string, number>;
  /** The date of the latest of those invoices, and the latest care month among them; null without invoices. */
  laatsteDatum: string | null;
  laatsteMaand: Maand | null;
}

/**
 * Per ouder, the sum of the totals of her invoices for months `van`..`tot`, and the latest date and
 * month among them: taken in the same pass over the year's invoices (a large bureau has 530,000).
 */
export async function invoiceTotals(db: Db, van: Maand, tot: Maand): Promise<InvoiceTotals> {
  const rows = await db
    .selectFrom('factuur')
    .select((eb) => [
      'ouder',
      eb.fn.sum<number>('totaal_cent').as('totaal'),
      eb.fn.max('datum').as('datum'),
      eb.fn.max('maand').as('maand'),
    ])
    .where('maand', '>=', van)
    .where('maand', '<=', tot)
    .groupBy('ouder')
    .execute();
  let laatsteDatum: string | null = null;
  let laatsteMaand: Maand | null = null;
  for (const r of rows) {
    if (laatsteDatum === null || r.datum > laatsteDatum) laatsteDatum = r.datum;
    if (laatsteMaand === null || r.maand > laatsteMaand) laatsteMaand = r.maand as Maand;
  }
  return { totals: new Map(rows.map((r) => [r.ouder, Number(r.totaal)])), laatsteDatum, laatsteMaand };
}

/** The latest dated jaaropgave (any version) of a year; undefined when none was made. */
export async function latestJaaropgaveDatum(db: Db, jaar: number): Promise<Pick<JaaropgaveRow, 'nummer' | 'versie' | 'datum'> | undefined> {
  return db
    .selectFrom('jaaropgave')
    .select(['nummer', 'versie', 'datum'])
    .where('jaar', '=', jaar)
    .orderBy('datum', 'desc')
    .orderBy('nummer', 'desc')
    .orderBy('versie', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Months from `van` to `tot` with urenkaarten but not a single invoice: a year not fully invoiced. */
export async function uninvoicedMonths(db: Db, van: Maand, tot: Maand): Promise<Maand[]> {
  const maanden: Maand[] = [];
  for (let m = van; m <= tot; m = addMonthsToMaand(m, 1)) maanden.push(m);
  // Two index look-ups per month: a distinct over the year's urenkaarten read every one of them
  // with its lines (~900,000 in a large bureau, half a second).
  if (isPostgres(db)) {
    const rows = await sql<{ maand: Maand }>`
      select m.maand from unnest(${maanden}::text[]) as m(maand)
      where exists (select 1 from urenkaart where maand = m.maand) and not exists (select 1 from factuur where maand = m.maand)
      order by m.maand`.execute(db);
    return rows.rows.map((r) => r.maand);
  }
  const month = rawHandle(db)
    .prepare('select exists (select 1 from urenkaart where maand = ?) and not exists (select 1 from factuur where maand = ?)')
    .pluck();
  return maanden.filter((m) => month.get(m, m) === 1);
}

/** `jaaropgave as j` is the latest version of its number. */
const LATEST = sql<boolean>`j.versie = (select max(l.versie) from jaaropgave l where l.nummer = j.nummer)`;

/** The latest version of every jaaropgave of a year, by ouder. */
export async function latestVersions(db: Db, jaar: number): Promise<Map<string, Pick<JaaropgaveRow, 'nummer' | 'versie' | 'kenmerk'>>> {
  const rows = await db
    .selectFrom('jaaropgave as j')
    .select(['j.ouder', 'j.nummer', 'j.versie', 'j.kenmerk'])
    .where('j.jaar', '=', jaar)
    .where(LATEST)
    .execute();
  return new Map(rows.map((r) => [r.ouder, { nummer: r.nummer, versie: r.versie, kenmerk: r.kenmerk }]));
}

/** Store jaaropgaven in the caller's transaction (a year is 44,000 of them): raw prepared statements on SQLite, a COPY on PostgreSQL. */
export async function insertJaaropgaven(db: Db, rows: NewJaaropgave[]): Promise<void> {
  const columns = ['nummer', 'versie', 'jaar', 'ouder', 'datum', 'minuten', 'totaal_cent', 'kenmerk', 'gegevens'] as const;
  if (isPostgres(db)) {
    await copyRows(
      db,
      'jaaropgave',
      columns,
      rows.map((r) => columns.map((c) => r[c])),
    );
    return;
  }
  const insert = rawHandle(db).prepare(
    'insert into jaaropgave (nummer, versie, jaar, ouder, datum, minuten, totaal_cent, kenmerk, gegevens) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(r.nummer, r.versie, r.jaar, r.ouder, r.datum, r.minuten, r.totaal_cent, r.kenmerk, r.gegevens);
}

/** Every version (or only the latest of each number), by number and version. */
export async function listJaaropgaven(
  db: Db,
  filter: { jaar?: number; ouder?: string; nummer?: string; nummers?: readonly string[]; alleenLaatste?: boolean },
): Promise<JaaropgaveRow[]> {
  let q = db.selectFrom('jaaropgave as j').selectAll().orderBy('j.nummer').orderBy('j.versie');
  if (filter.jaar !== undefined) q = q.where('j.jaar', '=', filter.jaar);
  if (filter.ouder !== undefined) q = q.where('j.ouder', '=', filter.ouder);
  if (filter.nummer !== undefined) q = q.where('j.nummer', '=', filter.nummer);
  if (filter.nummers !== undefined) q = q.where('j.nummer', 'in', inValues(db, filter.nummers));
  if (filter.alleenLaatste) q = q.where(LATEST);
  return q.execute();
}

/** What a jaaropgave shows of the people in it, as they are now (it keeps a snapshot when made). */
export async function jaaropgaveNames(db: Db) {
  const [ouders, kinderen, gastouders] = await Promise.all([
    db
      .selectFrom('ouder')
      .select([
        'code',
        'naam',
        'adres',
        'postcode',
        'plaats',
        'geboortedatum',
        'bsn',
        'partner_naam',
        'partner_bsn',
        'partner_geboortedatum',
      ])
      .execute(),
    db.selectFrom('kind').select(['code', 'naam', 'geboortedatum', 'bsn', 'ouder']).execute(),
    db.selectFrom('gastouder').select(['code', 'naam', 'geboortedatum', 'lrk']).execute(),
  ]);
  return { ouders, kinderen, gastouders };
}
