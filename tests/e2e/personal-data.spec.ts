// Issue 13 item 4: a masked ID number (first 4, last 4), the county code and the check digit give the
// whole number once the birth date (digits 7-14) is known. So no page may carry a member's birth date
// to a role without 'personal.reveal' — not in the HTML, not in the RSC payload a client component gets.
// Signs in as each demo role of the test seed, reads the household pages (HTML and `RSC: 1`), and
// looks for the birth dates of the members of every household the page links to or shows.
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { can } from '../../lib/auth/permissions';
import type { Role } from '../../lib/enums';
import { loginAndWait } from './helpers';

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
    `SELECT household_id, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM person WHERE household_id = ANY($1::int[])`, [householdIds]);
  const byHousehold = new Map<number, string[]>();
  for (const r of rows) byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), r.birth, r.birth.replaceAll('-', '')]);
  return byHousehold;
}

/** The page as the browser receives it (HTML with the inline RSC payload) and as a client navigation does (RSC: 1). */
async function payloads(page: Page, path: string): Promise<string[]> {
  const html = await page.request.get(path);
  const rsc = await page.request.get(path, { headers: { RSC: '1' } });
  expect(html.status(), path).toBe(200);
  return [await html.text(), await rsc.text()];
}

const linkedHouseholds = (text: string) => [...new Set([...text.matchAll(/\/households\/(\d+)/g)].map((m) => Number(m[1])))];

for (const username of USERS) {
  test(`${username}: no member birth date next to masked ID numbers unless the role may reveal them`, async ({ page }) => {
    const { rows } = await client.query<{ role: Role }>('SELECT role FROM app_user WHERE username = $1', [username]);
    const role = rows[0].role;
    const mayReveal = can(role, 'personal.reveal');
    await loginAndWait(page, username);

    const [listHtml] = await payloads(page, '/households');
    const paths = ['/households', '/households/notices', ...linkedHouseholds(listHtml).slice(0, HOUSEHOLDS_PER_ROLE).map((id) => `/households/${id}`)];
    const leaks: string[] = [];
    let withMasked = 0;
    for (const path of paths) {
      for (const text of await payloads(page, path)) {
        if (!MASKED.test(text)) continue;
        withMasked += 1;
        const own = /^\/households\/(\d+)$/.exec(path);
        const ids = [...new Set([...linkedHouseholds(text), ...(own ? [Number(own[1])] : [])])];
        for (const [id, dates] of await birthDates(ids)) for (const date of dates) if (text.includes(date)) leaks.push(`${path}: household ${id} ${date}`);
      }
    }
    console.log(JSON.stringify({ figure: 'personal-data.birthDates', username, role, mayReveal, pages: paths.length, payloadsWithMaskedIds: withMasked, birthDatesFound: leaks.length }));
    expect(withMasked, 'pages with masked ID numbers were read').toBeGreaterThan(0);
    if (!mayReveal) expect(leaks).toEqual([]);
  });
}
