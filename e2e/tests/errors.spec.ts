import { expect, test } from '@playwright/test';
import { readAccounts, signInThroughPage } from '../support/accounts.js';

// Issue 11, item 3: honest errors, for a cadre on a phone.
test.use({ viewport: { width: 390, height: 844 } });

/** A well-formed ObjectId no record has: the API answers 404, not 403. */
const NO_SUCH_RECORD = '0123456789abcdef01234567';

test('a cadre on a phone: lands on their record, and missing pages, missing records and empty forms say so in Chinese', async ({ page }) => {
  const { accounts, ownCadreId } = readAccounts();
  await signInThroughPage(page, accounts.cadre);
  await expect(page).toHaveURL(new RegExp(`/cadres/${ownCadreId}$`));

  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/cadres/${ownCadreId}$`));
  await expect(page.getByRole('heading', { level: 1, name: '干部画像' })).toBeVisible();

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
  await page.screenshot({ path: 'test-results/errors-page-not-found-390.png', fullPage: true });
  await page.getByRole('link', { name: '返回首页' }).click();
  await expect(page).toHaveURL(new RegExp(`/cadres/${ownCadreId}$`));

  await page.goto(`/cadres/${NO_SUCH_RECORD}`);
  await expect(page.getByRole('heading', { level: 1, name: '档案不存在' })).toBeVisible();
  await expect(page.getByText('无权访问')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/errors-record-not-found-390.png', fullPage: true });

  await page.goto(`/cadres/${ownCadreId}`);
  await page.getByRole('button', { name: '申请更正' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '提交申请' }).click();
  const errors = dialog.locator('mat-error');
  await expect(errors.first()).toBeVisible();
  const texts = (await errors.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text, text).toMatch(/[\u4e00-\u9fff]/);
    expect(text, text).not.toMatch(/[A-Za-z"|_]/);
  }
  await page.screenshot({ path: 'test-results/errors-correction-empty-390.png', fullPage: true });
});

test('a wrong password tells how many attempts remain', async ({ page }) => {
  const { accounts } = readAccounts();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(accounts.reviewer.username);
  await page.getByLabel('密码').fill('Wrong#Password1');
  await page.getByRole('button', { name: '登录' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('用户名或密码错误');
  await expect(alert).toContainText(/还可尝试 [1-4] 次/);
  await page.screenshot({ path: 'test-results/errors-attempts-remaining-390.png', fullPage: true });

  // The right password clears the count, so other journeys start from a clean account.
  await signInThroughPage(page, accounts.reviewer);
  await expect(page.getByRole('heading', { level: 1, name: '容错纠错审核' })).toBeVisible();
});

test.describe('at desktop width', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the assessor and the reviewer start on pages describing their work', async ({ page }) => {
    const { accounts } = readAccounts();
    await signInThroughPage(page, accounts.assessor);
    await expect(page).toHaveURL(/\/assessment$/);
    await expect(page.getByRole('heading', { level: 1, name: '我的考核工作' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '待校准' })).toBeVisible();
    await page.screenshot({ path: 'test-results/errors-assessor-work-1280.png', fullPage: true });
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
    await page.screenshot({ path: 'test-results/errors-page-not-found-1280.png', fullPage: true });

    await page.context().clearCookies();
    await signInThroughPage(page, accounts.reviewer);
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByRole('heading', { level: 2, name: '我的案件' })).toBeVisible();
    await expect(page.getByText('目前没有分配给您的案件。')).toBeVisible();
    await page.screenshot({ path: 'test-results/errors-reviewer-cases-1280.png', fullPage: true });
  });
});
