// Visit rules: which days a visit may be entered for, and how many photos a user may hold unclaimed. Pure.
import { daysBetween } from '@/lib/time';

/** How far back a visit may be entered (a week in the hills without signal is normal; a year is not). */
export const LATE_ENTRY_DAYS = 31;

/** Unclaimed uploads one user may hold in 24 hours: a day's visits with photos, not a disk filled by a script. */
export const UPLOAD_QUOTA = 30;

/** Why a visit cannot be entered for `visitedOn` on `today` (China days, 'YYYY-MM-DD'), or null when it can. */
export function visitDayRefusal(
  visitedOn: string,
  today: string,
): { key: 'visits.futureDate' } | { key: 'visits.tooLate'; params: { days: number } } | null {
  if (visitedOn > today) return { key: 'visits.futureDate' };
  if (daysBetween(visitedOn, today) > LATE_ENTRY_DAYS)
    return { key: 'visits.tooLate', params: { days: LATE_ENTRY_DAYS } };
  return null;
}
