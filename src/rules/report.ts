// The violations report as people read it: grouped per gastouder, with names, dates or weekly date
// ranges, time windows and each rule explained in Dutch. Pure, so it is golden-tested.
import { ageInMonths, ageInYears, DAGNAAM, type Datum } from '../domain/calendar.js';
import { LIMIETEN, type Opvangregel, type Violation } from '../domain/rules.js';
import { aantal } from '../domain/tekst.js';

export function explainRule(v: Pick<Violation, 'regel' | 'aantal' | 'maximum'>): string {
  const n = v.aantal;
  const kinderen = (k: number) => aantal(k, 'kind', 'kinderen');
  const texts: Record<Opvangregel, string> = {
    'max-totaal': `${kinderen(n)} tegelijk; maximaal ${LIMIETEN.totaal} kinderen, eigen kinderen onder 10 jaar meegeteld`,
    'max-onder-4': `${kinderen(n)} jonger dan 4 jaar; maximaal ${LIMIETEN.onder4}`,
    'max-onder-2': `${kinderen(n)} jonger dan 2 jaar; maximaal ${LIMIETEN.onder2}`,
    'max-onder-1': `${kinderen(n)} jonger dan 1 jaar; maximaal ${LIMIETEN.onder1}`,
    achterwacht: `${kinderen(n)} en geen achterwacht; vanaf ${LIMIETEN.achterwachtVanaf} kinderen is een achterwacht verplicht`,
    slaapruimte: `${kinderen(n)} jonger dan 18 maanden en geen aparte slaapruimte`,
    leeftijd: `${n === 1 ? 'een gastkind' : `${n} gastkinderen`} van 13 jaar of ouder; gastouderopvang is tot 13 jaar`,
    beginner: `${kinderen(n)} bij een gastouder met minder dan 6 maanden ervaring; het bureau staat er maximaal ${v.maximum} toe`,
  };
  return texts[v.regel];
}

export function whenText(v: Violation): string {
  if (v.totDatum === undefined) return `${v.dag} ${v.datum}`;
  if (v.totDatum === v.datum) return `${DAGNAAM[v.dag]} ${v.datum}`;
  return `elke ${DAGNAAM[v.dag]} van ${v.datum} ${v.totDatum === null ? 'af (doorlopend)' : `t/m ${v.totDatum}`}`;
}

function ageText(geboortedatum: Datum, on: Datum): string {
  const years = ageInYears(geboortedatum, on);
  if (years >= 2) return `${years} jaar`;
  return `${ageInMonths(geboortedatum, on)} mnd`;
}

export interface ReportGastouder {
  code: string;
  naam: string;
}

export function renderViolations(
  violations: Violation[],
  gastouders: Map<string, ReportGastouder>,
  children: Map<string, { naam: string; geboortedatum: Datum }>,
): string {
  const lines: string[] = [];
  const byGastouder = new Map<string, Violation[]>();
  for (const v of violations) byGastouder.set(v.gastouder, [...(byGastouder.get(v.gastouder) ?? []), v]);
  for (const [code, list] of byGastouder) {
    const g = gastouders.get(code);
    lines.push(`${g ? `${g.naam} (${code})` : code}: ${aantal(list.length, 'overtreding', 'overtredingen')}`);
    for (const v of list) {
      lines.push(`  ${whenText(v)}, ${v.van}-${v.tot}: ${v.regel}`);
      lines.push(`    ${explainRule(v)}`);
      const names = v.kinderen.map((k) => {
        const c = children.get(k);
        return c ? `${c.naam} (${k}, ${ageText(c.geboortedatum, v.datum)})` : k;
      });
      lines.push(`    kinderen: ${names.join(', ')}`);
    }
    lines.push('');
  }
  const n = violations.length;
  lines.push(`${aantal(n, 'overtreding', 'overtredingen')} bij ${aantal(byGastouder.size, 'gastouder', 'gastouders')}.`);
  return `${lines.join('\n')}\n`;
}

/** JSON per the contract: {gastouder, datum, van, tot, regel, aantal, maximum, kinderen} (+ totDatum, dag). */
export function violationToJson(v: Violation) {
  return {
    gastouder: v.gastouder,
    datum: v.datum,
    ...(v.totDatum === undefined ? {} : { totDatum: v.totDatum }),
    dag: v.dag,
    van: v.van,
    tot: v.tot,
    regel: v.regel,
    aantal: v.aantal,
    maximum: v.maximum,
    kinderen: v.kinderen,
  };
}
