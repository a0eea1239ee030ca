import { countDaysInMonth, formatMonthIndex, toMonthIndex } from './month-index.js';

describe('month indices', () => {
  const dates: Array<[string, string]> = [
    ['2025-06-15T00:00:00Z', '2025-06'],
    ['2025-01-01T00:00:00Z', '2025-01'],
    ['1999-12-31T23:59:59Z', '1999-12'],
    // Midnight in Beijing is still the previous day in UTC, so the month is read in UTC throughout.
    ['2025-07-01T00:00:00+08:00', '2025-06'],
  ];
  for (const [iso, month] of dates) {
    it(`puts ${iso} in ${month}`, () => expect(formatMonthIndex(toMonthIndex(new Date(iso)))).toBe(month));
  }

  const days: Array<[number, number, number]> = [
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2025, 4, 30],
    [2025, 12, 31],
  ];
  for (const [year, month, count] of days) {
    it(`counts ${count} days in ${year}-${month}`, () => expect(countDaysInMonth(year, month)).toBe(count));
  }
});
