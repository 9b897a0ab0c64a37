// npm run bench:offline [-- --json --port 3220]
// The phone's offline path, in Chromium against a production build of this checkout (NEXT_DIST_DIR or .next;
// run `next build` first) on the demo county in its own database `bangfu_load`: a 4,000×3,000 camera JPEG
// resized on the phone as a visit is saved without signal (time to queued, bytes before and after), that visit
// sent at 400 kbps, and 50 queued visits sent at 400 kbps (each stored once: counted in PostgreSQL).
// Targets (issue 16): resize < 1.5 s, uploaded photo ≤ 400 KB, 50 items < 20 s at 400 kbps.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { DEMO_PASSWORD, openBenchDatabase, requireBuild, startApp } from './bench-app';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3220' },
    json: { type: 'boolean', default: false },
    items: { type: 'string', default: '50' },
  },
});
const ITEMS = Math.min(500, Math.max(1, Number(values.items)));
const log = (line: string) => !values.json && console.log(line);
/** 400 kbit/s each way, 150 ms round trip: a village's 3G on a bad day. */
const SLOW = { offline: false, latency: 150, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const OFFLINE = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

requireBuild();
const { database, client } = await openBenchDatabase(log);
const app = await startApp(database.url, Number(values.port));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu'],
});
try {
  const {
    rows: [leader],
  } = await client.query<{ id: number; scope_code: string }>(
    `SELECT id, scope_code FROM app_user WHERE username = 'teamleader'`,
  );
  const { rows: households } = await client.query<{ id: number }>(
    `SELECT id FROM household WHERE region_code = $1 ORDER BY id LIMIT 20`,
    [leader.scope_code],
  );
  const context = await browser.newContext({
    baseURL: app.base,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: { latitude: 34.29, longitude: 105.39, accuracy: 20 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  const network = await context.newCDPSession(page);
  await network.send('Network.enable');
  await page.goto('/login');
  await page.getByLabel('用户名').fill('teamleader');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('viewer-name').waitFor();
  await page.goto(`/visits/new?household=${households[0].id}`);

  // A camera-sized JPEG with a camera's amount of detail (noise compresses about as badly as a real scene).
  const camera = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(4000, 3000);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = seed & 63;
      const y = Math.floor(i / 16000);
      image.data[i] = 90 + n + (y % 80);
      image.data[i + 1] = 110 + (n >> 1);
      image.data[i + 2] = 70 + ((i >> 8) % 90);
      image.data[i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  const original = Buffer.from(camera, 'base64');
  log(`camera JPEG: 4000×3000, ${Math.round(original.length / 1024)} KB`);

  // 1. Saved without signal: resized on the phone and queued.
  await network.send('Network.emulateNetworkConditions', OFFLINE);
  await page.getByLabel('发现情况').fill('基准测试：断网保存带照片的走访');
  await page
    .getByLabel('拍照或选择照片')
    .setInputFiles({ name: 'camera.jpg', mimeType: 'image/jpeg', buffer: original });
  const saving = performance.now();
  await page.getByRole('button', { name: '保存走访' }).click();
  await page.getByRole('status').filter({ hasText: '已放入待发送' }).waitFor();
  const resizeMs = performance.now() - saving;
  const queued = await page.evaluate(
    () =>
      new Promise<{ bytes: number; width: number; height: number }>((resolve, reject) => {
        const open = indexedDB.open('bangfu-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('items').objectStore('items').getAll();
          all.onsuccess = async () => {
            const photo = (all.result as { photos: Blob[] }[]).flatMap((item) => item.photos)[0];
            const bitmap = await createImageBitmap(photo);
            resolve({ bytes: photo.size, width: bitmap.width, height: bitmap.height });
          };
        };
      }),
  );
  log(
    `resized and queued in ${Math.round(resizeMs)} ms: ${queued.width}×${queued.height}, ${Math.round(queued.bytes / 1024)} KB`,
  );

  // 2. The signal returns at 400 kbps: the page that queued it sends the visit and its photo.
  const storedVisits = async (where: string, params: unknown[]) =>
    (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM visit WHERE ${where}`, params)).rows[0].n;
  const until = async (done: () => Promise<boolean>, what: string) => {
    const started = performance.now();
    while (!(await done())) {
      if (performance.now() - started > 300_000) throw new Error(`${what}: not done after 300 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await network.send('Network.emulateNetworkConditions', SLOW);
  const uploading = performance.now();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await until(
    async () =>
      (await storedVisits(`findings = $1 AND EXISTS (SELECT 1 FROM attachment a WHERE a.visit_id = visit.id)`, [
        '基准测试：断网保存带照片的走访',
      ])) > 0,
    'the visit with its photo',
  );
  const photoSeconds = (performance.now() - uploading) / 1000;
  log(`visit with the photo stored in ${round(photoSeconds, 1)} s at 400 kbps`);

  // 3. Fifty visits queued without signal, then sent at 400 kbps.
  await network.send('Network.emulateNetworkConditions', OFFLINE);
  const keys = Array.from({ length: ITEMS }, () => randomUUID());
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await page.evaluate(
    ({ keys, userId, households, today }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('bangfu-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('items', 'readwrite');
          keys.forEach((clientKey, i) => {
            const now = Date.now() + i;
            tx.objectStore('items').put({
              clientKey,
              userId,
              kind: 'visit',
              label: `基准测试 ${i + 1}`,
              href: '/visits/new',
              payload: {
                clientKey,
                householdId: households[i % households.length],
                visitedOn: today,
                kind: 'IN_PERSON',
                metWith: '户主本人',
                findings: `基准测试：断网记录的第 ${i + 1} 次走访，有信号后统一发送`,
                helpDelivered: '讲解政策',
                riskEvent: '',
                photoKeys: '',
                problems: [],
              },
              photos: [],
              photoKeys: [],
              state: 'waiting',
              createdAt: now,
              updatedAt: now,
              attempts: 0,
            });
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { keys, userId: String(leader.id), households: households.map((h) => h.id), today },
  );
  await network.send('Network.emulateNetworkConditions', SLOW);
  const syncing = performance.now();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await until(
    async () => (await storedVisits('client_key = ANY($1::text[])', [keys])) >= ITEMS,
    `${ITEMS} queued visits`,
  );
  const syncSeconds = (performance.now() - syncing) / 1000;
  const {
    rows: [stored],
  } = await client.query<{ n: number; distinct_keys: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT client_key)::int AS distinct_keys FROM visit WHERE client_key = ANY($1::text[])`,
    [keys],
  );
  log(`${ITEMS} queued visits stored in ${round(syncSeconds, 1)} s at 400 kbps (${stored.n} rows for ${ITEMS} keys)`);

  const results = {
    photo_original_kb: Math.round(original.length / 1024),
    photo_resize_and_queue_ms: Math.round(resizeMs),
    photo_uploaded_kb: Math.round(queued.bytes / 1024),
    photo_uploaded_px: `${queued.width}x${queued.height}`,
    visit_with_photo_sent_s_400kbps: round(photoSeconds, 1),
    [`sync_${ITEMS}_items_s_400kbps`]: round(syncSeconds, 1),
    stored_rows: stored.n,
    stored_once: stored.n === ITEMS && stored.distinct_keys === ITEMS,
  };
  console.log(JSON.stringify(results));
} finally {
  await browser.close();
  app.stop();
  await client.end();
  await database.stop();
}
