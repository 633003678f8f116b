// Repository functions for the four registry entities (gastouder, ouder, kind, koppeling). They are
// generic over the entity's field list; records are keyed by database column.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Datum } from '../../domain/calendar.js';
import { columnOf, type Entity } from '../../domain/fields.js';
import type { Problem, Rec } from '../../domain/registry.js';
import type { Db } from '../open.js';

// Kysely cannot type a table chosen at run time; the entity's field list is the type here.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyEb = ExpressionBuilder<any, any>;
// biome-ignore lint/suspicious/noExplicitAny: see above
const untyped = (db: Db) => db as unknown as Kysely<any>;

function columns(entity: Entity): string[] {
  return entity.fields.map(columnOf);
}

export async function findRecord(db: Db, entity: Entity, code: string): Promise<Rec | undefined> {
  return untyped(db).selectFrom(entity.name).select(columns(entity)).where('code', '=', code).executeTakeFirst();
}

export interface ListFilter {
  gastouder?: string;
  ouder?: string;
  kind?: string;
  /** Only what is active on this date. */
  actiefOp?: Datum;
}

/** All records of an entity, filtered, ordered by code. */
export async function listRecords(db: Db, entity: Entity, filter: ListFilter): Promise<Rec[]> {
  let q = untyped(db).selectFrom(`${entity.name} as t`).select(columns(entity).map((c) => `t.${c}`)).orderBy('t.code');
  const active = filter.actiefOp;
  const koppelingActive = (alias: string) =>
    sql<boolean>`${sql.ref(`${alias}.start`)} <= ${active} and (${sql.ref(`${alias}.eind`)} is null or ${sql.ref(`${alias}.eind`)} >= ${active})`;
  switch (entity.name) {
    case 'gastouder':
      if (active) q = q.where((eb: AnyEb) => eb.or([eb('t.eind', 'is', null), eb('t.eind', '>=', active)]));
      if (filter.gastouder) q = q.where('t.code', '=', filter.gastouder);
      if (filter.ouder) {
        q = q.where('t.code', 'in', (eb: AnyEb) =>
          eb.selectFrom('koppeling as kp').innerJoin('kind as k', 'k.code', 'kp.kind').select('kp.gastouder').where('k.ouder', '=', filter.ouder),
        );
      }
      break;
    case 'ouder':
      if (filter.ouder) q = q.where('t.code', '=', filter.ouder);
      if (filter.gastouder || active) {
        q = q.where('t.code', 'in', (eb: AnyEb) => {
          let sub = eb.selectFrom('koppeling as kp').innerJoin('kind as k', 'k.code', 'kp.kind').select('k.ouder');
          if (filter.gastouder) sub = sub.where('kp.gastouder', '=', filter.gastouder);
          if (active) sub = sub.where(koppelingActive('kp'));
          return sub;
        });
      }
      break;
    case 'kind':
      if (filter.ouder) q = q.where('t.ouder', '=', filter.ouder);
      if (filter.kind) q = q.where('t.code', '=', filter.kind);
      if (filter.gastouder || active) {
        q = q.where((eb: AnyEb) => {
          let sub = eb.selectFrom('koppeling as kp').select('kp.kind');
          if (filter.gastouder) sub = sub.where('kp.gastouder', '=', filter.gastouder);
          if (active) sub = sub.where(koppelingActive('kp'));
          let own = eb.selectFrom('gastouder as g').select('g.code');
          if (filter.gastouder) own = own.where('g.code', '=', filter.gastouder);
          if (active) own = own.where((e: AnyEb) => e.or([e('g.eind', 'is', null), e('g.eind', '>=', active)]));
          return eb.or([eb('t.code', 'in', sub), eb('t.eigen_kind_van', 'in', own)]);
        });
      }
      break;
    case 'koppeling':
      if (filter.gastouder) q = q.where('t.gastouder', '=', filter.gastouder);
      if (filter.kind) q = q.where('t.kind', '=', filter.kind);
      if (filter.ouder) q = q.where('t.kind', 'in', (eb: AnyEb) => eb.selectFrom('kind').select('code').where('ouder', '=', filter.ouder));
      if (active) q = q.where(koppelingActive('t'));
      break;
  }
  return q.execute();
}

export async function insertRecord(db: Db, entity: Entity, rec: Rec): Promise<void> {
  await untyped(db).insertInto(entity.name).values(rec).execute();
}

