// Rules for registry records that need nothing but the record itself and today's date.
// Records are keyed by database column; problems name the Dutch field (the option / CSV header).
import { ageInYears, type Datum } from './calendar.js';
import { columnOf, type Entity, type Stored } from './fields.js';

export type Rec = Record<string, Stored>;

export interface Problem {
  veld: string;
  melding: string;
  /** Exit 2 as an option (a value or combination that is never valid), not 1; in an import an error of its row like any other. */
  usage?: boolean;
}

export const MINIMUM_LEEFTIJD_GASTOUDER = 18;

export function missingRequired(entity: Entity, rec: Rec): string[] {
  return entity.fields.filter((f) => f.required && (rec[columnOf(f)] ?? null) === null).map((f) => f.name);
}

export function validateRecord(entity: Entity, rec: Rec, today: Datum): Problem[] {
  const problems: Problem[] = [];
  for (const veld of missingRequired(entity, rec)) problems.push({ veld, melding: 'ontbreekt; dit veld is verplicht' });
  const geboortedatum = rec.geboortedatum as string | null | undefined;
  if (geboortedatum && geboortedatum > today) {
    problems.push({ veld: 'geboortedatum', melding: `${geboortedatum} ligt na vandaag (${today})` });
  }
  switch (entity.name) {
    case 'gastouder':
      if (geboortedatum && geboortedatum <= today && ageInYears(geboortedatum, today) < MINIMUM_LEEFTIJD_GASTOUDER) {
        problems.push({
          veld: 'geboortedatum',
          melding: `een gastouder moet minstens ${MINIMUM_LEEFTIJD_GASTOUDER} jaar oud zijn; met geboortedatum ${geboortedatum} is zij op ${today} ${ageInYears(geboortedatum, today)} jaar`,
        });
      }
      break;
    case 'kind': {
      const ouder = rec.ouder ?? null;
      const eigen = rec.eigen_kind_van ?? null;
      if ((ouder === null) === (eigen === null)) {
        problems.push({
          veld: ouder === null ? 'ouder' : 'eigen-kind-van',
          melding:
            ouder === null
              ? 'geef precies één van ouder (code van de vraagouder, voor een gastkind) of eigen-kind-van (code van de gastouder); nu geen van beide'
              : 'geef precies één van ouder of eigen-kind-van, niet beide',
        });
      }
      break;
    }
    case 'koppeling': {
      const start = rec.start as string | null;
      const eind = rec.eind as string | null;
      if (start && eind && eind < start) problems.push({ veld: 'eind', melding: `${eind} ligt vóór de start ${start}` });
      // Without a second ouder nobody would pay the rest (CONTRACT §9).
      const verdeling = (rec.verdeling as number | null | undefined) ?? 100;
      if (verdeling !== 100 && (rec.tweede_ouder ?? null) === null)
        problems.push({
          veld: 'verdeling',
          melding: `${verdeling} zonder tweede-ouder: de ouder van het kind betaalt alles (100) tenzij een tweede ouder de rest betaalt; geef ook --tweede-ouder`,
          usage: true,
        });
      break;
    }
    case 'ouder':
      if ((rec.mandaat_datum ?? null) !== null && (rec.mandaat ?? null) === null) {
        problems.push({ veld: 'mandaat', melding: 'een mandaat-datum zonder mandaat (kenmerk van de machtiging)' });
      }
      break;
  }
  return problems;
}
