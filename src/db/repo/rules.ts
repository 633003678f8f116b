// Loads what the rules engine needs, for one gastouder or all of them, in a handful of queries
// (grouped in memory), so that checking 10,000 gastouders does not mean 10,000 round trips.
import type { Dag, Datum } from '../../domain/calendar.js';
import { maxDate, minDate } from '../../domain/calendar.js';
import type { DaySlot, RuleChild, RuleGastouder, WeeklySlot } from '../../domain/rules.js';
import type { Db } from '../open.js';

export interface GastouderRuleInput {
  gastouder: RuleGastouder & { naam: string; eind: Datum | null };
  children: (RuleChild & { naam: string })[];
  slots: WeeklySlot[];
}

const OPEN_START = '0000-01-01';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Every gastouder (or one) with her children and weekly slots that touch [vanaf, tot]. A guest
 * child's slot is bounded by its koppeling; an own child's slots by its own vanaf/tot-en-met.
 */
export async function loadRuleInput(db: Db, filter: { gastouder?: string; vanaf: Datum; tot: Datum | null }): Promise<GastouderRuleInput[]> {
  const { vanaf, tot } = filter;
  const bureau = await db.selectFrom('bureau').select('beginner_max').executeTakeFirstOrThrow();
  let gq = db.selectFrom('gastouder').select(['code', 'naam', 'achterwacht', 'slaapruimte', 'ervaring_sinds', 'eind']).orderBy('code');
  if (filter.gastouder) gq = gq.where('code', '=', filter.gastouder);
  gq = gq.where((eb) => eb.or([eb('eind', 'is', null), eb('eind', '>=', vanaf)]));
  const gastouders = await gq.execute();

  let kq = db
    .selectFrom('koppeling as kp')
    .innerJoin('kind as k', 'k.code', 'kp.kind')
    .leftJoin('rooster as r', 'r.koppeling', 'kp.code')
    .select(['kp.gastouder', 'kp.kind', 'kp.start', 'kp.eind', 'k.naam', 'k.geboortedatum', 'r.dag', 'r.van', 'r.tot', 'r.vanaf', 'r.tot_en_met'])
    .where((eb) => eb.or([eb('kp.eind', 'is', null), eb('kp.eind', '>=', vanaf)]));
  if (tot) kq = kq.where('kp.start', '<=', tot);
  if (filter.gastouder) kq = kq.where('kp.gastouder', '=', filter.gastouder);
  const guestRows = await kq.execute();

  let oq = db
    .selectFrom('kind as k')
    .leftJoin('rooster as r', 'r.kind', 'k.code')
    .select(['k.code', 'k.naam', 'k.geboortedatum', 'k.eigen_kind_van', 'r.dag', 'r.van', 'r.tot', 'r.vanaf', 'r.tot_en_met'])
    .where('k.eigen_kind_van', 'is not', null);
  if (filter.gastouder) oq = oq.where('k.eigen_kind_van', '=', filter.gastouder);
  const ownRows = await oq.execute();

  const guestsBy = new Map<string, typeof guestRows>();
  for (const row of guestRows) push(guestsBy, row.gastouder, row);
  const ownBy = new Map<string, typeof ownRows>();
  for (const row of ownRows) push(ownBy, row.eigen_kind_van!, row);

  return gastouders.map((g) => {
    const children = new Map<string, RuleChild & { naam: string }>();
    const slots: WeeklySlot[] = [];
    for (const row of guestsBy.get(g.code) ?? []) {
      children.set(row.kind, { code: row.kind, naam: row.naam, geboortedatum: row.geboortedatum, eigen: false });
      if (!row.dag || !row.van || !row.tot) continue;
      const start = row.vanaf ? maxDate(row.vanaf, row.start) : row.start;
      const end = row.tot_en_met && row.eind ? minDate(row.tot_en_met, row.eind) : (row.tot_en_met ?? row.eind);
      if (end !== null && end < start) continue;
      slots.push({ kind: row.kind, dag: row.dag as Dag, van: row.van, tot: row.tot, vanaf: start, totEnMet: end });
    }
    for (const row of ownBy.get(g.code) ?? []) {
      children.set(row.code, { code: row.code, naam: row.naam, geboortedatum: row.geboortedatum, eigen: true });
      if (row.dag && row.van && row.tot) {
        slots.push({ kind: row.code, dag: row.dag as Dag, van: row.van, tot: row.tot, vanaf: row.vanaf ?? OPEN_START, totEnMet: row.tot_en_met });
      }
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

/** A month's urenkaart rows per gastouder, as day slots for the rules engine. */
export async function loadUrenSlots(db: Db, maand: string, gastouder?: string): Promise<Map<string, DaySlot[]>> {
  let q = db.selectFrom('urenkaart').select(['gastouder', 'kind', 'datum', 'van', 'tot']).where('maand', '=', maand);
  if (gastouder) q = q.where('gastouder', '=', gastouder);
  const rows = await q.execute();
  const by = new Map<string, DaySlot[]>();
  for (const row of rows) push(by, row.gastouder, { kind: row.kind, datum: row.datum, van: row.van, tot: row.tot });
  return by;
}
