// List filters (`--ouder O9999`): a code that names nobody is a typo, and an empty list would
// hide it. Checked before the list is made, with the command that shows the valid codes.
import type { Db } from '../db/open.js';
import { codeExists } from '../db/repo/register.js';
import { NotFound } from '../errors.js';

type Registry = 'gastouder' | 'ouder' | 'kind' | 'koppeling';

export async function checkFilterCodes(db: Db, filters: Partial<Record<Registry, string | undefined>>): Promise<void> {
  for (const [table, code] of Object.entries(filters) as [Registry, string | undefined][]) {
    if (code === undefined) continue;
    if (!(await codeExists(db, table, code))) throw new NotFound(`Er is geen ${table} met code ${code}. Zie 'gob ${table} list'.`);
  }
}
