// Agreed hours (CONTRACT §9 "Absence"), the pure part: agreed minutes per date, what excuses
// them, and how the `afgesproken` lines go through the invoice lines, corrections and fees.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Afspraak,
  type Afwezigheid,
  afgesprokenDagen,
  afgesprokenMinuten,
  afgesprokenOp,
  eersteVerontschuldigd,
  overlapt,
  verontschuldigd,
} from '../../src/domain/afgesproken.js';
import {
  type Bureaukosten,
  differenceRegels,
  type Factuurregel,
  type GefactureerdeRegel,
  perKind,
  targetRegels,
  type Uren,
} from '../../src/domain/billing.js';
import { addDays, addMonths, type Dag, DAGEN, weekday } from '../../src/domain/calendar.js';
import { careAmount } from '../../src/domain/money.js';
import { perKindVoor9, targetRegelsVoor9 } from './billing-voor-9.js';

const MAAND: Bureaukosten = { model: 'maand', eenKindCent: 2950, meerKinderenCent: 5750 };
const UUR: Bureaukosten = { model: 'uur', schaal: [{ vanafUren: 0, tariefCent: 160 }] };

// October 2026: the 1st is a Thursday; Tuesdays 6, 13, 20, 27.
const AFSPRAAK: Afspraak = {
  kind: 'K1',
  gastouder: 'G1',
  start: '2026-10-01',
  eind: null,
  rooster: [{ dag: 'di', van: '08:00', tot: '13:00', vanaf: null, totEnMet: null }],
};
const kindAf = (van: string, totEnMet: string, soort: Afwezigheid['soort'], gemeld: string): Afwezigheid => ({
  kind: 'K1',
  gastouder: null,
  van,
  totEnMet,
  soort,
  gemeld,
});

