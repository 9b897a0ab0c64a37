// Issue 8, on the spot: an inspector draws an unannounced visit for yesterday, and on a 390-px phone
// marks the drawn team's members absent one by one until one whose attendance claims yesterday in the
// village raises a discrepancy; only once the inspection is done does the county find it in the
// discrepancy list and on the dashboard (an unannounced visit stays unseen until then, issue 13).
import { expect, test } from '@playwright/test';
import { loginAndWait, logout } from './helpers';

const yesterday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));

test('an inspector records an absence that contradicts a claimed day, and the county sees the discrepancy', async ({
  page,
}) => {
  const day = yesterday();
  await loginAndWait(page, 'inspector');
  await page.getByRole('navigation', { name: '常用菜单' }).getByRole('link', { name: '督查考核' }).click();
  const plan = page.getByRole('form', { name: '新建督查' });
  await plan.getByLabel('督查类型').selectOption('UNANNOUNCED');
  await plan.getByLabel('抽取范围').selectOption({ label: '丰源县' });
  await plan.getByLabel('督查日期').fill(day);
  await plan.getByLabel('抽取村数').fill('1');
  await plan.getByLabel('每村抽取户数').fill('2');
  await plan.getByRole('button', { name: '随机抽取并建立督查' }).click();
  await expect(page).toHaveURL(/\/inspections\/\d+$/);
  await expect(page.getByTestId('draw-seed')).toHaveText(/^[0-9a-f]{8}$/);
  await expect(page.getByText('按种子复核：与当前候选范围重新抽取结果一致')).toBeVisible();
  await expect(page.getByText(`工作队在岗情况（${day}）`)).toBeVisible();

  // Absent, member by member, until one's attendance claims the day: that one is a discrepancy.
  const members = page.locator('form[data-presence]');
  const count = await members.count();
  expect(count).toBeGreaterThan(0);
  let contradicted = '';
  for (let i = 0; i < count && !contradicted; i++) {
    const form = members.nth(i);
    const name = (await form.locator('span.font-medium').innerText()).trim();
    await form.getByRole('button', { name: '不在岗' }).click();
    const message = form.getByRole('status');
    await expect(message).toHaveText(/已记录/);
    if ((await message.innerText()).includes('考勤不实')) contradicted = name;
  }
  expect(contradicted).not.toBe('');
  await page.reload();
  await expect(page.getByTestId('discrepancy').first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const inspectionUrl = page.url();
  await logout(page);

  await loginAndWait(page, 'township');
  await page.goto('/inspections/discrepancies');
  await expect(
    page.locator('tr[data-discrepancy]').filter({ hasText: contradicted }).filter({ hasText: day }),
  ).toHaveCount(0);
  await logout(page);

  await loginAndWait(page, 'inspector');
  await page.goto(inspectionUrl);
  await page.getByRole('button', { name: '完成督查' }).click();
  await expect(page.getByText(/· 已完成$/)).toBeVisible(); // the page now shows it done, without the form
  await expect(page.getByRole('button', { name: '完成督查' })).toHaveCount(0);
  await logout(page);

  await loginAndWait(page, 'county');
  await page.goto('/inspections/discrepancies');
  const row = page.locator('tr[data-discrepancy]').filter({ hasText: contradicted }).filter({ hasText: day });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/到村|驻村/);
  await row.getByRole('link', { name: contradicted }).click();
  await expect(page.getByTestId('person-oversight')).toContainText(`${day} 考勤不实`);
  await page.goto('/dashboard');
  const oversight = page.getByTestId('section-oversight');
  await oversight.locator('summary').click(); // sections start closed
  const discrepancies = oversight.locator('tr[data-area="total"] td[data-figure="discrepancies"]');
  await expect(discrepancies).toHaveText(/[1-9]/);
  await discrepancies.getByRole('link').click();
  await expect(page).toHaveURL(/\/inspections\/discrepancies\?area=990102$/);
  await expect(page.locator('tr[data-discrepancy]').filter({ hasText: contradicted })).not.toHaveCount(0);
});
