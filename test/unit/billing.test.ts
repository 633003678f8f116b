import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GefactureerdeRegel,
  type Bureaukosten,
  differenceRegels,
  perKind,
  type Factuurregel,
  schaalTarief,
  targetRegels,
  totaal,
  type Uren,
} from '../../src/domain/billing.js';
import { careAmount } from '../../src/domain/money.js';

const MAAND: Bureaukosten = { model: 'maand', eenKindCent: 2950, meerKinderenCent: 5750 };
const UUR: Bureaukosten = {
  model: 'uur',
  schaal: [
    { vanafUren: 0, tariefCent: 160 },
    { vanafUren: 80, tariefCent: 140 },
    { vanafUren: 160, tariefCent: 120 },
  ],
};
const u = (
  kind: string,
  gastouder: string,
  minuten: number,
  uurtariefCent = 795,
  ouder = 'O1',
  lrk: string | null = `LRK-${gastouder}`,
): Uren => ({
  ouder,
  kind,
  gastouder,
  minuten,
  uurtariefCent,
  lrk,
});
/** Lines as stored on invoice `factuur`. */
const on = (factuur: string, regels: Factuurregel[]): GefactureerdeRegel[] => regels.map((r) => ({ ...r, factuur }));
const minutenPerKind = (uren: Uren[]) => {
  const m = new Map<string, number>();
  for (const x of uren) m.set(x.kind, (m.get(x.kind) ?? 0) + x.minuten);
  return m;
};

describe('care lines', () => {
  it('one line per kind × gastouder × rate, rounded half up to the cent', async () => {
    const uren = [u('K1', 'G1', 600), u('K1', 'G1', 45), u('K2', 'G1', 61, 750)];
    const regels = targetRegels(uren, MAAND, minutenPerKind(uren)).filter((r) => r.soort === 'opvang');
    expect(regels).toEqual([
      { soort: 'opvang', kind: 'K1', gastouder: 'G1', minuten: 645, tariefCent: 795, bedragCent: 8546, lrk: 'LRK-G1' }, // 645 × 795 / 60 = 8546.25
      { soort: 'opvang', kind: 'K2', gastouder: 'G1', minuten: 61, tariefCent: 750, bedragCent: 763, lrk: 'LRK-G1' }, // 762.5 → 763
    ]);
  });
});

describe('bureau costs', () => {
  it('model maand: one child → een-kind, two or more → meer-kinderen, per ouder × gastouder', async () => {
    const one = [u('K1', 'G1', 600)];
    expect(targetRegels(one, MAAND, minutenPerKind(one)).at(-1)).toMatchObject({ soort: 'bureaukosten', kind: null, bedragCent: 2950 });
    const two = [u('K1', 'G1', 600), u('K2', 'G1', 60)];
    expect(targetRegels(two, MAAND, minutenPerKind(two)).filter((r) => r.soort === 'bureaukosten')).toEqual([
      { soort: 'bureaukosten', kind: null, gastouder: 'G1', minuten: 0, tariefCent: 5750, bedragCent: 5750, lrk: 'LRK-G1' },
    ]);
    const twoGastouders = [u('K1', 'G1', 600), u('K1', 'G2', 60)];
    expect(
      targetRegels(twoGastouders, MAAND, minutenPerKind(twoGastouders))
        .filter((r) => r.soort === 'bureaukosten')
        .map((r) => r.bedragCent),
    ).toEqual([2950, 2950]);
  });
  it.each([
    [79 * 60 + 59, 160],
    [80 * 60, 140],
    [159 * 60, 140],
    [160 * 60, 120],
  ])('model uur: %i minutes in the month → %i cent per hour for all of them', (minuten, tarief) => {
    expect(schaalTarief(UUR.model === 'uur' ? UUR.schaal : [], minuten)).toBe(tarief);
    const uren = [u('K1', 'G1', minuten)];
    const fee = targetRegels(uren, UUR, minutenPerKind(uren)).find((r) => r.soort === 'bureaukosten')!;
    expect(fee).toMatchObject({ kind: 'K1', tariefCent: tarief, bedragCent: careAmount(minuten, tarief) });
  });
  it('model uur: the scale counts the child’s hours at all gastouders', async () => {
    const uren = [u('K1', 'G1', 50 * 60), u('K1', 'G2', 40 * 60)];
    const fees = targetRegels(uren, UUR, minutenPerKind(uren)).filter((r) => r.soort === 'bureaukosten');
    expect(fees.map((f) => f.tariefCent)).toEqual([140, 140]);
  });
});

