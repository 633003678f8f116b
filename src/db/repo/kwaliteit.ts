// What the quality duties of CONTRACT §10 are computed from: for every gastouder with an active
// koppeling her certificates, huisgenoten, visits and koppelingen, in one statement for the whole
// bureau (no query per gastouder).
import type { Datum } from '../../domain/calendar.js';
import type {
  BezoekSoort,
  KwaliteitBeleid,
  KwaliteitBezoek,
  KwaliteitGastouder,
  KwaliteitHuisgenoot,
  KwaliteitKoppeling,
} from '../../domain/kwaliteit.js';
import { sql } from 'kysely';
import { isPostgres } from '../dialect.js';
import { type Db, rawHandle } from '../open.js';

export interface KwaliteitDossier {
  gastouder: KwaliteitGastouder & { naam: string };
  huisgenoten: KwaliteitHuisgenoot[];
  bezoeken: KwaliteitBezoek[];
  koppelingen: KwaliteitKoppeling[];
}

/**
 * The dossiers of every gastouder with a koppeling that runs on `today` or starts by `eindHorizon`
 * (or only of `gastouder`), in code order; her koppelingen are those active ones.
 *
 * One statement, one row per gastouder with her koppelingen, huisgenoten and visits as JSON arrays
 * (as yearLines in jaaropgave.ts does): fetched cell by cell through Kysely, the 200,000 rows of
 * 11,000 gastouders cost more than the whole check besides.
 *
 * Only the visits that decide a duty are read (plichten() uses no others): every evaluation (the
 * proefperiode window of its koppeling needs them all), this year's huisbezoeken (they are
 * counted), and of the rest the latest per soort. A bureau keeps years of visits.
 */
