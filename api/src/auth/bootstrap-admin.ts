import { UserModel } from '../users/user.model.js';
import { createUser } from '../users/user.service.js';
import { SERVER_OPERATOR } from '../platform/actor.js';

/**
 * First start: no system administrator exists, so none can have a known password. The first
 * sys_admin gets a random one-time password, shown once on the console and changed at first
 * sign-in. Checked by role rather than by "no accounts at all": a database seeded with the demo
 * accounts (`npm run seed`) before the first start still needs its administrator.
 */
export async function ensureFirstAdmin(username: string): Promise<void> {
  if (await UserModel.exists({ roles: 'sys_admin' })) return;
  try {
    const { oneTimePassword } = await createUser(SERVER_OPERATOR, {
      username,
      displayName: '系统管理员',
      roles: ['sys_admin'],
      unitId: null,
      cadreId: null,
    });
    console.log(
      [
        '',
        '================================================================',
        ' 首次启动：已创建系统管理员账户 / first start: system administrator created',
        `   用户名 username: ${username}`,
        `   一次性密码 one-time password: ${oneTimePassword}`,
        ' 只显示这一次；首次登录须修改密码并绑定双因素认证。',
        ' Shown only this once; change it and enrol TOTP at first sign-in.',
        '================================================================',
        '',
      ].join('\n'),
    );
  } catch (err) {
    // Another API process starting at the same moment created it first.
    if ((err as { code?: string }).code === 'username_taken') return;
    throw err;
  }
}
