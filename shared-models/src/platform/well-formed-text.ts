// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** What a request or an imported file is told when a text holds a lone surrogate. */
export const MALFORMED_TEXT_MESSAGE = '包含无效的字符编码';

/** True when the string is well-formed UTF-16, i.e. every surrogate is half of a pair. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * The string with every lone surrogate replaced by U+FFFD, as a UTF-8 encoder (and so the
 * MongoDB driver writing BSON) replaces it.
 */
export function toWellFormedText(text: string): string {
  return isWellFormedText(text) ? text : text.replace(LONE_SURROGATES, '\uFFFD');
}

/**
 * The path (keys and array indexes) of the first string or object key in a parsed JSON value
 * that is not well-formed UTF-16, or null when there is none.
 */
export function findMalformedText(value: unknown, path: readonly (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : [...path];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findMalformedText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormedText(key)) return [...path, key];
      const found = findMalformedText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
