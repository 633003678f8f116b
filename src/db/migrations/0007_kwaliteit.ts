// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// Quality duties (CONTRACT v2 §10):
// - gastouder: `verzekering_tot` (liability insurance valid until), `prk` (linked to the bureau in the
//   Personenregister Kinderopvang), `start` (the day she joined the bureau; null for gastouders added
//   before this migration, whose start gob does not know).
// - bureau: `huisbezoeken_per_jaar` (default 2, the law) and `evaluaties_per_jaar` (1 or 2).
// - huisgenoot: the people living at a gastouder's address (VOG and PRK from 18).
// - bezoek: home visits, risico-inventarisaties, evaluations (per koppeling) and voortgangsgesprekken.
import { type Kysely, sql } from 'kysely';
import { run, type Step } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: Step[] = [
    sql`alter table gastouder add column verzekering_tot text`,
    sql`alter table gastouder add column prk integer not null default 0 check (prk in (0, 1))`,
    sql`alter table gastouder add column start text`,
    sql`alter table bureau add column huisbezoeken_per_jaar integer not null default 2 check (huisbezoeken_per_jaar >= 0)`,
    sql`alter table bureau add column evaluaties_per_jaar integer not null default 1 check (evaluaties_per_jaar in (1, 2))`,
    sql`create table huisgenoot (
      id integer primary key,
      gastouder text not null references gastouder (code) on update cascade,
      naam text not null,
      geboortedatum text not null,
      vog_datum text,
      prk integer not null default 0 check (prk in (0, 1))
    ) strict`,
    sql`create index huisgenoot_gastouder on huisgenoot (gastouder)`,
    sql`create table bezoek (
      id integer primary key,
      gastouder text not null references gastouder (code) on update cascade,
      soort text not null check (soort in ('huisbezoek', 'risico-inventarisatie', 'evaluatie', 'voortgangsgesprek')),
      datum text not null,
      koppeling text references koppeling (code) on update cascade,
      notitie text,
      check ((soort = 'evaluatie') = (koppeling is not null))
    ) strict`,
    sql`create index bezoek_gastouder on bezoek (gastouder, soort, datum)`,
  ];
  await run(db, statements);
}
