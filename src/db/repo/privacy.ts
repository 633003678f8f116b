// CONTRACT §13: what involves a person and when (the retention term), anonymising them in every
// table and stored document, and everything gob holds about one person (inzage). Portable SQL:
// plain Kysely and dialect.ts's fragments, so that it runs on SQLite and PostgreSQL alike.
import { sql } from 'kysely';
import {
  type Anoniem,
  anonimiseerSepa,
  anonimiseerSnapshot,
  anoniemeGeboortedatum,
  anoniemeNaam,
  type Betrokkenheid,
  laatsteVan,
} from '../../domain/bewaartermijn.js';
import { inValues, isPostgres } from '../dialect.js';
import type { Db } from '../open.js';
import type { KindRow } from '../tables/kind.js';
import type { JaaropgaveRow } from '../tables/jaaropgave.js';
import type { KoppelingRow } from '../tables/koppeling.js';
import type { UrenkaartRow } from '../tables/urenkaart.js';

export async function getBewaartermijn(db: Db): Promise<number> {
  const row = await db.selectFrom('bureau').select('bewaartermijn').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.bewaartermijn;
}

interface Datums {
  datums: (string | null)[];
  maanden: (string | null)[];
  lopend: boolean;
}

type Per = Map<string, Datums>;

function add(
  per: Per,
  code: string | null,
  { datum = null, maand = null, lopend = false }: { datum?: string | null; maand?: string | null; lopend?: boolean },
) {
  if (code === null) return;
  const d = per.get(code) ?? { datums: [], maanden: [], lopend: false };
  d.datums.push(datum);
  d.maanden.push(maand);
  d.lopend ||= lopend;
  per.set(code, d);
}

/** Ended koppelingen count with their last day; one without an end still runs. */
const lopendSql = sql<number>`sum(case when koppeling.eind is null then 1 else 0 end)`;

/**
 * Every gastouder, ouder and kind with the latest date of anything that involves them (CONTRACT
 * §13): koppelingen (ended, or still running), invoices (their date, also for each gastouder and
 * kind on a line), payments, payouts, contract signatures, urenkaarten (to the month's end),
 * absences, visits, jaaropgaven, and a gastouder's own end. A guest kind counts for its ouder and
 * for the tweede ouder of its koppelingen (who are past only when their children are), and their
 * jaaropgaven count for it (they name it); a gastouder's own child goes with her.
 */
