import { createHmac } from 'node:crypto';

/**
 * TOTP written for the specs straight from RFC 4226 §5.3 and RFC 6238 §4 (HMAC-SHA1, 30-second
 * steps, 6 digits), apart from the code under test, so a spec that signs in with it checks the
 * server against the standard rather than against itself. It is itself checked against the RFC's
 * test vectors (totp.spec.ts).
 */
export function referenceTotp(base32Secret: string, unixSeconds: number, digits = 6): string {
  const key = decodeRfc4648Base32(base32Secret);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[19]! & 0xf;
  const binary =
    ((hmac[offset]! & 0x7f) << 24) | (hmac[offset + 1]! << 16) | (hmac[offset + 2]! << 8) | hmac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

function decodeRfc4648Base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text.toUpperCase().replace(/=/g, '')]
    .map((char) => alphabet.indexOf(char).toString(2).padStart(5, '0'))
    .join('');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}
