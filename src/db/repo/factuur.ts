import type { GefactureerdeRegel, Factuurregel, Uren } from '../../domain/billing.js';
import type { Maand } from '../../domain/calendar.js';
import { sql } from 'kysely';
import { inValues, isPostgres } from '../dialect.js';
import { type Db, rawHandle } from '../open.js';
import { copyRows } from '../pgcopy.js';
import type { FactuurRow, FactuurregelRow, NewFactuur } from '../tables/factuur.js';
import type { MaandbureaukostenTable } from '../tables/maandtarief.js';
import { compareNummer, type Nummerreeks } from '../../domain/nummers.js';

/**
 * Order by a number of a series as compareNummer does (year, then the number as a number), for the
 * one-dash series of invoices (2026-00001) and payouts (U2026-00001): the part up to the dash,
 * then the number padded to 12 digits, in byte order on both databases.
 */
export function nummerOrder(db: Db, column: 'nummer' | 'f.nummer') {
  const c = sql.ref(column);
  return isPostgres(db)
    ? sql<string>`(substr(${c}, 1, strpos(${c}, '-')) || lpad(cast(substr(${c}, strpos(${c}, '-') + 1) as bigint)::text, 12, '0')) collate "C"`
    : sql<string>`substr(${c}, 1, instr(${c}, '-')) || printf('%012d', cast(substr(${c}, instr(${c}, '-') + 1) as integer))`;
}

/** A month's care with what the LRK check needs: whose registration it is under, and names for the message. */
export interface MonthUren extends Uren {
  koppeling: string;
  opvanglocatie: 'gastouder' | 'ouder';
  gastouderNaam: string;
}

/**
 * The month's urenkaarten priced with the child's ouder: at the rate the month was first invoiced
 * at (maandtarief), else at the koppeling's current rate. A rate change so applies to months not
 * invoiced yet and never re-prices an invoiced month when a late urenkaart is corrected.
 */
export async function monthUren(db: Db, maand: Maand): Promise<MonthUren[]> {
  const rows = await db
    .selectFrom('urenkaart as u')
    .innerJoin('koppeling as kp', 'kp.code', 'u.koppeling')
    .innerJoin('kind as k', 'k.code', 'u.kind')
    .innerJoin('gastouder as g', 'g.code', 'u.gastouder')
    .leftJoin('maandtarief as mt', (join) => join.onRef('mt.maand', '=', 'u.maand').onRef('mt.koppeling', '=', 'u.koppeling'))
    .select((eb) => [
      'k.ouder',
      'u.kind',
      'u.gastouder',
      'u.minuten',
      'u.koppeling',
      'kp.opvanglocatie',
      'kp.lrk as koppeling_lrk',
      'g.lrk as gastouder_lrk',
      'g.naam',
      eb.fn.coalesce('mt.uurtarief_cent', 'kp.uurtarief_cent').as('uurtarief_cent'),
    ])
    .where('u.maand', '=', maand)
    // Warnings follow this order: SQLite's (the urenkaart key's), said for PostgreSQL.
    .$if(isPostgres(db), (q) => q.orderBy('u.gastouder').orderBy('u.kind').orderBy('u.koppeling'))
    .execute();
  return rows
    .filter((r) => r.ouder !== null)
    .map((r) => ({
      ouder: r.ouder!,
      kind: r.kind,
      gastouder: r.gastouder,
      minuten: r.minuten,
      uurtariefCent: r.uurtarief_cent,
      // Care at the ouder's home is registered apart, under the koppeling's own LRK number.
      lrk: r.opvanglocatie === 'ouder' ? r.koppeling_lrk : r.gastouder_lrk,
      koppeling: r.koppeling,
      opvanglocatie: r.opvanglocatie,
      gastouderNaam: r.naam,
    }));
}

/** The fee settings the month was first invoiced with, if it was. */
export async function frozenBureaukosten(db: Db, maand: Maand): Promise<MaandbureaukostenTable | undefined> {
  return db.selectFrom('maandbureaukosten').selectAll().where('maand', '=', maand).executeTakeFirst();
}

