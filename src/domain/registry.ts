// Rules for registry records that need nothing but the record itself and today's date.
// Records are keyed by database column; problems name the Dutch field (the option / CSV header).
import { ageInYears, type Datum } from './calendar.js';
import { BEZOEK_FIELDS, columnOf, type Entity, type Field, HUISGENOOT_FIELDS, type Stored } from './fields.js';

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
  // A date that cannot have happened yet: out of bounds, exit 2 (as a huisgenoot's, and
  // notAfterToday's); the toeslagpartner's too, which goes onto the jaaropgave and the toeslag export.
  for (const [veld, datum] of [
    ['geboortedatum', geboortedatum],
    ['partner-geboortedatum', rec.partner_geboortedatum],
  ] as const) {
    if (typeof datum === 'string' && datum > today) {
      problems.push({ veld, melding: `${datum} ligt na vandaag (${today}); vul een geboortedatum in die geweest is`, usage: true });
    }
  }
  switch (entity.name) {
    case 'gastouder':
      // As a huisgenoot's: a VOG in the future made `kwaliteit check` say 'in orde' until then.
      if (typeof rec.vog_datum === 'string' && rec.vog_datum > today) {
        problems.push({
          veld: 'vog-datum',
          melding: `${rec.vog_datum} ligt na vandaag (${today}); vul de datum van een afgegeven VOG in`,
          usage: true,
        });
      }
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

/**
 * A housemate (CONTRACT §10): born and screened on or before today. Both are exit 2 as an option
 * (a date that cannot be right yet), an error of its row in an import.
 */
export function huisgenootProblems(rec: Rec, today: Datum): Problem[] {
  const problems = requiredProblems(HUISGENOOT_FIELDS, rec);
  const geboortedatum = rec.geboortedatum as string | null | undefined;
  if (geboortedatum && geboortedatum > today)
    problems.push({
      veld: 'geboortedatum',
      melding: `${geboortedatum} ligt na vandaag (${today}); een huisgenoot is al geboren`,
      usage: true,
    });
  const vog = rec.vog_datum as string | null | undefined;
  if (vog && vog > today)
    problems.push({ veld: 'vog-datum', melding: `${vog} ligt na vandaag (${today}); vul de datum van een afgegeven VOG in`, usage: true });
  // A VOG is asked for a person: one dated before the birth is a typo in one of the two dates.
  if (vog && geboortedatum && vog < geboortedatum)
    problems.push({
      veld: 'vog-datum',
      melding: `${vog} ligt vóór de geboortedatum ${geboortedatum}; controleer beide datums`,
      usage: true,
    });
  return problems;
}

/**
 * A visit (CONTRACT §10): one that has taken place (not after today), and a koppeling exactly when
 * it is an evaluatie (evaluations are per koppeling, the others per gastouder). Whether the
 * koppeling exists and is the gastouder's needs the database (db/repo/bezoek.ts).
 */
export function bezoekProblems(rec: Rec, today: Datum): Problem[] {
  const problems = requiredProblems(BEZOEK_FIELDS, rec);
  const datum = rec.datum as string | null | undefined;
  if (datum && datum > today)
    problems.push({ veld: 'datum', melding: `${datum} ligt na vandaag (${today}); leg een bezoek vast als het geweest is`, usage: true });
  const soort = rec.soort ?? null;
  const koppeling = rec.koppeling ?? null;
  if (soort === 'evaluatie' && koppeling === null)
    problems.push({ veld: 'koppeling', melding: 'ontbreekt; een evaluatie is per koppeling: geef de code van de koppeling', usage: true });
  if (soort !== null && soort !== 'evaluatie' && koppeling !== null)
    problems.push({
      veld: 'koppeling',
      melding: `alleen een evaluatie hoort bij een koppeling; een ${soort} is per gastouder: laat koppeling leeg`,
      usage: true,
    });
  return problems;
}

function requiredProblems(fields: Field[], rec: Rec): Problem[] {
  return fields
    .filter((f) => f.required && (rec[columnOf(f)] ?? null) === null)
    .map((f) => ({ veld: f.name, melding: 'ontbreekt; dit veld is verplicht' }));
}

/** Dates or months for a message: all of them up to eight, else the first six and how many more. */
export function opsomming(items: readonly string[]): string {
  if (items.length <= 8) return items.join(', ');
  return `${items.slice(0, 6).join(', ')} en nog ${items.length - 6} andere`;
}

/**
 * Why a koppeling cannot end on `eind` while its urenkaart has care after it (`koppeling end`, and
 * `edit --eind`): that care is billed as opvang from the urenkaart, and the dates after the end
 * would be billed again as opzegtermijn (and paid out twice). The urenkaart is corrected first.
 */
export function urenNaEind(eind: Datum, na: readonly Datum[]): string {
  const laatste = na.at(-1)!;
  const maanden = [...new Set(na.map((d) => d.slice(0, 7)))];
  return `${eind} ligt vóór de laatste opvangdag op de urenkaart van deze koppeling (${laatste}): de urenkaart heeft na ${eind} nog opvang op ${opsomming(na)}. Die uren worden als opvang gefactureerd; na het einde zouden dezelfde dagen ook als opzegtermijn gefactureerd kunnen worden. Corrigeer eerst de urenkaart van ${maanden.join(' en ')} (importeer haar opnieuw zonder die dagen, na facturering met --te-laat), of kies als einde ${laatste} of later`;
}

/** Why a koppeling cannot start on `start` while its urenkaart has care before it. */
export function urenVoorStart(start: Datum, voor: readonly Datum[]): string {
  const maanden = [...new Set(voor.map((d) => d.slice(0, 7)))];
  return `${start} ligt na de eerste opvangdag op de urenkaart van deze koppeling (${voor[0]}): de urenkaart heeft vóór ${start} opvang op ${opsomming(voor)}. Corrigeer eerst de urenkaart van ${maanden.join(' en ')} (importeer haar opnieuw zonder die dagen, na facturering met --te-laat), of kies als start ${voor[0]} of eerder`;
}
