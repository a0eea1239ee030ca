/** Escapes user text for use inside a regular expression, so a search can never inject a pattern. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An anchored "starts with" pattern: anchored so an index on the field can serve it. */
export function startsWithPattern(text: string): string {
  return `^${escapeRegex(text)}`;
}
