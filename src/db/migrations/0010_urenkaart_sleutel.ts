// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// One foreign key for an urenkaart instead of three (issue 16): (koppeling, gastouder, kind)
// references koppeling (code, gastouder, kind), on update cascade. The three single keys
// (gastouder, kind, koppeling) cost most of the time PostgreSQL spends storing an urenkaart import
// (psql \copy of 44,000 urenkaarten: 1.1–1.2 s with three keys, 0.66 s with one) and three index
// lookups per row on SQLite. The check is stronger, not weaker: an urenkaart's gastouder and kind
// must be its koppeling's (the import looks the koppeling up by that pair, and a koppeling's kind
// and gastouder are fixed once it has history), and that they exist follows from koppeling's own
// keys. A changed code still reaches the urenkaart: gastouder or kind → koppeling → urenkaart.
// - koppeling gets unique (code, gastouder, kind), which a composite key must point at (a unique
//   constraint on PostgreSQL, a unique index of the same name on SQLite, which cannot add one).
// - PostgreSQL drops the three keys, found in the catalog (not by their default names), and adds
//   the composite one. SQLite cannot change a table's keys and rebuilds it (its documented
//   procedure: new table, copy, drop, rename); nothing refers to urenkaart and no view or trigger
//   mentions it, so the rename rewrites nothing else.
// - An urenkaart whose gastouder or kind differ from its koppeling's (an older gob let a
//   koppeling's gastouder or kind change after its hours were imported) makes the migration fail,
//   naming the urenkaarten: dropping or changing them would change what was worked and billed.
import { type Kysely, sql } from 'kysely';
import { Refused } from '../../errors.js';
import { isPostgres } from '../dialect.js';

/** Urenkaarten named in the refusal; the rest are counted. */
const GENOEMD = 20;

export async function up(db: Kysely<unknown>): Promise<void> {
  await refuseMismatches(db);
  if (isPostgres(db)) {
    await sql`alter table koppeling add constraint koppeling_code_gastouder_kind_key unique (code, gastouder, kind)`.execute(db);
    const { rows } = await sql<{ conname: string }>`select conname from pg_constraint
      where conrelid = 'urenkaart'::regclass and contype = 'f'
        and confrelid in ('gastouder'::regclass, 'kind'::regclass, 'koppeling'::regclass)
      order by conname`.execute(db);
    for (const { conname } of rows) await sql`alter table urenkaart drop constraint ${sql.id(conname)}`.execute(db);
    await sql`alter table urenkaart add constraint urenkaart_koppeling_gastouder_kind_fkey
      foreign key (koppeling, gastouder, kind) references koppeling (code, gastouder, kind) on update cascade`.execute(db);
    return;
  }
  await sql`create unique index koppeling_code_gastouder_kind_key on koppeling (code, gastouder, kind)`.execute(db);
  // The same columns, checks, primary key and STRICT, WITHOUT ROWID as 0001 made; only the keys differ.
  await sql`create table urenkaart_0010 (
      maand text not null,
      gastouder text not null,
      kind text not null,
      koppeling text not null,
      minuten integer not null check (minuten > 0),
      regels text not null check (json_valid(regels)),
      te_laat integer not null default 0 check (te_laat in (0, 1)),
      primary key (maand, gastouder, kind, koppeling),
      foreign key (koppeling, gastouder, kind) references koppeling (code, gastouder, kind) on update cascade
    ) strict, without rowid`.execute(db);
  // In key order: the new table's b-tree is filled from left to right.
  await sql`insert into urenkaart_0010 (maand, gastouder, kind, koppeling, minuten, regels, te_laat)
    select maand, gastouder, kind, koppeling, minuten, regels, te_laat from urenkaart
    order by maand, gastouder, kind, koppeling`.execute(db);
  await sql`drop table urenkaart`.execute(db);
  await sql`alter table urenkaart_0010 rename to urenkaart`.execute(db);
  const problems = await sql<Record<string, unknown>>`pragma foreign_key_check(urenkaart)`.execute(db);
  // Cannot happen after refuseMismatches: a bug, not the user's to fix.
  if (problems.rows.length > 0) throw new Error(`0010: urenkaart heeft ${problems.rows.length} ongeldige verwijzingen na de ombouw`);
}

/** Refuses (exit 1, nothing changed) when an urenkaart's gastouder or kind is not its koppeling's. */
async function refuseMismatches(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{
    maand: string;
    koppeling: string;
    gastouder: string;
    kind: string;
    kp_gastouder: string | null;
    kp_kind: string | null;
  }>`select u.maand, u.koppeling, u.gastouder, u.kind, kp.gastouder as kp_gastouder, kp.kind as kp_kind
    from urenkaart u left join koppeling kp on kp.code = u.koppeling
    where kp.code is null or kp.gastouder <> u.gastouder or kp.kind <> u.kind
    order by u.koppeling, u.maand, u.gastouder, u.kind`.execute(db);
  if (rows.length === 0) return;
  const lines = rows
    .slice(0, GENOEMD)
    .map((r) =>
      r.kp_gastouder === null
        ? `urenkaart ${r.maand} van gastouder ${r.gastouder}, kind ${r.kind}: koppeling ${r.koppeling} bestaat niet`
        : `urenkaart ${r.maand} van koppeling ${r.koppeling} staat op gastouder ${r.gastouder} en kind ${r.kind}, maar koppeling ${r.koppeling} is van gastouder ${r.kp_gastouder} en kind ${r.kp_kind}`,
    );
  if (rows.length > GENOEMD) lines.push(`… en ${rows.length - GENOEMD} meer`);
  throw new Refused(
    `De database kan niet worden bijgewerkt (0010_urenkaart_sleutel): ${rows.length === 1 ? 'één urenkaart hoort' : `${rows.length} urenkaarten horen`} niet bij de gastouder en het kind van ${rows.length === 1 ? 'haar' : 'hun'} koppeling. ` +
      `Een urenkaart moet van de gastouder en het kind van haar koppeling zijn, en gob past gewerkte uren niet zelf aan. Er is niets gewijzigd. ` +
      `Importeer met de vorige versie van gob de urenkaart van die gastouder en maand opnieuw, zodat elke regel bij een koppeling van dat kind bij die gastouder hoort (voeg zo nodig eerst een koppeling toe), en draai daarna 'gob init' opnieuw.`,
    lines,
  );
}