export async function betrokkenheid(db: Db): Promise<Betrokkenheid[]> {
  const g: Per = new Map();
  const o: Per = new Map();
  const k: Per = new Map();
  // The tweede ouders of each child: it is their child too (kinderenEnKoppelingen's rule).
  const tweedeOuders = new Map<string, Set<string>>();

  for (const r of await db.selectFrom('gastouder').select(['code', 'eind']).execute())
    add(g, r.code, { datum: r.eind, lopend: r.eind === null });
  for (const r of await db
    .selectFrom('koppeling')
    .innerJoin('kind', 'kind.code', 'koppeling.kind')
    .select(['koppeling.gastouder', 'koppeling.kind', 'kind.ouder', 'koppeling.tweede_ouder'])
    .select((eb) => [eb.fn.max('koppeling.eind').as('eind'), lopendSql.as('lopend')])
    .groupBy(['koppeling.gastouder', 'koppeling.kind', 'kind.ouder', 'koppeling.tweede_ouder'])
    .execute()) {
    const v = { datum: r.eind, lopend: Number(r.lopend) > 0 };
    add(g, r.gastouder, v);
    add(k, r.kind, v);
    add(o, r.ouder, v);
    add(o, r.tweede_ouder, v);
    if (r.tweede_ouder !== null) tweedeOuders.set(r.kind, (tweedeOuders.get(r.kind) ?? new Set()).add(r.tweede_ouder));
  }
  for (const r of await db
    .selectFrom('factuurregel')
    .innerJoin('factuur', 'factuur.nummer', 'factuurregel.factuur')
    .select(['factuurregel.gastouder', 'factuurregel.kind'])
    .select((eb) => eb.fn.max('factuur.datum').as('datum'))
    .groupBy(['factuurregel.gastouder', 'factuurregel.kind'])
    .execute()) {
    add(g, r.gastouder, { datum: r.datum });
    add(k, r.kind, { datum: r.datum });
  }
  for (const t of ['factuur', 'betaling', 'jaaropgave'] as const) {
    for (const r of await db
      .selectFrom(t)
      .select('ouder')
      .select((eb) => eb.fn.max('datum').as('datum'))
      .groupBy('ouder')
      .execute()) {
      add(o, r.ouder, { datum: r.datum });
    }
  }
  // A jaaropgave names the ouder's children too.
  for (const r of await db
    .selectFrom('jaaropgave')
    .innerJoin('kind', 'kind.ouder', 'jaaropgave.ouder')
    .select('kind.code')
    .select((eb) => eb.fn.max('jaaropgave.datum').as('datum'))
    .groupBy('kind.code')
    .execute()) {
    add(k, r.code, { datum: r.datum });
  }
  // And a tweede ouder's jaaropgave names the children she is billed for.
  for (const r of await db
    .selectFrom('jaaropgave')
    .innerJoin('koppeling', 'koppeling.tweede_ouder', 'jaaropgave.ouder')
    .select('koppeling.kind')
    .select((eb) => eb.fn.max('jaaropgave.datum').as('datum'))
    .groupBy('koppeling.kind')
    .execute()) {
    add(k, r.kind, { datum: r.datum });
  }
  for (const r of await db
    .selectFrom('uitbetaling')
    .select('gastouder')
    .select((eb) => eb.fn.max('datum').as('datum'))
    .groupBy('gastouder')
    .execute()) {
    add(g, r.gastouder, { datum: r.datum });
  }
  for (const r of await db
    .selectFrom('urenkaart')
    .select(['gastouder', 'kind'])
    .select((eb) => eb.fn.max('maand').as('maand'))
    .groupBy(['gastouder', 'kind'])
    .execute()) {
    add(g, r.gastouder, { maand: r.maand });
    add(k, r.kind, { maand: r.maand });
  }
  for (const r of await db
    .selectFrom('afwezigheid')
    .select(['gastouder', 'kind'])
    .select((eb) => eb.fn.max('tot_en_met').as('datum'))
    .groupBy(['gastouder', 'kind'])
    .execute()) {
    add(g, r.gastouder, { datum: r.datum });
    add(k, r.kind, { datum: r.datum });
  }
  for (const r of await db
    .selectFrom('bezoek')
    .select('gastouder')
    .select((eb) => eb.fn.max('datum').as('datum'))
    .groupBy('gastouder')
    .execute()) {
    add(g, r.gastouder, { datum: r.datum });
  }
  for (const r of await db
    .selectFrom('handtekening')
    .innerJoin('koppeling', 'koppeling.code', 'handtekening.koppeling')
    .innerJoin('kind', 'kind.code', 'koppeling.kind')
    .select(['koppeling.gastouder', 'koppeling.kind', 'kind.ouder', 'handtekening.ouder as ondertekenaar'])
    .select((eb) => eb.fn.max('handtekening.datum').as('datum'))
    .groupBy(['koppeling.gastouder', 'koppeling.kind', 'kind.ouder', 'handtekening.ouder'])
    .execute()) {
    add(g, r.gastouder, { datum: r.datum });
    add(k, r.kind, { datum: r.datum });
    add(o, r.ouder, { datum: r.datum });
    add(o, r.ondertekenaar, { datum: r.datum });
  }

  const kinderen = await db.selectFrom('kind').select(['code', 'naam', 'ouder', 'eigen_kind_van']).orderBy('code').execute();
  // Children first into their parents; a gastouder's own child then takes her dates.
  for (const kind of kinderen) {
    const d = k.get(kind.code);
    if (!d) continue;
    for (const code of new Set([...(kind.ouder ? [kind.ouder] : []), ...(tweedeOuders.get(kind.code) ?? [])])) {
      const ouder = o.get(code) ?? { datums: [], maanden: [], lopend: false };
      ouder.datums.push(...d.datums);
      ouder.maanden.push(...d.maanden);
      ouder.lopend ||= d.lopend;
      o.set(code, ouder);
    }
  }
  const result = (soort: Betrokkenheid['soort'], code: string, naam: string, d: Datums | undefined): Betrokkenheid => ({
    soort,
    code,
    naam,
    laatste: d ? laatsteVan(d.datums, d.maanden) : null,
    lopend: d?.lopend ?? false,
  });
  const personen: Betrokkenheid[] = [];
  for (const r of await db.selectFrom('gastouder').select(['code', 'naam']).orderBy('code').execute())
    personen.push(result('gastouder', r.code, r.naam, g.get(r.code)));
  for (const r of await db.selectFrom('ouder').select(['code', 'naam']).orderBy('code').execute())
    personen.push(result('ouder', r.code, r.naam, o.get(r.code)));
  for (const kind of kinderen) {
    const own = k.get(kind.code);
    const moeder = kind.eigen_kind_van ? g.get(kind.eigen_kind_van) : undefined;
    const d = moeder
      ? {
          datums: [...(own?.datums ?? []), ...moeder.datums],
          maanden: [...(own?.maanden ?? []), ...moeder.maanden],
          lopend: Boolean(own?.lopend || moeder.lopend),
        }
      : own;
    personen.push(result('kind', kind.code, kind.naam, d));
  }
  return personen;
}

/** What one run of anonymisation changed, counted per table (for the summary and the log). */
export interface Opgeschoond {
  gastouder: number;
  ouder: number;
  kind: number;
  huisgenoot: number;
  handtekening: number;
  betaling: number;
  bezoek: number;
  urenkaart: number;
  factuur: number;
  jaaropgave: number;
  bankbestand: number;
  log: number;
}

const codes = (db: Db, set: Set<string>) => inValues(db, [...set]);

