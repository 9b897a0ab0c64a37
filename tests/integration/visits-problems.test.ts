// Visits and the problem ledger (issue 6): idempotent visit submission, its refusals, photos (upload,
// claim, who may see them), the problem workflow through the actions (four-eyes strike-off, escalation,
// return and reopen, area scope, roles), the ledger counts and the visit coverage. Fixtures are this
// file's own villages (990102101 56x, 990103101 561), households, problems, visits, cadres and accounts,
// removed afterwards; the seeded visits and problems are only counted, never relied on by number.

import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/data';
import { db } from '@/lib/db';
import { visitCoverage } from '@/lib/figures/data';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { openProblem, problemStep } from '@/lib/problems/actions';
import { getProblem, ledgerCounts, listProblems } from '@/lib/problems/data';
import { sniffPhotoType } from '@/lib/storage';
import { dayOf, isoDay } from '@/lib/time';
import { createVisit } from '@/lib/visits/actions';
import { savePhoto } from '@/lib/visits/commands';
import { listVisits, overdueCadreVisits, readAttachment, VISIT_COUNT_CAP, VISIT_PAGE_SIZE } from '@/lib/visits/data';
import {
  makeProblem,
  makeProblemCadre,
  makeProblemHousehold,
  makeProblemUnit,
  makeProblemUser,
  makeProblemVillage,
  makeVisit,
  removeProblemFixtures,
  shiftDay,
  today,
  trackAttachmentKey,
  trackProblem,
} from '../support/problems';
import { lastAudit, OTHER_COUNTY, run, signInAs, TOWNSHIP_1, TOWNSHIP_2 } from './helpers';

const COUNTY = '990102';
const V = `${TOWNSHIP_1}561`; // visits, photos, the workflow
const V_LEDGER = `${TOWNSHIP_1}562`; // ledger counts
const V_COVER = `${TOWNSHIP_1}563`; // visit coverage
const V_LIST = `${TOWNSHIP_1}564`; // the list's pages
const V_T2 = `${TOWNSHIP_2}561`;
const V_OTHER = `${OTHER_COUNTY}101561`;

const NOT_FOUND = '找不到该记录，或它不在您的管辖范围内。';
const FORBIDDEN = '您的账号没有这项操作的权限。';
const CONFLICT = '该记录已被他人修改，您的修改未保存。请刷新页面查看最新内容后再改。';
const SAVED = '走访已保存';
const SAVED_WITH_PROBLEMS = '走访已保存，问题已录入台账';
const ALREADY_SAVED = '这条走访已经保存过了，没有重复保存';
const PHOTO_NOT_YOURS = '照片无效，请重新上传';
const wrongStatus = (status: string) => `当前状态为“${status}”，不能办理这一步`;

// A 1×1 PNG and a 1×1 JPEG: real pictures, since uploads are decoded and re-encoded (lib/storage.ts).
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const JPEG = Uint8Array.from(
  Buffer.from(
    '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKAAD//Z',
    'base64',
  ),
);
const TEXT = new TextEncoder().encode('<html>not a photo</html>');

let uploadDir: string;
let policy: {
  deadlineUrgentDays: number;
  deadlineHighDays: number;
  deadlineNormalDays: number;
  cadreVisitDays: number;
};
/** A TEAM_LEADER account of this file's own, in village V (the seeded one's village holds the fixed problems). */
let leaderName: string;

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'bangfu-uploads-'));
  process.env.UPLOAD_DIR = uploadDir; // read on the first store (lib/storage.ts), which is in this file
  for (const code of [V, V_LEDGER, V_COVER, V_LIST, V_T2, V_OTHER]) await makeProblemVillage(code);
  const row = await db.policy.findUnique({
    where: { countyCode_year: { countyCode: COUNTY, year: Number(today().slice(0, 4)) } },
  });
  policy = row ?? DEFAULT_POLICY;
  leaderName = (await makeProblemUser({ role: 'TEAM_LEADER', scopeCode: V })).username;
});
afterAll(async () => {
  await removeProblemFixtures();
  await rm(uploadDir, { recursive: true, force: true });
});

const clientKey = () => randomUUID();
const visitInput = (householdId: number, overrides: Record<string, string | number | undefined> = {}) => ({
  clientKey: clientKey(),
  householdId,
  visitedOn: today(),
  kind: 'IN_PERSON',
  metWith: '户主',
  findings: '屋顶漏雨',
  helpDelivered: '联系维修',
  ...overrides,
});
const problemsJson = (...items: { category: string; urgency: string; description: string }[]) => JSON.stringify(items);
const visitsOf = (householdId: number) => db.visit.count({ where: { householdId } });
const problemsOf = (householdId: number) => db.problem.count({ where: { householdId } });
const problemRow = (id: number) => db.problem.findUniqueOrThrow({ where: { id } });
const stepsOf = async (id: number) =>
  (await db.problemStep.findMany({ where: { problemId: id }, orderBy: { id: 'asc' } })).map((s) => ({
    kind: s.kind,
    from: s.fromStatus,
    to: s.toStatus,
    userId: s.userId,
  }));
const userId = async (username: string) => (await db.user.findUniqueOrThrow({ where: { username } })).id;
const upload = async (viewer: Viewer, bytes: Uint8Array = PNG) => {
  const result = await savePhoto(viewer, bytes);
  if (!result.ok) throw new Error(`upload refused: ${result.status}`);
  await trackAttachmentKey(result.key);
  return result.key;
};

// ─────────────────────────── visits ───────────────────────────

