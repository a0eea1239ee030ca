import { expect, test } from '@playwright/test';
import { readAccounts, signInThroughPage, type RoleName } from '../support/accounts.js';

// Each role signs in through the login page (with its TOTP code where the role requires one)
// and lands on the page it works from.
const LANDINGS: Array<[RoleName, RegExp, string]> = [
  ['org_admin', /\/$/, '干部队伍概览'],
  ['assessor', /\/assessment$/, '我的考核工作'],
  ['unit_manager', /\/$/, '干部队伍概览'],
  ['cadre', /\/cadres\/[0-9a-f]{24}$/, '干部画像'],
  ['reviewer', /\/review$/, '容错纠错审核'],
  ['sys_admin', /\/admin\/users$/, '用户管理'],
  ['security_admin', /\/admin\/users$/, '用户管理'],
  ['audit_admin', /\/audit$/, '审计日志'],
];

test.describe('each role signs in and lands on its own home page', () => {
  for (const [role, url, heading] of LANDINGS) {
    test(role, async ({ page }) => {
      await signInThroughPage(page, readAccounts().accounts[role]);
      await expect(page).toHaveURL(url);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    });
  }
});

test('a cadre typing another cadre’s address gets “no access”, and the audit log shows the denial', async ({ page, browser }) => {
  const { accounts, otherCadreId, ownCadreId } = readAccounts();
  await signInThroughPage(page, accounts.cadre);
  await expect(page).toHaveURL(new RegExp(`/cadres/${ownCadreId}$`));
  // The own record shows the ID number masked (前6后4), with no way to reveal it.
  await expect(page.locator('.id-number code')).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  await expect(page.getByRole('button', { name: '显示完整号码' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/cadre-own-record.png', fullPage: true });

  await page.goto(`/cadres/${otherCadreId}`);
  await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();

  const auditor = await browser.newPage();
  await signInThroughPage(auditor, accounts.audit_admin);
  await expect(auditor).toHaveURL(/\/audit$/);
  // The row names the record (干部档案：name unit), never its hex id.
  const denial = auditor.getByRole('row').filter({ hasText: accounts.cadre.username }).filter({ hasText: '查看干部档案' }).filter({ hasText: '拒绝' });
  await expect(denial.first()).toBeVisible();
  await expect(denial.first()).toContainText('干部档案：');
  await expect(denial.first()).not.toContainText(otherCadreId);
  await auditor.screenshot({ path: 'test-results/audit-denial.png', fullPage: true });
});

test('a session opened through one API process is honoured by a second process on the same database', async ({ playwright }) => {
  const { accounts } = readAccounts();
  const first = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await first.get('/api/auth/session');
  const xsrf = (await first.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')!.value;
  const login = await first.post('/api/auth/login', {
    data: { username: accounts.reviewer.username, password: accounts.reviewer.password },
    headers: { 'X-XSRF-TOKEN': xsrf },
  });
  expect(login.status()).toBe(200);

  // Cookies are not bound to a port, so the same context presents the session to the second process.
  const second = await first.get(`${process.env['E2E_SECOND_URL']}/api/auth/session`);
  expect(second.status()).toBe(200);
  expect((await second.json()).username).toBe(accounts.reviewer.username);
  await first.dispose();
});
