import type { Entity } from '../../domain/fields.js';
import { findRecord } from '../../db/repo/register.js';
import { NotFound } from '../../errors.js';
import type { Deps } from '../deps.js';
import { recordToJson, recordToText } from '../record.js';
import { relatedLines } from './related.js';

/** `gob <noun> show <code> [--toon-bsn]`: every field, then what the record is linked to. */
export async function showRecord(entity: Entity, opts: { code: string; toonBsn?: boolean }, deps: Deps) {
  const rec = await findRecord(deps.db, entity, opts.code);
  if (!rec) throw new NotFound(`Er is geen ${entity.name} met code ${opts.code}. Zie 'gob ${entity.name} list'.`);
  const toonBsn = Boolean(opts.toonBsn);
  const widest = Math.max(...entity.fields.map((f) => f.name.length));
  for (const field of entity.fields) {
    deps.out.line(`${`${field.name}:`.padEnd(widest + 2)}${recordToText(field, rec, { toonBsn })}`);
  }
  const related = await relatedLines(deps.db, entity, opts.code);
  if (related.length > 0) deps.out.line();
  for (const line of related) deps.out.line(line);
  return recordToJson(entity.fields, rec, { toonBsn });
}
