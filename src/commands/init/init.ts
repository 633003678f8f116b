import { BUREAU_FIELDS } from '../../domain/fields.js';
import { createOrMigrateDatabase, describeDatabase, inTransaction, refusalFor } from '../../db/open.js';
import { getBureau, updateBureau } from '../../db/repo/bureau.js';
import { writeLog } from '../../db/repo/log.js';
import type { BaseDeps } from '../deps.js';
import { bureauToJson } from '../record.js';
import { type RawOptions, describeChange, recordFromOptions } from '../record.js';

/** `gob init [--naam …]`: create the database (0600) or bring its schema up to date; safe to repeat. */
export async function init(opts: RawOptions, deps: BaseDeps) {
  const changes = await recordFromOptions(BUREAU_FIELDS, opts, deps, { required: false });
  const { store, created, applied } = await createOrMigrateDatabase(deps.dbFile);
  try {
    const { bureau, gewijzigd } = await inTransaction(store.db, async (trx) => {
      const before = await getBureau(trx);
      await updateBureau(trx, changes);
      const gewijzigd = Object.keys(changes).length > 0 ? describeChange(BUREAU_FIELDS, before, changes) : '';
      const what = [
        created ? 'database aangemaakt' : applied.length > 0 ? `schema bijgewerkt (${applied.join(', ')})` : 'database was al bij',
        gewijzigd ? `bureau: ${gewijzigd}` : '',
      ].filter(Boolean);
      await writeLog(trx, deps, what.join('; '));
      return { bureau: await getBureau(trx), gewijzigd };
    });
    const name = describeDatabase(deps.dbFile);
    if (created) deps.out.line(`Database ${name} is aangemaakt.`);
    else if (applied.length > 0) deps.out.line(`Database ${name} is bijgewerkt naar het nieuwste schema (${applied.join(', ')}).`);
    else deps.out.line(`Database ${name} bestond al en is bij.`);
    // `init --naam Y` on a bureau's database renames it: said, not only logged.
    if (!created && gewijzigd) deps.out.line(`De gegevens van het bureau zijn gewijzigd: ${gewijzigd}.`);
    if (created && !bureau.naam) deps.out.line("Vul de gegevens van het bureau in met 'gob bureau set --naam … --kvk … --lrk … --iban …'.");
    return { database: name, aangemaakt: created, migraties: applied, bureau: bureauToJson(bureau) };
  } catch (error) {
    throw refusalFor(error, deps.dbFile);
  } finally {
    await store.close();
  }
}
