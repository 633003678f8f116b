// Issue 16 on a real PostgreSQL server (GOB_TEST_PG; runs in the vitest project 'postgres', each
// fixture in a fresh database): the schema and its upgrades, invoices immutable in the database,
// numbers under parallel gob processes, whole numbers as numbers, and the Dutch refusals of a
// server that cannot be used. What SQLite does in the same places is in storage.test.ts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_ROLE, freePort } from '../../scripts/pg-cluster.mjs';
import { migrationProvider } from '../../src/db/migrations/index.js';
import { createOrMigrateDatabase } from '../../src/db/open.js';
import { demoBureau, DEMO_TODAY } from '../demo.js';
import { gob, gobAsync, pgTestDeps, projectDatabase, tempDir } from '../helpers.js';
import { createTestDatabase, databaseUrl } from '../pg/databases.js';

const serverUrl = () => process.env.GOB_TEST_PG!;

/** Runs `fn` with a plain pg client on `url` (no gob type parsers: int8 comes back as text here). */
async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** What a second `gob init` must leave alone: tables, columns, triggers, migrations, the bureau. */
async function schemaSnapshot(url: string) {
  return withClient(url, async (c) => ({
    columns: (
      await c.query(
        `select table_name, column_name, data_type, collation_name, is_nullable, column_default
         from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`,
      )
    ).rows,
    triggers: (await c.query('select tgname from pg_trigger where not tgisinternal order by tgname')).rows,
    indexes: (await c.query('select indexname, indexdef from pg_indexes where schemaname = current_schema() order by indexname')).rows,
    migrations: (await c.query('select name from kysely_migration order by name')).rows,
    bureau: (await c.query('select * from bureau')).rows,
  }));
}

const json = <T>(r: { code: number; stdout: string; stderr: string }): T => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

