// Issue 13 item 16: ids and page numbers past what the database holds answer 404 (or the first
// page), never 500: every URL id goes through parseId, every page number through parsePage (lib/http.ts).
import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

const HUGE = '99999999999999999999';
const INT4_PLUS_ONE = '2147483648';

test('a county admin opening ids out of range gets 404, and huge page numbers the list', async ({ page }) => {
  await loginAndWait(page, 'county');
  const status = async (url: string) => (await page.request.get(url, { maxRedirects: 0 })).status();

  for (const id of [HUGE, INT4_PLUS_ONE]) {
    for (const url of [
      `/households/${id}`,
      `/teams/${id}`,
      `/teams/${id}/attendance`,
      `/teams/people/${id}`,
      `/cadres/${id}`,
      `/problems/${id}`,
      `/inspections/${id}`,
      `/api/attachments/${id}`,
    ])
      expect(await status(url), url).toBe(404);
    expect(await status(`/api/attendance/sheet?team=${id}&month=2026-01`)).toBe(404);
    expect(await status(`/visits/new?household=${id}`)).toBe(200); // no household chosen
  }
  for (const url of [
    `/households?page=${HUGE}`,
    `/households?exitYear=${HUGE}`,
    `/households?exitYear=1.5`,
    `/cadres?page=${HUGE}`,
    `/visits?page=${HUGE}`,
    `/problems?page=${HUGE}`,
    `/teams/compliance?page=${HUGE}`,
    `/audit?page=${HUGE}`,
  ])
    expect(await status(url), url).toBeLessThan(500);

  await page.goto(`/households?page=${HUGE}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the account admin gets 404 for an account id out of range', async ({ page }) => {
  await loginAndWait(page, 'sysadmin');
  for (const id of [HUGE, INT4_PLUS_ONE])
    expect((await page.request.get(`/admin/users/${id}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get(`/admin/users?page=${HUGE}`)).status()).toBe(200);
});
