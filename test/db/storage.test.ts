// Real SQLite files in temp dirs: migrations, transactions, codes, immutability.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.js';
import { createOrMigrateDatabase, inTransaction, openDatabase } from '../../src/db/open.js';
import { freezeRates } from '../../src/db/repo/factuur.js';
import { filesOfUitbetalingen } from '../../src/db/repo/bankbestand.js';
import { insertRecord, nextCode } from '../../src/db/repo/register.js';
import { GASTOUDER, KOPPELING } from '../../src/domain/fields.js';
import { addRecord } from '../../src/commands/register/add.js';
import { importRecords } from '../../src/commands/register/import.js';
import { contractDocument } from '../../src/documents/contract.js';
import { Refused } from '../../src/errors.js';
import { gob, tempDir, testDeps, writeCsv } from '../helpers.js';

type TestDeps = Awaited<ReturnType<typeof testDeps>>;
let deps: TestDeps | undefined;
afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const gastouder = (code: string) => ({
  code,
  naam: `Gastouder ${code}`,
  geboortedatum: '1980-01-01',
  adres: null,
  postcode: null,
  plaats: null,
  email: null,
  telefoon: null,
  iban: null,
  lrk: null,
  ervaring_sinds: null,
  achterwacht: null,
  slaapruimte: 0,
  ehbo_tot: null,
  vog_datum: null,
  diploma: null,
});