describe('PostgreSQL: the schema', () => {
  it('gob init migrates an empty database (bigint, text in byte order, the triggers); a second init changes nothing', async () => {
    const dir = tempDir();
    const url = await projectDatabase(dir);
    const first = await gob(dir, ['init', '--naam', 'Gastouderbureau Zon']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Database 127\.0\.0\.1:\d+\/gob_t_\w+ is aangemaakt/);
    const before = await schemaSnapshot(url);
    expect(before.migrations.map((m) => m.name)).toEqual(Object.keys(await migrationProvider.getMigrations()));
    const gobColumns = before.columns.filter((c) => !String(c.table_name).startsWith('kysely_'));
    // SQLite's integer is 64 bits: money and ids must not wrap at 2^31.
    expect(gobColumns.filter((c) => c.data_type === 'integer')).toEqual([]);
    // Lists sort as on SQLite: byte order, whatever the server's locale.
    expect(gobColumns.filter((c) => c.data_type === 'text' && c.collation_name !== 'C')).toEqual([]);
    expect(before.triggers.length).toBeGreaterThan(4);
    expect(before.bureau).toHaveLength(1);

    const second = await gob(dir, ['init']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/bestond al en is bij/);
    expect(await schemaSnapshot(url)).toEqual(before);
  });

  it("another program's database (tables, no gob schema) is refused by init and by a command; init adds nothing", async () => {
    const dir = tempDir();
    const url = await projectDatabase(dir);
    await withClient(url, (c) => c.query("create table klanten (naam text); insert into klanten values ('Jansen')"));
    for (const args of [['init'], ['gastouder', 'list']]) {
      const r = await gob(dir, args);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/is geen gob-database: er staan al tabellen van een ander programma in \(klanten\)/);
    }
    const tables = await withClient(url, (c) =>
      c.query('select table_name from information_schema.tables where table_schema = current_schema() order by 1'),
    );
    expect(tables.rows).toEqual([{ table_name: 'klanten' }]);
  });

  it("gob init upgrades an older gob's database (at 0005), keeping invoice lines and their ids, and they stay immutable", async () => {
    const url = await createTestDatabase();
    const old = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    const { error } = await new Migrator({ db: old, provider: migrationProvider }).migrateTo('0005_jaar');
    expect(error).toBeUndefined();
    await sql
      .raw(`
      insert into gastouder (code, naam, geboortedatum) values ('G1', 'G', '1980-01-01');
      insert into ouder (code, naam) values ('O1', 'O');
      insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'A', '2024-01-01', 'O1');
      insert into koppeling (code, kind, gastouder, start, uurtarief_cent) values ('KP1', 'K1', 'G1', '2026-01-01', 750);
      insert into rooster (koppeling, dag, van, tot) values ('KP1', 'ma', '08:00', '12:00');
      insert into factuur (nummer, ouder, maand, datum, vervaldatum, totaal_cent, gegevens) values
        ('2026-00001', 'O1', '2026-08', '2026-09-05', '2026-09-19', 10450, '{}');
      insert into factuurregel (factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent, lrk) values
        ('2026-00001', 1, 'opvang', 'K1', 'G1', 600, 750, 7500, '111111111'), ('2026-00001', 2, 'bureaukosten', null, 'G1', 0, 2950, 2950, '111111111');
      insert into uitbetaling (nummer, gastouder, datum, bedrag_cent) values ('U2026-00001', 'G1', '2026-09-20', 7500);
      insert into uitbetalingregel (uitbetaling, factuurregel, factuur, kind, maand, minuten, bedrag_cent, betaald_op, uiterlijk) values
        ('U2026-00001', (select id from factuurregel where volgnummer = 1), '2026-00001', 'K1', '2026-08', 600, 7500, '2026-09-10', '2026-09-17');`)
      .execute(old);
    await old.destroy();
    const before = await withClient(url, async (c) => (await c.query('select * from factuurregel order by id')).rows);

    const dir = tempDir();
    const r = await gob(dir, ['init', '--db', url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /bijgewerkt naar het nieuwste schema \(0006_afspraak, 0007_kwaliteit, 0008_privacy, 0009_maandrooster, 0010_urenkaart_sleutel\)/,
    );
    await withClient(url, async (c) => {
      expect((await c.query('select * from factuurregel order by id')).rows).toEqual(before);
      expect((await c.query('select factuurregel from uitbetalingregel')).rows).toEqual([{ factuurregel: before[0].id }]);
      // 0009 keeps the invoiced month's rooster (string_agg on PostgreSQL).
      expect((await c.query('select maand, koppeling, rooster from maandrooster')).rows).toEqual([
        { maand: '2026-08', koppeling: 'KP1', rooster: 'ma|08:00|12:00||' },
      ]);
      await expect(c.query('delete from factuurregel where volgnummer = 2')).rejects.toThrow(/nooit verwijderd/);
      await expect(c.query('update factuurregel set bedrag_cent = 0 where volgnummer = 1')).rejects.toThrow(/nooit gewijzigd/);
      // A new line after the old ones: the ids continue past those the old gob used.
      const { rows } = await c.query(
        "insert into factuurregel (factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent) values ('2026-00001', 3, 'afgesproken', 'K1', 'G1', 60, 750, 750) returning id",
      );
      expect(Number(rows[0].id)).toBeGreaterThan(Number(before[1].id));
    });
    // And the upgraded database is one gob works with.
    expect(json<{ nummer: string }[]>(await gob(dir, ['factuur', 'list', '--json', '--db', url])).map((f) => f.nummer)).toEqual([
      '2026-00001',
    ]);
  });

  /** A database of an older gob (at 0009) with two gastouders, two kinds, three koppelingen and their urenkaarten. */
  async function databaseAt0009(extra = ''): Promise<string> {
    const url = await createTestDatabase();
    const old = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    const { error } = await new Migrator({ db: old, provider: migrationProvider }).migrateTo('0009_maandrooster');
    expect(error).toBeUndefined();
    await sql
      .raw(`
      insert into gastouder (code, naam, geboortedatum) values ('G1', 'G', '1980-01-01'), ('G2', 'H', '1981-01-01');
      insert into ouder (code, naam) values ('O1', 'O');
      insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'A', '2024-01-01', 'O1'), ('K2', 'B', '2024-02-01', 'O1');
      insert into koppeling (code, kind, gastouder, start, uurtarief_cent) values
        ('KP1', 'K1', 'G1', '2026-01-01', 750), ('KP2', 'K2', 'G1', '2026-01-01', 750), ('KP3', 'K2', 'G2', '2026-01-01', 800);
      insert into urenkaart (maand, gastouder, kind, koppeling, minuten, regels, te_laat) values
        ('2026-09', 'G1', 'K1', 'KP1', 540, '[[1,480,1020]]', 0),
        ('2026-10', 'G1', 'K1', 'KP1', 600, '[[1,480,780,"ziek naar huis"],[2,480,780]]', 1),
        ('2026-10', 'G1', 'K2', 'KP2', 60, '[[3,480,540,"é ✓ \\t"]]', 0),
        ('2026-10', 'G2', 'K2', 'KP3', 120, '[[5,600,720]]', 0);
      ${extra}`)
      .execute(old);
    await old.destroy();
    return url;
  }
  const URENKAART = 'select * from urenkaart order by maand, gastouder, kind, koppeling';
  const foreignKeys = (c: pg.Client, table: string) =>
    c
      .query(
        `select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = '${table}'::regclass and contype in ('f', 'u') order by 1`,
      )
      .then((r) => r.rows.map((row) => row.def as string));

  it('0010 keeps every urenkaart as it was, and then holds it to its koppeling: one key (koppeling, gastouder, kind), codes still cascade', async () => {
    const url = await databaseAt0009();
    const before = await withClient(url, async (c) => (await c.query(URENKAART)).rows);
    const r = await gob(tempDir(), ['init', '--db', url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/bijgewerkt naar het nieuwste schema \(0010_urenkaart_sleutel\)/);
    await withClient(url, async (c) => {
      expect((await c.query(URENKAART)).rows).toEqual(before);
      expect(await foreignKeys(c, 'urenkaart')).toEqual([
        'FOREIGN KEY (koppeling, gastouder, kind) REFERENCES koppeling(code, gastouder, kind) ON UPDATE CASCADE',
      ]);
      expect(await foreignKeys(c, 'koppeling')).toContain('UNIQUE (code, gastouder, kind)');
      // An urenkaart of KP1 (G1, K1) on another gastouder or kind is refused by the database itself.
      await expect(c.query("insert into urenkaart values ('2026-11', 'G2', 'K1', 'KP1', 60, '[[1,480,540]]', 0)")).rejects.toThrow(
        /urenkaart_koppeling_gastouder_kind_fkey/,
      );
      await expect(c.query("insert into urenkaart values ('2026-11', 'G1', 'K2', 'KP1', 60, '[[1,480,540]]', 0)")).rejects.toThrow(
        /foreign key/,
      );
      await c.query("insert into urenkaart values ('2026-11', 'G1', 'K1', 'KP1', 60, '[[1,480,540]]', 0)");
      // A new code for a gastouder, a kind or a koppeling reaches its urenkaarten through the koppeling.
      await c.query("update gastouder set code = 'G9' where code = 'G1'");
      await c.query("update kind set code = 'K8' where code = 'K2'");
      await c.query("update koppeling set code = 'KP7' where code = 'KP3'");
      expect((await c.query('select maand, gastouder, kind, koppeling from urenkaart order by maand, koppeling')).rows).toEqual([
        { maand: '2026-09', gastouder: 'G9', kind: 'K1', koppeling: 'KP1' },
        { maand: '2026-10', gastouder: 'G9', kind: 'K1', koppeling: 'KP1' },
        { maand: '2026-10', gastouder: 'G9', kind: 'K8', koppeling: 'KP2' },
        { maand: '2026-10', gastouder: 'G2', kind: 'K8', koppeling: 'KP7' },
        { maand: '2026-11', gastouder: 'G9', kind: 'K1', koppeling: 'KP1' },
      ]);
      await expect(c.query("delete from koppeling where code = 'KP2'")).rejects.toThrow(/foreign key/);
    });
  });

  it("0010 refuses a database where an urenkaart is not its koppeling's gastouder and kind, naming it; nothing changes", async () => {
    // An older gob let a koppeling's gastouder change after its hours were imported.
    const url = await databaseAt0009("update koppeling set gastouder = 'G2' where code = 'KP2';");
    const before = await withClient(url, async (c) => ({ rows: (await c.query(URENKAART)).rows, keys: await foreignKeys(c, 'urenkaart') }));
    expect(before.keys).toHaveLength(3);
    const r = await gob(tempDir(), ['init', '--db', url]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /kan niet worden bijgewerkt \(0010_urenkaart_sleutel\): één urenkaart hoort niet bij de gastouder en het kind/,
    );
    expect(r.stderr).toContain(
      'urenkaart 2026-10 van koppeling KP2 staat op gastouder G1 en kind K2, maar koppeling KP2 is van gastouder G2 en kind K2',
    );
    await withClient(url, async (c) => {
      expect((await c.query('select max(name) as name from kysely_migration')).rows).toEqual([{ name: '0009_maandrooster' }]);
      expect({ rows: (await c.query(URENKAART)).rows, keys: await foreignKeys(c, 'urenkaart') }).toEqual(before);
      expect(await foreignKeys(c, 'koppeling')).not.toContain('UNIQUE (code, gastouder, kind)');
    });
  });

  it('refuses update and delete of a factuur and its lines in the database itself', async () => {
    const deps = await pgTestDeps();
    await deps.close();
    await withClient(deps.dbFile, async (c) => {
      await c.query(`
        insert into ouder (code, naam) values ('O1', 'Piet');
        insert into gastouder (code, naam, geboortedatum) values ('G1', 'Anna', '1980-01-01');
        insert into kind (code, naam, geboortedatum, ouder) values ('K1', 'Kim', '2024-01-01', 'O1');
        insert into factuur (nummer, ouder, maand, datum, vervaldatum, totaal_cent, gegevens) values ('2026-00001', 'O1', '2026-10', '2026-11-03', '2026-11-17', 100, '{}');
        insert into factuurregel (factuur, volgnummer, soort, kind, gastouder, minuten, tarief_cent, bedrag_cent) values ('2026-00001', 1, 'opvang', 'K1', 'G1', 60, 100, 100);`);
      await expect(c.query("update factuur set totaal_cent = 0 where nummer = '2026-00001'")).rejects.toThrow(/nooit gewijzigd/);
      await expect(c.query("delete from factuur where nummer = '2026-00001'")).rejects.toThrow(/nooit verwijderd/);
      await expect(c.query('update factuurregel set bedrag_cent = 0')).rejects.toThrow(/nooit gewijzigd/);
      await expect(c.query('delete from factuurregel')).rejects.toThrow(/nooit verwijderd/);
      expect((await c.query('select totaal_cent from factuur')).rows).toEqual([{ totaal_cent: '100' }]);
    });
  });

  it('whole numbers come back as numbers: bigint, count(*) and sum(); booleans as 0/1; never a rounded number', async () => {
    const deps = await pgTestDeps();
    try {
      const { rows } = await sql<Record<string, unknown>>`
        select count(*) as n, sum(v) as total, max(v) as largest, 1 < 2 as yes, 1 > 2 as no
        from (values (1::bigint), (2::bigint), (9007199254740000::bigint)) as t(v)`.execute(deps.db);
      expect(rows).toEqual([{ n: 3, total: 9007199254740003, largest: 9007199254740000, yes: 1, no: 0 }]);
      // Beyond 2^53 a JavaScript number is no longer exact: an error (a bug), not a wrong amount.
      await expect(sql`select 9007199254740993::bigint as v`.execute(deps.db)).rejects.toThrow(/geheel getal/);
    } finally {
      await deps.close();
    }
  });
});

describe('PostgreSQL: several gob processes at once', () => {
  it('16 parallel gastouder add all succeed, with the codes G0001 to G0016', async () => {
    const dir = tempDir();
    expect((await gob(dir, ['init', '--naam', 'Gastouderbureau Zon'])).code).toBe(0);
    const runs = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        gobAsync(dir, ['gastouder', 'add', '--naam', `Gastouder ${i}`, '--geboortedatum', '1980-01-01']),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const all = json<{ code: string }[]>(await gob(dir, ['gastouder', 'list', '--json']));
    expect(all.map((g) => g.code)).toEqual(Array.from({ length: 16 }, (_, i) => `G${String(i + 1).padStart(4, '0')}`));
  });

  describe('on the demo bureau with October’s urenkaarten', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await demoBureau({ uren: true });
    });

    it('three factuur run of the same month at once bill every ouder once, numbered without gaps', async () => {
      const runs = await Promise.all(
        Array.from({ length: 3 }, () => gobAsync(dir, ['factuur', 'run', '--maand', '2026-10', '--json'], DEMO_TODAY)),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const facturen = json<{ nummer: string; ouder: string; maand: string; totaalCent: unknown }[]>(
        await gob(dir, ['factuur', 'list', '--json'], DEMO_TODAY),
      );
      expect(facturen.length).toBeGreaterThan(3);
      expect(facturen.map((f) => f.nummer).sort()).toEqual(facturen.map((_, i) => `2026-${String(i + 1).padStart(5, '0')}`));
      expect(new Set(facturen.map((f) => f.ouder)).size).toBe(facturen.length);
      for (const f of facturen) expect(typeof f.totaalCent).toBe('number');
    });

    it('two sepa incasso at once collect every open invoice once: one bank file, numbered GOB-INC-2026-00001', async () => {
      const today = { GOB_TODAY: '2026-11-12' };
      const runs = await Promise.all(
        ['a.xml', 'b.xml'].map((out) => gobAsync(dir, ['sepa', 'incasso', '--incassodatum', '2026-11-20', '--out', out], today)),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const files = json<{ berichtId: string; soort: string; aantal: number }[]>(await gob(dir, ['sepa', 'list', '--json'], today));
      expect(files.map((f) => f.berichtId)).toEqual(['GOB-INC-2026-00001']);
      // The other run found nothing left to collect and wrote no file.
      expect(runs.filter((r) => /niets te incasseren/.test(r.stdout))).toHaveLength(1);
      expect(['a.xml', 'b.xml'].filter((f) => fs.existsSync(path.join(dir, f)))).toHaveLength(1);
    });

    it('two jaaropgave run at once make one jaaropgave per ouder, numbered without gaps', async () => {
      const runs = await Promise.all(Array.from({ length: 2 }, () => gobAsync(dir, ['jaaropgave', 'run', '--jaar', '2026'], DEMO_TODAY)));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const opgaven = json<{ nummer: string; ouder: string }[]>(await gob(dir, ['jaaropgave', 'list', '--json'], DEMO_TODAY));
      expect(opgaven.length).toBeGreaterThan(3);
      expect(opgaven.map((j) => j.nummer).sort()).toEqual(opgaven.map((_, i) => `J2026-${String(i + 1).padStart(5, '0')}`));
      expect(new Set(opgaven.map((j) => j.ouder)).size).toBe(opgaven.length);
    });
  });
});

