// The monthly delivery to Dienst Toeslagen (CONTRACT §8), as pure code over the year's figures of
// one ouder (jaarregels in jaaropgave.ts): one row per kind × gastouder × registration (LRK) ×
// month, with the same amounts the jaaropgave shows, and the findings `toeslag check` reports.
import { type Datum, firstOfMonth, lastOfMonth, type Maand } from './calendar.js';
import type { Jaarregel } from './jaaropgave.js';
import { uurprijs, urenMetDecimalen } from './jaaropgave.js';
import { type Cent, formatBedrag, formatEuro } from './money.js';
import { MAX_MINUTEN_PER_MAAND } from './urenkaart.js';
import { isValidBsn, maskBsn } from './values.js';

/** The columns of the delivery, in the order of CONTRACT §8. */
export const TOESLAG_KOLOMMEN = [
  'lrk-bureau',
  'kvk-bureau',
  'bsn-aanvrager',
  'naam-aanvrager',
  'geboortedatum-aanvrager',
  'bsn-partner',
  'bsn-kind',
  'naam-kind',
  'geboortedatum-kind',
  'lrk-opvang',
  'maand',
  'uren',
  'uurprijs',
  'bedrag',
  'begindatum',
  'einddatum',
] as const;

/** A koppeling as the delivery needs it: its period and the LRK of the registration its care falls under. */
export interface KoppelingPeriode {
  kind: string;
  gastouder: string;
  start: Datum;
  eind: Datum | null;
  /** The gastouder's LRK, or the koppeling's own for care at the ouder's home. */
  registratie: string | null;
}

export interface ToeslagRij {
  ouder: string;
  /** Null only for a bureau fee that no care of its month carries (see jaarregels). */
  kind: string | null;
  gastouder: string;
  lrk: string | null;
  maand: Maand;
  minuten: number;
  bedragCent: Cent;
  uurprijsCent: Cent | null;
  begindatum: Datum | null;
  einddatum: Datum | null;
}

const pairKey = (kind: string, gastouder: string) => `${kind}\u0000${gastouder}`;

/** Koppelingen by kind × gastouder, each list by start date: built once per delivery. */
export function koppelingIndex(koppelingen: Iterable<KoppelingPeriode>): Map<string, KoppelingPeriode[]> {
  const index = new Map<string, KoppelingPeriode[]>();
  for (const k of koppelingen) {
    const key = pairKey(k.kind, k.gastouder);
    const list = index.get(key);
    if (list) list.push(k);
    else index.set(key, [k]);
  }
  for (const list of index.values()) list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return index;
}

const GRENZEN = new Map<Maand, [Datum, Datum]>();

/** First and last day of a month, computed once per month (the delivery asks for them per row). */
function maandGrenzen(maand: Maand): [Datum, Datum] {
  let g = GRENZEN.get(maand);
  if (!g) {
    g = [firstOfMonth(maand), lastOfMonth(maand)];
    GRENZEN.set(maand, g);
  }
  return g;
}

/** The agreement period a row names: `begindatum` and `einddatum` (null: it runs on). */
export interface Periode {
  start: Datum;
  eind: Datum | null;
}

/**
 * The period a month's row names. Of the koppelingen of the kind × gastouder that run in the month
 * and are under the row's registration (care at the ouder's home has its own LRK), all together:
 * the earliest start, and the latest end, or none when one of them runs on. A child that changes
 * koppeling within a month at the same LRK has one row for the month, and its period must cover all
 * the month's care, also the days before the new koppeling began. When none of the month's
 * koppelingen is under the row's registration (the LRK was edited after invoicing), the one that
 * started last; when none runs in the month (its dates were edited after invoicing), the latest
 * that started before the month ended, or else the first, so that billed care never loses its
 * agreement; null only when the pair has no koppeling.
 */
