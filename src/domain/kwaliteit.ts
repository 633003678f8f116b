// The quality duties of CONTRACT §10: per gastouder what the law and the bureau's policy ask, when it
// was last done, by when it is due again, and whether that is in order. Pure: today is passed in.
//
// One date is central: `vanaf`, the first day of the care that is checked (the earliest start of her
// koppelingen that run today or start within the look-ahead). A duty that must hold during care is
// due by the later of its own date and `vanaf`: an EHBO certificate that expired during a pause
// between two koppelingen is due again when care resumes, not in the past; one that is missing is
// due on `vanaf` (so "before the first care" is: done at the latest on the first day of care).
import { type Datum, addDays, addMonths, dateOfAgeInMonths, daysInMonth, makeDate, maxDate, minDate, splitDate } from './calendar.js';

export const PLICHTEN = [
  'huisbezoek',
  'risico-inventarisatie',
  'evaluatie',
  'proefperiode',
  'voortgangsgesprek',
  'ehbo',
  'vog',
  'prk',
  'diploma',
  'verzekering',
] as const;
export type Plicht = (typeof PLICHTEN)[number];
export type PlichtStatus = 'ok' | 'binnenkort' | 'te-laat';
export type BezoekSoort = 'huisbezoek' | 'risico-inventarisatie' | 'evaluatie' | 'voortgangsgesprek';

export interface KwaliteitGastouder {
  code: string;
  ehboTot: Datum | null;
  vogDatum: Datum | null;
  diploma: string | null;
  verzekeringTot: Datum | null;
  prk: boolean;
  /** The day she joined the bureau; null when unknown (added before gob kept it). */
  start: Datum | null;
}
export interface KwaliteitHuisgenoot {
  naam: string;
  geboortedatum: Datum;
  vogDatum: Datum | null;
  prk: boolean;
}
export interface KwaliteitBezoek {
  soort: BezoekSoort;
  datum: Datum;
  /** Set for an evaluation only. */
  koppeling: string | null;
}
export interface KwaliteitKoppeling {
  code: string;
  start: Datum;
  eind: Datum | null;
}
export interface KwaliteitBeleid {
  huisbezoekenPerJaar: number;
  /** 1: an evaluation within 12 months; 2: within 6. */
  evaluatiesPerJaar: number;
}

/** One duty: the JSON row of `gob kwaliteit check` (CONTRACT §10). */
export interface PlichtRij {
  gastouder: string;
  koppeling: string | null;
  huisgenoot: string | null;
  plicht: Plicht;
  /** When it was last done (a visit, a VOG); null when never, or when the duty has no date (diploma, prk). */
  laatste: Datum | null;
  /** By when it is due (again); null when it is done for good (a VOG, a diploma present). */
  uiterlijk: Datum | null;
  status: PlichtStatus;
}

/** Days ahead within which a duty counts as `binnenkort` (CONTRACT §10). */
export const BINNENKORT_DAGEN = 30;

/** The last day of the look-ahead: 30 days from today, or `--tot` when that is later. */
export function horizon(today: Datum, tot?: Datum): Datum {
  const dertig = addDays(today, BINNENKORT_DAGEN);
  return tot !== undefined && tot > dertig ? tot : dertig;
}

/** Due exactly today is still `binnenkort`; a day later it is `te-laat`. */
export function statusOf(uiterlijk: Datum | null, today: Datum, tot: Datum): PlichtStatus {
  if (uiterlijk === null) return 'ok';
  if (uiterlijk < today) return 'te-laat';
  return uiterlijk <= tot ? 'binnenkort' : 'ok';
}

/**
 * The 18th birthday. Someone born on 29 February turns 18 on 1 March in a year without one (as
 * ageInYears counts: a year older once the date is past 28 February), so a VOG is due by 1 March.
 */
export function achttienOp(geboortedatum: Datum): Datum {
  return dateOfAgeInMonths(geboortedatum, 18 * 12);
}

/**
 * The koppelingen that make a gastouder checked: running today, or starting by the end of the
 * look-ahead. Ended ones (eind before today) do not count.
 */
export function actieveKoppelingen<K extends KwaliteitKoppeling>(koppelingen: readonly K[], today: Datum, eindHorizon: Datum): K[] {
  return koppelingen.filter((k) => k.start <= eindHorizon && (k.eind === null || k.eind >= today));
}

