import { expect, test } from '@playwright/test';
import { login, loginAndWait, logout } from './helpers';

test('an account with area data waits for the county office, whose approver hands over the password to be changed at first login', async ({
  page,
}) => {
  await loginAndWait(page, 'sysadmin');
  await page.goto('/admin/users/new');
  await page.getByLabel('用户名').fill('xiaoli');
  await page.getByLabel('姓名').fill('李小丽');
  await page.getByLabel('角色').selectOption('TOWNSHIP_STAFF');
  await page.getByLabel('管辖范围').selectOption('990102101');
  await page.getByRole('button', { name: '新建账号' }).click();
  await expect(page.getByText('账号已提交，待县扶贫办审批')).toBeVisible();
  await expect(page.getByTestId('issued-password-value')).toHaveCount(0);
  await logout(page);

  // Another person, the county office admin, approves and receives the first password.
  await loginAndWait(page, 'county');
  await page.goto('/admin/approvals');
  await expect(page.getByTestId('pending-request').filter({ hasText: 'xiaoli' })).toContainText('新建账号');
  await page.getByRole('button', { name: '批准 xiaoli' }).click();
  await expect(page.getByText('已批准，账号已生效')).toBeVisible();
  const issued = await page.getByTestId('issued-password-value').innerText();
  expect(issued.length).toBeGreaterThanOrEqual(10);
  await expect(page.getByTestId('pending-request').filter({ hasText: 'xiaoli' })).toHaveCount(0);
  await logout(page);

  await login(page, 'xiaoli', issued);
  await expect(page).toHaveURL(/\/change-password/);
  await expect(page.getByText('这是管理员发放的初始密码')).toBeVisible();
  await page.getByLabel('当前密码').fill(issued);
  await page.getByLabel('新密码', { exact: true }).fill('short');
  await page.getByLabel('再次输入新密码').fill('short');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.locator('[data-field-error="newPassword"]')).toContainText('密码至少 10 位');
  await page.getByLabel('当前密码').fill(issued);
  await page.getByLabel('新密码', { exact: true }).fill('Xiaoli#2026ok');
  await page.getByLabel('再次输入新密码').fill('Xiaoli#2026ok');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('viewer-name')).toHaveText('李小丽');
  await expect(page.getByRole('heading', { name: /工作概况/ })).toBeVisible();
});

test('disabling an account ends its open session at the next request', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  const user = await (await browser.newContext()).newPage();
  await loginAndWait(user, 'inspector');
  await loginAndWait(admin, 'sysadmin');
  await admin.goto('/admin/users?q=inspector');
  await admin.getByRole('link', { name: 'inspector' }).click();
  await admin.getByRole('button', { name: '停用账号' }).click();
  await expect(admin.getByText('账号已停用，其登录已立即失效')).toBeVisible();
  await user.goto('/');
  await expect(user).toHaveURL(/\/login/);
  await admin.getByRole('button', { name: '启用账号' }).click();
  await expect(admin.getByText('账号已启用')).toBeVisible();
});
