// The rows of one month's toeslag delivery, shared by `toeslag export` (which writes them) and
// `toeslag check` (which says what is missing in them), so that the check sees exactly the file.
import type { Maand } from '../../domain/calendar.js';
import { jaarregels } from '../../domain/jaaropgave.js';
import {
  type KoppelingPeriode,
  koppelingIndex,
  type ToeslagBureau,
  type ToeslagKind,
  type ToeslagOuder,
  type ToeslagRij,
  toeslagRijen,
} from '../../domain/toeslag.js';
import type { Db } from '../../db/open.js';
import { getBureau } from '../../db/repo/bureau.js';
import { uninvoicedMonths, yearLines } from '../../db/repo/jaaropgave.js';
import { countInvoices, toeslagNames } from '../../db/repo/toeslag.js';
import { Refused } from '../../errors.js';

export interface Levering {
  maand: Maand;
  van: Maand;
  bureau: ToeslagBureau;
  ouders: Map<string, ToeslagOuder>;
  kinderen: Map<string, ToeslagKind>;
  /** Months of the delivery with urenkaarten but no invoice at all: their care is not in it. */
  nietGefactureerd: Maand[];
  /** The rows, one ouder at a time in code order (a generator: a large bureau's year is never all in memory). */
  perOuder(): Generator<ToeslagRij[]>;
}

/**
 * Everything a delivery needs, loaded once. Refused when no month of the year up to `maand` has
 * an invoice: an empty file would look like a delivery of nothing.
 */
export async function openLevering(db: Db, maand: Maand): Promise<Levering> {
  const van: Maand = `${maand.slice(0, 4)}-01`;
  if ((await countInvoices(db, van, maand)) === 0) {
    throw new Refused(
      `Er zijn nog geen facturen over ${van} t/m ${maand}: de levering komt uit de facturen. Factureer eerst met 'gob factuur run --maand ${maand}' (en de maanden daarvoor).`,
    );
  }
  const [bureau, names, nietGefactureerd, jaar] = await Promise.all([
    getBureau(db),
    toeslagNames(db),
    uninvoicedMonths(db, van, maand),
    yearLines(db, van, maand),
  ]);
  const gastouderLrk = new Map(names.gastouders.map((g) => [g.code, g.lrk]));
  const index = koppelingIndex(
    names.koppelingen.map(
      (k): KoppelingPeriode => ({
        kind: k.kind,
        gastouder: k.gastouder,
        start: k.start,
        eind: k.eind,
        registratie: k.opvanglocatie === 'ouder' ? k.lrk : (gastouderLrk.get(k.gastouder) ?? null),
      }),
    ),
  );
  const standaardLrk = (gastouder: string) => gastouderLrk.get(gastouder) ?? null;
  return {
    maand,
    van,
    bureau: { lrk: bureau.lrk, kvk: bureau.kvk },
    ouders: new Map(names.ouders.map((o) => [o.code, o])),
    kinderen: new Map(names.kinderen.map((k) => [k.code, k])),
    nietGefactureerd,
    *perOuder() {
      for (const { ouder, lines } of jaar) {
        // Decided: a month credited to zero keeps its row, with 0 hours and € 0,00, for every
        // ouder × kind × LRK that had invoice lines in it. An earlier delivery may have had its
        // hours, and Dienst Toeslagen corrects a row only when it gets one: a row left out would
        // leave the old hours standing. (The jaaropgave leaves such months out.)
        const rijen = toeslagRijen(ouder, jaarregels(lines, standaardLrk, { nulMaanden: true }), index);
        if (rijen.length > 0) yield rijen;
      }
    },
  };
}

/** The warning for months whose care is not invoiced yet (so not in the delivery). */
export function nietGefactureerdMelding(levering: Levering): string | null {
  const m = levering.nietGefactureerd;
  if (m.length === 0) return null;
  return `Let op: ${m.length === 1 ? `maand ${m[0]} heeft` : `de maanden ${m.join(', ')} hebben`} urenkaarten maar nog geen factuur; die opvang staat niet in de levering. Factureer met 'gob factuur run --maand ${m[0]}'.`;
}
