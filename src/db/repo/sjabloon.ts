// The urenkaart templates of a month (CONTRACT §12): every koppeling running in the month, with the
// names the template's explanation sheet shows. The rooster itself comes from `maandRooster`.
import { firstOfMonth, lastOfMonth, type Maand } from '../../domain/calendar.js';
import type { Db } from '../open.js';

export interface SjabloonKoppeling {
  koppeling: string;
  gastouder: string;
  gastouderNaam: string;
  kind: string;
  kindNaam: string;
  start: string;
  eind: string | null;
}

export async function sjabloonKoppelingen(db: Db, maand: Maand, gastouder?: string): Promise<SjabloonKoppeling[]> {
  let query = db
    .selectFrom('koppeling as kp')
    .innerJoin('kind as k', 'k.code', 'kp.kind')
    .innerJoin('gastouder as g', 'g.code', 'kp.gastouder')
    .select([
      'kp.code as koppeling',
      'kp.gastouder as gastouder',
      'g.naam as gastouderNaam',
      'kp.kind as kind',
      'k.naam as kindNaam',
      'kp.start as start',
      'kp.eind as eind',
    ])
    .where('kp.start', '<=', lastOfMonth(maand))
    .where((eb) => eb.or([eb('kp.eind', 'is', null), eb('kp.eind', '>=', firstOfMonth(maand))]));
  if (gastouder !== undefined) query = query.where('kp.gastouder', '=', gastouder);
  return query.orderBy('kp.gastouder').orderBy('kp.kind').orderBy('kp.start').execute();
}
