import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

test('a team leader uses the app on a 390-px phone', async ({ page }) => {
  await loginAndWait(page, 'teamleader');
  const bottomNav = page.getByRole('navigation', { name: '常用菜单' });
  await expect(bottomNav).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主菜单', exact: true })).toBeHidden();
  await bottomNav.getByRole('link', { name: '数据看板' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/村数据看板$/); // their own village
  await expect(page.getByTestId('section-households')).toBeVisible();
  const dashboardOverflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(dashboardOverflow).toBeLessThanOrEqual(0); // wide tables scroll inside their card
  await page.getByRole('link', { name: '查看本村详情' }).click();
  await expect(page.getByText('村基本情况')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0); // nothing wider than the phone
  await page.screenshot({ path: 'test-results/phone-village.png', fullPage: true });
});
