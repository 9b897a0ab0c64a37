// Attendance (issue 4): the phone check-in, the month grid, the township's sign-off, and the
// compliance reads. Fixtures are this file's own villages (990102101 4xx, 990102102 4xx).
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { checkIn, setDays, signOffMonth } from '@/lib/attendance/actions';
import { exportCompliance } from '@/lib/attendance/commands';
import { compliance, complianceRows, myAttendance, personYear, teamMonth } from '@/lib/attendance/data';
import { db } from '@/lib/db';
import { refreshFigures } from '@/lib/figures/commands';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { chinaYear, dayOf } from '@/lib/time';
import {
  addDays,
  chinaInstant,
  chinaToday,
  daysFrom,
  fillDays,
  makePostedMember,
  makePosting,
  makeTeam,
  makeUser,
  recordsOf,
  removeTeamFixtures,
} from '../support/teams';
import { lastAudit, run, signInAs } from './helpers';

let villageSerial = 400;
const nextVillage = (township = '990102101') => `${township}${++villageSerial}`;

const POINT = { latitude: 34.5, longitude: 105.7 };
const NOT_FOUND = '找不到该记录，或它不在您的管辖范围内。';

afterEach(() => {
  vi.useRealTimers();
});
afterAll(removeTeamFixtures);

/** Freezes the clock the actions read (Date only: the database driver's timers keep running). */
function freezeAt(instant: Date) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(instant);
}

async function radius(villageCode: string, day: string) {
  const policy = await db.policy.findUnique({
    where: { countyCode_year: { countyCode: villageCode.slice(0, 6), year: Number(day.slice(0, 4)) } },
  });
  return (policy ?? DEFAULT_POLICY).checkinRadiusMeters;
}