describe('PostgreSQL: a server gob cannot use is a Dutch refusal naming host and database, never the password', () => {
  const SECRET = 'geheim-Wachtwoord-7';
  /** Exit 1 for `init` and an ordinary command; both name host and database and never the password. */
  async function refused(url: string, host: string, database: string, reason: RegExp) {
    const dir = tempDir();
    for (const args of [['init'], ['gastouder', 'list']]) {
      const r = await gob(dir, [...args, '--db', url]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain(host);
      expect(r.stderr).toContain(database);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr + r.stdout).not.toContain(SECRET);
      expect(r.stderr + r.stdout).not.toContain(encodeURIComponent(SECRET));
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  }

  it('a server that does not answer (a closed port)', async () => {
    const port = await freePort();
    await refused(`postgres://gob:${SECRET}@127.0.0.1:${port}/gob_bureau`, `127.0.0.1:${port}`, 'gob_bureau', /neemt niet op/);
  });

  it('a database that does not exist', async () => {
    const server = new URL(serverUrl());
    server.username = 'postgres';
    server.password = SECRET;
    const url = databaseUrl(server.toString(), 'gob_bestaat_niet');
    await refused(url, `${server.hostname}:${server.port || 5432}`, 'gob_bestaat_niet', /bestaat niet/);
  });

  describe('a wrong password', () => {
    let url: string;
    let checks = true;
    beforeAll(async () => {
      // scripts/pg-cluster.mjs makes the server ask this role for its password (scram-sha-256).
      // A password nobody knows, new every run: the role must never be a way in to a developer's server.
      const unknown = `'${randomBytes(18).toString('hex')}'`;
      await withClient(serverUrl(), async (c) => {
        await c.query(`create role ${PASSWORD_ROLE} login password ${unknown}`).catch(async (e: { code?: string }) => {
          // Already there (an earlier run made it).
          if (e.code !== '42710' && e.code !== '23505') throw e;
          await c.query(`alter role ${PASSWORD_ROLE} password ${unknown}`);
        });
      });
      const server = new URL(serverUrl());
      server.username = PASSWORD_ROLE;
      server.password = SECRET;
      const db = await createTestDatabase();
      url = databaseUrl(server.toString(), new URL(db).pathname.slice(1));
      checks = await withClient(url, async () => false).catch(() => true);
    });

    it('is refused naming host and database, without the password', async (ctx) => {
      // A server of one's own that trusts everyone cannot say a password is wrong.
      if (!checks)
        ctx.skip(`de server van GOB_TEST_PG vraagt ${PASSWORD_ROLE} niet om een wachtwoord (start hem met scripts/pg-cluster.mjs)`);
      const server = new URL(url);
      await refused(url, `${server.hostname}:${server.port}`, server.pathname.slice(1), /wachtwoord klopt niet/);
    });
  });
});

describe('PostgreSQL: gob backup', () => {
  let dir: string;
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  it('refuses and names pg_dump; nothing is written', async () => {
    dir = tempDir();
    expect((await gob(dir, ['init', '--naam', 'Gastouderbureau Zon'])).code).toBe(0);
    const r = await gob(dir, ['backup', 'kopie.sqlite']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pg_dump/);
    expect(fs.existsSync(path.join(dir, 'kopie.sqlite'))).toBe(false);
  });
});

describe('PostgreSQL: handler tests on a migrated database (pgTestDeps)', () => {
  it('createOrMigrateDatabase on it again applies nothing', async () => {
    const deps = await pgTestDeps();
    await deps.close();
    const again = await createOrMigrateDatabase(deps.dbFile);
    expect(again.applied).toEqual([]);
    expect(again.created).toBe(false);
    expect(again.store.dialect).toBe('postgres');
    await again.store.close();
  });
});
