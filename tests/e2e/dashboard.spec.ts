// Issue 7, the dashboard: a read-only leader drills from the county to a township, a village, the
// households behind a figure and one household, comes back up, exports the tables and prints.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { loginAndWait } from './helpers';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
/** A section (Card) of the page by its title. */
const section = (page: Page, title: string): Locator =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const figure = (row: Locator, key: string) => row.locator(`td[data-figure="${key}"]`);

test('a leader drills from the county to a household and back, exports and prints', async ({ page }) => {
  await loginAndWait(page, 'leader');
  await page.getByRole('link', { name: '数据看板' }).first().click();
  await expect(heading(page)).toHaveText('丰源县数据看板');
  await expect(page.getByTestId('dashboard-freshness')).toContainText('截至');

  // Read-only: nothing on the page could change data (export and print only).
  const main = page.locator('main');
  await expect(main.locator('form')).toHaveCount(0);
  await expect(main.getByRole('button')).toHaveText(['打印']);

  // First screen: the areas most behind, worst first, each with the rules it misses in words.
  const behind = section(page, '最需关注');
  const worst = behind.getByTestId('worst-first').locator('li').first();
  await expect(worst).toContainText(/● \S+/);
  const worstCode = await worst.getAttribute('data-area');
  expect(worstCode).toMatch(/^990102\d{3}$/);

  // The county row of figures is the sum of its townships (shown in the total row).
  const households = section(page, '农户与贫困人口');
  const townshipRows = households.locator('tbody tr[data-area^="990102"]');
  await expect(townshipRows).toHaveCount(2);
  const cells = async (rows: Locator, key: string) =>
    (await figure(rows, key).allInnerTexts()).map((t) => Number(t.replace(/[^\d]/g, '')));
  const perTownship = await cells(townshipRows, 'poorHouseholds');
  const [total] = await cells(households.locator('tr[data-area="total"]'), 'poorHouseholds');
  expect(perTownship.reduce((a, b) => a + b, 0)).toBe(total);
  await expect(page.getByTestId('tile-poor')).toContainText(`${total} /`);

  // County → township (a click on its name).
  const township = townshipRows.first();
  const townshipCode = await township.getAttribute('data-area');
  await township.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?area=${townshipCode}$`));
  await expect(heading(page)).toHaveText(/数据看板$/);

  // Township → a village with poor households → the list behind the figure.
  const village = section(page, '农户与贫困人口')
    .locator('tbody tr[data-area]')
    .filter({ has: page.locator('td[data-figure="poorHouseholds"] a') })
    .first();
  const villageName = await village.getByRole('link').first().innerText();
  await village.getByRole('link', { name: villageName }).click();
  await expect(heading(page)).toHaveText(`${villageName}数据看板`);
  const villageRow = section(page, '农户与贫困人口').locator('tbody tr[data-area]');
  const poor = Number(await figure(villageRow, 'poorHouseholds').innerText());
  await figure(villageRow, 'poorHouseholds').getByRole('link').click();
  await expect(page).toHaveURL(/\/households\?area=\d{12}&set=poor$/);
  await expect(page.getByTestId('household-set')).toContainText(`贫困户（未脱贫）共 ${poor} 户`);
  await expect(page.locator('tbody tr a[href^="/households/"]')).toHaveCount(poor);

  // → one household, and back up the way we came.
  await page.locator('tbody tr a[href^="/households/"]').first().click();
  await expect(page).toHaveURL(/\/households\/\d+$/);
  await page.goBack();
  await page.goBack();
  await expect(heading(page)).toHaveText(`${villageName}数据看板`);
  await page.getByRole('navigation', { name: '区域层级' }).getByRole('link', { name: '丰源县' }).click();
  await expect(heading(page)).toHaveText('丰源县数据看板');

  // Export: the same figures on paper.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^丰源县 \d{4}年驻村帮扶数据\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile((await download.path())!)).buffer);
  const sheet = workbook.worksheets[0];
  expect(String(sheet.getCell(1, 1).value)).toContain('丰源县');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const totalRow = rows.find((r) => r[0] === '丰源县合计')!;
  expect(totalRow[3]).toBe(total); // 农户, 人口, 贫困户: the county's poor households

  // Print: the area and date on top, no navigation.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(/^丰源县.*驻村帮扶数据看板$/)).toBeVisible();
  await expect(page.getByText(/^打印日期 \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByRole('link', { name: '导出 Excel' })).toBeHidden();
});
