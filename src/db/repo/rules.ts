// Loads what the rules engine needs, for one gastouder or all of them. Measured on 10,000
// gastouders (125,000 rooster slots): better-sqlite3 spends ~0.2 µs per cell it hands to
// JavaScript, so one row per slot with eleven columns took ~0.6 s, while one row per gastouder
// with her slots packed by group_concat (groupConcat in dialect.ts) takes ~0.15 s. Codes, dates and times never
// contain '|' or ';', so the packing is unambiguous.
import { type RawBuilder, sql } from 'kysely';
import type { Dag, Datum } from '../../domain/calendar.js';
import { maxDate, minDate } from '../../domain/calendar.js';
import type { DaySlot, RuleChild, RuleGastouder, WeeklySlot } from '../../domain/rules.js';
import { groupConcat, inValues } from '../dialect.js';
import type { Db } from '../open.js';
import { listUren } from './urenkaart.js';

export interface GastouderRuleInput {
  gastouder: RuleGastouder & { naam: string; eind: Datum | null };
  children: RuleChild[];
  slots: WeeklySlot[];
}

const OPEN_START = '0000-01-01';

/**
 * Every gastouder (or one, or those of a list) with her children and weekly slots that touch
 * [vanaf, tot]. A guest child's slot is bounded by its koppeling; an own child's slots by its own
 * vanaf/tot-en-met. A list is one set of queries whatever its length (an import checks hundreds).
 */
export async function loadRuleInput(
  db: Db,
  filter: ({ gastouder?: string; gastouders?: undefined } | { gastouders: readonly string[]; gastouder?: undefined }) & {
    vanaf: Datum;
    tot: Datum | null;
  },
): Promise<GastouderRuleInput[]> {
  const { vanaf, tot } = filter;
  const list = filter.gastouders ?? (filter.gastouder !== undefined ? [filter.gastouder] : null);
  if (list !== null && list.length === 0) return [];
  const among = (column: RawBuilder<unknown>) => (list === null ? sql`true` : sql`${column} in ${inValues(db, list)}`);
  const bureau = await db.selectFrom('bureau').select('beginner_max').executeTakeFirstOrThrow();
  const gastouders = await db
    .selectFrom('gastouder')
    .select(['code', 'naam', 'achterwacht', 'slaapruimte', 'ervaring_sinds', 'eind'])
    .$if(list !== null, (q) => q.where('code', 'in', inValues(db, list!)))
    .where((eb) => eb.or([eb('eind', 'is', null), eb('eind', '>=', vanaf)]))
    .orderBy('code')
    .execute();

  // Guest children: kind|geboortedatum|start|eind|dag|van|tot|vanaf|tot_en_met|opvanglocatie, one per slot
  // (a koppeling without rooster gives one entry with empty slot fields).
  const guests = await sql<{ gastouder: string; packed: string }>`
    select kp.gastouder as gastouder, ${groupConcat(
      db,
      sql`kp.kind || '|' || k.geboortedatum || '|' || kp.start || '|' || coalesce(kp.eind, '') || '|' || coalesce(r.dag, '') || '|' ||
      coalesce(r.van, '') || '|' || coalesce(r.tot, '') || '|' || coalesce(r.vanaf, '') || '|' || coalesce(r.tot_en_met, '') || '|' || kp.opvanglocatie`,
      ';',
    )} as packed
    from koppeling kp
    join kind k on k.code = kp.kind
    left join rooster r on r.koppeling = kp.code
    where (kp.eind is null or kp.eind >= ${vanaf}) and (cast(${tot} as text) is null or kp.start <= ${tot}) and ${among(sql`kp.gastouder`)}
    group by kp.gastouder`.execute(db);
  // Own children: kind|geboortedatum|dag|van|tot|vanaf|tot_en_met.
  const own = await sql<{ gastouder: string; packed: string }>`
    select k.eigen_kind_van as gastouder, ${groupConcat(
      db,
      sql`k.code || '|' || k.geboortedatum || '|' || coalesce(r.dag, '') || '|' || coalesce(r.van, '') || '|' || coalesce(r.tot, '') || '|' ||
      coalesce(r.vanaf, '') || '|' || coalesce(r.tot_en_met, '')`,
      ';',
    )} as packed
    from kind k
    left join rooster r on r.kind = k.code
    where k.eigen_kind_van is not null and ${among(sql`k.eigen_kind_van`)}
    group by k.eigen_kind_van`.execute(db);
  const guestsBy = new Map(guests.rows.map((r) => [r.gastouder, r.packed]));
  const ownBy = new Map(own.rows.map((r) => [r.gastouder, r.packed]));

  return gastouders.map((g) => {
    const children = new Map<string, RuleChild>();
    const slots: WeeklySlot[] = [];
    for (const item of guestsBy.get(g.code)?.split(';') ?? []) {
      const [kind, geboortedatum, start, eind, dag, van, tot, slotVanaf, totEnMet, locatie] = item.split('|') as string[];
      if (!children.has(kind!)) children.set(kind!, { code: kind!, geboortedatum: geboortedatum!, eigen: false });
      if (!dag) continue;
      const from = slotVanaf ? maxDate(slotVanaf, start!) : start!;
      const until = totEnMet && eind ? minDate(totEnMet, eind) : totEnMet || eind || null;
      if (until !== null && until < from) continue;
      slots.push({ kind: kind!, dag: dag as Dag, van: van!, tot: tot!, vanaf: from, totEnMet: until, bijOuder: locatie === 'ouder' });
    }
    for (const item of ownBy.get(g.code)?.split(';') ?? []) {
      const [kind, geboortedatum, dag, van, tot, slotVanaf, totEnMet] = item.split('|') as string[];
      if (!children.has(kind!)) children.set(kind!, { code: kind!, geboortedatum: geboortedatum!, eigen: true });
      if (dag)
        slots.push({ kind: kind!, dag: dag as Dag, van: van!, tot: tot!, vanaf: slotVanaf || OPEN_START, totEnMet: totEnMet || null });
    }
    return {
      gastouder: {
        code: g.code,
        naam: g.naam,
        eind: g.eind,
        achterwacht: (g.achterwacht ?? '').trim() !== '',
        slaapruimte: g.slaapruimte === 1,
        ervaringSinds: g.ervaring_sinds,
        beginnerMax: bureau.beginner_max,
      },
      children: [...children.values()],
      slots,
    };
  });
}

