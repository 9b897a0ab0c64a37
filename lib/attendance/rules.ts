// Attendance rules for resident work-team members (驻村工作队考勤): days in the village (到村) and
// nights (驻村) against the yearly requirement, the team leader's days per month, and which day
// records may be entered. Pure: dates are China calendar days as 'YYYY-MM-DD' strings (the caller
// turns an instant into a day; no time zones here), and the numbers come from the county's policy
// row for the year. One person in one village per day is the database's job, not modelled here.

import { AWAY_KINDS, type AwayKind, type DayKind } from '@/lib/enums';
import type { PolicyValues } from '@/lib/policy/rules';
import { checkYear, chinaDate, chinaHour, dayNumber, daysInMonth, tryDayNumber } from '@/lib/time';

export { AWAY_KINDS, type AwayKind, DAY_KINDS, type DayKind } from '@/lib/enums';

/** One person's record for one calendar day. */
export type DayRecord = { readonly date: string; readonly kind: DayKind };

export type AttendancePolicy = Pick<PolicyValues, 'villageDaysPerYear' | 'villageNightsPerYear' | 'leaderDaysPerMonth'>;

/** A posting to the village. `end` is the last posted day (inclusive); null while still posted. */
export type Posting = { readonly start: string; readonly end: string | null };

/** Inclusive range of day numbers; empty when from > to. The ends may be infinite (an open posting). */
type Span = { readonly from: number; readonly to: number };

function spanLength(span: Span): number {
  return Math.max(0, span.to - span.from + 1);
}

function intersect(a: Span, b: Span): Span {
  return { from: Math.max(a.from, b.from), to: Math.min(a.to, b.to) };
}

function contains(span: Span, n: number): boolean {
  return n >= span.from && n <= span.to;
}

function yearSpan(year: number): Span {
  checkYear(year);
  return { from: dayNumber(`${year}-01-01`), to: dayNumber(`${year}-12-31`) };
}

function monthSpan(year: number, month: number): Span {
  checkYear(year);
  const first = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  return { from: first, to: first + daysInMonth(year, month) - 1 };
}

function postingSpan(posting: Posting): Span {
  const from = dayNumber(posting.start);
  const to = posting.end === null ? Number.POSITIVE_INFINITY : dayNumber(posting.end);
  if (to < from) throw new RangeError(`Posting ends (${posting.end}) before it starts (${posting.start})`);
  return { from, to };
}

// ---------------------------------------------------------------------------------------------
// Requirements

/**
 * A policy figure pro-rated to the posted part of a period. Rounded UP (Math.ceil): a member
 * posted for part of the year owes at least their exact share, so rounding can never let them
 * fall short of it (2025-01-01..06-30: 220 × 181 / 365 = 109.09 → 110, where rounding would
 * give 109). A whole period gives the figure itself. The single division of whole numbers is
 * exact whenever the share is a whole number, so ceil never adds a day to float noise.
 */
function proRated(value: number, postedDays: number, periodDays: number): number {
  return Math.ceil((value * postedDays) / periodDays);
}

export type YearRequirement = {
  /** Posted days in the year (the posting ∩ the calendar year). */
  postedDays: number;
  /** Days in the village required (到村). */
  days: number;
  /** Nights in the village required (驻村). */
  nights: number;
};

/**
 * The year's required days and nights: the policy figures × posted days / days in the year
 * (366 in a leap year), rounded up. A posting covering the whole year owes the figures exactly.
 */
export function requiredForYear(policy: AttendancePolicy, year: number, posting: Posting): YearRequirement {
  const whole = yearSpan(year);
  const postedDays = spanLength(intersect(whole, postingSpan(posting)));
  const length = spanLength(whole);
  return {
    postedDays,
    days: proRated(policy.villageDaysPerYear, postedDays, length),
    nights: proRated(policy.villageNightsPerYear, postedDays, length),
  };
}

// ---------------------------------------------------------------------------------------------
// Counting records

/** Records by day number; a second record for the same day is a broken caller, not data to guess at. */
function indexRecords(records: readonly DayRecord[]): Map<number, DayKind> {
  const byDay = new Map<number, DayKind>();
  for (const record of records) {
    const n = dayNumber(record.date);
    if (byDay.has(n)) throw new Error(`Two attendance records for ${record.date}`);
    byDay.set(n, record.kind);
  }
  return byDay;
}

