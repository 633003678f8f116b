// The co-parents of a month (CONTRACT §9): the koppelingen running in the month of every kind ×
// gastouder of which one names a second ouder. Pairs without one are not loaded: a bureau without
// co-parents reads nothing here.
import { firstOfMonth, lastOfMonth, type Maand } from '../../domain/calendar.js';
import type { KoppelingDeling } from '../../domain/coouders.js';
import type { Db } from '../open.js';

export async function maandDelingen(db: Db, maand: Maand): Promise<KoppelingDeling[]> {
  const eerste = firstOfMonth(maand);
  const laatste = lastOfMonth(maand);
  const lopend = () =>
    db
      .selectFrom('koppeling')
      .select(['code', 'kind', 'gastouder', 'tweede_ouder', 'verdeling'])
      .where('start', '<=', laatste)
      .where((eb) => eb.or([eb('eind', 'is', null), eb('eind', '>=', eerste)]));
  // Two steps: the shared ones (usually none, and then nothing more is read), then every
  // koppeling of those children in the month, to see whether one of their pairs shares two ways.
  const gedeeld = await lopend().where('tweede_ouder', 'is not', null).execute();
  if (gedeeld.length === 0) return [];
  const paren = new Set(gedeeld.map((k) => `${k.kind}|${k.gastouder}`));
  // One scan, filtered here: a list of thousands of children would not fit in one SQL statement.
  const rows = (await lopend().orderBy('code').execute()).filter((k) => paren.has(`${k.kind}|${k.gastouder}`));
  return rows.map((r) => ({
    koppeling: r.code,
    kind: r.kind,
    gastouder: r.gastouder,
    tweedeOuder: r.tweede_ouder,
    verdeling: r.verdeling,
  }));
}
