import { expect, test, type Page } from '@playwright/test';
import { readAccounts, signInThroughPage } from '../support/accounts.js';

// Two people keep one record up to date; neither may lose what they typed, to each other or
// to a stray click away from the long editor.
test.describe('record editor (编辑档案)', () => {
  test('a second save against a changed record merges field by field and keeps both people’s values', async ({ browser }) => {
    const { accounts, otherCadreId } = readAccounts();
    const edit = `/cadres/${otherCadreId}/edit`;
    const admin = await (await browser.newContext()).newPage();
    const manager = await (await browser.newContext()).newPage();
    await signInThroughPage(admin, accounts.org_admin);
    await signInThroughPage(manager, accounts.unit_manager);

    // Both open the record as it stands now.
    await admin.goto(edit);
    await manager.goto(edit);
    await expect(admin.getByLabel('专业技术职务')).toBeEditable();
    await expect(manager.getByLabel('专业技术职务')).toBeEditable();

    await admin.getByLabel('专业技术职务').fill('高级经济师');
    await admin.getByLabel('熟悉专业有何专长').fill('城市基层治理');
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await expect(admin).toHaveURL(new RegExp(`/cadres/${otherCadreId}$`));

    await manager.getByLabel('专业技术职务').fill('经济师（中级）');
    await manager.getByLabel('熟悉专业有何专长').fill('社区工作');
    await manager.getByRole('button', { name: '保存', exact: true }).click();

    const panel = manager.locator('.conflict');
    await expect(panel.getByRole('heading', { name: '已被他人修改' })).toBeVisible();
    await expect(panel.locator('legend')).toHaveText(['专业技术职务', '熟悉专业有何专长']);
    await expect(panel).toContainText('高级经济师');
    await expect(panel).toContainText('经济师（中级）');
    await expect(panel.getByRole('button', { name: '合并并保存' })).toBeDisabled();
    await manager.screenshot({ path: 'test-results/editor-conflict.png', fullPage: true });

    await panel.getByRole('radiogroup', { name: '专业技术职务' }).getByRole('radio', { name: /^保留我的/ }).check();
    await panel.getByRole('radiogroup', { name: '熟悉专业有何专长' }).getByRole('radio', { name: /^采用对方的/ }).check();
    await panel.getByRole('button', { name: '合并并保存' }).click();

    await expect(manager).toHaveURL(new RegExp(`/cadres/${otherCadreId}$`));
    await manager.reload();
    await expect(manager.locator('dt', { hasText: '专业技术职务' }).locator('+ dd')).toHaveText('经济师（中级）');
    await expect(manager.locator('dt', { hasText: '熟悉专业有何专长' }).locator('+ dd')).toHaveText('城市基层治理');
  });

  test('leaving with unsaved changes asks; cancelling stays with the edits, confirming leaves', async ({ page }) => {
    const { accounts, otherCadreId } = readAccounts();
    await signInThroughPage(page, accounts.org_admin);
    await page.goto(`/cadres/${otherCadreId}/edit`);
    const title = page.getByLabel('专业技术职务');
    await expect(title).toBeEditable();

    // Nothing typed yet: leaving is not questioned.
    await ledgerLink(page).click();
    await expect(page).toHaveURL(/\/ledger/);
    await page.goBack();
    await expect(title).toBeEditable();

    await title.fill('正高级经济师');
    await ledgerLink(page).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: '离开编辑页面？' })).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/edit$/);
    await expect(title).toHaveValue('正高级经济师');

    // Closing the tab is asked by the browser itself.
    let asked = false;
    page.once('dialog', (question) => {
      asked = question.type() === 'beforeunload';
      void question.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toBe(true);
    expect(page.isClosed()).toBe(false);

    await ledgerLink(page).click();
    await page.getByRole('dialog').getByRole('button', { name: '放弃修改并离开' }).click();
    await expect(page).toHaveURL(/\/ledger/);
  });
});

function ledgerLink(page: Page) {
  return page.getByRole('navigation').getByRole('link', { name: '干部台账' });
}
