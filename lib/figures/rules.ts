// The figures kept per village: additive counts, summed to any area, and the rates derived from the
// sums (never averaged from rates, so every level agrees). What is red is the dashboard's (lib/dashboard/rules.ts).
import { rectificationRate } from '@/lib/problems/rules';

export const FIGURE_KEYS = [
  'poorVillage',
  'households',
  'people',
  'poorHouseholds',
  'poorPeople',
  'liftedHouseholds',
  'liftedPeople',
  'liftedThisYearHouseholds',
  'liftedThisYearPeople',
  'returnedThisYearHouseholds',
  'returnBaseHouseholds',
  'removedHouseholds',
  'removedThisYearHouseholds',
  'teams',
  'members',
  'membersOnTrack',
  'membersAtRisk',
  'membersShort',
  'markedCheckins',
  'monthRuleMembers',
  'monthRuleMissed',
  'mustPair',
  'paired',
  'liaisonDue',
  'liaisonCovered',
  'villagesWithoutLiaison',
  'cadreVisitsDue',
  'cadreVisitsDone',
  'teamVisitsDue',
  'teamVisitsDone',
  'cadreVisitsInPerson',
  'teamVisitsInPerson',
  // The third visit rule: the team leader visits every poor household of the team's village (the visits page).
  'leaderVisitsDue',
  'leaderVisitsDone',
  'problemsFound',
  'problemsStruckOff',
  'problemsOpen',
  'problemsOverdue',
  'yearProblemsFound',
  'yearProblemsStruckOff',
  'inspections',
  'findings',
  'discrepancies',
  'householdChecks',
  'householdsSatisfied',
  // 一户一策 and 防返贫监测 (lib/plans, lib/monitoring): poor households with a plan of the year; open
  // monitoring by kind; warnings open and past their day to verify; risks closed this year.
  'plannedPoorHouseholds',
  'monitoredUnstable',
  'monitoredMarginal',
  'monitoredSudden',
  'warningsOpen',
  'warningsOverdue',
  'risksClosed',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number> & { villages: number };

export const MONTH_KEYS = [
  'visits',
  'villageDays',
  'problemsFound',
  'problemsStruckOff',
  'liftedHouseholds',
  'returnedHouseholds',
] as const;
export type MonthKey = (typeof MONTH_KEYS)[number];
export type MonthFigures = Record<MonthKey, number> & { month: number };

export function emptyFigures(): Figures {
  return { villages: 0, ...(Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Record<FigureKey, number>) };
}

export function addFigures(into: Figures, add: Figures): Figures {
  into.villages += add.villages;
  for (const key of FIGURE_KEYS) into[key] += add[key];
  return into;
}

/** A share in percent, rounded down to one decimal so 99.96% never shows as 100%; an empty base is 100%. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part * 1000) / whole) / 10;
}

/** A share as shown everywhere: one decimal and the sign (50.0%, 100.0%). */
export const formatPercent = (value: number) => `${value.toFixed(1)}%`;

/** Poverty incidence (贫困发生率) = poor people / rural registered population, in percent to two decimals, rounded down. */
export function incidence(f: Figures): number {
  return f.people === 0 ? 0 : Math.floor((f.poorPeople * 10000) / f.people) / 100;
}

/** Return rate (返贫率): households returned to poverty this year / households lifted out (now, or before returning this year). */
export function returnRate(f: Figures): number {
  return f.returnBaseHouseholds === 0
    ? 0
    : Math.floor((f.returnedThisYearHouseholds * 1000) / f.returnBaseHouseholds) / 10;
}

export function ratesOf(f: Figures) {
  return {
    incidence: incidence(f),
    returnRate: returnRate(f),
    pairingRate: percent(f.paired, f.mustPair),
    liaisonRate: percent(f.liaisonCovered, f.liaisonDue),
    cadreVisitRate: percent(f.cadreVisitsDone, f.cadreVisitsDue),
    teamVisitRate: percent(f.teamVisitsDone, f.teamVisitsDue),
    cadreInPersonRate: percent(f.cadreVisitsInPerson, f.cadreVisitsDue),
    teamInPersonRate: percent(f.teamVisitsInPerson, f.teamVisitsDue),
    rectificationRate: rectificationRate(f.problemsFound, f.problemsStruckOff),
    satisfactionRate: percent(f.householdsSatisfied, f.householdChecks),
    planRate: percent(f.plannedPoorHouseholds, f.poorHouseholds),
  };
}
export type Rates = ReturnType<typeof ratesOf>;
