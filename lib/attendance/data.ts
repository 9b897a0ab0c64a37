import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { db, readDb, rows } from '@/lib/db';
import { AWAY_KINDS, type AwayKind, type DayKind, type LocationCheck, type TeamRole } from '@/lib/enums';
import { found } from '@/lib/errors';
import { policiesFor, policyValuesFor } from '@/lib/policy/data';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { FULL_TIME_ROLES } from '@/lib/teams/rules';
import { chinaHour, chinaToday, dayOf, daysInMonth, isoDay } from '@/lib/time';
import {
  type AttendanceStatus,
  EVENING_HOUR,
  type LeaderMonth,
  leaderMonth,
  type MonthRuleYear,
  monthRuleYear,
  type YearSummary,
  yearSummary,
  yearSummaryFromCounts,
} from './rules';
import { type ComplianceCountRow, complianceCounts, disputedRecords } from './sql';

const today = chinaToday;

/** Statuses worst first: the order of the compliance table. */
export const STATUS_ORDER: readonly AttendanceStatus[] = [
  'MISSED',
  'WILL_MISS',
  'AT_RISK',
  'ON_TRACK',
  'MET',
  'NOT_POSTED',
];
export const SHORT_STATUSES: readonly AttendanceStatus[] = ['MISSED', 'WILL_MISS', 'AT_RISK'];
/** Short with no way left to make it: the dashboard's "short", apart from "at risk". */
export const MISSING_STATUSES: readonly AttendanceStatus[] = ['MISSED', 'WILL_MISS'];
export const OK_STATUSES: readonly AttendanceStatus[] = ['MET', 'ON_TRACK'];
/** The people list's filters: a status, or a group of them. */
export const COMPLIANCE_FILTERS = ['SHORT', 'OK', 'AT_RISK', 'MISSING', 'MONTH_MISSED'] as const;
/** Leaders and deputies who missed the monthly days in a month of the year (the list behind the dashboard's figure). */
export const missedAMonth = (row: { monthRule: MonthRuleYear | null }) => (row.monthRule?.missed ?? 0) > 0;
export type ComplianceFilter = AttendanceStatus | (typeof COMPLIANCE_FILTERS)[number];
const FILTER_STATUSES: Record<string, readonly AttendanceStatus[]> = {
  SHORT: SHORT_STATUSES,
  MISSING: MISSING_STATUSES,
  OK: OK_STATUSES,
};

function postingEnd(p: { endedOn: Date | null; plannedEndDate: Date }): string {
  return isoDay(p.endedOn ?? p.plannedEndDate);
}

// ─────────────────────────── My check-in and my year (phone) ───────────────────────────

export type MyAttendance = {
  name: string;
  posting: {
    id: number;
    role: TeamRole;
    teamId: number;
    villageName: string;
    villageHasPoint: boolean;
    start: string;
    end: string;
  } | null;
  today: string;
  evening: boolean;
  todayRecord: {
    kind: DayKind;
    location: LocationCheck | null;
    nightLocation: LocationCheck | null;
    checkinAt: Date | null;
    nightCheckinAt: Date | null;
  } | null;
  signedOff: boolean;
  summary: YearSummary | null;
  leaderMonth: LeaderMonth | null;
  marked: number;
  recent: { date: string; kind: DayKind | null; marked: boolean; source: string | null }[];
};