describe('phone check-in', () => {
  // The real China day, at a chosen China hour.
  const day = chinaToday();
  const checkedInMember = async (options: { latitude?: number | null; longitude?: number | null } = POINT) => {
    const { team, village } = await makeTeam({ village: nextVillage(), ...options });
    const { posting, user } = await makePostedMember({ team, start: addDays(day, -30), plannedEnd: addDays(day, 300) });
    await signInAs(user.username);
    return { team, village, posting, user };
  };

  it('records a day inside the radius, unmarked', async () => {
    const { posting, user } = await checkedInMember();
    freezeAt(chinaInstant(day, 10));
    const state = await run(checkIn, { latitude: POINT.latitude + 0.001, longitude: POINT.longitude, accuracy: 25 });
    expect(state).toMatchObject({
      ok: true,
      message: '签到成功，位置在村范围内',
      data: { kind: 'IN_VILLAGE', location: 'INSIDE' },
    });
    const rows = await db.attendanceRecord.findMany({ where: { postingId: posting.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'IN_VILLAGE',
      source: 'CHECKIN',
      location: 'INSIDE',
      marked: false,
      latitude: POINT.latitude + 0.001,
      longitude: POINT.longitude,
      accuracyMeters: 25,
      recordedById: user.id,
      nightCheckinAt: null,
      reason: null,
    });
    expect(rows[0].day.toISOString().slice(0, 10)).toBe(day);
    expect(rows[0].checkinAt!.getTime()).toBe(chinaInstant(day, 10).getTime());
    expect(rows[0].distanceMeters).toBeGreaterThan(100);
    expect(rows[0].distanceMeters).toBeLessThan(120); // 0.001° of latitude ≈ 111 m
    expect(await lastAudit('attendance.checkIn')).toMatchObject({
      result: 'OK',
      userId: user.id,
      entity: 'AttendanceRecord',
      changes: { day, location: 'INSIDE' },
    });
  });

  it('keeps a check-in outside the radius, marked', async () => {
    const { posting, village } = await checkedInMember();
    freezeAt(chinaInstant(day, 9));
    const state = await run(checkIn, { latitude: POINT.latitude + 0.1, longitude: POINT.longitude, accuracy: 10 }); // ≈ 11 km
    expect(state).toMatchObject({
      ok: true,
      message: '已签到，但位置在村范围外，已标记',
      data: { location: 'OUTSIDE' },
    });
    const row = await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } });
    expect(row).toMatchObject({
      kind: 'IN_VILLAGE',
      location: 'OUTSIDE',
      marked: true,
      latitude: POINT.latitude + 0.1,
    });
    expect(row.distanceMeters).toBeGreaterThan(await radius(village.code, day));
  });

  it('keeps a check-in without a location, marked', async () => {
    const { posting } = await checkedInMember();
    freezeAt(chinaInstant(day, 8));
    const state = await run(checkIn, {});
    expect(state).toMatchObject({
      ok: true,
      message: '已签到，但没有位置信息，已标记',
      data: { location: 'NONE', distance: '' },
    });
    expect(await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } })).toMatchObject({
      kind: 'IN_VILLAGE',
      location: 'NONE',
      marked: true,
      latitude: null,
      distanceMeters: null,
    });
  });

  it('marks a check-in in a village with no point on record', async () => {
    const { posting } = await checkedInMember({ latitude: null, longitude: null });
    freezeAt(chinaInstant(day, 8));
    expect((await run(checkIn, POINT)).data).toMatchObject({ location: 'NONE' });
    expect(await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } })).toMatchObject({
      location: 'NONE',
      marked: true,
      latitude: POINT.latitude,
    });
  });

  it('refuses a fix with a latitude and no longitude', async () => {
    const { posting } = await checkedInMember();
    freezeAt(chinaInstant(day, 8));
    const state = await run(checkIn, { latitude: POINT.latitude });
    expect(state).toMatchObject({ ok: false, formError: '位置信息不完整' });
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(0);
  });

  it('turns the day into a night with the evening check-in, on the same row', async () => {
    const { posting } = await checkedInMember();
    freezeAt(chinaInstant(day, 10));
    expect((await run(checkIn, POINT)).ok).toBe(true);
    vi.setSystemTime(chinaInstant(day, 20, 30));
    const night = await run(checkIn, { latitude: POINT.latitude, longitude: POINT.longitude + 0.002, accuracy: 30 });
    expect(night).toMatchObject({ ok: true, data: { kind: 'OVERNIGHT', location: 'INSIDE' } });
    const rows = await db.attendanceRecord.findMany({ where: { postingId: posting.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'OVERNIGHT',
      location: 'INSIDE',
      nightLocation: 'INSIDE',
      marked: false,
      latitude: POINT.latitude,
      nightLatitude: POINT.latitude,
      nightLongitude: POINT.longitude + 0.002,
      nightAccuracyMeters: 30,
      version: 2,
    });
    expect(rows[0].checkinAt!.getTime()).toBe(chinaInstant(day, 10).getTime());
    expect(rows[0].nightCheckinAt!.getTime()).toBe(chinaInstant(day, 20, 30).getTime());
    expect((await lastAudit('attendance.checkIn'))!.changes).toMatchObject({
      kind: { from: 'IN_VILLAGE', to: 'OVERNIGHT' },
    });

    // A day check-in that arrives after the night's (a phone whose clock was behind) keeps the night.
    const later = await makePostedMember({
      team: (await makeTeam({ village: nextVillage(), ...POINT })).team,
      start: addDays(day, -30),
    });
    await signInAs(later.user.username);
    vi.setSystemTime(chinaInstant(day, 19));
    expect((await run(checkIn, {})).data).toMatchObject({ kind: 'OVERNIGHT', location: 'NONE' });
    expect(await db.attendanceRecord.findFirstOrThrow({ where: { postingId: later.posting.id } })).toMatchObject({
      kind: 'OVERNIGHT',
      nightLocation: 'NONE',
      location: null,
      marked: true,
    });
    vi.setSystemTime(chinaInstant(day, 11));
    expect((await run(checkIn, POINT)).data).toMatchObject({ kind: 'OVERNIGHT', location: 'INSIDE' });
    expect(await db.attendanceRecord.findMany({ where: { postingId: later.posting.id } })).toMatchObject([
      { kind: 'OVERNIGHT', nightLocation: 'NONE', location: 'INSIDE', marked: true },
    ]);
  });

  it('switches to the night at 18:00 China time', async () => {
    const early = await checkedInMember();
    freezeAt(chinaInstant(day, 17, 59));
    expect((await run(checkIn, POINT)).data).toMatchObject({ kind: 'IN_VILLAGE' });
    expect(await db.attendanceRecord.findFirstOrThrow({ where: { postingId: early.posting.id } })).toMatchObject({
      kind: 'IN_VILLAGE',
      nightCheckinAt: null,
    });

    const late = await checkedInMember();
    vi.setSystemTime(chinaInstant(day, 18));
    expect((await run(checkIn, POINT)).data).toMatchObject({ kind: 'OVERNIGHT' });
    expect(await db.attendanceRecord.findFirstOrThrow({ where: { postingId: late.posting.id } })).toMatchObject({
      kind: 'OVERNIGHT',
      checkinAt: null,
      location: null,
      nightLocation: 'INSIDE',
    });
  });

  it('records the China day, not the server’s UTC day', async () => {
    const { posting } = await checkedInMember();
    freezeAt(chinaInstant(day, 0, 30)); // 16:30 UTC the day before
    expect((await run(checkIn, POINT)).ok).toBe(true);
    const row = await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } });
    expect(row.day.toISOString().slice(0, 10)).toBe(day);
    expect(row.kind).toBe('IN_VILLAGE');
  });

  it('stores a repeated check-in once', async () => {
    const { posting } = await checkedInMember();
    freezeAt(chinaInstant(day, 9));
    expect((await run(checkIn, POINT)).ok).toBe(true);
    vi.setSystemTime(chinaInstant(day, 9, 1));
    const again = await run(checkIn, { latitude: POINT.latitude + 0.1, longitude: POINT.longitude });
    expect(again).toMatchObject({ ok: true, message: '今天已经签到过了' });
    const rows = await db.attendanceRecord.findMany({ where: { postingId: posting.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ location: 'INSIDE', marked: false, version: 1 }); // the first check-in stands
    expect(rows[0].checkinAt!.getTime()).toBe(chinaInstant(day, 9).getTime());
    expect((await lastAudit('attendance.checkIn'))!.changes).toEqual({ repeat: true });

    // Two taps at once: still one row.
    vi.setSystemTime(chinaInstant(day, 21));
    const both = await Promise.all([run(checkIn, POINT), run(checkIn, POINT)]);
    expect(both.every((s) => s.ok)).toBe(true);
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(1);
    expect((await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } })).version).toBe(2);
  });

  it('replaces a day away with the check-in', async () => {
    const { posting } = await checkedInMember();
    await fillDays(posting, [day], 'LEAVE');
    freezeAt(chinaInstant(day, 11));
    expect((await run(checkIn, POINT)).ok).toBe(true);
    expect(await db.attendanceRecord.findFirstOrThrow({ where: { postingId: posting.id } })).toMatchObject({
      kind: 'IN_VILLAGE',
      reason: null,
      location: 'INSIDE',
    });
  });

  it('refuses a person with no active posting today, and writes nothing', async () => {
    const { team } = await makeTeam({ village: nextVillage(), ...POINT });
    const ended = await makePostedMember({
      team,
      start: addDays(day, -100),
      plannedEnd: addDays(day, 100),
      endedOn: addDays(day, -1),
    });
    const notYet = await makePostedMember({ team, start: addDays(day, 1), plannedEnd: addDays(day, 200) });
    freezeAt(chinaInstant(day, 10));
    for (const { user, posting } of [ended, notYet]) {
      await signInAs(user.username);
      expect(await run(checkIn, POINT)).toMatchObject({ ok: false, formError: '您今天不在驻村派驻期内，不能签到' });
      expect(await db.attendanceRecord.count({ where: { cadreId: posting.cadreId } })).toBe(0);
    }
    expect(await lastAudit('attendance.checkIn')).toMatchObject({ result: 'REFUSED', message: 'attendance.notPosted' });
  });

  it('refuses an account with no cadre', async () => {
    const village = nextVillage();
    await makeTeam({ village, ...POINT });
    const user = await makeUser({ role: 'TEAM_MEMBER', scopeCode: village });
    await signInAs(user.username);
    freezeAt(chinaInstant(day, 10));
    const before = await db.attendanceRecord.count();
    expect(await run(checkIn, POINT)).toMatchObject({
      ok: false,
      formError: '您的账号尚未关联驻村干部，请联系乡镇或县扶贫办。',
    });
    expect(await db.attendanceRecord.count()).toBe(before);
    expect(await myAttendance(await signInAs(user.username))).toBeNull();
  });

  it('refuses a check-in in a signed-off month', async () => {
    const { team, posting } = await checkedInMember();
    await db.attendanceSignoff.create({
      data: { teamId: team.id, villageCode: team.villageCode, month: day.slice(0, 7), signedByName: '测试' },
    });
    freezeAt(chinaInstant(day, 10));
    const state = await run(checkIn, POINT);
    expect(state.ok).toBe(false);
    expect(await lastAudit('attendance.checkIn')).toMatchObject({
      result: 'REFUSED',
      message: 'attendance.monthSignedOff',
    });
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(0);
  });

  it('names the signed-off month in the refusal', async () => {
    const { team } = await checkedInMember();
    await db.attendanceSignoff.create({
      data: { teamId: team.id, villageCode: team.villageCode, month: day.slice(0, 7), signedByName: '测试' },
    });
    freezeAt(chinaInstant(day, 10));
    expect(await run(checkIn, POINT)).toMatchObject({
      ok: false,
      formError: `${day.slice(0, 7)} 的考勤已由乡镇审核锁定，修改须由县级用户办理`,
    });
  });

  it('shows the person their day and year', async () => {
    const { posting, user } = await checkedInMember();
    await fillDays(posting, daysFrom(addDays(day, -5), addDays(day, -1)), 'OVERNIGHT');
    freezeAt(chinaInstant(day, 10));
    await run(checkIn, POINT);
    const mine = (await myAttendance(await signInAs(user.username)))!;
    expect(mine).toMatchObject({
      today: day,
      evening: false,
      posting: { id: posting.id },
      todayRecord: { kind: 'IN_VILLAGE', location: 'INSIDE' },
      signedOff: false,
      marked: 0,
    });
    expect(mine.recent.slice(0, 2)).toMatchObject([
      { date: day, kind: 'IN_VILLAGE', source: 'CHECKIN' },
      { date: addDays(day, -1), kind: 'OVERNIGHT', source: 'ENTRY' },
    ]);
  });
});

