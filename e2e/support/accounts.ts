import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { computeTotp, currentTotpStep } from '../../api/dist/auth/totp.js';

export type RoleName =
  | 'org_admin'
  | 'assessor'
  | 'unit_manager'
  | 'cadre'
  | 'reviewer'
  | 'sys_admin'
  | 'security_admin'
  | 'audit_admin';

export interface E2eAccount {
  username: string;
  password: string;
  totpSecret: string | null;
  /** The last TOTP step spent on this account, by the global setup, so tests never replay it. */
  lastTotpStep?: number;
}

export interface E2eAccounts {
  accounts: Record<RoleName, E2eAccount>;
  /** Another cadre of the same street, whose record the cadre account must not open. */
  otherCadreId: string;
  ownCadreId: string;
}

export function readAccounts(): E2eAccounts {
  return JSON.parse(readFileSync(process.env['E2E_ACCOUNTS_FILE']!, 'utf8')) as E2eAccounts;
}

/** A TOTP code the server has not seen yet for this account (each step is accepted once). */
export function freshTotpCode(account: E2eAccount): string {
  const step = Math.max(currentTotpStep(), (account.lastTotpStep ?? -1) + 1);
  account.lastTotpStep = step;
  return computeTotp(account.totpSecret!, step);
}

/** Signs in through the login page, passing the TOTP step when the account has one. */
export async function signInThroughPage(page: Page, account: E2eAccount): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  if (account.totpSecret) {
    await expect(page.getByLabel('动态验证码')).toBeVisible();
    await page.getByLabel('动态验证码').fill(freshTotpCode(account));
    await page.getByRole('button', { name: '验证' }).click();
  }
}
