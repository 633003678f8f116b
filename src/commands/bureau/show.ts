import { BUREAU_FIELDS } from '../../domain/fields.js';
import { getBureau } from '../../db/repo/bureau.js';
import type { Deps } from '../deps.js';
import { bureauToJson, recordToText } from '../record.js';

/** `gob bureau show`: every setting, with the defaults in force. */
export async function bureauShow(_opts: unknown, deps: Deps) {
  const bureau = await getBureau(deps.db);
  const rec = bureau as unknown as Record<string, string | number | null>;
  const widest = Math.max(...BUREAU_FIELDS.map((f) => f.name.length));
  for (const field of BUREAU_FIELDS) deps.out.line(`${`${field.name}:`.padEnd(widest + 2)}${recordToText(field, rec)}`);
  return bureauToJson(bureau);
}
