// The visit as the id-keyed commands (commands/byid.ts) see it.
import { BEZOEK_FIELDS } from '../../domain/fields.js';
import { bezoekProblems } from '../../domain/registry.js';
import { bezoekReferenceProblems, deleteBezoek, getBezoek, insertBezoek, updateBezoek } from '../../db/repo/bezoek.js';
import type { IdNoun } from '../byid.js';

export const BEZOEK: IdNoun = {
  name: 'bezoek',
  lidwoord: 'het',
  meervoud: 'bezoeken',
  fields: BEZOEK_FIELDS,
  problems: bezoekProblems,
  references: bezoekReferenceProblems,
  get: getBezoek,
  insert: insertBezoek,
  update: updateBezoek,
  remove: deleteBezoek,
  describe: (rec) => `${rec.soort} op ${rec.datum} bij gastouder ${rec.gastouder}${rec.koppeling ? ` (koppeling ${rec.koppeling})` : ''}`,
};