describe('visit submission', () => {
  it('stores a replayed submission once, with its problems (deadline by urgency, an OPEN step)', async () => {
    const viewer = await signInAs('township');
    const household = await makeProblemHousehold(V);
    const visitedOn = shiftDay(today(), -3);
    const input = visitInput(household.id, {
      visitedOn,
      latitude: 34.51,
      longitude: 105.72,
      accuracy: 12,
      problems: problemsJson(
        { category: 'HOUSING', urgency: 'URGENT', description: '后墙开裂' },
        { category: 'EDUCATION', urgency: 'NORMAL', description: '孩子辍学' },
      ),
    });
    const first = await run(createVisit, input);
    expect(first).toMatchObject({ ok: true, message: SAVED_WITH_PROBLEMS, data: { problems: '2' } });
    const visit = await db.visit.findUniqueOrThrow({ where: { clientKey: input.clientKey } });
    expect(first.data?.visitId).toBe(visit.id.toString());
    expect(visit).toMatchObject({
      householdId: household.id,
      regionCode: V,
      kind: 'IN_PERSON',
      visitorId: viewer.userId,
      visitorName: viewer.displayName,
      visitorCadreId: null,
      metWith: '户主',
      latitude: 34.51,
      longitude: 105.72,
      accuracyMeters: 12,
    });
    expect(isoDay(visit.visitedOn)).toBe(visitedOn);
    // The visit list counts its problems (counted for the page's rows, not joined over the database).
    const listed = await listVisits(viewer, { area: V });
    expect(listed.rows.find((r) => r.id === visit.id.toString())).toMatchObject({ problems: 2, photos: [] });
    const problems = await db.problem.findMany({
      where: { visitId: visit.id },
      orderBy: { id: 'asc' },
      include: { steps: true },
    });
    expect(
      problems.map((p) => ({
        source: p.source,
        status: p.status,
        owner: p.owner,
        region: p.regionCode,
        household: p.householdId,
        by: p.createdById,
        found: isoDay(p.foundOn),
        deadline: isoDay(p.deadline),
      })),
    ).toEqual([
      {
        source: 'VISIT',
        status: 'OPEN',
        owner: 'VILLAGE_TEAM',
        region: V,
        household: household.id,
        by: viewer.userId,
        found: visitedOn,
        deadline: shiftDay(visitedOn, policy.deadlineUrgentDays),
      },
      {
        source: 'VISIT',
        status: 'OPEN',
        owner: 'VILLAGE_TEAM',
        region: V,
        household: household.id,
        by: viewer.userId,
        found: visitedOn,
        deadline: shiftDay(visitedOn, policy.deadlineNormalDays),
      },
    ]);
    for (const p of problems)
      expect(p.steps.map((s) => ({ kind: s.kind, to: s.toStatus, userId: s.userId }))).toEqual([
        { kind: 'OPEN', to: 'OPEN', userId: viewer.userId },
      ]);
    expect(await lastAudit('visit.create')).toMatchObject({
      result: 'OK',
      entity: 'Visit',
      entityId: visit.id.toString(),
      regionCode: V,
    });

    const again = await run(createVisit, input);
    expect(again).toMatchObject({ ok: true, message: ALREADY_SAVED, data: { visitId: visit.id.toString() } });
    expect(await visitsOf(household.id)).toBe(1);
    expect(await problemsOf(household.id)).toBe(2);
    expect(await db.problemStep.count({ where: { problem: { householdId: household.id } } })).toBe(2);
    expect((await lastAudit('visit.create'))?.changes).toMatchObject({ repeat: true });
  });

  it('stores two copies racing each other once', async () => {
    await signInAs('township');
    const household = await makeProblemHousehold(V);
    const input = visitInput(household.id, {
      problems: problemsJson({ category: 'WATER', urgency: 'HIGH', description: '自来水管冻裂' }),
    });
    const answers = await Promise.all([run(createVisit, input), run(createVisit, input), run(createVisit, input)]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.map((a) => a.message).sort()).toEqual([ALREADY_SAVED, ALREADY_SAVED, SAVED_WITH_PROBLEMS].sort());
    expect(await visitsOf(household.id)).toBe(1);
    expect(await problemsOf(household.id)).toBe(1);
    const problem = await db.problem.findFirstOrThrow({ where: { householdId: household.id } });
    expect(isoDay(problem.deadline)).toBe(shiftDay(today(), policy.deadlineHighDays));
  });

  it('refuses the same client key from another user, and stores nothing more', async () => {
    const owner = await signInAs('township');
    const household = await makeProblemHousehold(V);
    const input = visitInput(household.id);
    expect(await run(createVisit, input)).toMatchObject({ ok: true, message: SAVED });
    await signInAs('county');
    const taken = await run(createVisit, {
      ...input,
      problems: problemsJson({ category: 'OTHER', urgency: 'NORMAL', description: '冒用编号' }),
    });
    expect(taken).toMatchObject({ ok: false, formError: '提交编号冲突，请刷新页面后重新填写' });
    expect(await lastAudit('visit.create')).toMatchObject({ result: 'REFUSED', message: 'visits.keyTaken' });
    expect(await visitsOf(household.id)).toBe(1);
    expect(await problemsOf(household.id)).toBe(0);
    expect((await db.visit.findUniqueOrThrow({ where: { clientKey: input.clientKey } })).visitorId).toBe(owner.userId);
  });

  it('refuses a household outside the area, a future date, a late entry and photos not the viewer’s own; writes nothing', async () => {
    const household = await makeProblemHousehold(V);
    const withProblem = (overrides: Record<string, string | number | undefined>) =>
      visitInput(household.id, {
        problems: problemsJson({ category: 'OTHER', urgency: 'NORMAL', description: '不应保存' }),
        ...overrides,
      });
    const visitsBefore = await db.visit.count();
    const problemsBefore = await db.problem.count();

    for (const username of ['township2', 'county2']) {
      await signInAs(username);
      expect(await run(createVisit, withProblem({}))).toMatchObject({ ok: false, formError: NOT_FOUND });
    }
    const otherHousehold = await makeProblemHousehold(V_OTHER);
    await signInAs('county');
    expect(await run(createVisit, visitInput(otherHousehold.id))).toMatchObject({ ok: false, formError: NOT_FOUND });
    expect(await run(createVisit, visitInput(999_999_999))).toMatchObject({ ok: false, formError: NOT_FOUND });

    const othersKey = await upload(await signInAs('county'));
    const township = await signInAs('township');
    expect(await run(createVisit, withProblem({ visitedOn: shiftDay(today(), 1) }))).toMatchObject({
      ok: false,
      fieldErrors: { visitedOn: ['走访日期不能是将来'] },
    });
    expect(await run(createVisit, withProblem({ visitedOn: shiftDay(today(), -32) }))).toMatchObject({
      ok: false,
      fieldErrors: { visitedOn: ['只能补录 31 天内的走访'] },
    });
    expect(await lastAudit('visit.create')).toMatchObject({ result: 'REFUSED', message: 'visits.tooLate' });

    // Someone else's upload, an upload already claimed, a well-formed key of no upload at all.
    const mine = await upload(township);
    const noSuchKey = `2026/01/${randomUUID()}.jpg`;
    for (const photoKeys of [othersKey, `${mine},${othersKey}`, noSuchKey]) {
      expect(await run(createVisit, withProblem({ photoKeys }))).toMatchObject({
        ok: false,
        fieldErrors: { photoKeys: [PHOTO_NOT_YOURS] },
      });
    }
    expect(
      await db.attachment.count({ where: { storageKey: { in: [mine, othersKey] }, visitId: null, stepId: null } }),
    ).toBe(2);
    expect(await run(createVisit, withProblem({ photoKeys: 'not-a-key.exe' }))).toMatchObject({
      ok: false,
      fieldErrors: { photoKeys: ['格式不正确'] },
    });

    expect(await db.visit.count()).toBe(visitsBefore);
    expect(await db.problem.count()).toBe(problemsBefore);

    // 31 days back is still allowed (the limit is inclusive).
    expect(await run(createVisit, visitInput(household.id, { visitedOn: shiftDay(today(), -31) }))).toMatchObject({
      ok: true,
      message: SAVED,
    });
    expect(await visitsOf(household.id)).toBe(1);
  });
});