/** The signed-in person's posting, today's record, and their year so far; null when no cadre is linked to the account. */
export async function myAttendance(viewer: Viewer): Promise<MyAttendance | null> {
  requireCan(viewer, 'attendance.checkin');
  const cadre = await db.cadre.findUnique({ where: { userId: viewer.userId }, select: { id: true, name: true } });
  if (!cadre) return null;
  const now = new Date();
  const day = today();
  const year = Number(day.slice(0, 4));
  const posting = await db.posting.findFirst({
    where: { cadreId: cadre.id, startDate: { lte: dayOf(day) } },
    orderBy: { startDate: 'desc' },
    include: { team: { include: { village: { select: { name: true, latitude: true } } } } },
  });
  const base = { name: cadre.name, today: day, evening: chinaHour(now) >= EVENING_HOUR };
  if (!posting || postingEnd(posting) < day) {
    return {
      ...base,
      posting: null,
      todayRecord: null,
      signedOff: false,
      summary: null,
      leaderMonth: null,
      marked: 0,
      recent: [],
    };
  }
  const records = await db.attendanceRecord.findMany({
    where: { postingId: posting.id, day: { gte: dayOf(`${year}-01-01`), lte: dayOf(day) } },
    select: {
      day: true,
      kind: true,
      marked: true,
      source: true,
      location: true,
      nightLocation: true,
      checkinAt: true,
      nightCheckinAt: true,
    },
    orderBy: { day: 'asc' },
  });
  const policy = await policyValuesFor(posting.villageCode.slice(0, 6), year);
  const span = { start: isoDay(posting.startDate), end: postingEnd(posting) };
  const dayRecords = records.map((r) => ({ date: isoDay(r.day), kind: r.kind }));
  const todayRow = records.find((r) => isoDay(r.day) === day) ?? null;
  const byDate = new Map(records.map((r) => [isoDay(r.day), r]));
  const recent = Array.from({ length: 14 }, (_, i) => {
    const date = isoDay(new Date(dayOf(day).getTime() - i * 86_400_000));
    const record = byDate.get(date);
    return { date, kind: record?.kind ?? null, marked: record?.marked ?? false, source: record?.source ?? null };
  }).filter((row) => row.date >= span.start);
  const signed = await db.attendanceSignoff.findUnique({
    where: { teamId_month: { teamId: posting.teamId, month: day.slice(0, 7) } },
  });
  return {
    ...base,
    posting: {
      id: posting.id,
      role: posting.role,
      teamId: posting.teamId,
      villageName: posting.team.village.name,
      villageHasPoint: posting.team.village.latitude !== null,
      ...span,
    },
    todayRecord: todayRow && {
      kind: todayRow.kind,
      location: todayRow.location,
      nightLocation: todayRow.nightLocation,
      checkinAt: todayRow.checkinAt,
      nightCheckinAt: todayRow.nightCheckinAt,
    },
    signedOff: signed !== null,
    summary: yearSummary(dayRecords, policy, year, span, day),
    leaderMonth: FULL_TIME_ROLES.includes(posting.role)
      ? leaderMonth(dayRecords, policy, year, Number(day.slice(5, 7)), span, day)
      : null,
    marked: records.filter((r) => r.marked).length,
    recent,
  };
}

// ─────────────────────────── The team's month grid ───────────────────────────

/** `disputed`: an inspector found the person absent that day (a discrepancy), shown to roles that see inspections. */
export type GridCell = {
  kind: DayKind;
  reason: string | null;
  marked: boolean;
  source: string;
  location: LocationCheck | null;
  distance: number | null;
  /** A check-in of the day or night the phone sent later than the policy allows (it is also marked). */
  lateSync: boolean;
  disputed: boolean;
};

/** A team's month grid; 403 without team.view, 404 for a team outside the viewer's area. */
export async function teamMonth(viewer: Viewer, teamId: number, month: string) {
  requireCan(viewer, 'team.view');
  const team = found(
    await db.workTeam.findFirst({
      where: { id: teamId, ...scope.workTeam(viewer) },
      include: { village: { select: { name: true, parent: { select: { name: true } } } } },
    }),
  );
  const [year, monthNumber] = month.split('-').map(Number);
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, '0')}`;
  const [postings, signoff, policy] = await Promise.all([
    db.posting.findMany({
      where: {
        teamId,
        startDate: { lte: dayOf(last) },
        OR: [{ endedOn: { gte: dayOf(first) } }, { endedOn: null, plannedEndDate: { gte: dayOf(first) } }],
      },
      orderBy: [{ role: 'asc' }, { startDate: 'asc' }],
      include: { cadre: { select: { id: true, name: true } }, unit: { select: { name: true } } },
    }),
    db.attendanceSignoff.findUnique({ where: { teamId_month: { teamId, month } } }),
    policyValuesFor(team.villageCode.slice(0, 6), year),
  ]);
  const records = await db.attendanceRecord.findMany({
    where: { postingId: { in: postings.map((p) => p.id) }, day: { gte: dayOf(first), lte: dayOf(last) } },
    select: {
      id: true,
      postingId: true,
      day: true,
      kind: true,
      reason: true,
      marked: true,
      source: true,
      location: true,
      distanceMeters: true,
      lateSync: true,
      nightLateSync: true,
    },
  });
  const disputed =
    can(viewer.role, 'inspection.view') && records.length > 0
      ? new Set((await rows(db, disputedRecords(records.map((r) => r.id)))).map((r) => r.id))
      : new Set<bigint>();
  const day = today();
  const gridRows = postings.map((p) => {
    const span = { start: isoDay(p.startDate), end: postingEnd(p) };
    const mine = records.filter((r) => r.postingId === p.id);
    const cells: Record<string, GridCell> = {};
    for (const r of mine)
      cells[isoDay(r.day)] = {
        kind: r.kind,
        reason: r.reason,
        marked: r.marked,
        source: r.source,
        location: r.location,
        distance: r.distanceMeters,
        lateSync: r.lateSync || r.nightLateSync,
        disputed: disputed.has(r.id),
      };
    const kinds = mine.map((r) => r.kind);
    const away = Object.fromEntries(AWAY_KINDS.map((k) => [k, kinds.filter((x) => x === k).length])) as Record<
      AwayKind,
      number
    >;
    return {
      postingId: p.id,
      cadreId: p.cadre.id,
      name: p.cadre.name,
      role: p.role,
      unitName: p.unit.name,
      ...span,
      cells,
      days: kinds.filter((k) => k === 'IN_VILLAGE' || k === 'OVERNIGHT').length,
      nights: kinds.filter((k) => k === 'OVERNIGHT').length,
      away,
      marked: mine.filter((r) => r.marked).length,
      leader: FULL_TIME_ROLES.includes(p.role)
        ? leaderMonth(
            mine.map((r) => ({ date: isoDay(r.day), kind: r.kind })),
            policy,
            year,
            monthNumber,
            span,
            day,
          )
        : null,
    };
  });
  return {
    team: {
      id: team.id,
      villageCode: team.villageCode,
      villageName: team.village.name,
      townshipName: team.village.parent?.name ?? '',
    },
    month,
    first,
    last,
    today: day,
    dates: Array.from(
      { length: daysInMonth(year, monthNumber) },
      (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`,
    ),
    signoff: signoff && { by: signoff.signedByName, at: signoff.signedAt },
    rows: gridRows,
  };
}

