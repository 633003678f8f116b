// Payments, allocations and payouts in the database. The decisions are in domain/kas.ts.
import {
  correctieBetaaldOp,
  type Toewijzing,
  type OpenstaandePost,
  type StornoKandidaat,
  type StornoPost,
  type Zorgregel,
} from '../../domain/kas.js';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../database.js';
import type { Datum } from '../../domain/calendar.js';
import { greatest, isPostgres, newId } from '../dialect.js';
import type { Db } from '../open.js';

/**
 * A payment (aliased `b`) that no storno reversed: the bank gave a reversed payment's money back,
 * so it holds nothing any more. The one place this is said.
 */
function notReversed(eb: ExpressionBuilder<Database & { b: Database['betaling'] }, 'b'>) {
  return eb.not(eb.exists(eb.selectFrom('betaling as s').select('s.id').whereRef('s.storno_van', '=', 'b.id')));
}

/** Every invoice with money still open on it (positive: to pay; negative: a credit not set off), per ouder. */
export async function openPosts(db: Db, ouder?: string): Promise<Map<string, OpenstaandePost[]>> {
  let q = db
    .selectFrom('factuur as f')
    .leftJoin('toewijzing as t', 't.factuur', 'f.nummer')
    .select((eb) => [
      'f.nummer',
      'f.ouder',
      'f.vervaldatum',
      'f.totaal_cent',
      eb.fn.coalesce(eb.fn.sum<number>('t.bedrag_cent'), eb.lit(0)).as('betaald'),
    ])
    .groupBy('f.nummer')
    .$if(isPostgres(db), (q) => q.orderBy('f.nummer'));
  if (ouder) q = q.where('f.ouder', '=', ouder);
  const rows = await q.execute();
  const by = new Map<string, OpenstaandePost[]>();
  for (const r of rows) {
    const open = r.totaal_cent - Number(r.betaald);
    if (open === 0) continue;
    by.set(r.ouder, [...(by.get(r.ouder) ?? []), { factuur: r.nummer, vervaldatum: r.vervaldatum, openCent: open }]);
  }
  return by;
}

/**
 * Payments (and collections) with money not yet allocated to an invoice, per ouder, oldest first.
 * A payment that was reversed (storno) has nothing left: the bank gave the money back.
 */
export async function remainders(db: Db, ouder?: string): Promise<Map<string, { betaling: number; restCent: number }[]>> {
  let q = db
    .selectFrom('betaling as b')
    .leftJoin('toewijzing as t', 't.betaling', 'b.id')
    .select((eb) => ['b.id', 'b.ouder', 'b.bedrag_cent', eb.fn.coalesce(eb.fn.sum<number>('t.bedrag_cent'), eb.lit(0)).as('toegewezen')])
    .where('b.soort', '!=', 'storno')
    .where(notReversed)
    .groupBy('b.id')
    .orderBy('b.datum')
    .orderBy('b.id');
  if (ouder) q = q.where('b.ouder', '=', ouder);
  const by = new Map<string, { betaling: number; restCent: number }[]>();
  for (const r of await q.execute()) {
    const rest = r.bedrag_cent - Number(r.toegewezen);
    if (rest > 0) by.set(r.ouder, [...(by.get(r.ouder) ?? []), { betaling: r.id, restCent: rest }]);
  }
  return by;
}

