// What the notice period (CONTRACT §9 "Notice") needs: the koppelingen ended by `koppeling end` with
// their rooster entries, and what a line of theirs is billed with. The dates and minutes are
// computed in domain/opzegtermijn.ts.
import { type RawBuilder, sql } from 'kysely';
import type { AfspraakEntry } from '../../domain/afspraak.js';
import { addMonths, firstOfMonth, lastOfMonth, type Maand } from '../../domain/calendar.js';
import type { Opzegging } from '../../domain/opzegtermijn.js';
import { groupConcat, inValues } from '../dialect.js';
import type { Db } from '../open.js';
import { ENTRY, unpackEntries } from './rooster.js';
import { telMinutenPerDatum } from './urenkaart.js';

/** A koppeling with its notice, its rooster and what a care line of it is billed with. */
export interface KoppelingOpzegging extends Opzegging {
  koppeling: string;
  kind: string;
  gastouder: string;
  ouder: string;
  /** For a month: its frozen rate (maandtarief), else the koppeling's current one, as for care. */
  uurtariefCent: number;
  opvanglocatie: 'gastouder' | 'ouder';
  /** The LRK of this care: the gastouder's, or the koppeling's for care at the ouder's home. */
  lrk: string | null;
  gastouderNaam: string;
  entries: AfspraakEntry[];
  /** For a month (maandOpzeggingen): the urenkaart minutes per date of the child at this gastouder, or under this koppeling. */
  gewerkt?: Map<string, number>;
}

type Row = {
  koppeling: string;
  kind: string;
  gastouder: string;
  ouder: string;
  eind: string;
  opzegdatum: string;
  zonder_opzegtermijn: number;
  gastouder_eind: string | null;
  volgende_start: string | null;
  uurtarief_cent: number;
  opvanglocatie: 'gastouder' | 'ouder';
  lrk: string | null;
  gastouder_naam: string;
  packed: string | null;
  kept: string | null;
};

/**
 * One query: the koppelingen (of guest children, ended with an opzegdatum) that `where` selects,
 * each with its rooster entries packed by groupConcat as `maandRooster` does (for an invoiced
 * `maand`: those kept for it), the start of the child's next koppeling at the same gastouder, and
 * the rate of `maand` (frozen, else current).
 */
async function opzeggingen(db: Db, maand: Maand | null, where: RawBuilder<unknown>): Promise<KoppelingOpzegging[]> {
  const rows = await sql<Row>`
    select kp.code as koppeling, kp.kind as kind, kp.gastouder as gastouder, k.ouder as ouder, kp.eind as eind,
      kp.opzegdatum as opzegdatum, kp.zonder_opzegtermijn as zonder_opzegtermijn, g.eind as gastouder_eind,
      (select min(v.start) from koppeling v where v.kind = kp.kind and v.gastouder = kp.gastouder and v.start > kp.eind) as volgende_start,
      coalesce(mt.uurtarief_cent, kp.uurtarief_cent) as uurtarief_cent, kp.opvanglocatie as opvanglocatie,
      case when kp.opvanglocatie = 'ouder' then kp.lrk else g.lrk end as lrk, g.naam as gastouder_naam,
      ${groupConcat(db, ENTRY, ';')} as packed, mr.rooster as kept
    from koppeling kp
    join kind k on k.code = kp.kind
    join gastouder g on g.code = kp.gastouder
    left join rooster r on r.koppeling = kp.code
    left join maandtarief mt on mt.koppeling = kp.code and mt.maand = ${maand}
    left join maandrooster mr on mr.koppeling = kp.code and mr.maand = ${maand}
    where kp.eind is not null and kp.opzegdatum is not null and k.ouder is not null and ${where}
    -- The joined rows are one per koppeling (key joins): grouping by their columns too changes no
    -- group, and PostgreSQL requires it of every column that is not of the grouped key's table.
    group by kp.code, k.ouder, g.eind, mt.uurtarief_cent, g.lrk, g.naam, mr.rooster
    order by kp.code`.execute(db);
  return rows.rows.map((row) => ({
    koppeling: row.koppeling,
    kind: row.kind,
    gastouder: row.gastouder,
    ouder: row.ouder,
    eind: row.eind,
    opzegdatum: row.opzegdatum,
    zonderOpzegtermijn: row.zonder_opzegtermijn === 1,
    gastouderEind: row.gastouder_eind,
    volgendeStart: row.volgende_start,
    uurtariefCent: row.uurtarief_cent,
    opvanglocatie: row.opvanglocatie,
    lrk: row.lrk,
    gastouderNaam: row.gastouder_naam,
    // An invoiced month bills its notice from the rooster it was first invoiced with (freezeRooster).
    entries: unpackEntries(row.kept ?? row.packed ?? ''),
  }));
}

/**
 * The koppelingen whose notice may have dates in `maand`, at the month's rate: ended before the
 * month's last day, with notice given in the month or the one before (a notice runs one month from
 * its opzegdatum; the exact dates are the domain's). Ended by mutual agreement: left out.
 */
export async function maandOpzeggingen(db: Db, maand: Maand): Promise<KoppelingOpzegging[]> {
  const laatste = lastOfMonth(maand);
  const vroegst = addMonths(firstOfMonth(maand), -1);
  const found = await opzeggingen(
    db,
    maand,
    sql`kp.zonder_opzegtermijn = 0 and kp.eind < ${laatste} and kp.opzegdatum <= ${laatste} and kp.opzegdatum >= ${vroegst}`,
  );
  if (found.length === 0) return found;
  // The month's urenkaarten of these children: care on a notice date is not billed again as notice.
  const uren = await db
    .selectFrom('urenkaart')
    .select(['kind', 'gastouder', 'koppeling', 'regels'])
    .where('maand', '=', maand)
    .where('kind', 'in', inValues(db, [...new Set(found.map((o) => o.kind))]))
    .execute();
  for (const o of found) {
    const gewerkt = new Map<string, number>();
    for (const u of uren) {
      if (u.koppeling !== o.koppeling && (u.kind !== o.kind || u.gastouder !== o.gastouder)) continue;
      telMinutenPerDatum(gewerkt, maand, u.regels);
    }
    o.gewerkt = gewerkt;
  }
  return found;
}

/**
 * One koppeling's notice (after `koppeling end`), at its current rate and rooster; with the rates
 * and the kept roosters (freezeRooster) of the months already invoiced.
 */
export async function koppelingOpzegging(
  db: Db,
  code: string,
): Promise<{ opzegging: KoppelingOpzegging | undefined; maandtarieven: Map<Maand, number>; maandroosters: Map<Maand, AfspraakEntry[]> }> {
  const [found, tarieven, roosters] = await Promise.all([
    opzeggingen(db, null, sql`kp.code = ${code}`),
    db.selectFrom('maandtarief').select(['maand', 'uurtarief_cent']).where('koppeling', '=', code).execute(),
    db.selectFrom('maandrooster').select(['maand', 'rooster']).where('koppeling', '=', code).execute(),
  ]);
  return {
    opzegging: found[0],
    maandtarieven: new Map(tarieven.map((t) => [t.maand, t.uurtarief_cent])),
    maandroosters: new Map(roosters.map((r) => [r.maand as Maand, unpackEntries(r.rooster)])),
  };
}
