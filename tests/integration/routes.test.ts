// The route handlers (app/api/**) through their one wrapper (lib/route.ts): who gets an answer, what
// refusals are audited, how errors become HTTP statuses; ids out of range; the language switch's
// return path; photo uploads (re-encoded, quota, stale ones removed).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as assessmentExport } from '@/app/api/assessment/export/route';
import { GET as attachmentRoute } from '@/app/api/attachments/[id]/route';
import { POST as checkinRoute } from '@/app/api/attendance/checkin/route';
import { GET as complianceExport } from '@/app/api/attendance/compliance/route';
import { GET as attendanceSheet } from '@/app/api/attendance/sheet/route';
import { GET as dashboardExport } from '@/app/api/dashboard/export/route';
import { GET as localeRoute } from '@/app/api/locale/route';
import { POST as outboxRoute } from '@/app/api/outbox/route';
import { GET as pairingRoster } from '@/app/api/pairings/roster/route';
import { GET as problemLedger } from '@/app/api/problems/ledger/route';
import { GET as rosterExport } from '@/app/api/roster/export/route';
import { POST as rosterImport } from '@/app/api/roster/import/route';
import { GET as rosterTemplate } from '@/app/api/roster/template/route';
import { POST as uploadRoute } from '@/app/api/uploads/route';
import { db } from '@/lib/db';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { route } from '@/lib/route';
import { storePhoto } from '@/lib/storage';
import { removeStaleUploads } from '@/lib/visits/commands';
import { UPLOAD_QUOTA } from '@/lib/visits/rules';
import { testViewer } from '../support/viewer';
import { lastAudit, signInAs, signOutAll } from './helpers';

const BASE = 'http://localhost';
const SAME_SITE = { origin: BASE, host: 'localhost' };
const get = (url: string) => new NextRequest(`${BASE}${url}`);
const post = (url: string, body: BodyInit, headers: Record<string, string> = SAME_SITE) =>
  new NextRequest(`${BASE}${url}`, { method: 'POST', body, headers });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

let uploadDir: string;
beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'bangfu-routes-'));
  process.env.UPLOAD_DIR = uploadDir; // read on the first store
  delete process.env.S3_ENDPOINT;
});
afterAll(() => rm(uploadDir, { recursive: true, force: true }));

