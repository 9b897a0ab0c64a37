// Issue 17, the month grid on a phone: one person at a time in a calendar of thumb-sized days; tapping days
// chooses them without a trip to the server, and the entry form saves the run in one go.
import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

test('a run of days is chosen by two taps, with no request, and saved once', async ({ page }) => {
  await loginAndWait(page, 'county');
  await page.goto('/teams');
  // A team of 兴店乡, away from the 平岭村 team the other phone tests write to.
  const team = page.locator('a[href^="/teams/"]').filter({ hasText: /村/ });
  const hrefs = await team.evaluateAll((links) =>
    links.map((a) => ({ href: a.getAttribute('href') ?? '', row: a.closest('tr')?.textContent ?? '' })),
  );
  const href = hrefs.find((h) => /^\/teams\/\d+$/.test(h.href) && h.row.includes('兴店乡'))?.href;
  expect(href).toBeTruthy();
  await page.goto(`${href}/attendance`);

  const calendar = page.getByTestId('phone-month');
  await expect(calendar).toBeVisible();
  await expect(page.getByRole('table', { name: '月考勤表' })).toBeHidden(); // the whole-team grid is for wider screens
  const person = page.getByRole('group', { name: '人员' }).getByRole('button').last();
  const name = (await person.textContent())!;
  await person.click();
  await expect(person).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('phone-month-summary')).toContainText(name);

  const days = calendar.locator('button[data-day]');
  const count = await days.count();
  expect(count).toBeGreaterThan(0);
  for (const box of await days.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect())))
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  const first = (await days.first().getAttribute('data-day'))!;
  const last = (await days.nth(Math.min(1, count - 1)).getAttribute('data-day'))!;

  const requests: string[] = [];
  // Build files and the links' own prefetches (a link scrolled into view) are not the taps' doing.
  page.on('request', (request) => {
    if (!request.url().includes('/_next/static/') && !request.headers()['next-router-prefetch'])
      requests.push(request.url());
  });
  await days.first().click();
  if (last !== first) await calendar.locator(`button[data-day="${last}"]`).click();
  expect(requests).toEqual([]);
  await expect(page.getByText(`已选 ${first} 至 ${last}`)).toBeVisible();

  const entry = page.locator('form#entry');
  await expect(entry.getByLabel('人员')).toHaveValue((await calendar.getAttribute('data-posting'))!);
  await expect(entry.getByLabel('从')).toHaveValue(first);
  await expect(entry.getByLabel('至')).toHaveValue(last);
  await entry.getByLabel('类型').selectOption({ label: '培训' });
  await entry.getByLabel('离村事由').fill('县里集中培训');
  await entry.getByLabel('更正原因（更改已有记录或登记本人考勤时必填）').fill('补登培训');
  await entry.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '考勤已保存' })).toBeVisible();

  // The same person stays in view, the days now 培训.
  await expect(page.getByTestId('phone-month-summary')).toContainText(name);
  for (const day of new Set([first, last]))
    await expect(calendar.locator(`[data-day="${day}"]`)).toHaveAccessibleName(/培训/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
