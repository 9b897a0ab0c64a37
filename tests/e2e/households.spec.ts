import { expect, test } from '@playwright/test';
import { chinaYear } from '@/lib/time';
import { idCheckChar } from '@/lib/validation';
import { loginAndWait } from './helpers';

/** A valid ID number unique to this run (the area digits 990198 are used by no seed). */
function idNumber(): string {
  const day = new Date(Date.UTC(1960, 0, 1) + (Date.now() % 15_000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const body = `990198${day}${String(Date.now() % 1000).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

test('a township clerk registers a household, corrects a bad ID beside the field, and finds it by pinyin initials', async ({
  page,
}) => {
  await loginAndWait(page, 'township');
  await page.goto('/households/new');
  await page.getByLabel('所在行政村').selectOption({ index: 1 });
  await page.getByLabel('户主姓名').fill('张三丰');
  const good = idNumber();
  const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  await page.getByLabel('户主身份证号').fill(bad);
  await page.getByLabel('村民小组').fill('3组');
  await page.getByRole('button', { name: '新增农户' }).click();
  await expect(page.locator('[data-field-error="headIdNumber"]')).toHaveText('身份证号校验位不对，请逐位核对');
  await expect(page.getByLabel('户主身份证号')).toHaveValue(bad); // what was typed stays
  await expect(page.getByLabel('户主姓名')).toHaveValue('张三丰');

  await page.getByLabel('户主身份证号').fill(good);
  await page.getByRole('button', { name: '新增农户' }).click();
  await expect(page.getByRole('heading', { name: '张三丰户' })).toBeVisible();
  await expect(page.getByText(`${good.slice(0, 4)}**********${good.slice(-4)}`)).toBeVisible(); // masked

  await page.goto('/households');
  await page.getByPlaceholder('户主姓名 / 拼音首字母 / 身份证后4位').fill('zsf');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: '张三丰' }).first().click();
  await expect(page.getByRole('heading', { name: '张三丰户' })).toBeVisible();

  // Registration: propose, post the village notice; the review waits for the notice period.
  const step = async (label: string) => {
    await page.getByLabel('下一步').selectOption({ label });
    await page.getByLabel('说明').fill('经村民代表会议评议');
    await page.getByRole('button', { name: '办理' }).click();
  };
  await step('拟识别');
  await expect(page.locator('main').getByText('拟识别').first()).toBeVisible();
  await step('村内公示中');
  await expect(page.getByLabel('下一步')).toBeVisible();
  await step('乡镇审核中');
  await expect(page.locator('[data-form-error]')).toContainText('公示期未满，还需 5 天');
});

test('a household whose notice has run its period is reviewed by the township and registered by the county', async ({
  page,
}) => {
  const step = async (label: string) => {
    await page.getByLabel('下一步').selectOption({ label });
    await page.getByLabel('说明').fill('公示期满无异议');
    await page.getByRole('button', { name: '办理' }).click();
  };
  await loginAndWait(page, 'township');
  await page.goto('/households?q=qmh');
  await page.getByRole('link', { name: '期满户' }).click();
  await step('乡镇审核中');
  await expect(page.getByLabel('下一步').locator('option', { hasText: '县级公告中' })).toHaveCount(1);
  await step('县级公告中');
  // Registration itself is the county's step: the township is not offered it.
  await expect(page.getByText('当前状态下您没有可办理的步骤。')).toBeVisible();
  const url = page.url();
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);

  await loginAndWait(page, 'county');
  await page.goto(url);
  await step('建档立卡贫困户');
  await expect(page.locator('header, main').getByText('建档立卡贫困户').first()).toBeVisible();
  await expect(page.getByText(`识别年度`).locator('xpath=following-sibling::dd[1]')).toHaveText(String(chinaYear()));
});