export function koppelingVan(
  index: Map<string, KoppelingPeriode[]>,
  kind: string,
  gastouder: string,
  lrk: string | null,
  maand: Maand,
): Periode | null {
  const list = index.get(pairKey(kind, gastouder));
  if (!list) return null;
  const [van, tot] = maandGrenzen(maand);
  let samen: Periode | null = null;
  let laatste: KoppelingPeriode | null = null;
  let fallback: KoppelingPeriode | null = null;
  // The list is by start: the first that matches has the earliest start.
  for (const k of list) {
    if (k.start > tot) break;
    fallback = k;
    if (k.eind !== null && k.eind < van) continue;
    laatste = k;
    if (k.registratie !== lrk) continue;
    if (samen === null) samen = { start: k.start, eind: k.eind };
    else if (samen.eind !== null) samen.eind = k.eind === null || k.eind > samen.eind ? k.eind : samen.eind;
  }
  const k = samen ?? laatste ?? fallback ?? list[0]!;
  return { start: k.start, eind: k.eind };
}

/** One ouder's delivery rows from her year's figures, by kind (rows without a kind last), LRK, gastouder and month. */
export function toeslagRijen(ouder: string, regels: Jaarregel[], index: Map<string, KoppelingPeriode[]>): ToeslagRij[] {
  const rijen: ToeslagRij[] = [];
  for (const r of regels) {
    for (const m of r.maanden) {
      const k = r.kind === null ? null : koppelingVan(index, r.kind, r.gastouder, r.lrk, m.maand);
      rijen.push({
        ouder,
        kind: r.kind,
        gastouder: r.gastouder,
        lrk: r.lrk,
        maand: m.maand,
        minuten: m.minuten,
        bedragCent: m.bedragCent,
        uurprijsCent: uurprijs(m.bedragCent, m.minuten),
        begindatum: k?.start ?? null,
        einddatum: k?.eind ?? null,
      });
    }
  }
  return rijen.sort(compareRijen);
}

function compareRijen(a: ToeslagRij, b: ToeslagRij): number {
  const ka = a.kind ?? '\uffff';
  const kb = b.kind ?? '\uffff';
  if (ka !== kb) return ka < kb ? -1 : 1;
  const la = a.lrk ?? '';
  const lb = b.lrk ?? '';
  if (la !== lb) return la < lb ? -1 : 1;
  if (a.gastouder !== b.gastouder) return a.gastouder < b.gastouder ? -1 : 1;
  return a.maand < b.maand ? -1 : a.maand > b.maand ? 1 : 0;
}

export interface ToeslagBureau {
  lrk: string | null;
  kvk: string | null;
}
export interface ToeslagOuder {
  code: string;
  naam: string;
  geboortedatum: string | null;
  bsn: string | null;
  partner_naam: string | null;
  partner_bsn: string | null;
}
export interface ToeslagKind {
  code: string;
  naam: string;
  geboortedatum: string;
  bsn: string | null;
}

// The cells of a row, in the order of TOESLAG_KOLOMMEN, in three parts: the bureau and ouder's
// (the same for all her rows), the kind's, and the month's figures. What is unknown stays empty;
// BSNs in full: the file is for Dienst Toeslagen.

export function ouderCellen(bureau: ToeslagBureau, ouder: ToeslagOuder | undefined): string[] {
  return [bureau.lrk ?? '', bureau.kvk ?? '', ouder?.bsn ?? '', ouder?.naam ?? '', ouder?.geboortedatum ?? '', ouder?.partner_bsn ?? ''];
}

export function kindCellen(kind: ToeslagKind | undefined): string[] {
  return [kind?.bsn ?? '', kind?.naam ?? '', kind?.geboortedatum ?? ''];
}

export function rijCellen(rij: ToeslagRij): string[] {
  return [
    rij.lrk ?? '',
    rij.maand,
    urenMetDecimalen(rij.minuten),
    rij.uurprijsCent === null ? '' : formatBedrag(rij.uurprijsCent, { csv: true }),
    formatBedrag(rij.bedragCent, { csv: true }),
    rij.begindatum ?? '',
    rij.einddatum ?? '',
  ];
}