describe('the month grid', () => {
  const today = chinaToday();
  /** A posting that started 60 days ago, in a team of its own. */
  const posted = async (township = '990102101') => {
    const { team } = await makeTeam({ village: nextVillage(township), ...POINT });
    const posting = await makePosting({ team, start: addDays(today, -60), plannedEnd: addDays(today, 300) });
    return { team, posting };
  };

  it('fills empty days without a correction reason', async () => {
    const { posting } = await posted();
    const township = await signInAs('township');
    const state = await run(setDays, {
      postingId: posting.id,
      from: addDays(today, -10),
      to: addDays(today, -6),
      kind: 'IN_VILLAGE',
    });
    expect(state).toMatchObject({ ok: true, message: '考勤已保存' });
    const rows = await db.attendanceRecord.findMany({ where: { postingId: posting.id }, orderBy: { day: 'asc' } });
    expect(rows.map((r) => r.day.toISOString().slice(0, 10))).toEqual(
      daysFrom(addDays(today, -10), addDays(today, -6)),
    );
    expect(
      rows.every(
        (r) => r.kind === 'IN_VILLAGE' && r.source === 'ENTRY' && r.recordedById === township.userId && !r.marked,
      ),
    ).toBe(true);
    const audit = (await lastAudit('attendance.setDays'))!;
    expect(audit).toMatchObject({
      result: 'OK',
      entity: 'Posting',
      entityId: String(posting.id),
      changes: { correctionReason: null, afterSignOff: false },
    });
    expect((audit.changes as { days: unknown[] }).days).toHaveLength(5);
  });

  it('needs a reason to change what is on record, and writes nothing without one', async () => {
    const { posting } = await posted();
    await fillDays(posting, daysFrom(addDays(today, -10), addDays(today, -6)), 'IN_VILLAGE');
    await signInAs('township');
    // Two empty days and three recorded ones: all or nothing.
    const input = { postingId: posting.id, from: addDays(today, -8), to: addDays(today, -4), kind: 'OVERNIGHT' };
    const refused = await run(setDays, input);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { correctionReason: ['更改已有记录须填写更正原因'] } });
    const before = Object.fromEntries(daysFrom(addDays(today, -10), addDays(today, -6)).map((d) => [d, 'IN_VILLAGE']));
    expect(await recordsOf(posting.id)).toEqual(before);

    const saved = await run(setDays, { ...input, correctionReason: '补录驻村' });
    expect(saved.ok).toBe(true);
    expect(await recordsOf(posting.id)).toEqual({
      [addDays(today, -10)]: 'IN_VILLAGE',
      [addDays(today, -9)]: 'IN_VILLAGE',
      ...Object.fromEntries(daysFrom(addDays(today, -8), addDays(today, -4)).map((d) => [d, 'OVERNIGHT'])),
    });
    const audit = (await lastAudit('attendance.setDays'))!;
    expect(audit.changes).toMatchObject({ correctionReason: '补录驻村', afterSignOff: false });
    expect((audit.changes as { days: unknown[] }).days).toEqual([
      { date: addDays(today, -8), from: 'IN_VILLAGE', to: 'OVERNIGHT' },
      { date: addDays(today, -7), from: 'IN_VILLAGE', to: 'OVERNIGHT' },
      { date: addDays(today, -6), from: 'IN_VILLAGE', to: 'OVERNIGHT' },
      { date: addDays(today, -5), from: null, to: 'OVERNIGHT' },
      { date: addDays(today, -4), from: null, to: 'OVERNIGHT' },
    ]);

    // The same kind again changes nothing and needs no reason.
    expect(await run(setDays, { ...input })).toMatchObject({ ok: true, message: '没有需要更改的记录' });
  });

  it("needs a reason for one's own days, and marks them; a team member's days need neither", async () => {
    const { team } = await makeTeam({ village: nextVillage(), ...POINT });
    const start = addDays(today, -60);
    const { posting: own, user: leader } = await makePostedMember({
      team,
      role: 'LEADER',
      accountRole: 'TEAM_LEADER',
      start,
      plannedEnd: addDays(today, 300),
    });
    const member = await makePosting({ team, start, plannedEnd: addDays(today, 300) });
    await signInAs(leader.username);
    const nights = { postingId: own.id, from: addDays(today, -5), to: addDays(today, -3), kind: 'OVERNIGHT' };
    const refused = await run(setDays, nights);
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { correctionReason: ['登记本人的考勤须在“更正原因”中说明原因（将标记待核）'] },
    });
    expect(await db.attendanceRecord.count({ where: { postingId: own.id } })).toBe(0);

    expect((await run(setDays, { ...nights, correctionReason: '手机没电未能打卡' })).ok).toBe(true);
    const rows = await db.attendanceRecord.findMany({ where: { postingId: own.id } });
    expect(rows).toHaveLength(3);
    expect(
      rows.every((r) => r.kind === 'OVERNIGHT' && r.source === 'ENTRY' && r.marked && r.recordedById === leader.id),
    ).toBe(true);
    expect((await lastAudit('attendance.setDays'))!.changes).toMatchObject({
      correctionReason: '手机没电未能打卡',
      ownEntry: true,
    });
    // Changing one's own recorded day keeps it marked.
    expect(
      (await run(setDays, { ...nights, to: nights.from, kind: 'IN_VILLAGE', correctionReason: '当晚回城' })).ok,
    ).toBe(true);
    expect(
      await db.attendanceRecord.findFirstOrThrow({ where: { postingId: own.id, day: dayOf(nights.from) } }),
    ).toMatchObject({ kind: 'IN_VILLAGE', marked: true });

    expect((await run(setDays, { ...nights, postingId: member.id })).ok).toBe(true);
    const memberRows = await db.attendanceRecord.findMany({ where: { postingId: member.id } });
    expect(memberRows.map((r) => r.marked)).toEqual([false, false, false]);
  });

  it('needs a reason for a day away, and keeps it', async () => {
    const { posting } = await posted();
    await signInAs('township');
    const refused = await run(setDays, {
      postingId: posting.id,
      from: addDays(today, -3),
      to: addDays(today, -2),
      kind: 'LEAVE',
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { awayReason: ['离村须填写事由'] } });
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(0);

    expect(
      (
        await run(setDays, {
          postingId: posting.id,
          from: addDays(today, -3),
          to: addDays(today, -2),
          kind: 'LEAVE',
          awayReason: '病假',
        })
      ).ok,
    ).toBe(true);
    const rows = await db.attendanceRecord.findMany({ where: { postingId: posting.id } });
    expect(rows.map((r) => [r.kind, r.reason])).toEqual([
      ['LEAVE', '病假'],
      ['LEAVE', '病假'],
    ]);
  });

  it('clears days with a correction reason', async () => {
    const { posting } = await posted();
    await fillDays(posting, daysFrom(addDays(today, -3), addDays(today, -1)), 'IN_VILLAGE');
    await signInAs('township');
    expect(
      (await run(setDays, { postingId: posting.id, from: addDays(today, -2), to: addDays(today, -1), kind: 'CLEAR' }))
        .fieldErrors,
    ).toHaveProperty('correctionReason');
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(3);
    expect(
      (
        await run(setDays, {
          postingId: posting.id,
          from: addDays(today, -2),
          to: addDays(today, -1),
          kind: 'CLEAR',
          correctionReason: '误录',
        })
      ).ok,
    ).toBe(true);
    expect(await recordsOf(posting.id)).toEqual({ [addDays(today, -3)]: 'IN_VILLAGE' });
  });

  it('refuses future days, days outside the posting, and runs longer than a month', async () => {
    const { posting } = await posted();
    await signInAs('township');
    const future = await run(setDays, {
      postingId: posting.id,
      from: today,
      to: addDays(today, 1),
      kind: 'IN_VILLAGE',
    });
    expect(future).toMatchObject({ ok: false, fieldErrors: { to: [`不能登记将来的日期（${addDays(today, 1)}）`] } });
    const before = await run(setDays, {
      postingId: posting.id,
      from: addDays(today, -61),
      to: addDays(today, -59),
      kind: 'IN_VILLAGE',
    });
    expect(before).toMatchObject({ ok: false, fieldErrors: { from: [`${addDays(today, -61)} 不在此人的驻村期间内`] } });
    const long = await run(setDays, {
      postingId: posting.id,
      from: addDays(today, -40),
      to: addDays(today, -9),
      kind: 'IN_VILLAGE',
    }); // 32 days
    expect(long).toMatchObject({ ok: false, fieldErrors: { to: ['一次最多登记 31 天'] } });
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(0);
    // 31 days is fine; today is not the future.
    expect(
      (await run(setDays, { postingId: posting.id, from: addDays(today, -30), to: today, kind: 'IN_VILLAGE' })).ok,
    ).toBe(true);
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(31);
  });

  it('refuses days after an ended posting', async () => {
    const { team } = await makeTeam({ village: nextVillage(), ...POINT });
    const posting = await makePosting({
      team,
      start: addDays(today, -60),
      plannedEnd: addDays(today, 300),
      endedOn: addDays(today, -10),
    });
    await signInAs('township');
    expect(
      (
        await run(setDays, {
          postingId: posting.id,
          from: addDays(today, -10),
          to: addDays(today, -9),
          kind: 'IN_VILLAGE',
        })
      ).fieldErrors,
    ).toEqual({ from: [`${addDays(today, -9)} 不在此人的驻村期间内`] });
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(0);
  });

  it('refuses a day the person already has in another village', async () => {
    const first = await makeTeam({ village: nextVillage(), ...POINT });
    const second = await makeTeam({ village: nextVillage(), ...POINT });
    const old = await makePosting({
      team: first.team,
      start: addDays(today, -100),
      plannedEnd: addDays(today, 200),
      endedOn: addDays(today, -30),
    });
    // Written directly: the actions would not allow the overlap, the data may still have it.
    const current = await makePosting({
      team: second.team,
      cadreId: old.cadreId,
      start: addDays(today, -35),
      plannedEnd: addDays(today, 300),
    });
    await fillDays(old, [addDays(today, -32)], 'OVERNIGHT');
    await signInAs('township');
    const state = await run(setDays, {
      postingId: current.id,
      from: addDays(today, -33),
      to: addDays(today, -31),
      kind: 'IN_VILLAGE',
    });
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { from: [`此人在该日已有其他村的考勤记录（${addDays(today, -32)}）`] },
    });
    expect(await db.attendanceRecord.count({ where: { cadreId: old.cadreId } })).toBe(1);
    expect(await recordsOf(old.id)).toEqual({ [addDays(today, -32)]: 'OVERNIGHT' });
    // And the database keeps one record per person and day whoever writes it.
    await expect(
      db.attendanceRecord.create({
        data: {
          cadreId: old.cadreId,
          postingId: current.id,
          villageCode: current.villageCode,
          day: dayOf(addDays(today, -32)),
          kind: 'IN_VILLAGE',
          source: 'ENTRY',
        },
      }),
    ).rejects.toThrow();
  });

  it('lets a team leader edit their own team, and nobody another area’s', async () => {
    const { team, posting } = await posted();
    const leader = await makeUser({ role: 'TEAM_LEADER', scopeCode: team.villageCode });
    await signInAs(leader.username);
    expect(
      (
        await run(setDays, {
          postingId: posting.id,
          from: addDays(today, -2),
          to: addDays(today, -2),
          kind: 'OVERNIGHT',
        })
      ).ok,
    ).toBe(true);
    expect(await recordsOf(posting.id)).toEqual({ [addDays(today, -2)]: 'OVERNIGHT' });

    for (const username of ['township2', 'county2', 'teamleader']) {
      await signInAs(username);
      const state = await run(setDays, {
        postingId: posting.id,
        from: addDays(today, -1),
        to: addDays(today, -1),
        kind: 'IN_VILLAGE',
      });
      expect(state).toMatchObject({ ok: false, formError: NOT_FOUND });
    }
    expect(
      await signInAs('member').then(() =>
        run(setDays, { postingId: posting.id, from: addDays(today, -1), to: addDays(today, -1), kind: 'IN_VILLAGE' }),
      ),
    ).toMatchObject({ ok: false, formError: '您的账号没有这项操作的权限。' });
    expect(await recordsOf(posting.id)).toEqual({ [addDays(today, -2)]: 'OVERNIGHT' });
  });
});

