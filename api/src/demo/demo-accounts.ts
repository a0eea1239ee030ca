import type { Types } from 'mongoose';
import type { Role } from '@cadre/shared-models';
import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { createUser } from '../users/user.service.js';
import { SERVER_OPERATOR } from '../platform/actor.js';

interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  unitCode: string | null;
  /** Linked to the demo cadre (the generator's showcase), for the account that is a cadre itself. */
  isDemoCadre?: true;
}

const ORG_DEPARTMENT = 'JB-ZZB';
const DEMO_STREET = 'JB-S01';
/** The unit of the demo cadre: the generator gives its first section chief the richest record. */
export const DEMO_CADRE_UNIT_CODE = DEMO_STREET;

/** One account per role, tied to demo units and cadres, so every part of the platform can be tried. */
const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'demo.org', displayName: '组织部示例管理员', roles: ['org_admin'], unitCode: ORG_DEPARTMENT },
  { username: 'demo.assessor', displayName: '组织部示例考核员', roles: ['assessor'], unitCode: ORG_DEPARTMENT },
  { username: 'demo.unit', displayName: '街道示例单位管理员', roles: ['unit_manager'], unitCode: DEMO_STREET },
  { username: 'demo.cadre', displayName: '示例干部', roles: ['cadre'], unitCode: DEMO_CADRE_UNIT_CODE, isDemoCadre: true },
  { username: 'demo.reviewer', displayName: '示例容错纠错审核员', roles: ['reviewer'], unitCode: ORG_DEPARTMENT },
  { username: 'demo.security', displayName: '示例安全管理员', roles: ['security_admin'], unitCode: null },
  { username: 'demo.audit', displayName: '示例审计管理员', roles: ['audit_admin'], unitCode: null },
];

/**
 * Creates the demo accounts with random one-time passwords and returns them to be printed once.
 * `demoCadreId` is the cadre the demo cadre account is linked to (none when no cadre was seeded).
 */
export async function createDemoAccounts(
  demoCadreId: Types.ObjectId | null,
): Promise<Array<{ username: string; roles: Role[]; oneTimePassword: string }>> {
  const created = [];
  const demoCadre = demoCadreId ? await CadreModel.findById(demoCadreId).select('name').lean() : null;
  for (const account of DEMO_ACCOUNTS) {
    const unit = account.unitCode ? await UnitModel.findOne({ code: account.unitCode }).lean() : null;
    if (account.unitCode && !unit) throw new Error(`demo unit ${account.unitCode} is missing`);
    const cadre = account.isDemoCadre ? demoCadre : null;
    const { oneTimePassword } = await createUser(SERVER_OPERATOR, {
      username: account.username,
      displayName: cadre ? cadre.name : account.displayName,
      roles: account.roles,
      unitId: unit ? String(unit._id) : null,
      cadreId: cadre ? String(cadre._id) : null,
    });
    created.push({ username: account.username, roles: account.roles, oneTimePassword: oneTimePassword! });
  }
  return created;
}

export function printDemoAccounts(accounts: Array<{ username: string; roles: Role[]; oneTimePassword: string }>): void {
  const lines = accounts.map((a) => `   ${a.username.padEnd(16)} ${a.roles.join(',').padEnd(16)} ${a.oneTimePassword}`);
  console.log(
    [
      '',
      '================================================================',
      ' 示例区（纯属虚构）的演示账户 / demo accounts of the fictional district',
      ' 一次性密码只显示这一次，首次登录须修改 / one-time passwords, shown once:',
      ...lines,
      '================================================================',
      '',
    ].join('\n'),
  );
}
