// The co-parents of a month (CONTRACT §9): the koppelingen running in the month of every kind ×
// gastouder of which one names a second ouder. Pairs without one are not loaded: a bureau without
// co-parents reads nothing here.
import { firstOfMonth, lastOfMonth, type Maand } from '../../domain/calendar.js';
import type { KoppelingDeling } from '../../domain/coouders.js';
import type { Db } from '../open.js';

export async function maandDelingen(db: Db, maand: Maand): Promise<KoppelingDeling[]> {
  const eerste = firstOfMonth(maand);
  const laatste = lastOfMonth(maand);
  const rows = await db
    .selectFrom('koppeling as kp')
    .select(['kp.code', 'kp.kind', 'kp.gastouder', 'kp.tweede_ouder', 'kp.verdeling'])
    .where('kp.start', '<=', laatste)
    .where((eb) => eb.or([eb('kp.eind', 'is', null), eb('kp.eind', '>=', eerste)]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('koppeling as k2')
          .select('k2.code')
          .whereRef('k2.kind', '=', 'kp.kind')
          .whereRef('k2.gastouder', '=', 'kp.gastouder')
          .where('k2.tweede_ouder', 'is not', null)
          .where('k2.start', '<=', laatste)
          .where((e) => e.or([e('k2.eind', 'is', null), e('k2.eind', '>=', eerste)])),
      ),
    )
    .orderBy('kp.code')
    .execute();
  return rows.map((r) => ({
    koppeling: r.code,
    kind: r.kind,
    gastouder: r.gastouder,
    tweedeOuder: r.tweede_ouder,
    verdeling: r.verdeling,
  }));
}
