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

/** Steps spent per account in this process; tests re-read the accounts file, so it lives here. */
const spentSteps = new Map<string, number>();

/**
 * A TOTP code the server has not seen yet for this account. Each step is accepted once and the
 * server allows one step of drift, so a third sign-in within one 30-second step waits for the next.
 */
export async function freshTotpCode(account: E2eAccount): Promise<string> {
  const lastSpent = Math.max(spentSteps.get(account.username) ?? -1, account.lastTotpStep ?? -1);
  while (lastSpent + 1 > currentTotpStep() + 1) await new Promise((r) => setTimeout(r, 500));
  const step = Math.max(currentTotpStep(), lastSpent + 1);
  spentSteps.set(account.username, step);
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
    await page.getByLabel('动态验证码').fill(await freshTotpCode(account));
    await page.getByRole('button', { name: '验证' }).click();
  }
  // Signed in once the app has left the login page for the start page; a test that navigates
  // before that would cancel the sign-in and find itself back on the login page.
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}
