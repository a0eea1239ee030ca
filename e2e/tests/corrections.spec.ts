import { expect, test } from '@playwright/test';
import { readAccounts, signInThroughPage } from '../support/accounts.js';

// A cadre on a phone asks to correct 籍贯; their unit manager approves it with the value written
// out in full; the record changes without anyone retyping it, and the cadre sees who decided.
test('an approved correction changes the record, and the cadre sees the outcome by the manager’s display name', async ({ browser }) => {
  const { accounts, ownCadreId } = readAccounts();
  const proposed = '四川省广安市';
  const approved = '四川省广安市广安区';

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const cadre = await phone.newPage();
  await signInThroughPage(cadre, accounts.cadre);
  await expect(cadre).toHaveURL(new RegExp(`/cadres/${ownCadreId}$`));

  await cadre.getByRole('button', { name: '申请更正' }).click();
  const request = cadre.getByRole('dialog');
  await request.getByRole('combobox', { name: '更正项目' }).click();
  await cadre.getByRole('option', { name: '籍贯', exact: true }).click();
  await request.getByLabel('正确内容').fill(proposed);
  // A long reason, as people write them, must wrap on a phone rather than widen the page.
  await request.getByLabel('理由').fill(`以户口簿登记为准${'，户口簿首页记载的籍贯与档案不一致，已于本年度向派出所核实并取得证明材料'.repeat(3)}`);
  await cadre.screenshot({ path: 'test-results/correction-request-phone.png' });
  await request.getByRole('button', { name: '提交申请' }).click();
  await expect(request).toBeHidden();
  const mine = cadre.locator('cadre-own-corrections li').filter({ hasText: '籍贯' }).first();
  await expect(mine).toContainText('待审核');

  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const manager = await desk.newPage();
  await signInThroughPage(manager, accounts.unit_manager);
  await expect(manager).not.toHaveURL(/\/login/);
  await manager.goto('/corrections');
  const item = manager.locator('li.request').filter({ hasText: '以户口簿登记为准' });
  await item.getByRole('button', { name: '同意' }).click();
  const approval = manager.getByRole('dialog');
  const value = approval.getByLabel('籍贯');
  await expect(value).toHaveValue(proposed);
  await value.fill(approved);
  await approval.getByLabel('审核意见').fill('已核对户口簿，按规范写全');
  await manager.screenshot({ path: 'test-results/correction-approve-desk.png' });
  await manager.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => manager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await manager.screenshot({ path: 'test-results/correction-approve-phone.png' });
  await approval.getByRole('button', { name: '同意' }).click();
  await expect(approval).toBeHidden();
  await expect(manager.getByText('档案已更正')).toBeVisible();

  await manager.goto(`/cadres/${ownCadreId}`);
  await expect(manager.locator('dd', { hasText: approved })).toBeVisible();

  await cadre.reload();
  await expect(cadre.locator('dd', { hasText: approved })).toBeVisible();
  const outcome = cadre.locator('cadre-own-corrections li').filter({ hasText: '已同意' }).first();
  await expect(outcome).toContainText('已核对户口簿，按规范写全');
  await expect(outcome).toContainText(`档案已更正为${approved}`);
  await expect(outcome).toContainText('端到端unit_manager于');
  await expect(outcome).not.toContainText(accounts.unit_manager.username);
  await outcome.scrollIntoViewIfNeeded();
  expect(await cadre.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await cadre.screenshot({ path: 'test-results/correction-outcome-phone.png' });
  await phone.close();
  await desk.close();
});