describe('agreed minutes per date', () => {
  it('counts the rooster entries of the weekday, within the koppeling and the entry weeks', () => {
    const a: Afspraak = {
      ...AFSPRAAK,
      start: '2026-10-07',
      eind: '2026-10-28',
      rooster: [
        { dag: 'di', van: '08:00', tot: '13:00', vanaf: null, totEnMet: null },
        { dag: 'di', van: '14:00', tot: '24:00', vanaf: '2026-10-20', totEnMet: null },
        { dag: 'wo', van: '08:00', tot: '12:30', vanaf: null, totEnMet: '2026-10-14' },
      ],
    };
    expect(afgesprokenOp(a, '2026-10-06')).toBe(0); // before the start (c)
    expect(afgesprokenOp(a, '2026-10-07')).toBe(270);
    expect(afgesprokenOp(a, '2026-10-13')).toBe(300);
    expect(afgesprokenOp(a, '2026-10-20')).toBe(300 + 600);
    expect(afgesprokenOp(a, '2026-10-21')).toBe(0); // after the entry's tot-en-met
    expect(afgesprokenOp(a, '2026-10-27')).toBe(900);
    expect(afgesprokenOp(a, '2026-11-03')).toBe(0); // after the end (c)
  });

  it('bills the shortfall of a date not excused; a partial day bills the rest', () => {
    const gewerkt = new Map([
      ['2026-10-13', 300],
      ['2026-10-20', 180], // 3 of 5 agreed hours: 2 hours afgesproken
      ['2026-10-27', 360], // more than agreed: nothing on top
    ]);
    const dagen = afgesprokenDagen(AFSPRAAK, '2026-10', '2026-10-31', (d) => gewerkt.get(d) ?? 0, [], 14);
    expect(dagen.map((d) => [d.datum, d.minuten])).toEqual([
      ['2026-10-06', 300],
      ['2026-10-13', 0],
      ['2026-10-20', 120],
      ['2026-10-27', 0],
    ]);
    // A date not over yet (from the invoice date on) is not billed as agreed.
    expect(afgesprokenMinuten(AFSPRAAK, '2026-10', '2026-10-19', (d) => gewerkt.get(d) ?? 0, [], 14)).toBe(300);
  });

  it('an absence of the kind excuses only when reported afmeldtermijn days ahead; a holiday two months ahead', () => {
    const d = '2026-10-20';
    expect(verontschuldigd('K1', 'G1', d, [kindAf(d, d, 'ziek', '2026-10-06')], 14)).toBe(true); // 14 days: in time
    expect(verontschuldigd('K1', 'G1', d, [kindAf(d, d, 'ziek', '2026-10-07')], 14)).toBe(false); // 13 days: late
    expect(verontschuldigd('K1', 'G1', d, [kindAf(d, d, 'ziek', d)], 0)).toBe(true); // afmeldtermijn 0: on the day
    expect(verontschuldigd('K1', 'G1', d, [kindAf(d, d, 'vakantie', '2026-08-20')], 14)).toBe(true);
    expect(verontschuldigd('K1', 'G1', d, [kindAf(d, d, 'vakantie', '2026-08-21')], 14)).toBe(false); // a day short of 2 months
    // Two months before 28 February is 28 December: 31 December is too late for it.
    expect(verontschuldigd('K1', 'G1', '2027-02-28', [kindAf('2027-02-28', '2027-02-28', 'vakantie', '2026-12-31')], 14)).toBe(false);
    expect(verontschuldigd('K1', 'G1', '2027-03-01', [kindAf('2027-03-01', '2027-03-01', 'vakantie', '2026-12-31')], 14)).toBe(true);
    // Another kind's absence, or a date outside it, excuses nothing.
    expect(verontschuldigd('K2', 'G1', d, [kindAf(d, d, 'ziek', '2026-01-01')], 14)).toBe(false);
    expect(verontschuldigd('K1', 'G1', '2026-10-21', [kindAf(d, d, 'ziek', '2026-01-01')], 14)).toBe(false);
  });

  it("the gastouder's absence excuses her children, however late it was reported", () => {
    const g: Afwezigheid = { kind: null, gastouder: 'G1', van: '2026-10-20', totEnMet: '2026-10-20', soort: 'ziek', gemeld: '2026-10-20' };
    expect(verontschuldigd('K1', 'G1', '2026-10-20', [g], 14)).toBe(true);
    expect(verontschuldigd('K1', 'G2', '2026-10-20', [g], 14)).toBe(false);
    expect(eersteVerontschuldigd(g, 14)).toBe('2026-10-20');
  });

  it('eersteVerontschuldigd: the first date the report came in time for', () => {
    expect(eersteVerontschuldigd(kindAf('2026-10-20', '2026-10-30', 'overig', '2026-10-10'), 14)).toBe('2026-10-24');
    expect(eersteVerontschuldigd(kindAf('2026-10-20', '2026-10-22', 'overig', '2026-10-10'), 14)).toBeNull();
    expect(eersteVerontschuldigd(kindAf('2026-10-20', '2026-10-22', 'overig', '2026-10-01'), 14)).toBe('2026-10-20');
  });

  it('overlap: the same kind or the same gastouder sharing a date', () => {
    const a = kindAf('2026-10-20', '2026-10-22', 'ziek', '2026-10-20');
    expect(overlapt(a, kindAf('2026-10-22', '2026-10-25', 'ziek', '2026-10-20'))).toBe(true);
    expect(overlapt(a, kindAf('2026-10-23', '2026-10-25', 'ziek', '2026-10-20'))).toBe(false);
    expect(overlapt(a, { ...a, kind: 'K2' })).toBe(false);
    expect(overlapt(a, { ...a, kind: null, gastouder: 'G1' })).toBe(false);
  });
});

const uren = (kind: string, gastouder: string, minuten: number, uurtariefCent = 795): Uren => ({
  ouder: 'O1',
  kind,
  gastouder,
  minuten,
  uurtariefCent,
  lrk: `LRK-${gastouder}`,
});
const asBilled = (regels: Factuurregel[], factuur: string): GefactureerdeRegel[] => regels.map((r) => ({ ...r, factuur }));

