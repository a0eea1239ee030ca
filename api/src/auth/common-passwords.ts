/**
 * Passwords seen most often in leaked credential lists, including the Chinese-market favourites
 * and the "complex-looking" ones that pass composition rules. Compared in lower case.
 */
const COMMON_PASSWORDS = new Set([
  '123456', '123456789', '12345678', '1234567890', '111111', '000000', '123123', '654321', '666666', '888888',
  '5201314', '1314520', 'woaini1314', 'iloveyou', 'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd',
  'p@ssword', 'p@ssw0rd1', 'p@ssw0rd!', 'p@ssw0rd123', 'passw0rd!', 'password1!', 'password@123', 'password!',
  'qwerty', 'qwerty123', 'qwerty@123', 'qwer1234', 'qwer@1234', 'qwe123!@#', 'qweasdzxc', '1qaz2wsx', '1qaz@wsx',
  '1qaz!qaz', 'zaq1@wsx', 'zaq12wsx', 'abc123', 'abc@123', 'abc123!@#', 'abcd1234', 'abcd@1234', 'a123456',
  'a1234567', 'a12345678', 'a123456789', 'aa123456', 'aa123456!', 'aa@123456', 'aa123456@', 'admin', 'admin123',
  'admin@123', 'admin@1234', 'admin123!', 'administrator', 'root', 'root@123', 'root123!', 'test@123', 'test1234!',
  'welcome', 'welcome1', 'welcome1!', 'welcome@123', 'changeme', 'changeme1!', 'letmein', 'letmein1!', 'monkey',
  'dragon', 'sunshine', 'princess', 'football', 'baseball', 'master', 'shadow', 'superman', 'trustno1',
  'huawei@123', 'huawei123', 'sangfor@123', 'h3c@123', 'china@123', 'beijing@123', 'chongqing@123', 'cq@123456',
  'jiangbei@123', 'gov@123456', 'zzb@123456', 'system@123', 'user@123', 'user@1234', 'asdf1234', 'asdf@1234',
  'zxcvbnm', 'zxcv1234', 'zxc123!@#', 'q1w2e3r4', 'q1w2e3r4t5', '1q2w3e4r', '1q2w3e4r!', '1q2w3e4r5t',
  'aa112233', 'a1b2c3d4', 'abc12345', 'abc@12345', 'pass@123', 'pass@word1', 'p@55w0rd', 'secret123!',
]);

export function isCommonPassword(lowered: string): boolean {
  return COMMON_PASSWORDS.has(lowered);
}
