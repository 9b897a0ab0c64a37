// Missing message keys fail the suite: the test server runs with BANGFU_STRICT_MESSAGES=1 (playwright.config.ts),
// where a key with no message throws on the server (lib/i18n/request.ts) and in client components
// (components/layout/strict-messages.tsx), so the page shows the error page instead of the key's path. This
// walks every menu of every role (and, for the county office, the first record each list links to) and asserts
// that no page broke and the browser reported no message error.
import { expect, type Page, test } from '@playwright/test';
import { loginAndWait } from './helpers';

const ROLES = ['county', 'township', 'teamleader', 'member', 'cadre', 'leader', 'inspector', 'auditor', 'sysadmin'];
// next-intl's error codes (IntlErrorCode) as they appear in a thrown error's message.
const INTL_ERROR = /MISSING_MESSAGE|INSUFFICIENT_PATH|INVALID_KEY|INVALID_MESSAGE|FORMATTING_ERROR|MISSING_FORMAT/;

/** Collects the browser's uncaught errors and console errors that come from next-intl. */
function watchIntlErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && INTL_ERROR.test(message.text())) errors.push(`${page.url()}: ${message.text()}`);
  });
  return errors;
}

/** Opens a page and checks that it rendered: the app's shell is there and neither error page is. */
async function expectRendered(page: Page, href: string) {
  // A throw in a streamed part or a client component shows the error page only once the page has hydrated.
  const response = await page.goto(href, { waitUntil: 'networkidle' });
  expect(response?.status(), href).toBeLessThan(500);
  await expect(page.getByText('系统出错了'), href).toHaveCount(0);
  await expect(page.getByTestId('viewer-name'), href).toBeVisible();
}

const menuLinks = (page: Page) =>
  page
    .getByRole('navigation', { name: '主菜单', exact: true })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));

for (const username of ROLES) {
  test(`${username}: every menu renders with all its messages`, async ({ page }) => {
    const errors = watchIntlErrors(page);
    await loginAndWait(page, username);
    const menus = await menuLinks(page);
    expect(menus.length).toBeGreaterThan(0);
    const details: string[] = [];
    for (const href of menus) {
      await expectRendered(page, href);
      if (username !== 'county') continue;
      // The first record the list links to (a household, a team, a problem…), not a download.
      const link = page.locator('main tbody a[href^="/"]:not([href^="/api/"])').first();
      const first = (await link.count()) > 0 ? await link.getAttribute('href') : null;
      if (first && !menus.includes(first) && !details.includes(first)) details.push(first);
    }
    for (const href of details) await expectRendered(page, href);
    expect(errors).toEqual([]);
  });
}