async function photo(width = 64, height = 48) {
  return sharp({ create: { width, height, channels: 3, background: { r: 90, g: 140, b: 60 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 2201/100', GPSMapDatum: 'WGS-84' },
    })
    .toBuffer();
}

/** Every route handler but next-auth's, with a user whose role may use it. */
const ROUTES: { name: string; user: string; call: () => Promise<Response> }[] = [
  { name: 'assessment.export', user: 'county', call: () => assessmentExport(get('/api/assessment/export')) },
  {
    name: 'attachment.read',
    user: 'county',
    call: () => attachmentRoute(get('/api/attachments/1'), params({ id: '1' })),
  },
  { name: 'attendance.checkIn', user: 'member', call: () => checkinRoute(post('/api/attendance/checkin', '{}')) },
  {
    name: 'attendance.exportSheet',
    user: 'county',
    call: () => attendanceSheet(get('/api/attendance/sheet?team=1&month=2026-01')),
  },
  {
    name: 'attendance.exportCompliance',
    user: 'county',
    call: () => complianceExport(get('/api/attendance/compliance?status=all')),
  },
  { name: 'dashboard.export', user: 'county', call: () => dashboardExport(get('/api/dashboard/export')) },
  { name: 'pairing.exportRoster', user: 'county', call: () => pairingRoster(get('/api/pairings/roster')) },
  { name: 'problem.exportLedger', user: 'county', call: () => problemLedger(get('/api/problems/ledger')) },
  { name: 'roster.export', user: 'county', call: () => rosterExport(get('/api/roster/export')) },
  {
    name: 'roster.validate',
    user: 'county',
    call: () => rosterImport(post('/api/roster/import', new Uint8Array([1, 2, 3]))),
  },
  { name: 'roster.template', user: 'county', call: () => rosterTemplate(get('/api/roster/template')) },
  {
    name: 'attachment.upload',
    user: 'member',
    call: async () => uploadRoute(post('/api/uploads', new Uint8Array(await photo()))),
  },
  {
    name: 'outbox.send',
    user: 'member',
    call: () =>
      outboxRoute(post('/api/outbox', JSON.stringify({ kind: 'checkin', clientKey: randomUUID(), payload: {} }))),
  },
];

async function mustChangePassword(username: string) {
  const viewer = await signInAs(username);
  testViewer.current = { ...viewer, mustChangePassword: true };
  return viewer;
}

describe('the route wrapper', () => {
  it('refuses a user who must change their password on every route, with 403, and audits it', async () => {
    const attachments = await db.attachment.count();
    for (const entry of ROUTES) {
      await mustChangePassword(entry.user);
      const response = await entry.call();
      expect(response.status, entry.name).toBe(403);
      expect(await response.text(), entry.name).toContain('您的账号没有这项操作的权限');
      expect(await lastAudit(entry.name), entry.name).toMatchObject({
        result: 'REFUSED',
        username: entry.user,
        message: 'mustChangePassword',
      });
    }
    expect(await db.attachment.count()).toBe(attachments); // the upload stored nothing
  });

  it('answers the same users once the password is changed', async () => {
    await signInAs('county');
    expect((await dashboardExport(get('/api/dashboard/export'))).status).toBe(200);
    expect((await rosterTemplate(get('/api/roster/template'))).status).toBe(200);
    await signInAs('member');
    const upload = await uploadRoute(post('/api/uploads', new Uint8Array(await photo())));
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ ok: true, key: expect.stringMatching(/\.jpg$/) });
  });

  it('sends a signed-out browser to the login page, and tells a script 401', async () => {
    signOutAll();
    for (const entry of ROUTES) {
      const response = await entry.call();
      if (
        entry.name === 'attendance.checkIn' ||
        entry.name === 'attachment.upload' ||
        entry.name === 'roster.validate' ||
        entry.name === 'outbox.send'
      ) {
        expect(response.status, entry.name).toBe(401);
        expect(await response.text(), entry.name).toContain('登录已失效');
      } else {
        expect(response.status, entry.name).toBe(303);
        expect(response.headers.get('location'), entry.name).toBe(`${BASE}/login`);
      }
    }
    const json = await checkinRoute(post('/api/attendance/checkin', '{}'));
    expect(await json.json()).toEqual({ ok: false, formError: '登录已失效，请重新登录后再提交。' });
    const ndjson = await rosterImport(post('/api/roster/import', new Uint8Array([1])));
    expect(JSON.parse((await ndjson.text()).trim())).toEqual({
      type: 'error',
      status: 401,
      message: '登录已失效，请重新登录后再提交。',
    });
  });

  it('refuses a role without the permission, and a cross-site post, and audits both', async () => {
    await signInAs('sysadmin');
    const export_ = await dashboardExport(get('/api/dashboard/export'));
    expect(export_.status).toBe(403);
    expect(await lastAudit('dashboard.export')).toMatchObject({
      result: 'REFUSED',
      username: 'sysadmin',
      message: 'permission',
    });
    expect((await attachmentRoute(get('/api/attachments/1'), params({ id: '1' }))).status).toBe(403);
    expect(await lastAudit('attachment.read')).toMatchObject({
      result: 'REFUSED',
      username: 'sysadmin',
      message: 'permission',
    });

    await signInAs('member');
    const before = await db.attachment.count();
    const crossSite = await uploadRoute(
      post('/api/uploads', new Uint8Array(await photo()), { origin: 'https://evil.example', host: 'localhost' }),
    );
    expect(crossSite.status).toBe(403);
    expect(await lastAudit('attachment.upload')).toMatchObject({
      result: 'REFUSED',
      username: 'member',
      message: 'cross-site',
    });
    const fetchedCrossSite = await checkinRoute(
      post('/api/attendance/checkin', '{}', { 'sec-fetch-site': 'cross-site' }),
    );
    expect(fetchedCrossSite.status).toBe(403);
    expect(await db.attachment.count()).toBe(before);
  });

  it('turns errors into statuses: 404, 422, 403, 409, 503 with Retry-After, 500 with a request id and no stack', async () => {
    await signInAs('county');
    const throwing = (error: unknown) =>
      route({ name: 'test.route', permission: 'region.view' }, async () => {
        throw error;
      });
    const answer = async (error: unknown) => {
      const response = await throwing(error)(get('/api/test'));
      return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') };
    };
    expect(await answer(new NotFoundError())).toMatchObject({
      status: 404,
      text: '找不到该记录，或它不在您的管辖范围内。',
    });
    expect(await answer(new RefusedError('visits.photoType'))).toMatchObject({
      status: 422,
      text: '只能上传 JPG、PNG 或 WebP 照片',
    });
    expect(await lastAudit('test.route')).toMatchObject({
      result: 'REFUSED',
      message: 'visits.photoType',
      username: 'county',
    });
    expect(await answer(new RefusedError('errors.forbidden'))).toMatchObject({ status: 403 });
    expect(await answer(new ConflictError())).toMatchObject({ status: 409 });

    const busy = await answer(
      Object.assign(new Error('Timed out fetching a new connection from the connection pool'), { code: 'P2024' }),
    );
    expect(busy).toMatchObject({ status: 503, retryAfter: '5' });
    expect(busy.text).toContain('系统繁忙');

    const failed = await answer(new Error('column "secret" does not exist'));
    expect(failed.status).toBe(500);
    const requestId = /请求编号 ([0-9a-f]{8})/.exec(failed.text)?.[1];
    expect(requestId).toBeDefined();
    expect(failed.text).not.toMatch(/secret|at .*\.ts|Error:/);
    expect(await lastAudit('test.route')).toMatchObject({ result: 'ERROR', requestId });

    // The JSON routes answer the same way, in the shape their forms read.
    const json = await route({ name: 'test.route', permission: 'region.view', answer: 'json' }, async () => {
      throw new NotFoundError();
    })(get('/api/test'));
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({ ok: false, formError: '找不到该记录，或它不在您的管辖范围内。' });
  });
});

