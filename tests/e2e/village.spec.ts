import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

test('bad village input is shown beside the field and nothing is saved', async ({ page }) => {
  await loginAndWait(page, 'county');
  await page.goto('/regions/990102101204');
  const latitude = page.getByLabel('纬度');
  const before = await latitude.inputValue();
  await latitude.fill('95');
  await page.getByLabel('计划退出年度').fill('明年');
  await page.getByRole('button', { name: '保存村信息' }).click();
  await expect(page.locator('[data-field-error="latitude"]')).toHaveText('不能大于 54');
  await expect(page.locator('[data-field-error="plannedExitYear"]')).toHaveText('请输入数字');
  await expect(latitude).toHaveValue('95'); // what was typed stays
  await page.reload();
  await expect(page.getByLabel('纬度')).toHaveValue(before);

  await page.getByLabel('纬度').fill('34.6123');
  await page.getByRole('button', { name: '保存村信息' }).click();
  await expect(page.getByRole('status').filter({ hasText: '村信息已保存' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/34\.6123,/)).toBeVisible();
});
