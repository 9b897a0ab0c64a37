import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { idCheckChar } from '../../lib/validation';
import { loginAndWait } from './helpers';

// The import report as a county clerk sees it for a real register (issue 15): the sheets read and skipped,
// the columns not imported, the defaults applied and the problems by sheet, row and column, in Chinese.

/** A valid ID number unique to this run (area digits 990198 are used by no seed). */
function idNumber(offset: number, male = true): string {
  const day = new Date(Date.UTC(1956, 0, 1) + ((Date.now() / 1000 + offset * 37) % 20_000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const body = `990198${day}${String(offset).padStart(2, '0')}${male ? 1 : 2}`;
  return body + idCheckChar(body);
}

async function registerFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const old = workbook.addWorksheet('2015年旧表', { state: 'hidden' });
  old.addRow(['行政村区划代码', '村民小组', '户主身份证号', '与户主关系', '姓名', '身份证号']);
  workbook.addWorksheet('填写说明').addRow(['每村一张表']);
  const header = [
    '行政村区划代码',
    '村民小组',
    '户主身份证号',
    '与户主关系',
    '姓名',
    '身份证号',
    '户状态',
    '识别年度',
    '脱贫年度',
  ];
  const a = workbook.addWorksheet('青石村');
  a.addRow([...header, '两不愁三保障', '', '', '', '', '', '民族']);
  a.addRow([
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '不愁吃',
    '不愁穿',
    '义务教育有保障',
    '基本医疗有保障',
    '住房安全有保障',
    '饮水安全有保障',
    '',
  ]);
  a.mergeCells('J1:O1');
  const h1 = idNumber(1);
  a.addRow([
    '990102101201',
    '１组',
    h1,
    '户主',
    '赵\u3000铁柱',
    h1,
    '未脱贫',
    2016,
    '',
    '是',
    '是',
    '否',
    '是',
    '是',
    '是',
    '汉族',
  ]);
  a.addRow([
    '990102101201',
    '1组',
    h1,
    '配偶',
    '钱秀兰',
    idNumber(2, false),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '汉族',
  ]);
  const h2 = idNumber(3);
  a.addRow(['990102101201', '2组', h2, '户主', '孙大山', h2, '未脱贫', 2016, 2019, '', '', '', '', '', '', '回族']);
  const b = workbook.addWorksheet('白杨村');
  b.addRow([...header, '健康状况', '劳动力状况']);
  const h3 = idNumber(4);
  b.addRow(['990102101202', '3组', h3, '户主', '李四', h3, '已脱贫', 2015, 2018, { error: '#N/A' }, '普通劳动力']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('the report names the sheets read and skipped, the columns not imported, the defaults and each problem', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await loginAndWait(page, 'county');
  await page.goto('/households/import');
  await page.setInputFiles('#roster-file', {
    name: '两村花名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await registerFile(),
  });
  await expect(page.getByText('检查结果')).toBeVisible({ timeout: 30_000 });
  const sheets = page.locator('[data-roster-sheets]');
  await expect(sheets).toContainText('2015年旧表隐藏的工作表，未读取');
  await expect(sheets).toContainText('填写说明前 10 行中没有花名册表头，未读取');
  await expect(sheets).toContainText('青石村已读取：3 行（两行表头，第 1–2 行）');
  await expect(sheets).toContainText('白杨村已读取：1 行（表头在第 1 行）');
  await expect(page.locator('[data-roster-skipped]')).toContainText('民族');
  const defaults = page.locator('[data-roster-defaults]');
  await expect(defaults).toContainText('缺少“健康状况”列：3 人记为“健康”'); // 青石村 has no such column
  await expect(defaults).toContainText('“不愁吃”留空 2 户：记为“未核实”');
  const issues = page.locator('[data-roster-issues] tr');
  await expect(issues.filter({ hasText: '填了脱贫年度 2019' })).toContainText('青石村');
  await expect(issues.filter({ hasText: '#N/A' })).toContainText('白杨村');
  await expect(issues.filter({ hasText: '已脱贫户须有脱贫当年（2018 年）的收入' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/roster-import-1366.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/roster-import-390.png', fullPage: true });

  // Only the household without a problem can be imported: 赵铁柱's.
  await expect(page.getByRole('button', { name: '确认导入 1 户、2 人' })).toBeVisible();
});

test('an .ods or .xls file is told how to convert it, never called damaged', async ({ page }) => {
  await loginAndWait(page, 'county');
  await page.goto('/households/import');
  await page.setInputFiles('#roster-file', {
    name: '花名册.ods',
    mimeType: 'application/vnd.oasis.opendocument.spreadsheet',
    buffer: Buffer.from('PK'),
  });
  await expect(page.locator('[data-form-error]')).toContainText('“另存为”Excel 工作簿（.xlsx）');
  await expect(page.locator('[data-form-error]')).not.toContainText('损坏');
  await page.setInputFiles('#roster-file', {
    name: '花名册.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from('x'),
  });
  await expect(page.locator('[data-form-error]')).toContainText('旧版 Excel（.xls）');
});