export async function updateRecord(db: Db, entity: Entity, code: string, rec: Rec): Promise<void> {
  await untyped(db).updateTable(entity.name).set(rec).where('code', '=', code).execute();
}

/** The next free code: G0001, G0002 … (one more than the highest number in use with that prefix). */
export async function nextCode(db: Db, entity: Entity): Promise<string> {
  const n = entity.prefix.length;
  const row = await sql<{ hoogste: number | null }>`
    select max(cast(substr(code, ${n + 1}) as integer)) as hoogste from ${sql.table(entity.name)}
    where code glob ${`${entity.prefix}[0-9]*`} and substr(code, ${n + 1}) not glob '*[^0-9]*'`.execute(db);
  return `${entity.prefix}${String((row.rows[0]?.hoogste ?? 0) + 1).padStart(4, '0')}`;
}

/** Rules that need the database: references exist, and at most one koppeling per kind and gastouder at a date. */
export async function referenceProblems(db: Db, entity: Entity, rec: Rec): Promise<Problem[]> {
  const problems: Problem[] = [];
  const exists = async (table: 'ouder' | 'gastouder' | 'kind', code: string) =>
    (await db.selectFrom(table).select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
  if (entity.name === 'kind') {
    if (rec.ouder && !(await exists('ouder', String(rec.ouder)))) {
      problems.push({ veld: 'ouder', melding: `er is geen ouder met code ${rec.ouder}; voeg die eerst toe met 'gob ouder add'` });
    }
    if (rec.eigen_kind_van && !(await exists('gastouder', String(rec.eigen_kind_van)))) {
      problems.push({ veld: 'eigen-kind-van', melding: `er is geen gastouder met code ${rec.eigen_kind_van}` });
    }
    if (rec.eigen_kind_van && rec.code) {
      const koppeling = await db.selectFrom('koppeling').select('code').where('kind', '=', String(rec.code)).executeTakeFirst();
      if (koppeling) problems.push({ veld: 'eigen-kind-van', melding: `dit kind heeft koppeling ${koppeling.code} als gastkind en kan geen eigen kind zijn` });
    }
  }
  if (entity.name === 'koppeling') {
    const kind = rec.kind ? await db.selectFrom('kind').select(['code', 'ouder']).where('code', '=', String(rec.kind)).executeTakeFirst() : undefined;
    if (rec.kind && !kind) problems.push({ veld: 'kind', melding: `er is geen kind met code ${rec.kind}` });
    if (kind && kind.ouder === null) {
      problems.push({ veld: 'kind', melding: `${kind.code} is een eigen kind van een gastouder; een koppeling is alleen voor gastkinderen met een vraagouder` });
    }
    const gastouder = rec.gastouder
      ? await db.selectFrom('gastouder').select(['code', 'eind']).where('code', '=', String(rec.gastouder)).executeTakeFirst()
      : undefined;
    if (rec.gastouder && !gastouder) problems.push({ veld: 'gastouder', melding: `er is geen gastouder met code ${rec.gastouder}` });
    const start = rec.start as string | null;
    const eind = (rec.eind as string | null) ?? null;
    if (gastouder?.eind && start && (eind === null || eind > gastouder.eind)) {
      problems.push({ veld: 'eind', melding: `gastouder ${gastouder.code} stopt op ${gastouder.eind}; de koppeling moet uiterlijk dan eindigen` });
    }
    if (kind && gastouder && start) {
      const overlap = await db
        .selectFrom('koppeling')
        .select(['code', 'start', 'eind'])
        .where('kind', '=', kind.code)
        .where('gastouder', '=', gastouder.code)
        .where('code', '!=', String(rec.code ?? ''))
        .where((eb) => eb.or([eb('eind', 'is', null), eb('eind', '>=', start)]))
        .$if(eind !== null, (qb) => qb.where('start', '<=', eind!))
        .executeTakeFirst();
      if (overlap) {
        problems.push({
          veld: 'start',
          melding: `kind ${kind.code} heeft bij gastouder ${gastouder.code} al koppeling ${overlap.code} (${overlap.start} tot ${overlap.eind ?? 'doorlopend'}); er mag per datum maar één koppeling van hetzelfde kind en dezelfde gastouder zijn`,
        });
      }
    }
  }
  return problems;
}
