// GB 11643-1999: the 18th character is an ISO 7064 MOD 11-2 check over the first 17 digits.
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CODES = '10X98765432';

/** The check character ('0'–'9' or 'X') of a resident ID number, from its first 17 digits. */
export function computeIdNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('an ID number check needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * CHECK_WEIGHTS[i];
  return CHECK_CODES[sum % 11];
}

export interface IdNumberParts {
  /** Six-digit administrative division code of the place of household registration. */
  areaCode: string;
  year: number;
  month: number;
  day: number;
  /** 0–499: the order code is derived from it so that its last digit encodes the sex. */
  serial: number;
  sex: '男' | '女';
}

/** An 18-character resident ID number whose order code is odd for men and even for women. */
export function composeIdNumber(parts: IdNumberParts): string {
  const { areaCode, year, month, day, serial, sex } = parts;
  const orderCode = serial * 2 + (sex === '男' ? 1 : 0);
  const first17 =
    areaCode +
    String(year).padStart(4, '0') +
    String(month).padStart(2, '0') +
    String(day).padStart(2, '0') +
    String(orderCode).padStart(3, '0');
  return first17 + computeIdNumberCheckDigit(first17);
}