// ─────────────────────────── One person's year ───────────────────────────

/** One person's postings of a year, month by month; 404 when none lies in the viewer's area. */
export async function personYear(viewer: Viewer, cadreId: number, year: number) {
  requireCan(viewer, 'team.view');
  const postings = await db.posting.findMany({
    where: {
      cadreId,
      ...scope.posting(viewer),
      startDate: { lte: dayOf(`${year}-12-31`) },
      OR: [
        { endedOn: { gte: dayOf(`${year}-01-01`) } },
        { endedOn: null, plannedEndDate: { gte: dayOf(`${year}-01-01`) } },
      ],
    },
    orderBy: { startDate: 'asc' },
    include: {
      cadre: { select: { name: true } },
      unit: { select: { name: true } },
      team: { include: { village: { select: { name: true } } } },
    },
  });
  if (postings.length === 0) notFound();
  const records = await db.attendanceRecord.findMany({
    where: {
      postingId: { in: postings.map((p) => p.id) },
      day: { gte: dayOf(`${year}-01-01`), lte: dayOf(`${year}-12-31`) },
    },
    select: { postingId: true, day: true, kind: true, marked: true },
  });
  const day = today();
  const policyOf = await policiesFor(
    postings.map((p) => p.villageCode),
    year,
  );
  return {
    name: postings[0].cadre.name,
    year,
    today: day,
    postings: postings.map((p) => {
      const span = { start: isoDay(p.startDate), end: postingEnd(p) };
      const mine = records.filter((r) => r.postingId === p.id);
      const dayRecords = mine.map((r) => ({ date: isoDay(r.day), kind: r.kind }));
      const policy = policyOf(p.villageCode);
      const months = Array.from({ length: 12 }, (_, i) => {
        const prefix = `${year}-${String(i + 1).padStart(2, '0')}`;
        const inMonth = mine.filter((r) => isoDay(r.day).startsWith(prefix));
        return {
          month: prefix,
          days: inMonth.filter((r) => r.kind === 'IN_VILLAGE' || r.kind === 'OVERNIGHT').length,
          nights: inMonth.filter((r) => r.kind === 'OVERNIGHT').length,
          away: inMonth.filter((r) => r.kind !== 'IN_VILLAGE' && r.kind !== 'OVERNIGHT').length,
          marked: inMonth.filter((r) => r.marked).length,
          leader: FULL_TIME_ROLES.includes(p.role) ? leaderMonth(dayRecords, policy, year, i + 1, span, day) : null,
        };
      });
      return {
        postingId: p.id,
        teamId: p.teamId,
        role: p.role,
        villageName: p.team.village.name,
        unitName: p.unit.name,
        ...span,
        summary: yearSummary(dayRecords, policy, year, span, day),
        marked: mine.filter((r) => r.marked).length,
        months,
      };
    }),
  };
}

// ─────────────────────────── Compliance tables (township, county) ───────────────────────────

export type ComplianceRow = {
  postingId: number;
  cadreId: number;
  name: string;
  role: TeamRole;
  teamId: number;
  villageCode: string;
  villageName: string;
  townshipName: string;
  summary: YearSummary;
  marked: number;
  /** Leaders and deputies: the monthly days in the village (seed 001), months begun this year. */
  monthRule: MonthRuleYear | null;
};

