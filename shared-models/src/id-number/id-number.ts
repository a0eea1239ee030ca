// GB 11643-1999: the 18th character is an ISO 7064 MOD 11-2 check over the first 17 digits.
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CODES = '10X98765432';

export type IdNumberValidation =
  | { ok: true; idNumber: string; birthDate: string; sex: '男' | '女' }
  | { ok: false; reason: string };

/** The check character ('0'–'9' or 'X') of a resident ID number, from its first 17 digits. */
export function computeIdNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('an ID number check needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * CHECK_WEIGHTS[i];
  return CHECK_CODES[sum % 11];
}

/** An ID number as typed or imported, with spaces removed and a lower-case x upper-cased. */
export function normalizeIdNumber(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').toUpperCase();
}

/**
 * Checks a resident ID number's shape, embedded birth date and check character, and reads the
 * birth date and sex from it. `today` is compared in UTC, as ages are (computeAgeInYears).
 */
export function validateIdNumber(text: string, today: Date = new Date()): IdNumberValidation {
  const idNumber = normalizeIdNumber(text);
  if (idNumber === '') return { ok: false, reason: '身份证号为空' };
  // A number exported masked must never come back as a value, nor overwrite the real one.
  if (idNumber.includes('*')) return { ok: false, reason: '身份证号是脱敏后的号码（前6后4），请填写完整的身份证号' };
  if (idNumber.length !== 18) return { ok: false, reason: `身份证号应为 18 位，实为 ${idNumber.length} 位` };
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return { ok: false, reason: '身份证号前 17 位应为数字，末位应为数字或 X' };
  }

  const digits = idNumber.slice(6, 14);
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (!isCalendarDate(birthDate)) return { ok: false, reason: `身份证号中的出生日期 ${digits} 无效` };
  if (birthDate > today.toISOString().slice(0, 10)) {
    return { ok: false, reason: `身份证号中的出生日期 ${digits} 晚于今天` };
  }

  const check = computeIdNumberCheckDigit(idNumber.slice(0, 17));
  if (idNumber[17] !== check) return { ok: false, reason: `身份证号校验码错误，应为 ${check}` };

  const sex = Number(idNumber[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, idNumber, birthDate, sex };
}

// Date.UTC rolls 02-30 over into March, so a date is real only if it survives the round trip.
function isCalendarDate(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if (year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10) === isoDate;
}
