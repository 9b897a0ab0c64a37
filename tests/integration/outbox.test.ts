// The outbox's endpoint (issue 16): every queued item (check-in, visit, month-grid entry, problem step)
// sent to POST /api/outbox goes through its action; sent twice it is stored once; a refusal answers 200
// with the reason; offline check-ins count for the tap, are marked when late and refused when too old,
// from the future or in a signed-off month. Fixtures: villages 990102102 7xx of this file's own.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/outbox/route';
import type { ActionState } from '@/lib/action-state';
import { teamMonth } from '@/lib/attendance/data';
import { db } from '@/lib/db';
import { savePhoto } from '@/lib/visits/commands';
import { makeProblem, makeProblemHousehold, removeProblemFixtures, trackAttachmentKey } from '../support/problems';
import { addDays, chinaInstant, chinaToday, makePostedMember, makeTeam, removeTeamFixtures } from '../support/teams';
import { lastAudit, signInAs, signOutAll } from './helpers';

const BASE = 'http://localhost';
const SAME_SITE = { origin: BASE, host: 'localhost', 'content-type': 'application/json' };
const POINT = { latitude: 34.5, longitude: 105.7 };

let villageSerial = 700;
const nextVillage = () => `990102102${++villageSerial}`;

let uploadDir: string;
beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'bangfu-outbox-'));
  process.env.UPLOAD_DIR = uploadDir;
  delete process.env.S3_ENDPOINT;
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await removeProblemFixtures();
  await removeTeamFixtures();
  await rm(uploadDir, { recursive: true, force: true });
});

/** Freezes the clock the actions read (Date only: the database driver's timers keep running). */
function freezeAt(instant: Date) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(instant);
}

async function send(body: unknown, headers: Record<string, string> = SAME_SITE) {
  const response = await POST(
    new NextRequest(`${BASE}/api/outbox`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers,
    }),
  );
  return { status: response.status, state: (await response.json()) as ActionState };
}

/** A posted member of a fresh village with their own account, signed in. */
async function postedMember(options: { role?: 'LEADER' | 'MEMBER'; start?: string } = {}) {
  const today = chinaToday();
  const { team, village } = await makeTeam({ village: nextVillage(), ...POINT });
  const { posting, user } = await makePostedMember({
    team,
    role: options.role ?? 'MEMBER',
    accountRole: options.role === 'LEADER' ? 'TEAM_LEADER' : 'TEAM_MEMBER',
    start: options.start ?? addDays(today, -60),
    plannedEnd: addDays(today, 300),
  });
  const viewer = await signInAs(user.username);
  return { team, village, posting, user, viewer };
}

async function photoKey(viewer: Awaited<ReturnType<typeof signInAs>>) {
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 90, g: 140, b: 60 } } })
    .jpeg()
    .toBuffer();
  const result = await savePhoto(viewer, new Uint8Array(bytes));
  if (!result.ok) throw new Error(`upload refused: ${result.status}`);
  await trackAttachmentKey(result.key);
  return result.key;
}