function isInVillage(kind: DayKind): boolean {
  // A night in the village is also a day in the village (DOMAIN.md).
  return kind === 'IN_VILLAGE' || kind === 'OVERNIGHT';
}

/** How a period (a year, a month) splits around today for one posting. */
type Window = {
  /** Posted days in the period. */
  posted: Span;
  /** Posted days up to and including today: what counts. */
  elapsed: Span;
  /** Posted days after today. */
  remaining: Span;
  /** Today is a posted day with no record yet: it may still become a day in the village. */
  todayOpen: boolean;
  /** The last posted day of the period is before today: nothing can change any more. */
  finished: boolean;
};

function windowOf(period: Span, posting: Posting, today: number, byDay: ReadonlyMap<number, DayKind>): Window {
  const posted = intersect(period, postingSpan(posting));
  const hasPosted = spanLength(posted) > 0;
  return {
    posted,
    elapsed: intersect(posted, { from: Number.NEGATIVE_INFINITY, to: today }),
    remaining: intersect(posted, { from: today + 1, to: Number.POSITIVE_INFINITY }),
    todayOpen: contains(posted, today) && !byDay.has(today),
    finished: hasPosted && posted.to < today,
  };
}

// ---------------------------------------------------------------------------------------------
// Year summary and projection

/**
 * NOT_POSTED: no posted day in the period, nothing is owed. MET: done ≥ required. MISSED: the
 * posted part of the period is over (a past year, or the posting ended) and it was not met.
 * WILL_MISS: even a day in the village on every open posted day (the days after today, and today
 * while it has no record) cannot reach it. AT_RISK: the pace so far projects a shortfall, or less
 * than AT_RISK_MARGIN_PERCENT above the requirement. ON_TRACK: otherwise, and also while no posted
 * day has passed (no pace to project from).
 */
export type AttendanceStatus = 'NOT_POSTED' | 'MET' | 'ON_TRACK' | 'AT_RISK' | 'WILL_MISS' | 'MISSED';

const SEVERITY: Record<AttendanceStatus, number> = {
  NOT_POSTED: 0,
  MET: 1,
  ON_TRACK: 2,
  AT_RISK: 3,
  WILL_MISS: 4,
  MISSED: 5,
};

