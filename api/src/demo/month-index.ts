// Dates on the appointment form have month precision, so the generator counts in whole months
// since year 0: differences are then plain subtraction and ages are exact.

/** The month `on` falls in, read in UTC so that the output does not depend on the machine's time zone. */
export function toMonthIndex(on: Date): number {
  return on.getUTCFullYear() * 12 + on.getUTCMonth();
}

/** `yyyy-MM`, as the shared YearMonthSchema expects. */
export function formatMonthIndex(index: number): string {
  const { year, month } = splitMonthIndex(index);
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

export function splitMonthIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