describe('POST /api/outbox: each kind stored once however often sent', () => {
  it('a visit with a problem and a photo: one visit, one problem, the photo attached once', async () => {
    const { village, viewer, user } = await postedMember();
    const household = await makeProblemHousehold(village.code);
    const clientKey = randomUUID();
    const item = {
      kind: 'visit',
      clientKey,
      userId: String(user.id),
      payload: {
        householdId: household.id,
        visitedOn: chinaToday(),
        kind: 'IN_PERSON',
        metWith: '户主',
        findings: '屋顶漏雨',
        helpDelivered: '',
        riskEvent: '',
        photoKeys: await photoKey(viewer),
        problems: [{ category: 'HOUSING', urgency: 'URGENT', description: '后墙开裂' }],
        ...POINT,
        accuracy: 12,
      },
    };
    const first = await send(item);
    expect(first).toMatchObject({ status: 200, state: { ok: true, data: { problems: '1' } } });
    const second = await send(item);
    expect(second).toMatchObject({ status: 200, state: { ok: true, message: '这条走访已经保存过了，没有重复保存' } });
    expect(second.state.data?.visitId).toBe(first.state.data?.visitId);
    const visits = await db.visit.findMany({ where: { householdId: household.id } });
    expect(visits).toHaveLength(1);
    expect(visits[0].clientKey).toBe(clientKey);
    expect(await db.problem.count({ where: { householdId: household.id } })).toBe(1);
    expect(await db.attachment.count({ where: { visitId: visits[0].id } })).toBe(1);
  });

  it('a key in capitals is the same key', async () => {
    const { village } = await postedMember();
    const household = await makeProblemHousehold(village.code);
    const clientKey = randomUUID();
    const payload = { householdId: household.id, visitedOn: chinaToday(), kind: 'IN_PERSON', findings: '正常' };
    expect((await send({ kind: 'visit', clientKey, payload })).state.ok).toBe(true);
    expect((await send({ kind: 'visit', clientKey: clientKey.toUpperCase(), payload })).state.ok).toBe(true);
    expect(await db.visit.count({ where: { householdId: household.id } })).toBe(1);
  });

  it('a check-in: one record, the resend answers "already" and changes nothing', async () => {
    const { posting } = await postedMember();
    const tappedAt = new Date(Date.now() - 60_000).toISOString();
    const item = { kind: 'checkin', clientKey: randomUUID(), payload: { ...POINT, accuracy: 20, tappedAt } };
    expect(await send(item)).toMatchObject({ status: 200, state: { ok: true } });
    const before = await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } });
    const again = await send(item);
    expect(again.status).toBe(200);
    expect(again.state.ok).toBe(true);
    expect(again.state.message).toMatch(/已经签到过了|已经记录过了/);
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(1);
    const after = await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } });
    expect(after.version).toBe(before.version);
  });

  it('a month-grid entry: stored once; a resend after a later edit of the same day does not undo it', async () => {
    const today = chinaToday();
    const { team } = await postedMember({ role: 'LEADER' });
    const { posting: member } = await makePostedMember({
      team,
      start: addDays(today, -60),
      plannedEnd: addDays(today, 300),
    });
    const day = addDays(today, -5);
    const item = {
      kind: 'days',
      clientKey: randomUUID(),
      payload: { postingId: member.id, from: day, to: day, kind: 'LEAVE', awayReason: '病假' },
    };
    expect(await send(item)).toMatchObject({ status: 200, state: { ok: true, message: '考勤已保存' } });
    expect(await db.attendanceRecord.count({ where: { postingId: member.id } })).toBe(1);
    expect(await db.attendanceEntry.count({ where: { clientKey: item.clientKey } })).toBe(1);

    // Sent twice in a row: nothing new.
    const again = await send(item);
    expect(again).toMatchObject({ status: 200, state: { ok: true, message: '这条考勤已经保存过了，没有重复保存' } });
    expect(await db.attendanceRecord.count({ where: { postingId: member.id } })).toBe(1);

    // The day corrected since (another entry), then the old entry arrives again: the correction stays.
    const correction = {
      kind: 'days',
      clientKey: randomUUID(),
      payload: { postingId: member.id, from: day, to: day, kind: 'IN_VILLAGE', correctionReason: '核实在村' },
    };
    expect((await send(correction)).state.ok).toBe(true);
    expect((await send(item)).state.ok).toBe(true);
    const record = await db.attendanceRecord.findFirstOrThrow({ where: { postingId: member.id } });
    expect(record.kind).toBe('IN_VILLAGE');
    expect(await db.attendanceEntry.count({ where: { postingId: member.id } })).toBe(2);
  });

  it('two copies of one month-grid entry sent at once store it once', async () => {
    const today = chinaToday();
    const { team } = await postedMember({ role: 'LEADER' });
    const { posting: member } = await makePostedMember({ team, start: addDays(today, -60) });
    const item = {
      kind: 'days',
      clientKey: randomUUID(),
      payload: { postingId: member.id, from: addDays(today, -9), to: addDays(today, -7), kind: 'OVERNIGHT' },
    };
    const answers = await Promise.all([send(item), send(item), send(item)]);
    expect(answers.map((a) => a.state.ok)).toEqual([true, true, true]);
    expect(answers.filter((a) => a.state.message === '考勤已保存')).toHaveLength(1);
    expect(await db.attendanceRecord.count({ where: { postingId: member.id } })).toBe(3);
    expect(await db.attendanceEntry.count({ where: { clientKey: item.clientKey } })).toBe(1);
  });

  it('a month-grid entry refused (a correction without its reason) keeps nothing, and the corrected resend with the same key is stored', async () => {
    const today = chinaToday();
    const { team } = await postedMember({ role: 'LEADER' });
    const { posting: member } = await makePostedMember({ team, start: addDays(today, -60) });
    const day = addDays(today, -3);
    const clientKey = randomUUID();
    await send({
      kind: 'days',
      clientKey: randomUUID(),
      payload: { postingId: member.id, from: day, to: day, kind: 'OVERNIGHT' },
    });
    const refused = await send({
      kind: 'days',
      clientKey,
      payload: { postingId: member.id, from: day, to: day, kind: 'MEETING', awayReason: '县里开会' },
    });
    expect(refused.status).toBe(200);
    expect(refused.state.ok).toBe(false);
    expect(refused.state.fieldErrors?.correctionReason?.[0]).toBeTruthy();
    expect(await db.attendanceEntry.count({ where: { clientKey } })).toBe(0);
    const corrected = await send({
      kind: 'days',
      clientKey,
      payload: {
        postingId: member.id,
        from: day,
        to: day,
        kind: 'MEETING',
        awayReason: '县里开会',
        correctionReason: '补记',
      },
    });
    expect(corrected.state).toMatchObject({ ok: true, message: '考勤已保存' });
    expect((await db.attendanceRecord.findFirstOrThrow({ where: { postingId: member.id } })).kind).toBe('MEETING');
  });

  it('a problem step: stored once; the resend answers ok with the stored step, not a version conflict', async () => {
    const { village, user } = await postedMember();
    const problem = await makeProblem({ regionCode: village.code, userId: user.id });
    const item = {
      kind: 'problemStep',
      clientKey: randomUUID(),
      payload: { problemId: problem.id, version: problem.version, step: 'START', note: '已联系施工队' },
    };
    const first = await send(item);
    expect(first).toMatchObject({ status: 200, state: { ok: true, data: { status: 'IN_PROGRESS' } } });
    const second = await send(item);
    expect(second).toMatchObject({ status: 200, state: { ok: true, message: '这一步已经保存过了，没有重复保存' } });
    expect(second.state.data?.stepId).toBe(first.state.data?.stepId);
    expect(await db.problemStep.count({ where: { problemId: problem.id, kind: 'START' } })).toBe(1);
    expect((await db.problem.findUniqueOrThrow({ where: { id: problem.id } })).version).toBe(problem.version + 1);
    // The same step under a new key is a new step: refused by the rules, not taken for the stored one.
    const other = await send({ ...item, clientKey: randomUUID() });
    expect(other.state).toMatchObject({ ok: false, formError: '当前状态为“整改中”，不能办理这一步' });
    expect(await db.problemStep.count({ where: { problemId: problem.id, kind: 'START' } })).toBe(1);
  });

  it('two copies of one step sent at once store one step', async () => {
    const { village, user } = await postedMember();
    const problem = await makeProblem({ regionCode: village.code, userId: user.id });
    const item = {
      kind: 'problemStep',
      clientKey: randomUUID(),
      payload: { problemId: problem.id, version: problem.version, step: 'START', note: '同时发送' },
    };
    const answers = await Promise.all([send(item), send(item)]);
    expect(answers.map((a) => a.state.ok)).toEqual([true, true]);
    expect(await db.problemStep.count({ where: { problemId: problem.id, kind: 'START' } })).toBe(1);
  });
});