describe('the monthly sign-off', () => {
  const today = chinaToday();
  const thisMonth = today.slice(0, 7);
  const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  const midLastMonth = `${lastMonth}-15`;

  it('closes a finished month once, and never the current one', async () => {
    const { team } = await makeTeam({ village: nextVillage(), ...POINT });
    const township = await signInAs('township');
    expect(await run(signOffMonth, { teamId: team.id, month: thisMonth })).toMatchObject({
      ok: false,
      fieldErrors: { month: ['只能审核已结束的月份'] },
    });
    expect(await db.attendanceSignoff.count({ where: { teamId: team.id } })).toBe(0);

    expect(await run(signOffMonth, { teamId: team.id, month: lastMonth })).toMatchObject({
      ok: true,
      message: '已审核锁定本月考勤',
    });
    expect(await db.attendanceSignoff.findMany({ where: { teamId: team.id } })).toMatchObject([
      {
        month: lastMonth,
        villageCode: team.villageCode,
        signedById: township.userId,
        signedByName: township.displayName,
      },
    ]);
    expect(await lastAudit('attendance.signOff')).toMatchObject({
      result: 'OK',
      entity: 'AttendanceSignoff',
      regionCode: team.villageCode,
      changes: { month: lastMonth },
    });

    expect(await run(signOffMonth, { teamId: team.id, month: lastMonth })).toMatchObject({
      ok: false,
      fieldErrors: { month: ['该月已审核锁定'] },
    });
    expect(await db.attendanceSignoff.count({ where: { teamId: team.id } })).toBe(1);
  });

  it('answers not found for a team outside the area', async () => {
    const { team } = await makeTeam({ village: nextVillage(), ...POINT });
    for (const username of ['township2', 'county2']) {
      await signInAs(username);
      expect(await run(signOffMonth, { teamId: team.id, month: lastMonth })).toMatchObject({
        ok: false,
        formError: NOT_FOUND,
      });
    }
    expect(await db.attendanceSignoff.count({ where: { teamId: team.id } })).toBe(0);
  });

  it('closes the month to the township and the leader; a county user may still correct it', async () => {
    const { team } = await makeTeam({ village: nextVillage(), ...POINT });
    const posting = await makePosting({ team, start: addDays(today, -70), plannedEnd: addDays(today, 300) });
    await fillDays(posting, [midLastMonth], 'IN_VILLAGE');
    const leader = await makeUser({ role: 'TEAM_LEADER', scopeCode: team.villageCode });
    await signInAs('township');
    expect((await run(signOffMonth, { teamId: team.id, month: lastMonth })).ok).toBe(true);

    const correction = {
      postingId: posting.id,
      from: midLastMonth,
      to: midLastMonth,
      kind: 'OVERNIGHT',
      correctionReason: '核实为驻村',
    };
    for (const username of ['township', leader.username]) {
      await signInAs(username);
      expect(await run(setDays, correction)).toMatchObject({
        ok: false,
        fieldErrors: { from: [`${lastMonth} 的考勤已由乡镇审核锁定，修改须由县级用户办理`] },
      });
      expect(await lastAudit('attendance.setDays')).toMatchObject({
        result: 'REFUSED',
        message: 'attendance.monthSignedOff',
      });
    }
    expect(await recordsOf(posting.id)).toEqual({ [midLastMonth]: 'IN_VILLAGE' });
    // A run that only reaches into the closed month is refused whole.
    await signInAs('township');
    expect(
      (
        await run(setDays, {
          postingId: posting.id,
          from: `${lastMonth}-28`,
          to: addDays(`${thisMonth}-01`, 0),
          kind: 'IN_VILLAGE',
        })
      ).ok,
    ).toBe(false);
    expect(await db.attendanceRecord.count({ where: { postingId: posting.id } })).toBe(1);

    const county = await signInAs('county');
    expect((await run(setDays, correction)).ok).toBe(true);
    expect(await recordsOf(posting.id)).toEqual({ [midLastMonth]: 'OVERNIGHT' });
    expect(await lastAudit('attendance.setDays')).toMatchObject({
      result: 'OK',
      userId: county.userId,
      changes: {
        afterSignOff: true,
        correctionReason: '核实为驻村',
        days: [{ date: midLastMonth, from: 'IN_VILLAGE', to: 'OVERNIGHT' }],
      },
    });
  });
});

