// The dashboard's presentation rules, pure: which rules an area misses (red) or is behind on (amber), and
// the level a dashboard drills into.
import type { Figures } from '@/lib/figures/rules';
import type { PolicyValues } from '@/lib/policy/rules';

/** A rule an area is marked on: red where it is missed, amber where it is behind but not yet missed. */
export type RedMark =
  | 'attendanceShort'
  | 'attendanceAtRisk'
  | 'monthRuleMissed'
  | 'pairingGap'
  | 'liaisonGap'
  | 'householdLiaisonGap'
  | 'cadreVisitGap'
  | 'teamVisitGap'
  | 'overdue'
  | 'returnRate'
  | 'discrepancy'
  | 'warningOverdue';

export type MarkLevel = 'missed' | 'atRisk';
export type AreaMarks = { missed: RedMark[]; atRisk: RedMark[] };

type MarkPolicy = Pick<PolicyValues, 'returnRateMaxPercent' | 'pairingRedBelowPercent' | 'visitRedBelowPercent'>;

/**
 * A share of a duty done: missed (red) below the policy's line, behind (amber) from the line up to all done.
 * Compared unrounded (done / due against the line), so 89.96% is below a 90% line though it shows as 89.9%.
 */
export function shareLevel(done: number, due: number, redBelowPercent: number): MarkLevel | null {
  if (done >= due) return null;
  return done * 100 < redBelowPercent * due ? 'missed' : 'atRisk';
}

export function areaMarks(f: Figures, policy: MarkPolicy): AreaMarks {
  const marks: AreaMarks = { missed: [], atRisk: [] };
  const mark = (name: RedMark, level: MarkLevel | null | false) => {
    if (level) marks[level].push(name);
  };
  mark('attendanceShort', f.membersShort > 0 && 'missed');
  mark('attendanceAtRisk', f.membersAtRisk > 0 && 'atRisk');
  mark('monthRuleMissed', f.monthRuleMissed > 0 && 'missed');
  mark('pairingGap', shareLevel(f.paired, f.mustPair, policy.pairingRedBelowPercent));
  mark('liaisonGap', f.villagesWithoutLiaison > 0 && 'missed');
  mark('householdLiaisonGap', shareLevel(f.liaisonCovered, f.liaisonDue, policy.pairingRedBelowPercent));
  mark('cadreVisitGap', shareLevel(f.cadreVisitsDone, f.cadreVisitsDue, policy.visitRedBelowPercent));
  mark('teamVisitGap', shareLevel(f.teamVisitsDone, f.teamVisitsDue, policy.visitRedBelowPercent));
  mark('overdue', f.problemsOverdue > 0 && 'missed');
  // "控制在5%以内" (seed 001): exactly the limit is within it; red only above, compared unrounded.
  mark(
    'returnRate',
    f.returnedThisYearHouseholds * 100 > policy.returnRateMaxPercent * f.returnBaseHouseholds && 'missed',
  );
  mark('discrepancy', f.discrepancies > 0 && 'missed');
  mark('warningOverdue', f.warningsOverdue > 0 && 'missed');
  return marks;
}

/** How a figure of a rule shows: red, amber or plain. */
export function markLevel(mark: RedMark | undefined, marks: AreaMarks): MarkLevel | null {
  if (!mark) return null;
  if (marks.missed.includes(mark)) return 'missed';
  return marks.atRisk.includes(mark) ? 'atRisk' : null;
}

const LEVEL_LENGTHS = [2, 4, 6, 9, 12];

/** The code length one level below an area (province 2 → city 4 → county 6 → township 9 → village 12); null for a village. */
export function childCodeLength(prefix: string): number | null {
  return LEVEL_LENGTHS.find((n) => n > prefix.length) ?? null;
}
