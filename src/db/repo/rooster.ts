import { sql } from 'kysely';
import { addMonths, type Dag, firstOfMonth, lastOfMonth, type Maand } from '../../domain/calendar.js';
import type { Problem } from '../../domain/registry.js';
import { type RoosterEntry, roosterProblems } from '../../domain/rooster.js';
import { groupConcat, inValues, newId } from '../dialect.js';
import type { Db } from '../open.js';
import type { RoosterRow } from '../tables/rooster.js';

export function rowToEntry(row: RoosterRow): RoosterEntry {
  return {
    id: row.id,
    koppeling: row.koppeling,
    kind: row.kind,
    dag: row.dag as Dag,
    van: row.van,
    tot: row.tot,
    vanaf: row.vanaf,
    totEnMet: row.tot_en_met,
  };
}

export async function insertRooster(db: Db, entry: RoosterEntry): Promise<number> {
  const row = await db
    .insertInto('rooster')
    .values({
      ...newId(db, 'rooster'),
      koppeling: entry.koppeling,
      kind: entry.kind,
      dag: entry.dag,
      van: entry.van,
      tot: entry.tot,
      vanaf: entry.vanaf,
      tot_en_met: entry.totEnMet,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RoosterFilter {
  gastouder?: string;
  koppeling?: string;
  kind?: string;
}

/** Rooster rows with the child and gastouder they belong to (via koppeling, or the own child's gastouder). */
export async function listRooster(db: Db, filter: RoosterFilter) {
  let q = db
    .selectFrom('rooster as r')
    .leftJoin('koppeling as kp', 'kp.code', 'r.koppeling')
    .leftJoin('kind as k', (join) => join.on((eb) => eb('k.code', '=', eb.fn.coalesce('kp.kind', 'r.kind'))))
    .select(['r.id', 'r.koppeling', 'r.kind', 'r.dag', 'r.van', 'r.tot', 'r.vanaf', 'r.tot_en_met'])
    .select((eb) => [
      eb.fn.coalesce('kp.kind', 'r.kind').as('kindCode'),
      eb.fn.coalesce('kp.gastouder', 'k.eigen_kind_van').as('gastouderCode'),
    ])
    .orderBy('gastouderCode')
    .orderBy('kindCode')
    .orderBy('r.id');
  if (filter.koppeling) q = q.where('r.koppeling', '=', filter.koppeling);
  if (filter.kind) q = q.where((eb) => eb.or([eb('r.kind', '=', filter.kind!), eb('kp.kind', '=', filter.kind!)]));
  if (filter.gastouder)
    q = q.where((eb) => eb.or([eb('kp.gastouder', '=', filter.gastouder!), eb('k.eigen_kind_van', '=', filter.gastouder!)]));
  return q.execute();
}

/**
 * Everything wrong with storing `entry`: unknown or wrong koppeling/kind, bounds, and overlap with
 * the child's other entries (at any gastouder).
 */
export async function roosterEntryProblems(db: Db, entry: RoosterEntry): Promise<Problem[]> {
  const problems: Problem[] = [];
  let koppeling: { start: string; eind: string | null; kind: string } | undefined;
  let kindCode: string | null = null;
  if (entry.koppeling) {
    koppeling = await db.selectFrom('koppeling').select(['start', 'eind', 'kind']).where('code', '=', entry.koppeling).executeTakeFirst();
    if (!koppeling) problems.push({ veld: 'koppeling', melding: `er is geen koppeling met code ${entry.koppeling}` });
    else kindCode = koppeling.kind;
  }
  if (entry.kind) {
    const kind = await db.selectFrom('kind').select(['code', 'eigen_kind_van']).where('code', '=', entry.kind).executeTakeFirst();
    if (!kind) problems.push({ veld: 'kind', melding: `er is geen kind met code ${entry.kind}` });
    else if (kind.eigen_kind_van === null) {
      problems.push({ veld: 'kind', melding: `${entry.kind} is een gastkind: geef het rooster op bij de koppeling (--koppeling)` });
    } else kindCode = kind.code;
  }
  const others: Parameters<typeof roosterProblems>[2] = [];
  if (kindCode) {
    const rows = await db
      .selectFrom('rooster as r')
      .leftJoin('koppeling as kp', 'kp.code', 'r.koppeling')
      .selectAll('r')
      .select(['kp.start', 'kp.eind'])
      .where((eb) => eb.or([eb('r.kind', '=', kindCode), eb('kp.kind', '=', kindCode)]))
      .$if(entry.id !== undefined, (qb) => qb.where('r.id', '!=', entry.id!))
      .orderBy('r.id')
      .execute();
    for (const row of rows) others.push({ entry: rowToEntry(row), koppeling: row.start ? { start: row.start, eind: row.eind } : null });
  }
  problems.push(...roosterProblems(entry, koppeling ?? null, others));
  return problems;
}

export async function getRooster(db: Db, id: number): Promise<RoosterRow | undefined> {
  return db.selectFrom('rooster').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteRooster(db: Db, id: number): Promise<void> {
  await db.deleteFrom('rooster').where('id', '=', id).execute();
}

/** Remove the whole rooster of a koppeling or of an own child (an import replaces it); returns what it removed. */
export async function deleteRoosterOf(db: Db, owner: { koppeling: string } | { kind: string }): Promise<RoosterRow[]> {
  const q = db.deleteFrom('rooster').returningAll();
  return 'koppeling' in owner ? q.where('koppeling', '=', owner.koppeling).execute() : q.where('kind', '=', owner.kind).execute();
}

/** The rooster of a koppeling or a kind, in the order it was entered. */
export async function roosterOf(db: Db, column: 'koppeling' | 'kind', code: string): Promise<RoosterRow[]> {
  return db.selectFrom('rooster').selectAll().where(column, '=', code).orderBy('id').execute();
}

/** A koppeling with the rooster entries that may fall in a month (see `maandRooster`). */
export interface KoppelingRooster {
  koppeling: string;
  kind: string;
  gastouder: string;
  start: string;
  eind: string | null;
  entries: Pick<RoosterEntry, 'dag' | 'van' | 'tot' | 'vanaf' | 'totEnMet'>[];
}

/**
 * Every koppeling whose period and rooster entries touch the month, with those entries, in one
 * query: one row per koppeling with its entries packed by groupConcat (a row per entry costs
 * ~0.2 µs per cell; a large bureau has 125,000 entries, see rules.ts). Whether an entry really
 * has a date in the month (its weekday may not occur in a short overlap) is for the caller:
 * `afgesprokenPerDatum` in domain/afspraak.ts. Own children's entries have no koppeling and are
 * not billed, so they are left out.
 */
/** A rooster entry (`r`) as `dag|van|tot|vanaf|tot_en_met`, for groupConcat; also in opzegtermijn.ts. */
export const ENTRY = sql<string>`r.dag || '|' || r.van || '|' || r.tot || '|' || coalesce(r.vanaf, '') || '|' || coalesce(r.tot_en_met, '')`;

export async function maandRooster(db: Db, maand: Maand, opts: { gefactureerd?: boolean } = {}): Promise<KoppelingRooster[]> {
  const first = firstOfMonth(maand);
  const last = lastOfMonth(maand);
  type Row = { koppeling: string; kind: string; gastouder: string; start: string; eind: string | null; packed: string };
  // With `gefactureerd`, a koppeling with a kept rooster for the month (maandrooster) has that one
  // instead of today's (`factuur check` compares what the month is billed from); a kept '' (it had
  // none) leaves it out, as a koppeling without entries is.
  const kept = opts.gefactureerd === true;
  const [rows, vast] = await Promise.all([
    sql<Row>`
    select kp.code as koppeling, kp.kind as kind, kp.gastouder as gastouder, kp.start as start, kp.eind as eind,
      ${groupConcat(db, ENTRY, ';')} as packed
    from rooster r
    join koppeling kp on kp.code = r.koppeling
    where kp.start <= ${last} and (kp.eind is null or kp.eind >= ${first})
      and (r.vanaf is null or r.vanaf <= ${last}) and (r.tot_en_met is null or r.tot_en_met >= ${first})
      ${kept ? sql`and not exists (select 1 from maandrooster mr where mr.maand = ${maand} and mr.koppeling = kp.code)` : sql``}
    group by kp.code
    order by kp.gastouder, kp.kind, kp.code`.execute(db),
    kept
      ? sql<Row>`
    select kp.code as koppeling, kp.kind as kind, kp.gastouder as gastouder, kp.start as start, kp.eind as eind, mr.rooster as packed
    from maandrooster mr
    join koppeling kp on kp.code = mr.koppeling
    where mr.maand = ${maand} and mr.rooster <> '' and kp.start <= ${last} and (kp.eind is null or kp.eind >= ${first})`.execute(db)
      : { rows: [] as Row[] },
  ]);
  const all = vast.rows.length === 0 ? rows.rows : [...rows.rows, ...vast.rows].sort(byGastouderKindKoppeling);
  return all.map((row) => ({
    koppeling: row.koppeling,
    kind: row.kind,
    gastouder: row.gastouder,
    start: row.start,
    eind: row.eind,
    entries: unpackEntries(row.packed),
  }));
}

/** maandRooster's order (byte order, as both databases sort codes). */
function byGastouderKindKoppeling(
  a: { gastouder: string; kind: string; koppeling: string },
  b: { gastouder: string; kind: string; koppeling: string },
): number {
  const x = `${a.gastouder}\u0000${a.kind}\u0000${a.koppeling}`;
  const y = `${b.gastouder}\u0000${b.kind}\u0000${b.koppeling}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

type Blok = KoppelingRooster['entries'][number];

/** Entries packed by ENTRY and groupConcat (or kept so in maandrooster) as entries; '' is none. */
export function unpackEntries(packed: string): Blok[] {
  return packed
    .split(';')
    .filter(Boolean)
    .map((item) => {
      const [dag, van, tot, vanaf, totEnMet] = item.split('|') as [string, string, string, string, string];
      return { dag: dag as Dag, van, tot, vanaf: vanaf || null, totEnMet: totEnMet || null };
    });
}

/** Entries packed in one order (groupConcat's is unspecified), so that two roosters compare as text. */
function canonical(entries: readonly Blok[]): string {
  return entries
    .map((e) => `${e.dag}|${e.van}|${e.tot}|${e.vanaf ?? ''}|${e.totEnMet ?? ''}`)
    .sort()
    .join(';');
}

/** Whether an entry's weeks touch the month, as maandRooster and freezeRooster select entries. */
function touches(e: Pick<Blok, 'vanaf' | 'totEnMet'>, maand: Maand): boolean {
  return (e.vanaf === null || e.vanaf <= lastOfMonth(maand)) && (e.totEnMet === null || e.totEnMet >= firstOfMonth(maand));
}

/**
 * Keep the rooster of the month's koppelingen that have none kept yet (CONTRACT §9): every
 * koppeling running in the month, and every one ended with a notice that may reach into it, with
 * its entries that touch the month ('' when none: a rooster added later bills nothing either).
 * Called when the month is invoiced, in that transaction, as freezeRates is; the month's later
 * runs and `factuur check` use what is kept here instead of today's rooster.
 */
export async function freezeRooster(db: Db, maand: Maand): Promise<void> {
  const first = firstOfMonth(maand);
  const last = lastOfMonth(maand);
  // A notice runs one month from its opzegdatum: given in the month before, it may reach into this one.
  const vroegst = addMonths(first, -1);
  // `where true`: SQLite's documented way to parse `on conflict` after `insert … select`.
  await sql`insert into maandrooster (maand, koppeling, rooster)
    select ${maand}, kp.code, coalesce(${groupConcat(db, ENTRY, ';')}, '')
    from koppeling kp
    left join rooster r on r.koppeling = kp.code
      and (r.vanaf is null or r.vanaf <= ${last}) and (r.tot_en_met is null or r.tot_en_met >= ${first})
    where true and kp.start <= ${last} and (kp.eind is null or kp.eind >= ${first} or kp.opzegdatum >= ${vroegst})
    group by kp.code
    on conflict (maand, koppeling) do nothing`.execute(db);
}

/** The kept roosters of a month (see freezeRooster) per koppeling; a koppeling without one is billed from today's. */
export async function keptRooster(db: Db, maand: Maand): Promise<Map<string, Blok[]>> {
  const rows = await db.selectFrom('maandrooster').select(['koppeling', 'rooster']).where('maand', '=', maand).execute();
  return new Map(rows.map((r) => [r.koppeling, unpackEntries(r.rooster)]));
}

/**
 * After a rooster change: per koppeling (in the order given) the invoiced months whose rooster the
 * change would have changed (`voor` and `na`: the koppeling's entries that differ, before and
 * after; entries both have may be left out), months ascending. Those months keep the rooster they
 * were first invoiced with (freezeRooster); a month without a kept rooster for the koppeling is
 * billed from the new one and is not named.
 */
export async function keptMonthsChanged(
  db: Db,
  changes: ReadonlyMap<string, { voor: readonly Blok[]; na: readonly Blok[] }>,
): Promise<{ koppeling: string; maanden: Maand[] }[]> {
  if (changes.size === 0) return [];
  const rows = await db
    .selectFrom('maandrooster')
    .select(['koppeling', 'maand'])
    .where('koppeling', 'in', inValues(db, [...changes.keys()]))
    .orderBy('maand')
    .execute();
  const per = new Map<string, Maand[]>();
  for (const row of rows) {
    const maand = row.maand as Maand;
    const { voor, na } = changes.get(row.koppeling)!;
    if (canonical(voor.filter((e) => touches(e, maand))) === canonical(na.filter((e) => touches(e, maand)))) continue;
    per.set(row.koppeling, [...(per.get(row.koppeling) ?? []), maand]);
  }
  return [...changes.keys()].flatMap((koppeling) => {
    const maanden = per.get(koppeling);
    return maanden ? [{ koppeling, maanden }] : [];
  });
}
