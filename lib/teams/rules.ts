// Work-team rules (DOMAIN.md: Resident work teams): "five full coverages", team size, posting length. Pure.

import type { TeamRole } from '@/lib/enums';
import { dayNumber, daysInMonth } from '@/lib/time';

/**
 * Leaders and deputies: they leave their original post and spend the days of each month in the village
 * (seed 001: 隊長、副隊長脫離原單位工作……每月到村開展工作不少於 20 天).
 */
export const FULL_TIME_ROLES: readonly TeamRole[] = ['LEADER', 'DEPUTY_LEADER'];

export const COVERAGE_ITEMS = ['leader', 'firstSecretary', 'residentCadre', 'graduateOfficial', 'technician'] as const;
export type CoverageItem = (typeof COVERAGE_ITEMS)[number];

export type TeamCoverage = {
  size: number;
  sizeOk: boolean;
  /** The five coverages (五个全覆盖) the team lacks, in a fixed order. */
  missing: CoverageItem[];
  /** Both: all five coverages and a size within policy. */
  complete: boolean;
};

/**
 * What an active team covers. A leader who is also the first secretary (第一书记兼队长) covers both;
 * "resident cadres" are the ordinary members (驻村干部).
 */
export function teamCoverage(
  postings: readonly { role: TeamRole; alsoFirstSecretary: boolean }[],
  policy: { teamSizeMin: number; teamSizeMax: number },
): TeamCoverage {
  const has: Record<CoverageItem, boolean> = {
    leader: postings.some((p) => p.role === 'LEADER'),
    firstSecretary: postings.some((p) => p.role === 'FIRST_SECRETARY' || (p.role === 'LEADER' && p.alsoFirstSecretary)),
    residentCadre: postings.some((p) => p.role === 'MEMBER'),
    graduateOfficial: postings.some((p) => p.role === 'GRADUATE_OFFICIAL'),
    technician: postings.some((p) => p.role === 'TECHNICIAN'),
  };
  const missing = COVERAGE_ITEMS.filter((item) => !has[item]);
  const size = postings.length;
  const sizeOk = size >= policy.teamSizeMin && size <= policy.teamSizeMax;
  return { size, sizeOk, missing, complete: missing.length === 0 && sizeOk };
}

/** The day `months` calendar months after `date`, clamped to the month's end (01-31 + 1 month = 02-28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whether a posting from `start` to `lastDay` (inclusive) is shorter than `minMonths` (no member
 * serves less than three months, seed 004): it must last through the day before start + min months.
 */
export function isShorterThan(start: string, lastDay: string, minMonths: number): boolean {
  return dayNumber(lastDay) < dayNumber(addMonths(start, minMonths)) - 1;
}

// ─────────────────────────── Duties counted from activity records ───────────────────────────

/** Whether a 'YYYY-MM-DD' day is a Tuesday (seed 002: 每周二作为"扶贫工作日"); day 0 (1970-01-01) was a Thursday. */
export function isTuesday(day: string): boolean {
  return (dayNumber(day) + 3) % 7 === 1;
}

/** Tuesdays from `from` to `to`, inclusive (0 when `to` is earlier). */
export function tuesdaysBetween(from: string, to: string): number {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) return 0;
  const toFirstTuesday = (1 - ((first + 3) % 7) + 7) % 7;
  return last < first + toFirstTuesday ? 0 : Math.floor((last - first - toFirstTuesday) / 7) + 1;
}

/** MET: the year's number done. ON_PACE: at least the share due by today. BEHIND: less. MISSED: the year is over short. */
export type DutyStatus = 'MET' | 'ON_PACE' | 'BEHIND' | 'MISSED';
export type DutyProgress = { done: number; required: number; dueByNow: number; status: DutyStatus };

/**
 * A yearly number (a technician's 60 sessions, 90 days in households; seed 001) for a posting that covers
 * part of the year: pro-rated up to the posted days (as attendance is), and up to today for the pace.
 */
export function dutyProgress(
  done: number,
  perYear: number,
  year: number,
  posting: { start: string; end: string },
  today: string,
): DutyProgress {
  const yearStart = dayNumber(`${year}-01-01`);
  const yearEnd = dayNumber(`${year}-12-31`);
  const from = Math.max(yearStart, dayNumber(posting.start));
  const to = Math.min(yearEnd, dayNumber(posting.end));
  const posted = Math.max(0, to - from + 1);
  const elapsed = Math.max(0, Math.min(to, dayNumber(today)) - from + 1);
  const share = (days: number) => Math.ceil((perYear * days) / (yearEnd - yearStart + 1));
  const required = share(posted);
  const dueByNow = share(elapsed);
  let status: DutyStatus;
  if (done >= required) status = 'MET';
  else if (dayNumber(today) > to) status = 'MISSED';
  else status = done >= dueByNow ? 'ON_PACE' : 'BEHIND';
  return { done, required, dueByNow, status };
}
