// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// The year (CONTRACT v2 §8):
// - ouder: the toeslagpartner (name, BSN, date of birth) the jaaropgave names.
// - toeslagtarief: the maximum hourly price of the kinderopvangtoeslag per year, as data. The
//   three years the law has fixed so far are put in here; later years the bureau sets
//   (`gob toeslag tarief --jaar --max`). An invoice keeps the maximum it was made with in its
//   snapshot, so setting a year later changes no invoice.
// - jaaropgave: one row per version of an ouder's yearly overview, immutable like an invoice. The
//   content (bureau, ouder, children, gastouders and the figures) is a JSON snapshot; `kenmerk`
//   is a digest of what the Belastingdienst reads from it (figures and BSNs), so that a second
//   run knows without parsing 44,000 documents whose figures changed.
import { type Kysely, sql } from 'kysely';
import { refuse, run, type Step } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: Step[] = [
    sql`alter table ouder add column partner_naam text`,
    sql`alter table ouder add column partner_bsn text`,
    sql`alter table ouder add column partner_geboortedatum text`,
    sql`create table toeslagtarief (
      jaar integer primary key,
      max_cent integer not null check (max_cent > 0),
      ingebouwd integer not null default 0 check (ingebouwd in (0, 1))
    ) strict`,
    sql`insert into toeslagtarief (jaar, max_cent, ingebouwd) values (2024, 753, 1), (2025, 810, 1), (2026, 849, 1)`,
    sql`create table jaaropgave (
      nummer text not null,
      versie integer not null check (versie >= 1),
      jaar integer not null,
      ouder text not null references ouder (code) on update cascade,
      datum text not null,
      minuten integer not null,
      totaal_cent integer not null,
      kenmerk text not null,
      gegevens text not null check (json_valid(gegevens)),
      primary key (nummer, versie),
      unique (jaar, ouder, versie)
    ) strict`,
    sql`create index jaaropgave_jaar on jaaropgave (jaar, ouder)`,
    {
      sqlite: [
        sql`create trigger jaaropgave_onveranderlijk before update on jaaropgave
      begin select raise(abort, 'een jaaropgave wordt nooit gewijzigd'); end`,
      ],
      postgres: [refuse('jaaropgave_onveranderlijk', 'update', 'jaaropgave', 'een jaaropgave wordt nooit gewijzigd')],
    },
    {
      sqlite: [
        sql`create trigger jaaropgave_onverwijderbaar before delete on jaaropgave
      begin select raise(abort, 'een jaaropgave wordt nooit verwijderd'); end`,
      ],
      postgres: [refuse('jaaropgave_onverwijderbaar', 'delete', 'jaaropgave', 'een jaaropgave wordt nooit verwijderd')],
    },
  ];
  await run(db, statements);
}