export async function kwaliteitDossiers(
  db: Db,
  { today, eindHorizon, gastouder }: { today: Datum; eindHorizon: Datum; gastouder?: string | undefined },
): Promise<{ beleid: KwaliteitBeleid; dossiers: KwaliteitDossier[] }> {
  const bureau = await db
    .selectFrom('bureau')
    .select(['huisbezoeken_per_jaar', 'evaluaties_per_jaar'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const januari = `${today.slice(0, 4)}-01-01`;
  const rows = isPostgres(db)
    ? await postgresDossiers(db, { today, eindHorizon, gastouder, januari })
    : sqliteDossiers(db, { today, eindHorizon, gastouder, januari });
  const dossiers = rows.map(
    ([code, naam, ehboTot, vogDatum, diploma, verzekeringTot, prk, start, k, h, b]): KwaliteitDossier => ({
      gastouder: { code, naam, ehboTot, vogDatum, diploma, verzekeringTot, prk: prk === 1, start },
      koppelingen: (JSON.parse(k) as [string, string, string | null][]).map(([code, start, eind]) => ({ code, start, eind })),
      huisgenoten: (JSON.parse(h) as [string, string, string | null, number][]).map(([naam, geboortedatum, vogDatum, prk]) => ({
        naam,
        geboortedatum,
        vogDatum,
        prk: prk === 1,
      })),
      bezoeken: (JSON.parse(b) as [BezoekSoort, string, string | null][]).map(([soort, datum, koppeling]) => ({ soort, datum, koppeling })),
    }),
  );
  return { beleid: { huisbezoekenPerJaar: bureau.huisbezoeken_per_jaar, evaluatiesPerJaar: bureau.evaluaties_per_jaar }, dossiers };
}

/** A gastouder's columns, then her koppelingen, huisgenoten and visits as JSON array text. */
type DossierRow = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  string | null,
  string,
  string,
  string,
];

interface DossierFilter {
  today: Datum;
  eindHorizon: Datum;
  gastouder?: string | undefined;
  januari: Datum;
}

function sqliteDossiers(db: Db, { today, eindHorizon, gastouder, januari }: DossierFilter): DossierRow[] {
  const actief = 'k.start <= :horizon and (k.eind is null or k.eind >= :today)';
  return rawHandle(db)
    .prepare(
      `select g.code, g.naam, g.ehbo_tot, g.vog_datum, g.diploma, g.verzekering_tot, g.prk, g.start,
         (select json_group_array(json_array(k.code, k.start, k.eind))
            from (select k.code, k.start, k.eind from koppeling k where k.gastouder = g.code and ${actief} order by k.start, k.code) k),
         (select json_group_array(json_array(h.naam, h.geboortedatum, h.vog_datum, h.prk))
            from (select naam, geboortedatum, vog_datum, prk from huisgenoot where gastouder = g.code order by naam, id) h),
         (select json_group_array(json_array(b.soort, b.datum, b.koppeling)) from (
            select soort, datum, koppeling from bezoek
             where gastouder = g.code and (soort = 'evaluatie' or (soort = 'huisbezoek' and datum >= :januari))
            union all
            select soort, max(datum), null from bezoek
             where gastouder = g.code and (soort in ('risico-inventarisatie', 'voortgangsgesprek') or (soort = 'huisbezoek' and datum < :januari))
             group by soort) b)
       from gastouder g
       where g.code in (select k.gastouder from koppeling k where ${actief}${gastouder === undefined ? '' : ' and k.gastouder = :gastouder'})
       order by g.code`,
    )
    .raw()
    .all({ horizon: eindHorizon, today, januari, ...(gastouder === undefined ? {} : { gastouder }) }) as DossierRow[];
}

/**
 * The same statement in PostgreSQL's words: json_agg with the order inside the aggregate (SQLite
 * keeps the order of the subquery it aggregates; PostgreSQL promises nothing there), and '[]'
 * for no rows (json_agg of no rows is null). Rows as arrays, as better-sqlite3's raw() gives.
 */
async function postgresDossiers(db: Db, { today, eindHorizon, gastouder, januari }: DossierFilter): Promise<DossierRow[]> {
  const actief = sql`k.start <= ${eindHorizon} and (k.eind is null or k.eind >= ${today})`;
  const rows = await sql<{
    code: string;
    naam: string;
    ehbo_tot: string | null;
    vog_datum: string | null;
    diploma: string | null;
    verzekering_tot: string | null;
    prk: number;
    start: string | null;
    k: string;
    h: string;
    b: string;
  }>`
    select g.code, g.naam, g.ehbo_tot, g.vog_datum, g.diploma, g.verzekering_tot, g.prk, g.start,
      (select coalesce(json_agg(json_build_array(k.code, k.start, k.eind) order by k.start, k.code)::text, '[]')
         from koppeling k where k.gastouder = g.code and ${actief}) as k,
      (select coalesce(json_agg(json_build_array(h.naam, h.geboortedatum, h.vog_datum, h.prk) order by h.naam, h.id)::text, '[]')
         from huisgenoot h where h.gastouder = g.code) as h,
      (select coalesce(json_agg(json_build_array(b.soort, b.datum, b.koppeling) order by b.soort, b.datum, b.koppeling)::text, '[]') from (
         select soort, datum, koppeling from bezoek
          where gastouder = g.code and (soort = 'evaluatie' or (soort = 'huisbezoek' and datum >= ${januari}))
         union all
         select soort, max(datum), null from bezoek
          where gastouder = g.code and (soort in ('risico-inventarisatie', 'voortgangsgesprek') or (soort = 'huisbezoek' and datum < ${januari}))
          group by soort) b) as b
    from gastouder g
    where g.code in (select k.gastouder from koppeling k where ${actief}${gastouder === undefined ? sql`` : sql` and k.gastouder = ${gastouder}`})
    order by g.code`.execute(db);
  return rows.rows.map((r) => [r.code, r.naam, r.ehbo_tot, r.vog_datum, r.diploma, r.verzekering_tot, r.prk, r.start, r.k, r.h, r.b]);
}

/** Everything of one gastouder for her quality file (the PDF): all koppelingen, visits with notes. */
export async function kwaliteitBestand(db: Db, code: string) {
  const gastouder = await db.selectFrom('gastouder').selectAll().where('code', '=', code).executeTakeFirst();
  if (!gastouder) return undefined;
  const [bureau, huisgenoten, bezoeken, koppelingen] = await Promise.all([
    db.selectFrom('bureau').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),
    db.selectFrom('huisgenoot').selectAll().where('gastouder', '=', code).orderBy('naam').orderBy('id').execute(),
    db.selectFrom('bezoek').selectAll().where('gastouder', '=', code).orderBy('datum').orderBy('id').execute(),
    db
      .selectFrom('koppeling')
      .innerJoin('kind', 'kind.code', 'koppeling.kind')
      .select(['koppeling.code', 'koppeling.kind', 'kind.naam as kindnaam', 'koppeling.start', 'koppeling.eind'])
      .where('koppeling.gastouder', '=', code)
      .orderBy('koppeling.start')
      .orderBy('koppeling.code')
      .execute(),
  ]);
  return { bureau, gastouder, huisgenoten, bezoeken, koppelingen };
}
