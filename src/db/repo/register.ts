// Repository functions for the four registry entities (gastouder, ouder, kind, koppeling). They are
// generic over the entity's field list; records are keyed by database column.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { type Datum, monthOf } from '../../domain/calendar.js';
import { columnOf, ENTITIES, type Entity, type EntityName } from '../../domain/fields.js';
import { opsomming, type Problem, type Rec, urenNaEind, urenVoorStart } from '../../domain/registry.js';
import { maskBsn } from '../../domain/values.js';
import { isPostgres } from '../dialect.js';
import type { Db } from '../open.js';

// Kysely cannot type a table chosen at run time; the entity's field list is the type here.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyEb = ExpressionBuilder<any, any>;
// biome-ignore lint/suspicious/noExplicitAny: see above
const untyped = (db: Db) => db as unknown as Kysely<any>;

function columns(entity: Entity): string[] {
  return entity.fields.map(columnOf);
}

export async function findRecord(db: Db, entity: Entity, code: string): Promise<Rec | undefined> {
  return untyped(db).selectFrom(entity.name).select(columns(entity)).where('code', '=', code).executeTakeFirst();
}

export interface ListFilter {
  gastouder?: string;
  ouder?: string;
  kind?: string;
  /** Only what is active on this date. */
  actiefOp?: Datum;
}

/** All records of an entity, filtered, ordered by code. */
export async function listRecords(db: Db, entity: Entity, filter: ListFilter): Promise<Rec[]> {
  let q = untyped(db)
    .selectFrom(`${entity.name} as t`)
    .select(columns(entity).map((c) => `t.${c}`))
    .orderBy('t.code');
  const active = filter.actiefOp;
  const koppelingActive = (alias: string) =>
    sql<boolean>`${sql.ref(`${alias}.start`)} <= ${active} and (${sql.ref(`${alias}.eind`)} is null or ${sql.ref(`${alias}.eind`)} >= ${active})`;
  switch (entity.name) {
    case 'gastouder':
      if (active) q = q.where((eb: AnyEb) => eb.or([eb('t.eind', 'is', null), eb('t.eind', '>=', active)]));
      if (filter.gastouder) q = q.where('t.code', '=', filter.gastouder);
      if (filter.ouder) {
        q = q.where('t.code', 'in', (eb: AnyEb) =>
          eb
            .selectFrom('koppeling as kp')
            .innerJoin('kind as k', 'k.code', 'kp.kind')
            .select('kp.gastouder')
            .where('k.ouder', '=', filter.ouder),
        );
      }
      break;
    case 'ouder':
      if (filter.ouder) q = q.where('t.code', '=', filter.ouder);
      if (filter.gastouder || active) {
        q = q.where('t.code', 'in', (eb: AnyEb) => {
          let sub = eb.selectFrom('koppeling as kp').innerJoin('kind as k', 'k.code', 'kp.kind').select('k.ouder');
          if (filter.gastouder) sub = sub.where('kp.gastouder', '=', filter.gastouder);
          if (active) sub = sub.where(koppelingActive('kp'));
          // A second ouder (CONTRACT §9) is an ouder of that gastouder too.
          let tweede = eb.selectFrom('koppeling as kp').select('kp.tweede_ouder as ouder').where('kp.tweede_ouder', 'is not', null);
          if (filter.gastouder) tweede = tweede.where('kp.gastouder', '=', filter.gastouder);
          if (active) tweede = tweede.where(koppelingActive('kp'));
          return sub.union(tweede);
        });
      }
      break;
    case 'kind':
      if (filter.ouder) q = q.where('t.ouder', '=', filter.ouder);
      if (filter.kind) q = q.where('t.code', '=', filter.kind);
      if (filter.gastouder || active) {
        q = q.where((eb: AnyEb) => {
          let sub = eb.selectFrom('koppeling as kp').select('kp.kind');
          if (filter.gastouder) sub = sub.where('kp.gastouder', '=', filter.gastouder);
          if (active) sub = sub.where(koppelingActive('kp'));
          let own = eb.selectFrom('gastouder as g').select('g.code');
          if (filter.gastouder) own = own.where('g.code', '=', filter.gastouder);
          if (active) own = own.where((e: AnyEb) => e.or([e('g.eind', 'is', null), e('g.eind', '>=', active)]));
          return eb.or([eb('t.code', 'in', sub), eb('t.eigen_kind_van', 'in', own)]);
        });
      }
      break;
    case 'koppeling':
      if (filter.gastouder) q = q.where('t.gastouder', '=', filter.gastouder);
      if (filter.kind) q = q.where('t.kind', '=', filter.kind);
      // An ouder's koppelingen are those of her children and those she is the second ouder of (CONTRACT §9).
      if (filter.ouder)
        q = q.where((eb: AnyEb) =>
          eb.or([
            eb('t.kind', 'in', eb.selectFrom('kind').select('code').where('ouder', '=', filter.ouder)),
            eb('t.tweede_ouder', '=', filter.ouder),
          ]),
        );
      if (active) q = q.where(koppelingActive('t'));
      break;
  }
  return q.execute();
}

