import * as z from 'zod';

const zhCN = z.locales.zhCN().localeError;

/**
 * Chinese messages for the checks whose schemas carry none (lengths, enums, types), for import
 * reports that ordinary users read. Passed as the per-parse `error` of safeParse, so a message
 * written on the schema still wins.
 */
export const importIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `不超过 ${issue.maximum} 个字`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      break;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
      break;
    case 'invalid_value':
      return `应为 ${issue.values.map(String).join('、')} 之一`;
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? '不能为空' : '格式不正确';
    case 'invalid_format':
      return '格式不正确';
    default:
      break;
  }
  return zhCN(issue);
};