describe('ids out of range', () => {
  it('answer 404, never 500', async () => {
    await signInAs('county');
    for (const id of ['99999999999999999999', '2147483648', '9'.repeat(400), '0', '-1', '1.5', 'abc']) {
      const response = await attachmentRoute(get(`/api/attachments/${encodeURIComponent(id)}`), params({ id }));
      expect(response.status, id).toBe(404);
    }
    for (const team of ['99999999999999999999', '2147483648']) {
      expect((await attendanceSheet(get(`/api/attendance/sheet?team=${team}&month=2026-01`))).status, team).toBe(404);
    }
  });
});

describe('the language switch', () => {
  const switchTo = async (next: string) => {
    const response = await localeRoute(get(`/api/locale?locale=en&next=${next}`));
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toContain('NEXT_LOCALE=en');
    return response.headers.get('location');
  };

  it('goes back to a path on this site', async () => {
    signOutAll(); // needs no account
    expect(await switchTo(encodeURIComponent('/households?status=POOR'))).toBe(`${BASE}/households?status=POOR`);
  });

  it('never to another site', async () => {
    for (const next of [
      '/%5Cevil.example/x',
      '/%09/evil.example',
      '//evil.example',
      '/%0D%0A/evil.example',
      'https://evil.example',
      '%5C%5Cevil.example',
    ]) {
      const location = await switchTo(next);
      expect(new URL(location!).origin, next).toBe(BASE);
    }
    expect(await switchTo('/%5Cevil.example/x')).toBe(`${BASE}/`);
  });
});