/**
 * Every posting in the area that overlaps the year, with days and nights counted by the database
 * (one grouped query) and judged by the same rules as the person's own page.
 */
export async function complianceRows(viewer: Viewer, area: string | undefined, year: number): Promise<ComplianceRow[]> {
  requireCan(viewer, 'team.view');
  return summarise(await rows(await readDb(), complianceCounts(areaPrefix(viewer, area), year, today())), year);
}

/** The same rows for a set of villages, without a viewer: only for the dashboard's figures refresh. */
export async function complianceRowsOfVillages(villageCodes: string[], year: number): Promise<ComplianceRow[]> {
  return summarise(await rows(db, complianceCounts(villageCodes, year, today())), year);
}

async function summarise(rows: ComplianceCountRow[], year: number): Promise<ComplianceRow[]> {
  const day = today();
  const policyOf = await policiesFor(
    rows.map((r) => r.village_code),
    year,
  );
  return rows.map((r) => {
    const posting = { start: isoDay(r.start_date), end: isoDay(r.end_date) };
    const away = { LEAVE: r.leave, TRAINING: r.training, MEETING: r.meeting, BUSINESS_TRIP: r.business_trip };
    const summary = yearSummaryFromCounts(
      { days: r.days, nights: r.nights, away, recorded: r.recorded, todayRecorded: r.today_recorded },
      policyOf(r.village_code),
      year,
      posting,
      day,
    );
    const monthRule = FULL_TIME_ROLES.includes(r.role)
      ? monthRuleYear(r.month_days ?? {}, r.today_recorded, policyOf(r.village_code), year, posting, day)
      : null;
    return {
      postingId: r.posting_id,
      cadreId: r.cadre_id,
      name: r.name,
      role: r.role,
      teamId: r.team_id,
      villageCode: r.village_code,
      villageName: r.village,
      townshipName: r.township ?? '',
      summary,
      marked: r.marked,
      monthRule,
    };
  });
}

export type ComplianceGroup = {
  code: string;
  name: string;
  people: number;
  byStatus: Record<AttendanceStatus, number>;
  short: number;
  marked: number;
  /** Leaders and deputies, and those of them who missed a month. */
  monthRule: number;
  monthMissed: number;
};

/** The compliance table: the rows grouped by the next level down, and the people, worst first. */
export async function compliance(viewer: Viewer, options: { area?: string; year: number; status?: ComplianceFilter }) {
  const rows = await complianceRows(viewer, options.area, options.year);
  const prefix = areaPrefix(viewer, options.area);
  const childLength = prefix.length < 6 ? 6 : prefix.length < 9 ? 9 : 12;
  const names = new Map(
    (await db.region.findMany({ where: { parentCode: prefix }, select: { code: true, name: true } })).map((r) => [
      r.code,
      r.name,
    ]),
  );
  const emptyCounts = () => Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<AttendanceStatus, number>;
  const groups = new Map<string, ComplianceGroup>();
  const total: ComplianceGroup = {
    code: prefix,
    name: '',
    people: 0,
    byStatus: emptyCounts(),
    short: 0,
    marked: 0,
    monthRule: 0,
    monthMissed: 0,
  };
  for (const row of rows) {
    const code = row.villageCode.slice(0, childLength);
    const group = groups.get(code) ?? {
      code,
      name: names.get(code) ?? code,
      people: 0,
      byStatus: emptyCounts(),
      short: 0,
      marked: 0,
      monthRule: 0,
      monthMissed: 0,
    };
    for (const g of [group, total]) {
      g.people++;
      g.byStatus[row.summary.status]++;
      if (SHORT_STATUSES.includes(row.summary.status)) g.short++;
      g.marked += row.marked;
      if (row.monthRule) g.monthRule++;
      if (missedAMonth(row)) g.monthMissed++;
    }
    groups.set(code, group);
  }
  const severity = (s: AttendanceStatus) => STATUS_ORDER.indexOf(s);
  const people = rows
    .filter(
      (r) =>
        !options.status ||
        (options.status === 'MONTH_MISSED'
          ? missedAMonth(r)
          : (FILTER_STATUSES[options.status] ?? [options.status]).includes(r.summary.status)),
    )
    .sort(
      (a, b) =>
        severity(a.summary.status) - severity(b.summary.status) ||
        b.summary.days.shortfall +
          b.summary.nights.shortfall -
          (a.summary.days.shortfall + a.summary.nights.shortfall) ||
        a.villageCode.localeCompare(b.villageCode),
    );
  return {
    area: prefix,
    year: options.year,
    total,
    groups: [...groups.values()].sort((a, b) => a.code.localeCompare(b.code)),
    people,
  };
}
