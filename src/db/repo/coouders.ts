// The co-parents of a month (CONTRACT §9): the koppelingen running in the month, or billing notice
// in it, of every kind × gastouder of which one names a second ouder (as the month was first
// invoiced, if it was).
import { addMonths, firstOfMonth, lastOfMonth, type Maand } from '../../domain/calendar.js';
import type { KoppelingDeling } from '../../domain/coouders.js';
import type { Db } from '../open.js';

export async function maandDelingen(db: Db, maand: Maand): Promise<KoppelingDeling[]> {
  const eerste = firstOfMonth(maand);
  const laatste = lastOfMonth(maand);
  // A koppeling that ended before the month still bills the notice dates that fall in it, and they
  // are shared as its care was: a notice given after the first of the month before runs into this
  // month (opzegdatum + 1 month − 1 day ≥ the 1st). Left out, its notice went whole to the first ouder.
  const vroegst = addMonths(eerste, -1);
  // A month invoiced before keeps the share it was first invoiced with (maandtarief), as it keeps
  // its rate: a later change of the split re-bills no invoiced month.
  const lopend = () =>
    db
      .selectFrom('koppeling as kp')
      .leftJoin('maandtarief as mt', (join) => join.onRef('mt.koppeling', '=', 'kp.code').on('mt.maand', '=', maand))
      .select((eb) => [
        'kp.code as code',
        'kp.kind as kind',
        'kp.gastouder as gastouder',
        eb
          .case()
          .when('mt.koppeling', 'is not', null)
          .then(eb.ref('mt.tweede_ouder'))
          .else(eb.ref('kp.tweede_ouder'))
          .end()
          .as('tweede_ouder'),
        eb
          .case()
          .when('mt.koppeling', 'is not', null)
          .then(eb.fn.coalesce('mt.verdeling', eb.lit(100)))
          .else(eb.ref('kp.verdeling'))
          .end()
          .as('verdeling'),
      ])
      .where('kp.start', '<=', laatste)
      .where((eb) =>
        eb.or([
          eb('kp.eind', 'is', null),
          eb('kp.eind', '>=', eerste),
          eb.and([eb('kp.zonder_opzegtermijn', '=', 0), eb('kp.opzegdatum', '>', vroegst)]),
        ]),
      );
  // Usually nobody shares, and then nothing more is done; else every koppeling of those children in
  // the month, to see whether one of their pairs shares two ways.
  const alle = await lopend().orderBy('kp.code').execute();
  const gedeeld = alle.filter((k) => k.tweede_ouder !== null);
  if (gedeeld.length === 0) return [];
  const paren = new Set(gedeeld.map((k) => `${k.kind}|${k.gastouder}`));
  const rows = alle.filter((k) => paren.has(`${k.kind}|${k.gastouder}`));
  return rows.map((r) => ({
    koppeling: r.code,
    kind: r.kind,
    gastouder: r.gastouder,
    tweedeOuder: r.tweede_ouder,
    verdeling: r.verdeling,
  }));
}