describe('POST /api/outbox: refusals', () => {
  it('a refused item answers 200 with the reason beside the field, and stores nothing', async () => {
    const { village } = await postedMember();
    const household = await makeProblemHousehold(village.code);
    const { status, state } = await send({
      kind: 'visit',
      clientKey: randomUUID(),
      payload: { householdId: household.id, visitedOn: addDays(chinaToday(), 2), kind: 'IN_PERSON' },
    });
    expect(status).toBe(200);
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.visitedOn?.[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(await db.visit.count({ where: { householdId: household.id } })).toBe(0);
  });

  it('out of scope: a member of another village gets nothing stored for any kind', async () => {
    const { village: theirs, user: owner } = await postedMember();
    const household = await makeProblemHousehold(theirs.code);
    const problem = await makeProblem({ regionCode: theirs.code, userId: owner.id });
    await postedMember(); // another village's member, now signed in
    const visit = await send({
      kind: 'visit',
      clientKey: randomUUID(),
      payload: { householdId: household.id, visitedOn: chinaToday(), kind: 'IN_PERSON' },
    });
    expect(visit).toMatchObject({ status: 200, state: { ok: false, formError: expect.stringContaining('找不到') } });
    const step = await send({
      kind: 'problemStep',
      clientKey: randomUUID(),
      payload: { problemId: problem.id, version: problem.version, step: 'START', note: '越界' },
    });
    expect(step.state.ok).toBe(false);
    expect(await db.visit.count({ where: { householdId: household.id } })).toBe(0);
    expect(await db.problemStep.count({ where: { problemId: problem.id } })).toBe(1); // its OPEN step only
  });

  it('a leader of another village cannot enter days of this one', async () => {
    const { posting } = await postedMember();
    await postedMember({ role: 'LEADER' });
    const day = addDays(chinaToday(), -1);
    const { status, state } = await send({
      kind: 'days',
      clientKey: randomUUID(),
      payload: { postingId: posting.id, from: day, to: day, kind: 'IN_VILLAGE' },
    });
    expect(status).toBe(200);
    expect(state.ok).toBe(false);
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(0);
  });

  it('403 for a kind the role may not send (a member entering the month grid), audited by the action', async () => {
    const { posting } = await postedMember();
    const day = addDays(chinaToday(), -1);
    const { status, state } = await send({
      kind: 'days',
      clientKey: randomUUID(),
      payload: { postingId: posting.id, from: day, to: day, kind: 'IN_VILLAGE' },
    });
    expect(status).toBe(403);
    expect(state).toMatchObject({ ok: false, formError: '您的账号没有这项操作的权限。' });
    expect(await lastAudit('attendance.setDays')).toMatchObject({ result: 'REFUSED', message: 'permission' });
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(0);
  });

  it('403 for a role with none of the kinds (the leader role reads only), 401 signed out', async () => {
    await signInAs('leader');
    const item = { kind: 'checkin', clientKey: randomUUID(), payload: {} };
    expect((await send(item)).status).toBe(403);
    signOutAll();
    expect(await send(item)).toMatchObject({ status: 401, state: { ok: false, formError: expect.any(String) } });
  });

  it('400 for a body that is not an item; 413 over the size limit; 403 cross-site', async () => {
    const { user } = await postedMember();
    const key = randomUUID();
    for (const body of [
      'not json',
      '[]',
      { kind: 'payment', clientKey: key, payload: {} },
      { kind: 'checkin', clientKey: 'not-a-uuid', payload: {} },
      { kind: 'checkin', clientKey: key, payload: 'x' },
      { kind: 'checkin', clientKey: key },
      { kind: 'visit', clientKey: key, payload: { clientKey: randomUUID() } }, // the payload names another key
      { kind: 'checkin', clientKey: key, payload: {}, extra: 1 },
    ]) {
      const answer = await send(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.state).toMatchObject({ ok: false, formError: '发送的内容不完整或格式不对，没有保存。' });
    }
    const huge = { kind: 'visit', clientKey: key, payload: { findings: 'x'.repeat(300 * 1024) } };
    expect(await send(huge)).toMatchObject({ status: 413, state: { ok: false } });
    const crossSite = await send(
      { kind: 'checkin', clientKey: key, payload: {} },
      { origin: 'https://evil.example', host: 'localhost', 'content-type': 'application/json' },
    );
    expect(crossSite.status).toBe(403);
    // Another user's item waits for its owner: 401, nothing stored.
    const other = await send({ kind: 'checkin', clientKey: key, userId: String(user.id + 1), payload: {} });
    expect(other).toMatchObject({
      status: 401,
      state: { formError: '这条内容是另一个账号录入的，要用录入它的账号登录后才能发送。' },
    });
    expect(await db.attendanceRecord.count({ where: { recordedById: user.id } })).toBe(0);
  });

  it('a clientKey that is not a UUID is refused by the actions themselves (online forms too)', async () => {
    const { village } = await postedMember();
    const household = await makeProblemHousehold(village.code);
    const { createVisit } = await import('@/lib/visits/actions');
    const state = await createVisit(
      { ok: false },
      { clientKey: 'x'.repeat(36), householdId: household.id, visitedOn: chinaToday(), kind: 'IN_PERSON' },
    );
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.clientKey).toBeTruthy();
  });
});

