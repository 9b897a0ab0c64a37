// Issue 16, the installable app: once visited, the field pages open with no signal (reload included) from the
// service worker; other pages answer "需要网络" with the way back to the field pages, not the browser's own
// error; signing out empties the kept pages, and the next user on the same phone finds none of them.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { loginAndWait } from './helpers';

const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? '54349'}/bangfu_e2e`;
const VILLAGE_CODE = '990102101201';

/** The pages the worker keeps for this user, by path. */
const keptPages = (page: Page) =>
  page.evaluate(async () => {
    if (!(await caches.has('pages-v1'))) return [];
    const keys = await (await caches.open('pages-v1')).keys();
    return keys.map((request) => new URL(request.url).pathname);
  });

test('field pages open offline once visited, others need the network, and the next user finds nothing kept', async ({
  page,
  context,
}) => {
  test.slow();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ id: number }>(
    `SELECT id FROM household WHERE region_code = $1 ORDER BY id LIMIT 1`,
    [VILLAGE_CODE],
  );
  await client.end();
  const household = `/households/${rows[0].id}`;

  await loginAndWait(page, 'teamleader');
  // The manifest is linked and says how the phone installs the app.
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ short_name: '驻村帮扶', display: 'standalone', start_url: '/' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Each page stays open a moment, as a user's would: the worker keeps a copy of it.
  for (const path of ['/attendance', '/outbox', household]) {
    await page.goto(path);
    await expect.poll(() => keptPages(page)).toContain(path);
  }

  await context.setOffline(true);
  await page.goto('/attendance');
  await expect(page.getByRole('heading', { name: '考勤打卡' })).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-testid="today"]:visible')).toHaveCount(1);
  await page.goto(household);
  await expect(page.getByTestId('viewer-name')).toBeVisible();
  await page.goto('/outbox');
  await expect(page.getByRole('heading', { name: '待发送' })).toBeVisible();
  // A page that is not for the field: said plainly, with the way to the field pages.
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: '需要网络' })).toBeVisible();
  await expect(page.getByRole('link', { name: '考勤打卡' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('offline-page-390.png') });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.getByRole('link', { name: '考勤打卡' }).click();
  await expect(page.locator('[data-testid="today"]:visible')).toHaveCount(1);
  await context.setOffline(false);

  // Signing out empties what was kept.
  await page.goto('/attendance');
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => keptPages(page)).toEqual([]);

  // Another user on the same phone: the first user's household page is not there for them offline.
  await loginAndWait(page, 'member');
  await page.goto('/attendance');
  await expect.poll(() => keptPages(page)).not.toContain(household);
  await context.setOffline(true);
  await page.goto(household);
  await expect(page.getByRole('heading', { name: '需要网络' })).toBeVisible();
  await context.setOffline(false);
});

test('any other form without signal says nothing was saved and keeps what was typed, never the error page', async ({
  page,
  context,
}) => {
  await loginAndWait(page, 'teamleader');
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ id: number }>(
    `SELECT id FROM household WHERE region_code = $1 ORDER BY id LIMIT 1`,
    [VILLAGE_CODE],
  );
  await client.end();
  await page.goto(`/households/${rows[0].id}`);
  const wage = page.getByLabel('工资性收入');
  await context.setOffline(true);
  await wage.fill('12345');
  await page.getByRole('button', { name: /^保存 \d{4} 年收入$/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: '网络中断，没有保存任何内容' })).toBeVisible();
  await expect(wage).toHaveValue('12345');
  await expect(page.getByText('系统出错了')).toHaveCount(0);
  await context.setOffline(false);
});

test('a phone that reports signal while nothing gets through still opens the kept field pages', async ({
  page,
  context,
}) => {
  await loginAndWait(page, 'teamleader');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto('/attendance');
  await expect.poll(() => keptPages(page)).toContain('/attendance');
  // The browser still says it is online; every request dies on the way (a tower without backhaul). Playwright
  // cannot stop the browser's navigation preload, so it is off here: the worker's own fetch meets the dead network.
  await page.evaluate(async () => (await navigator.serviceWorker.ready).navigationPreload.disable());
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: '考勤打卡' })).toBeVisible();
  await expect(page.locator('[data-testid="today"]:visible')).toHaveCount(1);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: '需要网络' })).toBeVisible();
  await context.unrouteAll();
  await page.evaluate(async () => (await navigator.serviceWorker.ready).navigationPreload.enable());
});
