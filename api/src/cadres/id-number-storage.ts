import { maskIdNumber, normalizeIdNumber } from '@cadre/shared-models';
import { dataCipher } from '../platform/data-cipher.js';

/** The three stored forms of an ID number: sealed, keyed hash for lookups, masked for display. */
export function sealIdNumber(idNumber: string): { idNumberSealed: string; idNumberHash: string; idNumberMasked: string } {
  const normalized = normalizeIdNumber(idNumber);
  return {
    idNumberSealed: dataCipher().encrypt(normalized),
    idNumberHash: dataCipher().blindIndex(normalized),
    idNumberMasked: maskIdNumber(normalized),
  };
}

export function unsealIdNumber(sealed: string): string {
  return dataCipher().decrypt(sealed);
}