export type Soort =
  | 'lrk-bureau'
  | 'kvk-bureau'
  | 'bsn-aanvrager'
  | 'geboortedatum-aanvrager'
  | 'bsn-partner'
  | 'bsn-kind'
  | 'kind'
  | 'lrk-opvang'
  | 'uren'
  | 'uurprijs';

/** Only information: the delivery is complete without acting on it. */
export const INFORMATIEF: ReadonlySet<Soort> = new Set(['uurprijs']);

export interface Bevinding {
  soort: Soort;
  ouder: string | null;
  kind: string | null;
  /** The (first) month of the delivery it concerns; null for the bureau's own details. */
  maand: Maand | null;
  melding: string;
}

/**
 * What is missing or wrong in a delivery, collected row by row. A person's missing detail is one
 * finding (naming the first month it affects), not one per month: it is fixed once. Hours above
 * 230 and a price above the maximum are per kind (× registration) and month, as they happen.
 */
export class ToeslagControle {
  readonly bevindingen: Bevinding[] = [];
  private readonly gezien = new Set<string>();
  /** Minutes per `kind\0maand` over all gastouders (a plain number: a large bureau has 500,000 of them). */
  private readonly minutenPerKindMaand = new Map<string, number>();
  private readonly ouderVanKind = new Map<string, string>();
  readonly oudersZonderBsn = new Set<string>();
  readonly kinderenZonderBsn = new Set<string>();
  readonly ouders = new Set<string>();
  rijen = 0;

  constructor(
    bureau: ToeslagBureau,
    private readonly maximumCent: Cent | null,
    private readonly naam: { ouder(code: string): string; kind(code: string): string },
  ) {
    if (!bureau.lrk)
      this.add({
        soort: 'lrk-bureau',
        ouder: null,
        kind: null,
        maand: null,
        melding: "het LRK-nummer van het bureau ontbreekt; vul het in met 'gob bureau set --lrk …'",
      });
    if (!bureau.kvk)
      this.add({
        soort: 'kvk-bureau',
        ouder: null,
        kind: null,
        maand: null,
        melding: "het KvK-nummer van het bureau ontbreekt; vul het in met 'gob bureau set --kvk …'",
      });
  }

  private add(b: Bevinding) {
    this.bevindingen.push(b);
  }

  private once(key: string, b: () => Bevinding) {
    if (this.gezien.has(key)) return;
    this.gezien.add(key);
    this.add(b());
  }

