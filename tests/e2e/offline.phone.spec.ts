// Issue 16, work without signal on a 390-px phone: the team leader checks in, logs a visit with a problem and a
// photo, and fills two month-grid days with the connection cut; everything waits in the outbox (badge, list),
// and when the signal returns each item is stored exactly once (rows counted in PostgreSQL), the photo
// attached, the check-in at the time of the tap. A refused entry keeps its text, is corrected in the outbox
// and sent again.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { loginAndWait } from './helpers';

const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? '54349'}/bangfu_e2e`;
/** 平岭村 (990102101201), the team leader's village. */
const VILLAGE_CODE = '990102101201';
const HERE = { latitude: 34.291289, longitude: 105.392549, accuracy: 20 };
const suffix = Date.now().toString(36);
const FINDINGS = `断网时记录：户主腿伤未愈，需协调医疗救助 ${suffix}`;
const PROBLEM = `医疗报销未到位 ${suffix}`;
const AWAY_REASON = `县里集中培训 ${suffix}`;

/** A 64×48 JPEG drawn in the page, as a phone camera would hand it over (with the JPEG's own headers). */
async function cameraJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(64, 48);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#8a6d3b';
    context.fillRect(0, 0, 64, 48);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  });
  return Buffer.from(base64, 'base64');
}

const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test.describe
  .serial('没有信号也不丢（手机）', () => {
    test.use({ geolocation: HERE, permissions: ['geolocation'] });
    let client: pg.Client;
    let cadreId = 0;
    let teamId = 0;
    let householdId = 0;
    /** The grid entries are for the team member: the leader's own days need a correction reason. */
    let memberCadreId = 0;
    let memberPostingId = 0;

    test.beforeAll(async () => {
      client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      const cadre = await client.query<{ id: number }>(
        `SELECT c.id FROM cadre c JOIN app_user u ON u.id = c.user_id WHERE u.username = 'teamleader'`,
      );
      cadreId = cadre.rows[0].id;
      const posting = await client.query<{ id: number; team_id: number }>(
        `SELECT p.id, p.team_id FROM posting p WHERE p.cadre_id = $1 AND p.ended_on IS NULL ORDER BY p.id DESC LIMIT 1`,
        [cadreId],
      );
      teamId = posting.rows[0].team_id;
      const member = await client.query<{ cadre_id: number; id: number }>(
        `SELECT p.cadre_id, p.id FROM posting p JOIN cadre c ON c.id = p.cadre_id JOIN app_user u ON u.id = c.user_id
          WHERE u.username = 'member' AND p.team_id = $1 AND p.ended_on IS NULL`,
        [teamId],
      );
      memberCadreId = member.rows[0].cadre_id;
      memberPostingId = member.rows[0].id;
      const household = await client.query<{ id: number }>(
        `SELECT id FROM household WHERE region_code = $1 ORDER BY id LIMIT 1`,
        [VILLAGE_CODE],
      );
      householdId = household.rows[0].id;
      // Today's check-in and the grid's days of this test start empty, whatever ran before.
      await client.query(
        `DELETE FROM attendance_record WHERE (cadre_id = $1 AND day = $2::date) OR (cadre_id = $3 AND day >= $2::date - 3 AND day < $2::date)`,
        [cadreId, chinaDay(), memberCadreId],
      );
    });
    test.afterAll(async () => client?.end());

    test('check-in, a visit with a problem and a photo, and grid days entered offline are each stored once', async ({
      page,
      context,
    }) => {
      test.slow();
      await loginAndWait(page, 'teamleader');
      const yesterday = chinaDay(-1);
      const twoDaysAgo = chinaDay(-2);
      const month = yesterday.slice(0, 7);
      // The pages are opened while there is signal, as a leader does before walking into the hills.
      const checkInPage = page;
      await checkInPage.goto('/attendance');
      const visitPage = await context.newPage();
      await visitPage.goto(`/visits/new?household=${householdId}`);
      await expect(visitPage.locator('p[data-location]')).toHaveAttribute('data-location', 'found');
      const gridPage = await context.newPage();
      await gridPage.goto(
        `/teams/${teamId}/attendance?month=${month}&posting=${memberPostingId}&day=${yesterday}#entry`,
      );
      const photo = await cameraJpeg(visitPage);

      await context.setOffline(true);

      // 1. Check-in: the time of the tap is kept.
      const today = checkInPage.getByTestId('today');
      const tappedAt = Date.now();
      await today.getByRole('button', { name: /签到/ }).click();
      await expect(today.getByRole('status')).toContainText('没有信号：已记下');
      await expect(checkInPage.getByTestId('outbox-badge')).toHaveText('待发送 1');

      // 2. A visit with a problem and a photo.
      await visitPage.getByLabel('见到何人').fill('户主本人');
      await visitPage.getByLabel('发现情况').fill(FINDINGS);
      const problems = visitPage.getByRole('group', { name: '发现的问题' });
      await problems.getByRole('button', { name: '添加问题' }).click();
      await problems.locator('[data-problem="0"]').getByLabel('问题描述').fill(PROBLEM);
      await visitPage
        .getByLabel('拍照或选择照片')
        .setInputFiles({ name: 'leg.jpg', mimeType: 'image/jpeg', buffer: photo });
      await visitPage.getByRole('button', { name: '保存走访' }).click();
      await expect(visitPage.getByRole('status').filter({ hasText: '没有信号：已放入待发送' })).toBeVisible();
      await expect(visitPage.getByLabel('发现情况')).toHaveValue('');
      await expect(visitPage.getByLabel('拍照或选择照片')).toHaveValue(''); // the file field is cleared
      await expect(visitPage.getByTestId('outbox-badge')).toHaveText('待发送 2');

      // 3. Two grid days: yesterday in the village overnight, the day before on leave without the reason (refused later).
      const entry = gridPage.locator('form#entry');
      await entry.getByLabel('类型').selectOption({ label: '驻村' });
      await entry.getByRole('button', { name: '保存' }).click();
      await expect(gridPage.getByRole('status').filter({ hasText: '没有信号：已放入待发送' })).toBeVisible();
      await entry.getByLabel('从').fill(twoDaysAgo);
      await entry.getByLabel('至').fill(twoDaysAgo);
      await entry.getByLabel('类型').selectOption({ label: '请假' });
      await entry.getByRole('button', { name: '保存' }).click();
      await expect(gridPage.getByTestId('outbox-badge')).toHaveText('待发送 4');

      // The outbox lists the four, waiting; nothing reached the server.
      const outboxPage = await context.newPage();
      const counts = async () => {
        const { rows } = await client.query<{ visits: number; photos: number; records: number; entries: number }>(
          `SELECT (SELECT count(*)::int FROM visit WHERE findings = $1) AS visits,
                  (SELECT count(*)::int FROM attachment a JOIN visit v ON v.id = a.visit_id WHERE v.findings = $1) AS photos,
                  (SELECT count(*)::int FROM attendance_record WHERE (cadre_id = $2 AND day = $3::date)
                     OR (cadre_id = $4 AND day >= $3::date - 3 AND day < $3::date)) AS records,
                  (SELECT count(*)::int FROM attendance_entry WHERE posting_id = $5) AS entries`,
          [FINDINGS, cadreId, chinaDay(), memberCadreId, memberPostingId],
        );
        return rows[0];
      };
      const before = await counts();
      expect(before).toMatchObject({ visits: 0, photos: 0, records: 0 });

      // 4. The signal returns: the open pages send by themselves, oldest first.
      await context.setOffline(false);
      await outboxPage.goto('/outbox');
      await expect(outboxPage.locator('[data-testid="outbox-item"][data-state="stored"]')).toHaveCount(3, {
        timeout: 30_000,
      });
      const refused = outboxPage.locator('[data-testid="outbox-item"][data-state="refused"]');
      await expect(refused).toHaveCount(1);
      await expect(refused).toContainText('离村须填写事由');
      await expect(outboxPage.getByTestId('outbox-badge')).toHaveText('待发送 1');

      const after = await counts();
      expect(after.visits).toBe(1);
      expect(after.photos).toBe(1);
      expect(after.entries).toBe(before.entries + 1);
      // The leader's today (check-in) and the member's yesterday (the grid): two days on record; the refused leave day is not.
      expect(after.records).toBe(2);
      const { rows: checkIn } = await client.query<{ at: Date }>(
        `SELECT coalesce(checkin_at, night_checkin_at) AS at FROM attendance_record WHERE cadre_id = $1 AND day = $2::date`,
        [cadreId, chinaDay()],
      );
      // The time of the tap, not of the arrival.
      expect(Math.abs(checkIn[0].at.getTime() - tappedAt)).toBeLessThan(15_000);

      // 5. The refused entry keeps its text: corrected in the outbox and sent again, stored once.
      await refused.getByRole('button', { name: '修改' }).click();
      // The outbox with a stored receipt, a refusal and its correction open: nothing serious for axe.
      const { violations } = await new AxeBuilder({ page: outboxPage }).analyze();
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
        '/outbox',
      ).toEqual([]);
      await refused.getByLabel('离村事由').fill(AWAY_REASON);
      await refused.getByRole('button', { name: '改好后重新发送' }).click();
      await expect(outboxPage.locator('[data-testid="outbox-item"][data-state="stored"]')).toHaveCount(4);
      await expect(outboxPage.getByTestId('outbox-badge')).toHaveCount(0);
      const { rows: leave } = await client.query<{ kind: string; reason: string }>(
        `SELECT kind, reason FROM attendance_record WHERE cadre_id = $1 AND day = $2::date`,
        [memberCadreId, twoDaysAgo],
      );
      expect(leave).toEqual([{ kind: 'LEAVE', reason: AWAY_REASON }]);

      // Sending again (a tap, a focus) stores nothing more.
      await outboxPage.reload();
      await expect.poll(counts).toMatchObject({ visits: 1, photos: 1, records: 3, entries: before.entries + 2 });
    });
    test('signing out with an entry still unsent names it and, once confirmed, leaves nothing on the phone', async ({
      page,
      context,
    }) => {
      await loginAndWait(page, 'teamleader');
      await page.goto(
        `/teams/${teamId}/attendance?month=${chinaDay(-3).slice(0, 7)}&posting=${memberPostingId}&day=${chinaDay(-3)}#entry`,
      );
      await context.setOffline(true);
      const entry = page.locator('form#entry');
      await entry.getByLabel('类型').selectOption({ label: '请假' }); // no reason: the server will refuse it
      await entry.getByRole('button', { name: '保存' }).click();
      await expect(page.getByTestId('outbox-badge')).toHaveText('待发送 1');
      await context.setOffline(false);
      await page.goto('/outbox');
      await expect(page.locator('[data-testid="outbox-item"][data-state="refused"]')).toHaveCount(1);

      const stored = () =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('bangfu-outbox');
              open.onsuccess = () => {
                const count = open.result.transaction('items').objectStore('items').count();
                count.onsuccess = () => resolve(count.result);
              };
            }),
        );
      expect(await stored()).toBeGreaterThan(0);
      // One listener answers every question the moment it is asked (Playwright's own pattern): a question
      // answered later, from the test, leaves the page blocked in between.
      const asked: string[] = [];
      let answer: 'dismiss' | 'accept' = 'dismiss';
      page.on('dialog', (dialog) => {
        asked.push(dialog.message());
        void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
      });
      // Declined: still signed in, the entry kept.
      await page.getByRole('button', { name: '退出' }).click();
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toContain('还有 1 条录入没有存到服务器');
      await expect(page).toHaveURL(/\/outbox$/);
      await expect(page.getByTestId('outbox-badge')).toHaveText('待发送 1');
      expect(await stored()).toBeGreaterThan(0);
      // Confirmed: signed out, and this user's entries are gone from the phone. Each tap asked once.
      answer = 'accept';
      await page.getByRole('button', { name: '退出' }).click();
      await expect(page).toHaveURL(/\/login/);
      expect(asked).toHaveLength(2);
      expect(await stored()).toBe(0);
    });
  });
