import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

// The batch step on a phone (390 px): the team leader ticks a household and takes a step for it; the list,
// the batch panel and the confirmation fit the screen.
test('a team leader takes a batch step on a phone, and the page fits the screen', async ({ page }) => {
  await loginAndWait(page, 'teamleader');
  await page.goto(`/households?q=${encodeURIComponent('批量丁')}`);
  await page.getByRole('link', { name: '批量丁' }).first().click();
  const href = (await page.getByRole('link', { name: /返回/ }).getAttribute('href')) ?? '';
  const village = new URL(href, 'http://x').searchParams.get('area') ?? '';
  await page.goto(`/households?area=${village}&status=NOT_POOR&q=${encodeURIComponent('批量')}`);
  await expect(page.getByText('批量办理')).toBeVisible();
  await page.getByLabel('选择 批量丁').check();
  await page.getByLabel('办理步骤').selectOption({ label: '已申请' });
  await page.getByRole('button', { name: '下一步：确认' }).click();
  await expect(page.getByTestId('batch-confirm')).toContainText('将为 1 户办理“已申请”');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.getByTestId('batch-confirm').screenshot({ path: 'test-results/identification-batch-phone.png' });
  await page.getByRole('button', { name: '确认办理' }).click();
  await expect(page.getByText(/已为 1 户办理/)).toBeVisible();
  await page.goto(`/households?area=${village}&status=APPLIED`);
  await expect(page.getByRole('link', { name: '批量丁' })).toBeVisible();
});
