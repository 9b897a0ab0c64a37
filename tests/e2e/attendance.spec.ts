// Issue 4, the team's month grid (月考勤表): correcting a recorded day needs a reason; the township's
// sign-off locks the month for everyone but a county user. Both tests work on last month (open in the
// seed); they run in order and on different days, and never on today (the phone tests' check-ins).
import { expect, type Locator, type Page, test } from '@playwright/test';
import { loginAndWait } from './helpers';

const VILLAGE = '990102101201'; // 平岭村, the team of `teamleader` (陈志强)
const LEADER = '陈志强';
const KIND_LABEL = { IN_VILLAGE: '到村', OVERNIGHT: '驻村' } as const;
type PresentKind = keyof typeof KIND_LABEL;
const otherKind = (kind: PresentKind): PresentKind => (kind === 'OVERNIGHT' ? 'IN_VILLAGE' : 'OVERNIGHT');

/** From 驻村工作队 to the team's 月考勤表, then 上月: the team id and last month as the app has them. */
async function openLastMonthFromTeams(page: Page) {
  await page.goto('/teams');
  await page.locator(`tr[data-village="${VILLAGE}"]`).getByRole('link', { name: '月考勤表' }).click();
  await expect(page).toHaveURL(/\/teams\/\d+\/attendance$/);
  const teamId = new URL(page.url()).pathname.split('/')[2];
  await page.getByRole('link', { name: '上月' }).click();
  await expect(page).toHaveURL(/\?month=\d{4}-\d{2}$/);
  const month = new URL(page.url()).searchParams.get('month')!;
  return { teamId, month };
}

const leaderRow = (page: Page) =>
  page.locator('tr[data-posting]').filter({ has: page.getByRole('link', { name: LEADER, exact: true }) });
const cellOf = (page: Page, day: string) => leaderRow(page).locator(`td[data-day="${day}"]`);

/** The leader's recorded 到村 / 驻村 days of the month shown, in order. */
async function recordedDays(page: Page): Promise<{ day: string; kind: PresentKind }[]> {
  // evaluateAll does not wait: the grid may still be streaming in behind loading.tsx.
  await expect(leaderRow(page).locator('td[data-day]').first()).toBeVisible();
  const cells = await leaderRow(page)
    .locator('td[data-day]')
    .evaluateAll((tds) =>
      tds.map((td) => ({ day: td.getAttribute('data-day')!, kind: td.getAttribute('data-kind')! })),
    );
  return cells.filter(
    (c): c is { day: string; kind: PresentKind } => c.kind === 'IN_VILLAGE' || c.kind === 'OVERNIGHT',
  );
}

/** Clicks the leader's cell of `day` and checks the entry form is set to that person and day. */
async function pickDay(page: Page, day: string) {
  await cellOf(page, day).getByRole('link').click();
  await expect(page.getByLabel('从', { exact: true })).toHaveValue(day);
  await expect(page.getByLabel('至', { exact: true })).toHaveValue(day);
  await expect(page.getByLabel('人员')).toHaveValue((await leaderRow(page).getAttribute('data-posting'))!);
}

const saved = (page: Page): Locator => page.getByRole('status').filter({ hasText: '考勤已保存' });

