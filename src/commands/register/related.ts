import type { Entity } from '../../domain/fields.js';
import type { Db } from '../../db/open.js';
import { laatsteOpzegdag } from '../../domain/opzegtermijn.js';
import {
  eigenKinderen,
  gedeeldeKinderen,
  getKoppeling,
  kinderenVanOuder,
  koppelingenVanGastouder,
  koppelingenVanKind,
} from '../../db/repo/register.js';
import { roosterOf } from '../../db/repo/rooster.js';
import { listHuisgenoten } from '../../db/repo/huisgenoot.js';

/** A few lines that show what a record is linked to, so an owner needs no second command. */
export async function relatedLines(db: Db, entity: Entity, code: string): Promise<string[]> {
  const lines: string[] = [];
  const period = (k: { start: string; eind: string | null }) => `${k.start} t/m ${k.eind ?? 'doorlopend'}`;
  if (entity.name === 'gastouder') {
    const own = await eigenKinderen(db, code);
    for (const k of own) lines.push(`eigen kind:   ${k.code} ${k.naam} (${k.geboortedatum})`);
    const kps = await koppelingenVanGastouder(db, code);
    for (const k of kps) lines.push(`koppeling:    ${k.code} ${k.naam}, ${period(k)}`);
    // CONTRACT §10: with the id that `huisgenoot edit` and `remove` take.
    for (const h of await listHuisgenoten(db, { gastouder: code }))
      lines.push(`huisgenoot:   ${h.naam} (${h.geboortedatum}), VOG ${h.vog_datum ?? 'geen'}  [id ${h.id}]`);
  }
  if (entity.name === 'ouder') {
    const kids = await kinderenVanOuder(db, code);
    for (const k of kids) lines.push(`kind:         ${k.code} ${k.naam} (${k.geboortedatum})`);
    // CONTRACT §9: the children she pays a share for as second ouder.
    for (const k of await gedeeldeKinderen(db, code))
      lines.push(`tweede ouder: ${k.kind} ${k.naam} (koppeling ${k.koppeling}, ouder ${k.ouder} betaalt ${k.verdeling}%)`);
  }
  if (entity.name === 'kind') {
    const kps = await koppelingenVanKind(db, code);
    for (const k of kps) lines.push(`koppeling:    ${k.code} bij ${k.naam}, ${period(k)}`);
  }
  if (entity.name === 'koppeling') {
    // The notice `koppeling end` recorded is no field (edit cannot set it), but it decides what is
    // billed after the end: shown, so a bureau sees whether a notice still stands.
    const kp = await getKoppeling(db, code);
    if (kp?.opzegdatum)
      lines.push(
        `opgezegd:     ${kp.opzegdatum}, ${kp.zonder_opzegtermijn === 1 ? 'in overleg zonder opzegtermijn' : `opzegtermijn t/m ${laatsteOpzegdag(kp.opzegdatum)}`}`,
      );
  }
  if (entity.name === 'koppeling' || entity.name === 'kind') {
    const column = entity.name === 'koppeling' ? 'koppeling' : 'kind';
    const rows = await roosterOf(db, column, code);
    for (const r of rows) {
      const weeks = r.vanaf || r.tot_en_met ? ` (${r.vanaf ?? 'begin'} t/m ${r.tot_en_met ?? 'eind'})` : '';
      lines.push(`rooster:      ${r.dag} ${r.van}-${r.tot}${weeks}  [id ${r.id}]`);
    }
  }
  return lines;
}
