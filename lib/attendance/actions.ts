'use server';
import 'server-only';
import { action } from '@/lib/action';
import type { Viewer } from '@/lib/auth/data';
import type { Tx } from '@/lib/db';
import type { DayKind } from '@/lib/enums';
import { NotFoundError, RefusedError } from '@/lib/errors';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { chinaDate, chinaHour, chinaToday, dateOfDayNumber, dayNumber, dayOf, isoDay } from '@/lib/time';
import { EVENING_HOUR, locationCheck, validateRecord } from './rules';
import { checkInSchema, MAX_RANGE_DAYS, setDaysSchema, signOffSchema } from './schema';

/** County office users may change a signed-off month (audited as such); nobody else may. */
function mayChangeSignedOff(viewer: Viewer): boolean {
  return viewer.role === 'COUNTY_ADMIN' && viewer.scopeCode.length <= 6;
}

async function radiusOf(tx: Tx, villageCode: string, year: number): Promise<number> {
  const policy = await tx.policy.findUnique({
    where: { countyCode_year: { countyCode: villageCode.slice(0, 6), year } },
    select: { checkinRadiusMeters: true },
  });
  return (policy ?? DEFAULT_POLICY).checkinRadiusMeters;
}

async function signedOffMonths(tx: Tx, teamId: number, months: string[]): Promise<string[]> {
  // A shared lock on the team: a sign-off (which locks it exclusively) waits for writes in flight, and
  // writes after it see it.
  await tx.$executeRaw`SELECT 1 FROM work_team WHERE id = ${teamId} FOR SHARE`;
  const rows = await tx.attendanceSignoff.findMany({
    where: { teamId, month: { in: months } },
    select: { month: true },
  });
  return rows.map((row) => row.month);
}

/** Serialises writes to one person's days: a double tap or two clerks cannot make two records. */
async function lockCadre(tx: Tx, cadreId: number) {
  await tx.$executeRaw`SELECT 1 FROM cadre WHERE id = ${cadreId} FOR UPDATE`;
}

/**
 * The phone check-in. Before 18:00 China time it records the day (到村), from 18:00 the night (驻村,
 * also a day). The fix is compared with the village's point; outside or no fix is kept and marked.
 */
export const checkIn = action(
  'attendance.checkIn',
  'attendance.checkin',
  checkInSchema,
  async ({ viewer, input, tx }) => {
    const now = new Date();
    const today = chinaDate(now);
    const evening = chinaHour(now) >= EVENING_HOUR;
    const cadre = await tx.cadre.findUnique({ where: { userId: viewer.userId } });
    if (!cadre) throw new RefusedError('attendance.notLinked');
    await lockCadre(tx, cadre.id);
    const day = dayOf(today);
    const posting = await tx.posting.findFirst({
      where: {
        cadreId: cadre.id,
        startDate: { lte: day },
        plannedEndDate: { gte: day },
        OR: [{ endedOn: null }, { endedOn: { gte: day } }],
      },
      include: { team: { include: { village: true } } },
    });
    if (!posting) throw new RefusedError('attendance.notPosted');
    if ((await signedOffMonths(tx, posting.teamId, [today.slice(0, 7)])).length > 0)
      throw new RefusedError('attendance.monthSignedOff', undefined, { month: today.slice(0, 7) });

    const village = posting.team.village;
    const fix =
      input.latitude !== undefined && input.longitude !== undefined
        ? { lat: input.latitude, lng: input.longitude }
        : null;
    const point =
      village.latitude !== null && village.longitude !== null
        ? { lat: village.latitude, lng: village.longitude }
        : null;
    const { check, distance } = locationCheck(fix, point, await radiusOf(tx, village.code, Number(today.slice(0, 4))));
    const place = {
      latitude: fix?.lat ?? null,
      longitude: fix?.lng ?? null,
      accuracyMeters: input.accuracy ?? null,
      distanceMeters: distance,
    };

    const existing = await tx.attendanceRecord.findUnique({ where: { cadreId_day: { cadreId: cadre.id, day } } });
    if (existing && existing.postingId !== posting.id) throw new RefusedError('attendance.otherVillage');
    const already = evening ? existing?.nightCheckinAt : existing?.checkinAt;
    if (existing && already) {
      return {
        entity: 'AttendanceRecord',
        entityId: existing.id.toString(),
        regionCode: village.code,
        changes: { repeat: true },
        message: evening ? 'attendance.alreadyNight' : 'attendance.alreadyDay',
      };
    }

    const dayFields = evening
      ? {
          nightCheckinAt: now,
          nightLocation: check,
          nightLatitude: place.latitude,
          nightLongitude: place.longitude,
          nightAccuracyMeters: place.accuracyMeters,
          nightDistanceMeters: place.distanceMeters,
        }
      : { checkinAt: now, location: check, ...place };
    // A check-in outranks an "away" entry for the same day: the person is demonstrably there.
    const kind: DayKind = evening ? 'OVERNIGHT' : existing?.kind === 'OVERNIGHT' ? 'OVERNIGHT' : 'IN_VILLAGE';
    const marked = (existing?.marked ?? false) || check !== 'INSIDE';
    const record = existing
      ? await tx.attendanceRecord.update({
          where: { id: existing.id },
          data: { ...dayFields, kind, reason: null, marked, recordedById: viewer.userId, version: { increment: 1 } },
        })
      : await tx.attendanceRecord.create({
          data: {
            cadreId: cadre.id,
            postingId: posting.id,
            villageCode: village.code,
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
      regionCode: village.code,
      changes: {
        day: today,
        kind: { from: existing?.kind ?? null, to: kind },
        location: check,
        distanceMeters: distance,
      },
      message,
      data: { kind, location: check, distance: distance === null ? '' : String(distance) },
    };
  },
);

/** The month grid: sets (or clears) a run of days of one posting. Nothing is written unless every day may be. */
export const setDays = action('attendance.setDays', 'attendance.edit', setDaysSchema, async ({ viewer, input, tx }) => {
  const posting = await tx.posting.findFirst({
    where: { id: input.postingId, villageCode: { startsWith: viewer.scopeCode } },
  });
  if (!posting) throw new NotFoundError();
  const first = dayNumber(input.from);
  const last = dayNumber(input.to);
  if (last - first + 1 > MAX_RANGE_DAYS)
    throw new RefusedError('attendance.rangeTooLong', 'to', { max: MAX_RANGE_DAYS });
  await lockCadre(tx, posting.cadreId);

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
      ? input.awayReason!
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
      await tx.attendanceRecord.delete({ where: { id: record!.id } });
    } else if (record) {
      const night =
        input.kind === 'OVERNIGHT'
          ? {}
          : {
              nightCheckinAt: null,
              nightLocation: null,
              nightLatitude: null,
              nightLongitude: null,
              nightAccuracyMeters: null,
              nightDistanceMeters: null,
            };
      const marked =
        own ||
        (record.location !== null && record.location !== 'INSIDE') ||
        (input.kind === 'OVERNIGHT' && record.nightLocation !== null && record.nightLocation !== 'INSIDE');
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
});

/** A township user closes a team's finished month; later changes need a county user. */
export const signOffMonth = action(
  'attendance.signOff',
  'attendance.signoff',
  signOffSchema,
  async ({ viewer, input, tx }) => {
    const team = await tx.workTeam.findFirst({
      where: { id: input.teamId, villageCode: { startsWith: viewer.scopeCode } },
    });
    if (!team) throw new NotFoundError();
    await tx.$executeRaw`SELECT 1 FROM work_team WHERE id = ${team.id} FOR UPDATE`;
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
  },
);
