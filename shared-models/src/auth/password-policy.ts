export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password needs. */
  requiredClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, maxLength: 128, requiredClasses: 3 };

/** Counts the character classes present: lower-case, upper-case, digits, anything else. */
export function countCharacterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return classes.filter((re) => re.test(password)).length;
}

/**
 * Chinese messages for every rule the password breaks; empty when it is acceptable.
 * `isCommon` is injected because the common-password list lives on the server.
 */
export function checkPassword(
  password: string,
  context: { username?: string; isCommon?: (candidate: string) => boolean },
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`密码至少 ${policy.minLength} 个字符`);
  if (length > policy.maxLength) problems.push(`密码最多 ${policy.maxLength} 个字符`);
  if (countCharacterClasses(password) < policy.requiredClasses) {
    problems.push(`密码需包含大写字母、小写字母、数字、符号中的至少 ${policy.requiredClasses} 类`);
  }
  const lowered = password.toLowerCase();
  if (context.username && context.username.length >= 3 && lowered.includes(context.username.toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  if (context.isCommon?.(lowered)) problems.push('密码过于常见，容易被猜中');
  return problems;
}
