import type { Datum } from '../../domain/calendar.js';
import type { GeplandeUitbetaling } from '../../domain/kas.js';
import { nummerOrder } from './factuur.js';
import { newId } from '../dialect.js';
import type { Db } from '../open.js';

export async function getUitbetaling(db: Db, nummer: string) {
  const u = await db.selectFrom('uitbetaling').selectAll().where('nummer', '=', nummer).executeTakeFirst();
  if (!u) return undefined;
  const regels = await db.selectFrom('uitbetalingregel').selectAll().where('uitbetaling', '=', nummer).orderBy('id').execute();
  return { uitbetaling: u, regels };
}

export async function listUitbetalingen(db: Db, filter: { gastouder?: string; datum?: string }) {
  let q = db.selectFrom('uitbetaling').selectAll().orderBy(nummerOrder(db, 'nummer'));
  if (filter.gastouder) q = q.where('gastouder', '=', filter.gastouder);
  if (filter.datum) q = q.where('datum', '=', filter.datum);
  return q.execute();
}

/** Everything a payout specification shows besides the payout: bureau, gastouder, names, rates. */
export async function uitbetalingContext(db: Db, gastouder: string, factuurregels: number[]) {
  const bureau = await db.selectFrom('bureau').selectAll().executeTakeFirstOrThrow();
  const g = await db.selectFrom('gastouder').selectAll().where('code', '=', gastouder).executeTakeFirstOrThrow();
  const kinderen = new Map((await db.selectFrom('kind').select(['code', 'naam']).execute()).map((k) => [k.code, k.naam]));
  const lines = await db
    .selectFrom('factuurregel')
    .select(['id', 'tarief_cent', 'soort'])
    .where('id', 'in', factuurregels.length ? factuurregels : [-1])
    .execute();
  const tarieven = new Map(lines.map((r) => [r.id, r.tarief_cent]));
  const soorten = new Map(lines.map((r) => [r.id, r.soort]));
  return { bureau, gastouder: g, kinderen, tarieven, soorten };
}

/** Store a planned payout under `nummer`, with its care lines. */
export async function insertUitbetaling(db: Db, nummer: string, datum: Datum, p: GeplandeUitbetaling): Promise<void> {
  await db
    .insertInto('uitbetaling')
    .values({ nummer, gastouder: p.gastouder, datum, bedrag_cent: p.bedragCent, te_laat: p.teLaat ? 1 : 0 })
    .execute();
  await db
    .insertInto('uitbetalingregel')
    .values(
      p.regels.map((r, i) => ({
        ...newId(db, 'uitbetalingregel', i + 1),
        uitbetaling: nummer,
        factuurregel: r.id,
        factuur: r.factuur,
        kind: r.kind,
        maand: r.maand,
        minuten: r.minuten,
        bedrag_cent: r.bedragCent,
        betaald_op: r.betaaldOp!,
        uiterlijk: r.uiterlijk,
      })),
    )
    .execute();
}
