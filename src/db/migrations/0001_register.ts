// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// This first migration already holds the whole contract's schema, so that later features add
// behaviour, not tables. Money is integer cent, durations integer minutes, dates 'JJJJ-MM-DD' text,
// times 'HH:MM' text, booleans 0/1.
import { type Kysely, sql } from 'kysely';
import { refuse, refuseFunction, run, type Step } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: Step[] = [
    // PostgreSQL: the function behind the triggers that keep issued documents as they are.
    { sqlite: [], postgres: [refuseFunction] },
    sql`create table bureau (
      id integer primary key check (id = 1),
      naam text, adres text, postcode text, plaats text, email text, telefoon text,
      kvk text, lrk text, iban text, bic text, incassant_id text,
      deadline_dag integer not null default 5 check (deadline_dag between 1 and 28),
      betaaltermijn integer not null default 14 check (betaaltermijn >= 0),
      uitbetaaltermijn integer not null default 5 check (uitbetaaltermijn >= 0),
      beginner_max integer not null default 0 check (beginner_max >= 0),
      bureaukosten_model text not null default 'maand' check (bureaukosten_model in ('maand', 'uur')),
      bureaukosten_een_kind_cent integer not null default 2950,
      bureaukosten_meer_kinderen_cent integer not null default 5750,
      bureaukosten_uur text,
      certificaat text
    ) strict`,
    sql`insert into bureau (id) values (1)`,
    sql`create table gastouder (
      code text primary key,
      naam text not null, geboortedatum text not null,
      adres text, postcode text, plaats text, email text, telefoon text, iban text, lrk text,
      ervaring_sinds text, achterwacht text, slaapruimte integer not null default 0 check (slaapruimte in (0, 1)),
      ehbo_tot text, vog_datum text, diploma text,
      eind text
    ) strict`,
    sql`create table ouder (
      code text primary key,
      naam text not null, geboortedatum text,
      adres text, postcode text, plaats text, email text, telefoon text, iban text, bsn text,
      mandaat text, mandaat_datum text
    ) strict`,
    sql`create table kind (
      code text primary key,
      naam text not null, geboortedatum text not null, bsn text,
      ouder text references ouder (code) on update cascade,
      eigen_kind_van text references gastouder (code) on update cascade,
      check ((ouder is null) <> (eigen_kind_van is null))
    ) strict`,
    sql`create index kind_ouder on kind (ouder)`,
    sql`create index kind_eigen_kind_van on kind (eigen_kind_van)`,
    sql`create table koppeling (
      code text primary key,
      kind text not null references kind (code) on update cascade,
      gastouder text not null references gastouder (code) on update cascade,
      start text not null, eind text,
      uurtarief_cent integer not null check (uurtarief_cent > 0),
      opvanglocatie text not null default 'gastouder' check (opvanglocatie in ('gastouder', 'ouder')),
      opzegdatum text,
      check (eind is null or eind >= start)
    ) strict`,
    sql`create index koppeling_gastouder on koppeling (gastouder, start)`,
    sql`create index koppeling_kind on koppeling (kind, start)`,
    sql`create table rooster (
      id integer primary key,
      koppeling text references koppeling (code) on update cascade on delete cascade,
      kind text references kind (code) on update cascade on delete cascade,
      dag text not null check (dag in ('ma', 'di', 'wo', 'do', 'vr', 'za', 'zo')),
      van text not null, tot text not null,
      vanaf text, tot_en_met text,
      check ((koppeling is null) <> (kind is null)),
      check (van < tot)
    ) strict`,
    sql`create index rooster_koppeling on rooster (koppeling)`,
    sql`create index rooster_kind on rooster (kind)`,
    // One row per urenkaart: a child's hours at one gastouder (under one koppeling) in one month,
    // its lines packed as JSON [[day, van, tot(, opmerking)], …] with times in minutes. A large
    // bureau's month is a million lines but only ~44,000 urenkaarten: storing lines one per row
    // cost ~3 µs each through better-sqlite3, most of the import's time. `minuten` is the sum of
    // the lines, which is what an invoice bills.
    sql`create table urenkaart (
      maand text not null,
      gastouder text not null references gastouder (code) on update cascade,
      kind text not null references kind (code) on update cascade,
      koppeling text not null references koppeling (code) on update cascade,
      minuten integer not null check (minuten > 0),
      regels text not null check (json_valid(regels)),
      te_laat integer not null default 0 check (te_laat in (0, 1)),
      primary key (maand, gastouder, kind, koppeling)
    ) strict, without rowid`,
    // Gapless numbering per kind of document and year: the counter is raised in the same
    // transaction that stores the document, so a rollback gives the number back.
    sql`create table nummering (
      soort text not null, jaar integer not null, laatste integer not null,
      primary key (soort, jaar)
    ) strict`,
    sql`create table factuur (
      nummer text primary key,
      ouder text not null references ouder (code) on update cascade,
      maand text not null, datum text not null, vervaldatum text not null,
      correctie_van text references factuur (nummer),
      totaal_cent integer not null,
      -- What the invoice shows of bureau, ouder, children and gastouders, as it was when it was
      -- made (JSON): a later change of address never changes an invoice already sent.
      gegevens text not null check (json_valid(gegevens))
    ) strict`,
    sql`create index factuur_maand_ouder on factuur (maand, ouder)`,
    sql`create table factuurregel (
      id integer primary key,
      factuur text not null references factuur (nummer),
      volgnummer integer not null,
      soort text not null check (soort in ('opvang', 'bureaukosten')),
      -- Null for a monthly bureau fee, which is per ouder and gastouder, not per child.
      kind text references kind (code) on update cascade,
      gastouder text not null references gastouder (code) on update cascade,
      minuten integer not null,
      tarief_cent integer not null,
      bedrag_cent integer not null,
      unique (factuur, volgnummer)
    ) strict`,
    sql`create index factuurregel_gastouder on factuurregel (gastouder)`,
    // Invoices are immutable: the database itself refuses to change or delete them.
    {
      sqlite: [
        sql`create trigger factuur_onveranderlijk before update on factuur
      begin select raise(abort, 'een factuur wordt nooit gewijzigd'); end`,
      ],
      postgres: [refuse('factuur_onveranderlijk', 'update', 'factuur', 'een factuur wordt nooit gewijzigd')],
    },
    {
      sqlite: [
        sql`create trigger factuur_onverwijderbaar before delete on factuur
      begin select raise(abort, 'een factuur wordt nooit verwijderd'); end`,
      ],
      postgres: [refuse('factuur_onverwijderbaar', 'delete', 'factuur', 'een factuur wordt nooit verwijderd')],
    },
    {
      sqlite: [
        sql`create trigger factuurregel_onveranderlijk before update on factuurregel
      begin select raise(abort, 'een factuurregel wordt nooit gewijzigd'); end`,
      ],
      postgres: [refuse('factuurregel_onveranderlijk', 'update', 'factuurregel', 'een factuurregel wordt nooit gewijzigd')],
    },
    {
      sqlite: [
        sql`create trigger factuurregel_onverwijderbaar before delete on factuurregel
      begin select raise(abort, 'een factuurregel wordt nooit verwijderd'); end`,
      ],
      postgres: [refuse('factuurregel_onverwijderbaar', 'delete', 'factuurregel', 'een factuurregel wordt nooit verwijderd')],
    },
    sql`create table betaling (
      id integer primary key,
      ouder text not null references ouder (code) on update cascade,
      datum text not null,
      bedrag_cent integer not null,
      soort text not null check (soort in ('betaling', 'incasso', 'storno')),
      mandaat text, sepa_bericht text, omschrijving text
    ) strict`,
    sql`create index betaling_ouder on betaling (ouder)`,
    // Which payment paid (or, for a storno, reopened) which invoice, and for how much.
    sql`create table toewijzing (
      id integer primary key,
      betaling integer not null references betaling (id),
      factuur text not null references factuur (nummer),
      bedrag_cent integer not null
    ) strict`,
    sql`create index toewijzing_factuur on toewijzing (factuur)`,
    sql`create table uitbetaling (
      nummer text primary key,
      gastouder text not null references gastouder (code) on update cascade,
      datum text not null,
      bedrag_cent integer not null check (bedrag_cent >= 0),
      te_laat integer not null default 0 check (te_laat in (0, 1))
    ) strict`,
    sql`create table uitbetalingregel (
      id integer primary key,
      uitbetaling text not null references uitbetaling (nummer),
      factuurregel integer not null references factuurregel (id),
      factuur text not null references factuur (nummer),
      kind text not null, maand text not null,
      minuten integer not null, bedrag_cent integer not null,
      betaald_op text not null, uiterlijk text not null
    ) strict`,
    sql`create index uitbetalingregel_factuurregel on uitbetalingregel (factuurregel)`,
    sql`create table handtekening (
      id integer primary key,
      koppeling text not null references koppeling (code) on update cascade,
      soort text not null check (soort in ('gastouder', 'bureau')),
      partij text not null check (partij in ('ouder', 'gastouder', 'bureau')),
      naam text not null, datum text not null, plaats text,
      unique (koppeling, soort, partij)
    ) strict`,
    // The audit log: when (clock time, UTC ISO), who (OS user), which command and what changed.
    // Never a BSN: commands write "(gewijzigd)" instead of its value.
    sql`create table log (
      id integer primary key,
      tijdstip text not null,
      gebruiker text not null,
      commando text not null,
      wijziging text not null
    ) strict`,
  ];
  await run(db, statements);
}
