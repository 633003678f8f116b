// What `factuur run` needs to bill agreed hours (CONTRACT §9): the month's koppelingen of guest
// children with their rooster, the urenkaart minutes per date, and the absences of the month.
import type { Afspraak, Afwezigheid } from '../../domain/afgesproken.js';
import { type Dag, firstOfMonth, lastOfMonth, type Maand } from '../../domain/calendar.js';
import { isPostgres } from '../dialect.js';
import type { Db } from '../open.js';
import { rowToAfwezigheid } from './afwezigheid.js';
import { keptRooster } from './rooster.js';
import { telMinutenPerDatum } from './urenkaart.js';

/** A koppeling running in the month, with its rooster and what a care line of it is billed with. */
export interface MaandAfspraak extends Afspraak {
  koppeling: string;
  ouder: string;
  /** The month's frozen rate (maandtarief), else the koppeling's current one: as for care. */
  uurtariefCent: number;
  opvanglocatie: 'gastouder' | 'ouder';
  /** The LRK of this care: the gastouder's, or the koppeling's for care at the ouder's home. */
  lrk: string | null;
  gastouderNaam: string;
}

export async function maandAfspraken(
  db: Db,
  maand: Maand,
): Promise<{ afspraken: MaandAfspraak[]; gewerkt: Map<string, Map<string, number>>; afwezigheden: Afwezigheid[] }> {
  const eerste = firstOfMonth(maand);
  const laatste = lastOfMonth(maand);
  const [koppelingen, rooster, uren, afwezig, vast] = await Promise.all([
    db
      .selectFrom('koppeling as kp')
      .innerJoin('kind as k', 'k.code', 'kp.kind')
      .innerJoin('gastouder as g', 'g.code', 'kp.gastouder')
      .leftJoin('maandtarief as mt', (join) => join.on('mt.maand', '=', maand).onRef('mt.koppeling', '=', 'kp.code'))
      .select((eb) => [
        'kp.code',
        'kp.kind',
        'kp.gastouder',
        'kp.start',
        'kp.eind',
        'kp.opvanglocatie',
        'kp.lrk as koppeling_lrk',
        'k.ouder',
        'g.lrk as gastouder_lrk',
        'g.naam',
        eb.fn.coalesce('mt.uurtarief_cent', 'kp.uurtarief_cent').as('uurtarief_cent'),
      ])
      .where('kp.start', '<=', laatste)
      .where((eb) => eb.or([eb('kp.eind', 'is', null), eb('kp.eind', '>=', eerste)]))
      .where('k.ouder', 'is not', null)
      // SQLite's order, said for PostgreSQL: warnings follow it.
      .$if(isPostgres(db), (q) => q.orderBy('kp.code'))
      .execute(),
    db
      .selectFrom('rooster as r')
      .innerJoin('koppeling as kp', 'kp.code', 'r.koppeling')
      .select(['r.koppeling', 'r.dag', 'r.van', 'r.tot', 'r.vanaf', 'r.tot_en_met'])
      .where('kp.start', '<=', laatste)
      .where((eb) => eb.or([eb('kp.eind', 'is', null), eb('kp.eind', '>=', eerste)]))
      .where((eb) => eb.or([eb('r.vanaf', 'is', null), eb('r.vanaf', '<=', laatste)]))
      .where((eb) => eb.or([eb('r.tot_en_met', 'is', null), eb('r.tot_en_met', '>=', eerste)]))
      .$if(isPostgres(db), (q) => q.orderBy('r.id'))
      .execute(),
    db.selectFrom('urenkaart').select(['kind', 'gastouder', 'koppeling', 'regels']).where('maand', '=', maand).execute(),
    db
      .selectFrom('afwezigheid')
      .selectAll()
      .where('van', '<=', laatste)
      .where('tot_en_met', '>=', eerste)
      .$if(isPostgres(db), (q) => q.orderBy('id'))
      .execute(),
    keptRooster(db, maand),
  ]);
  const perKoppeling = new Map<string, Afspraak['rooster']>();
  for (const r of rooster) {
    const blok = { dag: r.dag as Dag, van: r.van, tot: r.tot, vanaf: r.vanaf, totEnMet: r.tot_en_met };
    const list = perKoppeling.get(r.koppeling!);
    if (list) list.push(blok);
    else perKoppeling.set(r.koppeling!, [blok]);
  }
  const afspraken: MaandAfspraak[] = [];
  for (const k of koppelingen) {
    // An invoiced month is billed from the rooster it was first invoiced with (freezeRooster).
    const blokken = vast.get(k.code) ?? perKoppeling.get(k.code);
    if (!blokken || blokken.length === 0) continue;
    afspraken.push({
      koppeling: k.code,
      kind: k.kind,
      gastouder: k.gastouder,
      ouder: k.ouder!,
      start: k.start,
      eind: k.eind,
      rooster: blokken,
      uurtariefCent: k.uurtarief_cent,
      opvanglocatie: k.opvanglocatie,
      lrk: k.opvanglocatie === 'ouder' ? k.koppeling_lrk : k.gastouder_lrk,
      gastouderNaam: k.naam,
    });
  }
  // Minutes per kind × gastouder, per date: `${kind}|${gastouder}` → datum → minuten.
  const gewerkt = new Map<string, Map<string, number>>();
  const paar = new Map(koppelingen.map((k) => [k.code, `${k.kind}|${k.gastouder}`]));
  for (const u of uren) {
    const keys = [`${u.kind}|${u.gastouder}`];
    // Care on the urenkaart of a koppeling is care under it, also when the koppeling now names
    // another gastouder (changed before gob refused that): never billed again as agreed hours.
    const eigen = paar.get(u.koppeling);
    if (eigen !== undefined && eigen !== keys[0]) keys.push(eigen);
    for (const key of keys) {
      let perDatum = gewerkt.get(key);
      if (!perDatum) {
        perDatum = new Map();
        gewerkt.set(key, perDatum);
      }
      telMinutenPerDatum(perDatum, maand, u.regels);
    }
  }
  return { afspraken, gewerkt, afwezigheden: afwezig.map(rowToAfwezigheid) };
}
