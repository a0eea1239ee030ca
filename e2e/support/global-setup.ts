import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { request } from '@playwright/test';
import type { E2eAccount, E2eAccounts, RoleName } from './accounts.js';
import { freshTotpCode } from './accounts.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'E2e#Jiangbei2026';

/** Creates an account with the operations CLI, as an operator would, and reads the TOTP secret it prints. */
function createAccount(role: RoleName, links: { unit?: string; cadre?: string } = {}): E2eAccount {
  const username = `e2e.${role.replace('_', '-')}`;
  const args = ['api/dist/cli/cli.js', 'create-user', '--username', username, '--name', `端到端${role}`, '--roles', role];
  if (links.unit) args.push('--unit', links.unit);
  if (links.cadre) args.push('--cadre', links.cadre);
  const output = execFileSync('node', args, {
    cwd: repoRoot,
    input: PASSWORD,
    env: {
      ...process.env,
      MONGODB_URI: process.env['E2E_MONGODB_URI'],
      DATA_ENCRYPTION_KEY: process.env['E2E_DATA_KEY'],
      AUDIT_HMAC_KEY: process.env['E2E_AUDIT_KEY'],
      LOG_LEVEL: 'warn',
    },
    encoding: 'utf8',
  });
  const secret = /TOTP secret: ([A-Z2-7]+)/.exec(output)?.[1] ?? null;
  return { username, password: PASSWORD, totpSecret: secret };
}

/** Two cadre ids of the demo street JB-S01, looked up through the API as the org admin. */
async function findStreetCadres(baseURL: string, orgAdmin: E2eAccount): Promise<[string, string]> {
  const api = await request.newContext({ baseURL });
  await api.get('/api/auth/session');
  const xsrf = (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')!.value;
  const headers = { 'X-XSRF-TOKEN': xsrf };
  const login = await api.post('/api/auth/login', { data: { username: orgAdmin.username, password: orgAdmin.password }, headers });
  if (!login.ok()) throw new Error(`org admin sign-in failed: ${login.status()}`);
  const totp = await api.post('/api/auth/totp', { data: { code: await freshTotpCode(orgAdmin) }, headers });
  if (!totp.ok()) throw new Error(`org admin TOTP failed: ${totp.status()}`);
  const units = (await (await api.get('/api/units')).json()) as { items: Array<{ id: string; code: string }> };
  const street = units.items.find((u) => u.code === 'JB-S01')!;
  const cadres = (await (await api.get('/api/cadres?size=100')).json()) as { items: Array<{ id: string; unitId: string }> };
  const inStreet = cadres.items.filter((c) => c.unitId === street.id);
  await api.dispose();
  if (inStreet.length < 2) throw new Error('the demo street has fewer than two cadres on the first page');
  return [inStreet[0]!.id, inStreet[1]!.id];
}

export default async function globalSetup(): Promise<void> {
  const baseURL = `http://127.0.0.1:${process.env['E2E_PORT'] ?? 4300}`;
  const orgAdmin = createAccount('org_admin', { unit: 'JB-ZZB' });
  const [ownCadreId, otherCadreId] = await findStreetCadres(baseURL, orgAdmin);
  const accounts: Record<RoleName, E2eAccount> = {
    org_admin: orgAdmin,
    assessor: createAccount('assessor', { unit: 'JB-ZZB' }),
    unit_manager: createAccount('unit_manager', { unit: 'JB-S01' }),
    cadre: createAccount('cadre', { unit: 'JB-S01', cadre: ownCadreId }),
    reviewer: createAccount('reviewer', { unit: 'JB-ZZB' }),
    sys_admin: createAccount('sys_admin'),
    security_admin: createAccount('security_admin'),
    audit_admin: createAccount('audit_admin'),
  };
  // The org admin's code was spent above and lastTotpStep records it, so the tests start past it.
  const result: E2eAccounts = { accounts, ownCadreId, otherCadreId };
  writeFileSync(process.env['E2E_ACCOUNTS_FILE']!, JSON.stringify(result), { mode: 0o600 });
}
