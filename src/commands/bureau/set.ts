import fs from 'node:fs';
import { BUREAU_FIELDS } from '../../domain/fields.js';
import { inTransaction } from '../../db/open.js';
import { getBureau, updateBureau } from '../../db/repo/bureau.js';
import { writeLog } from '../../db/repo/log.js';
import { Refused, UsageError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { type RawOptions, describeChange, recordFromOptions } from '../record.js';
import { bureauToJson } from '../record.js';

/** `gob bureau set [--veld waarde …]`: the bureau's settings of CONTRACT §6. */
export async function bureauSet(opts: RawOptions, deps: Deps) {
  const changes = await recordFromOptions(BUREAU_FIELDS, opts, deps, { required: false });
  // No setting is a missing option: a usage error (CONTRACT §1), like any other.
  if (Object.keys(changes).length === 0)
    throw new UsageError("Geef minstens één instelling, bijvoorbeeld --naam. Zie 'gob bureau set --help'.");
  // A certificate path that leads nowhere was stored, and refused only at the first `contract pdf`.
  if (typeof changes.certificaat === 'string') requireCertificate(changes.certificaat);
  const bureau = await inTransaction(deps.db, async (trx) => {
    const before = await getBureau(trx);
    await updateBureau(trx, changes);
    await writeLog(trx, deps, `bureau gewijzigd: ${describeChange(BUREAU_FIELDS, before, changes)}`);
    return getBureau(trx);
  });
  deps.out.line('De instellingen van het bureau zijn gewijzigd.');
  return bureauToJson(bureau);
}

function requireCertificate(file: string): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  let readable = false;
  try {
    fs.accessSync(file, fs.constants.R_OK);
    readable = true;
  } catch {}
  if (!stat?.isFile() || !readable) {
    throw new Refused(
      `Het certificaat ${file} ${!stat ? 'bestaat niet' : !stat.isFile() ? 'is geen bestand' : 'is niet leesbaar'}. Geef het pad van een .p12-bestand, of maak er een met 'gob bureau certificaat-maken'. Er is niets gewijzigd.`,
    );
  }
}
