import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocatePayment,
  correctieBetaaldOp,
  held,
  type OpenstaandePost,
  openUitbetalingen,
  planPayouts,
  type StornoKandidaat,
  stornoToewijzingen,
  teStorneren,
  type Zorgregel,
} from '../../src/domain/kas.js';

const post = (factuur: string, openCent: number, vervaldatum = '2026-11-17'): OpenstaandePost => ({ factuur, openCent, vervaldatum });

describe('allocating a payment', () => {
  it('pays the oldest due first, keeps the rest', async () => {
    expect(allocatePayment(1500, [post('2026-00002', 1000, '2026-12-01'), post('2026-00001', 1000, '2026-11-01')])).toEqual({
      allocations: [
        { factuur: '2026-00001', bedragCent: 1000 },
        { factuur: '2026-00002', bedragCent: 500 },
      ],
      restCent: 0,
    });
    expect(allocatePayment(2500, [post('2026-00001', 1000)]).restCent).toBe(1500);
  });
  it('the preferred invoice first', async () => {
    expect(
      allocatePayment(500, [post('2026-00001', 1000, '2026-11-01'), post('2026-00002', 1000, '2026-12-01')], '2026-00002').allocations,
    ).toEqual([{ factuur: '2026-00002', bedragCent: 500 }]);
  });
  it('sets off a credit invoice against what is paid', async () => {
    expect(allocatePayment(1000, [post('2026-00001', 1500), post('2026-00002', -500)])).toEqual({
      allocations: [
        { factuur: '2026-00001', bedragCent: 1500 },
        { factuur: '2026-00002', bedragCent: -500 },
      ],
      restCent: 0,
    });
    // With nothing to set it against, the credit stays open.
    expect(allocatePayment(300, [post('2026-00002', -500)])).toEqual({ allocations: [], restCent: 300 });
  });
  it('allocations plus remainder always equal the amount', async () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(
          fc.integer({ min: -50000, max: 50000 }).filter((n) => n !== 0),
          { maxLength: 6 },
        ),
        (amount, opens) => {
          const posts = opens.map((o, i) => post(`F${i}`, o));
          const { allocations, restCent } = allocatePayment(amount, posts);
          expect(allocations.reduce((s, a) => s + a.bedragCent, 0) + restCent).toBe(amount);
          expect(restCent).toBeGreaterThanOrEqual(0);
          for (const a of allocations) {
            const p = posts.find((x) => x.factuur === a.factuur)!;
            expect(Math.abs(a.bedragCent)).toBeLessThanOrEqual(Math.abs(p.openCent));
          }
        },
      ),
    );
  });
});

