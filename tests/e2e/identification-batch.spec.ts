import { expect, type Page, test } from '@playwright/test';
import { loginAndWait, logout } from './helpers';

// A village moved through identification in batches (tests: prisma/seed/fixtures.ts BATCH_FIXTURES in the team
// leader's village): the team ticks three applicants and takes each village step for all of them at once; the
// township's review of households whose notice is not over is refused for all, with each one listed, nothing
// written; households whose notice is over are reviewed and signed in one batch and go to the second notice.

/** The team leader's village code, read from a household page's link back to the village list. */
async function villageOf(page: Page, head: string): Promise<string> {
  await page.goto(`/households?q=${encodeURIComponent(head)}`);
  await page.getByRole('link', { name: head }).first().click();
  const back = page.getByRole('link', { name: /返回/ });
  const href = (await back.getAttribute('href')) ?? '';
  return new URL(href, 'http://x').searchParams.get('area') ?? '';
}

async function batchStep(page: Page, step: string, fill?: () => Promise<void>) {
  await page.getByLabel('办理步骤').selectOption({ label: step });
  if (fill) await fill();
  await page.getByRole('button', { name: '下一步：确认' }).click();
  await expect(page.getByTestId('batch-confirm')).toBeVisible();
  await page.getByRole('button', { name: '确认办理' }).click();
}

test('a village moves its applicants through identification in batches, and a refused batch writes nothing', async ({
  page,
}) => {
  await loginAndWait(page, 'teamleader');
  const village = await villageOf(page, '批量甲');
  expect(village).toMatch(/^\d{12}$/);

  // Tick the three applicants among the village's households that are not poor.
  await page.goto(`/households?area=${village}&status=NOT_POOR&q=${encodeURIComponent('批量')}`);
  for (const head of ['批量甲', '批量乙', '批量丙']) await page.getByLabel(`选择 ${head}`).check();
  await page.getByLabel('办理步骤').selectOption({ label: '已申请' });
  await page.getByRole('button', { name: '下一步：确认' }).click();
  await expect(page.getByTestId('batch-confirm')).toContainText('将为 3 户办理“已申请”');
  await page.getByRole('button', { name: '确认办理' }).click();
  await expect(page.getByText(/已为 3 户办理/)).toBeVisible();

  // All applicants of the village: the democratic appraisal, recorded once for the meeting.
  await page.goto(`/households?area=${village}&status=APPLIED`);
  for (const head of ['批量甲', '批量乙', '批量丙']) await expect(page.getByRole('link', { name: head })).toBeVisible();
  await page.getByLabel(/本村该状态的全部/).check();
  await batchStep(page, '村民主评议通过');
  await expect(page.locator('[data-form-error]')).toContainText('请填写民主评议的日期、参会人数和评议结果');
  await page.getByLabel('参会人数').fill('48');
  await page.getByRole('button', { name: '下一步：确认' }).click();
  await page.getByRole('button', { name: '确认办理' }).click();
  await expect(page.getByText(/已为 \d+ 户办理/)).toBeVisible();

  await page.goto(`/households?area=${village}&status=APPRAISED`);
  await page.getByLabel(/本村该状态的全部/).check();
  await batchStep(page, '村内第一次公示中');
  await expect(page.getByText(/已为 \d+ 户办理/)).toBeVisible();

  // The notice for the village board lists them with masked ID numbers and the period.
  await page.goto(`/households/notices?area=${village}&kind=FIRST_NOTICE`);
  const notice = page.getByTestId('notice');
  await expect(notice.getByRole('heading')).toContainText('贫困户识别第一次公示');
  await expect(notice.getByRole('cell', { name: '批量甲' })).toBeVisible();
  // Each household's period (the list holds households posted on different days): posted today, over in 7 days.
  await expect(notice.getByRole('row', { name: /批量甲/ })).toContainText(/(\d{4}-\d{2}-\d{2}) ~ \d{4}-\d{2}-\d{2}/);
  await expect(notice.getByText(/^\d{4}\*{10}\d{3}[\dX]$/).first()).toBeVisible();
  await logout(page);

  // The township: a review before the notice is over is refused for the whole batch, each household listed.
  await loginAndWait(page, 'township');
  await page.goto(`/households?area=${village}&status=FIRST_NOTICE`);
  for (const head of ['批量甲', '批量乙', '审一户']) await page.getByLabel(`选择 ${head}`).check();
  await batchStep(page, '乡镇已审核（签字背书）', () => page.getByLabel('本人已入户核实，签字背书').check());
  const refusal = page.locator('[data-form-error]');
  await expect(refusal).toContainText('2 户（共 3 户）不能办理这一步，全部未办理');
  await expect(refusal).toContainText('批量甲（村内第一次公示中）：公示期未满');
  await expect(refusal).toContainText('批量乙（村内第一次公示中）：公示期未满');
  await expect(refusal).not.toContainText('审一户');
  await page.goto(`/households?area=${village}&status=FIRST_NOTICE`);
  for (const head of ['批量甲', '审一户']) await expect(page.getByRole('link', { name: head })).toBeVisible();

  // Households whose notice is over: reviewed and signed together, then the second notice.
  for (const head of ['审一户', '审二户']) await page.getByLabel(`选择 ${head}`).check();
  await batchStep(page, '乡镇已审核（签字背书）', () => page.getByLabel('本人已入户核实，签字背书').check());
  await expect(page.getByText(/已为 2 户办理/)).toBeVisible();
  await page.goto(`/households?area=${village}&status=TOWNSHIP_REVIEWED`);
  await page.getByLabel(/本村该状态的全部/).check();
  await batchStep(page, '第二次公示中');
  await expect(page.getByText(/已为 \d+ 户办理/)).toBeVisible();
  await page.goto(`/households?q=${encodeURIComponent('审一户')}`);
  await page.getByRole('link', { name: '审一户' }).first().click();
  await expect(page.getByText(/签字背书：.*李建国/)).toBeVisible();
  await expect(page.locator('main').getByText('第二次公示中').first()).toBeVisible();
});