export async function insertRecord(db: Db, entity: Entity, rec: Rec): Promise<void> {
  await untyped(db).insertInto(entity.name).values(rec).execute();
}

export async function updateRecord(db: Db, entity: Entity, code: string, rec: Rec): Promise<void> {
  await untyped(db).updateTable(entity.name).set(rec).where('code', '=', code).execute();
}

/** The next free code: G0001, G0002 … (one more than the highest number in use with that prefix). */
export async function nextCode(db: Db, entity: Entity): Promise<string> {
  const n = entity.prefix.length;
  // PostgreSQL has no glob, and its cast of a 20-digit code to a number fails where SQLite's
  // saturates: there the highest number is found as text, zero-padded to a code's 20 characters.
  const row = isPostgres(db)
    ? await sql<{ hoogste: string | null }>`
    select max(lpad(substr(code, ${n + 1}), 20, '0')) as hoogste from ${sql.table(entity.name)}
    where code ~ ${`^${entity.prefix}[0-9]+$`}`.execute(db)
    : await sql<{ hoogste: number | null }>`
    select max(cast(substr(code, ${n + 1}) as integer)) as hoogste from ${sql.table(entity.name)}
    where code glob ${`${entity.prefix}[0-9]*`} and substr(code, ${n + 1}) not glob '*[^0-9]*'`.execute(db);
  const hoogste = row.rows[0]?.hoogste ?? null;
  return `${entity.prefix}${String((hoogste === null ? 0 : Number(hoogste)) + 1).padStart(4, '0')}`;
}

interface BsnHolder {
  entity: EntityName;
  veld: string;
  code: string;
  /** The line of the file being imported that gave it this BSN (a change), if any. */
  regel?: number;
}

const keyOf = (h: BsnHolder) => `${h.entity}/${h.veld}/${h.code}`;
const nameOf = (h: BsnHolder) => `${h.entity} ${h.code}${h.veld === 'bsn' ? '' : ` (${h.veld})`}`;

/**
 * Who holds which BSN: one BSN belongs to one person (CONTRACT §2), whichever field keeps it. The
 * fields are every registry field of type bsn, so a new one (the ouder's toeslagpartner) is
 * covered by adding it to fields.ts.
 *
 * An import's register (`forImport`) judges the file as a whole: a BSN may move from one person to
 * another within it (two children's BSNs swapped back, each row naming the other's), so whether
 * each BSN ends with one person is asked once every row is in (`clashes`), not row by row.
 */
export class BsnRegister {
  /** Per BSN its holders, in the order they got it (usually one). */
  private readonly holders = new Map<string, BsnHolder[]>();
  private readonly byHolder = new Map<string, string>();

  private constructor(private readonly wholeFile: boolean) {}

  /** The stored BSNs given (for one add or edit), or all of them. */
  static async load(db: Db, only?: string[]): Promise<BsnRegister> {
    return new BsnRegister(false).fill(db, only);
  }

  /** Every stored BSN, for an import: rows `claim` theirs, and `clashes` says what the file left double. */
  static async forImport(db: Db): Promise<BsnRegister> {
    return new BsnRegister(true).fill(db);
  }

