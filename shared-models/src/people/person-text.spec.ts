import { CadreInputSchema, FamilyMemberSchema } from '../cadres/cadre-record.js';
import { CreateUserRequestSchema } from '../users/user.js';
import { personTextProblem } from './person-text.js';

describe('personTextProblem', () => {
  const refused: Array<[what: string, text: string, message: string]> = [
    ['NUL', '张\u0000三', '不能包含控制字符（如 NUL）'],
    ['another C0 control', '张\u001B三', '不能包含控制字符（如 NUL）'],
    ['a C1 control', '张\u0085三', '不能包含控制字符（如 NUL）'],
    ['a right-to-left override (U+202E)', '张三\u202E', '不能包含改变文字方向的控制字符'],
    ['a left-to-right isolate (U+2066)', '\u2066张三', '不能包含改变文字方向的控制字符'],
    ['a right-to-left mark (U+200F)', '张\u200F三', '不能包含改变文字方向的控制字符'],
    ['a zero-width space (U+200B)', '张\u200B三', '不能包含零宽字符等不可见字符'],
    ['a byte-order mark inside (U+FEFF)', '张\uFEFF三', '不能包含零宽字符等不可见字符'],
    ['a zero-width joiner (U+200D)', '张\u200D三', '不能包含零宽字符等不可见字符'],
    ['a soft hyphen (U+00AD)', '张\u00AD三', '不能包含零宽字符等不可见字符'],
    ['only zero-width characters', '\u200B\u200C\u2060', '不能包含零宽字符等不可见字符'],
    ['only Hangul fillers', '\u3164\u3164', '不能只由空白或不可见字符组成'],
    ['only ideographic spaces and a braille blank', '\u3000\u2800\u3000', '不能只由空白或不可见字符组成'],
    ['10,000 characters ending in U+202E', `${'张'.repeat(9_999)}\u202E`, '不能包含改变文字方向的控制字符'],
  ];
  for (const [what, text, message] of refused) {
    it(`refuses ${what}`, () => expect(personTextProblem(text)).toBe(message));
  }

  const accepted: Array<[what: string, text: string]> = [
    ['a two-character name', '张三'],
    ['a compound surname', '欧阳修远'],
    ['a transcribed name with the middle dot', '阿依古丽·买买提'],
    ['a name with the katakana middle dot', '阿依古丽・买买提'],
    ['a rare character outside the BMP', '𠮷田'],
    ['a multi-line text', '工作需要。\n拟任该职务。'],
    ['an empty text (required fields say so themselves)', ''],
    ['10,000 ordinary characters', '某'.repeat(10_000)],
  ];
  for (const [what, text] of accepted) {
    it(`accepts ${what}`, () => expect(personTextProblem(text)).toBeNull());
  }
});

describe('person fields refuse invisible and direction-changing text', () => {
  const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
    result.success ? null : result.error!.issues.map((issue) => issue.message);

  it('a cadre name of zero-width characters only', () => {
    const result = CadreInputSchema.shape.name.safeParse('\u200B\u200B\u200B');
    expect(messageOf(result)).toContain('不能包含零宽字符等不可见字符');
  });
  it('a cadre name with a right-to-left override', () => {
    expect(messageOf(CadreInputSchema.shape.name.safeParse('张三\u202E'))).toEqual(['不能包含改变文字方向的控制字符']);
  });
  it('a cadre name with the middle dot is kept as written', () => {
    expect(CadreInputSchema.shape.name.parse('阿依古丽·买买提')).toBe('阿依古丽·买买提');
  });
  it('a native place with NUL', () => {
    expect(messageOf(CadreInputSchema.shape.nativePlace.safeParse('重庆\u0000江北'))).toEqual(['不能包含控制字符（如 NUL）']);
  });
  it('a family member’s name with U+2066', () => {
    expect(messageOf(FamilyMemberSchema.shape.name.safeParse('\u2066李四'))).toEqual(['不能包含改变文字方向的控制字符']);
  });
  it('a user’s display name with U+FEFF', () => {
    expect(messageOf(CreateUserRequestSchema.shape.displayName.safeParse('王\uFEFF五'))).toEqual(['不能包含零宽字符等不可见字符']);
  });
});
