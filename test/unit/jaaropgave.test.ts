import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Bureaukosten, differenceRegels, type GefactureerdeRegel, targetRegels, type Uren } from '../../src/domain/billing.js';
import { type Jaarregelbron, jaarregels, urenMetDecimalen, uurprijs } from '../../src/domain/jaaropgave.js';

const care = (maand: string, kind: string, gastouder: string, minuten: number, bedragCent: number, lrk: string | null = `L${gastouder}`) =>
  ({ maand, soort: 'opvang', kind, gastouder, minuten, bedragCent, lrk }) as Jaarregelbron;
const fee = (maand: string, gastouder: string, bedragCent: number, kind: string | null = null, minuten = 0) =>
  ({ maand, soort: 'bureaukosten', kind, gastouder, minuten, bedragCent, lrk: `L${gastouder}` }) as Jaarregelbron;

describe('jaarregels: the year of one ouder from her invoice lines', () => {
  it('divides a monthly fee over the month’s children by minutes, a tie to the lowest kind code', () => {
    // 100 cent over two equal shares of 50,5: the odd cent to K1, whatever the order of the lines.
    const regels = jaarregels([care('2026-03', 'K2', 'G1', 60, 800), care('2026-03', 'K1', 'G1', 60, 800), fee('2026-03', 'G1', 101)]);
    expect(regels.map((r) => [r.kind, r.bedragCent])).toEqual([
      ['K1', 851],
      ['K2', 850],
    ]);
  });

  it('keeps a fee at the gastouder it was billed for, and an hourly fee with its own child', () => {
    const regels = jaarregels([
      care('2026-01', 'K1', 'G1', 120, 1600),
      care('2026-01', 'K1', 'G2', 60, 900),
      care('2026-01', 'K2', 'G2', 60, 900),
      fee('2026-01', 'G1', 320, 'K1', 120),
      fee('2026-01', 'G2', 160, 'K1', 60),
      fee('2026-01', 'G2', 160, 'K2', 60),
    ]);
    expect(regels.map((r) => [r.kind, r.gastouder, r.minuten, r.bedragCent])).toEqual([
      ['K1', 'G1', 120, 1920],
      ['K1', 'G2', 60, 1060],
      ['K2', 'G2', 60, 1060],
    ]);
  });

  it('never loses a cent: a fee whose care was credited, a fee with no care at all, an old line without LRK', () => {
    const regels = jaarregels(
      [
        care('2026-02', 'K1', 'G1', 60, 800),
        care('2026-02', 'K1', 'G1', -60, -800),
        fee('2026-02', 'G1', 2950),
        fee('2026-04', 'G3', 2950),
        care('2026-05', 'K1', 'G1', 30, 400, null),
      ],
      (g) => (g === 'G1' ? 'LG1' : null),
    );
    expect(regels).toEqual([
      {
        kind: 'K1',
        gastouder: 'G1',
        lrk: 'LG1',
        minuten: 30,
        bedragCent: 3350,
        uurprijsCent: 6700,
        maanden: [
          { maand: '2026-02', minuten: 0, bedragCent: 2950 },
          { maand: '2026-05', minuten: 30, bedragCent: 400 },
        ],
      },
      {
        kind: null,
        gastouder: 'G3',
        lrk: 'LG3',
        minuten: 0,
        bedragCent: 2950,
        uurprijsCent: null,
        maanden: [{ maand: '2026-04', minuten: 0, bedragCent: 2950 }],
      },
    ]);
  });

  it('gives the average price half a cent up, and hours with two decimals', () => {
    expect(uurprijs(32316, 1440)).toBe(1347);
    expect(uurprijs(100, 0)).toBeNull();
    expect([urenMetDecimalen(750), urenMetDecimalen(1), urenMetDecimalen(61), urenMetDecimalen(0)]).toEqual([
      '12,50',
      '0,02',
      '1,02',
      '0,00',
    ]);
  });
});

