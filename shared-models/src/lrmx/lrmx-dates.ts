import { computeAgeInYears } from '../stats/cadre-distribution.js';

// Forms from every writer seen in the wild: 199001, 19900115, 1990.01, 1990.1, 1990.01.15, 1990-01.
const YEAR_MONTH_PATTERNS = [
  /^(\d{4})(\d{2})(\d{2})?$/,
  /^(\d{4})[.．](\d{1,2})(?:[.．](\d{1,2}))?$/,
  /^(\d{4})-(\d{2})(?:-(\d{2}))?$/,
];

/** The month (`yyyy-MM`) a form date such as `199001` or `1990.01` names, or null if it names none. */
export function parseYearMonth(text: string): string | null {
  const value = text.trim();
  for (const pattern of YEAR_MONTH_PATTERNS) {
    const match = pattern.exec(value);
    if (match) return toYearMonth(Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : undefined);
  }
  return null;
}

function toYearMonth(year: number, month: number, day?: number): string | null {
  if (year < 1900 || year > 2099 || month < 1 || month > 12) return null;
  if (day !== undefined) {
    // Date.UTC rolls 02-30 over into March, so the day is real only if the month survives.
    const date = new Date(Date.UTC(year, month - 1, day));
    if (day < 1 || date.getUTCMonth() !== month - 1) return null;
  }
  return `${year}-${String(month).padStart(2, '0')}`;
}

export interface PartyField {
  joinMonth: string | null;
  partyName: string | null;
}

/**
 * Reads 入党时间, which holds a join month (CPC members), a party name (other parties), or both
 * (`200106；民盟`). Null when a part looks like a date but names no month.
 */
export function parsePartyField(text: string): PartyField | null {
  const parts = text
    .split(/[；;，,、\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  let joinMonth: string | null = null;
  const names: string[] = [];
  for (const part of parts) {
    const month = parseYearMonth(part);
    if (month !== null && joinMonth === null) joinMonth = month;
    else if (/^[\d.．-]+$/.test(part)) return null;
    else names.push(part);
  }
  return { joinMonth, partyName: names.length > 0 ? names.join('；') : null };
}

/**
 * The age printed on the form: at 计算年龄时间, else 填表时间, else today, counted in whole years
 * from the birth month. Null when the birth month does not parse.
 */
export function computeFormAge(
  birthMonth: string,
  referenceDateText?: string,
  fillDateText?: string,
  today: Date = new Date(),
): number | null {
  const birth = parseYearMonth(birthMonth);
  if (birth === null) return null;
  const reference = parseYearMonth(referenceDateText ?? '') ?? parseYearMonth(fillDateText ?? '');
  const on = reference === null ? today : new Date(`${reference}-01T00:00:00Z`);
  return computeAgeInYears(birth, on);
}
