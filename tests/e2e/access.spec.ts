import { expect, test } from '@playwright/test';
import { login, loginAndWait } from './helpers';

test('a township user cannot open a village of another township by URL', async ({ page }) => {
  await loginAndWait(page, 'township');
  await page.goto('/regions/990102101201');
  await expect(page.getByText('村基本情况')).toBeVisible();
  // Pages stream behind a loading state, so the refusal shows as the 404 page rather than a status code.
  await page.goto('/regions/990102102201');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByText('村基本情况')).toHaveCount(0);
});

test('the system administrator cannot see area or household data', async ({ page }) => {
  await loginAndWait(page, 'sysadmin');
  await expect(page.getByText('行政村')).toHaveCount(0);
  await page.goto('/regions/990102');
  await expect(page.getByRole('heading', { name: '没有访问权限' })).toBeVisible();
  await page.goto('/regions/990102101201');
  await expect(page.getByText('村基本情况')).toHaveCount(0);
});

test('five wrong passwords lock the account and say so in Chinese', async ({ page }) => {
  for (let i = 1; i <= 4; i++) {
    await login(page, 'lockme', `Wrong#Pass${i}`);
    await expect(page.locator('[data-form-error]')).toHaveText('用户名或密码不正确。');
  }
  await login(page, 'lockme', 'Wrong#Pass5');
  await expect(page.locator('[data-form-error]')).toContainText('账号已锁定，请 15 分钟后再试');
  await login(page, 'lockme'); // the right password, still locked
  await expect(page.locator('[data-form-error]')).toContainText('账号已锁定');
  await expect(page.getByTestId('viewer-name')).toHaveCount(0);
});

test('the login form shows a missing field beside it', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('[data-field-error="username"]')).toHaveText('此项必填');
  await expect(page.getByLabel('用户名')).toHaveAttribute('aria-describedby', 'username-error');
});
