// Accessibility of the pages issue 17 reworked (dashboard first screen, compliance list, household search with
// its area picker, the ledger): axe finds nothing serious or critical, at desktop and phone width.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loginAndWait } from './helpers';

for (const width of [1366, 390]) {
  test(`dashboard, compliance, households and ledger have no serious accessibility problems at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await loginAndWait(page, 'county');
    for (const path of [
      '/dashboard',
      '/teams/compliance?status=all&sort=name',
      '/households',
      '/problems?sort=deadline',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, `${path} at ${width} px`).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        path,
      ).toBeLessThanOrEqual(0);
    }
  });
}
