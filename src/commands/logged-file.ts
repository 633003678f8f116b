// A file that takes personal data (or a key) out of gob is accounted for in the audit log, the
// record of who took what out and when. So the file gets its final name only after its log line
// is committed: written under a temporary name, then the log line in one transaction, then the
// rename (files/write.ts, beforePublish). A database that cannot be written (read-only, a full
// disk) leaves no file, and the refusal says so; before, the file was complete and the command
// still said "Er is niets opgeslagen".
import fs from 'node:fs';
import { type Db, inTransaction, refusalFor } from '../db/open.js';
import { Refused } from '../errors.js';
import { produceFileSafely, type WriteOptions } from '../files/write.js';
import type { Deps } from './deps.js';

/**
 * Write `file` (its bytes, or `produce` filling the temporary file) so that it appears only once
 * `record` (its log line, and anything else the database keeps of it) is committed.
 */
export async function writeLoggedFile(
  deps: Deps,
  file: string,
  options: WriteOptions,
  content: string | Uint8Array | ((tmp: string) => Promise<void>),
  record: (trx: Db) => Promise<void>,
): Promise<void> {
  const produce = typeof content === 'function' ? content : async (tmp: string) => fs.writeFileSync(tmp, content);
  await produceFileSafely(file, { ...options, beforePublish: () => recordOrRefuse(deps, file, record) }, produce);
}

/** Commit `record`; a database that refuses it is a refusal that names the file it kept from appearing. */
async function recordOrRefuse(deps: Deps, file: string, record: (trx: Db) => Promise<void>): Promise<void> {
  try {
    await inTransaction(deps.db, record);
  } catch (error) {
    if (error instanceof Refused) throw error;
    const refusal = refusalFor(error, deps.dbFile);
    if (!(refusal instanceof Refused)) throw error;
    throw new Refused(
      `${file} is niet geschreven: gob schrijft dit bestand alleen als het ook in het logboek van de database komt, en dat lukte niet. ${refusal.message}`,
    );
  }
}
