import { describe, expect, it } from 'vitest';
import { addWerkdagen, easter, feestdagen, isWerkdag } from '../../src/domain/werkdagen.js';

describe('Easter', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
  ])('%i: %s', (year, date) => expect(easter(year)).toBe(date));
});

describe('holidays of the Algemene termijnenwet, 2024–2030', () => {
  const expected: Record<number, string[]> = {
    2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-04-27', '2024-05-05', '2024-05-09', '2024-05-20', '2024-12-25', '2024-12-26'],
    2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26'],
    2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-26'],
    2028: ['2028-01-01', '2028-04-14', '2028-04-17', '2028-04-27', '2028-05-05', '2028-05-25', '2028-06-05', '2028-12-25', '2028-12-26'],
    2029: ['2029-01-01', '2029-03-30', '2029-04-02', '2029-04-27', '2029-05-05', '2029-05-10', '2029-05-21', '2029-12-25', '2029-12-26'],
    2030: ['2030-01-01', '2030-04-19', '2030-04-22', '2030-04-27', '2030-05-05', '2030-05-30', '2030-06-10', '2030-12-25', '2030-12-26'],
  };
  it.each(Object.entries(expected))('%s', (year, dates) => {
    expect([...feestdagen(Number(year)).keys()].sort()).toEqual(dates);
  });
  it('Koningsdag on a Sunday in 2025 moves to Saturday 26 April', async () => {
    expect(feestdagen(2025).get('2025-04-26')).toBe('Koningsdag');
    expect(feestdagen(2025).has('2025-04-27')).toBe(false);
  });
});

describe('werkdagen', () => {
  it('weekends and holidays are not werkdagen', async () => {
    expect(isWerkdag('2026-11-23')).toBe(true);
    expect(isWerkdag('2026-11-28')).toBe(false);
    expect(isWerkdag('2026-04-06')).toBe(false); // Tweede Paasdag
    expect(isWerkdag('2026-05-05')).toBe(false);
  });
  it.each([
    ['2026-11-23', 5, '2026-11-30'], // a plain week
    ['2026-12-23', 5, '2026-12-31'], // Eerste Kerstdag on Friday, Tweede on Saturday
    ['2026-12-29', 3, '2027-01-04'], // Nieuwjaarsdag on Friday
    ['2027-12-23', 5, '2027-12-30'], // Christmas on a weekend (Sat/Sun): no werkdag lost to it
    ['2026-04-01', 5, '2026-04-10'], // Goede Vrijdag and Tweede Paasdag
    ['2026-05-12', 3, '2026-05-18'], // Hemelvaartsdag
    ['2025-04-24', 2, '2025-04-28'], // Koningsdag 2025 on Saturday: the Friday still counts
    ['2026-04-24', 2, '2026-04-29'], // Koningsdag on Monday 27 April 2026
  ])('%s + %i werkdagen = %s', (from, n, to) => expect(addWerkdagen(from, n as number)).toBe(to));
});
