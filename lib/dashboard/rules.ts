// The dashboard's presentation rules, pure: which rules an area misses (its red marks) and the level
// a dashboard drills into.
import type { Figures } from '@/lib/figures/rules';

/** Where a rule is missed: what the dashboard marks red. */
export type RedMark =
  | 'attendanceShort'
  | 'attendanceAtRisk'
  | 'pairingGap'
  | 'liaisonGap'
  | 'cadreVisitGap'
  | 'teamVisitGap'
  | 'overdue'
  | 'returnRate'
  | 'discrepancy'
  | 'warningOverdue';

export function redMarks(f: Figures, policy: { returnRateMaxPercent: number }): Set<RedMark> {
  const marks = new Set<RedMark>();
  if (f.membersShort > 0) marks.add('attendanceShort');
  if (f.membersAtRisk > 0) marks.add('attendanceAtRisk');
  if (f.paired < f.mustPair) marks.add('pairingGap');
  if (f.villagesWithoutLiaison > 0) marks.add('liaisonGap');
  if (f.cadreVisitsDone < f.cadreVisitsDue) marks.add('cadreVisitGap');
  if (f.teamVisitsDone < f.teamVisitsDue) marks.add('teamVisitGap');
  if (f.problemsOverdue > 0) marks.add('overdue');
  // "控制在5%以内" (seed 001): exactly the limit is within it; red only above, compared unrounded.
  if (f.returnedThisYearHouseholds * 100 > policy.returnRateMaxPercent * f.returnBaseHouseholds)
    marks.add('returnRate');
  if (f.discrepancies > 0) marks.add('discrepancy');
  if (f.warningsOverdue > 0) marks.add('warningOverdue');
  return marks;
}

const LEVEL_LENGTHS = [2, 4, 6, 9, 12];

/** The code length one level below an area (province 2 → city 4 → county 6 → township 9 → village 12); null for a village. */
export function childCodeLength(prefix: string): number | null {
  return LEVEL_LENGTHS.find((n) => n > prefix.length) ?? null;
}
