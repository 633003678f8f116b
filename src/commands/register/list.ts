import type { Entity, EntityName } from '../../domain/fields.js';
import { listRecords } from '../../db/repo/register.js';
import { csvLine } from '../../csv/write.js';
import type { Deps } from '../deps.js';
import { checkListForm, writeListXlsx } from '../xlsx.js';
import { checkFilterCodes } from '../filters.js';
import { recordToJson, recordToText } from '../record.js';
import { aantal } from '../../domain/tekst.js';

export interface ListOptions {
  gastouder?: string;
  ouder?: string;
  kind?: string;
  actief?: boolean;
  csv?: boolean;
  xlsx?: string;
  force?: boolean;
  toonBsn?: boolean;
}

/** The columns of the human table; --csv and --json always give every field. */
const SUMMARY: Record<EntityName, string[]> = {
  gastouder: ['code', 'naam', 'geboortedatum', 'plaats', 'lrk', 'achterwacht', 'slaapruimte'],
  ouder: ['code', 'naam', 'plaats', 'iban', 'bsn', 'mandaat'],
  kind: ['code', 'naam', 'geboortedatum', 'bsn', 'ouder', 'eigen-kind-van'],
  koppeling: ['code', 'kind', 'gastouder', 'start', 'eind', 'uurtarief', 'opvanglocatie'],
};

export async function listRecordsCommand(entity: Entity, opts: ListOptions, deps: Deps) {
  checkListForm(opts);
  await checkFilterCodes(deps.db, { gastouder: opts.gastouder, ouder: opts.ouder, kind: opts.kind });
  const recs = await listRecords(deps.db, entity, {
    gastouder: opts.gastouder,
    ouder: opts.ouder,
    kind: opts.kind,
    actiefOp: opts.actief ? deps.today : undefined,
  });
  const toonBsn = Boolean(opts.toonBsn);
  if (opts.xlsx !== undefined) return writeListXlsx(opts.xlsx, entity.name, entity.fields, recs, opts, deps);
  if (opts.csv) {
    deps.out.raw(csvLine(entity.fields.map((f) => f.name)));
    for (const rec of recs) deps.out.raw(csvLine(entity.fields.map((f) => recordToText(f, rec, { toonBsn }))));
    return undefined;
  }
  const fields = entity.fields.filter((f) => SUMMARY[entity.name].includes(f.name));
  deps.out.table(
    fields.map((f) => ({ key: f.name, title: f.name, align: f.type.cent ? 'right' : 'left' })),
    recs.map((rec) => Object.fromEntries(fields.map((f) => [f.name, recordToText(f, rec, { toonBsn })]))),
  );
  deps.out.line(`${aantal(recs.length, entity.name, plural(entity.name))}`);
  return recs.map((rec) => recordToJson(entity.fields, rec, { toonBsn }));
}

function plural(name: EntityName): string {
  return { gastouder: 'gastouders', ouder: 'ouders', kind: 'kinderen', koppeling: 'koppelingen' }[name];
}