describe('afgesproken lines', () => {
  it('are one line per kind × gastouder × rate, priced like care, after the care line', () => {
    const regels = targetRegels([uren('K1', 'G1', 600)], MAAND, new Map([['K1', 900]]), [uren('K1', 'G1', 300)]);
    expect(regels.map((r) => [r.soort, r.kind, r.minuten, r.tariefCent, r.bedragCent, r.lrk])).toEqual([
      ['opvang', 'K1', 600, 795, 7950, 'LRK-G1'],
      ['afgesproken', 'K1', 300, 795, 3975, 'LRK-G1'],
      ['bureaukosten', null, 0, 2950, 2950, 'LRK-G1'],
    ]);
    // The toeslag overview counts them as care: hours and cost.
    expect(perKind(regels)).toEqual([{ kind: 'K1', minuten: 900, kostenCent: 7950 + 3975 + 2950, gemiddeldUurprijsCent: 992 }]);
  });

  it('count as care for the fees: a child with only agreed hours has care (maand), and their minutes carry the hourly fee (uur)', () => {
    const maand = targetRegels([uren('K1', 'G1', 600)], MAAND, new Map(), [uren('K2', 'G1', 300)]);
    expect(maand.find((r) => r.soort === 'bureaukosten')!.bedragCent).toBe(5750); // two children
    const uur = targetRegels([uren('K1', 'G1', 600)], UUR, new Map([['K1', 900]]), [uren('K1', 'G1', 300)]);
    const fee = uur.find((r) => r.soort === 'bureaukosten')!;
    expect([fee.minuten, fee.bedragCent]).toEqual([900, careAmount(900, 160)]);
  });

  it('without agreed hours the lines are exactly those of before §9', () => {
    const a = targetRegels([uren('K1', 'G1', 600), uren('K2', 'G1', 125, 800)], MAAND, new Map());
    const b = targetRegels([uren('K1', 'G1', 600), uren('K2', 'G1', 125, 800)], MAAND, new Map(), []);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.every((r) => r.soort !== 'afgesproken')).toBe(true);
  });

  it('a correction after an absence is entered late credits the agreed hours it now excuses, naming the invoice', () => {
    const eerst = targetRegels([uren('K1', 'G1', 600)], MAAND, new Map(), [uren('K1', 'G1', 600)]);
    const billed = asBilled(eerst, '2026-00001');
    const na = targetRegels([uren('K1', 'G1', 600)], MAAND, new Map(), [uren('K1', 'G1', 300)]);
    expect(differenceRegels(na, billed)).toEqual([
      {
        soort: 'afgesproken',
        kind: 'K1',
        gastouder: 'G1',
        minuten: -300,
        tariefCent: 795,
        bedragCent: -3975,
        lrk: 'LRK-G1',
        correctieOp: '2026-00001',
      },
    ]);
    // The whole line excused: the line is credited in full; removing the absence again bills it anew.
    const geen = targetRegels([uren('K1', 'G1', 600)], MAAND, new Map(), []);
    const credit = differenceRegels(geen, billed);
    expect(credit.map((r) => [r.soort, r.minuten, r.bedragCent, r.correctieOp])).toEqual([['afgesproken', -600, -7950, '2026-00001']]);
    const weer = differenceRegels(eerst, [...billed, ...asBilled(credit, '2026-00002')]);
    expect(weer.map((r) => [r.soort, r.minuten, r.bedragCent, r.correctieOp])).toEqual([['afgesproken', 600, 7950, '2026-00002']]);
  });
});