/** A month's hours of one ouder as the urenkaarten give them: per kind × gastouder, minutes. */
const KINDEREN = ['K1', 'K2', 'K3'];
const GASTOUDERS = ['G1', 'G2'];
const RATES: Record<string, number> = { G1: 795, G2: 850 };
const state = fc.array(
  fc.record({ kind: fc.constantFrom(...KINDEREN), gastouder: fc.constantFrom(...GASTOUDERS), minuten: fc.integer({ min: 1, max: 4000 }) }),
  { maxLength: 5 },
);
const kosten = fc.oneof(
  fc.record({
    model: fc.constant('maand' as const),
    eenKindCent: fc.integer({ min: 0, max: 9000 }),
    meerKinderenCent: fc.integer({ min: 0, max: 12000 }),
  }),
  fc.record({
    model: fc.constant('uur' as const),
    schaal: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 })).map(([a, b]) => [
      { vanafUren: 0, tariefCent: a },
      { vanafUren: 40, tariefCent: b },
    ]),
  }),
);

describe('property: a jaaropgave adds up to the invoices of the year, whatever corrections happened', () => {
  it('for any months, each invoiced and then corrected any number of times (fees changing between months)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            maand: fc.constantFrom('2026-01', '2026-06', '2026-12'),
            versies: fc.array(state, { minLength: 1, maxLength: 4 }),
            kosten,
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (maanden) => {
          const lines: Jaarregelbron[] = [];
          const invoiceTotals: number[] = [];
          const finalMinutes = new Map<string, number>();
          const frozen = new Map<string, Bureaukosten>();
          const billed = new Map<string, GefactureerdeRegel[]>();
          let n = 0;
          for (const { maand, versies, kosten: k } of maanden) {
            // A month keeps the fee settings it was first invoiced with.
            const instellingen = frozen.get(maand) ?? (k as Bureaukosten);
            frozen.set(maand, instellingen);
            for (const versie of versies) {
              const uren: Uren[] = versie.map((v) => ({ ouder: 'O1', ...v, uurtariefCent: RATES[v.gastouder]!, lrk: `L${v.gastouder}` }));
              const perKind = new Map<string, number>();
              for (const x of uren) perKind.set(x.kind, (perKind.get(x.kind) ?? 0) + x.minuten);
              const regels = differenceRegels(targetRegels(uren, instellingen, perKind), billed.get(maand) ?? []);
              if (regels.length === 0) continue;
              const nummer = `F${++n}`;
              billed.set(maand, [...(billed.get(maand) ?? []), ...regels.map((r) => ({ ...r, factuur: nummer }))]);
              invoiceTotals.push(regels.reduce((s, r) => s + r.bedragCent, 0));
              for (const r of regels)
                lines.push({
                  maand,
                  soort: r.soort,
                  kind: r.kind,
                  gastouder: r.gastouder,
                  minuten: r.minuten,
                  bedragCent: r.bedragCent,
                  lrk: r.lrk ?? null,
                });
            }
            for (const key of [...finalMinutes.keys()]) if (key.startsWith(`${maand}|`)) finalMinutes.delete(key);
            for (const v of versies.at(-1)!)
              finalMinutes.set(
                `${maand}|${v.kind}|${v.gastouder}`,
                (finalMinutes.get(`${maand}|${v.kind}|${v.gastouder}`) ?? 0) + v.minuten,
              );
          }
          const regels = jaarregels(lines);
          const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
          // To the cent: the year equals the invoices, and each line equals its months.
          expect(sum(regels.map((r) => r.bedragCent))).toBe(sum(invoiceTotals));
          for (const r of regels) {
            expect(sum(r.maanden.map((m) => m.bedragCent))).toBe(r.bedragCent);
            expect(sum(r.maanden.map((m) => m.minuten))).toBe(r.minuten);
            // Minutes are what the last urenkaarten of each month say, never a fee's.
            for (const m of r.maanden) expect(m.minuten).toBe(finalMinutes.get(`${m.maand}|${r.kind}|${r.gastouder}`) ?? 0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
