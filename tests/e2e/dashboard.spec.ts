// Issue 7, the dashboard: a read-only leader drills from the county to a township, a village, the
// households behind a figure and one household, comes back up, exports the tables and prints.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { loginAndWait } from './helpers';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
/** A card of the page by its title. */
const section = (page: Page, title: string): Locator =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
/** A figures section by its title, opened (sections start closed; an opened one stays open for the tab). */
async function openSection(page: Page, title: string): Promise<Locator> {
  const details = page
    .locator('details[data-testid^="section-"]')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator('summary').click();
  await expect(details.locator('table')).toBeVisible();
  return details;
}
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

  // The sections start closed, each saying how many areas miss or are behind on its rules.
  await expect(page.getByTestId('section-households').locator('table')).toBeHidden();
  await expect(page.getByTestId('section-visits').locator('summary')).toContainText(/个区域|均达到要求/);

  // The county row of figures is the sum of its townships (shown in the total row).
  const households = await openSection(page, '农户与贫困人口');
  const townshipRows = households.locator('tbody tr[data-area^="990102"]');
  await expect(townshipRows).toHaveCount(2);
  const cells = async (rows: Locator, key: string) =>
    (await figure(rows, key).allInnerTexts()).map((t) => Number(t.replace(/[^\d]/g, '')));
  const perTownship = await cells(townshipRows, 'poorHouseholds');
  const [total] = await cells(households.locator('tr[data-area="total"]'), 'poorHouseholds');
  expect(perTownship.reduce((a, b) => a + b, 0)).toBe(total);
  await expect(page.getByTestId('tile-poor')).toContainText(`${total} ·`);

  // County → township (a click on its name).
  const township = townshipRows.first();
  const townshipCode = await township.getAttribute('data-area');
  await township.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?area=${townshipCode}$`));
  await expect(heading(page)).toHaveText(/数据看板$/);
  // The township's projects, read beside its figures: the count the township's project page shows.
  const projects = page.getByTestId('dashboard-projects').getByRole('link').first();
  await expect(projects).toHaveAttribute('href', `/projects?area=${townshipCode}`);
  const projectPage = await (await page.request.get(`/projects?area=${townshipCode}`)).text();
  expect(projectPage).toContain(`data-testid="project-total">${await projects.innerText()}<`);

  // Township → a village with poor households → the list behind the figure. The section opened on the
  // county is still open here.
  await expect(page.getByTestId('section-households').locator('table')).toBeVisible();
  const village = (await openSection(page, '农户与贫困人口'))
    .locator('tbody tr[data-area]')
    .filter({ has: page.locator('td[data-figure="poorHouseholds"] a') })
    .first();
  const villageName = await village.getByRole('link').first().innerText();
  await village.getByRole('link', { name: villageName }).click();
  await expect(heading(page)).toHaveText(`${villageName}数据看板`);
  const villageRow = (await openSection(page, '农户与贫困人口')).locator('tbody tr[data-area]');
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

test("a bar of a section's chart drills into its area", async ({ page }) => {
  await loginAndWait(page, 'leader');
  await page.goto('/dashboard');
  const households = await openSection(page, '农户与贫困人口');
  const first = await households.locator('tbody tr[data-area^="990102"]').first().getAttribute('data-area');
  // The chart's first bar is the table's first area (both in code order).
  await households.locator('.recharts-bar-rectangle').first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?area=${first}$`));
});

test('red only below the policy line, amber up to it; headings sort; the printout fits A4 landscape', async ({
  page,
}) => {
  await loginAndWait(page, 'leader');
  await page.goto('/dashboard');
  await expect(heading(page)).toHaveText('丰源县数据看板');
  // The lines come from the county's policy (local defaults 95% and 90%) and the legend says so.
  await expect(page.getByText(/^● 红色：未达要求；▲ 黄色：有风险/)).toContainText('走访覆盖率不低于 90%');

  // Every visit rate: below 90% red (●), from 90% up to all done amber (▲), 100% plain; never colour alone.
  const visits = await openSection(page, '入户走访');
  const rates = visits.locator('td[data-figure="cadreVisitRate"], td[data-figure="teamVisitRate"]');
  const seen = await rates.evaluateAll((cells) =>
    cells.map((td) => ({
      rate: Number(/(\d+\.\d)%/.exec(td.textContent ?? '')![1]),
      mark: td.getAttribute('data-mark'),
      text: td.textContent ?? '',
    })),
  );
  expect(seen.length).toBeGreaterThan(2);
  for (const { rate, mark, text } of seen) {
    const expected = rate < 90 ? 'missed' : rate < 100 ? 'atRisk' : null;
    expect({ rate, mark }).toEqual({ rate, mark: expected });
    if (mark === 'missed') expect(text).toMatch(/^●未达要求：/);
    if (mark === 'atRisk') expect(text).toMatch(/^▲有风险：/);
  }

  // A heading sorts the areas by its figure, lowest share first; a second click turns the order round.
  await visits.getByRole('link', { name: '干部走访率' }).click();
  await expect(page).toHaveURL(/sort=visits\.cadreVisitRate(#|$)/);
  const sorted = page.getByTestId('section-visits');
  await expect(sorted.getByRole('columnheader', { name: /干部走访率/ })).toHaveAttribute('aria-sort', 'ascending');
  const order = async () =>
    (await sorted.locator('tbody tr[data-area^="990102"] td[data-figure="cadreVisitRate"]').allTextContents()).map(
      (text) => Number(/(\d+\.\d)%/.exec(text)![1]),
    );
  const ascending = await order();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await sorted.getByRole('link', { name: /干部走访率/ }).click();
  await expect(sorted.getByRole('columnheader', { name: /干部走访率/ })).toHaveAttribute('aria-sort', 'descending');
  expect(await order()).toEqual([...ascending].sort((a, b) => b - a));
  await expect(sorted.locator('tbody tr').last()).toHaveAttribute('data-area', 'total'); // the total stays last

  // Paper: A4 landscape, 273 mm between the margins (about 1,030 px). Every section prints open, no table or
  // chart runs past the page, no on-screen hint or button, and the area, date and page number are set for
  // every page (CSS page margin boxes).
  await page.setViewportSize({ width: 1030, height: 800 });
  await page.emulateMedia({ media: 'print' });
  for (const id of ['households', 'teams', 'pairings', 'visits', 'problems', 'oversight', 'monitoring'])
    await expect(page.getByTestId(`section-${id}`).locator('table')).toBeVisible();
  await expect(page.getByTestId('dashboard-freshness')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll('main table, main figure, main svg')]
      .filter((element) => element.getBoundingClientRect().width > 0)
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((element) => element.tagName),
  );
  expect(overflowing).toEqual([]);
  const pageRule = await page.evaluate(() =>
    document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'),
  );
  expect(pageRule).toContain('size: a4 landscape');
  expect(pageRule).toMatch(/@top-left \{ content: "丰源县 \d{4}年驻村帮扶数据看板 · 打印日期 \d{4}-\d{2}-\d{2}/);
  expect(pageRule).toContain('"第 " counter(page) " 页，共 " counter(pages) " 页"');
  // The PDF itself: landscape A4 pages (842 × 595 pt), more than one.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  expect(boxes.length).toBeGreaterThan(1);
  for (const box of boxes) expect(box).toEqual([842, 595]);
});
