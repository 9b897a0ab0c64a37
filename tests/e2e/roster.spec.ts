import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { idCheckChar } from '../../lib/validation';
import { loginAndWait } from './helpers';

/** A valid ID number unique to this run (area digits 990197 are used by no seed). */
function idNumber(offset: number, male = true): string {
  const day = new Date(Date.UTC(1955, 0, 1) + ((Date.now() / 1000 + offset) % 20_000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const body = `990197${day}${String(offset).padStart(2, '0')}${male ? 1 : 2}`;
  return body + idCheckChar(body);
}

async function rosterFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['行政村区划代码', '村民小组', '户主身份证号', '与户主关系', '姓名', '身份证号', '健康状况']);
  const head1 = idNumber(1);
  const head2 = idNumber(2);
  const good = idNumber(3, false);
  const badId = good.slice(0, 17) + (good[17] === '0' ? '1' : '0'); // wrong check digit
  sheet.addRow(['990102101201', '1组', head1, '户主', '赵铁柱', head1, '健康']);
  sheet.addRow(['990102101201', '1组', head1, '配偶', '钱秀兰', idNumber(4, false), '长期慢性病']);
  sheet.addRow(['990102101201', '2组', head2, '户主', '孙大山', head2, '健康']);
  sheet.addRow(['990102101201', '2组', head2, '子女', '孙小梅', badId, '健康']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('a county clerk imports a roster with one bad row: the report names it, only valid households go in', async ({
  page,
}) => {
  await loginAndWait(page, 'county');
  await page.goto('/households');
  await page.getByRole('link', { name: '导入花名册' }).click();
  await page.setInputFiles('#roster-file', {
    name: '花名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await rosterFile(),
  });
  await expect(page.getByText('检查结果')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('问题清单（1）')).toBeVisible();
  const issue = page.locator('tbody tr').filter({ hasText: '校验位' });
  await expect(issue).toHaveCount(1);
  await expect(issue.locator('td').first()).toHaveText('5'); // row 5 of the sheet: the header is row 1
  await page.getByRole('button', { name: /确认导入/ }).click();
  await expect(page.getByText('导入结果')).toBeVisible({ timeout: 30_000 });

  await page.goto('/households?q=赵铁柱');
  await expect(page.getByRole('link', { name: '赵铁柱' })).toBeVisible();
  await page.goto('/households?q=孙大山');
  await expect(page.getByText('没有符合条件的记录')).toBeVisible(); // its household had the bad row
});
