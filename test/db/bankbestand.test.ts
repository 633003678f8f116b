// Migration 0003 on a database that already made bank files the old way (one shared counter, no
// stored bytes), and the database's own guard: one bank file per payout.
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { sepaBestand } from '../../src/commands/sepa/bestand.js';
import { sepaList } from '../../src/commands/sepa/list.js';
import { migrations } from '../../src/db/migrations/index.js';
import { createOrMigrateDatabase } from '../../src/db/open.js';
import { reserveNumbers } from '../../src/db/repo/factuur.js';
import { tempDir, quietOutput } from '../helpers.js';

async function databaseAt0002(): Promise<string> {
  const file = path.join(tempDir(), 'oud.sqlite');
  const sqlite = new SQLite(file);
  const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const upTo0002 = { '0001_register': migrations['0001_register']!, '0002_kas_data': migrations['0002_kas_data']! };
  expect((await new Migrator({ db: old, provider: { getMigrations: async () => upTo0002 } }).migrateToLatest()).error).toBeUndefined();
  // Under the old code: INC 1; U1 and U2 made on 24 Nov at 09:00 and put in UIT 2 at 10:00
  // (--datum 2026-11-24); U3 made later that day (an invoice paid in the afternoon), in no file;
  // INC 4; U4 and U5 (both € 1,00) made on 8 Dec, UIT 5 with --uitbetaling of one of them: which
  // one was never logged. Counter 'sepa' at 5.
  sqlite.exec(`
    insert into gastouder (code, naam, geboortedatum) values ('G1', 'G', '1980-01-01'), ('G2', 'H', '1980-01-01');
    insert into ouder (code, naam) values ('O1', 'O'), ('O2', 'P');
    insert into betaling (ouder, datum, bedrag_cent, soort, mandaat, sepa_bericht) values
      ('O1', '2026-11-20', 1000, 'incasso', 'M1', 'GOB-INC-2026-00001'), ('O2', '2026-11-20', 2000, 'incasso', 'M2', 'GOB-INC-2026-00001'),
      ('O1', '2026-12-04', 500, 'incasso', 'M1', 'GOB-INC-2026-00004');
    insert into uitbetaling (nummer, gastouder, datum, bedrag_cent) values
      ('U2026-00001', 'G1', '2026-11-24', 700), ('U2026-00002', 'G2', '2026-11-24', 1234), ('U2026-00003', 'G1', '2026-11-24', 300),
      ('U2026-00004', 'G1', '2026-12-08', 100), ('U2026-00005', 'G2', '2026-12-08', 100);
    insert into nummering (soort, jaar, laatste) values ('sepa', 2026, 5), ('factuur', 2026, 9);
    insert into log (tijdstip, gebruiker, commando, wijziging) values
      ('2026-11-12T10:00:00.000Z', 'u', 'sepa incasso', 'SEPA-incasso GOB-INC-2026-00001 op 2026-11-20: 2 ouders, € 30,00, incasso.xml'),
      ('2026-11-24T09:00:00.000Z', 'u', 'uitbetaling run', 'uitbetalingen op 2026-11-24: 2, samen € 19,34'),
      ('2026-11-24T10:00:00.000Z', 'u', 'sepa uitbetaling', 'SEPA-overboeking GOB-UIT-2026-00002: 2 uitbetalingen, € 19,34, out/uit, nov.xml'),
      ('2026-11-24T15:00:00.000Z', 'u', 'uitbetaling run', 'uitbetalingen op 2026-11-24: 1, samen € 3,00'),
      ('2026-11-27T10:00:00.000Z', 'u', 'sepa incasso', 'SEPA-incasso GOB-INC-2026-00004 op 2026-12-04: 1 ouders, € 5,00, /data/i3.xml'),
      ('2026-12-08T09:00:00.000Z', 'u', 'uitbetaling run', 'uitbetalingen op 2026-12-08: 2, samen € 2,00'),
      ('2026-12-08T10:00:00.000Z', 'u', 'sepa uitbetaling', 'SEPA-overboeking GOB-UIT-2026-00005: 1 uitbetalingen, € 1,00, u5.xml');`);
  await old.destroy();
  return file;
}

