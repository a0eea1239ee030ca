import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { computeIdNumberCheckDigit } from '../../shared-models/dist/index.js';
import { readAccounts, signInThroughPage } from '../support/accounts.js';

/** A valid resident ID for a fictional person born on 1993-03-0d, unique within this run. */
function idNumber(day: number, sequence: number): string {
  const first17 = `500105199303${String(day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
  return first17 + computeIdNumberCheckDigit(first17);
}

function person(name: string, sex: '男' | '女', id: string): Record<string, string> {
  return {
    姓名: name, 性别: sex, 出生年月: '1993.03', 民族: '汉族', 籍贯: '重庆江北', 出生地: '重庆江北',
    身份证号: id, 入党时间: '2015.06', 参加工作时间: '2016.07', 健康状况: '健康',
    全日制学历: '大学本科', 全日制学位: '学士', 全日制毕业院校系: '西南大学法学院',
    单位编码: 'JB-S01', 现任职务: '观音桥街道党建工作办公室科员', 职务层次: '非领导职务', 职级: '一级科员',
    任现职时间: '2021.09', 干部类别: '综合管理类', 任用方式: '委任',
    简历: '2012.09--2016.07  西南大学法学院法学专业学习\n2016.07--         观音桥街道党建工作办公室科员',
  };
}

/** Fills the template the page handed out: rows go below its notes and example rows. */
async function fillTemplate(templatePath: string, rows: Array<Record<string, string>>, outPath: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.worksheets[0]!;
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => headers.set(cell.text, column));
  let rowNumber = sheet.actualRowCount + 1;
  for (const values of rows) {
    const row = sheet.getRow(rowNumber++);
    for (const [header, value] of Object.entries(values)) row.getCell(headers.get(header)!).value = value;
    row.commit();
  }
  await workbook.xlsx.writeFile(outPath);
}

async function upload(page: Page, file: string) {
  await page.locator('cadre-excel-import input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: '上传并检查' }).click();
}

test.describe('Excel import', () => {
  test('a unit manager imports a file with one bad row, reads the report, fixes it and imports', async ({ page }, testInfo) => {
    await signInThroughPage(page, readAccounts().accounts.unit_manager);
    await page.getByRole('navigation').getByRole('link', { name: '导入' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '导入干部信息' })).toBeVisible();

    const templateDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载导入模板' }).click();
    const template = await (await templateDownload).path();

    const good = person('端到端甲', '男', idNumber(3, 11));
    const badId = idNumber(4, 12).slice(0, 17) + (idNumber(4, 12).endsWith('0') ? '1' : '0');
    const bad = person('端到端乙', '女', badId);
    const withError = testInfo.outputPath('import-with-error.xlsx');
    await fillTemplate(template, [good, bad], withError);
    await upload(page, withError);

    const report = page.getByRole('region', { name: /检查结果/ });
    await expect(report.getByRole('alert')).toContainText('未导入任何数据');
    const problems = report.getByRole('table', { name: '问题清单' });
    await expect(problems).toContainText('身份证号');
    // The row is named by its person as well as its number.
    await expect(problems).toContainText(/第 \d+ 行（端到端乙）/);
    await expect(problems.getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/import-report-error.png', fullPage: true });

    const fixed = testInfo.outputPath('import-fixed.xlsx');
    await fillTemplate(template, [good, { ...bad, 身份证号: idNumber(4, 12) }], fixed);
    await upload(page, fixed);
    await expect(report.getByRole('table', { name: /将新增以下 2 人/ })).toBeVisible();
    await page.getByRole('button', { name: '确认导入 2 人' }).click();
    await page.getByRole('dialog', { name: '确认导入' }).getByRole('button', { name: '导入', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '导入完成' })).toContainText('新增 2 人');

    await page.getByRole('link', { name: '查看干部台账' }).click();
    await page.getByRole('button', { name: /^筛选条件/ }).click();
    await page.getByLabel('姓名或职务').fill('端到端');
    await expect(page.locator('.summary .total')).toHaveText('共 2 人');
  });
});
