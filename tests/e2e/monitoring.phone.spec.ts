// Issue 15 on a 390-px phone: the township makes a household's help plan of the year (一户一策: the paired
// cadre is responsible, measures with targets and yuan), enters the household under return-to-poverty monitoring
// (防返贫监测) with a risk and a measure, moves the measure on and closes the risk (风险消除) on a named person's
// verification; the monitoring page lists it in the township's scope without scrolling sideways.
import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

test('township: help plan, monitoring and risk closure on a phone', async ({ page }) => {
  await loginAndWait(page, 'township');
  await page.goto('/households?area=990102101&set=poor');
  const rows = page.locator('main table a[href^="/households/"]');
  await expect(rows.first()).toBeVisible();
  const links = (await rows.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter((href) =>
    /^\/households\/\d+$/.test(href),
  );
  // 一户一策: the first poor household with a paired cadre (the plan names that cadre; without one it refuses).
  const plan = page.locator('section').filter({ hasText: '帮扶计划（一户一策一干部）' });
  let household = '';
  for (const href of links.slice(0, 15)) {
    await page.goto(href);
    if ((await plan.textContent())?.includes('责任干部为结对干部')) {
      household = href;
      break;
    }
    await expect(plan).toContainText('该户还没有结对干部：先结对，再制定帮扶计划');
  }
  expect(household).not.toBe('');
  const toggle = plan.locator('summary');
  if ((await plan.locator('details').getAttribute('open')) === null) await toggle.click();
  await plan.getByLabel('增收目标（元/年）').fill('6800');
  await plan.locator('#target_PV').fill('光伏收益认领 3 千瓦');
  await plan.locator('#amount_PV').fill('3000');
  await plan.getByRole('button', { name: '保存帮扶计划' }).click();
  // The saved plan, and the form stays open with its message (a first plan's card used to fold it away).
  await expect(plan).toContainText('光伏收益认领 3 千瓦（3,000 元）');
  await expect(plan.getByRole('status').filter({ hasText: '帮扶计划已保存。' })).toBeVisible();
  // The household's page fits the phone: its income table scrolls inside its card.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // Entered under monitoring by the township.
  await page.getByRole('link', { name: '纳入监测' }).click();
  await expect(page).toHaveURL(/\/monitoring\/new\?household=\d+/);
  await page.getByLabel('监测类型').selectOption('MARGINAL');
  await page.getByLabel('大额医疗支出').check();
  await page.locator('#target_HEALTH').fill('大病保险与医疗救助报销');
  await page.locator('#amount_HEALTH').fill('8000');
  await page.getByRole('button', { name: '纳入监测' }).click();
  await expect(page).toHaveURL(/\/monitoring\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('边缘易致贫户');
  await expect(page.locator('main')).toContainText('健康帮扶：大病保险与医疗救助报销（8,000 元）');

  // The measure done; the risk closed only with who verified it and when.
  await page.getByLabel('健康帮扶').selectOption('DONE');
  await page.getByRole('button', { name: '更新进度' }).click();
  await expect(page.getByRole('status').filter({ hasText: '措施进度已更新。' })).toBeVisible();
  await page.getByRole('button', { name: '确认风险消除' }).click();
  await expect(page.getByLabel('核实人')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('核实人').fill('王核实');
  await page.getByLabel('核实情况').fill('医疗费用报销到位，家庭收支恢复正常');
  await page.getByRole('button', { name: '确认风险消除' }).click();
  await expect(page.locator('main')).toContainText('经 王核实 核实风险消除：医疗费用报销到位，家庭收支恢复正常');

  // The household's page and the monitoring page show it; nothing scrolls sideways.
  await page.goto('/monitoring?state=closedThisYear');
  await expect(page.locator('main table').last()).toContainText(/\d{4}-\d{2}-\d{2} 风险消除/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.goto(household);
  await expect(page.locator('section').filter({ hasText: '防返贫监测' })).toContainText('纳入监测');
});