const CHUNK = 2000;

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * Anonymise these people everywhere (CONTRACT §13; the list per table is in docs/backup-format.md's
 * companion, the README's privacy section). Only rows that change are written, so a second run
 * writes nothing. Inside the caller's transaction.
 */
export async function anonimiseer(db: Db, anoniem: Anoniem): Promise<Opgeschoond> {
  const n: Opgeschoond = {
    gastouder: 0,
    ouder: 0,
    kind: 0,
    huisgenoot: 0,
    handtekening: 0,
    betaling: 0,
    bezoek: 0,
    urenkaart: 0,
    factuur: 0,
    jaaropgave: 0,
    bankbestand: 0,
    log: 0,
  };
  const { gastouders, ouders, kinderen } = anoniem;
  // The values to take out of the log, gathered before they are cleared.
  const uitLog: { codes: string[]; naam: string; anoniem: string; overige: (string | null)[] }[] = [];

  if (gastouders.size > 0) {
    const kk = await kinderenEnKoppelingen(db, 'gastouder', [...gastouders]);
    for (const r of await db.selectFrom('gastouder').selectAll().where('code', 'in', codes(db, gastouders)).execute()) {
      uitLog.push({
        codes: codesVan(r.code, kk.get(r.code)!),
        naam: r.naam,
        anoniem: anoniemeNaam(r.code),
        overige: [r.adres, r.email, r.telefoon, r.iban, r.achterwacht],
      });
      await db
        .updateTable('gastouder')
        .set({
          naam: anoniemeNaam(r.code),
          geboortedatum: anoniemeGeboortedatum(r.geboortedatum) ?? r.geboortedatum,
          adres: null,
          postcode: null,
          plaats: null,
          email: null,
          telefoon: null,
          iban: null,
          // The back-up carer is another person, named with her phone number.
          achterwacht: null,
        })
        .where('code', '=', r.code)
        .execute();
      n.gastouder++;
    }
    // The people living at her address: named by the gastouder's code and their own id.
    for (const h of await db
      .selectFrom('huisgenoot')
      .select(['id', 'gastouder', 'naam', 'geboortedatum'])
      .where('gastouder', 'in', codes(db, gastouders))
      .execute()) {
      const naam = anoniemeNaam(`${h.gastouder}-huisgenoot-${h.id}`);
      const geboortedatum = anoniemeGeboortedatum(h.geboortedatum) ?? h.geboortedatum;
      if (h.naam === naam && h.geboortedatum === geboortedatum) continue;
      uitLog.push({ codes: [h.gastouder], naam: h.naam, anoniem: naam, overige: [] });
      await db.updateTable('huisgenoot').set({ naam, geboortedatum }).where('id', '=', h.id).execute();
      n.huisgenoot++;
    }
    // Visit notes are free text about her, her home and the children.
    n.bezoek += Number(
      (
        await db
          .updateTable('bezoek')
          .set({ notitie: null })
          .where('gastouder', 'in', codes(db, gastouders))
          .where('notitie', 'is not', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    );
  }
  if (ouders.size > 0) {
    const kk = await kinderenEnKoppelingen(db, 'ouder', [...ouders]);
    for (const r of await db.selectFrom('ouder').selectAll().where('code', 'in', codes(db, ouders)).execute()) {
      uitLog.push({
        codes: codesVan(r.code, kk.get(r.code)!),
        naam: r.naam,
        anoniem: anoniemeNaam(r.code),
        overige: [r.adres, r.email, r.telefoon, r.iban, r.mandaat, r.partner_naam],
      });
      await db
        .updateTable('ouder')
        .set({
          naam: anoniemeNaam(r.code),
          geboortedatum: anoniemeGeboortedatum(r.geboortedatum),
          adres: null,
          postcode: null,
          plaats: null,
          email: null,
          telefoon: null,
          iban: null,
          bsn: null,
          mandaat: null,
          mandaat_datum: null,
          partner_naam: null,
          partner_bsn: null,
          partner_geboortedatum: null,
        })
        .where('code', '=', r.code)
        .execute();
      n.ouder++;
    }
    // A payment keeps its date and amount; the mandate it was collected under goes.
    n.betaling += Number(
      (
        await db
          .updateTable('betaling')
          .set({ mandaat: null })
          .where('ouder', 'in', codes(db, ouders))
          .where('mandaat', 'is not', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    );
  }
  if (kinderen.size > 0) {
    const kk = await kinderenEnKoppelingen(db, 'kind', [...kinderen]);
    for (const r of await db.selectFrom('kind').selectAll().where('code', 'in', codes(db, kinderen)).execute()) {
      uitLog.push({ codes: codesVan(r.code, kk.get(r.code)!), naam: r.naam, anoniem: anoniemeNaam(r.code), overige: [] });
      await db
        .updateTable('kind')
        .set({ naam: anoniemeNaam(r.code), geboortedatum: anoniemeGeboortedatum(r.geboortedatum) ?? r.geboortedatum, bsn: null })
        .where('code', '=', r.code)
        .execute();
      n.kind++;
    }
  }

  // Signatures under the contracts: the name the person signed with.
  for (const h of await db
    .selectFrom('handtekening')
    .innerJoin('koppeling', 'koppeling.code', 'handtekening.koppeling')
    .innerJoin('kind', 'kind.code', 'koppeling.kind')
    .select([
      'handtekening.id',
      'handtekening.partij',
      'handtekening.naam',
      'handtekening.ouder',
      'kind.ouder as kindOuder',
      'koppeling.gastouder',
    ])
    .where('handtekening.partij', 'in', ['ouder', 'gastouder'])
    .execute()) {
    const wie = h.partij === 'gastouder' ? h.gastouder : (h.ouder ?? h.kindOuder);
    const weg = wie !== null && (h.partij === 'gastouder' ? gastouders.has(wie) : ouders.has(wie));
    if (!weg || h.naam === anoniemeNaam(wie)) continue;
    await db
      .updateTable('handtekening')
      .set({ naam: anoniemeNaam(wie) })
      .where('id', '=', h.id)
      .execute();
    n.handtekening++;
  }

  // Remarks on urenkaart lines (free text) of these children or at these gastouders, in chunks.
  for (const [kolom, set] of [
    ['kind', kinderen],
    ['gastouder', gastouders],
  ] as const) {
    for (const deel of chunks([...set].sort(), CHUNK)) {
      for (const u of await db.selectFrom('urenkaart').selectAll().where(kolom, 'in', inValues(db, deel)).execute()) {
        const regels = JSON.parse(u.regels) as unknown[][];
        if (!regels.some((r) => r.length > 3)) continue;
        await db
          .updateTable('urenkaart')
          .set({ regels: JSON.stringify(regels.map((r) => r.slice(0, 3))) })
          .where('maand', '=', u.maand)
          .where('gastouder', '=', u.gastouder)
          .where('kind', '=', u.kind)
          .where('koppeling', '=', u.koppeling)
          .execute();
        n.urenkaart++;
      }
    }
  }

  // Invoices naming any of them: their own, and others' whose lines name a child or gastouder.
  const facturen = new Set<string>();
  if (ouders.size > 0) {
    for (const r of await db.selectFrom('factuur').select('nummer').where('ouder', 'in', codes(db, ouders)).execute())
      facturen.add(r.nummer);
  }
  if (kinderen.size + gastouders.size > 0) {
    for (const r of await db
      .selectFrom('factuurregel')
      .select('factuur')
      .distinct()
      .where((eb) =>
        eb.or([
          ...(kinderen.size > 0 ? [eb('kind', 'in', codes(db, kinderen))] : []),
          ...(gastouders.size > 0 ? [eb('gastouder', 'in', codes(db, gastouders))] : []),
        ]),
      )
      .execute()) {
      facturen.add(r.factuur);
    }
  }
  const jaarOuders = new Set<string>(ouders);
  // In chunks: a large bureau's years of invoices are hundreds of MB of snapshots.
  for (const deel of chunks([...facturen].sort(), CHUNK)) {
    for (const f of await db
      .selectFrom('factuur')
      .select(['nummer', 'ouder', 'gegevens'])
      .where('nummer', 'in', inValues(db, deel))
      .execute()) {
      jaarOuders.add(f.ouder);
      const gegevens = anonimiseerSnapshot(f.gegevens, anoniem);
      if (gegevens === f.gegevens) continue;
      await db.updateTable('factuur').set({ gegevens }).where('nummer', '=', f.nummer).execute();
      n.factuur++;
    }
  }
  // A jaaropgave names its ouder, their partner and children, and the gastouders of their invoices.
  for (const deel of chunks([...jaarOuders].sort(), CHUNK)) {
    for (const j of await db
      .selectFrom('jaaropgave')
      .select(['nummer', 'versie', 'gegevens'])
      .where('ouder', 'in', inValues(db, deel))
      .execute()) {
      const gegevens = anonimiseerSnapshot(j.gegevens, anoniem);
      if (gegevens === j.gegevens) continue;
      await db.updateTable('jaaropgave').set({ gegevens }).where('nummer', '=', j.nummer).where('versie', '=', j.versie).execute();
      n.jaaropgave++;
    }
  }

  // Stored bank files: the transactions of these ouders (collections, EndToEndId ends in their
  // code) and gastouders (payouts, EndToEndId is the payout's number).
  const bestanden = new Set<string>();
  const uitbetalingVan = new Map<string, string>();
  if (ouders.size > 0) {
    for (const r of await db
      .selectFrom('betaling')
      .select('sepa_bericht')
      .distinct()
      .where('ouder', 'in', codes(db, ouders))
      .where('sepa_bericht', 'is not', null)
      .execute()) {
      bestanden.add(r.sepa_bericht!);
    }
  }
  if (gastouders.size > 0) {
    for (const r of await db
      .selectFrom('uitbetaling')
      .innerJoin('bankbestand_uitbetaling', 'bankbestand_uitbetaling.uitbetaling', 'uitbetaling.nummer')
      .select(['uitbetaling.nummer', 'uitbetaling.gastouder', 'bankbestand_uitbetaling.bericht_id'])
      .where('uitbetaling.gastouder', 'in', codes(db, gastouders))
      .execute()) {
      bestanden.add(r.bericht_id);
      uitbetalingVan.set(r.nummer, r.gastouder);
    }
  }
  if (bestanden.size > 0) {
    // A collection's EndToEndId is '<message id without GOB->-<ouder code>'; a payout's its number.
    const wie = (id: string) => uitbetalingVan.get(id) ?? [...ouders].find((code) => id.endsWith(`-${code}`)) ?? null;
    // One at a time: a large bureau's collection file is tens of MB.
    for (const id of [...bestanden].sort()) {
      const b = await db.selectFrom('bankbestand').select(['bericht_id', 'inhoud']).where('bericht_id', '=', id).executeTakeFirst();
      if (!b?.inhoud) continue;
      const xml = Buffer.from(b.inhoud as Uint8Array).toString('utf8');
      const nieuw = anonimiseerSepa(xml, wie);
      if (nieuw === xml) continue;
      await db
        .updateTable('bankbestand')
        .set({ inhoud: Buffer.from(nieuw, 'utf8') })
        .where('bericht_id', '=', b.bericht_id)
        .execute();
      n.bankbestand++;
    }
  }

  // The log: their values out of every entry about them, the same entries their inzage lists
  // (logOver): so nothing of them stays in an entry that inzage would have shown as theirs.
  const gewijzigd = new Set<number>();
  for (const { codes, naam, anoniem: vervanging, overige } of uitLog) {
    const paren: [string | null, string][] = [[naam, vervanging], ...overige.map((w): [string | null, string] => [w, '(gewist)'])];
    for (const l of await logOver(db, codes, naam)) {
      let wijziging = l.wijziging;
      for (const [waarde, door] of paren) if (waarde && waarde.length >= 3) wijziging = wijziging.split(waarde).join(door);
      if (wijziging === l.wijziging) continue;
      await db.updateTable('log').set({ wijziging }).where('id', '=', l.id).execute();
      gewijzigd.add(l.id);
    }
  }
  n.log = gewijzigd.size;
  return n;
}

type Soort = 'ouder' | 'gastouder' | 'kind';

/**
 * People's children and koppelingen, per person: an ouder's children and their koppelingen (and
 * those where she is the tweede ouder); a gastouder's own children and her koppelingen; a kind's
 * koppelingen. What inzage gives of them, and (codesVan) which codes make a log entry one about
 * them. For many people at once: anonymising 11,000 gastouders asks per chunk, not per person.
 *
 * The one rule for whose child a kind is (inzage, log lines, bewaartermijn): an ouder's children
 * are those of whom she is the ouder and those of the koppelingen where she is the tweede ouder.
 * The tweede ouder is billed for that child and is its parent: her inzage holds it as the first
 * ouder's does (its registry data, koppelingen, roosters, urenkaarten), not only the koppeling.
 */
async function kinderenEnKoppelingen(
  db: Db,
  soort: Soort,
  codes: readonly string[],
): Promise<Map<string, { kinderen: KindRow[]; koppelingen: KoppelingRow[] }>> {
  const kinderen = new Map<string, Map<string, KindRow>>(codes.map((c) => [c, new Map()]));
  const koppelingen = new Map<string, Map<string, KoppelingRow>>(codes.map((c) => [c, new Map()]));
  // Whose each child is: the people asked for (a kind is its own; a child can have two ouders).
  const van = new Map<string, Set<string>>();
  const isVan = (kind: string, persoon: string) => van.set(kind, (van.get(kind) ?? new Set()).add(persoon));
  const add = (persoon: string | null, k: KoppelingRow) => {
    if (persoon !== null) koppelingen.get(persoon)?.set(k.code, k);
  };
  if (soort === 'kind') for (const c of codes) isVan(c, c);
  else {
    const kolom = soort === 'ouder' ? 'ouder' : 'eigen_kind_van';
    for (const groep of chunks([...codes], CHUNK)) {
      for (const k of await db.selectFrom('kind').selectAll().where(kolom, 'in', inValues(db, groep)).execute()) {
        kinderen.get(k[kolom]!)!.set(k.code, k);
        isVan(k.code, k[kolom]!);
      }
    }
  }
  if (soort === 'ouder') {
    // The children of the koppelingen where she is the tweede ouder are hers too.
    const tweede = new Map<string, Set<string>>();
    for (const groep of chunks([...codes], CHUNK))
      for (const k of await db.selectFrom('koppeling').selectAll().where('tweede_ouder', 'in', inValues(db, groep)).execute()) {
        add(k.tweede_ouder, k);
        isVan(k.kind, k.tweede_ouder!);
        tweede.set(k.kind, (tweede.get(k.kind) ?? new Set()).add(k.tweede_ouder!));
      }
    for (const groep of chunks([...tweede.keys()], CHUNK))
      for (const k of await db.selectFrom('kind').selectAll().where('code', 'in', inValues(db, groep)).execute())
        for (const o of tweede.get(k.code)!) kinderen.get(o)!.set(k.code, k);
  }
  if (soort === 'gastouder') {
    for (const groep of chunks([...codes], CHUNK))
      for (const k of await db.selectFrom('koppeling').selectAll().where('gastouder', 'in', inValues(db, groep)).execute())
        add(k.gastouder, k);
  } else {
    for (const groep of chunks([...van.keys()], CHUNK))
      for (const k of await db.selectFrom('koppeling').selectAll().where('kind', 'in', inValues(db, groep)).execute())
        for (const persoon of van.get(k.kind)!) add(persoon, k);
  }
  const opCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return new Map(
    codes.map((c) => [
      c,
      { kinderen: [...kinderen.get(c)!.values()].sort(opCode), koppelingen: [...koppelingen.get(c)!.values()].sort(opCode) },
    ]),
  );
}

/** The codes whose naming makes a log entry one about this person: theirs, their children's and koppelingen's. */
function codesVan(code: string, kk: { kinderen: { code: string }[]; koppelingen: { code: string }[] }): string[] {
  return [code, ...kk.kinderen.map((k) => k.code), ...kk.koppelingen.map((k) => k.code)];
}

/** How many codes one query asks for: an `or` of `like`s nests, and SQLite caps the depth at 1000. */
const LOG_CODES_PER_QUERY = 100;

/**
 * The log entries about a person (CONTRACT §13), for inzage and for anonymising alike. The rule:
 * an entry is about them when it names, as a whole word, their code or a code of their children
 * or koppelingen (codesVan: 'overeenkomst (gastouder) van KP0001 getekend door ouder: …' is
 * about the ouder of KP0001's kind; 'kind import …: (K0001: naam)' about its ouder), or their
 * name as whole words (at least 3 characters: a signature names the signer, not her code).
 * Entries that name no person (a factuur run, a bank file) are nobody's.
 */
async function logOver(db: Db, codes: string[], naam: string | null) {
  const metNaam = naam !== null && naam.length >= 3 ? naam : null;
  const bevat = (waarde: string) => sql<boolean>`wijziging like ${`%${escapeLike(waarde)}%`} escape '\\'`;
  // `like` finds the candidates (also inside longer words, and case-blind on SQLite); this decides.
  const over = (l: { wijziging: string }) =>
    codes.some((c) => bevatWoord(l.wijziging, c, CODE_TEKEN)) || (metNaam !== null && bevatWoord(l.wijziging, metNaam, NAAM_TEKEN));
  const groepen: string[][] = chunks(codes, LOG_CODES_PER_QUERY);
  if (groepen.length === 0) groepen.push([]);
  const gevonden = new Map<number, { id: number; tijdstip: string; gebruiker: string; commando: string; wijziging: string }>();
  for (const [i, groep] of groepen.entries()) {
    const rows = await db
      .selectFrom('log')
      .select(['id', 'tijdstip', 'gebruiker', 'commando', 'wijziging'])
      .where((eb) => eb.or([...groep.map(bevat), ...(metNaam !== null && i === 0 ? [bevat(metNaam)] : [])]))
      .orderBy('id')
      .execute();
    for (const l of rows) if (over(l)) gevonden.set(l.id, l);
  }
  return [...gevonden.values()].sort((a, b) => a.id - b.id);
}

/** What a code is made of (letters, digits, - and _): O0001 is not a word of O00010. */
const CODE_TEKEN = /[A-Za-z0-9_-]/;
/** What a name is made of: 'Jan de Boer' is not a word of 'Jan de Boers'. */
const NAAM_TEKEN = /[\p{L}\p{N}]/u;

/**
 * Whether the text holds the value as a whole word: not preceded or followed by a character of
 * the same kind. By hand, not a RegExp per person: compiling one with a Unicode class for each of
 * 11,000 people took seconds.
 */
function bevatWoord(tekst: string, waarde: string, teken: RegExp): boolean {
  for (let i = tekst.indexOf(waarde); i >= 0; i = tekst.indexOf(waarde, i + 1)) {
    const voor = i === 0 ? '' : tekst.charAt(i - 1);
    const na = tekst.charAt(i + waarde.length);
    if (!teken.test(voor) && !teken.test(na)) return true;
  }
  return false;
}

/** `like` treats % and _ as wildcards: a name with them must match itself only (escape '\'). */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Whether a stored jaaropgave names this gastouder or kind: its snapshot holds their data (a kind's
 * name, birth date and BSN; a gastouder's name). A jaaropgave is made from its ouder's invoices of
 * the year, so only the ouders of invoices with a line naming them can have one that does: that
 * is where inzage looks, and where anonymising looks (jaarOuders) for the same people.
 */
export function jaaropgaveNoemt(gegevens: string, soort: 'gastouder' | 'kind', code: string): boolean {
  const g = JSON.parse(gegevens) as { kinderen?: Record<string, unknown>; gastouders?: Record<string, unknown> };
  return Object.hasOwn((soort === 'kind' ? g.kinderen : g.gastouders) ?? {}, code);
}

/** Everything gob holds about one person, as rows (CONTRACT §13 inzage); the command shapes it. */
export interface InzageRijen {
  kinderen: Record<string, unknown>[];
  huisgenoten: Record<string, unknown>[];
  koppelingen: Record<string, unknown>[];
  roosters: Record<string, unknown>[];
  urenkaarten: UrenkaartRow[];
  afwezigheden: Record<string, unknown>[];
  facturen: (Record<string, unknown> & { regels: Record<string, unknown>[] })[];
  betalingen: (Record<string, unknown> & { toewijzingen: Record<string, unknown>[] })[];
  uitbetalingen: (Record<string, unknown> & { regels: Record<string, unknown>[] })[];
  jaaropgaven: JaaropgaveRow[];
  handtekeningen: Record<string, unknown>[];
  bezoeken: Record<string, unknown>[];
  bankbestanden: Record<string, unknown>[];
  log: Record<string, unknown>[];
}

export async function inzageRijen(db: Db, soort: 'ouder' | 'gastouder' | 'kind', code: string): Promise<InzageRijen> {
  const kk = (await kinderenEnKoppelingen(db, soort, [code])).get(code)!;
  const { kinderen, koppelingen } = kk;
  const kindCodes = soort === 'kind' ? [code] : kinderen.map((k) => k.code);
  const huisgenoten =
    soort === 'gastouder' ? await db.selectFrom('huisgenoot').selectAll().where('gastouder', '=', code).orderBy('id').execute() : [];

  const koppelingCodes = koppelingen.map((k) => k.code);

  const roosters = await db
    .selectFrom('rooster')
    .selectAll()
    .where((eb) => eb.or([eb('koppeling', 'in', inValues(db, koppelingCodes)), eb('kind', 'in', inValues(db, kindCodes))]))
    .orderBy('id')
    .execute();
  const urenkaarten = await db
    .selectFrom('urenkaart')
    .selectAll()
    .where((eb) => (soort === 'gastouder' ? eb('gastouder', '=', code) : eb('kind', 'in', inValues(db, kindCodes))))
    .orderBy('maand')
    .orderBy('kind')
    .execute();
  const afwezigheden = await db
    .selectFrom('afwezigheid')
    .selectAll()
    .where((eb) => eb.or([eb('kind', 'in', inValues(db, kindCodes)), ...(soort === 'gastouder' ? [eb('gastouder', '=', code)] : [])]))
    .orderBy('id')
    .execute();

  // Invoices: an ouder's own; for a gastouder or kind, every invoice with a line naming them
  // (with only those lines: the rest of another ouder's invoice is not theirs).
  const facturen: InzageRijen['facturen'] = [];
  if (soort === 'ouder') {
    const rows = await db.selectFrom('factuur').selectAll().where('ouder', '=', code).orderBy('nummer').execute();
    const regels = await db
      .selectFrom('factuurregel')
      .selectAll()
      .where(
        'factuur',
        'in',
        inValues(
          db,
          rows.map((f) => f.nummer),
        ),
      )
      .orderBy('factuur')
      .orderBy('volgnummer')
      .execute();
    for (const f of rows) facturen.push({ ...f, regels: regels.filter((r) => r.factuur === f.nummer) });
  } else {
    const regels = await db
      .selectFrom('factuurregel')
      .selectAll()
      .where(soort === 'gastouder' ? 'gastouder' : 'kind', '=', code)
      .orderBy('factuur')
      .orderBy('volgnummer')
      .execute();
    const rows = await db
      .selectFrom('factuur')
      .selectAll()
      .where('nummer', 'in', inValues(db, [...new Set(regels.map((r) => r.factuur))]))
      .orderBy('nummer')
      .execute();
    for (const f of rows) facturen.push({ ...f, regels: regels.filter((r) => r.factuur === f.nummer) });
  }

  const betalingen: InzageRijen['betalingen'] = [];
  if (soort === 'ouder') {
    const rows = await db.selectFrom('betaling').selectAll().where('ouder', '=', code).orderBy('id').execute();
    const toewijzingen = await db
      .selectFrom('toewijzing')
      .innerJoin('betaling', 'betaling.id', 'toewijzing.betaling')
      .selectAll('toewijzing')
      .where('betaling.ouder', '=', code)
      .orderBy('toewijzing.id')
      .execute();
    for (const b of rows) betalingen.push({ ...b, toewijzingen: toewijzingen.filter((t) => t.betaling === b.id) });
  }

  // Payouts: a gastouder's own; for an ouder or kind, the payouts with lines for the child (a line
  // names it), with only those lines: the rest of the payout is the gastouder's.
  const uitbetalingen: InzageRijen['uitbetalingen'] = [];
  if (soort === 'gastouder') {
    const rows = await db.selectFrom('uitbetaling').selectAll().where('gastouder', '=', code).orderBy('nummer').execute();
    const regels = await db
      .selectFrom('uitbetalingregel')
      .selectAll()
      .where(
        'uitbetaling',
        'in',
        inValues(
          db,
          rows.map((u) => u.nummer),
        ),
      )
      .orderBy('id')
      .execute();
    for (const u of rows) uitbetalingen.push({ ...u, regels: regels.filter((r) => r.uitbetaling === u.nummer) });
  } else {
    const regels = await db.selectFrom('uitbetalingregel').selectAll().where('kind', 'in', inValues(db, kindCodes)).orderBy('id').execute();
    const rows = await db
      .selectFrom('uitbetaling')
      .selectAll()
      .where('nummer', 'in', inValues(db, [...new Set(regels.map((r) => r.uitbetaling))]))
      .orderBy('nummer')
      .execute();
    for (const u of rows) uitbetalingen.push({ ...u, regels: regels.filter((r) => r.uitbetaling === u.nummer) });
  }

  // Jaaropgaven: an ouder's own; for a gastouder or kind, the ouders' jaaropgaven that name them
  // (jaaropgaveNoemt), whole rows here: the command gives of them only their part.
  let jaaropgaven: JaaropgaveRow[];
  if (soort === 'ouder') {
    jaaropgaven = await db.selectFrom('jaaropgave').selectAll().where('ouder', '=', code).orderBy('nummer').orderBy('versie').execute();
  } else {
    const ouders = [...new Set(facturen.map((f) => String(f.ouder)))];
    jaaropgaven = (
      await db.selectFrom('jaaropgave').selectAll().where('ouder', 'in', inValues(db, ouders)).orderBy('nummer').orderBy('versie').execute()
    ).filter((j) => jaaropgaveNoemt(j.gegevens, soort, code));
  }
  const handtekeningen = await db
    .selectFrom('handtekening')
    .selectAll()
    .where((eb) => eb.or([eb('koppeling', 'in', inValues(db, koppelingCodes)), ...(soort === 'ouder' ? [eb('ouder', '=', code)] : [])]))
    .orderBy('id')
    .execute();
  const bezoeken =
    soort === 'gastouder' ? await db.selectFrom('bezoek').selectAll().where('gastouder', '=', code).orderBy('id').execute() : [];

  // The bank files that hold their transactions: named, not copied (`gob sepa bestand` writes one).
  let bankbestanden: Record<string, unknown>[] = [];
  if (soort === 'ouder') {
    const ids = (
      await db
        .selectFrom('betaling')
        .select('sepa_bericht')
        .distinct()
        .where('ouder', '=', code)
        .where('sepa_bericht', 'is not', null)
        .execute()
    ).map((r) => r.sepa_bericht!);
    bankbestanden = await db
      .selectFrom('bankbestand')
      .select(['bericht_id', 'soort', 'datum', 'bestand'])
      .where('bericht_id', 'in', inValues(db, ids))
      .orderBy('bericht_id')
      .execute();
  } else if (soort === 'gastouder') {
    bankbestanden = await db
      .selectFrom('bankbestand')
      .innerJoin('bankbestand_uitbetaling', 'bankbestand_uitbetaling.bericht_id', 'bankbestand.bericht_id')
      .innerJoin('uitbetaling', 'uitbetaling.nummer', 'bankbestand_uitbetaling.uitbetaling')
      .select(['bankbestand.bericht_id', 'bankbestand.soort', 'bankbestand.datum', 'bankbestand.bestand'])
      .distinct()
      .where('uitbetaling.gastouder', '=', code)
      .orderBy('bankbestand.bericht_id')
      .execute();
  }

  // The log entries about them: the same rule as anonymising uses (logOver).
  const persoon = await db.selectFrom(soort).select('naam').where('code', '=', code).executeTakeFirst();
  const log = (await logOver(db, codesVan(code, kk), persoon?.naam ?? null)).map(({ id: _, ...l }) => l);

  return {
    kinderen,
    huisgenoten,
    koppelingen,
    roosters,
    urenkaarten,
    afwezigheden,
    facturen,
    betalingen,
    uitbetalingen,
    jaaropgaven,
    handtekeningen,
    bezoeken,
    bankbestanden,
    log,
  };
}

/**
 * SQLite keeps old bytes of changed rows in free pages, in the free space of pages and in the WAL
 * until they are reused, also from long before (a page split when a jaaropgave was stored). After
 * anonymising, the file is rebuilt (VACUUM: every page written afresh, free pages gone) and the
 * WAL checkpointed and truncated, so that the removed values are gone from the file itself, not
 * only from what gob shows. Before it, secure_delete zeroes what the anonymisation frees, for the
 * moment between commit and rebuild. On PostgreSQL old row versions stay until the server's
 * VACUUM; that is the server administrator's (the README says so).
 */
export async function wisVrijeRuimte(db: Db): Promise<void> {
  if (!isPostgres(db)) await sql`pragma secure_delete = on`.execute(db);
}

export async function herbouwBestand(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql`vacuum`.execute(db);
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
}
