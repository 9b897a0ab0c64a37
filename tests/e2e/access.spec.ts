import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login, loginAndWait } from './helpers';

test('a township user cannot open a village of another township by URL', async ({ page }) => {
  await loginAndWait(page, 'township');
  await page.goto('/regions/990102101201');
  await expect(page.getByText('村基本情况')).toBeVisible();
  // Out of the area is "not found", with the status code to match.
  const refused = await page.goto('/regions/990102102201');
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByText('村基本情况')).toHaveCount(0);
});

test('the system administrator cannot see area or household data', async ({ page }) => {
  await loginAndWait(page, 'sysadmin');
  await expect(page.getByText('行政村')).toHaveCount(0);
  expect((await page.goto('/regions/990102'))?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: '没有访问权限' })).toBeVisible();
  await page.goto('/regions/990102101201');
  await expect(page.getByText('村基本情况')).toHaveCount(0);
});

test('five wrong passwords lock the account, and the answer never tells which accounts exist', async ({ page }) => {
  const invalid = '用户名或密码不正确。密码连续输错 5 次，账号将锁定 15 分钟。';
  for (let i = 1; i <= 5; i++) {
    await login(page, 'lockme', `Wrong#Pass${i}`);
    await expect(page.locator('[data-form-error]')).toHaveText(invalid);
  }
  await login(page, 'lockme'); // the right password, but locked: the same answer as for anyone
  await expect(page.locator('[data-form-error]')).toHaveText(invalid);
  await expect(page.getByTestId('viewer-name')).toHaveCount(0);
  await login(page, 'no-such-user', 'Wrong#Pass1');
  await expect(page.locator('[data-form-error]')).toHaveText(invalid);
});

test('the login form shows a missing field beside it', async ({ page }) => {
  await page.goto('/login');
  // A real button: the full width of the form, at least 40 px tall, in the brand's fill.
  const button = page.getByRole('button', { name: '登录' });
  const box = await button.boundingBox();
  const field = await page.getByLabel('用户名').boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(40);
  expect(Math.abs((box?.width ?? 0) - (field?.width ?? 0))).toBeLessThanOrEqual(1);
  expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  await button.click();
  await expect(page.locator('[data-field-error="username"]')).toHaveText('此项必填');
  // The focus moves to the summary of what to fix.
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  await expect(page.locator('[data-error-summary]')).toHaveText('有 2 处需要修改，见下面标红的项。');
  await expect(page.getByLabel('用户名')).toHaveAttribute('aria-describedby', 'username-error');
});

test('a deep link survives the sign-in: the page asked for opens after it', async ({ page }) => {
  await page.goto('/teams/compliance?year=2026');
  await expect(page).toHaveURL(/\/login\?next=%2Fteams%2Fcompliance%3Fyear%3D2026$/);
  await page.getByLabel('用户名').fill('county');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/teams\/compliance\?year=2026$/);
  // Another host in `next` is ignored: the sign-in lands on the home page.
  await page.context().clearCookies();
  await page.goto('/login?next=//evil.example/');
  await page.getByLabel('用户名').fill('county');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/localhost:\d+\/$/);
});
