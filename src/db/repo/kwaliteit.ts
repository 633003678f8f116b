// What the quality duties of CONTRACT §10 are computed from: for every gastouder with an active
// koppeling her certificates, huisgenoten, visits and koppelingen, in five queries for the whole
// bureau (no query per gastouder: 11,000 gastouders in well under 2 s).
import type { Datum } from '../../domain/calendar.js';
import type { BezoekSoort, KwaliteitBeleid, KwaliteitBezoek, KwaliteitGastouder, KwaliteitHuisgenoot, KwaliteitKoppeling } from '../../domain/kwaliteit.js';
import type { Db } from '../open.js';

export interface KwaliteitDossier {
  gastouder: KwaliteitGastouder & { naam: string };
  huisgenoten: KwaliteitHuisgenoot[];
  bezoeken: KwaliteitBezoek[];
  koppelingen: KwaliteitKoppeling[];
}

/**
 * The dossiers of every gastouder with a koppeling that runs on `today` or starts by `eindHorizon`
 * (or only of `gastouder`), in code order; her koppelingen are those active ones.
 */
export async function kwaliteitDossiers(
  db: Db,
  { today, eindHorizon, gastouder }: { today: Datum; eindHorizon: Datum; gastouder?: string | undefined },
): Promise<{ beleid: KwaliteitBeleid; dossiers: KwaliteitDossier[] }> {
  let actief = db
    .selectFrom('koppeling')
    .select('koppeling.gastouder')
    .where('koppeling.start', '<=', eindHorizon)
    .where((eb) => eb.or([eb('koppeling.eind', 'is', null), eb('koppeling.eind', '>=', today)]));
  if (gastouder !== undefined) actief = actief.where('koppeling.gastouder', '=', gastouder);
  const [bureau, gastouders, koppelingen, huisgenoten, bezoeken] = await Promise.all([
    db.selectFrom('bureau').select(['huisbezoeken_per_jaar', 'evaluaties_per_jaar']).where('id', '=', 1).executeTakeFirstOrThrow(),
    db
      .selectFrom('gastouder')
      .select(['code', 'naam', 'ehbo_tot', 'vog_datum', 'diploma', 'verzekering_tot', 'prk', 'start'])
      .where('code', 'in', actief)
      .orderBy('code')
      .execute(),
    actief.clearSelect().select(['koppeling.gastouder', 'koppeling.code', 'koppeling.start', 'koppeling.eind']).orderBy('koppeling.start').orderBy('koppeling.code').execute(),
    db.selectFrom('huisgenoot').select(['gastouder', 'naam', 'geboortedatum', 'vog_datum', 'prk']).where('gastouder', 'in', actief).orderBy('naam').orderBy('id').execute(),
    db.selectFrom('bezoek').select(['gastouder', 'soort', 'datum', 'koppeling']).where('gastouder', 'in', actief).execute(),
  ]);
  const dossiers = new Map<string, KwaliteitDossier>();
  for (const g of gastouders) {
    dossiers.set(g.code, {
      gastouder: {
        code: g.code,
        naam: g.naam,
        ehboTot: g.ehbo_tot,
        vogDatum: g.vog_datum,
        diploma: g.diploma,
        verzekeringTot: g.verzekering_tot,
        prk: g.prk === 1,
        start: g.start,
      },
      huisgenoten: [],
      bezoeken: [],
      koppelingen: [],
    });
  }
  for (const k of koppelingen) dossiers.get(k.gastouder)?.koppelingen.push({ code: k.code, start: k.start, eind: k.eind });
  for (const h of huisgenoten)
    dossiers.get(h.gastouder)?.huisgenoten.push({ naam: h.naam, geboortedatum: h.geboortedatum, vogDatum: h.vog_datum, prk: h.prk === 1 });
  for (const b of bezoeken) dossiers.get(b.gastouder)?.bezoeken.push({ soort: b.soort as BezoekSoort, datum: b.datum, koppeling: b.koppeling });
  return {
    beleid: { huisbezoekenPerJaar: bureau.huisbezoeken_per_jaar, evaluatiesPerJaar: bureau.evaluaties_per_jaar },
    dossiers: [...dossiers.values()],
  };
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
