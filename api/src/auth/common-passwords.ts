import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Favourites of the Chinese market and of government networks that the English-derived list
 * lacks (it has 1qaz2wsx and 5201314, not huawei@123 or admin@123), all passing composition rules.
 */
const CHINESE_MARKET_PASSWORDS = [
  'woaini1314', 'p@ssw0rd!', 'p@ssw0rd123', 'password@123', 'qwerty@123', 'qwer@1234', 'qwe123!@#', '1qaz@wsx',
  'zaq1@wsx', 'abc@123', 'abc123!@#', 'abcd@1234', 'aa123456!', 'aa@123456', 'aa123456@', 'admin@123', 'admin@1234',
  'admin123!', 'root@123', 'root123!', 'test@123', 'test1234!', 'welcome@123', 'huawei@123', 'huawei123',
  'sangfor@123', 'h3c@123', 'china@123', 'beijing@123', 'chongqing@123', 'cq@123456', 'jiangbei@123', 'gov@123456',
  'zzb@123456', 'system@123', 'user@123', 'user@1234', 'asdf@1234', 'zxc123!@#', 'abc@12345', 'pass@123',
  'pass@word1', 'secret123!',
];

/**
 * The zxcvbn-ts common-password list (MIT; about 49,000 passwords from leaked credential lists,
 * most frequent first), held in lower case like the passwords it is compared with. Loaded once,
 * when the server starts.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [...dictionary['passwords-common'], ...CHINESE_MARKET_PASSWORDS].map((password) => password.toLowerCase()),
);

/** How many passwords the list holds. */
export const COMMON_PASSWORD_COUNT = COMMON_PASSWORDS.size;

/** Whether a password, already in lower case, is on the list. */
export function isCommonPassword(lowered: string): boolean {
  return COMMON_PASSWORDS.has(lowered);
}