// ─────────────────────────── photos ───────────────────────────

describe('the visits list', () => {
  it('pages an area newest first, whether the last 30 days hold the page or not', async () => {
    const viewer = await signInAs('county');
    const household = await makeProblemHousehold(V_LIST);
    const byId = (visits: { id: bigint }[]) => visits.map((v) => v.id.toString());
    const expected = async (page: number) =>
      byId(
        await db.visit.findMany({
          where: { regionCode: V_LIST },
          orderBy: [{ visitedOn: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * VISIT_PAGE_SIZE,
          take: VISIT_PAGE_SIZE,
          select: { id: true },
        }),
      );
    const listed = async (page: number) => (await listVisits(viewer, { area: V_LIST, page })).rows.map((r) => r.id);
    // One visit a day over 60 days: the last 30 hold 31 of them, less than a page (the list asks over all days).
    for (let back = 59; back >= 0; back--)
      await makeVisit({ household, visitedOn: shiftDay(today(), -back), visitorId: viewer.userId });
    for (const page of [1, 2, 3]) expect(await listed(page)).toEqual(await expected(page));
    expect(await listed(2)).toHaveLength(10);
    // Then 30 more today, the newest by id among equal days: the last 30 days now hold more than a page, the
    // last 3 not; then 20 more: the last 3 days do too.
    for (let i = 0; i < 30; i++) await makeVisit({ household, visitedOn: today(), visitorId: viewer.userId });
    for (const page of [1, 2]) expect(await listed(page)).toEqual(await expected(page));
    for (let i = 0; i < 20; i++) await makeVisit({ household, visitedOn: today(), visitorId: viewer.userId });
    for (const page of [1, 2, 3]) expect(await listed(page)).toEqual(await expected(page));
    expect((await listVisits(viewer, { area: V_LIST })).total).toBe(110);
    expect(
      (await listVisits(viewer, { area: V_LIST, householdId: household.id, page: 2 })).rows.map((r) => r.id),
    ).toEqual(await expected(2));
  });

  it('counts a city’s visits up to the cap and says there are more; a county’s exactly', async () => {
    const household = await makeProblemHousehold(V_LIST);
    const viewer = await signInAs('county');
    await db.visit.createMany({
      data: Array.from({ length: VISIT_COUNT_CAP + 1 }, (_, i) => ({
        clientKey: `cap-${household.id}-${i}`,
        householdId: household.id,
        regionCode: V_LIST,
        visitedOn: dayOf(shiftDay(today(), -(i % 300))),
        kind: 'IN_PERSON' as const,
        visitorId: viewer.userId,
        visitorName: '测试走访人',
      })),
    });
    const inCounty = await db.visit.count({ where: { regionCode: { startsWith: COUNTY } } });
    expect(await listVisits(viewer, {})).toMatchObject({ total: inCounty, more: false });
    const city = await listVisits(await signInAs('cityleader'), {});
    expect(city).toMatchObject({ total: VISIT_COUNT_CAP, more: true });
    expect(city.rows).toHaveLength(VISIT_PAGE_SIZE);
  });
});

describe('photos', () => {
  it('stores a photo by its real type, refuses anything else, and audits the upload', async () => {
    const viewer = await signInAs('township');
    const before = await db.attachment.count();
    const png = await savePhoto(viewer, PNG);
    expect(png).toMatchObject({ ok: true, key: expect.stringMatching(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/) });
    const key = (png as { key: string }).key;
    const row = await trackAttachmentKey(key);
    const stored = await readFile(path.join(uploadDir, key)); // a re-encoded copy, not the bytes sent
    expect(row).toMatchObject({
      contentType: 'image/png',
      bytes: stored.length,
      uploadedBy: viewer.userId,
      visitId: null,
      stepId: null,
    });
    expect(sniffPhotoType(stored)).toBe('image/png');
    expect(await lastAudit('attachment.upload')).toMatchObject({
      result: 'OK',
      entity: 'Attachment',
      entityId: String(row.id),
    });

    const jpeg = await savePhoto(viewer, JPEG);
    expect(jpeg).toMatchObject({ ok: true, key: expect.stringMatching(/\.jpg$/) });
    await trackAttachmentKey((jpeg as { key: string }).key);
    expect(await db.attachment.count()).toBe(before + 2);

    expect(await savePhoto(viewer, TEXT)).toEqual({ ok: false, status: 415, message: 'visits.photoType' });
    expect(await savePhoto(viewer, new Uint8Array(8 * 1024 * 1024 + 1).fill(0xff))).toEqual({
      ok: false,
      status: 413,
      message: 'visits.photoTooLarge',
    });
    await expect(savePhoto(await signInAs('leader'), PNG)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await db.attachment.count()).toBe(before + 2);
  });

  it('lets a visit claim only the viewer’s own unclaimed uploads, and shows them inside the area only', async () => {
    const household = await makeProblemHousehold(V);
    const leader = await signInAs(leaderName);
    const key = await upload(leader);
    const attachment = await db.attachment.findUniqueOrThrow({ where: { storageKey: key } });

    // Before it is claimed, only the uploader sees it.
    expect(await readAttachment(leader, attachment.id)).toMatchObject({ contentType: 'image/png' });
    await expect(readAttachment(await signInAs('township'), attachment.id)).rejects.toThrow(
      'NEXT_HTTP_ERROR_FALLBACK;404',
    );

    // Another user cannot claim it.
    await signInAs('township');
    expect(await run(createVisit, visitInput(household.id, { photoKeys: key }))).toMatchObject({
      ok: false,
      fieldErrors: { photoKeys: [PHOTO_NOT_YOURS] },
    });
    expect(await visitsOf(household.id)).toBe(0);

    await signInAs(leaderName);
    const saved = await run(createVisit, visitInput(household.id, { photoKeys: key }));
    expect(saved).toMatchObject({ ok: true, message: SAVED });
    const visit = await db.visit.findFirstOrThrow({ where: { householdId: household.id } });
    expect((await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } })).visitId).toBe(visit.id);
    // Claimed once: the same key on another visit is refused.
    expect(await run(createVisit, visitInput(household.id, { photoKeys: key }))).toMatchObject({
      ok: false,
      fieldErrors: { photoKeys: [PHOTO_NOT_YOURS] },
    });
    expect(await visitsOf(household.id)).toBe(1);

    for (const username of ['township', 'county', 'inspector', 'leader', leaderName]) {
      const seen = await readAttachment(await signInAs(username), attachment.id);
      expect(seen?.contentType, username).toBe('image/png');
      expect(seen?.bytes).toEqual(new Uint8Array(await readFile(path.join(uploadDir, key))));
    }
    for (const username of ['township2', 'county2', 'teamleader', 'auditor', 'sysadmin']) {
      await expect(readAttachment(await signInAs(username), attachment.id), username).rejects.toThrow(
        'NEXT_HTTP_ERROR_FALLBACK;404',
      );
    }
    await expect(readAttachment(leader, 999_999_999)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404');
  });
});