  private async fill(db: Db, only?: string[]): Promise<BsnRegister> {
    if (only?.length === 0) return this;
    for (const entity of Object.values(ENTITIES)) {
      for (const field of entity.fields.filter((f) => f.type.bsn)) {
        const column = columnOf(field);
        let q = untyped(db)
          .selectFrom(entity.name)
          .select(['code', `${column} as bsn`])
          .where(column, 'is not', null);
        if (only) q = q.where(column, 'in', only);
        for (const row of (await q.execute()) as { code: string; bsn: string }[]) {
          this.set({ entity: entity.name, veld: field.name, code: row.code }, row.bsn);
        }
      }
    }
    return this;
  }

  private set(holder: BsnHolder, bsn: string | null): void {
    const key = keyOf(holder);
    const old = this.byHolder.get(key);
    // Keeping its BSN is no change: the holder keeps its place (and no line claims it).
    if (old === bsn) return;
    if (old !== undefined) {
      const rest = this.holders.get(old)!.filter((h) => keyOf(h) !== key);
      if (rest.length > 0) this.holders.set(old, rest);
      else this.holders.delete(old);
      this.byHolder.delete(key);
    }
    if (bsn === null) return;
    this.holders.set(bsn, [...(this.holders.get(bsn) ?? []), holder]);
    this.byHolder.set(key, bsn);
  }

  /** The record's BSNs as they now are (an import row just stored), so that later rows meet them. */
  claim(entity: Entity, rec: Rec, regel?: number): void {
    for (const field of entity.fields.filter((f) => f.type.bsn)) {
      const bsn = rec[columnOf(field)];
      this.set({ entity: entity.name, veld: field.name, code: String(rec.code), regel }, typeof bsn === 'string' ? bsn : null);
    }
  }

  /**
   * The record's BSNs that belong to someone else. A BSN the record already had (`before`) is not
   * this change's doing and is left alone; two BSN fields of one record are compared too. In an
   * import's register only the latter: other people are asked about at the end (`clashes`).
   */
  conflicts(entity: Entity, rec: Rec, before?: Rec): Problem[] {
    const problems: Problem[] = [];
    const own = new Map<string, string>();
    for (const field of entity.fields.filter((f) => f.type.bsn)) {
      const bsn = rec[columnOf(field)];
      if (typeof bsn !== 'string') continue;
      const twin = own.get(bsn);
      own.set(bsn, field.name);
      if (before && before[columnOf(field)] === bsn) continue;
      const waar = (wie: string) => ({ veld: field.name, melding: `BSN ${maskBsn(bsn)} ${wie}; een BSN hoort bij één persoon` });
      if (twin !== undefined) {
        problems.push(waar(`staat ook in ${twin} van deze ${entity.name}`));
        continue;
      }
      if (this.wholeFile) continue;
      const holder = this.holders.get(bsn)?.find((h) => !(h.entity === entity.name && h.code === rec.code));
      if (holder) problems.push(waar(`is al van ${nameOf(holder)}`));
    }
    return problems;
  }

  /**
   * After an import's last row: every line that gave a BSN to someone while another person still
   * holds it. Against a holder the file left as it was: "is al van"; between lines of the file the
   * first keeps it and the later ones are named ("staat ook op regel"), as a row-by-row check would.
   */
  clashes(): (Problem & { regel: number })[] {
    const problems: (Problem & { regel: number })[] = [];
    for (const [bsn, holders] of this.holders) {
      if (holders.length < 2) continue;
      const kept = holders.find((h) => h.regel === undefined);
      const given = holders.filter((h) => h.regel !== undefined).sort((a, b) => a.regel! - b.regel!);
      for (const [i, h] of given.entries()) {
        if (!kept && i === 0) continue;
        const wie = kept ? `is al van ${nameOf(kept)}` : `staat ook op regel ${given[0]!.regel} (${nameOf(given[0]!)})`;
        problems.push({ regel: h.regel!, veld: h.veld, melding: `BSN ${maskBsn(bsn)} ${wie}; een BSN hoort bij één persoon` });
      }
    }
    return problems;
  }
}

