import type * as z from 'zod';

// C0 and C1 controls other than tab and line breaks, which multi-line fields hold.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// Embeddings, overrides, isolates and marks that reorder how the text around them is shown.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Other format characters: zero-width spaces and joiners, the BOM, word joiners, soft hyphens, tags.
const INVISIBLE_FORMAT = /\p{Cf}/u;
// What draws nothing: white space, format characters and the blank letters some fonts render empty.
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800\u034F\uFE00-\uFE0F]/gu;

/**
 * Why a name or other person field would not show what it holds, or null when it is fine: a
 * control character such as NUL, a bidi control that reorders what follows (a name ending in
 * U+202E reads backwards), a zero-width or other invisible format character, or nothing visible at
 * all. Ordinary names, the middle dot of transcribed names included (阿依古丽·买买提), pass.
 */
export function personTextProblem(text: string): string | null {
  if (CONTROL.test(text)) return '不能包含控制字符（如 NUL）';
  if (BIDI_CONTROL.test(text)) return '不能包含改变文字方向的控制字符';
  if (INVISIBLE_FORMAT.test(text)) return '不能包含零宽字符等不可见字符';
  if (text !== '' && text.replace(INVISIBLE, '') === '') return '不能只由空白或不可见字符组成';
  return null;
}

/** The zod check for person fields: `z.string().check(personText)`, one issue with personTextProblem's message. */
export function personText(ctx: z.core.ParsePayload<string>): void {
  const problem = personTextProblem(ctx.value);
  if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
}
