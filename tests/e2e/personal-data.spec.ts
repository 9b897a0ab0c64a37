// Issue 13 item 4: a masked ID number (first 4, last 4), the county code and the check digit give the
// whole number once the birth date (digits 7-14) is known. So no page may carry a member's birth date
// to a role without 'personal.reveal' — not in the HTML, not in the RSC payload a client component gets.
// Signs in as each demo role of the test seed, reads the household pages (HTML and `RSC: 1`), and
// looks for the birth dates of the members of every household the page links to or shows.
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { can } from '../../lib/auth/permissions';
import type { Role } from '../../lib/enums';
import { idCheckChar } from '../../lib/validation';
import { loginAndWait, logout } from './helpers';

const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? '54349'}/bangfu_e2e`;
const USERS = ['county', 'township', 'teamleader', 'member', 'cadre', 'leader', 'cityleader', 'inspector'];
/** A masked ID number as pages show it: 4 characters, stars, the last 4. */
const MASKED = /\d{4}\*{6,14}[\dX]{4}|\*{14}[\dX]{4}/;
const HOUSEHOLDS_PER_ROLE = 4;

let client: pg.Client;
test.beforeAll(async () => {
  client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
});
test.afterAll(async () => client?.end());

/** Each member's birth date as YYYY-MM-DD and YYYYMMDD, by household. */
async function birthDates(householdIds: number[]): Promise<Map<number, string[]>> {
  const { rows } = await client.query<{ household_id: number; birth: string }>(
    `SELECT household_id, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM person WHERE household_id = ANY($1::int[])`,
    [householdIds],
  );
  const byHousehold = new Map<number, string[]>();
  for (const r of rows)
    byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), r.birth, r.birth.replaceAll('-', '')]);
  return byHousehold;
}

/** The page as the browser receives it (HTML with the inline RSC payload) and as a client navigation does (RSC: 1). */
async function payloads(page: Page, path: string): Promise<string[]> {
  const html = await page.request.get(path);
  const rsc = await page.request.get(path, { headers: { RSC: '1' } });
  expect(html.status(), path).toBe(200);
  return [await html.text(), await rsc.text()];
}

const linkedHouseholds = (text: string) => [
  ...new Set([...text.matchAll(/\/households\/(\d+)/g)].map((m) => Number(m[1]))),
];

for (const username of USERS) {
  test(`${username}: no member birth date next to masked ID numbers unless the role may reveal them`, async ({
    page,
  }) => {
    const { rows } = await client.query<{ role: Role }>('SELECT role FROM app_user WHERE username = $1', [username]);
    const role = rows[0].role;
    const mayReveal = can(role, 'personal.reveal');
    await loginAndWait(page, username);

    const [listHtml] = await payloads(page, '/households');
    const paths = [
      '/households',
      '/households/notices',
      ...linkedHouseholds(listHtml)
        .slice(0, HOUSEHOLDS_PER_ROLE)
        .map((id) => `/households/${id}`),
    ];
    const leaks: string[] = [];
    let withMasked = 0;
    for (const path of paths) {
      for (const text of await payloads(page, path)) {
        if (!MASKED.test(text)) continue;
        withMasked += 1;
        const own = /^\/households\/(\d+)$/.exec(path);
        const ids = [...new Set([...linkedHouseholds(text), ...(own ? [Number(own[1])] : [])])];
        for (const [id, dates] of await birthDates(ids))
          for (const date of dates) if (text.includes(date)) leaks.push(`${path}: household ${id} ${date}`);
      }
    }
    console.log(
      JSON.stringify({
        figure: 'personal-data.birthDates',
        username,
        role,
        mayReveal,
        pages: paths.length,
        payloadsWithMaskedIds: withMasked,
        birthDatesFound: leaks.length,
      }),
    );
    expect(withMasked, 'pages with masked ID numbers were read').toBeGreaterThan(0);
    if (!mayReveal) expect(leaks).toEqual([]);
  });
}

// Item 5: an ID number registered in another township is answered like any registered one, and the
// county office finds the attempt in its list of duplicates across areas and marks it resolved.
test('a number registered in another township: "already registered" beside the field, and the county office resolves it', async ({
  page,
}) => {
  const body = `990198${new Date(Date.UTC(1950, 0, 1) + (Date.now() % 20_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')}${String(Date.now() % 1000).padStart(3, '0')}`;
  const id = body + idCheckChar(body);
  const masked = `${id.slice(0, 4)}**********${id.slice(-4)}`;
  const create = async () => {
    await page.goto('/households/new');
    await page.getByLabel('所在行政村').selectOption({ index: 1 });
    await page.getByLabel('户主姓名').fill('跨区重复');
    await page.getByLabel('户主身份证号').fill(id);
    await page.getByLabel('村民小组').fill('1组');
    await page.getByRole('button', { name: '新增农户' }).click();
  };
  await loginAndWait(page, 'township');
  await create();
  await expect(page.getByRole('heading', { name: '跨区重复户' })).toBeVisible();
  await logout(page);

  await loginAndWait(page, 'township2');
  await create();
  await expect(page.locator('[data-field-error="headIdNumber"]')).toHaveText('已登记，重复由县扶贫办核处');
  await page.goto('/households/duplicates');
  await expect(page.getByText(masked)).toHaveCount(0); // the list is the county office's alone
  await logout(page);

  await loginAndWait(page, 'county');
  await page.goto('/households');
  await page.getByRole('link', { name: '跨区域重复登记' }).click();
  const row = page.locator('tr', { hasText: masked });
  await expect(row).toContainText('新增农户');
  await row.getByLabel('处理说明').fill('核实为同一人，保留原登记');
  await row.getByRole('button', { name: '标记为已处理' }).click();
  await expect(page.locator('tr', { hasText: masked })).toContainText('核实为同一人，保留原登记');
});
