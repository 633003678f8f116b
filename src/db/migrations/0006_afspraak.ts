// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// The agreement as billed (CONTRACT v2 §9):
// - bureau: `afgesproken_uren` (bill the rooster, not only the urenkaart; off by default, so nothing
//   changes for a bureau that leaves it off) and `afmeldtermijn` (days an absence must be reported
//   ahead to be excused); both kept per invoiced month in maandbureaukosten, like the fees.
// - afwezigheid: an absence of a kind or of a gastouder, with when it was reported.
// - koppeling: `tweede_ouder` and `verdeling` (co-parents: the whole-number percentage billed to the
//   kind's ouder), and `zonder_opzegtermijn` (ended by mutual agreement: no notice billed).
// - maandtarief: the co-parent's share frozen with the month's rate; handtekening: which ouder
//   signed (each co-parent signs her own contract).
// - factuurregel: two more kinds of line, `afgesproken` (agreed hours not worked and not excused)
//   and `opzegtermijn` (the notice period's rooster hours). SQLite cannot change a CHECK in place, so
//   the table is rebuilt with the same rows and ids (payout lines refer to them): copied aside,
//   dropped, made again under its own name (so the payout lines' references, by name, hold), filled
//   from the copy, with its index and triggers. A rename would not do: with foreign keys on,
//   SQLite rewrites the references of other tables to the new name.
import { type Kysely, sql } from 'kysely';
import { run, type Step } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: Step[] = [
    sql`alter table bureau add column afgesproken_uren integer not null default 0 check (afgesproken_uren in (0, 1))`,
    sql`alter table bureau add column afmeldtermijn integer not null default 14 check (afmeldtermijn >= 0)`,
    // Frozen per invoiced month like the fees: turning the setting on or off later re-bills no
    // month invoiced before. Months invoiced before this migration billed only hours of care.
    sql`alter table maandbureaukosten add column afgesproken_uren integer not null default 0 check (afgesproken_uren in (0, 1))`,
    sql`alter table maandbureaukosten add column afmeldtermijn integer not null default 14 check (afmeldtermijn >= 0)`,
    sql`create table afwezigheid (
      id integer primary key,
      kind text references kind (code) on update cascade,
      gastouder text references gastouder (code) on update cascade,
      van text not null,
      tot_en_met text not null,
      soort text not null default 'overig' check (soort in ('ziek', 'vakantie', 'overig')),
      gemeld text not null,
      check ((kind is null) <> (gastouder is null)),
      check (tot_en_met >= van)
    ) strict`,
    sql`create index afwezigheid_kind on afwezigheid (kind, van)`,
    sql`create index afwezigheid_gastouder on afwezigheid (gastouder, van)`,
    sql`alter table koppeling add column tweede_ouder text references ouder (code) on update cascade`,
    sql`alter table koppeling add column verdeling integer not null default 100 check (verdeling between 1 and 100)`,
    sql`alter table koppeling add column zonder_opzegtermijn integer not null default 0 check (zonder_opzegtermijn in (0, 1))`,
    // SQLite cannot change a CHECK in place and rebuilds the table; PostgreSQL alters it (its
    // immutability triggers stay, as they refuse only updates and deletes of rows).
    {
      sqlite: [
        // Foreign keys are checked at commit: while the table is rebuilt, payout lines point at
        // rows that are gone and then back with the same ids.
        sql`pragma defer_foreign_keys = on`,
        sql`create table factuurregel_0005 as select * from factuurregel`,
        sql`drop trigger factuurregel_onveranderlijk`,
        sql`drop trigger factuurregel_onverwijderbaar`,
        sql`drop table factuurregel`,
        sql`create table factuurregel (
          id integer primary key,
          factuur text not null references factuur (nummer),
          volgnummer integer not null,
          soort text not null check (soort in ('opvang', 'bureaukosten', 'afgesproken', 'opzegtermijn')),
          -- Null for a monthly bureau fee, which is per ouder and gastouder, not per child.
          kind text references kind (code) on update cascade,
          gastouder text not null references gastouder (code) on update cascade,
          minuten integer not null,
          tarief_cent integer not null,
          bedrag_cent integer not null,
          -- The invoice whose line this correction line corrects.
          correctie_op text references factuur (nummer),
          lrk text,
          unique (factuur, volgnummer)
        ) strict`,
        sql`insert into factuurregel (id, factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent, correctie_op, lrk)
          select id, factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent, correctie_op, lrk from factuurregel_0005`,
        sql`drop table factuurregel_0005`,
        sql`create index factuurregel_gastouder on factuurregel (gastouder)`,
        sql`create trigger factuurregel_onveranderlijk before update on factuurregel
          begin select raise(abort, 'een factuurregel wordt nooit gewijzigd'); end`,
        sql`create trigger factuurregel_onverwijderbaar before delete on factuurregel
          begin select raise(abort, 'een factuurregel wordt nooit verwijderd'); end`,
      ],
      postgres: [
        sql`alter table factuurregel drop constraint factuurregel_soort_check`,
        sql`alter table factuurregel add constraint factuurregel_soort_check
          check (soort in ('opvang', 'bureaukosten', 'afgesproken', 'opzegtermijn'))`,
      ],
    },
    // A co-parent's share is frozen with the month's rate: a later change of the split re-bills no
    // invoiced month (null: the month was invoiced before 0006, when nothing was shared).
    sql`alter table maandtarief add column tweede_ouder text references ouder (code) on update cascade`,
    sql`alter table maandtarief add column verdeling integer check (verdeling between 1 and 100)`,
    // Each ouder signs her own contract (§9): a signature of partij 'ouder' names which ouder. The
    // old unique key (koppeling, soort, partij) allowed one ouder; the table is rebuilt like
    // factuurregel (nothing refers to it), the ouder of earlier signatures filled in from the kind.
    {
      sqlite: [
        sql`create table handtekening_0005 as select * from handtekening`,
        sql`drop table handtekening`,
        sql`create table handtekening (
          id integer primary key,
          koppeling text not null references koppeling (code) on update cascade,
          soort text not null check (soort in ('gastouder', 'bureau')),
          partij text not null check (partij in ('ouder', 'gastouder', 'bureau')),
          ouder text references ouder (code) on update cascade,
          naam text not null, datum text not null, plaats text,
          check ((partij = 'ouder') = (ouder is not null))
        ) strict`,
        sql`insert into handtekening (id, koppeling, soort, partij, ouder, naam, datum, plaats)
          select h.id, h.koppeling, h.soort, h.partij,
            case when h.partij = 'ouder' then (select k.ouder from koppeling kp join kind k on k.code = kp.kind where kp.code = h.koppeling) end,
            h.naam, h.datum, h.plaats
          from handtekening_0005 h`,
        sql`drop table handtekening_0005`,
      ],
      postgres: [
        sql`alter table handtekening add column ouder text collate "C" references ouder (code) on update cascade`,
        sql`update handtekening h set ouder = (select k.ouder from koppeling kp join kind k on k.code = kp.kind where kp.code = h.koppeling)
          where h.partij = 'ouder'`,
        sql`alter table handtekening add constraint handtekening_ouder_check check ((partij = 'ouder') = (ouder is not null))`,
        sql`alter table handtekening drop constraint handtekening_koppeling_soort_partij_key`,
      ],
    },
    sql`create unique index handtekening_partij on handtekening (koppeling, soort, partij) where ouder is null`,
    sql`create unique index handtekening_ouder on handtekening (koppeling, soort, ouder) where ouder is not null`,
  ];
  await run(db, statements);
}
