// Every migration, in order, listed in code: Kysely's FileMigrationProvider imports .ts files at run
// time, which fails under vitest on Node 20 and defeats bundling.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_register.js';
import * as m0002 from './0002_kas_data.js';
import * as m0003 from './0003_bankbestand.js';
import * as m0004 from './0004_factuur_vast.js';
import * as m0005 from './0005_jaar.js';
import * as m0006 from './0006_afspraak.js';
import * as m0007 from './0007_kwaliteit.js';
import * as m0008 from './0008_privacy.js';
import * as m0009 from './0009_maandrooster.js';
import * as m0010 from './0010_urenkaart_sleutel.js';

export const migrations: Record<string, Migration> = {
  '0001_register': m0001,
  '0002_kas_data': m0002,
  '0003_bankbestand': m0003,
  '0004_factuur_vast': m0004,
  '0005_jaar': m0005,
  '0006_afspraak': m0006,
  '0007_kwaliteit': m0007,
  '0008_privacy': m0008,
  '0009_maandrooster': m0009,
  '0010_urenkaart_sleutel': m0010,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const LATEST_MIGRATION = Object.keys(migrations).at(-1)!;