/** Names and birth dates of the given children, for a report (only those it names). */
export async function loadChildNames(db: Db, codes: string[]): Promise<Map<string, { naam: string; geboortedatum: Datum }>> {
  const result = new Map<string, { naam: string; geboortedatum: Datum }>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('kind')
      .select(['code', 'naam', 'geboortedatum'])
      .where('code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const row of rows) result.set(row.code, row);
  }
  return result;
}

/** A month's urenkaart lines per gastouder, as day slots for the rules engine. */
export async function loadUrenSlots(db: Db, maand: string, gastouder?: string): Promise<Map<string, DaySlot[]>> {
  const by = new Map<string, DaySlot[]>();
  const bijOuder = new Set(
    (await db.selectFrom('koppeling').select('code').where('opvanglocatie', '=', 'ouder').execute()).map((k) => k.code),
  );
  for (const line of await listUren(db, { maand, gastouder })) {
    const list = by.get(line.gastouder);
    const slot = { kind: line.kind, datum: line.datum, van: line.van, tot: line.tot, bijOuder: bijOuder.has(line.koppeling) };
    if (list) list.push(slot);
    else by.set(line.gastouder, [slot]);
  }
  return by;
}

/** The dates and people of a koppeling, for the slot a rooster entry makes. */
export async function koppelingSpan(db: Db, code: string) {
  return db.selectFrom('koppeling').select(['gastouder', 'kind', 'start', 'eind']).where('code', '=', code).executeTakeFirst();
}

/** Whose own child a kind is (null for a child in care only). */
export async function eigenKindVan(db: Db, kind: string): Promise<string | null | undefined> {
  return (await db.selectFrom('kind').select(['eigen_kind_van']).where('code', '=', kind).executeTakeFirst())?.eigen_kind_van;
}
