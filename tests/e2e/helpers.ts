import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Bangfu@2026';

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function loginAndWait(page: Page, username: string, password = DEMO_PASSWORD) {
  await login(page, username, password);
  await expect(page.getByTestId('viewer-name')).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);
}