describe('migration 0003: bank files made before it', () => {
  it('lists them without content, links the payouts it can know, and continues each series past every id used', async () => {
    const { store, applied } = await createOrMigrateDatabase(await databaseAt0002());
    expect(applied[0]).toBe('0003_bankbestand'); // and every later migration
    const deps = {
      db: store.db,
      sqlite: store.sqlite,
      today: '2026-12-10',
      now: '2026-12-10T10:00:00.000Z',
      user: 't',
      command: 't',
      dbFile: store.file,
      out: quietOutput(),
      prompts: null,
      yes: false,
    };
    expect(await sepaList({}, deps)).toEqual([
      expect.objectContaining({
        berichtId: 'GOB-INC-2026-00001',
        soort: 'incasso',
        datum: '2026-11-20',
        aantal: 2,
        totaalCent: 3000,
        bestand: 'incasso.xml',
      }),
      expect.objectContaining({
        berichtId: 'GOB-UIT-2026-00002',
        soort: 'uitbetaling',
        datum: '2026-11-24',
        aantal: 2,
        totaalCent: 1934,
        bestand: 'out/uit, nov.xml',
      }),
      expect.objectContaining({
        berichtId: 'GOB-INC-2026-00004',
        soort: 'incasso',
        datum: '2026-12-04',
        aantal: 1,
        totaalCent: 500,
        bestand: '/data/i3.xml',
      }),
      expect.objectContaining({
        berichtId: 'GOB-UIT-2026-00005',
        soort: 'uitbetaling',
        datum: '2026-12-08',
        aantal: 1,
        totaalCent: 100,
        bestand: 'u5.xml',
      }),
    ]);
    // UIT 2 held the two payouts that existed when it was made, not U3 of that afternoon (free for
    // a new file). Of UIT 5 it is not known which € 1,00 payout it held: both count as in it, so
    // neither can be paid a second time, and the log says so.
    expect(store.sqlite!.prepare('select uitbetaling, bericht_id from bankbestand_uitbetaling order by 1').all()).toEqual([
      { uitbetaling: 'U2026-00001', bericht_id: 'GOB-UIT-2026-00002' },
      { uitbetaling: 'U2026-00002', bericht_id: 'GOB-UIT-2026-00002' },
      { uitbetaling: 'U2026-00004', bericht_id: 'GOB-UIT-2026-00005' },
      { uitbetaling: 'U2026-00005', bericht_id: 'GOB-UIT-2026-00005' },
    ]);
    expect(store.sqlite!.prepare("select wijziging from log where commando = 'init'").all()).toEqual([
      {
        wijziging: expect.stringMatching(
          /bankbestand GOB-UIT-2026-00005 .* U2026-00004, U2026-00005 gelden als daarin betaald\. Controleer het bankafschrift\./,
        ),
      },
    ]);
    // Files made before the migration were written then: no warning that they were not.
    expect(store.sqlite!.prepare('select count(*) as n from bankbestand_geschreven').get()).toEqual({ n: 4 });
    await expect(sepaBestand({ berichtId: 'GOB-INC-2026-00001', out: path.join(tempDir(), 'x.xml') }, deps)).rejects.toThrow(
      /gemaakt voordat gob bankbestanden bewaarde/,
    );
    expect(await reserveNumbers(store.db, 'sepa-incasso', 2026, 1)).toBe(6);
    expect(await reserveNumbers(store.db, 'sepa-uitbetaling', 2026, 1)).toBe(6);
    expect(await reserveNumbers(store.db, 'factuur', 2026, 1)).toBe(10);
    // The database itself: a payout in a second file, or a changed file, is refused.
    expect(() => store.sqlite!.prepare("insert into bankbestand_uitbetaling values ('U2026-00001', 'GOB-UIT-2026-00005')").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(() => store.sqlite!.prepare("update bankbestand_uitbetaling set bericht_id = 'GOB-UIT-2026-00005'").run()).toThrow(
      /één bankbestand/,
    );
    expect(() => store.sqlite!.prepare('delete from bankbestand_uitbetaling').run()).toThrow(/één bankbestand/);
    expect(() => store.sqlite!.prepare("update bankbestand set bestand = 'x'").run()).toThrow(/nooit gewijzigd/);
    expect(() => store.sqlite!.prepare('delete from bankbestand').run()).toThrow(/nooit verwijderd/);
    await store.close();
  });
});
