import type * as z from 'zod';
// The two locales alone: the namespace's `z.locales` would pull every language into the client.
import enLocale from 'zod/v4/locales/en.js';
import zhCNLocale from 'zod/v4/locales/zh-CN.js';

export type IssueLanguage = 'zh' | 'en';

const LOCALES: Readonly<Record<IssueLanguage, z.core.$ZodErrorMap>> = {
  zh: zhCNLocale().localeError,
  en: enLocale().localeError,
};

type Issue = z.core.$ZodRawIssue;

/** Whether the value is missing rather than wrong: an empty box, an unmade choice. */
function isMissing(input: unknown): boolean {
  return input === undefined || input === null || input === '';
}

/** Words for the checks users meet; anything else falls back to zod's own locale. */
const TEXTS = {
  zh: {
    required: '必填',
    chooseOne: '请选择',
    choose: '请从列表中选择',
    format: '格式不正确',
    maxString: (n: unknown) => `不超过 ${n} 个字`,
    minString: (n: unknown) => (Number(n) <= 1 ? '不能为空' : `至少 ${n} 个字`),
    maxItems: (n: unknown) => `最多 ${n} 项`,
    minItems: (n: unknown) => `至少 ${n} 项`,
    maxNumber: (n: unknown) => `不能大于 ${n}`,
    minNumber: (n: unknown) => `不能小于 ${n}`,
    integer: '应为整数',
    number: '应为数字',
    unknownKeys: '含有无法识别的项目',
  },
  en: {
    required: 'Required',
    chooseOne: 'Please choose one',
    choose: 'Choose one of the listed options',
    format: 'Not in the expected format',
    maxString: (n: unknown) => `At most ${n} characters`,
    minString: (n: unknown) => (Number(n) <= 1 ? 'Must not be empty' : `At least ${n} characters`),
    maxItems: (n: unknown) => `At most ${n} items`,
    minItems: (n: unknown) => `At least ${n} items`,
    maxNumber: (n: unknown) => `At most ${n}`,
    minNumber: (n: unknown) => `At least ${n}`,
    integer: 'Must be a whole number',
    number: 'Must be a number',
    unknownKeys: 'Contains unrecognized entries',
  },
} as const;

/**
 * A zod issue in words a user understands, in the given language, for the checks whose schema
 * carries no message (a message written on the schema still wins). Never lists raw enum values
 * or type names: an unmade choice asks for a choice. Shown beside a field, so it does not name it.
 */
export function describeIssue(issue: Issue, language: IssueLanguage): string {
  const text = TEXTS[language];
  switch (issue.code) {
    case 'invalid_value':
      return isMissing(issue.input) ? text.chooseOne : text.choose;
    case 'invalid_type':
      if (isMissing(issue.input)) return text.required;
      if (issue.expected === 'int') return text.integer;
      if (issue.expected === 'number') return text.number;
      return text.format;
    case 'too_big':
      if (issue.origin === 'string') return text.maxString(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return text.maxItems(issue.maximum);
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return text.maxNumber(issue.maximum);
      break;
    case 'too_small':
      if (issue.origin === 'string') return text.minString(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') return text.minItems(issue.minimum);
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return text.minNumber(issue.minimum);
      break;
    case 'invalid_format':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return text.format;
    case 'unrecognized_keys':
      return text.unknownKeys;
    default:
      break;
  }
  const fallback = LOCALES[language](issue);
  return typeof fallback === 'string' ? fallback : (fallback?.message ?? text.format);
}

/** The Chinese error map, for `z.config` in the API and per-parse `error` options. */
export const chineseIssueMessage: z.core.$ZodErrorMap = (issue) => describeIssue(issue, 'zh');

/** The English error map, for an interface shown in English. */
export const englishIssueMessage: z.core.$ZodErrorMap = (issue) => describeIssue(issue, 'en');
