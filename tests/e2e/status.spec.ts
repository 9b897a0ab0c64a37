// Issue 13 item 17: a refused or missing page answers HTTP 403/404 (monitoring and tools read status
// codes), yet pages still show their loading state while data comes. Pages check first, then stream
// the rest inside <PageBody> (components/layout/page-body.tsx).
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { loginAndWait } from './helpers';

const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? '54349'}/bangfu_e2e`;

let client: pg.Client;
let madeInspection: number | null = null;
test.beforeAll(async () => {
  client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  // The test seed plans no inspections: one done in a village of the demo county, removed afterwards.
  const { rows } = await client.query(
    `SELECT 1 FROM inspection WHERE area_code LIKE '990102%' AND status = 'DONE' LIMIT 1`,
  );
  if (rows.length === 0) {
    const { rows: made } = await client.query<{ id: number }>(
      `INSERT INTO inspection (kind, area_code, planned_on, status, seed, candidate_count, created_by_id, done_on)
       SELECT 'UNANNOUNCED', '990102', current_date, 'DONE', '0000beef', 1, u.id, current_date FROM app_user u WHERE u.username = 'county' RETURNING id`,
    );
    madeInspection = made[0].id;
    await client.query(
      `INSERT INTO inspection_village (inspection_id, village_code, draw_order, candidate_households, household_ids)
       SELECT $1, code, 1, 0, '{}' FROM region WHERE level = 'VILLAGE' AND code LIKE '990102%' ORDER BY code LIMIT 1`,
      [madeInspection],
    );
  }
});
test.afterAll(async () => {
  if (madeInspection) await client.query('DELETE FROM inspection WHERE id = $1', [madeInspection]);
  await client?.end();
});

const one = async (sql: string, params: unknown[] = []) => {
  const { rows } = await client.query(sql, params);
  expect(rows.length, sql).toBeGreaterThan(0);
  return String(Object.values(rows[0])[0]);
};

/** One record of each kind inside `area` (a code prefix): the pages a user of that area may open. */
async function pagesOf(area: string): Promise<Record<string, string>> {
  const like = `${area}%`;
  const team = await one('SELECT id FROM work_team WHERE village_code LIKE $1 ORDER BY id LIMIT 1', [like]);
  const cadre = await one(
    `SELECT cadre_id FROM posting WHERE village_code LIKE $1 AND ended_on IS NULL ORDER BY id LIMIT 1`,
    [like],
  );
  return {
    household: `/households/${await one('SELECT id FROM household WHERE region_code LIKE $1 ORDER BY id LIMIT 1', [like])}`,
    region: `/regions/${await one(`SELECT code FROM region WHERE level = 'VILLAGE' AND code LIKE $1 ORDER BY code LIMIT 1`, [like])}`,
    team: `/teams/${team}`,
    'team month': `/teams/${team}/attendance`,
    'person year': `/teams/people/${cadre}`,
    cadre: `/cadres/${await one('SELECT id FROM cadre WHERE region_code LIKE $1 ORDER BY id LIMIT 1', [like])}`,
    problem: `/problems/${await one('SELECT id FROM problem WHERE region_code LIKE $1 ORDER BY id LIMIT 1', [like])}`,
  };
}

/** A done inspection of the county (all its roles may open it). */
const inspectionOf = async (county: string) =>
  `/inspections/${await one(`SELECT id FROM inspection WHERE area_code LIKE $1 AND status = 'DONE' ORDER BY id LIMIT 1`, [`${county}%`])}`;

async function statusOf(page: Page, path: string) {
  const response = await page.request.get(path, { maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

test('records of another area answer 404, the same pages in the area 200', async ({ page }) => {
  const county = await one(`SELECT scope_code FROM app_user WHERE username = 'county'`);
  const pages = { ...(await pagesOf(county)), inspection: await inspectionOf(county) };

  await loginAndWait(page, 'county');
  for (const [kind, path] of Object.entries(pages)) {
    expect((await statusOf(page, path)).status, `${kind} ${path} in the area`).toBe(200);
  }

  // Another county's office: every one of these lies outside its area.
  await page.context().clearCookies();
  await loginAndWait(page, 'county2');
  for (const [kind, path] of Object.entries(pages)) {
    const { status, body } = await statusOf(page, path);
    expect(status, `${kind} ${path} from another county`).toBe(404);
    expect(body).toContain('页面不存在');
  }
});

test('a township cannot open the records of the next township: 404', async ({ page }) => {
  const township = await one(`SELECT scope_code FROM app_user WHERE username = 'township'`);
  const { household, region, team, problem } = await pagesOf(township);
  await loginAndWait(page, 'township2');
  for (const path of [household, region, team, problem]) expect((await statusOf(page, path)).status, path).toBe(404);
});

test('ids that are not ids, or of nothing, answer 404', async ({ page }) => {
  await loginAndWait(page, 'county');
  for (const path of [
    '/households/999999999',
    '/households/abc',
    '/teams/0',
    '/problems/99999999999999999999',
    '/regions/1234',
    '/no-such-page',
  ]) {
    expect((await statusOf(page, path)).status, path).toBe(404);
  }
  // Signed in, the 404 page keeps the app's menus: the user goes on from there.
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByTestId('viewer-name')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: '农户' }).first().click();
  await expect(page).toHaveURL(/\/households$/);
  await page.goto('/households/999999999'); // notFound() of an app page: one frame, not two
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByTestId('viewer-name')).toBeVisible();
});

test('a page the role may not open answers 403', async ({ page }) => {
  await loginAndWait(page, 'township');
  const audit = await statusOf(page, '/audit');
  expect(audit.status).toBe(403);
  expect(audit.body).toContain('没有访问权限');
  await page.goto('/audit');
  await expect(page.getByTestId('viewer-name')).toBeVisible(); // the 403 page has the menus too, once
  expect((await statusOf(page, '/admin/users')).status).toBe(403);

  await page.context().clearCookies();
  await loginAndWait(page, 'sysadmin');
  expect((await statusOf(page, '/regions/990102')).status).toBe(403);
  expect((await statusOf(page, '/households')).status).toBe(403);
  // An account of another county is outside the administrator's area: not found.
  const other = await one(`SELECT id FROM app_user WHERE username = 'county2'`);
  expect((await statusOf(page, `/admin/users/${other}`)).status).toBe(404);
});

test('a slow page shows its loading state first, on a full load and on a click', async ({ page }) => {
  await loginAndWait(page, 'county');
  // The dashboard reads village_figures: while another transaction holds that table, the server is slow.
  const blocker = new pg.Client({ connectionString: DATABASE_URL });
  await blocker.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE village_figures IN ACCESS EXCLUSIVE MODE');
    const loaded = page.goto('/dashboard', { waitUntil: 'commit' });
    await expect(page.getByTestId('page-loading')).toBeVisible();
    await expect(page.getByTestId('viewer-name')).toBeVisible(); // the layout came with it
    await blocker.query('COMMIT');
    expect((await loaded)?.status()).toBe(200);
    await expect(page.getByTestId('section-households')).toBeVisible();
    await expect(page.getByTestId('page-loading')).toHaveCount(0);

    // A click from another page: the link spins at once, then the page's loading state shows.
    await page.goto('/');
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE village_figures IN ACCESS EXCLUSIVE MODE');
    await page.getByRole('navigation', { name: '主菜单', exact: true }).getByRole('link', { name: '数据看板' }).click();
    await expect(page.getByTestId('page-loading')).toBeVisible();
    await blocker.query('COMMIT');
    await expect(page.getByTestId('section-households')).toBeVisible();
  } finally {
    await blocker.query('ROLLBACK').catch(() => {});
    await blocker.end();
  }
});
