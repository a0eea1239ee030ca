import * as z from 'zod';
import { PROBLEM_CODES, isProblemCode } from './problem-codes.js';
import { describeIssue } from './issue-text.js';

const HAN = /[\u4e00-\u9fff]/;

describe('problem codes', () => {
  for (const [code, { zh, en }] of Object.entries(PROBLEM_CODES)) {
    it(`${code} has a Chinese and an English message`, () => {
      expect(zh).withContext(code).toMatch(HAN);
      expect(en.trim()).withContext(code).not.toBe('');
      expect(en).withContext(code).not.toMatch(HAN);
      expect(`${zh} ${en}`).withContext(code).not.toContain('_');
    });
  }

  it('tells known codes from anything else the server might send', () => {
    expect(isProblemCode('not_found')).toBeTrue();
    expect(isProblemCode('toString')).toBeFalse();
    expect(isProblemCode(undefined)).toBeFalse();
  });
});

describe('zod issues in words users read', () => {
  const Field = z.enum(['name', 'sex', 'nativePlace']);
  const cases: Array<[string, z.ZodType, unknown, string, string]> = [
    ['an unmade choice', Field, null, '请选择', 'Please choose one'],
    ['a value not among the options', Field, 'shoeSize', '请从列表中选择', 'Choose one of the listed options'],
    ['a missing text', z.string(), undefined, '必填', 'Required'],
    ['an empty text', z.string().min(1), '', '不能为空', 'Must not be empty'],
    ['a text too long', z.string().max(5), '一二三四五六', '不超过 5 个字', 'At most 5 characters'],
    ['a text where a number belongs', z.number(), 'x', '应为数字', 'Must be a number'],
    ['a fraction where a whole number belongs', z.number().int(), 1.5, '应为整数', 'Must be a whole number'],
    ['a number too small', z.number().min(1), 0, '不能小于 1', 'At least 1'],
    ['too many items', z.array(z.string()).max(1), ['a', 'b'], '最多 1 项', 'At most 1 items'],
    ['a malformed date', z.iso.date(), '2020-13-45', '格式不正确', 'Not in the expected format'],
    ['a number where text belongs', z.string(), 42, '格式不正确', 'Not in the expected format'],
  ];
  for (const [what, schema, input, zh, en] of cases) {
    it(`${what}: ${zh} / ${en}`, () => {
      const issue = schema.safeParse(input).error!.issues[0]!;
      const raw = { ...issue, input } as unknown as z.core.$ZodRawIssue;
      expect(describeIssue(raw, 'zh')).toBe(zh);
      expect(describeIssue(raw, 'en')).toBe(en);
    });
  }

  it('a message written on the schema still wins over the map', () => {
    const schema = z.enum(['a', 'b'], { error: '请选择性别' });
    expect(schema.safeParse('c', { error: (issue) => describeIssue(issue, 'zh') }).error!.issues[0]!.message).toBe('请选择性别');
  });

  it('as a per-parse map, names no raw enum value', () => {
    const message = Field.safeParse(null, { error: (issue) => describeIssue(issue, 'zh') }).error!.issues[0]!.message;
    expect(message).toBe('请选择');
  });
});