describe('property: billed minutes = Σ per date max(actual, agreed − excused)', () => {
  const dagArb = fc.constantFrom<Dag>(...DAGEN);
  const tijdArb = fc.integer({ min: 0, max: 47 }).map((h) => h * 30);
  const blokArb = fc
    .tuple(
      dagArb,
      tijdArb,
      fc.integer({ min: 1, max: 16 }),
      fc.option(fc.integer({ min: 0, max: 40 })),
      fc.option(fc.integer({ min: 0, max: 40 })),
    )
    .map(([dag, van, lengte, vanaf, tot]) => {
      const t = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return {
        dag,
        van: t(van),
        tot: t(Math.min(1440, van + lengte * 30)),
        vanaf: vanaf === null ? null : addDays('2026-09-20', vanaf),
        totEnMet: tot === null ? null : addDays('2026-10-05', tot),
      };
    });
  const afwezigArb = fc
    .tuple(
      fc.boolean(),
      fc.integer({ min: -5, max: 35 }),
      fc.integer({ min: 0, max: 10 }),
      fc.constantFrom<Afwezigheid['soort']>('ziek', 'vakantie', 'overig'),
      fc.integer({ min: 0, max: 120 }),
    )
    .map(
      ([vanGastouder, start, lengte, soort, eerder]): Afwezigheid => ({
        kind: vanGastouder ? null : 'K1',
        gastouder: vanGastouder ? 'G1' : null,
        van: addDays('2026-10-01', start),
        totEnMet: addDays('2026-10-01', start + lengte),
        soort,
        gemeld: addDays('2026-10-01', start - eerder),
      }),
    );
  const gewerktArb = fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 31, maxLength: 31 });

  it('holds for random roosters, urenkaarten, absences and afmeldtermijnen, through the invoice lines', () => {
    fc.assert(
      fc.property(
        fc.array(blokArb, { maxLength: 4 }),
        gewerktArb,
        fc.array(afwezigArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -3, max: 5 }),
        fc.option(fc.integer({ min: 0, max: 40 })),
        (rooster, perDag, afwezig, afmeldtermijn, startOffset, eindOffset) => {
          const afspraak: Afspraak = {
            kind: 'K1',
            gastouder: 'G1',
            start: addDays('2026-10-01', startOffset),
            eind: eindOffset === null ? null : addDays('2026-10-01', eindOffset),
            rooster,
          };
          const gewerkt = (d: string) => perDag[Number(d.slice(8, 10)) - 1]!;
          // The oracle, written out per date from §9's words.
          let verwacht = 0;
          let actual = 0;
          for (let d = '2026-10-01'; d <= '2026-10-31'; d = addDays(d, 1)) {
            actual += gewerkt(d);
            const binnen = d >= afspraak.start && (afspraak.eind === null || d <= afspraak.eind);
            const agreed = binnen
              ? rooster
                  .filter((r) => r.dag === weekday(d) && (r.vanaf === null || d >= r.vanaf) && (r.totEnMet === null || d <= r.totEnMet))
                  .reduce(
                    (s, r) =>
                      s +
                      (Number(r.tot.slice(0, 2)) * 60 + Number(r.tot.slice(3)) - Number(r.van.slice(0, 2)) * 60 - Number(r.van.slice(3))),
                    0,
                  )
              : 0;
            const excused = afwezig.some(
              (a) =>
                d >= a.van &&
                d <= a.totEnMet &&
                (a.gastouder === 'G1' || (a.soort === 'vakantie' ? a.gemeld <= addMonths(d, -2) : addDays(a.gemeld, afmeldtermijn) <= d)),
            );
            verwacht += Math.max(gewerkt(d), agreed - (excused ? agreed : 0));
          }
          const extra = afgesprokenMinuten(afspraak, '2026-10', '2026-10-31', gewerkt, afwezig, afmeldtermijn);
          const regels = targetRegels(
            actual > 0 ? [uren('K1', 'G1', actual)] : [],
            MAAND,
            new Map(),
            extra > 0 ? [uren('K1', 'G1', extra)] : [],
          );
          const billed = regels.filter((r) => r.soort !== 'bureaukosten').reduce((s, r) => s + r.minuten, 0);
          expect(billed).toBe(verwacht);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: with afgesproken-uren off, the invoice lines are those of before §9', () => {
  const urenArb = fc.array(
    fc.record({
      kind: fc.constantFrom('K1', 'K2', 'K3'),
      gastouder: fc.constantFrom('G1', 'G2'),
      minuten: fc.integer({ min: -600, max: 14000 }),
      uurtariefCent: fc.constantFrom(700, 795, 849),
      lrk: fc.constantFrom(null, '111111111', '222222222'),
    }),
    { maxLength: 8 },
  );
  const kostenArb = fc.constantFrom<Bureaukosten>(MAAND, UUR, {
    model: 'uur',
    schaal: [
      { vanafUren: 0, tariefCent: 160 },
      { vanafUren: 80, tariefCent: 140 },
    ],
  });
  it('targetRegels and perKind give the same bytes as the frozen pre-§9 copy', () => {
    fc.assert(
      fc.property(urenArb, kostenArb, (raw, kosten) => {
        const uren: Uren[] = raw.map((r) => ({ ...r, ouder: 'O1' }));
        const perKindMinuten = new Map<string, number>();
        for (const x of uren) perKindMinuten.set(x.kind, (perKindMinuten.get(x.kind) ?? 0) + x.minuten);
        const nu = targetRegels(uren, kosten, perKindMinuten);
        expect(JSON.stringify(nu)).toBe(JSON.stringify(targetRegelsVoor9(uren, kosten, perKindMinuten)));
        expect(JSON.stringify(perKind(nu))).toBe(JSON.stringify(perKindVoor9(nu)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: corrections of agreed hours add up', () => {
  const stateArb = fc.record({
    opvang: fc.array(fc.record({ kind: fc.constantFrom('K1', 'K2'), minuten: fc.integer({ min: 0, max: 3000 }) }), { maxLength: 3 }),
    afgesproken: fc.array(fc.record({ kind: fc.constantFrom('K1', 'K2'), minuten: fc.integer({ min: 0, max: 3000 }) }), {
      maxLength: 3,
    }),
  });
  it('after any sequence of absences added and removed, the invoices together bill what the month gives now, and no credit takes back more than its invoice billed', () => {
    fc.assert(
      fc.property(fc.array(stateArb, { minLength: 1, maxLength: 5 }), fc.constantFrom(MAAND, UUR), (states, kosten) => {
        const invoices: GefactureerdeRegel[][] = [];
        let target: Factuurregel[] = [];
        for (const s of states) {
          const opvang = s.opvang.map((x) => uren(x.kind, 'G1', x.minuten));
          const afgesproken = s.afgesproken.map((x) => uren(x.kind, 'G1', x.minuten));
          const m = new Map<string, number>();
          for (const x of [...opvang, ...afgesproken]) m.set(x.kind, (m.get(x.kind) ?? 0) + x.minuten);
          target = targetRegels(opvang, kosten, m, afgesproken);
          const diff = differenceRegels(target, invoices.flat());
          if (diff.length > 0) invoices.push(asBilled(diff, `2026-${String(invoices.length + 1).padStart(5, '0')}`));
        }
        expect(differenceRegels(target, invoices.flat())).toEqual([]);
        // Per invoice and afgesproken line: what the credits that name it took back is at most what it billed.
        for (const f of invoices) {
          for (const r of f.filter((x) => x.soort === 'afgesproken' && x.minuten > 0)) {
            const terug = invoices
              .flat()
              .filter((c) => c.correctieOp === r.factuur && c.soort === 'afgesproken' && c.kind === r.kind && c.minuten < 0)
              .reduce((s, c) => s + c.minuten, 0);
            expect(-terug).toBeLessThanOrEqual(r.minuten);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
