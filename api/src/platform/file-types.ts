/**
 * File types recognised by their first bytes (security.md 25): a name or a declared content
 * type is whatever the client says, the bytes are what the server will actually parse.
 */
const SIGNATURES: ReadonlyArray<readonly [kind: 'jpeg' | 'png' | 'zip', bytes: readonly number[]]> = [
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
];

export type FileKind = 'jpeg' | 'png' | 'zip' | 'xml';

export function sniffFileType(bytes: Buffer): FileKind | null {
  for (const [kind, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return kind;
  }
  return looksLikeXml(bytes) ? 'xml' : null;
}

// XML may start with a UTF-8 BOM and whitespace before `<?xml` or the root element.
function looksLikeXml(bytes: Buffer): boolean {
  let start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[start]!)) start += 1;
  return bytes[start] === 0x3c && start + 1 < bytes.length && /[?A-Za-z_]/.test(String.fromCharCode(bytes[start + 1]!));
}
