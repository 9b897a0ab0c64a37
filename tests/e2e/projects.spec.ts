// Issue 19: a project from proposal to asset in the browser, each step by the person it belongs to: the county
// office enters and approves it (a bad amount shown beside its field, nothing saved), pays a voucher (an overrun
// refused beside the amount), posts the notice; the township starts the work and reports it done; the county
// office, who did not implement it, accepts it and registers its asset. The project's pages pass axe at desktop
// and phone width. The notice period is fast-forwarded in the database (it lasts 10 days). The township's report
// of the finished work, with a photo, is entered while the network is cut and sent when it returns.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { loginAndWait, logout } from './helpers';

const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? '54349'}/bangfu_e2e`;
const VILLAGE = '990102101201';

let client: pg.Client;
let projectId: number | null = null;
test.beforeAll(async () => {
  client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
});
test.afterAll(async () => {
  if (projectId !== null) {
    await client.query(
      'DELETE FROM attachment WHERE project_step_id IN (SELECT id FROM project_step WHERE project_id = $1)',
      [projectId],
    );
    await client.query('DELETE FROM asset WHERE project_id = $1', [projectId]);
    await client.query('DELETE FROM project_payment WHERE project_id = $1', [projectId]);
    await client.query('DELETE FROM project WHERE id = $1', [projectId]);
  }
  await client.end();
});

/** A photo as a phone camera makes one (a real JPEG: uploads are decoded and re-encoded). */
async function cameraJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(64, 48);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#6b7f3b';
    context.fillRect(0, 0, 64, 48);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return btoa(String.fromCharCode(...new Uint8Array(await blob.arrayBuffer())));
  });
  return Buffer.from(base64, 'base64');
}

async function takeStep(page: Page, step: string, done: string) {
  await page.getByTestId('project-step').getByText(step, { exact: true }).first().click(); // the choice
  await page.getByTestId('project-step').getByRole('button', { name: step }).click();
  await expect(page.getByTestId('project-step').getByText(done, { exact: true })).toBeVisible();
}

async function noSeriousProblems(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, path).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(
    0,
  );
}

test('a project goes from proposal to asset, each step by its own person', async ({ page }) => {
  test.setTimeout(240_000);
  const year = new Date().getFullYear();
  const name = `E2E村道硬化${Date.now() % 100000}`;
  await loginAndWait(page, 'county');
  await page.goto('/projects');
  await page.getByRole('link', { name: '项目入库' }).click();
  await page.waitForURL('**/projects/new');
  await page.waitForLoadState('networkidle'); // the navigation settled, as before a person starts typing
  await page.getByLabel('项目名称').fill(name);
  await page.getByLabel('项目类型').selectOption('INFRASTRUCTURE');
  await page.getByLabel('计划完工日期').fill(`${year + 1}-06-30`);
  await page.getByLabel('建设内容').fill('硬化通村道路 2 公里');
  await page.getByLabel('涉及村').selectOption([VILLAGE]);
  await page.getByLabel('项目责任单位').selectOption({ index: 1 });
  await page.getByLabel('联系人', { exact: true }).fill('张工');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('中央财政专项扶贫资金').fill('50000');
  await page.getByLabel('县级财政专项扶贫资金').fill('10000.123');
  await page.getByRole('button', { name: '项目入库' }).click();
  await expect(page.getByLabel('县级财政专项扶贫资金')).toHaveAccessibleDescription(
    '请填写金额，如 12345.67（最多两位小数）',
  );
  await expect(page.getByLabel('项目名称')).toHaveValue(name); // what was typed stays
  await page.getByLabel('县级财政专项扶贫资金').fill('10000');
  await page.getByRole('button', { name: '项目入库' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  projectId = Number(new URL(page.url()).pathname.split('/').pop());
  expect(projectId).toBeGreaterThan(0);

  await takeStep(page, '论证通过，批复', '项目已批复');
  await page.locator('summary', { hasText: '登记拨付' }).click();
  await page.getByLabel('资金来源', { exact: true }).selectOption('CENTRAL');
  await page.getByLabel('金额（元）').fill('50000.01');
  await page.getByLabel('凭证号').fill(`E2E-${projectId}`);
  await page.getByLabel('收款单位或个人').fill('乡财政所');
  await page.getByRole('button', { name: '登记拨付' }).click();
  await expect(page.getByLabel('金额（元）')).toHaveAccessibleDescription(
    '超过这项资金的批复余额（还剩 50,000.00 元）',
  );
  await page.getByLabel('金额（元）').fill('20000');
  await page.getByRole('button', { name: '登记拨付' }).click();
  await expect(page.getByText('拨付已登记')).toBeVisible();
  await expect(page.getByTestId('project-paid-yuan')).toHaveText('20,000.00');
  await takeStep(page, '开始公示', '已开始公示');
  await expect(page.getByTestId('project-step').getByText('开工实施')).toHaveCount(0); // not while the notice runs

  // Ten days later (the notice period), the township starts the work and reports it done.
  await client.query(`UPDATE project SET notice_end_on = current_date - 1 WHERE id = $1`, [projectId]);
  await logout(page);
  await loginAndWait(page, 'township');
  await page.goto(`/projects/${projectId}`);
  await takeStep(page, '开工实施', '项目已开工');
  // The report of the finished work, with a photo, goes in while the signal is gone: nothing typed is lost.
  const progress = page.getByTestId('project-progress');
  await progress.getByLabel('进度（%）').fill('100');
  await progress
    .getByLabel('施工照片（可选，最多 6 张）')
    .setInputFiles({ name: 'road.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(page) });
  await page.context().setOffline(true);
  await progress.getByRole('button', { name: '报告进度' }).click();
  await expect(progress.getByRole('status').filter({ hasText: '没有信号：已放入待发送' })).toBeVisible();
  await page.context().setOffline(false);
  await expect
    .poll(
      async () =>
        (await client.query('SELECT progress_percent FROM project WHERE id = $1', [projectId])).rows[0]
          .progress_percent,
      { timeout: 30_000 },
    )
    .toBe(100);
  const { rows: photos } = await client.query(
    `SELECT count(*)::int AS n FROM attachment a JOIN project_step s ON s.id = a.project_step_id WHERE s.project_id = $1`,
    [projectId],
  );
  expect(photos[0].n).toBe(1);
  await page.reload();
  await expect(page.getByRole('img', { name: '照片 1' })).toBeVisible();
  await expect(page.getByTestId('project-step').getByText('验收', { exact: true })).toHaveCount(0); // the county's

  // The county office accepts it and registers what it built.
  await logout(page);
  await loginAndWait(page, 'county');
  await page.goto(`/projects/${projectId}`);
  await takeStep(page, '验收', '项目已验收');
  await page.getByLabel('资产名称').fill(`${name}（道路）`);
  await page.getByLabel('资产价值（元）').fill('60000');
  await page.getByLabel('所有权人').fill('村股份经济合作社');
  await page.getByLabel('管护人').fill('村委会');
  await page.getByRole('button', { name: '登记资产' }).click();
  await expect(page.getByText('资产已登记').first()).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toHaveText('资产已登记');
  await expect(page.locator('[data-asset]')).toContainText(`${name}（道路）`);

  // The ledgers and the board carry it.
  await page.goto('/projects/assets');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await page.goto(`/projects/payments`);
  await expect(page.getByText(`E2E-${projectId}`)).toBeVisible();
  await page.goto(`/projects/${projectId}/board`);
  await expect(page.getByTestId('project-board')).toContainText(name);
  await expect(page.getByTestId('project-board')).toContainText('60,000.00');

  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of [
      '/projects',
      '/projects/new',
      `/projects/${projectId}`,
      `/projects/${projectId}/board`,
      `/projects/notice?village=${VILLAGE}`,
      '/projects/payments',
      '/projects/assets',
      '/projects/beneficiaries',
      '/projects/funds',
      '/projects/mutual-aid',
      `/projects/mutual-aid/${VILLAGE}`,
    ])
      await noSeriousProblems(page, path);
  }
});