describe('migrations', () => {
  it('create the file 0600 with WAL, and running again applies nothing', async () => {
    deps = await testDeps();
    expect(fs.statSync(deps.dbFile).mode & 0o777).toBe(0o600);
    expect(deps.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    const again = await createOrMigrateDatabase(deps.dbFile);
    expect(again.applied).toEqual([]);
    expect(again.created).toBe(false);
    await again.store.close();
  });
  it('openDatabase refuses a file without gob schema', async () => {
    deps = await testDeps();
    const empty = path.join(deps.dir, 'leeg.sqlite');
    fs.writeFileSync(empty, '');
    await expect(openDatabase(empty)).rejects.toThrow(/gob init/);
  });
  it('0002 upgrades a database of 0001 and fills the new facts from what was there', async () => {
    const file = path.join(tempDir(), 'oud.sqlite');
    const sqlite = new SQLite(file);
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const first = await new Migrator({
      db: old,
      provider: { getMigrations: async () => ({ '0001_register': migrations['0001_register']! }) },
    }).migrateToLatest();
    expect(first.error).toBeUndefined();
    sqlite.exec(`
      insert into gastouder (code, naam, geboortedatum) values ('G1', 'G', '1980-01-01');
      insert into ouder (code, naam) values ('O1', 'O');
      insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'K', '2024-01-01', 'O1');
      insert into koppeling (code, kind, gastouder, start, uurtarief_cent) values ('KP1', 'K1', 'G1', '2026-01-01', 800);
      insert into urenkaart values ('2026-10', 'G1', 'K1', 'KP1', 60, '[[1,480,540]]', 0), ('2026-11', 'G1', 'K1', 'KP1', 60, '[[2,480,540]]', 0);
      insert into factuur (nummer, ouder, maand, datum, vervaldatum, totaal_cent, gegevens) values ('2026-00001', 'O1', '2026-10', '2026-11-05', '2026-11-19', 800, '{}');
      insert into betaling (id, ouder, datum, bedrag_cent, soort) values (1, 'O1', '2026-11-01', 800, 'betaling');
      insert into toewijzing (betaling, factuur, bedrag_cent) values (1, '2026-00001', 800);`);
    await old.destroy();
    const { store, applied } = await createOrMigrateDatabase(file);
    expect(applied).toEqual(Object.keys(migrations).slice(1));
    // Money paid before the invoice existed counts from the invoice date; October's rate is fixed, November is not invoiced.
    expect(store.sqlite!.prepare('select datum from toewijzing').pluck().all()).toEqual(['2026-11-05']);
    expect(store.sqlite!.prepare('select maand, koppeling, uurtarief_cent from maandtarief').all()).toEqual([
      { maand: '2026-10', koppeling: 'KP1', uurtarief_cent: 800 },
    ]);
    await store.close();
  });
  it('0004 keeps the fee settings that months invoiced before it were billed at, read from their fee lines', async () => {
    const file = path.join(tempDir(), 'oud.sqlite');
    const sqlite = new SQLite(file);
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const upTo0002 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= '0002_kas_data'));
    expect((await new Migrator({ db: old, provider: { getMigrations: async () => upTo0002 } }).migrateToLatest()).error).toBeUndefined();
    // August: model maand, one child at G1 (€ 29,50) and two at G2 (€ 57,50). September: model uur at
    // € 1,60. October: nothing billed as a fee. Since then the bureau changed every setting.
    sqlite.exec(`
      insert into gastouder (code, naam, geboortedatum) values ('G1', 'G', '1980-01-01'), ('G2', 'H', '1980-01-01');
      insert into ouder (code, naam) values ('O1', 'O');
      insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'A', '2024-01-01', 'O1'), ('K2', 'B', '2024-01-01', 'O1'), ('K3', 'C', '2024-01-01', 'O1');
      insert into factuur (nummer, ouder, maand, datum, vervaldatum, totaal_cent, gegevens) values
        ('2026-00001', 'O1', '2026-08', '2026-09-05', '2026-09-19', 0, '{}'), ('2026-00002', 'O1', '2026-09', '2026-10-05', '2026-10-19', 0, '{}'),
        ('2026-00003', 'O1', '2026-10', '2026-11-05', '2026-11-19', 0, '{}');
      insert into factuurregel (factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent) values
        ('2026-00001', 1, 'opvang', 'K1', 'G1', 600, 750, 7500), ('2026-00001', 2, 'bureaukosten', null, 'G1', 0, 2950, 2950),
        ('2026-00001', 3, 'opvang', 'K2', 'G2', 600, 750, 7500), ('2026-00001', 4, 'opvang', 'K3', 'G2', 600, 750, 7500),
        ('2026-00001', 5, 'bureaukosten', null, 'G2', 0, 5750, 5750),
        ('2026-00002', 1, 'opvang', 'K1', 'G1', 600, 750, 7500), ('2026-00002', 2, 'bureaukosten', 'K1', 'G1', 600, 160, 1600),
        ('2026-00003', 1, 'opvang', 'K1', 'G1', 600, 750, 7500);
      update bureau set bureaukosten_model = 'uur', bureaukosten_uur = '0:1,80', bureaukosten_een_kind_cent = 3350, bureaukosten_meer_kinderen_cent = 6000;`);
    await old.destroy();
    const { store, applied } = await createOrMigrateDatabase(file);
    expect(applied).toContain('0004_factuur_vast');
    expect(store.sqlite!.prepare('select * from maandbureaukosten order by maand').all()).toEqual([
      {
        maand: '2026-08',
        model: 'maand',
        een_kind_cent: 2950,
        meer_kinderen_cent: 5750,
        uur: '0:1,80',
        afgesproken_uren: 0,
        afmeldtermijn: 14,
      },
      {
        maand: '2026-09',
        model: 'uur',
        een_kind_cent: 3350,
        meer_kinderen_cent: 6000,
        uur: '0:1,60',
        afgesproken_uren: 0,
        afmeldtermijn: 14,
      },
      // Nothing billed tells: today's settings, the best that is known.
      {
        maand: '2026-10',
        model: 'uur',
        een_kind_cent: 3350,
        meer_kinderen_cent: 6000,
        uur: '0:1,80',
        afgesproken_uren: 0,
        afmeldtermijn: 14,
      },
    ]);
    await store.close();
  });
  /** A database migrated up to and including `last`, for an upgrade test to fill. */
  async function databaseAt(last: string): Promise<{ file: string; sqlite: SQLite.Database; close(): Promise<void> }> {
    const file = path.join(tempDir(), 'oud.sqlite');
    const sqlite = new SQLite(file);
    sqlite.pragma('foreign_keys = ON');
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const upTo = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));
    expect((await new Migrator({ db: old, provider: { getMigrations: async () => upTo } }).migrateToLatest()).error).toBeUndefined();
    return { file, sqlite, close: () => old.destroy() };
  }

  it("0009 keeps the rooster of every month invoiced before it: today's entries of each koppeling running in the month (or owing notice in it)", async () => {
    const old = await databaseAt('0008_privacy');
    // October 2026 invoiced. KP1 runs with entries in and after October; KP2 runs without entries;
    // KP3 ended in September with notice given on 20 September (it reaches into October); KP4 ended
    // in August without notice; KP5 starts in November.
    old.sqlite.exec(`
      insert into gastouder (code, naam, geboortedatum) values ('G1', 'G', '1980-01-01');
      insert into ouder (code, naam) values ('O1', 'O');
      insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'A', '2024-01-01', 'O1');
      insert into koppeling (code, kind, gastouder, start, eind, opzegdatum, uurtarief_cent) values
        ('KP1', 'K1', 'G1', '2026-01-01', null, null, 750), ('KP2', 'K1', 'G1', '2026-01-01', null, null, 750),
        ('KP3', 'K1', 'G1', '2026-01-01', '2026-09-25', '2026-09-20', 750), ('KP4', 'K1', 'G1', '2026-01-01', '2026-08-31', null, 750),
        ('KP5', 'K1', 'G1', '2026-11-01', null, null, 750);
      insert into rooster (koppeling, dag, van, tot, vanaf, tot_en_met) values
        ('KP1', 'ma', '08:00', '12:00', null, null), ('KP1', 'di', '08:00', '12:00', '2026-11-01', null),
        ('KP1', 'wo', '08:00', '12:00', '2026-10-15', '2026-10-31'), ('KP3', 'do', '08:00', '17:00', null, null),
        ('KP4', 'vr', '08:00', '17:00', null, null), ('KP5', 'vr', '08:00', '17:00', null, null);
      insert into maandbureaukosten (maand, model, een_kind_cent, meer_kinderen_cent) values ('2026-10', 'maand', 2950, 5750);`);
    await old.close();
    const { store, applied } = await createOrMigrateDatabase(old.file);
    try {
      expect(applied).toEqual(['0009_maandrooster', '0010_urenkaart_sleutel']);
      const rows = store.sqlite!.prepare('select maand, koppeling, rooster from maandrooster order by koppeling').all() as {
        rooster: string;
      }[];
      expect(rows.map((r) => ({ ...r, rooster: r.rooster.split(';').sort().join(';') }))).toEqual([
        { maand: '2026-10', koppeling: 'KP1', rooster: 'ma|08:00|12:00||;wo|08:00|12:00|2026-10-15|2026-10-31' },
        { maand: '2026-10', koppeling: 'KP2', rooster: '' },
        { maand: '2026-10', koppeling: 'KP3', rooster: 'do|08:00|17:00||' },
      ]);
    } finally {
      await store.close();
    }
  });

  /** Two gastouders, two kinds, three koppelingen and their urenkaarten, in a database at 0009. */
  const REGISTER_0009 = `
      insert into gastouder (code, naam, geboortedatum) values ('G1', 'G', '1980-01-01'), ('G2', 'H', '1981-01-01');
      insert into ouder (code, naam) values ('O1', 'O');
      insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'A', '2024-01-01', 'O1'), ('K2', 'B', '2024-02-01', 'O1');
      insert into koppeling (code, kind, gastouder, start, uurtarief_cent) values
        ('KP1', 'K1', 'G1', '2026-01-01', 750), ('KP2', 'K2', 'G1', '2026-01-01', 750), ('KP3', 'K2', 'G2', '2026-01-01', 800);
      insert into urenkaart (maand, gastouder, kind, koppeling, minuten, regels, te_laat) values
        ('2026-09', 'G1', 'K1', 'KP1', 540, '[[1,480,1020]]', 0),
        ('2026-10', 'G1', 'K1', 'KP1', 600, '[[1,480,780,"ziek naar huis"],[2,480,780]]', 1),
        ('2026-10', 'G1', 'K2', 'KP2', 60, '[[3,480,540,"é ✓ \\t"]]', 0),
        ('2026-10', 'G2', 'K2', 'KP3', 120, '[[5,600,720]]', 0);`;
  const URENKAART =
    'select *, typeof(minuten) as t_minuten, typeof(te_laat) as t_te_laat from urenkaart order by maand, gastouder, kind, koppeling';

  it('0010 keeps every urenkaart as it was, and then holds it to its koppeling: one key (koppeling, gastouder, kind), codes still cascade', async () => {
    const old = await databaseAt('0009_maandrooster');
    old.sqlite.exec(REGISTER_0009);
    const before = old.sqlite.prepare(URENKAART).all();
    await old.close();
    const { store, applied } = await createOrMigrateDatabase(old.file);
    try {
      expect(applied).toEqual(['0010_urenkaart_sleutel']);
      const db = store.sqlite!;
      expect(db.prepare(URENKAART).all()).toEqual(before);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The same table otherwise: STRICT, WITHOUT ROWID (gob db kopieer reads it in key order), its checks.
      const ddl = db.prepare("select sql from sqlite_schema where name = 'urenkaart'").pluck().get() as string;
      expect(ddl).toMatch(/\) strict, without rowid$/);
      expect(db.prepare("select count(*) from sqlite_schema where name = 'urenkaart_0010'").pluck().get()).toBe(0);
      expect(db.pragma('foreign_key_list(urenkaart)')).toEqual([
        expect.objectContaining({ table: 'koppeling', from: 'koppeling', to: 'code', on_update: 'CASCADE' }),
        expect.objectContaining({ table: 'koppeling', from: 'gastouder', to: 'gastouder', on_update: 'CASCADE' }),
        expect.objectContaining({ table: 'koppeling', from: 'kind', to: 'kind', on_update: 'CASCADE' }),
      ]);
      expect(() => db.prepare("insert into urenkaart values ('2026-11', 'G1', 'K1', 'KP1', 0, '[]', 0)").run()).toThrow(/CHECK/);
      // An urenkaart of KP1 (G1, K1) on another gastouder or kind is refused by the database itself.
      expect(() => db.prepare("insert into urenkaart values ('2026-11', 'G2', 'K1', 'KP1', 60, '[[1,480,540]]', 0)").run()).toThrow(
        /FOREIGN KEY/,
      );
      expect(() => db.prepare("insert into urenkaart values ('2026-11', 'G1', 'K2', 'KP1', 60, '[[1,480,540]]', 0)").run()).toThrow(
        /FOREIGN KEY/,
      );
      db.prepare("insert into urenkaart values ('2026-11', 'G1', 'K1', 'KP1', 60, '[[1,480,540]]', 0)").run();
      // A new code for a gastouder, a kind or a koppeling reaches its urenkaarten through the koppeling.
      db.prepare("update gastouder set code = 'G9' where code = 'G1'").run();
      db.prepare("update kind set code = 'K8' where code = 'K2'").run();
      db.prepare("update koppeling set code = 'KP7' where code = 'KP3'").run();
      expect(db.prepare('select maand, gastouder, kind, koppeling from urenkaart order by maand, koppeling').all()).toEqual([
        { maand: '2026-09', gastouder: 'G9', kind: 'K1', koppeling: 'KP1' },
        { maand: '2026-10', gastouder: 'G9', kind: 'K1', koppeling: 'KP1' },
        { maand: '2026-10', gastouder: 'G9', kind: 'K8', koppeling: 'KP2' },
        { maand: '2026-10', gastouder: 'G2', kind: 'K8', koppeling: 'KP7' },
        { maand: '2026-11', gastouder: 'G9', kind: 'K1', koppeling: 'KP1' },
      ]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // A koppeling with hours is still not deleted.
      expect(() => db.prepare("delete from koppeling where code = 'KP2'").run()).toThrow(/FOREIGN KEY/);
    } finally {
      await store.close();
    }
  });

  it("0010 refuses a database where an urenkaart is not its koppeling's gastouder and kind, naming it; nothing changes", async () => {
    const old = await databaseAt('0009_maandrooster');
    // An older gob let a koppeling's gastouder change after its hours were imported.
    old.sqlite.exec(`${REGISTER_0009}
      update koppeling set gastouder = 'G2' where code = 'KP2';`);
    const before = old.sqlite.prepare(URENKAART).all();
    await old.close();
    const dir = tempDir();
    const r = await gob(dir, ['init', '--db', old.file]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /kan niet worden bijgewerkt \(0010_urenkaart_sleutel\): één urenkaart hoort niet bij de gastouder en het kind/,
    );
    expect(r.stderr).toMatch(/Er is niets gewijzigd/);
    expect(r.stderr).toContain(
      'urenkaart 2026-10 van koppeling KP2 staat op gastouder G1 en kind K2, maar koppeling KP2 is van gastouder G2 en kind K2',
    );
    expect(r.stderr).not.toMatch(/KP1|KP3/);
    const sqlite = new SQLite(old.file);
    try {
      expect(sqlite.prepare('select max(name) from kysely_migration').pluck().get()).toBe('0009_maandrooster');
      expect(sqlite.prepare(URENKAART).all()).toEqual(before);
      expect(
        sqlite
          .prepare("select count(*) from sqlite_schema where name like '%0010%' or name = 'koppeling_code_gastouder_kind_key'")
          .pluck()
          .get(),
      ).toBe(0);
    } finally {
      sqlite.close();
    }
  });

  it('0010 names at most 20 such urenkaarten and counts the rest, an urenkaart without its koppeling included', async () => {
    const old = await databaseAt('0009_maandrooster');
    old.sqlite.exec(`${REGISTER_0009}
      update koppeling set kind = 'K1' where code = 'KP3';
      insert into urenkaart (maand, gastouder, kind, koppeling, minuten, regels, te_laat)
        with recursive m(n) as (select 1 union all select n + 1 from m where n < 21)
        select '2025-' || substr('0' || n, -2), 'G2', 'K2', 'KP3', 60, '[[1,480,540]]', 0 from m where n <= 12
        union all select '2024-' || substr('0' || (n - 12), -2), 'G2', 'K2', 'KP3', 60, '[[1,480,540]]', 0 from m where n > 12;`);
    // Written with foreign keys off (as a script might have): its koppeling does not exist.
    old.sqlite.pragma('foreign_keys = OFF');
    old.sqlite.exec("insert into urenkaart values ('2026-10', 'G1', 'K1', 'KP0', 60, '[[1,480,540]]', 0)");
    await old.close();
    const error = await createOrMigrateDatabase(old.file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Refused);
    const { message, details } = error as Refused;
    expect(message).toContain('23 urenkaarten horen niet bij de gastouder en het kind van hun koppeling');
    expect(details).toHaveLength(21);
    expect(details[0]).toBe('urenkaart 2026-10 van gastouder G1, kind K1: koppeling KP0 bestaat niet');
    expect(details[1]).toBe(
      'urenkaart 2024-01 van koppeling KP3 staat op gastouder G2 en kind K2, maar koppeling KP3 is van gastouder G2 en kind K1',
    );
    expect(details[20]).toBe('… en 3 meer');
  });

  it('0008 gives the bureau a bewaartermijn of 7 years and lets an issued invoice through only to be anonymised', async () => {
    const old = await databaseAt('0007_kwaliteit');
    const gegevens = JSON.stringify({
      bureau: { naam: 'B' },
      ouder: { code: 'O1', naam: 'Jan', adres: 'Straat 1' },
      kinderen: {},
      gastouders: {},
    });
    old.sqlite.exec(`
      insert into ouder (code, naam) values ('O1', 'Jan');
      insert into factuur (nummer, ouder, maand, datum, vervaldatum, totaal_cent, gegevens) values
        ('2026-00001', 'O1', '2026-08', '2026-09-05', '2026-09-19', 10450, '${gegevens}');`);
    await old.close();
    const { store, applied } = await createOrMigrateDatabase(old.file);
    try {
      expect(applied).toEqual(['0008_privacy', '0009_maandrooster', '0010_urenkaart_sleutel']);
      const db = store.sqlite!;
      expect(db.prepare('select bewaartermijn from bureau').pluck().get()).toBe(7);
      expect(() => db.prepare('update factuur set totaal_cent = 1').run()).toThrow(/een factuur wordt nooit gewijzigd/);
      expect(() => db.prepare(`update factuur set gegevens = json_set(gegevens, '$.ouder.naam', 'Piet')`).run()).toThrow(/nooit gewijzigd/);
      db.prepare(`update factuur set gegevens = json_set(gegevens, '$.ouder.naam', 'geanonimiseerd O1', '$.ouder.adres', null)`).run();
      expect(JSON.parse(db.prepare('select gegevens from factuur').pluck().get() as string).ouder).toEqual({
        code: 'O1',
        naam: 'geanonimiseerd O1',
        adres: null,
      });
      expect(() => db.prepare('delete from factuur').run()).toThrow(/nooit verwijderd/);
    } finally {
      await store.close();
    }
  });

  it('0006 rebuilds factuurregel with the same ids, so payout lines still point at their lines, and it stays immutable', async () => {
    const old = await databaseAt('0005_jaar');
    old.sqlite.exec(`
      insert into gastouder (code, naam, geboortedatum) values ('G1', 'G', '1980-01-01');
      insert into ouder (code, naam) values ('O1', 'O');
      insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'A', '2024-01-01', 'O1');
      insert into factuur (nummer, ouder, maand, datum, vervaldatum, totaal_cent, gegevens) values
        ('2026-00001', 'O1', '2026-08', '2026-09-05', '2026-09-19', 10450, '{}');
      insert into factuurregel (id, factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent, lrk) values
        (7, '2026-00001', 1, 'opvang', 'K1', 'G1', 600, 750, 7500, '111111111'), (9, '2026-00001', 2, 'bureaukosten', null, 'G1', 0, 2950, 2950, '111111111');
      insert into uitbetaling (nummer, gastouder, datum, bedrag_cent) values ('U2026-00001', 'G1', '2026-09-20', 7500);
      insert into uitbetalingregel (uitbetaling, factuurregel, factuur, kind, maand, minuten, bedrag_cent, betaald_op, uiterlijk) values
        ('U2026-00001', 7, '2026-00001', 'K1', '2026-08', 600, 7500, '2026-09-10', '2026-09-17');`);
    const before = old.sqlite.prepare('select * from factuurregel order by id').all();
    await old.close();
    const { store, applied } = await createOrMigrateDatabase(old.file);
    expect(applied).toEqual(['0006_afspraak', '0007_kwaliteit', '0008_privacy', '0009_maandrooster', '0010_urenkaart_sleutel']);
    expect(store.sqlite!.prepare('select * from factuurregel order by id').all()).toEqual(before);
    expect(store.sqlite!.pragma('foreign_key_check')).toEqual([]);
    expect(store.sqlite!.prepare("select sql from sqlite_schema where name = 'uitbetalingregel'").pluck().get()).toContain(
      'references factuurregel (id)',
    );
    expect(() => store.sqlite!.prepare('delete from factuurregel where id = 9').run()).toThrow(/nooit verwijderd/);
    expect(() => store.sqlite!.prepare('update factuurregel set bedrag_cent = 0 where id = 7').run()).toThrow(/nooit gewijzigd/);
    expect(() => store.sqlite!.prepare('delete from factuurregel_0005').run()).toThrow(/no such table/);
    store
      .sqlite!.prepare(
        "insert into factuurregel (factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent) values ('2026-00001', 3, 'afgesproken', 'K1', 'G1', 60, 750, 750)",
      )
      .run();
    await store.close();
  });

  it("0006 keeps an ouder's earlier signature: it names the kind's ouder, and her contract still shows it", async () => {
    const old = await databaseAt('0005_jaar');
    old.sqlite.exec(`
      update bureau set naam = 'B', adres = 'Plein 1', postcode = '3511 ED', plaats = 'Utrecht', kvk = '12345678', lrk = '987654321';
      insert into gastouder (code, naam, geboortedatum, adres, postcode, plaats, lrk) values ('G1', 'Anna', '1980-01-01', 'Laan 4', '3581 AB', 'Utrecht', '111111111');
      insert into ouder (code, naam, adres, postcode, plaats) values ('O1', 'Piet', 'Kerkweg 2', '3511 AB', 'Utrecht'), ('O2', 'Marit', 'Dorp 1', '3512 AA', 'Utrecht');
      insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'Kim', '2024-01-01', 'O1');
      insert into koppeling (code, kind, gastouder, start, uurtarief_cent) values ('KP1', 'K1', 'G1', '2026-01-01', 750);
      insert into handtekening (koppeling, soort, partij, naam, datum, plaats) values
        ('KP1', 'gastouder', 'ouder', 'Piet', '2026-01-02', 'Utrecht'), ('KP1', 'gastouder', 'gastouder', 'Anna', '2026-01-03', null);`);
    await old.close();
    const { store } = await createOrMigrateDatabase(old.file);
    expect(store.sqlite!.prepare('select partij, ouder, naam from handtekening order by id').all()).toEqual([
      { partij: 'ouder', ouder: 'O1', naam: 'Piet' },
      { partij: 'gastouder', ouder: null, naam: 'Anna' },
    ]);
    const getekend = async (ouder?: string) =>
      (await contractDocument(store.db, { koppeling: 'KP1', soort: 'gastouder', ouder, today: '2026-11-23' })).handtekeningen.map(
        (h) => h.naam,
      );
    expect(await getekend()).toEqual(['Piet', 'Anna']);
    // A tweede-ouder added later has a contract of her own, not yet signed by her.
    store.sqlite!.exec(`update koppeling set tweede_ouder = 'O2', verdeling = 60 where code = 'KP1'`);
    expect(await getekend('O2')).toEqual([null, 'Anna']);
    expect(await getekend('O1')).toEqual(['Piet', 'Anna']);
    await store.close();
  });

  it('an upgrade that fails halfway leaves the database as it was: the migrations run in one transaction', async () => {
    const old = await databaseAt('0005_jaar');
    // A table 0006 wants to create is in the way: its third statement fails, after two that changed `bureau`.
    old.sqlite.exec('create table afwezigheid (x text)');
    await old.close();
    await expect(createOrMigrateDatabase(old.file)).rejects.toThrow();
    const sqlite = new SQLite(old.file);
    expect(sqlite.prepare("select count(*) from pragma_table_info('bureau') where name = 'afgesproken_uren'").pluck().get()).toBe(0);
    expect(sqlite.prepare('select max(name) from kysely_migration').pluck().get()).toBe('0005_jaar');
    sqlite.close();
  });

  it('foreign keys are enforced', async () => {
    deps = await testDeps();
    expect(() =>
      deps!.sqlite.prepare("insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'x', '2024-01-01', 'O404')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('transactions', () => {
  it('a failure inside leaves nothing behind', async () => {
    deps = await testDeps();
    await expect(
      inTransaction(deps.db, async (trx) => {
        await insertRecord(trx, GASTOUDER, gastouder('G0001'));
        throw new Refused('halverwege mis');
      }),
    ).rejects.toThrow('halverwege mis');
    expect(deps.sqlite.prepare('select count(*) as n from gastouder').get()).toEqual({ n: 0 });
  });
  it('keeps the error that failed it when SQLite already rolled back (as after SQLITE_FULL), so ROLLBACK fails', async () => {
    deps = await testDeps();
    await expect(
      inTransaction(deps.db, async (trx) => {
        await insertRecord(trx, GASTOUDER, gastouder('G0001'));
        await sql`rollback`.execute(trx); // what SQLite does by itself after a full disk
        throw new Refused('de schijf is vol');
      }),
    ).rejects.toThrow('de schijf is vol'); // not 'cannot rollback - no transaction is active'
    expect(deps.sqlite.prepare('select count(*) as n from gastouder').get()).toEqual({ n: 0 });
  });
  it('a dry run does the work and keeps nothing', async () => {
    deps = await testDeps();
    const n = await inTransaction(
      deps.db,
      async (trx) => {
        await insertRecord(trx, GASTOUDER, gastouder('G0001'));
        return (await trx.selectFrom('gastouder').select('code').execute()).length;
      },
      { dryRun: true },
    );
    expect(n).toBe(1);
    expect(deps.sqlite.prepare('select count(*) as n from gastouder').get()).toEqual({ n: 0 });
  });
  it('an import with an error on its last line stores none of the earlier lines', async () => {
    deps = await testDeps();
    const file = writeCsv(path.join(deps.dir, 'g.csv'), [
      'naam;geboortedatum',
      ...Array.from({ length: 50 }, (_, i) => `G ${i};01-01-1980`),
      'Fout;31-02-1980',
    ]);
    await expect(importRecords(GASTOUDER, { bestand: file }, deps)).rejects.toThrow(/regel 52|geweigerd/);
    expect(deps.sqlite.prepare('select count(*) as n from gastouder').get()).toEqual({ n: 0 });
    expect(deps.sqlite.prepare('select count(*) as n from log').get()).toEqual({ n: 0 });
  });
});

describe('long lists', () => {
  it('a list of more values than SQLite takes parameters (32,766) goes in as one: a large month has 44,000 koppelingen', async () => {
    deps = await testDeps();
    const codes = Array.from({ length: 40_000 }, (_, i) => `KP${i}`);
    await expect(freezeRates(deps.db, '2026-10', codes)).resolves.toBeUndefined();
    expect(await filesOfUitbetalingen(deps.db, codes)).toEqual(new Map());
  });
});

describe('codes', () => {
  it('the next code is one above the highest with the prefix, ignoring other codes', async () => {
    deps = await testDeps();
    expect(await nextCode(deps.db, GASTOUDER)).toBe('G0001');
    for (const code of ['G0001', 'G0007', 'GX12', 'G-ANNA']) await insertRecord(deps.db, GASTOUDER, gastouder(code));
    expect(await nextCode(deps.db, GASTOUDER)).toBe('G0008');
    expect(await nextCode(deps.db, KOPPELING)).toBe('KP0001');
  });
  it('add assigns it and logs the change', async () => {
    deps = await testDeps();
    const result = await addRecord(GASTOUDER, { naam: 'Anna', geboortedatum: '01-02-1980' }, deps);
    expect(result).toMatchObject({ code: 'G0001', geboortedatum: '1980-02-01', slaapruimte: false });
    const log = deps.sqlite.prepare('select commando, wijziging from log').all();
    expect(log).toEqual([{ commando: 'test', wijziging: expect.stringContaining('gastouder G0001 toegevoegd') }]);
  });
});

describe('invoices are immutable in the schema itself', () => {
  it('refuses update and delete of a factuur and its lines', async () => {
    deps = await testDeps();
    const s = deps.sqlite;
    s.prepare("insert into ouder (code, naam) values ('O1', 'Piet')").run();
    s.prepare("insert into gastouder (code, naam, geboortedatum) values ('G1', 'Anna', '1980-01-01')").run();
    s.prepare("insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'Kim', '2024-01-01', 'O1')").run();
    s.prepare(
      "insert into factuur (nummer, ouder, maand, datum, vervaldatum, totaal_cent, gegevens) values ('2026-00001', 'O1', '2026-10', '2026-11-03', '2026-11-17', 100, '{}')",
    ).run();
    s.prepare(
      "insert into factuurregel (factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent) values ('2026-00001', 1, 'opvang', 'K1', 'G1', 60, 100, 100)",
    ).run();
    expect(() => s.prepare("update factuur set totaal_cent = 0 where nummer = '2026-00001'").run()).toThrow(/nooit gewijzigd/);
    expect(() => s.prepare("delete from factuur where nummer = '2026-00001'").run()).toThrow(/nooit verwijderd/);
    expect(() => s.prepare('update factuurregel set bedrag_cent = 0').run()).toThrow(/nooit gewijzigd/);
    expect(() => s.prepare('delete from factuurregel').run()).toThrow(/nooit verwijderd/);
  });
});