  rij(rij: ToeslagRij, ouder: ToeslagOuder | undefined, kind: ToeslagKind | undefined): void {
    this.rijen++;
    this.ouders.add(rij.ouder);
    const o = rij.ouder;
    const wieOuder = `ouder ${o} (${this.naam.ouder(o)})`;
    const { maand } = rij;
    if (!ouder?.bsn || !isValidBsn(ouder.bsn)) {
      this.oudersZonderBsn.add(o);
      this.once(`bsn-aanvrager ${o}`, () => ({
        soort: 'bsn-aanvrager',
        ouder: o,
        kind: null,
        maand,
        melding: ouder?.bsn
          ? `${wieOuder}: BSN ${maskBsn(ouder.bsn)} klopt niet (elfproef); verbeter het met 'gob ouder edit ${o} --bsn …'`
          : `${wieOuder}: het BSN ontbreekt; vul het in met 'gob ouder edit ${o} --bsn …'`,
      }));
    }
    if (!ouder?.geboortedatum)
      this.once(`geboortedatum ${o}`, () => ({
        soort: 'geboortedatum-aanvrager',
        ouder: o,
        kind: null,
        maand,
        melding: `${wieOuder}: de geboortedatum ontbreekt; vul die in met 'gob ouder edit ${o} --geboortedatum …'`,
      }));
    if (ouder?.partner_bsn ? !isValidBsn(ouder.partner_bsn) : Boolean(ouder?.partner_naam))
      this.once(`bsn-partner ${o}`, () => ({
        soort: 'bsn-partner',
        ouder: o,
        kind: null,
        maand,
        melding: ouder?.partner_bsn
          ? `${wieOuder}: het BSN van de toeslagpartner (${maskBsn(ouder.partner_bsn)}) klopt niet (elfproef); verbeter het met 'gob ouder edit ${o} --partner-bsn …'`
          : `${wieOuder}: de toeslagpartner ${ouder?.partner_naam} heeft geen BSN; vul het in met 'gob ouder edit ${o} --partner-bsn …'`,
      }));
    if (rij.kind === null) {
      this.once(`kind ${o} ${rij.gastouder} ${maand}`, () => ({
        soort: 'kind',
        ouder: o,
        kind: null,
        maand,
        melding: `${wieOuder}: bureaukosten (gastouder ${rij.gastouder}) zonder opvang van een kind in ${maand}; die rij noemt geen kind`,
      }));
    } else {
      const k = rij.kind;
      const wieKind = `kind ${k} (${this.naam.kind(k)}) van ouder ${o}`;
      if (!kind?.bsn || !isValidBsn(kind.bsn)) {
        this.kinderenZonderBsn.add(k);
        this.once(`bsn-kind ${k}`, () => ({
          soort: 'bsn-kind',
          ouder: o,
          kind: k,
          maand,
          melding: kind?.bsn
            ? `${wieKind}: BSN ${maskBsn(kind.bsn)} klopt niet (elfproef); verbeter het met 'gob kind edit ${k} --bsn …'`
            : `${wieKind}: het BSN ontbreekt; vul het in met 'gob kind edit ${k} --bsn …'`,
        }));
      }
      const key = `${k}\u0000${maand}`;
      this.minutenPerKindMaand.set(key, (this.minutenPerKindMaand.get(key) ?? 0) + rij.minuten);
      this.ouderVanKind.set(k, o);
      if (rij.lrk === null)
        this.once(`lrk ${k} ${rij.gastouder}`, () => ({
          soort: 'lrk-opvang',
          ouder: o,
          kind: k,
          maand,
          melding: `${wieKind}: de opvang bij gastouder ${rij.gastouder} heeft geen LRK-nummer; vul het in met 'gob gastouder edit ${rij.gastouder} --lrk …'`,
        }));
      if (this.maximumCent !== null && rij.uurprijsCent !== null && rij.uurprijsCent > this.maximumCent)
        this.add({
          soort: 'uurprijs',
          ouder: o,
          kind: k,
          maand,
          melding: `${wieKind}, gastouder ${rij.gastouder}: gemiddelde uurprijs ${formatEuro(rij.uurprijsCent)} is hoger dan de maximale uurprijs ${formatEuro(this.maximumCent)}; de ouder krijgt over het verschil geen toeslag`,
        });
    }
  }

  /** Closes the month totals (hours above 230 per kind and month, over all gastouders) and returns every finding in order. */
  afronden(): Bevinding[] {
    for (const [key, minuten] of this.minutenPerKindMaand) {
      if (minuten <= MAX_MINUTEN_PER_MAAND) continue;
      const [kind, maand] = key.split('\u0000') as [string, Maand];
      const ouder = this.ouderVanKind.get(kind)!;
      this.add({
        soort: 'uren',
        ouder,
        kind,
        maand,
        melding: `kind ${kind} (${this.naam.kind(kind)}) van ouder ${ouder}: ${urenMetDecimalen(minuten)} uur in ${maand}, meer dan de 230 uur per maand die de kinderopvangtoeslag vergoedt`,
      });
    }
    this.minutenPerKindMaand.clear();
    // What must be fixed before the information; the bureau's own details first; then by ouder,
    // her own details before her children's, then kind and month.
    const orde = (b: Bevinding) =>
      `${INFORMATIEF.has(b.soort) ? 1 : 0}${b.ouder === null ? 0 : 1}\u0000${b.ouder ?? ''}\u0000${b.kind ?? ''}\u0000${b.maand ?? ''}`;
    const keyed = this.bevindingen.map((b) => ({ b, k: orde(b) }));
    keyed.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
    return keyed.map((x) => x.b);
  }
}