/**
 * The deadlines of the home visits of a calendar year, spread evenly: with N a year, visit k is due
 * by the last day of month ⌈12k/N⌉ (N = 2: 30 June and 31 December). A deadline before `vanaf`
 * (care that began during the year) asks no visit: a gastouder who starts in October owes one
 * visit that year, by 31 December.
 */
export function huisbezoekDeadlines(jaar: number, perJaar: number, vanaf: Datum): Datum[] {
  const deadlines: Datum[] = [];
  for (let k = 1; k <= perJaar; k++) {
    const maand = Math.min(12, Math.ceil((12 * k) / perJaar));
    const d = makeDate(jaar, maand, daysInMonth(jaar, maand));
    if (d >= vanaf) deadlines.push(d);
  }
  return deadlines;
}

function latest(dates: Iterable<Datum>): Datum | null {
  let best: Datum | null = null;
  for (const d of dates) if (best === null || d > best) best = d;
  return best;
}

export interface KwaliteitInvoer {
  gastouder: KwaliteitGastouder;
  huisgenoten: readonly KwaliteitHuisgenoot[];
  bezoeken: readonly KwaliteitBezoek[];
  /** All her koppelingen (ended ones are ignored here). */
  koppelingen: readonly KwaliteitKoppeling[];
  beleid: KwaliteitBeleid;
  today: Datum;
  /** --tot: look further ahead than 30 days. */
  tot?: Datum | undefined;
}

/**
 * Every duty of one gastouder, in the order of PLICHTEN (huisgenoten and koppelingen in the order
 * given). Empty when she has no active koppeling. A gastouder whose care has not begun yet (all her
 * active koppelingen start after today) is checked only for what is due before the first care:
 * risico-inventarisatie, VOG (hers and her huisgenoten's) and EHBO.
 */