export async function insertBetaling(
  db: Db,
  b: {
    ouder: string;
    datum: string;
    bedragCent: number;
    soort: 'betaling' | 'incasso' | 'storno';
    mandaat?: string | null;
    sepaBericht?: string | null;
    omschrijving?: string | null;
    stornoVan?: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('betaling')
    .values({
      ...newId(db, 'betaling'),
      ouder: b.ouder,
      datum: b.datum,
      bedrag_cent: b.bedragCent,
      soort: b.soort,
      mandaat: b.mandaat ?? null,
      sepa_bericht: b.sepaBericht ?? null,
      omschrijving: b.omschrijving ?? null,
      storno_van: b.stornoVan ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Store how a payment is applied, on `datum` (the day it is applied): money counts for an invoice
 * from the latest of that day, the payment's date and the invoice's date — never before the
 * money came in, never before the invoice existed.
 */
export async function insertToewijzingen(db: Db, betaling: number, allocations: Toewijzing[], datum: Datum): Promise<void> {
  if (allocations.length === 0) return;
  await db
    .insertInto('toewijzing')
    .values(
      allocations.map((a, i) => ({
        ...newId(db, 'toewijzing', i + 1),
        betaling,
        factuur: a.factuur,
        bedrag_cent: a.bedragCent,
        datum: greatest(
          db,
          sql`${datum}`,
          sql`(select b.datum from betaling b where b.id = ${betaling})`,
          sql`(select f.datum from factuur f where f.nummer = ${a.factuur})`,
        ),
      })),
    )
    .execute();
}

/**
 * Every care line of every invoice, with the date the bureau had its money: a positive invoice
 * counts as paid on the date (of allocation) its allocations first reached its total, and only
 * while they still do: a storno reopens it. An invoice of € 0,00 or less (no money of its own)
 * counts per gastouder as correctieBetaaldOp says.
 */
export async function zorgregels(db: Db, gastouder?: string): Promise<Zorgregel[]> {
  let lq = db
    .selectFrom('factuurregel as r')
    .innerJoin('factuur as f', 'f.nummer', 'r.factuur')
    .leftJoin('uitbetalingregel as u', 'u.factuurregel', 'r.id')
    .select(['r.id', 'r.gastouder', 'r.factuur', 'r.kind', 'f.maand', 'r.minuten', 'r.bedrag_cent', 'u.id as uitbetaald'])
    // Everything but the bureau's fee is the gastouder's: care, agreed hours (§9), notice.
    .where('r.soort', '!=', 'bureaukosten')
    // A payout's lines are in this order: SQLite's (of the lines' ids), said for PostgreSQL.
    .$if(isPostgres(db), (q) => q.orderBy('r.id'));
  if (gastouder) lq = lq.where('r.gastouder', '=', gastouder);
  const [lines, facturen, allocations, bronnen] = await Promise.all([
    lq.execute(),
    db.selectFrom('factuur').select(['nummer', 'datum', 'totaal_cent']).execute(),
    db.selectFrom('toewijzing as t').select(['t.factuur', 't.bedrag_cent', 't.datum']).orderBy('t.datum').orderBy('t.id').execute(),
    // Which invoices an invoice of € 0,00 or less takes amounts back from (its negative lines,
    // bureau fees too): the ouder's money for what it gives a gastouder is there.
    db
      .selectFrom('factuurregel as r')
      .innerJoin('factuur as f', 'f.nummer', 'r.factuur')
      .select(['r.factuur', 'r.correctie_op'])
      .distinct()
      .where('f.totaal_cent', '<=', 0)
      .where('r.bedrag_cent', '<', 0)
      .where('r.correctie_op', 'is not', null)
      .execute(),
  ]);
  const paidOn = new Map<string, string | null>();
  const datumVan = new Map<string, string>();
  const byFactuur = new Map<string, { bedrag_cent: number; datum: string }[]>();
  for (const a of allocations) byFactuur.set(a.factuur, [...(byFactuur.get(a.factuur) ?? []), a]);
  for (const f of facturen) {
    if (f.totaal_cent <= 0) {
      datumVan.set(f.nummer, f.datum);
      continue;
    }
    let sum = 0;
    let date: string | null = null;
    for (const a of byFactuur.get(f.nummer) ?? []) {
      sum += a.bedrag_cent;
      if (sum >= f.totaal_cent && date === null) date = a.datum;
      if (sum < f.totaal_cent) date = null;
    }
    paidOn.set(f.nummer, date);
  }
  // Invoices of € 0,00 or less: per gastouder (domain/kas.ts correctieBetaaldOp decides).
  const bronVan = new Map<string, (string | null)[]>();
  for (const b of bronnen) {
    const op = b.correctie_op === null ? null : (paidOn.get(b.correctie_op) ?? datumVan.get(b.correctie_op) ?? null);
    bronVan.set(b.factuur, [...(bronVan.get(b.factuur) ?? []), op]);
  }
  const netto = new Map<string, number>();
  const sleutel = (factuur: string, gastouder: string) => `${factuur}\u0000${gastouder}`;
  for (const l of lines) {
    if (!datumVan.has(l.factuur)) continue;
    const k = sleutel(l.factuur, l.gastouder);
    netto.set(k, (netto.get(k) ?? 0) + l.bedrag_cent);
  }
  const betaaldOp = (factuur: string, gastouder: string): string | null => {
    const datum = datumVan.get(factuur);
    if (datum === undefined) return paidOn.get(factuur) ?? null;
    return correctieBetaaldOp(datum, netto.get(sleutel(factuur, gastouder)) ?? 0, bronVan.get(factuur) ?? []);
  };
  return lines.map((l) => ({
    id: l.id,
    gastouder: l.gastouder,
    factuur: l.factuur,
    kind: l.kind ?? '',
    maand: l.maand,
    minuten: l.minuten,
    bedragCent: l.bedrag_cent,
    betaaldOp: betaaldOp(l.factuur, l.gastouder),
    uitbetaald: l.uitbetaald !== null,
  }));
}

/** The mandates an incasso was ever collected on (the first collection of a mandate is FRST). */
export async function usedMandates(db: Db): Promise<(string | null)[]> {
  return (await db.selectFrom('betaling').select('mandaat').where('soort', '=', 'incasso').where('mandaat', 'is not', null).execute()).map(
    (b) => b.mandaat,
  );
}

/** Payments, collections and stornos in the order they were booked, of one ouder or all. */
export async function listBetalingen(db: Db, ouder?: string) {
  let q = db.selectFrom('betaling').selectAll().orderBy('datum').orderBy('id');
  if (ouder) q = q.where('ouder', '=', ouder);
  return q.execute();
}

export async function listToewijzingen(db: Db) {
  return db.selectFrom('toewijzing').selectAll().orderBy('id').execute();
}

/**
 * The payments (not stornos, not reversed) with money allocated to `factuur`, with what they hold
 * there: the candidates of a storno of that invoice (domain/kas.ts chooses).
 */
export async function stornoKandidaten(db: Db, factuur: string): Promise<StornoKandidaat[]> {
  const rows = await db
    .selectFrom('betaling as b')
    .innerJoin('toewijzing as t', 't.betaling', 'b.id')
    .select((eb) => ['b.id', 'b.datum', 'b.soort', 'b.bedrag_cent', eb.fn.sum<number>('t.bedrag_cent').as('op_factuur')])
    .where('t.factuur', '=', factuur)
    .where('b.soort', '!=', 'storno')
    .where(notReversed)
    .groupBy('b.id')
    .$if(isPostgres(db), (q) => q.orderBy('b.id'))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    datum: r.datum,
    soort: r.soort as StornoKandidaat['soort'],
    bedragCent: r.bedrag_cent,
    opFactuurCent: Number(r.op_factuur),
  }));
}

/** Per invoice a payment was allocated to: what it allocated there, and what all payments hold there now. */
export async function stornoPosten(db: Db, betaling: number): Promise<StornoPost[]> {
  const rows = await db
    .selectFrom('toewijzing as t')
    .select((eb) => [
      't.factuur',
      eb.fn.sum<number>('t.bedrag_cent').as('som'),
      eb
        .selectFrom('toewijzing as n')
        .select((n) => n.fn.sum<number>('n.bedrag_cent').as('netto'))
        .whereRef('n.factuur', '=', 't.factuur')
        .as('netto'),
    ])
    .where('t.betaling', '=', betaling)
    .groupBy('t.factuur')
    .orderBy('t.factuur')
    .execute();
  return rows.map((r) => ({ factuur: r.factuur, somCent: Number(r.som), nettoCent: Number(r.netto ?? 0) }));
}
