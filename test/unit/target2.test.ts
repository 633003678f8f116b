import { describe, expect, it } from 'vitest';
import { isTarget2Dag, target2OpOfNa, target2Sluiting, volgendeTarget2Dag } from '../../src/domain/target2.js';

describe('TARGET2 days', () => {
  it.each([
    ['2026-11-20', null], // a Friday
    ['2026-11-21', 'een zaterdag'],
    ['2026-11-22', 'een zondag'],
    ['2026-01-01', 'Nieuwjaarsdag'],
    ['2026-04-03', 'Goede Vrijdag'],
    ['2026-04-06', 'Tweede Paasdag'],
    ['2026-05-01', '1 mei'],
    ['2026-12-25', 'Eerste Kerstdag'],
    ['2026-12-26', 'een zaterdag'], // Tweede Kerstdag 2026 is a Saturday
    ['2025-12-26', 'Tweede Kerstdag'],
    ['2025-04-18', 'Goede Vrijdag'],
    ['2025-04-21', 'Tweede Paasdag'],
    ['2027-03-26', 'Goede Vrijdag'],
    ['2027-03-29', 'Tweede Paasdag'],
    // Dutch holidays that are TARGET2 days: Koningsdag, 5 mei, Hemelvaart, Tweede Pinksterdag.
    ['2026-04-27', null],
    ['2026-05-05', null],
    ['2026-05-14', null],
    ['2026-05-25', null],
    ['2024-12-31', null],
  ])('%s: %s', (date, reason) => {
    expect(target2Sluiting(date)).toBe(reason);
    expect(isTarget2Dag(date)).toBe(reason === null);
  });
  it.each([
    ['2026-11-20', '2026-11-20', '2026-11-23'],
    ['2026-11-21', '2026-11-23', '2026-11-23'],
    ['2026-04-02', '2026-04-02', '2026-04-07'], // Thursday before Easter: next is after Easter Monday
    ['2026-12-24', '2026-12-24', '2026-12-28'],
    ['2026-12-31', '2026-12-31', '2027-01-04'], // 1 January 2027 is a Friday
  ])('from %s: on or after %s, strictly after %s', (date, onOrAfter, after) => {
    expect(target2OpOfNa(date)).toBe(onOrAfter);
    expect(volgendeTarget2Dag(date)).toBe(after);
  });
});
