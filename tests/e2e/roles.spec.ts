import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

const ALL_MENUS = ['首页', '区域', '账号管理', '账号审批', '政策参数', '审计日志', '我的账号'];
const MENUS: Record<string, string[]> = {
  sysadmin: ['首页', '账号管理', '我的账号'],
  county: ['首页', '区域', '账号审批', '政策参数', '我的账号'],
  township: ['首页', '区域', '政策参数', '我的账号'],
  teamleader: ['首页', '区域', '我的账号'],
  member: ['首页', '区域', '我的账号'],
  cadre: ['首页', '区域', '我的账号'],
  leader: ['首页', '区域', '政策参数', '我的账号'],
  inspector: ['首页', '区域', '政策参数', '我的账号'],
  auditor: ['首页', '审计日志', '我的账号'],
};

for (const [username, menus] of Object.entries(MENUS)) {
  test(`${username} logs in and sees only its own menus`, async ({ page }) => {
    await loginAndWait(page, username);
    const nav = page.getByRole('navigation', { name: '主菜单', exact: true });
    for (const menu of ALL_MENUS) {
      const link = nav.getByRole('link', { name: menu, exact: true });
      if (menus.includes(menu)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
  });
}

test('the county admin drills down from the county to a village', async ({ page }) => {
  await loginAndWait(page, 'county');
  await expect(page.getByRole('heading', { name: '丰源县工作概况' })).toBeVisible();
  await page.getByRole('link', { name: '按区域逐级查看' }).click();
  const firstTownship = page.locator('tbody a').first();
  const townshipName = await firstTownship.innerText();
  await firstTownship.click();
  await expect(page.getByRole('heading', { name: townshipName })).toBeVisible();
  await page.locator('tbody a').first().click();
  await expect(page.getByText('村基本情况')).toBeVisible();
  await page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '丰源县' }).click();
  await expect(page.getByRole('heading', { name: '丰源县' })).toBeVisible();
});

test('the interface switches to English and back', async ({ page }) => {
  await loginAndWait(page, 'county');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('link', { name: 'Policy settings' }).first()).toBeVisible();
  await page.getByRole('link', { name: '中文' }).click();
  await expect(page.getByRole('link', { name: '政策参数' }).first()).toBeVisible();
});
