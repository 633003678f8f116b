// The queries of the yearly overview per gastouder (CONTRACT §8, `jaaropgave gastouder`).
import type { GastouderZorg, GastouderUitbetaald } from '../../domain/gastouderjaar.js';
import type { Db } from '../open.js';

/**
 * Per gastouder × kind × ouder: the minutes and the amount of her care in the care months of
 * `jaar` (a December correction invoiced in January counts for December), from the invoices.
 * Everything but bureau fees is her care: the fees are the bureau's, not hers.
 */
export async function gastouderZorg(db: Db, jaar: number, gastouder?: string): Promise<GastouderZorg[]> {
  let q = db
    .selectFrom('factuur as f')
    .innerJoin('factuurregel as r', 'r.factuur', 'f.nummer')
    .select((eb) => [
      'r.gastouder',
      'r.kind',
      'f.ouder',
      eb.fn.sum<number>('r.minuten').as('minuten'),
      eb.fn.sum<number>('r.bedrag_cent').as('bedragCent'),
    ])
    .where('f.maand', '>=', `${jaar}-01`)
    .where('f.maand', '<=', `${jaar}-12`)
    .where('r.soort', '!=', 'bureaukosten')
    .where('r.kind', 'is not', null)
    .groupBy(['r.gastouder', 'r.kind', 'f.ouder'])
    // SQLite gives groups in key order; PostgreSQL only when asked.
    .orderBy('r.gastouder')
    .orderBy('r.kind')
    .orderBy('f.ouder');
  if (gastouder !== undefined) q = q.where('r.gastouder', '=', gastouder);
  const rows = await q.execute();
  return rows.map((r) => ({
    gastouder: r.gastouder,
    kind: r.kind!,
    ouder: r.ouder,
    minuten: Number(r.minuten),
    bedragCent: Number(r.bedragCent),
  }));
}

/** Per gastouder × kind × ouder: what the bureau paid out to her in payouts dated in `jaar`, whatever month the care was. */
export async function gastouderUitbetaald(db: Db, jaar: number, gastouder?: string): Promise<GastouderUitbetaald[]> {
  let q = db
    .selectFrom('uitbetalingregel as ur')
    .innerJoin('uitbetaling as u', 'u.nummer', 'ur.uitbetaling')
    .innerJoin('factuur as f', 'f.nummer', 'ur.factuur')
    .select((eb) => ['u.gastouder', 'ur.kind', 'f.ouder', eb.fn.sum<number>('ur.bedrag_cent').as('bedragCent')])
    .where('u.datum', '>=', `${jaar}-01-01`)
    .where('u.datum', '<=', `${jaar}-12-31`)
    .groupBy(['u.gastouder', 'ur.kind', 'f.ouder'])
    .orderBy('u.gastouder')
    .orderBy('ur.kind')
    .orderBy('f.ouder');
  if (gastouder !== undefined) q = q.where('u.gastouder', '=', gastouder);
  const rows = await q.execute();
  return rows.map((r) => ({ gastouder: r.gastouder, kind: r.kind, ouder: r.ouder, bedragCent: Number(r.bedragCent) }));
}

/** The people the overviews name, as they are now: gastouders (all, or one), kinderen, ouders. */
export async function gastouderJaarNamen(db: Db, gastouder?: string) {
  let gq = db.selectFrom('gastouder').select(['code', 'naam', 'geboortedatum', 'lrk', 'adres', 'postcode', 'plaats']).orderBy('code');
  if (gastouder !== undefined) gq = gq.where('code', '=', gastouder);
  const [gastouders, kinderen, ouders] = await Promise.all([
    gq.execute(),
    db.selectFrom('kind').select(['code', 'naam', 'geboortedatum']).execute(),
    db.selectFrom('ouder').select(['code', 'naam', 'bsn']).execute(),
  ]);
  return { gastouders, kinderen, ouders };
}