/**
 * Rules that need the database: references exist, at most one koppeling per kind and gastouder at
 * a date, and a BSN belongs to one person. An import passes its own BsnRegister, which also knows
 * the rows stored so far.
 */
export async function referenceProblems(
  db: Db,
  entity: Entity,
  rec: Rec,
  { before, bsn }: { before?: Rec; bsn?: BsnRegister } = {},
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const bsns = entity.fields
    .filter((f) => f.type.bsn)
    .map((f) => rec[columnOf(f)])
    .filter((v): v is string => typeof v === 'string');
  if (bsns.length > 0) problems.push(...(bsn ?? (await BsnRegister.load(db, bsns))).conflicts(entity, rec, before));
  const exists = async (table: 'ouder' | 'gastouder' | 'kind', code: string) =>
    (await db.selectFrom(table).select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
  if (entity.name === 'kind') {
    if (rec.ouder && !(await exists('ouder', String(rec.ouder)))) {
      problems.push({ veld: 'ouder', melding: `er is geen ouder met code ${rec.ouder}; voeg die eerst toe met 'gob ouder add'` });
    }
    if (rec.eigen_kind_van && !(await exists('gastouder', String(rec.eigen_kind_van)))) {
      problems.push({ veld: 'eigen-kind-van', melding: `er is geen gastouder met code ${rec.eigen_kind_van}` });
    }
    // The kind's ouder and a koppeling's second ouder are two people (CONTRACT §9).
    if (rec.ouder && rec.code) {
      const gedeeld = await db
        .selectFrom('koppeling')
        .select('code')
        .where('kind', '=', String(rec.code))
        .where('tweede_ouder', '=', String(rec.ouder))
        .executeTakeFirst();
      if (gedeeld)
        problems.push({
          veld: 'ouder',
          melding: `${rec.ouder} is de tweede ouder op koppeling ${gedeeld.code} van dit kind; een kind heeft twee verschillende ouders. Wijzig eerst de koppeling ('gob koppeling edit ${gedeeld.code} --tweede-ouder …')`,
        });
    }
    if (before) problems.push(...(await gefactureerdKindProblems(db, rec, before)));
    if (rec.eigen_kind_van && rec.code) {
      const koppeling = await db.selectFrom('koppeling').select('code').where('kind', '=', String(rec.code)).executeTakeFirst();
      if (koppeling)
        problems.push({
          veld: 'eigen-kind-van',
          melding: `dit kind heeft koppeling ${koppeling.code} als gastkind en kan geen eigen kind zijn`,
        });
    }
  }
  // A mandate id belongs to one ouder (an import asks once at its end: mandaatClashes).
  if (entity.name === 'ouder' && !bsn && typeof rec.mandaat === 'string' && rec.mandaat !== before?.mandaat) {
    const [holders, used] = await mandaatHolders(db, rec.mandaat);
    const ander = holders.find((h) => h.code !== rec.code) ?? used.find((u) => u.ouder !== rec.code);
    if (ander) problems.push(mandaatProblem(rec.mandaat, 'code' in ander ? ander.code : ander.ouder, !('code' in ander)));
  }
  if (entity.name === 'koppeling') {
    const kind = rec.kind
      ? await db.selectFrom('kind').select(['code', 'ouder', 'geboortedatum']).where('code', '=', String(rec.kind)).executeTakeFirst()
      : undefined;
    if (rec.kind && !kind) problems.push({ veld: 'kind', melding: `er is geen kind met code ${rec.kind}` });
    if (kind && kind.ouder === null) {
      problems.push({
        veld: 'kind',
        melding: `${kind.code} is een eigen kind van een gastouder; een koppeling is alleen voor gastkinderen met een vraagouder`,
      });
    }
    const tweede = (rec.tweede_ouder as string | null | undefined) ?? null;
    if (tweede !== null && kind && kind.ouder === tweede) {
      problems.push({
        veld: 'tweede-ouder',
        melding: `${tweede} is al de ouder van kind ${kind.code}; de tweede ouder is een andere ouder (of laat het veld leeg)`,
        usage: true,
      });
    } else if (tweede !== null && !(await exists('ouder', tweede))) {
      problems.push({ veld: 'tweede-ouder', melding: `er is geen ouder met code ${tweede}; voeg die eerst toe met 'gob ouder add'` });
    }
    const start = rec.start as string | null;
    // A koppeling of a child not born yet is a typo in the year (2020 for 2026); checked when the
    // start or the child is set, so that an old record's unrelated edit is not refused.
    if (kind && start && start < kind.geboortedatum && (!before || before.start !== start || before.kind !== rec.kind))
      problems.push({
        veld: 'start',
        melding: `${start} ligt vóór de geboortedatum van kind ${kind.code} (${kind.geboortedatum}); een koppeling begint op of na de geboortedatum`,
      });
    if (before) problems.push(...(await gefactureerdeKoppelingProblems(db, rec, before)));
    const gastouder = rec.gastouder
      ? await db.selectFrom('gastouder').select(['code', 'eind']).where('code', '=', String(rec.gastouder)).executeTakeFirst()
      : undefined;
    if (rec.gastouder && !gastouder) problems.push({ veld: 'gastouder', melding: `er is geen gastouder met code ${rec.gastouder}` });
    const eind = (rec.eind as string | null) ?? null;
    if (gastouder?.eind && start && (eind === null || eind > gastouder.eind)) {
      problems.push({
        veld: 'eind',
        melding: `gastouder ${gastouder.code} stopt op ${gastouder.eind}; de koppeling moet uiterlijk dan eindigen`,
      });
    }
    if (kind && gastouder && start) {
      const overlap = await db
        .selectFrom('koppeling')
        .select(['code', 'start', 'eind'])
        .where('kind', '=', kind.code)
        .where('gastouder', '=', gastouder.code)
        .where('code', '!=', String(rec.code ?? ''))
        .where((eb) => eb.or([eb('eind', 'is', null), eb('eind', '>=', start)]))
        .$if(eind !== null, (qb) => qb.where('start', '<=', eind!))
        .executeTakeFirst();
      if (overlap) {
        problems.push({
          veld: 'start',
          melding: `kind ${kind.code} heeft bij gastouder ${gastouder.code} al koppeling ${overlap.code} (${overlap.start} tot ${overlap.eind ?? 'doorlopend'}); er mag per datum maar één koppeling van hetzelfde kind en dezelfde gastouder zijn`,
        });
      }
    }
  }
  return problems;
}

/**
 * A kind's ouder is who every invoice of it is billed to, also a correction of a month long paid
 * (the urenkaart is priced with the kind's ouder as it is now): once the kind is invoiced, another
 * ouder would move all its past billing to her. A change of birth date may not leave a koppeling
 * starting before the birth.
 */
async function gefactureerdKindProblems(db: Db, rec: Rec, before: Rec): Promise<Problem[]> {
  // Loaded only for an edit: every registry command (a list too) loads this file at start-up.
  const { kindGefactureerd } = await import('./factuur.js');
  const problems: Problem[] = [];
  const code = String(before.code);
  if (before.ouder !== null && (rec.ouder ?? null) !== before.ouder) {
    const billed = await kindGefactureerd(db, code, String(before.ouder));
    if (billed.length > 0) {
      const koppelingen = await db.selectFrom('koppeling').select('code').where('kind', '=', code).orderBy('code').execute();
      const op = koppelingen.length === 1 ? koppelingen[0]!.code : '<koppeling>';
      const maanden = [...new Set(billed.map((b) => b.maand))];
      const ouders = [...new Set(billed.map((b) => b.ouder))].sort();
      problems.push({
        veld: 'ouder',
        melding: `kind ${code} is al gefactureerd over ${opsomming(maanden)} aan ${ouders.length === 1 ? 'ouder' : 'ouders'} ${ouders.join(' en ')}; met een andere ouder zou een correctie van die maanden alles naar ${rec.ouder ?? 'niemand'} verplaatsen. Betalen beide ouders voortaan, geef dan de andere ouder als tweede ouder op de koppeling ('gob koppeling edit ${op} --tweede-ouder ${rec.ouder ?? '…'} --verdeling …'), dat geldt vanaf de eerste maand die nog niet gefactureerd is; betaalt voortaan een andere ouder alles, voeg dan een nieuw kind toe bij die ouder met een nieuwe koppeling`,
      });
    }
  }
  const geboortedatum = rec.geboortedatum as string | null;
  if (geboortedatum && geboortedatum !== before.geboortedatum) {
    const eerder = await db
      .selectFrom('koppeling')
      .select(['code', 'start'])
      .where('kind', '=', code)
      .where('start', '<', geboortedatum)
      .orderBy('start')
      .executeTakeFirst();
    if (eerder)
      problems.push({
        veld: 'geboortedatum',
        melding: `${geboortedatum} ligt na de start van koppeling ${eerder.code} (${eerder.start}); een kind wordt niet opgevangen vóór het geboren is`,
      });
  }
  return problems;
}

/**
 * A koppeling's urenkaarten and invoices belong to its child at its gastouder within its dates:
 * the urenkaart's care is billed under the gastouder it names, and agreed hours and notice under the
 * koppeling's. So, once there are urenkaarten or invoices, the kind and gastouder stay (another is
 * a new koppeling), the start may not pass the first urenkaart date nor the end precede the last.
 * Only what the edit changes is checked: an unrelated edit of an old record is not refused.
 */
async function gefactureerdeKoppelingProblems(db: Db, rec: Rec, before: Rec): Promise<Problem[]> {
  // Loaded only for an edit, as above.
  const [{ frozenRateMonths }, { urenkaartDatums, urenkaartMaanden }] = await Promise.all([
    import('./factuur.js'),
    import('./urenkaart.js'),
  ]);
  const problems: Problem[] = [];
  const code = String(before.code);
  // Urenkaart lines of a koppeling never lie before its start: there the scan begins.
  const vanaf = monthOf(String(before.start));
  const gewisseld = (['kind', 'gastouder'] as const).filter((v) => (rec[v] ?? null) !== before[v]);
  if (gewisseld.length > 0) {
    const [uren, gefactureerd] = await Promise.all([urenkaartMaanden(db, code, vanaf), frozenRateMonths(db, code)]);
    const wat = [
      uren.length > 0 ? `urenkaarten over ${opsomming(uren)}` : null,
      gefactureerd.length > 0 ? `facturen over ${opsomming(gefactureerd)}` : null,
    ].filter((w) => w !== null);
    if (wat.length > 0)
      for (const veld of gewisseld)
        problems.push({
          veld,
          melding: `koppeling ${code} (kind ${before.kind} bij gastouder ${before.gastouder}) heeft al ${wat.join(' en ')}, en die horen bij dit kind en deze gastouder. ${veld === 'kind' ? 'Een ander kind' : 'Een andere gastouder'} is een nieuwe koppeling: beëindig deze ('gob koppeling end ${code} --eind …') en voeg een nieuwe toe ('gob koppeling add')`,
        });
  }
  const start = (rec.start as string | null) ?? null;
  if (start !== null && start > String(before.start)) {
    const voor = (await urenkaartDatums(db, code, vanaf, monthOf(start))).filter((d) => d < start);
    if (voor.length > 0) problems.push({ veld: 'start', melding: urenVoorStart(start, voor) });
  }
  const eind = (rec.eind as string | null) ?? null;
  // A moved end keeps the notice `koppeling end` recorded, and notice is given on or before the
  // last day of care: the end may not move before it (in `edit` as in `import`).
  if (eind !== null && before.eind !== null && eind !== before.eind) {
    const opzegdatum = (await db.selectFrom('koppeling').select('opzegdatum').where('code', '=', code).executeTakeFirst())?.opzegdatum;
    if (opzegdatum && eind < opzegdatum)
      problems.push({
        veld: 'eind',
        melding: `${eind} ligt vóór de opzegdatum ${opzegdatum}; er wordt opgezegd vóór of op de laatste dag van de opvang. Geef een einddatum op of na ${opzegdatum}, of leg de beëindiging opnieuw vast met 'gob koppeling end ${code} --eind … --opzegdatum …'`,
      });
  }
  if (eind !== null && (before.eind === null || eind < String(before.eind))) {
    const na = (await urenkaartDatums(db, code, monthOf(eind))).filter((d) => d > eind);
    if (na.length > 0) problems.push({ veld: 'eind', melding: urenNaEind(eind, na) });
  }
  return problems;
}

/** Whether a registry record with this code exists (a list filter that names nobody is a typo). */
export async function codeExists(db: Db, table: EntityName, code: string): Promise<boolean> {
  return (await db.selectFrom(table).select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function getGastouder(db: Db, code: string) {
  return db.selectFrom('gastouder').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function getKoppeling(db: Db, code: string) {
  return db.selectFrom('koppeling').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A gastouder's koppelingen that start after `datum`. */
export async function koppelingenStartingAfter(db: Db, gastouder: string, datum: Datum) {
  return db
    .selectFrom('koppeling')
    .select(['code', 'start'])
    .where('gastouder', '=', gastouder)
    .where('start', '>', datum)
    .orderBy('start')
    .orderBy('code')
    .execute();
}

/** End a gastouder on `eind`, with her koppelingen that run longer; returns the koppelingen ended. */
export async function endGastouder(db: Db, code: string, eind: Datum): Promise<string[]> {
  const ended = await db
    .updateTable('koppeling')
    .set({ eind })
    .where('gastouder', '=', code)
    .where((eb) => eb.or([eb('eind', 'is', null), eb('eind', '>', eind)]))
    .returning(['code', 'start'])
    .execute();
  // By start and code on both (an update's returning has no order of its own).
  ended.sort((a, b) => (a.start === b.start ? (a.code < b.code ? -1 : 1) : a.start < b.start ? -1 : 1));
  await db.updateTable('gastouder').set({ eind }).where('code', '=', code).execute();
  return ended.map((k) => k.code);
}

export async function endKoppeling(db: Db, code: string, eind: Datum, opzegdatum: Datum, zonderOpzegtermijn: boolean): Promise<void> {
  await db
    .updateTable('koppeling')
    .set({ eind, opzegdatum, zonder_opzegtermijn: zonderOpzegtermijn ? 1 : 0 })
    .where('code', '=', code)
    .execute();
}

/**
 * Withdraw a koppeling's notice: an end set or cleared by `edit` or `import` is a fixed term (or no
 * end at all), never a notice (docs/decisions.md), so the opzegdatum of an earlier `end` goes.
 */
export async function clearOpzegging(db: Db, code: string): Promise<void> {
  await db.updateTable('koppeling').set({ opzegdatum: null, zonder_opzegtermijn: 0 }).where('code', '=', code).execute();
}

/** What a record is linked to, for `show`: a gastouder's own children and koppelingen. */
export async function eigenKinderen(db: Db, gastouder: string) {
  return db.selectFrom('kind').select(['code', 'naam', 'geboortedatum']).where('eigen_kind_van', '=', gastouder).orderBy('code').execute();
}

export async function koppelingenVanGastouder(db: Db, gastouder: string) {
  return db
    .selectFrom('koppeling')
    .innerJoin('kind', 'kind.code', 'koppeling.kind')
    .select(['koppeling.code', 'kind.naam', 'koppeling.start', 'koppeling.eind'])
    .where('koppeling.gastouder', '=', gastouder)
    .orderBy('koppeling.code')
    .execute();
}

export async function kinderenVanOuder(db: Db, ouder: string) {
  return db.selectFrom('kind').select(['code', 'naam', 'geboortedatum']).where('ouder', '=', ouder).orderBy('code').execute();
}

export async function koppelingenVanKind(db: Db, kind: string) {
  return db
    .selectFrom('koppeling')
    .innerJoin('gastouder', 'gastouder.code', 'koppeling.gastouder')
    .select(['koppeling.code', 'gastouder.naam', 'koppeling.start', 'koppeling.eind'])
    .where('koppeling.kind', '=', kind)
    .orderBy('koppeling.code')
    .execute();
}

/** The koppelingen an ouder is the second ouder of (CONTRACT §9), with the child. */
export async function gedeeldeKinderen(db: Db, ouder: string) {
  return db
    .selectFrom('koppeling')
    .innerJoin('kind', 'kind.code', 'koppeling.kind')
    .select(['koppeling.code as koppeling', 'koppeling.kind', 'kind.naam', 'kind.ouder', 'koppeling.verdeling'])
    .where('koppeling.tweede_ouder', '=', ouder)
    .orderBy('koppeling.code')
    .execute();
}

/** The ouders with what an incasso needs, by code. */
export async function ouderMandaten(db: Db) {
  return db.selectFrom('ouder').select(['code', 'naam', 'iban', 'mandaat', 'mandaat_datum']).orderBy('code').execute();
}

/** The gastouders with the account a payout goes to. */
export async function gastouderRekeningen(db: Db) {
  return db.selectFrom('gastouder').select(['code', 'naam', 'iban']).execute();
}

/**
 * Who holds a mandate id now (ouder.mandaat) and under whose mandate it was collected before
 * (betaling.mandaat): the bank matches the id with one signed mandate, and FRST/RCUR follows its
 * history. A second ouder under one id was collected under the first one's mandate; an id given up
 * by one ouder and taken by another made the newcomer's first collection RCUR under the old mandate.
 */
async function mandaatHolders(
  db: Db,
  mandaat?: string,
): Promise<[{ code: string; mandaat: string }[], { ouder: string; mandaat: string }[]]> {
  let holders = db.selectFrom('ouder').select(['code', 'mandaat']).where('mandaat', 'is not', null);
  let used = db.selectFrom('betaling').select(['ouder', 'mandaat']).distinct().where('mandaat', 'is not', null);
  if (mandaat !== undefined) {
    holders = holders.where('mandaat', '=', mandaat);
    used = used.where('mandaat', '=', mandaat);
  }
  return [(await holders.execute()) as { code: string; mandaat: string }[], (await used.execute()) as { ouder: string; mandaat: string }[]];
}

function mandaatProblem(mandaat: string, ouder: string, eerder: boolean): Problem {
  return {
    veld: 'mandaat',
    melding: `mandaat-id ${JSON.stringify(mandaat)} ${eerder ? 'is eerder gebruikt voor incasso bij' : 'is al van'} ouder ${ouder}; een machtiging hoort bij één ouder`,
  };
}

/**
 * After an ouder import's last row, in two queries whatever the file's size (a query per row made
 * 44,000 ouders with mandates take half a minute): the lines that gave an ouder a mandate id that
 * another ouder holds or was collected under.
 */
export async function mandaatClashes(db: Db, given: ReadonlyMap<string, number>): Promise<(Problem & { regel: number })[]> {
  if (given.size === 0) return [];
  const [holders, used] = await mandaatHolders(db);
  const byId = new Map<string, Set<string>>();
  for (const h of holders) byId.set(h.mandaat, (byId.get(h.mandaat) ?? new Set()).add(h.code));
  const usedBy = new Map<string, Set<string>>();
  for (const u of used) usedBy.set(u.mandaat, (usedBy.get(u.mandaat) ?? new Set()).add(u.ouder));
  const mandaatOf = new Map(holders.map((h) => [h.code, h.mandaat]));
  const problems: (Problem & { regel: number })[] = [];
  for (const [code, regel] of given) {
    const mandaat = mandaatOf.get(code);
    if (mandaat === undefined) continue;
    const others = [...(byId.get(mandaat) ?? [])].filter((c) => c !== code);
    // Between two lines of the file the first keeps it, as for a BSN.
    const holder = others.find((c) => !given.has(c) || given.get(c)! < regel);
    const earlier = [...(usedBy.get(mandaat) ?? [])].find((c) => c !== code);
    if (holder) problems.push({ regel, ...mandaatProblem(mandaat, holder, false) });
    else if (earlier) problems.push({ regel, ...mandaatProblem(mandaat, earlier, true) });
  }
  return problems;
}
