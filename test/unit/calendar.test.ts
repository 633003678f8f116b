import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageInMonths,
  ageInYears,
  dateOfAgeInMonths,
  dayNumber,
  fromDayNumber,
  weekday,
} from '../../src/domain/calendar.js';

describe('day numbers', () => {
  it('agree with the calendar', async () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('weekday: 2026-11-23 is a Monday', async () => {
    expect(weekday('2026-11-23')).toBe('ma');
    expect(weekday('2026-11-29')).toBe('zo');
  });
  it('round-trips every day from 1900 to 2200', async () => {
    const wrong: number[] = [];
    for (let n = dayNumber('1900-01-01'); n <= dayNumber('2200-12-31'); n++) if (dayNumber(fromDayNumber(n)) !== n) wrong.push(n);
    expect(wrong).toEqual([]);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-23', 1, '2026-12-23'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i → %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));
});

describe('age', () => {
  it.each([
    ['2020-06-15', '2026-06-14', 5],
    ['2020-06-15', '2026-06-15', 6],
    ['2020-02-29', '2025-02-28', 4],
    ['2020-02-29', '2025-03-01', 5],
    ['2020-02-29', '2024-02-29', 4],
  ])('born %s, on %s: %i years', (born, on, years) => expect(ageInYears(born, on)).toBe(years));
  it('months: 18 months on the same day of the month', async () => {
    expect(ageInMonths('2025-05-10', '2026-11-09')).toBe(17);
    expect(ageInMonths('2025-05-10', '2026-11-10')).toBe(18);
    expect(dateOfAgeInMonths('2025-05-10', 18)).toBe('2026-11-10');
    expect(dateOfAgeInMonths('2024-08-31', 18)).toBe('2026-03-01');
  });
  it('dateOfAgeInMonths is the first day with that many completed months', async () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2030-12-31') }),
        fc.integer({ min: 1, max: 200 }),
        (n, months) => {
          const born = fromDayNumber(n);
          const first = dateOfAgeInMonths(born, months);
          expect(ageInMonths(born, first)).toBe(months);
          expect(ageInMonths(born, addDays(first, -1))).toBe(months - 1);
        },
      ),
    );
  });
});

describe('clockToday', () => {
  it('gives the Amsterdam date around midnight and the DST changes', async () => {
    const { clockToday } = await import('../../src/cli/context.js');
    const intl = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
    for (const iso of [
      '2026-03-28T23:30:00Z',
      '2026-03-29T00:30:00Z',
      '2026-03-29T22:30:00Z',
      '2026-10-24T22:30:00Z',
      '2026-10-25T23:30:00Z',
      '2026-12-31T23:00:00Z',
      '2026-12-31T22:59:59Z',
      '2026-07-01T21:59:00Z',
      '2026-07-01T22:00:00Z',
    ]) {
      expect(clockToday(new Date(iso))).toBe(intl(new Date(iso)));
    }
  });
});
