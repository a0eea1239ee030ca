/**
 * How one field of a record moved while two people edited it: compared with the version both
 * started from (base), what this editor has (mine) and what the other one saved (theirs).
 */
export type EditState = 'unchanged' | 'mine-only' | 'theirs-only' | 'both-same' | 'conflict';

/** The side a person picked for a field both changed differently. */
export type EditChoice = 'mine' | 'theirs';

export interface FieldEdit<K extends string> {
  readonly field: K;
  readonly state: EditState;
}

/**
 * Whether two field values are the same. Lists and groups (简历, 家庭成员, 奖惩) are compared as
 * whole values: one changed row makes the whole field changed, so rows are never mixed from two
 * versions into a list neither person wrote. Key order of objects does not matter.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  // An absent key and an undefined one say the same thing.
  return [...keys].every((key) => sameValue(left[key], right[key]));
}

/** How one field moved between the base version and the two edited ones. */
export function classifyEdit(base: unknown, mine: unknown, theirs: unknown): EditState {
  const mineChanged = !sameValue(base, mine);
  const theirsChanged = !sameValue(base, theirs);
  if (!mineChanged && !theirsChanged) return 'unchanged';
  if (!theirsChanged) return 'mine-only';
  if (!mineChanged) return 'theirs-only';
  return sameValue(mine, theirs) ? 'both-same' : 'conflict';
}

/** Every listed field with how it moved, in the order given. */
export function compareEdits<K extends string>(
  base: Readonly<Record<K, unknown>>,
  mine: Readonly<Record<K, unknown>>,
  theirs: Readonly<Record<K, unknown>>,
  fields: readonly K[],
): FieldEdit<K>[] {
  return fields.map((field) => ({ field, state: classifyEdit(base[field], mine[field], theirs[field]) }));
}

/**
 * The values to continue from: the other side's record, with what only this editor changed kept,
 * and each conflicting field from the side chosen. A conflict without a choice keeps mine, so
 * nothing the person typed disappears unasked; callers ask for every choice before merging.
 */
export function mergeEdits<T extends object>(
  base: Readonly<T>,
  mine: Readonly<T>,
  theirs: Readonly<T>,
  choices: Readonly<Record<string, EditChoice | undefined>> = {},
): T {
  const b = base as Record<string, unknown>;
  const m = mine as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...t };
  for (const field of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)])) {
    const state = classifyEdit(b[field], m[field], t[field]);
    const keepMine = state === 'mine-only' || (state === 'conflict' && choices[field] !== 'theirs');
    if (keepMine) merged[field] = m[field];
  }
  return merged as T;
}
