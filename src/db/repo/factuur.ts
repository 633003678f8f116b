import type { Regel, Uren } from '../../domain/billing.js';
import type { Maand } from '../../domain/calendar.js';
import type { Db } from '../open.js';
import type { FactuurRow, FactuurregelRow, NewFactuur } from '../tables/factuur.js';

/** The month's urenkaarten priced at their koppeling's rate, with the child's ouder. */
export async function monthUren(db: Db, maand: Maand): Promise<Uren[]> {
  const rows = await db
    .selectFrom('urenkaart as u')
    .innerJoin('koppeling as kp', 'kp.code', 'u.koppeling')
    .innerJoin('kind as k', 'k.code', 'u.kind')
    .select(['k.ouder', 'u.kind', 'u.gastouder', 'u.minuten', 'kp.uurtarief_cent'])
    .where('u.maand', '=', maand)
    .execute();
  return rows.filter((r) => r.ouder !== null).map((r) => ({ ouder: r.ouder!, kind: r.kind, gastouder: r.gastouder, minuten: r.minuten, uurtariefCent: r.uurtarief_cent }));
}

/** Every line earlier invoices of the month billed, per ouder. */
export async function billedRegels(db: Db, maand: Maand): Promise<Map<string, Regel[]>> {
  const rows = await db
    .selectFrom('factuurregel as r')
    .innerJoin('factuur as f', 'f.nummer', 'r.factuur')
    .select(['f.ouder', 'r.soort', 'r.kind', 'r.gastouder', 'r.minuten', 'r.tarief_cent', 'r.bedrag_cent'])
    .where('f.maand', '=', maand)
    .execute();
  const by = new Map<string, Regel[]>();
  for (const r of rows) {
    const regel: Regel = { soort: r.soort, kind: r.kind, gastouder: r.gastouder, minuten: r.minuten, tariefCent: r.tarief_cent, bedragCent: r.bedrag_cent };
    by.set(r.ouder, [...(by.get(r.ouder) ?? []), regel]);
  }
  return by;
}

/** The latest invoice of an ouder for a month: the one a correction refers to. */
export async function latestInvoice(db: Db, maand: Maand, ouder: string): Promise<string | null> {
  const row = await db.selectFrom('factuur').select('nummer').where('maand', '=', maand).where('ouder', '=', ouder).orderBy('nummer', 'desc').executeTakeFirst();
  return row?.nummer ?? null;
}

/**
 * The next number of a gapless series per year ('factuur' 2026 → 2026-00001). Raised inside the
 * caller's transaction, so a rolled-back run gives its numbers back.
 */
export async function nextNumber(db: Db, soort: 'factuur' | 'uitbetaling', jaar: number): Promise<number> {
  const row = await db
    .insertInto('nummering')
    .values({ soort, jaar, laatste: 1 })
    .onConflict((oc) => oc.columns(['soort', 'jaar']).doUpdateSet((eb) => ({ laatste: eb('nummering.laatste', '+', 1) })))
    .returning('laatste')
    .executeTakeFirstOrThrow();
  return row.laatste;
}

export async function insertFactuur(db: Db, factuur: NewFactuur, regels: Regel[]): Promise<void> {
  await db.insertInto('factuur').values(factuur).execute();
  if (regels.length === 0) return;
  await db
    .insertInto('factuurregel')
    .values(
      regels.map((r, i) => ({
        factuur: factuur.nummer,
        volgnummer: i + 1,
        soort: r.soort,
        kind: r.kind,
        gastouder: r.gastouder,
        minuten: r.minuten,
        tarief_cent: r.tariefCent,
        bedrag_cent: r.bedragCent,
      })),
    )
    .execute();
}

export async function getFactuur(db: Db, nummer: string): Promise<{ factuur: FactuurRow; regels: FactuurregelRow[] } | undefined> {
  const factuur = await db.selectFrom('factuur').selectAll().where('nummer', '=', nummer).executeTakeFirst();
  if (!factuur) return undefined;
  const regels = await db.selectFrom('factuurregel').selectAll().where('factuur', '=', nummer).orderBy('volgnummer').execute();
  return { factuur, regels };
}

export async function listFacturen(db: Db, filter: { maand?: Maand; ouder?: string }): Promise<FactuurRow[]> {
  let q = db.selectFrom('factuur').selectAll().orderBy('nummer');
  if (filter.maand) q = q.where('maand', '=', filter.maand);
  if (filter.ouder) q = q.where('ouder', '=', filter.ouder);
  return q.execute();
}

export function regelFromRow(r: FactuurregelRow): Regel {
  return { soort: r.soort, kind: r.kind, gastouder: r.gastouder, minuten: r.minuten, tariefCent: r.tarief_cent, bedragCent: r.bedrag_cent };
}