export function plichten(input: KwaliteitInvoer): PlichtRij[] {
  const { gastouder: g, huisgenoten, bezoeken, beleid, today } = input;
  const eindHorizon = horizon(today, input.tot);
  const actief = actieveKoppelingen(input.koppelingen, today, eindHorizon);
  if (actief.length === 0) return [];
  const vanaf = actief.map((k) => k.start).reduce(minDate);
  const voorOpvang = vanaf > today;
  const rows: PlichtRij[] = [];
  const add = (plicht: Plicht, laatste: Datum | null, uiterlijk: Datum | null, wie: { koppeling?: string; huisgenoot?: string } = {}) =>
    rows.push({
      gastouder: g.code,
      koppeling: wie.koppeling ?? null,
      huisgenoot: wie.huisgenoot ?? null,
      plicht,
      laatste,
      uiterlijk,
      status: statusOf(uiterlijk, today, eindHorizon),
    });
  /** A duty that must hold during care: due by its own date, but not before care begins. */
  const tijdensOpvang = (eigen: Datum | null) => (eigen === null ? vanaf : maxDate(eigen, vanaf));

  const perSoort = (soort: BezoekSoort) => bezoeken.filter((b) => b.soort === soort).map((b) => b.datum);

  // Huisbezoek: N per calendar year of today; see huisbezoekDeadlines. A shortfall of an earlier
  // year is not reported: it can no longer be made good, and a check that fails all year for it
  // would hide what can still be done (the PDF lists every visit for the GGD).
  if (!voorOpvang && beleid.huisbezoekenPerJaar > 0) {
    const huisbezoeken = perSoort('huisbezoek');
    const jaar = splitDate(today)[0];
    const ditJaar = huisbezoeken.filter((d) => splitDate(d)[0] === jaar).length;
    const deadlines = huisbezoekDeadlines(jaar, beleid.huisbezoekenPerJaar, vanaf);
    const uiterlijk =
      ditJaar < deadlines.length
        ? deadlines[ditJaar]!
        : // Done for this year: the first visit of next year.
          huisbezoekDeadlines(jaar + 1, beleid.huisbezoekenPerJaar, vanaf)[0]!;
    add('huisbezoek', latest(huisbezoeken), uiterlijk);
  }

  // Risico-inventarisatie: within 12 months of the last one, and before the first care.
  const ri = latest(perSoort('risico-inventarisatie'));
  add('risico-inventarisatie', ri, tijdensOpvang(ri === null ? null : addMonths(ri, 12)));

  if (!voorOpvang) {
    const maanden = beleid.evaluatiesPerJaar === 2 ? 6 : 12;
    for (const k of actief) {
      const evaluaties = bezoeken.filter((b) => b.soort === 'evaluatie' && b.koppeling === k.code).map((b) => b.datum);
      const laatste = latest(evaluaties);
      // A koppeling that ends before a duty is due does not get it.
      const binnen = (uiterlijk: Datum) => k.eind === null || k.eind >= uiterlijk;
      const uiterlijk = addMonths(laatste ?? k.start, maanden);
      if (binnen(uiterlijk)) add('evaluatie', laatste, uiterlijk, { koppeling: k.code });
      // Proefperiode: an evaluation between 1 and 2 months after the start. One after the window
      // means the moment has passed but the koppeling was evaluated: not checked.
      const van = addMonths(k.start, 1);
      const tot = addMonths(k.start, 2);
      const inVenster = latest(evaluaties.filter((d) => d >= van && d <= tot));
      if (inVenster !== null) add('proefperiode', inVenster, null, { koppeling: k.code });
      else if (!evaluaties.some((d) => d > tot) && binnen(tot)) add('proefperiode', null, tot, { koppeling: k.code });
    }

    // Voortgangsgesprek: within 6 months of her start, for gastouders who started in the last 12
    // months; one before her start does not count.
    if (g.start !== null && g.start >= addMonths(today, -12) && g.start <= today) {
      const gesprek = latest(perSoort('voortgangsgesprek').filter((d) => d >= g.start!));
      add('voortgangsgesprek', gesprek, gesprek === null ? addMonths(g.start, 6) : null);
    }
  }

  // EHBO: valid through `ehbo-tot` (valid until today is valid today).
  add('ehbo', null, tijdensOpvang(g.ehboTot));

  // VOG: a VOG once (since 2018 the Personenregister screens continuously, so a VOG does not expire
  // while the person stays linked). Hers, and every huisgenoot's of 18 or over; one who turns 18
  // within the look-ahead is shown too, due by that birthday.
  add('vog', g.vogDatum, g.vogDatum === null ? vanaf : null);
  const volwassen: { h: KwaliteitHuisgenoot; vanaf: Datum }[] = [];
  for (const h of huisgenoten) {
    const achttien = achttienOp(h.geboortedatum);
    if (achttien > eindHorizon) continue;
    volwassen.push({ h, vanaf: maxDate(achttien, vanaf) });
    add('vog', h.vogDatum, h.vogDatum === null ? maxDate(achttien, vanaf) : null, { huisgenoot: h.naam });
  }

  if (!voorOpvang) {
    add('prk', null, g.prk ? null : vanaf);
    for (const { h, vanaf: sinds } of volwassen) add('prk', null, h.prk ? null : sinds, { huisgenoot: h.naam });
    add('diploma', null, g.diploma !== null && g.diploma.trim() !== '' ? null : vanaf);
    add('verzekering', null, tijdensOpvang(g.verzekeringTot));
  }
  return rows;
}

const ERNST: Record<PlichtStatus, number> = { 'te-laat': 0, binnenkort: 1, ok: 2 };

/** Most urgent first: te-laat before binnenkort before ok, then the earliest deadline (none last). */
export function vergelijkUrgentie(a: PlichtRij, b: PlichtRij): number {
  const s = ERNST[a.status] - ERNST[b.status];
  if (s !== 0) return s;
  const x = a.uiterlijk ?? '9999-99-99';
  const y = b.uiterlijk ?? '9999-99-99';
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The rows of many gastouders, grouped per gastouder, the groups most urgent first (by their most
 * urgent duty, then code), and within a group the most urgent duty first (stable: PLICHTEN order).
 */
export function sorteerPerGastouder(groepen: PlichtRij[][]): PlichtRij[] {
  const sorted = groepen.filter((rows) => rows.length > 0).map((rows) => [...rows].sort(vergelijkUrgentie));
  sorted.sort((a, b) => vergelijkUrgentie(a[0]!, b[0]!) || (a[0]!.gastouder < b[0]!.gastouder ? -1 : 1));
  return sorted.flat();
}
