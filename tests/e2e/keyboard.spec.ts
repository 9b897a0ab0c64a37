// The keyboard's way through a page: the skip link first, then the content; a table wider than the screen
// takes the focus, and the arrow keys scroll it.
import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

test('the skip link is the first stop and leads to the content', async ({ page }) => {
  await loginAndWait(page, 'county');
  await page.goto('/teams');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible(); // shown once focused
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('a table wider than the screen is a tab stop and scrolls with the arrow keys; one that fits is not', async ({
  page,
}) => {
  await loginAndWait(page, 'county');
  await page.goto('/households');
  const href = await page
    .locator('a[href^="/households/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')).find((h) => /^\/households\/\d+$/.test(h ?? '')));
  expect(href).toBeTruthy();
  await page.goto(href ?? '');
  const members = page.locator('div:has(> table)').filter({ hasText: '与户主关系' });
  await expect(members).not.toHaveAttribute('tabindex', '0'); // it fits at desktop width
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(members).toHaveAttribute('tabindex', '0');
  await members.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => members.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
});