// ─────────────────────────── the problem workflow ───────────────────────────

const step = (
  problemId: number,
  version: number,
  stepName: string,
  extra: Record<string, string | number | undefined> = {},
) => run(problemStep, { problemId, version, step: stepName, ...extra });

describe('opening a problem', () => {
  it('opens a problem of a village or a household of it, for those who may report; nobody else', async () => {
    const household = await makeProblemHousehold(V);
    const inspector = await signInAs('inspector');
    const opened = await run(openProblem, {
      villageCode: V,
      householdId: household.id,
      source: 'INSPECTION',
      category: 'MEDICAL',
      urgency: 'HIGH',
      description: '慢病卡未办理',
    });
    const problem = await db.problem.findFirstOrThrow({ where: { householdId: household.id } });
    trackProblem(problem.id);
    expect(opened).toMatchObject({ ok: true, redirectedTo: `/problems/${problem.id}` });
    expect(problem).toMatchObject({
      regionCode: V,
      source: 'INSPECTION',
      category: 'MEDICAL',
      urgency: 'HIGH',
      status: 'OPEN',
      createdById: inspector.userId,
      visitId: null,
      version: 1,
    });
    expect(isoDay(problem.foundOn)).toBe(today());
    expect(isoDay(problem.deadline)).toBe(shiftDay(today(), policy.deadlineHighDays));
    expect(await stepsOf(problem.id)).toEqual([{ kind: 'OPEN', from: null, to: 'OPEN', userId: inspector.userId }]);
    expect(await lastAudit('problem.open')).toMatchObject({
      result: 'OK',
      entity: 'Problem',
      entityId: String(problem.id),
      regionCode: V,
    });

    // A village-level problem (no household).
    await signInAs(leaderName);
    expect(
      await run(openProblem, {
        villageCode: V,
        source: 'REPORT',
        category: 'WATER',
        urgency: 'URGENT',
        description: '村级水源污染',
      }),
    ).toMatchObject({ ok: true });
    const villageLevel = await db.problem.findFirstOrThrow({ where: { regionCode: V, description: '村级水源污染' } });
    expect(villageLevel.householdId).toBeNull();
    expect(isoDay(villageLevel.deadline)).toBe(shiftDay(today(), policy.deadlineUrgentDays));

    const before = await db.problem.count();
    // The inspector may report but not work on it.
    await signInAs('inspector');
    expect(await step(problem.id, 1, 'START')).toMatchObject({ ok: false, formError: FORBIDDEN });
    // Read-only and office-less roles: nothing at all.
    for (const username of ['leader', 'auditor', 'sysadmin']) {
      await signInAs(username);
      expect(
        await run(openProblem, {
          villageCode: V,
          source: 'REPORT',
          category: 'OTHER',
          urgency: 'NORMAL',
          description: '无权登记',
        }),
        username,
      ).toMatchObject({ ok: false, formError: FORBIDDEN });
      expect(await step(problem.id, 1, 'START'), username).toMatchObject({ ok: false, formError: FORBIDDEN });
    }
    // Outside the area, a household of another village, a code that is no village.
    const inputOf = (overrides: Record<string, string | number>) => ({
      villageCode: V,
      source: 'REPORT',
      category: 'OTHER',
      urgency: 'NORMAL',
      description: '越界登记',
      ...overrides,
    });
    for (const username of ['township2', 'county2', 'teamleader']) {
      await signInAs(username);
      expect(await run(openProblem, inputOf({})), username).toMatchObject({ ok: false, formError: NOT_FOUND });
    }
    await signInAs('township');
    expect(await run(openProblem, inputOf({ villageCode: V_LEDGER, householdId: household.id }))).toMatchObject({
      ok: false,
      fieldErrors: { householdId: ['该户不在所选村'] },
    });
    expect(await run(openProblem, inputOf({ villageCode: `${TOWNSHIP_1}999` }))).toMatchObject({
      ok: false,
      formError: NOT_FOUND,
    });
    expect(await run(openProblem, inputOf({ source: 'VISIT' }))).toMatchObject({
      ok: false,
      fieldErrors: { source: ['请从列表中选择'] },
    });
    expect(await db.problem.count()).toBe(before);
    expect((await problemRow(problem.id)).status).toBe('OPEN');
  });
});

