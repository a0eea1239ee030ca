import { expect, test } from '@playwright/test';
import { readAccounts, signInThroughPage } from '../support/accounts.js';

// A newcomer's first look: the app started with `npm start` on an empty database shows the
// fictional demo district; the organization department sees its dashboard after signing in.
test.describe('home page of the demo district', () => {
  test('shows the Chinese dashboard with a chart drawn from the API', async ({ page }) => {
    await signInThroughPage(page, readAccounts().accounts.org_admin);

    await expect(page.getByRole('heading', { level: 1, name: '干部队伍概览' })).toBeVisible();
    await expect(page.locator('.total-number')).toHaveText('1,000');
    await expect(page.locator('ngx-charts-bar-vertical-stacked path.bar').first()).toBeVisible();
    expect(await page.locator('ngx-charts-bar-vertical-stacked path.bar').count()).toBeGreaterThan(10);
    await expect(page.getByRole('table')).toContainText('街道');
    await expect(page.getByText('示例数据，纯属虚构')).toBeVisible();
    await page.screenshot({ path: 'test-results/home-desktop.png', fullPage: true });
  });

  test('fits a phone: horizontal bars, navigation behind the menu button', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInThroughPage(page, readAccounts().accounts.assessor);
    // The assessor starts on their assessment work; the dashboard is one step away.
    await expect(page).toHaveURL(/\/assessment$/);
    await page.goto('/');

    await expect(page.locator('ngx-charts-bar-horizontal-stacked path.bar').first()).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'test-results/home-phone.png', fullPage: true });
    await page.getByRole('button', { name: '打开或关闭导航' }).click();
    await expect(page.getByRole('link', { name: '首页' })).toBeVisible();
  });

  test('switches to English on the sign-in page and keeps the choice after a reload', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('radio', { name: 'EN' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('登录');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('radio', { name: '中文' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  });
});

test.describe('API served beside the client', () => {
  test('/api/ready names the embedded database', async ({ request }) => {
    const res = await request.get('/api/ready');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.database).toEqual(expect.objectContaining({ kind: 'embedded', product: 'FerretDB' }));
  });

  test('an unknown API path is a problem document, not the app shell', async ({ request }) => {
    const res = await request.get('/api/nothing-here');
    expect(res.status()).toBe(404);
    expect(res.headers()['content-type']).toContain('application/problem+json');
  });

  test('a deep link to a client route serves the app shell, which asks to sign in', async ({ page }) => {
    const res = await page.goto('/some/client/route');
    expect(res?.status()).toBe(200);
    await expect(page.locator('mat-toolbar')).toContainText('江北区干部能力现代化平台');
    await expect(page).toHaveURL(/\/login/);
  });
});