describe('per child for the kinderopvangtoeslag', () => {
  it('shares a monthly fee by minutes, to the cent, and gives the average hourly price', async () => {
    const uren = [u('K1', 'G1', 4245), u('K2', 'G1', 2760)];
    const overzicht = perKind(targetRegels(uren, MAAND, minutenPerKind(uren)));
    expect(overzicht.reduce((s, o) => s + o.kostenCent, 0)).toBe(totaal(targetRegels(uren, MAAND, minutenPerKind(uren))));
    expect(overzicht).toEqual([
      { kind: 'K1', minuten: 4245, kostenCent: 56246 + 3484, gemiddeldUurprijsCent: 844 },
      { kind: 'K2', minuten: 2760, kostenCent: 36570 + 2266, gemiddeldUurprijsCent: 844 },
    ]);
  });
});

describe('corrections', () => {
  it('bills only the difference; a line gone is credited; no difference, nothing', async () => {
    const first = [u('K1', 'G1', 600), u('K2', 'G1', 60)];
    const billed = on('2026-00001', targetRegels(first, MAAND, minutenPerKind(first)));
    expect(differenceRegels(billed, billed)).toEqual([]);
    const now = [u('K1', 'G1', 660)];
    const diff = differenceRegels(targetRegels(now, MAAND, minutenPerKind(now)), billed);
    const lrk = 'LRK-G1';
    expect(diff).toEqual([
      {
        soort: 'opvang',
        kind: 'K1',
        gastouder: 'G1',
        minuten: 60,
        tariefCent: 795,
        bedragCent: careAmount(660, 795) - careAmount(600, 795),
        lrk,
        correctieOp: '2026-00001',
      },
      {
        soort: 'opvang',
        kind: 'K2',
        gastouder: 'G1',
        minuten: -60,
        tariefCent: 795,
        bedragCent: -careAmount(60, 795),
        lrk,
        correctieOp: '2026-00001',
      },
      { soort: 'bureaukosten', kind: null, gastouder: 'G1', minuten: 0, tariefCent: 2950, bedragCent: 2950, lrk, correctieOp: null },
      {
        soort: 'bureaukosten',
        kind: null,
        gastouder: 'G1',
        minuten: 0,
        tariefCent: 5750,
        bedragCent: -5750,
        lrk,
        correctieOp: '2026-00001',
      },
    ]);
  });
  it('each correction line names the latest invoice with that line, not the latest of the ouder', async () => {
    // 00001 bills K1 and K2; 00003 corrects only K2; now K1 changes: its line corrects 00001.
    const first = [u('K1', 'G1', 600), u('K2', 'G1', 60)];
    const billed = on('2026-00001', targetRegels(first, MAAND, minutenPerKind(first)));
    const second = [u('K1', 'G1', 600), u('K2', 'G1', 120)];
    billed.push(...on('2026-00003', differenceRegels(targetRegels(second, MAAND, minutenPerKind(second)), billed)));
    expect(billed.filter((r) => r.factuur === '2026-00003').map((r) => [r.kind, r.correctieOp])).toEqual([['K2', '2026-00001']]);
    const third = [u('K1', 'G1', 540), u('K2', 'G1', 90)];
    const diff = differenceRegels(targetRegels(third, MAAND, minutenPerKind(third)), billed);
    expect(diff.map((r) => [r.kind, r.minuten, r.correctieOp])).toEqual([
      ['K1', -60, '2026-00001'],
      ['K2', -30, '2026-00003'],
    ]);
  });
  it('a credit is taken back from the invoices that billed it, the latest first: no line credits more than its invoice billed', async () => {
    const care = { soort: 'opvang' as const, kind: 'K1', gastouder: 'G1', tariefCent: 750, lrk: '111111111' };
    // 37:00 h on 2026-00001, 15:30 h more on correction 2026-00002; now the urenkaart says 1:00 h.
    const billed: GefactureerdeRegel[] = [
      { ...care, minuten: 2220, bedragCent: 27750, factuur: '2026-00001', correctieOp: null },
      { ...care, minuten: 930, bedragCent: 11625, factuur: '2026-00002', correctieOp: '2026-00001' },
    ];
    const credit = differenceRegels([{ ...care, minuten: 60, bedragCent: 750 }], billed);
    expect(credit).toEqual([
      expect.objectContaining({ minuten: -2160, bedragCent: -27000, correctieOp: '2026-00001' }),
      expect.objectContaining({ minuten: -930, bedragCent: -11625, correctieOp: '2026-00002' }),
    ]);
    expect(totaal(credit)).toBe(750 - 27750 - 11625);
    // A later credit counts against the invoice it took back from: 2026-00003 took 2:00 h of
    // 2026-00002's hours, so a further credit takes the remaining 13:30 h of 2026-00002 first.
    const after = [...billed, { ...care, minuten: -120, bedragCent: -1500, factuur: '2026-00003', correctieOp: '2026-00002' }];
    expect(differenceRegels([{ ...care, minuten: 2000, bedragCent: 25000 }], after)).toEqual([
      expect.objectContaining({ minuten: -220, bedragCent: -2750, correctieOp: '2026-00001' }),
      expect.objectContaining({ minuten: -810, bedragCent: -10125, correctieOp: '2026-00002' }),
    ]);
  });

  it('a line names the LRK it was given under: the koppeling’s for care at the ouder’s home', async () => {
    const uren = [u('K1', 'G1', 600), u('K2', 'G1', 60, 795, 'O1', '444444444')];
    const regels = targetRegels(uren, MAAND, minutenPerKind(uren));
    expect(regels.map((r) => [r.soort, r.kind, r.lrk])).toEqual([
      ['opvang', 'K1', 'LRK-G1'],
      ['opvang', 'K2', '444444444'],
      ['bureaukosten', null, '444444444, LRK-G1'],
    ]);
  });
});

