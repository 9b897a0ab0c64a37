// The county's compliance list: sorted by a click on a column heading (kept in the address), another year
// picked from the year picker, and the list as shown exported.
import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

test('the compliance list sorts by its headings, picks its year and exports what it shows', async ({ page }) => {
  await loginAndWait(page, 'county');
  await page.goto('/teams/compliance?status=all');
  const list = page.locator('section').filter({ has: page.getByRole('heading', { name: /^全部人员/ }) });
  const names = () => list.locator('tbody tr td:first-child').allInnerTexts();

  await list.getByRole('link', { name: '姓名' }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(list.locator('th[aria-sort="ascending"]')).toHaveText(/姓名/);
  const byName = await names();
  expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'zh-CN')));

  await list.getByRole('link', { name: '尚差' }).click();
  await expect(page).toHaveURL(/sort=shortfall/);
  const shortfalls = (await list.locator('tbody tr td:nth-child(7)').allInnerTexts()).map((cell) =>
    cell.split('/').reduce((sum, part) => sum + Number(part), 0),
  );
  expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));

  // Another year from the picker keeps the filter and the sort.
  const year = Number(await page.getByLabel('年度').inputValue());
  await page.getByLabel('年度').selectOption(String(year - 1));
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(new RegExp(`status=all.*sort=shortfall.*year=${year - 1}|year=${year - 1}.*status=all`));
  const exportLink = page.getByRole('link', { name: '导出 Excel' });
  await expect(exportLink).toHaveAttribute('href', new RegExp(`year=${year - 1}`));
  const download = page.waitForEvent('download');
  await exportLink.click();
  expect((await download).suggestedFilename()).toMatch(/驻村考勤达标情况\.xlsx$/);
});
