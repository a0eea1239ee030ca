import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readAccounts, signInThroughPage } from '../support/accounts.js';

// The organization department's daily tool: narrow the ledger, open a portrait, take the view
// away as a spreadsheet.
test.describe('ledger (台账)', () => {
  test('an org admin filters the ledger, opens a portrait and exports the view', async ({ page }) => {
    await signInThroughPage(page, readAccounts().accounts.org_admin);
    await page.getByRole('navigation').getByRole('link', { name: '干部台账' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '干部台账' })).toBeVisible();
    const total = page.locator('.summary .total');
    // Other journeys may have imported a few people into the 1,000 of the demo district.
    await expect(total).toHaveText(/共 1\d{3} 人/);
    const everyone = await total.textContent();
    // The table has the page at first; the filters open from their folded panel.
    await expect(page.getByRole('combobox', { name: '性别' })).toBeHidden();
    await page.getByRole('button', { name: /^筛选条件/ }).click();

    await page.getByRole('combobox', { name: '性别' }).click();
    await page.getByRole('option', { name: '女' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: '最高学历' }).click();
    await page.getByRole('option', { name: '研究生' }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/sex=%E5%A5%B3/);
    await expect(total).not.toHaveText(everyone!);
    const filteredCount = Number(/共 (\d+) 人/.exec((await total.textContent()) ?? '')?.[1]);
    expect(filteredCount).toBeGreaterThan(0);
    expect(filteredCount).toBeLessThan(100);
    // Each filter in force is named in a chip that stays in view with the panel folded.
    await page.getByRole('button', { name: /^筛选条件/ }).click();
    await expect(page.locator('.chips')).toContainText('性别：女');
    await expect(page.locator('.chips')).toContainText('最高学历：研究生');
    const firstRow = page.getByRole('row').nth(1);
    await expect(firstRow).toContainText('女');
    await expect(firstRow).toContainText('研究生');
    await page.screenshot({ path: 'test-results/ledger-filtered.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^干部台账-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe('姓名');
    expect(sheet.actualRowCount - 1).toBe(filteredCount);
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const sexColumn = headers.indexOf('性别');
    for (let r = 2; r <= sheet.actualRowCount; r++) expect(sheet.getRow(r).getCell(sexColumn).text).toBe('女');

    const name = (await firstRow.getByRole('link').textContent())!.trim();
    await firstRow.getByRole('link').click();
    await expect(page).toHaveURL(/\/cadres\/[0-9a-f]{24}$/);
    await expect(page.locator('#cadre-name')).toContainText(name);
    await expect(page.getByText('研究生').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/portrait.png', fullPage: true });

    await page.goBack();
    await expect(total).toHaveText(`共 ${filteredCount} 人`);
  });
});
