// Accessibility of the pages issue 13 added (account approvals, cross-area duplicates): axe finds
// nothing serious or critical, at desktop size, with a pending request in the list.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loginAndWait, logout } from './helpers';

test('approvals and duplicates pages have no serious accessibility problems', async ({ page }) => {
  await loginAndWait(page, 'sysadmin');
  await page.goto('/admin/users/new');
  await page.getByLabel('用户名').fill('axe-check');
  await page.getByLabel('姓名').fill('无障碍');
  await page.getByLabel('角色').selectOption({ index: 3 });
  await page.getByLabel('管辖范围').selectOption({ index: 2 });
  await page.getByRole('button', { name: '新建账号' }).click();
  await expect(
    page.getByText('账号已提交，待县扶贫办审批。审批通过后由审批人告知初始密码，审批前无法登录。'),
  ).toBeVisible();
  await logout(page);

  await loginAndWait(page, 'county');
  for (const path of ['/admin/approvals', '/households/duplicates']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (path === '/admin/approvals')
      await expect(page.getByTestId('pending-request').filter({ hasText: 'axe-check' })).toHaveCount(1);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, path).toEqual([]);
  }
});
