import { expect, type Page, test } from '@playwright/test';
import { idCheckChar } from '@/lib/validation';
import { loginAndWait } from './helpers';

/** 办理, then the confirmation that says what the step will do. */
async function takeStep(page: Page) {
  await page.getByRole('button', { name: '办理', exact: true }).click();
  await expect(page.getByTestId('confirm-step')).toContainText(/将为本户办理“.+”/);
  await page.getByRole('button', { name: '确认办理', exact: true }).click();
}

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
  await expect(page.getByText(`${good.slice(0, 4)}**********${good.slice(-4)}`, { exact: true })).toBeVisible(); // masked

  await page.goto('/households');
  await page.getByPlaceholder('户主姓名、拼音首字母或身份证后4位').fill('zsf');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: '张三丰' }).first().click();
  await expect(page.getByRole('heading', { name: '张三丰户' })).toBeVisible();

  // Identification: application, the village's appraisal (recorded), the first notice; the township's review waits for it.
  const step = async (label: string) => {
    await page.getByLabel('下一步').selectOption({ label });
    await page.getByLabel('说明').fill('经村民代表会议评议');
    await takeStep(page);
  };
  // The step asks first; 返回 leaves everything as it was.
  await page.getByLabel('下一步').selectOption({ label: '已申请' });
  await page.getByRole('button', { name: '办理', exact: true }).click();
  await expect(page.getByTestId('confirm-step')).toContainText('将为本户办理“已申请”');
  await expect(page.getByRole('button', { name: '确认办理' })).toBeFocused();
  await page.getByRole('button', { name: '返回', exact: true }).click();
  await expect(page.getByTestId('confirm-step')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '办理', exact: true })).toBeVisible();
  await step('已申请');
  await expect(page.locator('main').getByText('已申请').first()).toBeVisible();
  await page.getByLabel('下一步').selectOption({ label: '村民主评议通过' });
  await takeStep(page);
  await expect(page.locator('[data-field-error="appraisalOn"]')).toHaveText('请填写民主评议的日期、参会人数和评议结果');
  await page.getByLabel('下一步').selectOption({ label: '村民主评议通过' });
  await page.getByLabel('参会人数').fill('42');
  await takeStep(page);
  await expect(page.getByText(/民主评议：.*42 人参加，同意/)).toBeVisible();
  await step('村内第一次公示中');
  await expect(page.getByLabel('下一步')).toBeVisible();
  await page.getByLabel('下一步').selectOption({ label: '乡镇已审核（签字背书）' });
  await page.getByLabel('本人已入户核实，签字背书').check();
  await takeStep(page);
  await expect(page.locator('[data-field-error="to"]')).toContainText('公示期未满');
  await expect(page.locator('[data-field-error="to"]')).toContainText('还需 7 天');
});

test('a household whose first notice has run its period is reviewed and signed by the township, then waits for the county', async ({
  page,
}) => {
  await loginAndWait(page, 'township');
  await page.goto('/households?q=qmh');
  await page.getByRole('link', { name: '期满户' }).click();
  await page.getByLabel('下一步').selectOption({ label: '乡镇已审核（签字背书）' });
  await takeStep(page);
  await expect(page.locator('[data-field-error="vouch"]')).toHaveText('乡镇审核须签字背书：请勾选确认');
  await page.getByLabel('下一步').selectOption({ label: '乡镇已审核（签字背书）' });
  await page.getByLabel('本人已入户核实，签字背书').check();
  await takeStep(page);
  await expect(page.getByText(/签字背书：.*李建国/)).toBeVisible();
  await page.getByLabel('下一步').selectOption({ label: '第二次公示中' });
  await takeStep(page);
  // The county's review is the county's step: the township is offered only to withdraw it.
  await expect(page.locator('main').getByText('第二次公示中').first()).toBeVisible();
  await expect(page.getByLabel('下一步').locator('option')).toHaveText(['非贫困户']);
  const url = page.url();
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);

  await loginAndWait(page, 'county');
  await page.goto(url);
  await page.getByLabel('下一步').selectOption({ label: '县级已复核' });
  await takeStep(page);
  await expect(page.locator('[data-field-error="to"]')).toContainText('公示期未满');
  await expect(page.getByText(`识别年度`).locator('xpath=following-sibling::dd[1]')).toHaveText('—');
});

test('a county clerk finds a village by typing its name in the area picker; an unknown name says so', async ({
  page,
}) => {
  await loginAndWait(page, 'county');
  await page.goto('/households');
  const place = page.getByLabel('乡镇或村');
  await expect(page.locator('#household-places option[value="马峪乡 平岭村"]')).toHaveCount(1);
  await place.fill('马峪乡 平岭村');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/place=/);
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toContainText('马峪乡 平岭村');
  expect((await rows.allInnerTexts()).every((row) => row.includes('马峪乡 平岭村'))).toBe(true);
  await expect(place).toHaveValue('马峪乡 平岭村'); // kept for the next search

  await place.fill('没有这个村');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '没有找到“没有这个村”' })).toBeVisible();
});

test('the household list follows what is typed, keeps the box focused, and never jumps back once a result is opened', async ({
  page,
}) => {
  await loginAndWait(page, 'county');
  await page.goto('/households');
  const box = page.getByPlaceholder('户主姓名、拼音首字母或身份证后4位');
  await box.pressSequentially('qmh', { delay: 60 });
  await expect(page).toHaveURL(/[?&]q=qmh/);
  await expect(page.getByRole('link', { name: '期满户' }).first()).toBeVisible();
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('qmh');

  // Typing, then opening a result before the pause is over: the user stays where they went.
  await page.goto('/households');
  const first = page.locator('tbody a[href^="/households/"]').first();
  const href = (await first.getAttribute('href'))!;
  await box.pressSequentially('z');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await page.waitForTimeout(1000); // longer than the search's pause
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('a list keeps its filters when the menu brings the user back to it', async ({ page }) => {
  await loginAndWait(page, 'county');
  await page.goto('/households?q=qmh');
  await expect(page.getByRole('link', { name: '期满户' }).first()).toBeVisible();
  const menu = page.getByRole('navigation', { name: '主菜单', exact: true });
  await menu.getByRole('link', { name: '数据看板' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/数据看板$/);
  await menu.getByRole('link', { name: '农户' }).click();
  await expect(page).toHaveURL(/\/households\?q=qmh$/);
  await expect(page.getByPlaceholder('户主姓名、拼音首字母或身份证后4位')).toHaveValue('qmh');
  // The problem ledger's 清除筛选 forgets them: the menu then opens the whole list.
  await page.goto('/problems?overdue=1');
  await page.getByRole('link', { name: '清除筛选' }).click();
  await expect(page).toHaveURL(/\/problems\?$|\/problems$/);
  await menu.getByRole('link', { name: '数据看板' }).click();
  await menu.getByRole('link', { name: '问题台账' }).click();
  await expect(page).toHaveURL(/\/problems$/);
});
