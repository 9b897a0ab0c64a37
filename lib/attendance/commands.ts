// Attendance's writes: the phone check-in, the month grid's entries and the township's sign-off of a
// month. Each command runs inside the caller's transaction (the action wrapper's, a route's, a test's)
// and returns what it did for the audit row; lib/attendance/actions.ts wires them to forms.
import 'server-only';
import type { z } from 'zod';
import { writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { db, execute, rows, type Tx } from '@/lib/db';
import { DAY_KINDS, type DayKind, TEAM_ROLES, type TeamRole } from '@/lib/enums';
import { NotFoundError, RefusedError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { scope } from '@/lib/regions/scope';
import { lockCadre, lockTeam, lockTeamShared } from '@/lib/teams/sql';
import { chinaDate, chinaToday, dateOfDayNumber, dayNumber, dayOf, isoDay } from '@/lib/time';
import { type ComplianceFilter, compliance, teamMonth } from './data';
import { checkInTiming, locationCheck, validateRecord } from './rules';
import { type checkInSchema, MAX_RANGE_DAYS, type setDaysSchema, type signOffSchema } from './schema';
import { attendanceSheetXlsx, complianceSheetXlsx } from './sheet';
import { checkInCadre, checkInPosting, checkInSignedOff } from './sql';

/** County office users may change a signed-off month (audited as such); nobody else may. */
function mayChangeSignedOff(viewer: Viewer): boolean {
  return viewer.role === 'COUNTY_ADMIN' && viewer.scopeCode.length <= 6;
}

async function signedOffMonths(tx: Tx, teamId: number, months: string[]): Promise<string[]> {
  // A shared lock on the team: a sign-off (which locks it exclusively) waits for writes in flight, and
  // writes after it see it.
  await execute(tx, lockTeamShared(teamId));
  const rows = await tx.attendanceSignoff.findMany({
    where: { teamId, month: { in: months } },
    select: { month: true },
  });
  return rows.map((row) => row.month);
}

/**
 * The phone check-in. Before 18:00 China time it records the day (到村), from 18:00 the night (驻村,
 * also a day). The fix is compared with the village's point; outside or no fix is kept and marked.
 * Sent from the outbox, it counts for the moment of the tap (`tappedAt`) and is stored with the time it
 * arrived; one that arrives late is marked, one too old or from the future refused (checkInTiming).
 */
export async function checkIn({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof checkInSchema>>): Promise<CommandOutcome> {
  const now = new Date();
  const tappedAt = input.tappedAt ? new Date(input.tappedAt) : now;
  // The window is the county's policy of the cadre; the year is the tap's (a few days at most from now).
  const [cadre] = await rows(tx, checkInCadre(viewer.userId, Number(chinaDate(tappedAt).slice(0, 4))));
  if (!cadre) throw new RefusedError('attendance.notLinked');
  const timing = checkInTiming(tappedAt, now, {
    lateSyncHours: cadre.late_sync_hours ?? DEFAULT_POLICY.lateSyncHours,
    offlineCheckinDays: cadre.offline_checkin_days ?? DEFAULT_POLICY.offlineCheckinDays,
  });
  if (!timing.ok) throw new RefusedError(timing.key, undefined, 'params' in timing ? timing.params : {});
  const { day: today, evening, late } = timing;
  const day = dayOf(today);
  const [posting] = await rows(tx, checkInPosting(cadre.id, today));
  // The tap's day may be an earlier one (sent from the outbox): the messages then say so, not "today".
  const earlier = today !== chinaToday(now);
  if (!posting) throw new RefusedError(earlier ? 'attendance.notPostedThen' : 'attendance.notPosted');
  const [{ signed }] = await rows(tx, checkInSignedOff(posting.team_id, today.slice(0, 7)));
  if (signed) throw new RefusedError('attendance.monthSignedOff', undefined, { month: today.slice(0, 7) });

  const villageCode = posting.village_code;
  const fix =
    input.latitude !== undefined && input.longitude !== undefined
      ? { lat: input.latitude, lng: input.longitude }
      : null;
  const point =
    posting.latitude !== null && posting.longitude !== null ? { lat: posting.latitude, lng: posting.longitude } : null;
  // The radius is the village's county's policy of the day's year (mostly the cadre's own county's).
  const radius = posting.radius_meters ?? DEFAULT_POLICY.checkinRadiusMeters;
  const { check, distance } = locationCheck(fix, point, radius);
  const place = {
    latitude: fix?.lat ?? null,
    longitude: fix?.lng ?? null,
    accuracyMeters: input.accuracy ?? null,
    distanceMeters: distance,
  };

  const existing =
    posting.record_id === null
      ? null
      : {
          id: posting.record_id,
          postingId: posting.record_posting_id,
          kind: posting.record_kind as DayKind,
          marked: posting.record_marked ?? false,
        };
  if (existing && existing.postingId !== posting.posting_id) throw new RefusedError('attendance.otherVillage');
  const already = evening ? posting.night_checkin_at : posting.checkin_at;
  if (existing && already) {
    return {
      entity: 'AttendanceRecord',
      entityId: existing.id.toString(),
      regionCode: villageCode,
      changes: { repeat: true },
      message: earlier ? 'attendance.alreadyRecorded' : evening ? 'attendance.alreadyNight' : 'attendance.alreadyDay',
      data: { kind: existing.kind, day: today, repeat: 'true' },
    };
  }

  const dayFields = evening
    ? {
        nightCheckinAt: timing.at,
        nightReceivedAt: now,
        nightLateSync: late,
        nightLocation: check,
        nightLatitude: place.latitude,
        nightLongitude: place.longitude,
        nightAccuracyMeters: place.accuracyMeters,
        nightDistanceMeters: place.distanceMeters,
      }
    : { checkinAt: timing.at, checkinReceivedAt: now, lateSync: late, location: check, ...place };
  // A check-in outranks an "away" entry for the same day: the person is demonstrably there.
  const kind: DayKind = evening ? 'OVERNIGHT' : existing?.kind === 'OVERNIGHT' ? 'OVERNIGHT' : 'IN_VILLAGE';
  const marked = (existing?.marked ?? false) || check !== 'INSIDE' || late;
  const record = existing
    ? await tx.attendanceRecord.update({
        where: { id: existing.id },
        data: { ...dayFields, kind, reason: null, marked, recordedById: viewer.userId, version: { increment: 1 } },
        select: { id: true },
      })
    : await tx.attendanceRecord.create({
        select: { id: true },
        data: {
          cadreId: cadre.id,
          postingId: posting.posting_id,
          villageCode,
          day,
          kind,
          source: 'CHECKIN',
          marked,
          recordedById: viewer.userId,
          ...dayFields,
        },
      });
  const message =
    check === 'INSIDE'
      ? 'attendance.checkedInInside'
      : check === 'OUTSIDE'
        ? 'attendance.checkedInOutside'
        : 'attendance.checkedInNoLocation';
  return {
    entity: 'AttendanceRecord',
    entityId: record.id.toString(),
    regionCode: villageCode,
    changes: {
      day: today,
      kind: { from: existing?.kind ?? null, to: kind },
      location: check,
      distanceMeters: distance,
      ...(input.tappedAt ? { tappedAt: timing.at.toISOString() } : {}),
      ...(late ? { lateSync: true } : {}),
    },
    message: late ? 'attendance.checkedInLate' : message,
    data: {
      kind,
      day: today,
      location: check,
      distance: distance === null ? '' : String(distance),
      ...(late ? { late: 'true' } : {}),
    },
  };
}

/** The month grid: sets (or clears) a run of days of one posting. Nothing is written unless every day may be. */
export async function setDays({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof setDaysSchema>>): Promise<CommandOutcome> {
  const posting = await tx.posting.findFirst({ where: { id: input.postingId, ...scope.posting(viewer) } });
  if (!posting) throw new NotFoundError();
  const first = dayNumber(input.from);
  const last = dayNumber(input.to);
  if (last - first + 1 > MAX_RANGE_DAYS)
    throw new RefusedError('attendance.rangeTooLong', 'to', { max: MAX_RANGE_DAYS });
  await execute(tx, lockCadre(posting.cadreId));
  if (input.clientKey) {
    // Sent from the outbox: an entry already stored under this key changes nothing, even if the days were
    // edited since (the lock on the cadre makes two copies of one send wait for each other).
    const entry = await tx.attendanceEntry.findUnique({ where: { clientKey: input.clientKey } });
    if (entry) {
      if (entry.postingId !== posting.id || entry.enteredById !== viewer.userId)
        throw new RefusedError('attendance.keyTaken');
      return {
        entity: 'Posting',
        entityId: posting.id,
        regionCode: posting.villageCode,
        changes: { repeat: true, from: input.from, to: input.to },
        message: 'attendance.entryAlreadySaved',
      };
    }
  }

  const dates = Array.from({ length: last - first + 1 }, (_, i) => dateOfDayNumber(first + i));
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))];
  const signed = await signedOffMonths(tx, posting.teamId, months);
  const overriding = signed.length > 0 && mayChangeSignedOff(viewer);
  const context = {
    today: chinaToday(),
    posting: { start: isoDay(posting.startDate), end: isoDay(posting.endedOn ?? posting.plannedEndDate) },
    signedOffMonths: overriding ? [] : signed,
  };
  for (const date of dates) {
    const [problem] = validateRecord({ date, kind: 'IN_VILLAGE' }, context);
    if (problem === 'future') throw new RefusedError('attendance.futureDay', 'to', { date });
    if (problem === 'outsidePosting') throw new RefusedError('attendance.outsidePosting', 'from', { date });
    if (problem === 'monthSignedOff')
      throw new RefusedError('attendance.monthSignedOff', 'from', { month: date.slice(0, 7) });
    if (problem) throw new RefusedError('errors.invalidDate', 'from');
  }

  const existing = await tx.attendanceRecord.findMany({
    where: { cadreId: posting.cadreId, day: { gte: dayOf(input.from), lte: dayOf(input.to) } },
  });
  const elsewhere = existing.find((record) => record.postingId !== posting.id);
  if (elsewhere) throw new RefusedError('attendance.otherVillage', 'from', { date: isoDay(elsewhere.day) });
  const byDate = new Map(existing.map((record) => [isoDay(record.day), record]));
  const reason =
    input.kind === 'LEAVE' || input.kind === 'TRAINING' || input.kind === 'MEETING' || input.kind === 'BUSINESS_TRIP'
      ? (input.awayReason ?? null)
      : null;
  const changed = dates.filter((date) => {
    const record = byDate.get(date);
    if (input.kind === 'CLEAR') return record !== undefined;
    return !record || record.kind !== input.kind || (reason !== null && record.reason !== reason);
  });
  // One's own days (a leader filling in their own nights) are not evidence: they need a reason and stay
  // marked, like a check-in from outside the village, for whoever reviews the grid.
  const own =
    (await tx.cadre.findUnique({ where: { id: posting.cadreId }, select: { userId: true } }))?.userId === viewer.userId;
  if (own && changed.length > 0 && !input.correctionReason)
    throw new RefusedError('attendance.ownEntryReasonRequired', 'correctionReason');
  // Changing what is on record (not filling an empty day) is a correction and must say why.
  const corrections = changed.filter((date) => byDate.has(date));
  if (corrections.length > 0 && !input.correctionReason)
    throw new RefusedError('attendance.correctionReasonRequired', 'correctionReason');

  for (const date of changed) {
    const record = byDate.get(date);
    if (input.kind === 'CLEAR') {
      if (record) await tx.attendanceRecord.delete({ where: { id: record.id } });
    } else if (record) {
      const night =
        input.kind === 'OVERNIGHT'
          ? {}
          : {
              nightCheckinAt: null,
              nightReceivedAt: null,
              nightLateSync: false,
              nightLocation: null,
              nightLatitude: null,
              nightLongitude: null,
              nightAccuracyMeters: null,
              nightDistanceMeters: null,
            };
      const marked =
        own ||
        (record.location !== null && record.location !== 'INSIDE') ||
        record.lateSync ||
        (input.kind === 'OVERNIGHT' &&
          ((record.nightLocation !== null && record.nightLocation !== 'INSIDE') || record.nightLateSync));
      await tx.attendanceRecord.update({
        where: { id: record.id },
        data: { kind: input.kind, reason, ...night, marked, recordedById: viewer.userId, version: { increment: 1 } },
      });
    } else {
      await tx.attendanceRecord.create({
        data: {
          cadreId: posting.cadreId,
          postingId: posting.id,
          villageCode: posting.villageCode,
          day: dayOf(date),
          kind: input.kind,
          reason,
          source: 'ENTRY',
          marked: own,
          recordedById: viewer.userId,
        },
      });
    }
  }
  if (input.clientKey)
    await tx.attendanceEntry.create({
      data: { clientKey: input.clientKey, postingId: posting.id, enteredById: viewer.userId },
    });
  return {
    entity: 'Posting',
    entityId: posting.id,
    regionCode: posting.villageCode,
    changes: {
      days: changed.map((date) => ({
        date,
        from: byDate.get(date)?.kind ?? null,
        to: input.kind === 'CLEAR' ? null : input.kind,
      })),
      awayReason: reason,
      correctionReason: input.correctionReason ?? null,
      afterSignOff: overriding,
      ...(own ? { ownEntry: true } : {}),
    },
    message: changed.length === 0 ? 'attendance.nothingChanged' : 'attendance.daysSaved',
  };
}

/** A township user closes a team's finished month; later changes need a county user. */
export async function signOffMonth({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof signOffSchema>>): Promise<CommandOutcome> {
  const team = await tx.workTeam.findFirst({ where: { id: input.teamId, ...scope.workTeam(viewer) } });
  if (!team) throw new NotFoundError();
  await execute(tx, lockTeam(team.id));
  if (input.month >= chinaToday().slice(0, 7)) throw new RefusedError('attendance.monthNotOver', 'month');
  if (await tx.attendanceSignoff.findUnique({ where: { teamId_month: { teamId: team.id, month: input.month } } }))
    throw new RefusedError('attendance.alreadySignedOff', 'month');
  const signoff = await tx.attendanceSignoff.create({
    data: {
      teamId: team.id,
      villageCode: team.villageCode,
      month: input.month,
      signedById: viewer.userId,
      signedByName: viewer.displayName,
    },
  });
  return {
    entity: 'AttendanceSignoff',
    entityId: signoff.id,
    regionCode: team.villageCode,
    changes: { month: input.month },
    message: 'attendance.signedOff',
  };
}

// ─────────────────────────── The monthly sheet (考勤表) ───────────────────────────

/**
 * The team's month as .xlsx, audited as an export (it names people): an audit row of its own, written
 * when the file is made. 403 without attendance.export, 404 for a team outside the viewer's area.
 */
export async function exportAttendanceSheet(viewer: Viewer, teamId: number, month: string, locale: Locale) {
  requireCan(viewer, 'attendance.export');
  const grid = await teamMonth(viewer, teamId, month);
  const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, key, params);
  const monthLabel = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
  const title = t('attendance.sheetTitle', {
    village: `${grid.team.townshipName}${grid.team.villageName}`,
    month: locale === 'en' ? month : monthLabel,
  });
  const buffer = await attendanceSheetXlsx({
    dates: grid.dates,
    rows: grid.rows,
    labels: {
      title,
      legend: t('attendance.legend'),
      leaderLine: t('attendance.sheetLeader'),
      signed: grid.signoff
        ? t('attendance.sheetSigned', { name: grid.signoff.by, at: chinaDate(grid.signoff.at) })
        : t('attendance.sheetNotSigned'),
      headers: {
        index: '#',
        name: t('teams.name'),
        role: t('teams.role'),
        unit: t('teams.unit'),
        days: t('attendance.days'),
        nights: t('attendance.nights'),
        leave: t('attendance.kinds.LEAVE'),
        training: t('attendance.kinds.TRAINING'),
        meeting: t('attendance.kinds.MEETING'),
        trip: t('attendance.kinds.BUSINESS_TRIP'),
        marked: t('attendance.marked'),
      },
      roles: Object.fromEntries(TEAM_ROLES.map((r) => [r, t(`teams.roles.${r}`)])) as Record<TeamRole, string>,
      short: Object.fromEntries(DAY_KINDS.map((k) => [k, t(`attendance.short.${k}`)])) as Record<DayKind, string>,
    },
  });
  await writeAuditNow(
    { userId: viewer.userId, username: viewer.username, role: viewer.role },
    {
      action: 'attendance.exportSheet',
      result: 'OK',
      entity: 'WorkTeam',
      entityId: String(teamId),
      regionCode: grid.team.villageCode,
      changes: { month, rows: grid.rows.length },
    },
  );
  return { buffer, fileName: `${title}.xlsx`, asciiFileName: `attendance-${grid.team.villageCode}-${month}.xlsx` };
}

/**
 * The compliance list of an area and year, filtered as on the page (status), as a filed .xlsx: the list a
 * township sends up with its shortfalls. Audited with its row count.
 */
export async function exportCompliance(
  viewer: Viewer,
  options: { area?: string; year: number; status?: ComplianceFilter },
  locale: Locale,
) {
  requireCan(viewer, 'team.view');
  const table = await compliance(viewer, options);
  const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, key, params);
  const region = await db.region.findUnique({ where: { code: table.area }, select: { name: true } });
  const areaName = region?.name ?? table.area;
  const title = `${areaName} ${t('attendance.complianceSheetTitle', { year: options.year })}`;
  const header = [
    t('teams.name'),
    t('teams.village'),
    t('teams.role'),
    t('attendance.days'),
    t('attendance.nights'),
    t('attendance.projected'),
    t('attendance.shortfall'),
    t('attendance.marked'),
    t('attendance.status'),
    t('attendance.monthRule'),
  ];
  const rows = table.people.map((p) => [
    p.name,
    `${p.townshipName} ${p.villageName}`,
    t(`teams.roles.${p.role}`),
    `${p.summary.days.done}/${p.summary.days.required}`,
    `${p.summary.nights.done}/${p.summary.nights.required}`,
    `${p.summary.days.projected ?? '—'}/${p.summary.nights.projected ?? '—'}`,
    `${p.summary.days.shortfall}/${p.summary.nights.shortfall}`,
    p.marked,
    t(`attendance.statuses.${p.summary.status}`),
    p.monthRule
      ? [
          p.monthRule.current &&
            t('attendance.monthRuleCurrent', {
              done: p.monthRule.current.done,
              required: p.monthRule.current.required,
            }),
          t('attendance.monthRuleMissed', { missed: p.monthRule.missed }),
        ]
          .filter(Boolean)
          .join(' · ')
      : '—',
  ]);
  const buffer = await complianceSheetXlsx({ title, header, rows });
  await writeAuditNow(
    { userId: viewer.userId, username: viewer.username, role: viewer.role },
    {
      action: 'attendance.exportCompliance',
      result: 'OK',
      entity: 'Posting',
      regionCode: table.area,
      changes: { year: options.year, status: options.status ?? 'all', rows: rows.length },
    },
  );
  return { buffer, fileName: `${title}.xlsx`, asciiFileName: `compliance-${table.area}-${options.year}.xlsx` };
}
