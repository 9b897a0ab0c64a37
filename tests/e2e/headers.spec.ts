// Issue 13 item 14: every page answers with a Content-Security-Policy carrying a fresh nonce (proxy.ts),
// a Permissions-Policy, and no HSTS over plain http; the pages still work under the policy: nothing
// the browser refuses while signing in, drawing the dashboard's charts and posting a form.
import { expect, type Page, test } from '@playwright/test';
import { loginAndWait } from './helpers';

const nonceOf = (csp: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? '')?.[1];

/** Records every CSP or Permissions-Policy complaint the browser makes on this page. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`securitypolicyviolation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/securitypolicyviolation|Content Security Policy|Permissions-Policy|Refused to/i.test(text))
      problems.push(text);
  });
  return problems;
}

test('every kind of page answers with a nonce-based CSP, a Permissions-Policy, and no HSTS over http', async ({
  page,
}) => {
  const login = await page.request.get('/login');
  const loginCsp = login.headers()['content-security-policy'];
  expect(loginCsp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(loginCsp).not.toContain('unsafe-eval');
  expect(loginCsp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(loginCsp).toContain("frame-ancestors 'none'");
  expect(loginCsp).not.toContain('upgrade-insecure-requests'); // served over http here
  // Every script the page carries has this response's nonce, and the next response gets another.
  const html = await login.text();
  const nonce = nonceOf(loginCsp)!;
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(nonceOf((await page.request.get('/login')).headers()['content-security-policy'])).not.toBe(nonce);

  await loginAndWait(page, 'county');
  const household = /\/households\/\d+/.exec(await (await page.request.get('/households')).text())![0];
  const paths = [
    '/',
    '/dashboard',
    '/households',
    household,
    '/teams',
    '/problems',
    '/households/new',
    '/account',
    '/no-such-page',
    '/audit',
  ];
  const seen = new Set<string>();
  for (const path of paths) {
    const response = await page.request.get(path);
    const headers = response.headers();
    expect([200, 403, 404], path).toContain(response.status());
    const pageNonce = nonceOf(headers['content-security-policy']);
    expect(pageNonce, `${path}: CSP nonce`).toBeTruthy();
    expect(seen.has(pageNonce!), `${path}: a fresh nonce`).toBe(false);
    seen.add(pageNonce!);
    expect(headers['permissions-policy'], path).toContain('geolocation=(self)');
    expect(headers['permissions-policy'], path).toContain('camera=(self)');
    expect(headers['permissions-policy'], path).toContain('microphone=()');
    expect(headers['strict-transport-security'], path).toBeUndefined();
  }

  // A client cannot claim https for itself: X-Forwarded-Proto counts only from a trusted proxy.
  const spoofed = await page.request.get('/login', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(spoofed.headers()['strict-transport-security']).toBeUndefined();
  expect(spoofed.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
});

test('signing in, the dashboard with its charts and a form post run with nothing refused by the browser', async ({
  page,
}) => {
  const problems = await watchViolations(page);

  await loginAndWait(page, 'county');
  await page.goto('/dashboard');
  const households = page.getByTestId('section-households');
  await households.locator('summary').click(); // sections start closed
  await expect(households.locator('.recharts-surface').first()).toBeVisible(); // the charts are drawn

  // A client navigation, then a form posted to its server action: the answer shows beside the field.
  await page.getByRole('navigation', { name: '主菜单', exact: true }).getByRole('link', { name: '农户' }).click();
  await expect(page).toHaveURL(/\/households$/);
  await page.goto('/households/new');
  await page.getByRole('button', { name: '新增农户' }).click();
  await expect(page.locator('[data-field-error="headName"]')).toHaveText('此项必填');

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  expect(problems).toEqual([]);
});