describe('offline check-in: the tap decides the day, the arrival is kept', () => {
  it('tapped yesterday at 20:30, sent this morning: yesterday’s night, both times kept, not late', async () => {
    const today = chinaToday();
    const yesterday = addDays(today, -1);
    const { posting } = await postedMember();
    const tappedAt = chinaInstant(yesterday, 20, 30);
    freezeAt(chinaInstant(today, 8));
    const { status, state } = await send({
      kind: 'checkin',
      clientKey: randomUUID(),
      payload: { ...POINT, accuracy: 15, tappedAt: tappedAt.toISOString() },
    });
    expect(status).toBe(200);
    expect(state).toMatchObject({ ok: true, data: { kind: 'OVERNIGHT', day: yesterday, location: 'INSIDE' } });
    const rows = await db.attendanceRecord.findMany({ where: { postingId: posting.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].day.toISOString().slice(0, 10)).toBe(yesterday);
    expect(rows[0]).toMatchObject({ kind: 'OVERNIGHT', nightLateSync: false, marked: false, checkinAt: null });
    expect(rows[0].nightCheckinAt!.getTime()).toBe(tappedAt.getTime());
    expect(rows[0].nightReceivedAt!.getTime()).toBe(chinaInstant(today, 8).getTime());
    expect(await lastAudit('attendance.checkIn')).toMatchObject({
      result: 'OK',
      changes: { day: yesterday, tappedAt: tappedAt.toISOString() },
    });
  });

  it('tapped at 17:59 and sent at 18:30: the day, not the night', async () => {
    const today = chinaToday();
    const { posting } = await postedMember();
    freezeAt(chinaInstant(today, 18, 30));
    const { state } = await send({
      kind: 'checkin',
      clientKey: randomUUID(),
      payload: { ...POINT, tappedAt: chinaInstant(today, 17, 59).toISOString() },
    });
    expect(state).toMatchObject({ ok: true, data: { kind: 'IN_VILLAGE', day: today } });
    const row = await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } });
    expect(row).toMatchObject({ kind: 'IN_VILLAGE', nightCheckinAt: null, lateSync: false });
    expect(row.checkinAt!.getTime()).toBe(chinaInstant(today, 17, 59).getTime());
    expect(row.checkinReceivedAt!.getTime()).toBe(chinaInstant(today, 18, 30).getTime());
  });

  it('received more than the policy hours after the tap: kept and marked late, on the grid as marked', async () => {
    const today = chinaToday();
    const day = addDays(today, -2);
    const { posting, team } = await postedMember();
    const policy = await db.policy.findUniqueOrThrow({
      where: { countyCode_year: { countyCode: '990102', year: Number(day.slice(0, 4)) } },
    });
    expect(policy).toMatchObject({ lateSyncHours: 24, offlineCheckinDays: 3 }); // the local defaults
    freezeAt(chinaInstant(today, 9));
    const { state } = await send({
      kind: 'checkin',
      clientKey: randomUUID(),
      payload: { ...POINT, tappedAt: chinaInstant(day, 9).toISOString() }, // 48 hours before
    });
    expect(state).toMatchObject({
      ok: true,
      message: '已签到，但离线签到上传时已超过规定时限，已标记待核查',
      data: { kind: 'IN_VILLAGE', day, location: 'INSIDE', late: 'true' },
    });
    const row = await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } });
    expect(row).toMatchObject({ lateSync: true, marked: true, location: 'INSIDE' });
    vi.useRealTimers();
    const county = await signInAs('county');
    const grid = await teamMonth(county, team.id, day.slice(0, 7));
    const cell = grid.rows.find((r) => r.postingId === posting.id)?.cells[day];
    expect(cell).toMatchObject({ kind: 'IN_VILLAGE', marked: true, lateSync: true });
  });

  it('just under the policy hours: not late', async () => {
    const today = chinaToday();
    const { posting } = await postedMember();
    freezeAt(chinaInstant(today, 9));
    const tappedAt = new Date(chinaInstant(today, 9).getTime() - (24 * 3600 - 60) * 1000);
    expect(
      (
        await send({
          kind: 'checkin',
          clientKey: randomUUID(),
          payload: { ...POINT, tappedAt: tappedAt.toISOString() },
        })
      ).state.ok,
    ).toBe(true);
    expect(await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } })).toMatchObject({
      lateSync: false,
      marked: false,
    });
  });

  it('follows the county policy: 2 hours late is marked when the policy says 1', async () => {
    const today = chinaToday();
    const { posting } = await postedMember();
    const where = { countyCode_year: { countyCode: '990102', year: Number(today.slice(0, 4)) } };
    const before = await db.policy.findUniqueOrThrow({ where });
    await db.policy.update({ where, data: { lateSyncHours: 1 } });
    try {
      freezeAt(chinaInstant(today, 11));
      const { state } = await send({
        kind: 'checkin',
        clientKey: randomUUID(),
        payload: { ...POINT, tappedAt: chinaInstant(today, 9).toISOString() },
      });
      expect(state).toMatchObject({ ok: true, data: { late: 'true' } });
      expect(await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } })).toMatchObject({
        lateSync: true,
        marked: true,
      });
    } finally {
      await db.policy.update({ where, data: { lateSyncHours: before.lateSyncHours } });
    }
  });

  it('refuses a tap in the future (beyond a little clock skew) and one older than the policy days, in Chinese', async () => {
    const today = chinaToday();
    const { posting } = await postedMember();
    freezeAt(chinaInstant(today, 10));
    const future = await send({
      kind: 'checkin',
      clientKey: randomUUID(),
      payload: { ...POINT, tappedAt: chinaInstant(today, 10, 5).toISOString() },
    });
    expect(future).toMatchObject({
      status: 200,
      state: { ok: false, formError: expect.stringContaining('手机时间比服务器时间快') },
    });
    const old = await send({
      kind: 'checkin',
      clientKey: randomUUID(),
      payload: { ...POINT, tappedAt: chinaInstant(addDays(today, -4), 9).toISOString() },
    });
    expect(old).toMatchObject({ status: 200, state: { ok: false, formError: expect.stringContaining('超过 3 天') } });
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(0);
    // A minute ahead is clock skew: taken, as of its arrival.
    const skewed = await send({
      kind: 'checkin',
      clientKey: randomUUID(),
      payload: { ...POINT, tappedAt: chinaInstant(today, 10, 1).toISOString() },
    });
    expect(skewed.state.ok).toBe(true);
    const row = await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } });
    expect(row.checkinAt!.getTime()).toBe(chinaInstant(today, 10).getTime());
  });

  it('refuses a check-in for a month signed off since the tap; the item keeps its reason', async () => {
    const today = chinaToday();
    const { posting, team } = await postedMember();
    // Tapped on the last evening of last month, sent on the 1st after the township signed the month off.
    const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
    const firstOfMonth = `${today.slice(0, 7)}-01`;
    await db.attendanceSignoff.create({
      data: { teamId: team.id, villageCode: team.villageCode, month: lastMonthEnd.slice(0, 7), signedByName: '测试' },
    });
    freezeAt(chinaInstant(firstOfMonth, 8));
    const { status, state } = await send({
      kind: 'checkin',
      clientKey: randomUUID(),
      payload: { ...POINT, tappedAt: chinaInstant(lastMonthEnd, 21).toISOString() },
    });
    expect(status).toBe(200);
    expect(state).toMatchObject({
      ok: false,
      formError: `${lastMonthEnd.slice(0, 7)} 的考勤已由乡镇审核锁定，修改须由县级用户办理`,
    });
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(0);
  });

  it('an online check-in without tappedAt counts for its arrival, as before', async () => {
    const today = chinaToday();
    const { posting } = await postedMember();
    freezeAt(chinaInstant(today, 19));
    expect((await send({ kind: 'checkin', clientKey: randomUUID(), payload: POINT })).state).toMatchObject({
      ok: true,
      data: { kind: 'OVERNIGHT', day: today },
    });
    const row = await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } });
    expect(row.nightCheckinAt!.getTime()).toBe(row.nightReceivedAt!.getTime());
  });
});
