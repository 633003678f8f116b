// The housemate as the id-keyed commands (commands/byid.ts) see it.
import { HUISGENOOT_FIELDS } from '../../domain/fields.js';
import { huisgenootProblems } from '../../domain/registry.js';
import {
  deleteHuisgenoot,
  getHuisgenoot,
  huisgenootReferenceProblems,
  insertHuisgenoot,
  updateHuisgenoot,
} from '../../db/repo/huisgenoot.js';
import type { IdNoun } from '../byid.js';

export const HUISGENOOT: IdNoun = {
  name: 'huisgenoot',
  lidwoord: 'de',
  meervoud: 'huisgenoten',
  fields: HUISGENOOT_FIELDS,
  problems: huisgenootProblems,
  references: huisgenootReferenceProblems,
  get: getHuisgenoot,
  insert: insertHuisgenoot,
  update: updateHuisgenoot,
  remove: deleteHuisgenoot,
  describe: (rec) => `${rec.naam} (${rec.geboortedatum}) bij gastouder ${rec.gastouder}`,
};
