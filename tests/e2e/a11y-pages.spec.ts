// Issue 17: every main page, at desktop and phone width, has no serious or critical accessibility problem
// (axe-core) and no sideways scroll. Detail pages are reached from their lists, as a user would.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { loginAndWait } from './helpers';

/** The first link on a list page whose address matches: a detail page of the demo data. */
async function firstDetail(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(list);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const href = hrefs.find((h): h is string => h !== null && pattern.test(h));
  expect(href, `a link like ${pattern} on ${list}`).toBeTruthy();
  return href as string;
}

async function check(page: Page, path: string, width: number) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `${path} at ${width} px`).toEqual([]);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    `${path} scrolls sideways at ${width} px`,
  ).toBeLessThanOrEqual(0);
}

for (const width of [1366, 390]) {
  test(`the county office's pages at ${width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    await loginAndWait(page, 'county');
    const household = await firstDetail(page, '/households', /^\/households\/\d+$/);
    const team = await firstDetail(page, '/teams', /^\/teams\/\d+$/);
    const cadre = await firstDetail(page, '/cadres', /^\/cadres\/\d+$/);
    const problem = await firstDetail(page, '/problems', /^\/problems\/\d+$/);
    for (const path of [
      '/',
      '/dashboard',
      '/dashboard?sort=visits.cadreVisitRate', // a section open, its headings sorting
      '/regions',
      '/households',
      household,
      '/teams',
      team,
      `${team}/attendance`,
      '/teams/compliance?status=all&sort=name',
      '/teams/duties?all=1',
      '/cadres',
      '/cadres/leaders',
      cadre,
      '/pairings',
      '/visits',
      '/problems?sort=deadline',
      problem,
      '/monitoring',
      '/inspections',
      '/inspections/follow-ups',
      '/assessment',
      '/admin/approvals',
      '/admin/policy',
      '/account',
      '/glossary',
    ])
      await check(page, path, width);
  });

  test(`the team leader's, cadre's, auditor's and account admin's pages at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    const pages: [string, string[]][] = [
      ['teamleader', ['/', '/attendance', '/outbox', '/visits']],
      ['cadre', ['/my-households']],
      ['auditor', ['/audit']],
      ['sysadmin', ['/admin/users', '/admin/users/new', '/no-such-page']], // the 404 page too
    ];
    for (const [username, paths] of pages) {
      await loginAndWait(page, username);
      for (const path of paths) await check(page, path, width);
      await page.getByRole('button', { name: '退出' }).click();
      await expect(page).toHaveURL(/\/login/);
    }
  });
}
