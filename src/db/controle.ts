// Is a file a gob database? For `gob herstel` (CONTRACT §13), which must check what it restores
// before giving it the final name. Read through SQLite itself, not by looking at bytes: a damaged
// page or a foreign SQLite file is found here, not at the bureau's next command.
import SQLite from 'better-sqlite3';
import { Refused } from '../errors.js';
import { LATEST_MIGRATION } from './migrations/index.js';

export interface Controle {
  /** The newest migration in the file ('0008_privacy'). */
  migratie: string;
  /** The file has this gob's schema; otherwise `gob init` brings it up to date. */
  actueel: boolean;
}

/** Check `file` (a restored backup under its temporary name); `naam` is how the user knows it. */
export function controleerGobDatabase(file: string, naam: string): Controle {
  const geen = (why: string) => new Refused(`${naam} is geen backup van een gob-database: ${why}. Er is niets geschreven.`);
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file, { fileMustExist: true });
  } catch {
    throw geen('SQLite kan het bestand niet openen');
  }
  try {
    let check: unknown;
    try {
      check = sqlite.pragma('quick_check', { simple: true });
    } catch {
      throw geen('het is geen SQLite-bestand, of het is beschadigd');
    }
    if (check !== 'ok') throw geen(`SQLite vindt het bestand beschadigd (${String(check)})`);
    const table = sqlite.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`).get() as {
      n: number;
    };
    if (!table.n) throw geen('het is een SQLite-bestand zonder het schema van gob');
    const last = sqlite.prepare('select name from kysely_migration order by name desc limit 1').get() as { name: string } | undefined;
    if (!last) throw geen('het is een SQLite-bestand zonder het schema van gob');
    if (last.name > LATEST_MIGRATION) {
      throw new Refused(`${naam} is gemaakt door een nieuwere versie van gob (${last.name}). Werk gob bij; er is niets geschreven.`);
    }
    return { migratie: last.name, actueel: last.name === LATEST_MIGRATION };
  } finally {
    sqlite.close();
  }
}
