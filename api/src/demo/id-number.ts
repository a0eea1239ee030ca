import { computeIdNumberCheckDigit } from '@cadre/shared-models';

// The check digit moved to shared-models (the import rules need it too); the demo specs still
// import it from here.
export { computeIdNumberCheckDigit };

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