/** The worse of two statuses (days and nights are judged apart; a member must meet both). */
export function worseStatus(a: AttendanceStatus, b: AttendanceStatus): AttendanceStatus {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/**
 * A projection less than 5% above the requirement is still AT_RISK: a week of sickness or an
 * unplanned meeting late in the year would sink it, and a warning in June costs nothing. Whole
 * percent so the comparison stays in integers (220 × 1.05 is not exactly 231 in floating point).
 */
export const AT_RISK_MARGIN_PERCENT = 5;

export type Progress = {
  done: number;
  required: number;
  /** Still needed to meet the requirement: max(0, required − done). */
  shortfall: number;
  /**
   * done + pace × remaining posted days, pace = done / elapsed posted days (today included once it
   * has a record), rounded down to whole days so the projection never flatters; null while no
   * posted day has passed.
   */
  projected: number | null;
  status: AttendanceStatus;
};

/**
 * Today without a record yet is still open, not a day missed: it goes with the remaining days, so
 * the pace does not dip every morning before the day is entered (on 1 January a member would
 * otherwise project 0). Once today has a record it counts as elapsed, as the brief's pace says.
 */
function openDays(window: Window): { passed: number; open: number } {
  const today = window.todayOpen ? 1 : 0;
  return { passed: spanLength(window.elapsed) - today, open: spanLength(window.remaining) + today };
}

function progress(done: number, required: number, window: Window): Progress {
  const { passed, open } = openDays(window);
  // done + (done / passed) × open, as one division so whole results stay whole.
  const projected = passed > 0 ? Math.floor((done * (passed + open)) / passed) : null;
  // Best case: a day in the village on every open posted day from here.
  const reachable = done + open;
  let status: AttendanceStatus;
  if (spanLength(window.posted) === 0) status = 'NOT_POSTED';
  else if (done >= required) status = 'MET';
  else if (window.finished) status = 'MISSED';
  else if (reachable < required) status = 'WILL_MISS';
  else if (projected === null) status = 'ON_TRACK';
  else if (projected * 100 < required * (100 + AT_RISK_MARGIN_PERCENT)) status = 'AT_RISK';
  else status = 'ON_TRACK';
  return { done, required, shortfall: Math.max(0, required - done), projected, status };
}

export type YearSummary = {
  year: number;
  /** Posted days in the year; the requirement is pro-rated to them. */
  postedDays: number;
  /** Posted days up to and including today. */
  elapsedPostedDays: number;
  /** Posted days after today. */
  remainingPostedDays: number;
  /** Days in the village (IN_VILLAGE + OVERNIGHT) against the required days. */
  days: Progress;
  /** Nights (OVERNIGHT) against the required nights. */
  nights: Progress;
  /** Recorded days away, by reason. */
  away: Record<AwayKind, number>;
  /** Elapsed posted days with no record at all: they count as not in the village. */
  unrecorded: number;
  /** Records in the year not counted: outside the posting or after today (bad data to look at). */
  ignoredRecords: number;
  /** The worse of days and nights. */
  status: AttendanceStatus;
};

/**
 * One member's year so far. Only records inside the posting and on or before today count; a past
 * day with no record counts as not in the village (a late entry changes the summary when it comes).
 */
export function yearSummary(
  records: readonly DayRecord[],
  policy: AttendancePolicy,
  year: number,
  posting: Posting,
  today: string,
): YearSummary {
  const todayN = dayNumber(today);
  const byDay = indexRecords(records);
  const period = yearSpan(year);
  const window = windowOf(period, posting, todayN, byDay);
  const required = requiredForYear(policy, year, posting);

  let days = 0;
  let nights = 0;
  let recorded = 0;
  let ignoredRecords = 0;
  const away = Object.fromEntries(AWAY_KINDS.map((kind) => [kind, 0])) as Record<AwayKind, number>;
  for (const [n, kind] of byDay) {
    if (!contains(period, n)) continue; // other years are simply not this summary's business
    if (!contains(window.elapsed, n)) {
      ignoredRecords++;
      continue;
    }
    recorded++;
    if (isInVillage(kind)) days++;
    if (kind === 'OVERNIGHT') nights++;
    else if (kind !== 'IN_VILLAGE') away[kind]++;
  }

  return summarise({ days, nights, away, recorded, ignoredRecords }, window, required, year);
}

/** What the database counts for one posting and year (only records inside the posting, on or before today). */
export type YearCounts = {
  days: number;
  nights: number;
  away: Record<AwayKind, number>;
  /** Records counted (in the village or away). */
  recorded: number;
  /** Whether today has a record (today then counts as elapsed). */
  todayRecorded: boolean;
};

/**
 * The same summary as `yearSummary` from counts a query made (GROUP BY posting), so a county's
 * compliance table does not load every record. The counts must already be restricted to the
 * posting ∩ year ∩ up to today, as yearSummary restricts its records.
 */
export function yearSummaryFromCounts(
  counts: YearCounts,
  policy: AttendancePolicy,
  year: number,
  posting: Posting,
  today: string,
): YearSummary {
  const todayN = dayNumber(today);
  const window = windowOf(
    yearSpan(year),
    posting,
    todayN,
    counts.todayRecorded ? new Map([[todayN, 'IN_VILLAGE' as const]]) : new Map(),
  );
  return summarise({ ...counts, ignoredRecords: 0 }, window, requiredForYear(policy, year, posting), year);
}

function summarise(
  counts: { days: number; nights: number; away: Record<AwayKind, number>; recorded: number; ignoredRecords: number },
  window: Window,
  required: YearRequirement,
  year: number,
): YearSummary {
  const dayProgress = progress(counts.days, required.days, window);
  const nightProgress = progress(counts.nights, required.nights, window);
  return {
    year,
    postedDays: required.postedDays,
    elapsedPostedDays: spanLength(window.elapsed),
    remainingPostedDays: spanLength(window.remaining),
    days: dayProgress,
    nights: nightProgress,
    away: counts.away,
    unrecorded: spanLength(window.elapsed) - counts.recorded,
    ignoredRecords: counts.ignoredRecords,
    status: worseStatus(dayProgress.status, nightProgress.status),
  };
}

// ---------------------------------------------------------------------------------------------
// The team leader's and deputies' month (seed 001: 隊長、副隊長……每月到村開展工作不少於 20 天)

/**
 * NOT_POSTED: no posted day in the month. MET: done ≥ required. REACHABLE: not yet, but a day in
 * the village on every open posted day would do it. MISSED: it can no longer be met, whether the
 * month is over or not (`remainingPostedDays` tells which).
 */
export type LeaderMonthStatus = 'NOT_POSTED' | 'MET' | 'REACHABLE' | 'MISSED';

export type LeaderMonth = {
  /** 'YYYY-MM'. */
  month: string;
  postedDays: number;
  /** Days in the village (IN_VILLAGE + OVERNIGHT) up to and including today. */
  done: number;
  /** leaderDaysPerMonth × posted days / days in the month, rounded up like the yearly figures. */
  required: number;
  remainingPostedDays: number;
  status: LeaderMonthStatus;
};

/** The leader's days in the village for one month (`month` 1-12), pro-rated for a posting that starts or ends in it. */
export function leaderMonth(
  records: readonly DayRecord[],
  policy: AttendancePolicy,
  year: number,
  month: number,
  posting: Posting,
  today: string,
): LeaderMonth {
  const todayN = dayNumber(today);
  const byDay = indexRecords(records);
  const window = windowOf(monthSpan(year, month), posting, todayN, byDay);
  let done = 0;
  for (const [n, kind] of byDay) if (contains(window.elapsed, n) && isInVillage(kind)) done++;
  return judgeMonth(done, window, policy, year, month);
}

/**
 * The same month from a count the database made: days in the village within the posting, up to today,
 * and whether today has a record (today then counts as elapsed), as `yearSummaryFromCounts`.
 */
export function leaderMonthFromCount(
  done: number,
  todayRecorded: boolean,
  policy: AttendancePolicy,
  year: number,
  month: number,
  posting: Posting,
  today: string,
): LeaderMonth {
  const todayN = dayNumber(today);
  const recorded = todayRecorded ? new Map([[todayN, 'IN_VILLAGE' as const]]) : new Map();
  return judgeMonth(done, windowOf(monthSpan(year, month), posting, todayN, recorded), policy, year, month);
}

function judgeMonth(done: number, window: Window, policy: AttendancePolicy, year: number, month: number): LeaderMonth {
  const postedDays = spanLength(window.posted);
  const required = proRated(policy.leaderDaysPerMonth, postedDays, spanLength(monthSpan(year, month)));
  const remaining = spanLength(window.remaining);
  const reachable = done + openDays(window).open;
  let status: LeaderMonthStatus;
  if (postedDays === 0) status = 'NOT_POSTED';
  else if (done >= required) status = 'MET';
  else if (reachable >= required) status = 'REACHABLE';
  else status = 'MISSED';
  return {
    month: `${year}-${String(month).padStart(2, '0')}`,
    postedDays,
    done,
    required,
    remainingPostedDays: remaining,
    status,
  };
}

/** The monthly rule over a year so far: the months begun, how many are missed, and the month of today. */
export type MonthRuleYear = { months: LeaderMonth[]; missed: number; current: LeaderMonth | null };

/**
 * Each month of `year` begun by `today`, from the days in the village per month (1-12) the database
 * counted. A month that can no longer be met counts as missed, whether it is over or not.
 */
export function monthRuleYear(
  daysByMonth: Readonly<Record<number, number>>,
  todayRecorded: boolean,
  policy: AttendancePolicy,
  year: number,
  posting: Posting,
  today: string,
): MonthRuleYear {
  const months: LeaderMonth[] = [];
  const todayMonth = today.slice(0, 7);
  for (let m = 1; m <= 12; m++) {
    const key = `${year}-${String(m).padStart(2, '0')}`;
    if (key > todayMonth) break;
    const recorded = key === todayMonth && todayRecorded;
    months.push(leaderMonthFromCount(daysByMonth[m] ?? 0, recorded, policy, year, m, posting, today));
  }
  return {
    months,
    missed: months.filter((m) => m.status === 'MISSED').length,
    current: months.find((m) => m.month === todayMonth) ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Entering a record

/**
 * invalidDate: not a 'YYYY-MM-DD' calendar day (then nothing else is checked). future: after
 * today, attendance is recorded, not planned. outsidePosting: days are recorded only while posted
 * there. monthSignedOff: the month's attendance has been signed off and is closed to changes.
 */
export type RecordProblem = 'invalidDate' | 'future' | 'outsidePosting' | 'monthSignedOff';

export type RecordContext = {
  today: string;
  posting: Posting;
  /** Months closed to changes, 'YYYY-MM'. */
  signedOffMonths: readonly string[];
};

/** Every reason the record may not be entered or changed, in a fixed order; empty when it may. */
export function validateRecord(record: DayRecord, context: RecordContext): RecordProblem[] {
  // The kind does not matter to any rule yet: a night, a day or a day away are checked alike.
  const n = tryDayNumber(record.date);
  if (n === null) return ['invalidDate'];
  const problems: RecordProblem[] = [];
  if (n > dayNumber(context.today)) problems.push('future');
  if (!contains(postingSpan(context.posting), n)) problems.push('outsidePosting');
  if (context.signedOffMonths.includes(record.date.slice(0, 7))) problems.push('monthSignedOff');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Distance

/** From this China hour on, a check-in records the night (驻村) rather than the day. */
export const EVENING_HOUR = 18;

// ---------------------------------------------------------------------------------------------
// The time of a check-in (the outbox: tapped without signal, sent when the signal returns)

/** A phone's clock may run this far ahead of the server's; a tap later than that is refused. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

const HOUR_MS = 3600 * 1000;

export type CheckInTiming =
  | {
      ok: true;
      /** When it counts from: the tap, or the arrival when the phone's clock ran a little ahead. */
      at: Date;
      /** The China day it counts for, and whether it is the night (from EVENING_HOUR). */
      day: string;
      evening: boolean;
      /** Received more than `lateSyncHours` after the tap: kept, and marked for whoever reviews the grid. */
      late: boolean;
    }
  | { ok: false; key: 'attendance.tapInFuture' }
  | { ok: false; key: 'attendance.tapTooOld'; params: { days: number } };

/**
 * A check-in counts for the moment it was tapped on the phone, not the moment it reached the server:
 * the day, and day or night by the 18:00 China-time rule, follow the tap. A tap more than
 * CLOCK_SKEW_MS after its arrival is a wrong clock (refused); one sent more than `offlineCheckinDays`
 * × 24 h after the tap is refused (a late claim of presence nobody can check); one received more than
 * `lateSyncHours` after the tap is taken and marked late.
 */
export function checkInTiming(
  tappedAt: Date,
  receivedAt: Date,
  policy: Pick<PolicyValues, 'lateSyncHours' | 'offlineCheckinDays'>,
): CheckInTiming {
  const delay = receivedAt.getTime() - tappedAt.getTime();
  if (delay < -CLOCK_SKEW_MS) return { ok: false, key: 'attendance.tapInFuture' };
  if (delay > policy.offlineCheckinDays * 24 * HOUR_MS)
    return { ok: false, key: 'attendance.tapTooOld', params: { days: policy.offlineCheckinDays } };
  const at = delay < 0 ? receivedAt : tappedAt;
  return {
    ok: true,
    at,
    day: chinaDate(at),
    evening: chinaHour(at) >= EVENING_HOUR,
    late: delay > policy.lateSyncHours * HOUR_MS,
  };
}

/** Great-circle distance in metres (haversine, mean Earth radius): plenty for a 1.5 km radius. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * INSIDE when the fix is within the radius of the village's point; OUTSIDE beyond it; NONE with no
 * fix, or when the village has no point on record (nothing to compare with: marked, not refused).
 */
export function locationCheck(
  fix: { lat: number; lng: number } | null,
  village: { lat: number; lng: number } | null,
  radiusMeters: number,
): { check: 'INSIDE' | 'OUTSIDE' | 'NONE'; distance: number | null } {
  if (!fix || !village) return { check: 'NONE', distance: null };
  const distance = Math.round(distanceMeters(fix, village));
  return { check: distance <= radiusMeters ? 'INSIDE' : 'OUTSIDE', distance };
}
