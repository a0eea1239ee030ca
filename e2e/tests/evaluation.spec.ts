import { expect, test, type Page } from '@playwright/test';
import { readAccounts, signInThroughPage } from '../support/accounts.js';

// The assessment journey end to end: an assessor launches a cycle for one street, a cadre fills
// forms on a phone, the assessor closes, calibrates with a reason and locks, and the cadre's
// portrait radar then draws the result.
const CYCLE_NAME = `端到端考核 ${Date.now()}`;

async function confirmDialog(page: Page, action: string, confirm = action): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click();
}

/** Picks the first (best) rubric level of every indicator, submits, and confirms. */
async function fillAndSubmit(page: Page): Promise<void> {
  // The indicators' groups only: the header's language switch is a radio group too.
  const groups = page.getByRole('radiogroup', { name: /评价等级$/ });
  await expect(groups.first()).toBeVisible();
  const count = await groups.count();
  await expect(page.getByText(`已评 0/${count} 项`)).toBeVisible();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio').first().check();
  await expect(page.getByText(`已评 ${count}/${count} 项`)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交', exact: true }).click();
  await expect(page.getByText('测评表已提交')).toBeVisible();
}

test('an assessor launches a cycle, a cadre rates at phone width, the assessor calibrates with a reason, and the portrait radar shows the result', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { accounts, ownCadreId } = readAccounts();

  // The assessor sets up a cycle for the demo street and launches it.
  await signInThroughPage(page, accounts.assessor);
  await page.getByRole('navigation').getByRole('link', { name: '考核测评' }).click();
  await page.getByRole('link', { name: '新建考核' }).click();
  await page.getByLabel('考核名称').fill(CYCLE_NAME);
  await page.getByRole('combobox', { name: '评价体系' }).click();
  await page.getByRole('option').first().click();
  await page.getByRole('combobox', { name: '单位' }).fill('观音桥');
  await page.getByRole('option', { name: '观音桥街道' }).first().click();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: CYCLE_NAME })).toBeVisible();
  await confirmDialog(page, '启动测评');
  await expect(page.getByText('测评中').first()).toBeVisible();
  const cycleUrl = page.url();

  // The cadre, on a phone, rates a peer and then themself.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', baseURL: test.info().project.use.baseURL });
  const cadre = await phone.newPage();
  await signInThroughPage(cadre, accounts.cadre);
  await expect(cadre).toHaveURL(new RegExp(`/cadres/${ownCadreId}$`));
  await cadre.goto('/my-ratings');
  const section = cadre.getByRole('region', { name: CYCLE_NAME });
  // A colleague: a peer where the street has one at the cadre's level, else whoever else they rate.
  const peers = section.getByRole('listitem').filter({ hasText: '以同级身份评价' });
  const colleague = (await peers.count()) > 0 ? peers.first() : section.getByRole('listitem').filter({ hasNotText: '以本人身份评价' }).first();
  await colleague.getByRole('link', { name: '填写' }).click();
  await expect(cadre.getByText(/本表(匿名|实名)/)).toBeVisible();
  expect(await cadre.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await cadre.screenshot({ path: 'test-results/rating-form-phone.png', fullPage: true });
  await fillAndSubmit(cadre);
  await cadre.goto('/my-ratings');
  await section.getByRole('listitem').filter({ hasText: '以本人身份评价' }).getByRole('link', { name: '填写' }).click();
  await fillAndSubmit(cadre);

  // The assessor closes rating, calibrates the cadre's grade with a reason, and locks.
  await page.goto(cycleUrl);
  await confirmDialog(page, '结束测评');
  await expect(page.getByText('校准中').first()).toBeVisible();
  await page.getByRole('link', { name: '校准等次' }).click();
  await page.getByRole('link', { name: '观音桥街道' }).click();
  const row = page.getByRole('row').filter({ has: page.locator(`a[href$="/results/${ownCadreId}"]`) });
  const before = (await row.locator('td.final').textContent())!.trim();
  const after = before === '称职' ? '基本称职' : '称职';
  await row.getByRole('button', { name: /^调整/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: after }).check();
  await dialog.getByLabel('调整理由').fill('端到端测试：经考核委员会研究调整');
  await dialog.getByRole('button', { name: '确认调整' }).click();
  await expect(row.locator('td.final')).toHaveText(after);
  await expect(row).toContainText('已调整');
  await page.getByRole('link', { name: '返回单位列表' }).click();
  await confirmDialog(page, '锁定等次', '锁定');
  await expect(page.getByText('本周期已锁定，等次不能再修改。')).toBeVisible();

  // The cadre's portrait draws this cycle's result in the radar.
  await cadre.goto(`/cadres/${ownCadreId}`);
  await expect(cadre.getByText(`依据：${CYCLE_NAME}`)).toBeVisible();
  await expect(cadre.locator('cadre-competency-radar svg')).toBeVisible();
  await cadre.screenshot({ path: 'test-results/portrait-radar-phone.png', fullPage: true });
  await phone.close();
});