describe('properties', () => {
  const urenArb = fc.array(
    fc.record({
      kind: fc.constantFrom('K1', 'K2', 'K3'),
      gastouder: fc.constantFrom('G1', 'G2'),
      minuten: fc.integer({ min: 1, max: 14000 }),
      uurtariefCent: fc.constantFrom(700, 795, 849),
    }),
    { maxLength: 8 },
  );
  const kostenArb = fc.constantFrom(MAAND, UUR);
  it('every invoice total is the sum of its lines, and every line is integer cents', async () => {
    fc.assert(
      fc.property(urenArb, kostenArb, (raw, kosten) => {
        const uren = raw.map((r) => ({ ...r, ouder: 'O1', lrk: null }));
        const regels = targetRegels(uren, kosten, minutenPerKind(uren));
        expect(totaal(regels)).toBe(regels.reduce((s, r) => s + r.bedragCent, 0));
        for (const r of regels) expect(Number.isSafeInteger(r.bedragCent)).toBe(true);
      }),
    );
  });
  it('for any sequence of imports and runs, the month’s invoices add up to what the current urenkaarten give', async () => {
    fc.assert(
      fc.property(fc.array(urenArb, { minLength: 1, maxLength: 6 }), kostenArb, (states, kosten) => {
        const invoices: GefactureerdeRegel[][] = [];
        let current: Uren[] = [];
        for (const raw of states) {
          current = raw.map((r) => ({ ...r, ouder: 'O1', lrk: null }));
          const diff = differenceRegels(targetRegels(current, kosten, minutenPerKind(current)), invoices.flat());
          if (diff.length > 0) invoices.push(on(`2026-${String(invoices.length + 1).padStart(5, '0')}`, diff));
        }
        const target = targetRegels(current, kosten, minutenPerKind(current));
        expect(totaal(invoices.flat())).toBe(totaal(target));
        // And line by line: nothing left to bill.
        expect(differenceRegels(target, invoices.flat())).toEqual([]);
      }),
    );
  });
});