describe('photo uploads', () => {
  let member: Awaited<ReturnType<typeof signInAs>>;
  beforeEach(async () => {
    member = await signInAs('member');
    await db.attachment.deleteMany({ where: { uploadedBy: member.userId, visitId: null, stepId: null } });
  });

  const upload = async (body: Uint8Array) => {
    const response = await uploadRoute(post('/api/uploads', new Uint8Array(body)));
    return {
      status: response.status,
      body: (await response.json()) as { ok: boolean; key?: string; formError?: string },
    };
  };

  it('stores a re-encoded copy: GPS and EXIF present before, absent after; the long side at most 2,560 px', async () => {
    const original = await photo(3000, 1500);
    expect(original.includes('WGS-84')).toBe(true);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const { status, body } = await upload(new Uint8Array(original));
    expect(status).toBe(200);
    const row = await db.attachment.findUniqueOrThrow({ where: { storageKey: body.key! } });
    expect(row).toMatchObject({ contentType: 'image/jpeg', uploadedBy: member.userId, visitId: null, stepId: null });

    const served = await attachmentRoute(get(`/api/attachments/${row.id}`), params({ id: String(row.id) }));
    expect(served.status).toBe(200);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.length).toBe(row.bytes);
    expect(bytes.includes('WGS-84')).toBe(false);
    const stored = await sharp(bytes).metadata();
    expect(stored.exif).toBeUndefined();
    expect([stored.width, stored.height]).toEqual([2560, 1280]);
    expect(await lastAudit('attachment.upload')).toMatchObject({ result: 'OK', entityId: String(row.id) });
  });

  it('refuses a file that only starts like a photo, with a Chinese message, and writes nothing', async () => {
    const before = await db.attachment.count();
    const fake = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>')]),
    );
    const { status, body } = await upload(fake);
    expect(status).toBe(422);
    expect(body).toEqual({
      ok: false,
      formError: '无法识别这张照片，可能已损坏或并非图片。请重新拍摄，或选择 JPG、PNG、WebP 照片。',
    });
    expect(await db.attachment.count()).toBe(before);
    expect(await lastAudit('attachment.upload')).toMatchObject({
      result: 'INVALID',
      message: 'visits.photoUndecodable',
    });
    expect((await upload(new TextEncoder().encode('%PDF-1.7'))).status).toBe(415);
  });

  it(`takes at most ${UPLOAD_QUOTA} unclaimed photos a user in 24 hours: 429 after that`, async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    const row = (createdAt: Date, claimed = false) => ({
      storageKey: `test/${randomUUID()}.jpg`,
      contentType: 'image/jpeg',
      bytes: 1,
      uploadedBy: member.userId,
      createdAt,
      visitId: claimed ? 999_000_001n : null,
    });
    // Claimed ones and ones older than a day do not count.
    await db.attachment.createMany({
      data: [
        ...Array.from({ length: UPLOAD_QUOTA - 1 }, () => row(hoursAgo(2))),
        row(hoursAgo(1), true),
        row(hoursAgo(1), true),
        row(hoursAgo(25)),
      ],
    });

    const last = await upload(new Uint8Array(await photo()));
    expect(last.status).toBe(200);
    const over = await upload(new Uint8Array(await photo()));
    expect(over.status).toBe(429);
    expect(over.body).toEqual({
      ok: false,
      formError: `24 小时内已上传 ${UPLOAD_QUOTA} 张尚未随走访或整改提交的照片。请先提交已上传的照片，或明天再试。`,
    });
    expect(await lastAudit('attachment.upload')).toMatchObject({
      result: 'REFUSED',
      message: 'visits.photoQuota',
      username: 'member',
    });
    expect(await db.attachment.count({ where: { uploadedBy: member.userId, visitId: null, stepId: null } })).toBe(
      UPLOAD_QUOTA,
    );

    // Parallel uploads cannot pass the quota together.
    await db.attachment.deleteMany({ where: { uploadedBy: member.userId, visitId: null } });
    await db.attachment.createMany({ data: Array.from({ length: UPLOAD_QUOTA - 2 }, () => row(hoursAgo(1))) });
    const burst = await Promise.all(
      Array.from({ length: 6 }, async () => (await upload(new Uint8Array(await photo()))).status),
    );
    expect(burst.filter((s) => s === 200)).toHaveLength(2);
    expect(burst.filter((s) => s === 429)).toHaveLength(4);
    await db.attachment.deleteMany({ where: { uploadedBy: member.userId } });
  });

  it('removes unclaimed uploads older than a day, rows and files, and only those', async () => {
    const now = new Date();
    const dayAgo = (extraMinutes: number) => new Date(now.getTime() - 24 * 3600_000 - extraMinutes * 60_000);
    const file = async () => storePhoto(await photo(), 'image/jpeg', '2026-12-01');
    const [oldKey, claimedKey, stepKey, freshKey] = await Promise.all([file(), file(), file(), file()]);
    const base = { contentType: 'image/jpeg', bytes: 1, uploadedBy: member.userId };
    await db.attachment.createMany({
      data: [
        { ...base, storageKey: oldKey, createdAt: dayAgo(5) },
        { ...base, storageKey: claimedKey, createdAt: dayAgo(60), visitId: 999_000_002n },
        { ...base, storageKey: stepKey, createdAt: dayAgo(60), stepId: 999_000_003n },
        { ...base, storageKey: freshKey, createdAt: dayAgo(-5) }, // 23 h 55 min old
      ],
    });
    const exists = (key: string) =>
      stat(path.join(uploadDir, key)).then(
        () => true,
        () => false,
      );
    expect(await exists(oldKey)).toBe(true);

    expect(await removeStaleUploads(now)).toBe(1);
    const left = (
      await db.attachment.findMany({ where: { storageKey: { in: [oldKey, claimedKey, stepKey, freshKey] } } })
    )
      .map((a) => a.storageKey)
      .sort();
    expect(left).toEqual([claimedKey, stepKey, freshKey].sort());
    expect(await exists(oldKey)).toBe(false);
    expect(await exists(claimedKey)).toBe(true);
    expect(await exists(freshKey)).toBe(true);
    expect(await lastAudit('attachment.cleanup')).toMatchObject({ result: 'OK', changes: { removed: 1 } });
    expect(await removeStaleUploads(now)).toBe(0);
    await db.attachment.deleteMany({ where: { storageKey: { in: left } } });
  });
});
