import fs from 'node:fs';
import { describeDatabase, isPostgresUrl } from '../../db/postgres.js';
import { NotFound, Refused, UsageError } from '../../errors.js';
import { fileRefusal } from '../../files/refusal.js';
import { decryptFile, HEADER_BYTES, soortBackup } from '../../files/versleuteld.js';
import { produceFileSafely } from '../../files/write.js';
import type { BaseDeps } from '../deps.js';
import { requireOption } from '../options.js';
import { backupWachtwoord } from './wachtwoord.js';

/**
 * `gob herstel <backup> --naar <database>` (CONTRACT §13): a backup, plain or encrypted (known by
 * its first bytes, not its name), into a NEW database file. Never over an existing one, not even
 * with --force: restoring is the moment a mistake costs the most, and moving the old file away
 * first is one deliberate step. The content is written under a temporary name beside the target,
 * decrypted and authenticated (GCM's tag is known only after the last byte), then checked to be a
 * gob database through SQLite; only then does it get the final name. A wrong passphrase, a changed
 * byte or a foreign file leaves nothing behind.
 */
export async function herstel(opts: { backup: string; naar?: string }, deps: BaseDeps) {
  const naar = await requireOption('naar', opts.naar, (raw) => raw, deps, 'Nieuw databasebestand om de backup in terug te zetten:');
  // A backup is a SQLite file, and so is what it is restored into; onto a server it goes in two steps.
  if (isPostgresUrl(naar)) {
    throw new UsageError(
      `--naar: ${describeDatabase(naar)} is een PostgreSQL-database; herstel maakt een nieuw SQLite-bestand. Zet de backup terug in een bestand (--naar herstel.sqlite) en kopieer dat naar de server met 'gob --db herstel.sqlite db kopieer --naar <database>'. Er is niets geschreven.`,
    );
  }
  let first: Buffer;
  try {
    const fd = fs.openSync(opts.backup, 'r');
    try {
      first = Buffer.alloc(HEADER_BYTES);
      first = first.subarray(0, fs.readSync(fd, first, 0, HEADER_BYTES, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new NotFound(`De backup ${opts.backup} bestaat niet. Controleer het pad.`);
    throw fileRefusal(error, opts.backup, 'lezen');
  }
  const soort = soortBackup(first);
  if (soort === 'onbekend') {
    throw new Refused(
      `${opts.backup} is geen backup van gob: het is geen versleutelde backup (die begint met GOBBAK) en geen SQLite-bestand. Er is niets geschreven.`,
    );
  }
  if (fs.existsSync(naar) || isLink(naar)) {
    throw new Refused(
      `${naar} bestaat al. 'gob herstel' zet een backup alleen terug in een nieuw bestand; kies een andere naam of verplaats het bestaande eerst.`,
    );
  }
  const wachtwoord = soort === 'versleuteld' ? await backupWachtwoord(deps, { nieuw: false }) : undefined;
  const { controleerGobDatabase } = await import('../../db/controle.js');
  let migratie = '';
  let actueel = true;
  await produceFileSafely(naar, {}, async (tmp) => {
    if (wachtwoord === undefined) fs.copyFileSync(opts.backup, tmp);
    else await decryptFile(opts.backup, tmp, wachtwoord);
    ({ migratie, actueel } = controleerGobDatabase(tmp, opts.backup));
  });
  deps.out.line(
    `Backup ${opts.backup} (${soort === 'versleuteld' ? 'versleuteld, gecontroleerd' : 'onversleuteld'}) teruggezet in ${naar}.` +
      (actueel ? '' : ` De database heeft het schema van een oudere gob (${migratie}); werk hem bij met 'gob init --db ${naar}'.`),
  );
  return { backup: opts.backup, naar, versleuteld: soort === 'versleuteld', migratie };
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