describe('reading attendance', () => {
  // A fixed "today" in the middle of the year, so the projections do not depend on the day the tests run.
  const year = chinaYear();
  const today = `${year}-07-15`;
  const start = addDays(today, -60);

  it('judges a full record on track and a thin one at risk', async () => {
    freezeAt(chinaInstant(today, 12));
    const { team } = await makeTeam({ village: nextVillage(), ...POINT });
    const full = await makePosting({ team, start, plannedEnd: addDays(start, 364), role: 'LEADER', name: '全勤者' });
    const thin = await makePosting({ team, start, plannedEnd: addDays(start, 364), name: '缺勤者' });
    const idle = await makePosting({ team, start: `${year - 1}-12-01`, plannedEnd: `${year}-11-30`, name: '无记录者' });
    await fillDays(full, daysFrom(start, today), 'OVERNIGHT');
    await fillDays(thin, daysFrom(start, addDays(start, 4)), 'OVERNIGHT');

    const township = await signInAs('township');
    const rows = await complianceRows(township, team.villageCode, year);
    const byId = new Map(rows.map((r) => [r.postingId, r]));
    expect(rows.every((r) => r.villageCode === team.villageCode)).toBe(true);
    expect(byId.get(full.id)!.summary).toMatchObject({
      status: 'ON_TRACK',
      days: { done: 61 },
      nights: { done: 61 },
      unrecorded: 0,
    });
    expect(byId.get(thin.id)!.summary).toMatchObject({ status: 'AT_RISK', days: { done: 5 }, unrecorded: 56 });
    expect(byId.get(idle.id)!.summary).toMatchObject({ status: 'WILL_MISS', days: { done: 0 } });

    const table = await compliance(township, { area: team.villageCode, year, status: 'SHORT' });
    expect(table.total).toMatchObject({ people: 3, short: 2 });
    expect(table.people.map((p) => p.postingId)).toEqual([idle.id, thin.id]); // worst first

    // The person's own page reads the same.
    expect((await personYear(township, full.cadreId, year)).postings[0].summary.status).toBe('ON_TRACK');
    const grid = await teamMonth(township, team.id, today.slice(0, 7));
    expect(grid.rows.find((r) => r.postingId === full.id)).toMatchObject({
      days: 15,
      nights: 15,
      leader: { done: 15 },
    });
  });

  it('holds leaders and deputies to the monthly days (seed 001), in the table, its filter and the kept figures', async () => {
    freezeAt(chinaInstant(today, 12));
    const { team } = await makeTeam({ village: nextVillage(), ...POINT });
    const since = `${year}-05-01`;
    const leader = await makePosting({ team, start: since, plannedEnd: addDays(since, 364), role: 'LEADER' });
    const deputy = await makePosting({ team, start: since, plannedEnd: addDays(since, 364), role: 'DEPUTY_LEADER' });
    const member = await makePosting({ team, start: since, plannedEnd: addDays(since, 364) });
    // May: the leader 20 days, the deputy 19; June: both 25; July so far (to the 15th): both 10.
    await fillDays(
      leader,
      [...daysFrom(`${year}-05-01`, `${year}-05-20`), ...daysFrom(`${year}-06-01`, `${year}-06-25`)],
      'OVERNIGHT',
    );
    await fillDays(
      deputy,
      [...daysFrom(`${year}-05-01`, `${year}-05-19`), ...daysFrom(`${year}-06-01`, `${year}-06-25`)],
      'IN_VILLAGE',
    );
    for (const p of [leader, deputy, member])
      await fillDays(p, daysFrom(`${year}-07-01`, `${year}-07-10`), 'IN_VILLAGE');

    const township = await signInAs('township');
    const rows = new Map((await complianceRows(township, team.villageCode, year)).map((r) => [r.postingId, r]));
    expect(rows.get(leader.id)!.monthRule).toMatchObject({
      missed: 0,
      current: { month: `${year}-07`, done: 10, required: 20, status: 'REACHABLE' },
    });
    expect(rows.get(deputy.id)!.monthRule).toMatchObject({ missed: 1 });
    expect(
      rows
        .get(deputy.id)!
        .monthRule!.months.map((m) => m.status)
        .slice(4),
    ).toEqual(['MISSED', 'MET', 'REACHABLE']);
    expect(rows.get(member.id)!.monthRule).toBeNull();

    const table = await compliance(township, { area: team.villageCode, year, status: 'MONTH_MISSED' });
    expect(table.people.map((p) => p.postingId)).toEqual([deputy.id]);
    expect(table.total).toMatchObject({ monthRule: 2, monthMissed: 1 });

    // The dashboard keeps the same count for the village.
    await refreshFigures({ area: team.villageCode, limit: 10 });
    expect(await db.villageFigures.findUniqueOrThrow({ where: { villageCode: team.villageCode } })).toMatchObject({
      monthRuleMembers: 2,
      monthRuleMissed: 1,
    });
  });

  it('exports the compliance list as the page filters it, one row per person, audited', async () => {
    const { team } = await makeTeam({ village: nextVillage(), ...POINT });
    await makePosting({ team });
    await makePosting({ team });
    const year = Number(chinaToday().slice(0, 4));
    const township = await signInAs('township');
    const table = await compliance(township, { area: team.villageCode, year, status: 'SHORT' });
    const file = await exportCompliance(township, { area: team.villageCode, year, status: 'SHORT' }, 'zh-CN');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.buffer).buffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getRow(1).getCell(1).value)).toContain(`${year} 年驻村考勤达标情况`);
    expect(sheet.getRow(2).getCell(1).value).toBe('姓名');
    expect(sheet.rowCount).toBe(2 + table.people.length);
    expect(sheet.getRow(3).getCell(1).value).toBe(table.people[0]?.name);
    expect(await lastAudit('attendance.exportCompliance')).toMatchObject({
      result: 'OK',
      username: 'township',
      changes: { year, status: 'SHORT', rows: table.people.length },
    });
  });

  it('keeps each township to its own teams', async () => {
    const mine = await makeTeam({ village: nextVillage(), ...POINT });
    const minePosting = await makePosting({ team: mine.team });
    const theirs = await makeTeam({ village: nextVillage('990102102'), ...POINT });
    const theirPosting = await makePosting({ team: theirs.team });
    const year = Number(chinaToday().slice(0, 4));

    const township2 = await signInAs('township2');
    const rows = await complianceRows(township2, undefined, year);
    expect(rows.map((r) => r.postingId)).toContain(theirPosting.id);
    expect(rows.map((r) => r.postingId)).not.toContain(minePosting.id);
    expect(rows.every((r) => r.villageCode.startsWith('990102102'))).toBe(true);
    const table = await compliance(township2, { area: '990102101', year }); // an area outside is ignored
    expect(table.area).toBe('990102102');
    const exported = await exportCompliance(township2, { area: '990102101', year }, 'zh-CN'); // the export too
    expect(exported.asciiFileName).toBe(`compliance-990102102-${year}.xlsx`);
    expect(await lastAudit('attendance.exportCompliance')).toMatchObject({ regionCode: '990102102' });
    expect(table.people.every((p) => p.villageCode.startsWith('990102102'))).toBe(true);
    await expect(teamMonth(township2, mine.team.id, chinaToday().slice(0, 7))).rejects.toThrow(
      'NEXT_HTTP_ERROR_FALLBACK;404',
    );
    await expect(personYear(township2, minePosting.cadreId, year)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404');

    const county = await signInAs('county');
    const all = (await complianceRows(county, undefined, year)).map((r) => r.postingId);
    expect(all).toEqual(expect.arrayContaining([minePosting.id, theirPosting.id]));
    expect((await complianceRows(await signInAs('county2'), undefined, year)).map((r) => r.postingId)).not.toContain(
      minePosting.id,
    );
  });

  it('gives a team member their own village only, and nothing to roles without team.view', async () => {
    const village = nextVillage();
    const { team } = await makeTeam({ village, ...POINT });
    const { posting, user } = await makePostedMember({ team });
    const elsewhere = await makePosting({ team: (await makeTeam({ village: nextVillage(), ...POINT })).team });
    const year = Number(chinaToday().slice(0, 4));

    const member = await signInAs(user.username);
    const rows = await complianceRows(member, undefined, year);
    expect(rows.map((r) => r.postingId)).toEqual([posting.id]);
    expect((await complianceRows(member, '990102101', year)).map((r) => r.postingId)).toEqual([posting.id]); // a wider area is ignored
    expect(rows.map((r) => r.postingId)).not.toContain(elsewhere.id);

    for (const username of ['sysadmin', 'cadre', 'auditor'])
      await expect(compliance(await signInAs(username), { year })).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
  });
});
