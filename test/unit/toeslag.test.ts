// Which koppeling a month's row of the toeslag delivery names (begindatum, einddatum).
import { describe, expect, it } from 'vitest';
import { type KoppelingPeriode, koppelingIndex, koppelingVan } from '../../src/domain/toeslag.js';

const k = (start: string, eind: string | null, registratie = '111111111'): KoppelingPeriode => ({
  kind: 'K0001',
  gastouder: 'G0001',
  start,
  eind,
  registratie,
});

describe('koppelingVan', () => {
  const eerste = k('2025-01-01', '2026-03-14');
  const tweede = k('2026-03-15', null);
  const thuis = k('2026-03-01', '2026-03-31', '555555555');
  const index = koppelingIndex([tweede, thuis, eerste]);

  it('names the koppeling that runs in the month; of two under one LRK, both: the earliest start, open when one runs on', () => {
    expect(koppelingVan(index, 'K0001', 'G0001', '111111111', '2026-02')).toEqual({ start: '2025-01-01', eind: '2026-03-14' });
    // March has care under both: the row covers it all, also the days before the 15th.
    expect(koppelingVan(index, 'K0001', 'G0001', '111111111', '2026-03')).toEqual({ start: '2025-01-01', eind: null });
    expect(koppelingVan(index, 'K0001', 'G0001', '111111111', '2026-04')).toEqual({ start: '2026-03-15', eind: null });
    // Two that both end in the month: the later end.
    const beide = koppelingIndex([k('2026-05-01', '2026-06-10'), k('2026-06-12', '2026-06-20')]);
    expect(koppelingVan(beide, 'K0001', 'G0001', '111111111', '2026-06')).toEqual({ start: '2026-05-01', eind: '2026-06-20' });
  });

  it('takes only the koppelingen of the row’s registration (care at the ouder’s home has its own LRK)', () => {
    expect(koppelingVan(index, 'K0001', 'G0001', '555555555', '2026-03')).toEqual({ start: '2026-03-01', eind: '2026-03-31' });
    // No koppeling of the month under the row's LRK: the one that started last.
    expect(koppelingVan(index, 'K0001', 'G0001', '999999999', '2026-03')).toEqual({ start: '2026-03-15', eind: null });
  });

  it('falls back to the latest started before the month ended, or the first; none for an unknown pair', () => {
    const oud = koppelingIndex([k('2025-01-01', '2025-06-30'), k('2025-07-01', '2025-12-31')]);
    expect(koppelingVan(oud, 'K0001', 'G0001', '111111111', '2026-02')?.start).toBe('2025-07-01');
    expect(koppelingVan(oud, 'K0001', 'G0001', '111111111', '2024-12')?.start).toBe('2025-01-01');
    expect(koppelingVan(oud, 'K0002', 'G0001', '111111111', '2026-02')).toBeNull();
  });
});