describe('working a problem', () => {
  it('starts, solves with evidence and photos, returns, solves again, strikes off under the four-eyes rule and reopens', async () => {
    const household = await makeProblemHousehold(V);
    const township = await db.user.findUniqueOrThrow({ where: { username: 'township' } });
    const problem = await makeProblem({
      regionCode: V,
      householdId: household.id,
      userId: township.id,
      urgency: 'HIGH',
    });
    const leader = await signInAs(leaderName);
    const countyId = await userId('county');

    // Strike-off straight from OPEN: wrong status (the office may strike off, but not yet).
    await signInAs('township');
    expect(await step(problem.id, 1, 'STRIKE_OFF')).toMatchObject({ ok: false, formError: wrongStatus('待整改') });
    expect(await lastAudit('problem.step')).toMatchObject({
      result: 'REFUSED',
      message: 'problems.refused.wrongStatus',
    });
    expect(await problemRow(problem.id)).toMatchObject({ status: 'OPEN', version: 1 });

    await signInAs(leaderName);
    expect(await step(problem.id, 1, 'START')).toMatchObject({ ok: true, message: '已开始整改' });
    expect(await problemRow(problem.id)).toMatchObject({ status: 'IN_PROGRESS', version: 2, solvedById: null });
    expect(await lastAudit('problem.step')).toMatchObject({
      result: 'OK',
      entity: 'Problem',
      entityId: String(problem.id),
      regionCode: V,
    });
    expect(await step(problem.id, 2, 'START')).toMatchObject({ ok: false, formError: wrongStatus('整改中') });

    // SOLVE needs what was done and the evidence; an old version is a conflict.
    expect(await step(problem.id, 2, 'SOLVE')).toMatchObject({
      ok: false,
      fieldErrors: { note: ['请填写整改措施'], evidence: ['请填写整改佐证'] },
    });
    expect(await step(problem.id, 1, 'SOLVE', { note: '已修缮', evidence: '现场照片' })).toMatchObject({
      ok: false,
      formError: CONFLICT,
    });
    const photo = await upload(leader);
    expect(
      await step(problem.id, 2, 'SOLVE', { note: '已修缮后墙', evidence: '修缮前后照片', photoKeys: photo }),
    ).toMatchObject({
      ok: true,
      message: '已记录整改结果，等待乡镇或县审核销号',
    });
    let row = await problemRow(problem.id);
    expect(row).toMatchObject({ status: 'SOLVED', version: 3, solvedById: leader.userId, struckOffOn: null });
    expect(isoDay(row.solvedOn!)).toBe(today());
    const solveStep = await db.problemStep.findFirstOrThrow({ where: { problemId: problem.id, kind: 'SOLVE' } });
    expect(solveStep).toMatchObject({
      fromStatus: 'IN_PROGRESS',
      toStatus: 'SOLVED',
      note: '已修缮后墙',
      evidence: '修缮前后照片',
      userId: leader.userId,
      userName: leader.displayName,
    });
    const attachment = await db.attachment.findUniqueOrThrow({ where: { storageKey: photo } });
    expect(attachment).toMatchObject({ stepId: solveStep.id, visitId: null });
    expect((await readAttachment(await signInAs('township'), attachment.id))?.bytes).toEqual(
      new Uint8Array(await readFile(path.join(uploadDir, photo))),
    );
    await expect(readAttachment(await signInAs('county2'), attachment.id)).rejects.toThrow(
      'NEXT_HTTP_ERROR_FALLBACK;404',
    );
    await expect(readAttachment(await signInAs('township2'), attachment.id)).rejects.toThrow(
      'NEXT_HTTP_ERROR_FALLBACK;404',
    );

    // What each viewer may do next.
    expect((await getProblem(await signInAs(leaderName), problem.id)).nextSteps).toEqual([]);
    expect(await getProblem(await signInAs('township'), problem.id)).toMatchObject({
      nextSteps: ['RETURN', 'STRIKE_OFF'],
      solvedByMe: false,
      status: 'SOLVED',
    });
    expect((await getProblem(await signInAs('leader'), problem.id)).nextSteps).toEqual([]);
    await expect(getProblem(await signInAs('county2'), problem.id)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404');
    await expect(getProblem(await signInAs('township2'), problem.id)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404');

    // The team leader may not strike off (office only), even someone else's solution.
    await signInAs(leaderName);
    expect(await step(problem.id, 3, 'STRIKE_OFF')).toMatchObject({
      ok: false,
      formError: '只有乡镇或县级用户可以办理',
    });
    expect(await step(problem.id, 3, 'RETURN', { note: '自己退回' })).toMatchObject({
      ok: false,
      formError: '只有乡镇或县级用户可以办理',
    });
    expect(await problemRow(problem.id)).toMatchObject({ status: 'SOLVED', version: 3 });

    // Returned with a reason: back to work, the solution forgotten.
    await signInAs('township');
    expect(await step(problem.id, 3, 'RETURN')).toMatchObject({ ok: false, fieldErrors: { note: ['请填写原因'] } });
    expect(await step(problem.id, 3, 'RETURN', { note: '佐证不足' })).toMatchObject({
      ok: true,
      message: '已退回重新整改',
    });
    expect(await problemRow(problem.id)).toMatchObject({
      status: 'IN_PROGRESS',
      version: 4,
      solvedById: null,
      solvedOn: null,
    });

    // The township solves it itself: it may not strike off its own solution; the county may.
    expect(await step(problem.id, 4, 'SOLVE', { note: '乡镇协调修缮', evidence: '验收单' })).toMatchObject({
      ok: true,
    });
    expect(await problemRow(problem.id)).toMatchObject({ status: 'SOLVED', version: 5, solvedById: township.id });
    expect(await getProblem(await signInAs('township'), problem.id)).toMatchObject({
      nextSteps: ['RETURN'],
      solvedByMe: true,
    });
    expect(await step(problem.id, 5, 'STRIKE_OFF')).toMatchObject({
      ok: false,
      formError: '不能为自己整改的问题销号，须由其他乡镇或县级人员审核',
    });
    expect(await lastAudit('problem.step')).toMatchObject({
      result: 'REFUSED',
      message: 'problems.refused.ownSolution',
    });
    expect(await problemRow(problem.id)).toMatchObject({ status: 'SOLVED', version: 5, struckOffOn: null });

    await signInAs('county');
    expect(await step(problem.id, 5, 'STRIKE_OFF', { note: '核查属实' })).toMatchObject({
      ok: true,
      message: '已销号',
    });
    row = await problemRow(problem.id);
    expect(row).toMatchObject({ status: 'STRUCK_OFF', version: 6, solvedById: township.id });
    expect(isoDay(row.struckOffOn!)).toBe(today());
    expect(await step(problem.id, 6, 'STRIKE_OFF')).toMatchObject({ ok: false, formError: wrongStatus('已销号') });

    // Reopened with a reason.
    expect(await step(problem.id, 6, 'REOPEN')).toMatchObject({ ok: false, fieldErrors: { note: ['请填写原因'] } });
    expect(await step(problem.id, 6, 'REOPEN', { note: '督查发现反弹' })).toMatchObject({
      ok: true,
      message: '已重新打开',
    });
    expect(await problemRow(problem.id)).toMatchObject({
      status: 'OPEN',
      version: 7,
      solvedById: null,
      solvedOn: null,
      struckOffOn: null,
    });

    expect(await stepsOf(problem.id)).toEqual([
      { kind: 'OPEN', from: null, to: 'OPEN', userId: township.id },
      { kind: 'START', from: 'OPEN', to: 'IN_PROGRESS', userId: leader.userId },
      { kind: 'SOLVE', from: 'IN_PROGRESS', to: 'SOLVED', userId: leader.userId },
      { kind: 'RETURN', from: 'SOLVED', to: 'IN_PROGRESS', userId: township.id },
      { kind: 'SOLVE', from: 'IN_PROGRESS', to: 'SOLVED', userId: township.id },
      { kind: 'STRIKE_OFF', from: 'SOLVED', to: 'STRUCK_OFF', userId: countyId },
      { kind: 'REOPEN', from: 'STRUCK_OFF', to: 'OPEN', userId: countyId },
    ]);
    expect((await db.problemStep.findFirstOrThrow({ where: { problemId: problem.id, kind: 'RETURN' } })).note).toBe(
      '佐证不足',
    );
  });

  it('escalates with an explanation, a new owner and a future deadline; a department must be a unit of the county', async () => {
    const township = await signInAs('township');
    const problem = await makeProblem({ regionCode: V, userId: township.userId, deadline: shiftDay(today(), 5) });
    const unit = await makeProblemUnit(COUNTY);
    const otherUnit = await makeProblemUnit(OTHER_COUNTY);
    const later = shiftDay(today(), 20);

    expect(await step(problem.id, 1, 'ESCALATE')).toMatchObject({
      ok: false,
      fieldErrors: { note: ['请填写向群众解释说明的情况'], owner: ['此项必填'], deadline: ['此项必填'] },
    });
    expect(
      await step(problem.id, 1, 'ESCALATE', { note: '已向群众解释', owner: 'DEPARTMENT', deadline: later }),
    ).toMatchObject({ ok: false, fieldErrors: { ownerUnitId: ['请选择责任部门'] } });
    expect(
      await step(problem.id, 1, 'ESCALATE', {
        note: '已向群众解释',
        owner: 'DEPARTMENT',
        ownerUnitId: otherUnit.id,
        deadline: later,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { ownerUnitId: ['请从列表中选择'] } });
    expect(
      await step(problem.id, 1, 'ESCALATE', {
        note: '已向群众解释',
        owner: 'DEPARTMENT',
        ownerUnitId: 999_999_999,
        deadline: later,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { ownerUnitId: ['请从列表中选择'] } });
    for (const deadline of [today(), shiftDay(today(), -1)]) {
      expect(
        await step(problem.id, 1, 'ESCALATE', {
          note: '已向群众解释',
          owner: 'DEPARTMENT',
          ownerUnitId: unit.id,
          deadline,
        }),
      ).toMatchObject({ ok: false, fieldErrors: { deadline: ['新的整改期限须晚于今天'] } });
    }
    expect(await problemRow(problem.id)).toMatchObject({
      status: 'OPEN',
      version: 1,
      owner: 'VILLAGE_TEAM',
      ownerUnitId: null,
    });
    expect(await db.problemStep.count({ where: { problemId: problem.id } })).toBe(1);

    expect(
      await step(problem.id, 1, 'ESCALATE', {
        note: '需县交通局修路',
        owner: 'DEPARTMENT',
        ownerUnitId: unit.id,
        deadline: later,
      }),
    ).toMatchObject({ ok: true, message: '已解释说明并转交限期整改' });
    let row = await problemRow(problem.id);
    expect(row).toMatchObject({ status: 'ESCALATED', version: 2, owner: 'DEPARTMENT', ownerUnitId: unit.id });
    expect(isoDay(row.deadline)).toBe(later);
    const escalation = await db.problemStep.findFirstOrThrow({ where: { problemId: problem.id, kind: 'ESCALATE' } });
    expect(escalation).toMatchObject({
      fromStatus: 'OPEN',
      toStatus: 'ESCALATED',
      owner: 'DEPARTMENT',
      ownerUnitId: unit.id,
      note: '需县交通局修路',
      userId: township.userId,
    });
    expect(isoDay(escalation.deadline!)).toBe(later);
    expect((await getProblem(township, problem.id)).ownerUnitName).toBe(unit.name);

    // Not again from ESCALATED; work on it resumes with START.
    expect(await step(problem.id, 2, 'ESCALATE', { note: '再转', owner: 'TOWNSHIP', deadline: later })).toMatchObject({
      ok: false,
      formError: wrongStatus('限期整改'),
    });
    expect(await step(problem.id, 2, 'START')).toMatchObject({ ok: true });
    // To the township: no unit kept even when one is sent.
    expect(
      await step(problem.id, 3, 'ESCALATE', {
        note: '转乡镇办理',
        owner: 'TOWNSHIP',
        ownerUnitId: unit.id,
        deadline: shiftDay(today(), 10),
      }),
    ).toMatchObject({ ok: true });
    row = await problemRow(problem.id);
    expect(row).toMatchObject({ status: 'ESCALATED', version: 4, owner: 'TOWNSHIP', ownerUnitId: null });
    expect(isoDay(row.deadline)).toBe(shiftDay(today(), 10));
    expect((await stepsOf(problem.id)).map((s) => s.kind)).toEqual(['OPEN', 'ESCALATE', 'START', 'ESCALATE']);
  });

  it('finds no problem outside the viewer’s area, and changes nothing there', async () => {
    const county = await db.user.findUniqueOrThrow({ where: { username: 'county' } });
    const problem = await makeProblem({ regionCode: V, userId: county.id });
    const other = await makeProblem({ regionCode: V_OTHER, userId: county.id });
    for (const username of ['township2', 'county2', 'teamleader']) {
      await signInAs(username);
      expect(await step(problem.id, 1, 'START'), username).toMatchObject({ ok: false, formError: NOT_FOUND });
      expect(
        await step(problem.id, 1, 'ESCALATE', { note: '越界', owner: 'TOWNSHIP', deadline: shiftDay(today(), 9) }),
        username,
      ).toMatchObject({ ok: false, formError: NOT_FOUND });
    }
    for (const username of ['county', 'township']) {
      await signInAs(username);
      expect(await step(other.id, 1, 'START'), username).toMatchObject({ ok: false, formError: NOT_FOUND });
    }
    await signInAs('county');
    expect(await step(999_999_999, 1, 'START')).toMatchObject({ ok: false, formError: NOT_FOUND });
    for (const id of [problem.id, other.id]) {
      expect(await problemRow(id)).toMatchObject({ status: 'OPEN', version: 1 });
      expect(await db.problemStep.count({ where: { problemId: id } })).toBe(1);
    }
    // county2 may work on its own county's problem.
    await signInAs('county2');
    expect(await step(other.id, 1, 'START')).toMatchObject({ ok: true });
    expect(await problemRow(other.id)).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
  });
});

// ─────────────────────────── the ledger counts ───────────────────────────

describe('ledger counts', () => {
  it('adds the townships up to the county total, which counts every problem of the county', async () => {
    const viewer = await signInAs('county');
    const ledger = await ledgerCounts(viewer, {});
    expect(ledger.area).toBe(COUNTY);
    expect(ledger.groups.length).toBeGreaterThan(1);
    expect(ledger.groups.every((g) => g.code.length === 9 && g.code.startsWith(COUNTY))).toBe(true);
    for (const key of ['found', 'solved', 'struckOff', 'open', 'overdue', 'escalated'] as const) {
      expect(ledger.total[key], key).toBe(ledger.groups.reduce((s, g) => s + g[key], 0));
    }
    expect(ledger.total.found).toBe(await db.problem.count({ where: { regionCode: { startsWith: COUNTY } } }));
    expect(ledger.total.struckOff).toBe(
      await db.problem.count({ where: { regionCode: { startsWith: COUNTY }, status: 'STRUCK_OFF' } }),
    );
    const t1 = ledger.groups.find((g) => g.code === TOWNSHIP_1)!;
    expect(t1.found).toBe(await db.problem.count({ where: { regionCode: { startsWith: TOWNSHIP_1 } } }));
    // The other county's problems are not in it, and the read-only leader sees the same figures.
    expect((await ledgerCounts(await signInAs('leader'), {})).total).toEqual(ledger.total);
    expect((await ledgerCounts(await signInAs('county2'), { area: COUNTY })).area).toBe(OTHER_COUNTY);
    await expect(ledgerCounts(await signInAs('auditor'), {})).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('counts a village’s problems, overdue by a past deadline, and its rate after a strike-off', async () => {
    const county = await db.user.findUniqueOrThrow({ where: { username: 'county' } });
    const yesterday = shiftDay(today(), -1);
    const make = (status: 'OPEN' | 'IN_PROGRESS' | 'SOLVED' | 'STRUCK_OFF' | 'ESCALATED', deadline: string) =>
      makeProblem({ regionCode: V_LEDGER, userId: county.id, status, deadline, foundOn: shiftDay(today(), -40) });
    const overdue = await make('OPEN', yesterday);
    await make('IN_PROGRESS', shiftDay(today(), -10)); // overdue too
    await make('ESCALATED', today()); // due today: not overdue yet
    const solvedA = await make('SOLVED', yesterday); // solved: never overdue
    await make('SOLVED', shiftDay(today(), 3));
    await make('STRUCK_OFF', shiftDay(today(), -20));

    const township = await signInAs('township');
    const village = async () =>
      (await ledgerCounts(township, { area: TOWNSHIP_1 })).groups.find((g) => g.code === V_LEDGER);
    expect(await village()).toMatchObject({
      found: 6,
      solved: 2,
      struckOff: 1,
      open: 3,
      overdue: 2,
      escalated: 1,
      rate: 16.6,
    });
    expect((await ledgerCounts(township, { area: V_LEDGER })).total).toMatchObject({
      code: V_LEDGER,
      found: 6,
      overdue: 2,
      rate: 16.6,
    });

    // The overdue filter of the list agrees.
    const list = await listProblems(township, { area: V_LEDGER, overdue: true });
    expect(list.total).toBe(2);
    expect(list.rows.every((r) => r.overdue)).toBe(true);
    expect(list.rows.map((r) => r.id)).toContain(overdue.id);
    expect((await listProblems(township, { area: V_LEDGER })).rows.filter((r) => r.overdue)).toHaveLength(2);
    // Sorted by deadline: soonest first.
    const byDeadline = (await listProblems(township, { area: V_LEDGER, sort: 'deadline' })).rows.map((r) => r.deadline);
    expect(byDeadline).toEqual([...byDeadline].sort());

    // Struck off by the township (solved by the county account): the rate moves from 1/6 to 2/6.
    expect(await step(solvedA.id, 1, 'STRIKE_OFF')).toMatchObject({ ok: true });
    expect(await village()).toMatchObject({ found: 6, solved: 1, struckOff: 2, open: 3, overdue: 2, rate: 33.3 });
    // Filters apply to the counts too.
    expect((await ledgerCounts(township, { area: V_LEDGER, year: 2001 })).total).toMatchObject({
      found: 0,
      rate: 100,
    });
    expect((await ledgerCounts(township, { area: V_LEDGER, source: 'VISIT' })).total.found).toBe(0);
    expect((await ledgerCounts(township, { area: V_LEDGER, source: 'REPORT' })).total.found).toBe(6);
  });
});

// ─────────────────────────── visit coverage ───────────────────────────

describe('visit coverage', () => {
  it('counts a paired household as visited by its cadre within the period only', async () => {
    const days = policy.cadreVisitDays;
    const county = await db.user.findUniqueOrThrow({ where: { username: 'county' } });
    const cadre = await makeProblemCadre({ regionCode: TOWNSHIP_1 });
    const otherCadre = await makeProblemCadre({ regionCode: TOWNSHIP_1 });
    const recent = await makeProblemHousehold(V_COVER, { headName: '近期走访户' });
    const edge = await makeProblemHousehold(V_COVER, { headName: '期内末日户' });
    const old = await makeProblemHousehold(V_COVER, { headName: '过期走访户' });
    const byOther = await makeProblemHousehold(V_COVER, { headName: '他人走访户' });
    const never = await makeProblemHousehold(V_COVER, { headName: '从未走访户' });
    for (const h of [recent, edge, old, byOther, never])
      await db.pairing.create({
        data: {
          householdId: h.id,
          cadreId: cadre.id,
          regionCode: V_COVER,
          startedOn: new Date('2025-01-01T00:00:00Z'),
        },
      });
    await makeVisit({
      household: recent,
      visitedOn: shiftDay(today(), -1),
      visitorId: county.id,
      visitorCadreId: cadre.id,
    });
    await makeVisit({
      household: edge,
      visitedOn: shiftDay(today(), -(days - 1)),
      visitorId: county.id,
      visitorCadreId: cadre.id,
    });
    await makeVisit({
      household: old,
      visitedOn: shiftDay(today(), -days),
      visitorId: county.id,
      visitorCadreId: cadre.id,
    });
    await makeVisit({ household: byOther, visitedOn: today(), visitorId: county.id, visitorCadreId: otherCadre.id });

    const viewer = await signInAs('township');
    const row = async () => (await visitCoverage(viewer, TOWNSHIP_1)).groups.find((g) => g.code === V_COVER);
    expect(await row()).toMatchObject({ cadreDue: 5, cadreDone: 2, teamDue: 0, teamDone: 0 });
    const overdue = await overdueCadreVisits(viewer, V_COVER);
    expect(overdue.map((o) => o.head_name).sort()).toEqual(['从未走访户', '他人走访户', '过期走访户'].sort());
    expect(isoDay(overdue.find((o) => o.head_name === '过期走访户')!.last_visit!)).toBe(shiftDay(today(), -days));
    expect(overdue.find((o) => o.head_name === '从未走访户')!.last_visit).toBeNull();

    // A visit logged through the form by the cadre's own account counts for the pairing.
    const account = await makeProblemUser({ role: 'PAIRING_CADRE', scopeCode: TOWNSHIP_1 });
    await db.cadre.update({ where: { id: cadre.id }, data: { userId: account.id } });
    await signInAs(account.username);
    // By phone: only for a locked-door household, with the reason (seed 000); refused without it, nothing written.
    const before = await visitsOf(old.id);
    expect(await run(createVisit, visitInput(old.id, { kind: 'PHONE' }))).toMatchObject({
      ok: false,
      fieldErrors: { phoneReason: ['电话走访只用于锁门户：请写明家中无人的原因'] },
    });
    expect(await visitsOf(old.id)).toBe(before);
    expect(
      await run(createVisit, visitInput(old.id, { kind: 'PHONE', phoneReason: '全家在外务工，锁门' })),
    ).toMatchObject({ ok: true });
    const phoned = await db.visit.findFirstOrThrow({ where: { householdId: old.id }, orderBy: { id: 'desc' } });
    expect(phoned).toMatchObject({ visitorCadreId: cadre.id, kind: 'PHONE', phoneReason: '全家在外务工，锁门' });
    // It counts for the pairing; the in-person share is shown apart (the two earlier visits were in person).
    expect(await row()).toMatchObject({ cadreDue: 5, cadreDone: 3, cadreInPerson: 2 });
    // A reason sent with an in-person visit is not kept: it belongs to phone visits only.
    await run(createVisit, visitInput(recent.id, { phoneReason: '不该保存' }));
    expect(
      (await db.visit.findFirstOrThrow({ where: { householdId: recent.id }, orderBy: { id: 'desc' } })).phoneReason,
    ).toBeNull();
    expect((await overdueCadreVisits(viewer, V_COVER)).map((o) => o.head_name).sort()).toEqual(
      ['从未走访户', '他人走访户'].sort(),
    );

    // The township's total counts the village's figures; another county sees none of it.
    const total = (await visitCoverage(viewer, TOWNSHIP_1)).total;
    expect(total.cadreDue).toBeGreaterThanOrEqual(5);
    expect((await visitCoverage(await signInAs('county2'), V_COVER)).area).toBe(OTHER_COUNTY);
  });
});