describe('payouts', () => {
  const line = (id: number, gastouder: string, bedragCent: number, betaaldOp: string | null, uitbetaald = false): Zorgregel => ({
    id,
    gastouder,
    factuur: `F${id}`,
    kind: 'K1',
    maand: '2026-10',
    minuten: 60,
    bedragCent,
    betaaldOp,
    uitbetaald,
  });
  it('one payout per gastouder of paid, not paid-out lines, with deadlines in werkdagen', async () => {
    const payouts = planPayouts(
      [line(1, 'G1', 1000, '2026-11-20'), line(2, 'G1', 500, null), line(3, 'G2', 700, '2026-11-18', true)],
      '2026-11-24',
      5,
    );
    expect(payouts).toEqual([
      { gastouder: 'G1', bedragCent: 1000, teLaat: false, regels: [expect.objectContaining({ id: 1, uiterlijk: '2026-11-27' })] },
    ]);
  });
  it('late after the deadline', async () => {
    expect(planPayouts([line(1, 'G1', 1000, '2026-11-20')], '2026-11-30', 5)[0]!.teLaat).toBe(true);
  });
  it('lines of one invoice that net to zero for a gastouder never make her payout late, nor give it a deadline', async () => {
    const nul = (id: number, bedragCent: number): Zorgregel => ({ ...line(id, 'G1', bedragCent, '2026-11-12'), factuur: 'C1' });
    const lines = [line(1, 'G1', 1000, '2026-11-24'), nul(2, -413), nul(3, 413)];
    expect(planPayouts(lines, '2026-11-25', 5)[0]).toMatchObject({ bedragCent: 1000, teLaat: false });
    expect(openUitbetalingen(lines, '2026-11-25', 5)).toEqual([
      { gastouder: 'G1', bedragCent: 1000, teVerrekenenCent: 0, uiterlijk: '2026-12-01' },
    ]);
    // A positive net on such an invoice is money for her: its deadline counts.
    expect(planPayouts([nul(2, -413), nul(3, 500)], '2026-11-25', 5)[0]).toMatchObject({ bedragCent: 87, teLaat: true });
  });
  it('a € 0,00 or credit invoice: a net loss counts at once, anything else waits for the money of the ouder it moves', async () => {
    expect(correctieBetaaldOp('2027-01-07', -100, [null])).toBe('2027-01-07');
    expect(correctieBetaaldOp('2027-01-07', 0, [null])).toBeNull();
    expect(correctieBetaaldOp('2027-01-07', 272, ['2027-01-18', '2026-12-10'])).toBe('2027-01-18');
    expect(correctieBetaaldOp('2027-01-07', 0, ['2026-12-10'])).toBe('2027-01-07');
    expect(correctieBetaaldOp('2027-01-07', 0, [])).toBe('2027-01-07');
  });
  it('a negative balance from a credit invoice carries over; a payout is never negative', async () => {
    expect(planPayouts([line(1, 'G1', -800, '2026-11-20'), line(2, 'G1', 500, '2026-11-20')], '2026-11-24', 5)).toEqual([]);
    const later = planPayouts(
      [line(1, 'G1', -800, '2026-11-20'), line(2, 'G1', 500, '2026-11-20'), line(3, 'G1', 600, '2026-12-18')],
      '2026-12-20',
      5,
    );
    expect(later).toEqual([expect.objectContaining({ gastouder: 'G1', bedragCent: 300 })]);
  });
  it('uitbetaling open: a negative net is 0 to pay and a positive amount to set off, without a deadline', async () => {
    const lines = [
      line(1, 'G1', -13875, '2026-11-25'),
      line(2, 'G2', 1000, '2026-11-20'),
      line(3, 'G2', -400, '2026-11-21'),
      line(4, 'G3', 500, '2026-12-01'),
    ];
    expect(openUitbetalingen(lines, '2026-11-25', 5)).toEqual([
      { gastouder: 'G1', bedragCent: 0, teVerrekenenCent: 13875, uiterlijk: null },
      { gastouder: 'G2', bedragCent: 600, teVerrekenenCent: 0, uiterlijk: '2026-11-27' },
    ]);
  });

  it('property: money held per gastouder is never negative over any sequence of invoices, payments, stornos and payouts', async () => {
    type Op =
      | { kind: 'invoice'; g: number; cent: number }
      | { kind: 'credit'; g: number; cent: number }
      | { kind: 'pay'; n: number }
      | { kind: 'storno'; n: number }
      | { kind: 'payout' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('invoice' as const), g: fc.nat(2), cent: fc.integer({ min: 1, max: 100000 }) }),
      fc.record({ kind: fc.constant('credit' as const), g: fc.nat(2), cent: fc.integer({ min: 1, max: 100000 }) }),
      fc.record({ kind: fc.constant('pay' as const), n: fc.nat(20) }),
      fc.record({ kind: fc.constant('storno' as const), n: fc.nat(20) }),
      fc.record({ kind: fc.constant('payout' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        // A small ledger: invoices with one care line each; an invoice is paid or not.
        const lines: Zorgregel[] = [];
        const paidOut = new Map<string, number>();
        let day = 1;
        for (const o of ops) {
          const date = `2026-${String(10 + Math.floor(day / 28)).padStart(2, '0')}-${String((day % 28) + 1).padStart(2, '0')}`;
          day++;
          if (o.kind === 'invoice')
            lines.push({
              id: lines.length,
              gastouder: `G${o.g}`,
              factuur: `F${lines.length}`,
              kind: 'K',
              maand: '2026-10',
              minuten: 60,
              bedragCent: o.cent,
              betaaldOp: null,
              uitbetaald: false,
            });
          if (o.kind === 'credit')
            lines.push({
              id: lines.length,
              gastouder: `G${o.g}`,
              factuur: `F${lines.length}`,
              kind: 'K',
              maand: '2026-10',
              minuten: -60,
              bedragCent: -o.cent,
              betaaldOp: date,
              uitbetaald: false,
            });
          if (o.kind === 'pay' && lines[o.n] && lines[o.n]!.bedragCent > 0) lines[o.n]!.betaaldOp ??= date;
          // A storno reopens an invoice; a line already paid out stays paid out.
          if (o.kind === 'storno' && lines[o.n] && lines[o.n]!.bedragCent > 0 && !lines[o.n]!.uitbetaald) lines[o.n]!.betaaldOp = null;
          if (o.kind === 'payout') {
            for (const p of planPayouts(lines, '2026-12-31', 5)) {
              expect(p.bedragCent).toBeGreaterThan(0);
              paidOut.set(p.gastouder, (paidOut.get(p.gastouder) ?? 0) + p.bedragCent);
              for (const r of p.regels) lines[r.id]!.uitbetaald = true;
            }
          }
          for (const g of ['G0', 'G1', 'G2']) {
            expect(held(lines, g)).toBeGreaterThanOrEqual(0);
            // Received (paid lines, credits once netted) minus paid out is exactly what is held.
            const received = lines
              .filter((l) => l.gastouder === g && l.betaaldOp !== null && (l.bedragCent > 0 || l.uitbetaald))
              .reduce((s, l) => s + l.bedragCent, 0);
            expect(received - (paidOut.get(g) ?? 0)).toBe(held(lines, g));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a storno: which payment, and what it undoes', () => {
  const k = (id: number, datum: string, opFactuurCent: number, soort: StornoKandidaat['soort'] = 'incasso'): StornoKandidaat => ({
    id,
    datum,
    soort,
    bedragCent: 10000,
    opFactuurCent,
  });

  it('reverses the latest payment that still holds money on the invoice: by date, then as booked', () => {
    expect(teStorneren([k(1, '2026-11-01', 5000), k(3, '2026-11-20', 5000), k(2, '2026-11-20', 5000)])?.id).toBe(3);
    expect(teStorneren([k(1, '2026-11-01', 5000), k(2, '2026-11-20', 0), k(3, '2026-11-25', -500)])?.id).toBe(1);
    expect(teStorneren([k(4, '2026-11-01', 0)])).toBeUndefined();
    expect(teStorneren([])).toBeUndefined();
  });

  it('undoes what the payment still holds per invoice, never more than is allocated there now', () => {
    expect(
      stornoToewijzingen('F1', [
        { factuur: 'F1', somCent: 6000, nettoCent: 9000 },
        { factuur: 'F2', somCent: 4000, nettoCent: 1500 },
        { factuur: 'F3', somCent: -2000, nettoCent: -500 },
        { factuur: 'F4', somCent: 1000, nettoCent: 0 },
      ]),
    ).toEqual([
      { factuur: 'F1', bedragCent: -6000 },
      { factuur: 'F2', bedragCent: -1500 },
      { factuur: 'F3', bedragCent: 500 },
    ]);
  });

  it('nothing to undo when the invoice holds nothing any more (an old whole-invoice storno took it back)', () => {
    expect(stornoToewijzingen('F1', [{ factuur: 'F1', somCent: 6000, nettoCent: 0 }])).toBeUndefined();
    expect(stornoToewijzingen('F1', [{ factuur: 'F2', somCent: 6000, nettoCent: 6000 }])).toBeUndefined();
  });

  it('undoes exactly what the payment allocated when nothing else changed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 6 }), (sommen) => {
        const posten = sommen.map((somCent, i) => ({ factuur: `F${i}`, somCent, nettoCent: somCent }));
        const undo = stornoToewijzingen('F0', posten)!;
        expect(undo.reduce((s, a) => s + a.bedragCent, 0)).toBe(-sommen.reduce((s, x) => s + x, 0));
      }),
    );
  });
});