/** Keep the fee settings of a month being invoiced for the first time: called when the month is invoiced. */
export async function freezeBureaukosten(db: Db, instellingen: MaandbureaukostenTable): Promise<void> {
  await db
    .insertInto('maandbureaukosten')
    .values(instellingen)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The latest invoice by date (the highest number on that date): no new invoice may be dated before it. */
export async function latestFactuur(db: Db): Promise<{ nummer: string; datum: string } | undefined> {
  return db
    .selectFrom('factuur')
    .select(['nummer', 'datum'])
    .orderBy('datum', 'desc')
    .orderBy(nummerOrder(db, 'nummer'), 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Fix the rate (and the co-parents' share) of the month's koppelingen that have none yet: those
 * with urenkaarten, and `ook`, billed without any (agreed hours, notice). Called when the month is
 * invoiced.
 */
export async function freezeRates(db: Db, maand: Maand, ook: readonly string[] = []): Promise<void> {
  await db
    .insertInto('maandtarief')
    .columns(['maand', 'koppeling', 'uurtarief_cent', 'tweede_ouder', 'verdeling'])
    .expression((eb) =>
      eb
        .selectFrom('koppeling as kp')
        .select((s) => [s.val(maand).as('maand'), 'kp.code', 'kp.uurtarief_cent', 'kp.tweede_ouder', 'kp.verdeling'])
        .where((w) =>
          w.or([
            w('kp.code', 'in', w.selectFrom('urenkaart as u').select('u.koppeling').where('u.maand', '=', maand)),
            ...(ook.length > 0 ? [w('kp.code', 'in', inValues(db, ook))] : []),
          ]),
        ),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** What earlier invoices of the month billed, per ouder: the lines, and the latest invoice (the one a correction refers to). */
export async function billedMonth(db: Db, maand: Maand): Promise<Map<string, { regels: GefactureerdeRegel[]; laatste: string }>> {
  const rows = await db
    .selectFrom('factuurregel as r')
    .innerJoin('factuur as f', 'f.nummer', 'r.factuur')
    .select([
      'f.ouder',
      'f.nummer',
      'r.soort',
      'r.kind',
      'r.gastouder',
      'r.minuten',
      'r.tarief_cent',
      'r.bedrag_cent',
      'r.lrk',
      'r.correctie_op',
    ])
    .where('f.maand', '=', maand)
    // A correction's snapshot lists the earlier lines in this order: SQLite's (ouder, invoice in
    // the order made, line), said for PostgreSQL.
    .$if(isPostgres(db), (q) => q.orderBy('f.ouder').orderBy(nummerOrder(db, 'f.nummer')).orderBy('r.volgnummer'))
    .execute();
  const by = new Map<string, { regels: GefactureerdeRegel[]; laatste: string }>();
  for (const r of rows) {
    const regel: GefactureerdeRegel = { ...regelFromRow(r), factuur: r.nummer };
    const entry = by.get(r.ouder);
    if (!entry) by.set(r.ouder, { regels: [regel], laatste: r.nummer });
    else {
      entry.regels.push(regel);
      if (compareNummer(r.nummer, entry.laatste) > 0) entry.laatste = r.nummer;
    }
  }
  return by;
}

/**
 * Take `count` numbers of a gapless series per year ('factuur' 2026 → 2026-00001 …) and return
 * the first. Taken inside the caller's transaction, so a rolled-back run gives them back.
 */
export async function reserveNumbers(db: Db, soort: Nummerreeks, jaar: number, count: number): Promise<number> {
  const row = await db
    .insertInto('nummering')
    .values({ soort, jaar, laatste: count })
    .onConflict((oc) => oc.columns(['soort', 'jaar']).doUpdateSet((eb) => ({ laatste: eb('nummering.laatste', '+', count) })))
    .returning('laatste')
    .executeTakeFirstOrThrow();
  return row.laatste - count + 1;
}

/** A line's values in the column order of both bulk writes (after the id on PostgreSQL). */
function regelValues(nummer: string, i: number, x: Factuurregel) {
  return [
    nummer,
    i + 1,
    x.soort,
    x.kind,
    x.gastouder,
    x.minuten,
    x.tariefCent,
    x.bedragCent,
    x.correctieOp ?? null,
    x.lrk ?? null,
  ] as const;
}

/**
 * Store invoices with their lines in the caller's transaction: a month of a large bureau is
 * 44,000 invoices. On SQLite raw prepared statements (Kysely would spend more time building the
 * SQL); on PostgreSQL two COPYs, the invoices and then their lines, the lines numbered as SQLite
 * numbers them.
 */
export async function insertFacturen(db: Db, facturen: Iterable<{ factuur: NewFactuur; regels: Factuurregel[] }>): Promise<void> {
  if (isPostgres(db)) {
    // The lines go in after their invoices (a line refers to its invoice): kept for the second COPY.
    const lines: { nummer: string; regels: Factuurregel[] }[] = [];
    await copyRows(
      db,
      'factuur',
      ['nummer', 'ouder', 'maand', 'datum', 'vervaldatum', 'correctie_van', 'totaal_cent', 'gegevens'],
      (function* () {
        for (const { factuur: f, regels } of facturen) {
          lines.push({ nummer: f.nummer, regels });
          yield [f.nummer, f.ouder, f.maand, f.datum, f.vervaldatum, f.correctie_van ?? null, f.totaal_cent, f.gegevens];
        }
      })(),
    );
    // Ids as SQLite gives them (see newId in dialect.ts): one above the highest, in this order.
    const { hoogste } = await db
      .selectFrom('factuurregel')
      .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('hoogste'))
      .executeTakeFirstOrThrow();
    let id = hoogste;
    await copyRows(
      db,
      'factuurregel',
      ['id', 'factuur', 'volgnummer', 'soort', 'kind', 'gastouder', 'minuten', 'tarief_cent', 'bedrag_cent', 'correctie_op', 'lrk'],
      (function* () {
        for (const { nummer, regels } of lines) {
          for (let i = 0; i < regels.length; i++) {
            yield [++id, ...regelValues(nummer, i, regels[i]!)];
          }
        }
      })(),
    );
    return;
  }
  const sqlite = rawHandle(db);
  const f = sqlite.prepare(
    'insert into factuur (nummer, ouder, maand, datum, vervaldatum, correctie_van, totaal_cent, gegevens) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const r = sqlite.prepare(
    'insert into factuurregel (factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent, correctie_op, lrk) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const { factuur, regels } of facturen) {
    f.run(
      factuur.nummer,
      factuur.ouder,
      factuur.maand,
      factuur.datum,
      factuur.vervaldatum,
      factuur.correctie_van ?? null,
      factuur.totaal_cent,
      factuur.gegevens,
    );
    for (const [i, x] of regels.entries()) r.run(...regelValues(factuur.nummer, i, x));
  }
}

export async function getFactuur(db: Db, nummer: string): Promise<{ factuur: FactuurRow; regels: FactuurregelRow[] } | undefined> {
  return (await getFacturen(db, { nummers: [nummer] })).get(nummer);
}

/**
 * Invoices with their lines, by number or a month's, in two queries rather than two per invoice
 * (a month's PDFs can be tens of thousands). Keyed by number, a month's in number order; a number
 * that does not exist is not in the map.
 */
export async function getFacturen(
  db: Db,
  filter: { nummers: readonly string[] } | { maand: Maand },
): Promise<Map<string, { factuur: FactuurRow; regels: FactuurregelRow[] }>> {
  const out = new Map<string, { factuur: FactuurRow; regels: FactuurregelRow[] }>();
  if ('nummers' in filter && filter.nummers.length === 0) return out;
  const nummers =
    'nummers' in filter
      ? inValues(db, [...new Set(filter.nummers)])
      : db.selectFrom('factuur').select('nummer').where('maand', '=', filter.maand);
  const facturen = db.selectFrom('factuur').selectAll().where('nummer', 'in', nummers).orderBy(nummerOrder(db, 'nummer'));
  for (const factuur of await facturen.execute()) out.set(factuur.nummer, { factuur, regels: [] });
  for (const regel of await db
    .selectFrom('factuurregel')
    .selectAll()
    .where('factuur', 'in', nummers)
    .orderBy('factuur')
    .orderBy('volgnummer')
    .execute()) {
    out.get(regel.factuur)?.regels.push(regel);
  }
  return out;
}

export async function listFacturen(db: Db, filter: { maand?: Maand; ouder?: string }): Promise<FactuurRow[]> {
  let q = db.selectFrom('factuur').selectAll().orderBy(nummerOrder(db, 'nummer'));
  if (filter.maand) q = q.where('maand', '=', filter.maand);
  if (filter.ouder) q = q.where('ouder', '=', filter.ouder);
  return q.execute();
}

export function regelFromRow(
  r: Pick<FactuurregelRow, 'soort' | 'kind' | 'gastouder' | 'minuten' | 'tarief_cent' | 'bedrag_cent' | 'lrk' | 'correctie_op'>,
): Factuurregel {
  return {
    soort: r.soort,
    kind: r.kind,
    gastouder: r.gastouder,
    minuten: r.minuten,
    tariefCent: r.tarief_cent,
    bedragCent: r.bedrag_cent,
    lrk: r.lrk,
    correctieOp: r.correctie_op,
  };
}

/** Everything an invoice shows besides its lines: the names of ouders, kinderen and gastouders. */
export async function invoiceNames(db: Db) {
  const [ouders, kinderen, gastouders] = await Promise.all([
    db.selectFrom('ouder').select(['code', 'naam', 'adres', 'postcode', 'plaats', 'iban', 'mandaat']).execute(),
    db.selectFrom('kind').select(['code', 'naam', 'geboortedatum']).execute(),
    db.selectFrom('gastouder').select(['code', 'naam', 'lrk']).execute(),
  ]);
  return { ouders, kinderen, gastouders };
}

/** Whose an invoice is; undefined when there is no such invoice. */
export async function factuurOuder(db: Db, nummer: string): Promise<{ nummer: string; ouder: string } | undefined> {
  return db.selectFrom('factuur').select(['nummer', 'ouder']).where('nummer', '=', nummer).executeTakeFirst();
}

/** The invoiced months of a koppeling, whose rate is frozen (maandtarief). */
export async function frozenRateMonths(db: Db, koppeling: string): Promise<string[]> {
  return (await db.selectFrom('maandtarief').select('maand').where('koppeling', '=', koppeling).orderBy('maand').execute()).map(
    (m) => m.maand,
  );
}

/**
 * Who was invoiced for a kind, per month: every ouder (a co-parent too) with a line of the kind.
 * factuurregel has no index on kind (a large bureau has millions of lines): the months are those
 * its koppelingen were invoiced in (maandtarief, frozen by every run that billed them), the
 * invoices those of the kind's ouder and co-parents in those months (index on maand and ouder).
 */
export async function kindGefactureerd(db: Db, kind: string, ouder: string): Promise<{ maand: string; ouder: string }[]> {
  const koppelingen = await db.selectFrom('koppeling').select(['code', 'tweede_ouder']).where('kind', '=', kind).execute();
  if (koppelingen.length === 0) return [];
  const frozen = await db
    .selectFrom('maandtarief')
    .select(['maand', 'tweede_ouder'])
    .where(
      'koppeling',
      'in',
      koppelingen.map((k) => k.code),
    )
    .execute();
  if (frozen.length === 0) return [];
  const maanden = [...new Set(frozen.map((m) => m.maand))];
  const ouders = [
    ...new Set([ouder, ...koppelingen.map((k) => k.tweede_ouder), ...frozen.map((m) => m.tweede_ouder)].filter((o) => o !== null)),
  ];
  return db
    .selectFrom('factuur as f')
    .innerJoin('factuurregel as r', 'r.factuur', 'f.nummer')
    .select(['f.maand', 'f.ouder'])
    .distinct()
    .where('f.maand', 'in', maanden)
    .where('f.ouder', 'in', ouders)
    .where('r.kind', '=', kind)
    .orderBy('f.maand')
    .orderBy('f.ouder')
    .execute();
}