test.describe
  .serial('month grid of the team of 平岭村', () => {
    let teamId = '';
    let month = '';
    let firstDay = '';

    test('the team leader corrects a recorded day; without a reason it is refused beside the field', async ({
      page,
    }) => {
      await loginAndWait(page, 'teamleader');
      ({ teamId, month } = await openLastMonthFromTeams(page));
      await expect(page.locator('[data-signoff]')).toHaveAttribute('data-signoff', 'open');
      const days = await recordedDays(page);
      expect(days.length).toBeGreaterThan(10);
      const { day, kind } = days[0];
      firstDay = day;
      const next = otherKind(kind);

      await pickDay(page, day);
      await page.getByLabel('类型').selectOption({ label: KIND_LABEL[next] });
      await page.getByRole('button', { name: '保存', exact: true }).click();
      const reason = page.getByLabel('更正原因（更改已有记录或登记本人考勤时必填）');
      // The leader's own row: entering one's own days needs a reason (and marks them), new or changed.
      await expect(page.locator('[data-field-error="correctionReason"]')).toHaveText(
        '登记本人的考勤须在“更正原因”中说明原因（将标记待核）',
      );
      await expect(reason).toHaveAccessibleDescription('登记本人的考勤须在“更正原因”中说明原因（将标记待核）');
      await expect(page.getByLabel('类型')).toHaveValue(next); // what was chosen stays
      await expect(saved(page)).toHaveCount(0);
      await expect(cellOf(page, day)).toHaveAttribute('data-kind', kind);

      await reason.fill('补登：当日实际在村，系统误记');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect(saved(page)).toBeVisible();
      await expect(cellOf(page, day)).toHaveAttribute('data-kind', next);
      await expect(page.locator('[data-field-error="correctionReason"]')).toHaveCount(0);
      await page.reload();
      await expect(cellOf(page, day)).toHaveAttribute('data-kind', next);
    });

    test('the township signs off the month; the leader’s open form is refused; the county can still correct', async ({
      page,
      browser,
      baseURL,
      locale,
      timezoneId,
    }) => {
      const newPage = async () => (await browser.newContext({ baseURL, locale, timezoneId })).newPage();
      const grid = `/teams/${teamId}/attendance?month=${month}`;

      // The team leader has the grid open and a correction typed in before the sign-off.
      await loginAndWait(page, 'teamleader');
      await page.goto(grid);
      const days = (await recordedDays(page)).filter((d) => d.day !== firstDay);
      const { day, kind } = days[days.length - 1];
      await pickDay(page, day);
      await page.getByLabel('类型').selectOption({ label: KIND_LABEL[otherKind(kind)] });
      await page.getByLabel('更正原因（更改已有记录或登记本人考勤时必填）').fill('当晚在村值守，补记驻村');

      // Meanwhile the township signs the month off.
      const township = await newPage();
      await loginAndWait(township, 'township');
      await township.goto(grid);
      const status = township.locator('[data-signoff]');
      await expect(status).toHaveAttribute('data-signoff', 'open');
      await expect(status).toHaveText('本月尚未审核');
      await township.getByRole('button', { name: '审核锁定本月' }).click();
      await expect(township.getByRole('status').filter({ hasText: '已审核锁定本月考勤' })).toBeVisible();
      await expect(status).toHaveAttribute('data-signoff', 'signed');
      await expect(status).toContainText('审核锁定');
      await township.reload();
      await expect(status).toHaveAttribute('data-signoff', 'signed');
      await expect(township.getByRole('button', { name: '审核锁定本月' })).toHaveCount(0);
      await township.context().close();

      // The leader's save now fails with the lock message, and nothing changed.
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect(page.getByText(/已由乡镇审核锁定/)).toBeVisible();
      await expect(page.locator('[data-field-error="from"]')).toHaveText(
        `${month} 的考勤已由乡镇审核锁定，修改须由县级用户办理`,
      );
      await expect(saved(page)).toHaveCount(0);
      await page.reload();
      await expect(page.locator('[data-signoff]')).toHaveAttribute('data-signoff', 'signed');
      await expect(page.locator('[data-signoff]')).toContainText('只有县级用户可以更正');
      await expect(cellOf(page, day)).toHaveAttribute('data-kind', kind);
      await expect(page.locator('#entry')).toHaveCount(0);
      await expect(page.getByRole('button', { name: '保存', exact: true })).toHaveCount(0);
      await expect(cellOf(page, day).getByRole('link')).toHaveCount(0);

      // A county user may still correct the signed-off month, with a reason.
      const county = await newPage();
      await loginAndWait(county, 'county');
      await county.goto(grid);
      await expect(county.locator('[data-signoff]')).toHaveAttribute('data-signoff', 'signed');
      await pickDay(county, day);
      await county.getByLabel('类型').selectOption({ label: KIND_LABEL[otherKind(kind)] });
      await county.getByLabel('更正原因（更改已有记录或登记本人考勤时必填）').fill('乡镇审核后核实：当晚在村值守');
      await county.getByRole('button', { name: '保存', exact: true }).click();
      await expect(saved(county)).toBeVisible();
      await expect(cellOf(county, day)).toHaveAttribute('data-kind', otherKind(kind));
      await county.context().close();

      await page.reload();
      await expect(cellOf(page, day)).toHaveAttribute('data-kind', otherKind(kind));
    });
  });
