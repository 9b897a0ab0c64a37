// 防返贫动态监测 (seed 001: "建立完善返贫人口动态监测机制，加强对脱贫人口的跟踪调查和后续扶持"): the early
// warnings computed from the data, as pure rules over the policy's numbers (monitoring line, income drop,
// days to verify; local defaults, lib/policy/rules.ts), and what a verified warning becomes.
import type { HouseholdStatus } from '@/lib/enums';
import { LIFTED_STATUSES, POOR_STATUSES } from '@/lib/households/rules';
import { RISK_EVENTS, type RiskEvent } from '@/lib/problems/rules';
import { dateOfDayNumber, dayNumber } from '@/lib/time';

export const MONITOR_KINDS = ['UNSTABLE_EXITED', 'MARGINAL', 'SUDDEN_HARDSHIP'] as const;
export type MonitorKind = (typeof MONITOR_KINDS)[number];

export const RISK_CAUSES = [
  'LOW_INCOME',
  'INCOME_DROP',
  'MEDICAL_COST',
  'DISASTER',
  'LOST_WORKER',
  'SCHOOLING',
  'FAILED_BUSINESS',
  'OTHER',
] as const;
export type RiskCause = (typeof RISK_CAUSES)[number];

/** What a visit or a problem may record as a risk to the household's income (lib/problems/rules.ts). */
export { RISK_EVENTS, type RiskEvent };

export const WARNING_STATUSES = ['OPEN', 'VERIFIED', 'DISMISSED'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

export type WarningPolicy = { monitorLineYuan: number; incomeDropPercent: number; warningVerifyDays: number };

/** Everything a household's warnings are computed from. */
export type WarningFacts = {
  householdId: number;
  status: HouseholdStatus;
  /** An open monitoring already covers the household: no new warning. */
  monitored: boolean;
  /** Per-capita disposable income by year (lib/households/rules.ts perCapitaIncome); missing years absent. */
  incomeByYear: ReadonlyMap<number, number>;
  /** Risk events recorded this year by visits and problems, oldest first. */
  events: readonly { event: RiskEvent; day: string; visitId?: bigint; problemId?: number }[];
};

export type WarningDraft = {
  householdId: number;
  year: number;
  cause: RiskCause;
  /** The numbers the rule saw, for the warning's text (lib/monitoring/rules.ts warningDetail). */
  detail: WarningDetail;
  visitId?: bigint;
  problemId?: number;
};
export type WarningDetail =
  | { perCapita: number; line: number }
  | { perCapita: number; previous: number; dropPercent: number; maxPercent: number }
  | { day: string; source: 'visit' | 'problem' };

/** Watched for warnings: every household not counted poor (poor households are helped already), not yet monitored. */
export function isWatched(status: HouseholdStatus, monitored: boolean): boolean {
  return !monitored && !(POOR_STATUSES as readonly HouseholdStatus[]).includes(status);
}

/** How far per-capita income fell on the previous year, in percent rounded down to one decimal (for the text); null if it did not fall. */
export function incomeDropPercent(previous: number, current: number): number | null {
  if (!(previous > 0) || current >= previous) return null;
  return Math.floor(((previous - current) * 1000) / previous) / 10;
}

/**
 * The warnings of one household for `year`: income of the year (else of the year before) below the
 * monitoring line; income of the year down on the year before by more than the policy's share; each kind
 * of risk event a visit or problem recorded this year (the first one). At most one per cause and year.
 */
export function warningsOf(facts: WarningFacts, year: number, policy: WarningPolicy): WarningDraft[] {
  if (!isWatched(facts.status, facts.monitored)) return [];
  const drafts: WarningDraft[] = [];
  const incomeYear = facts.incomeByYear.has(year) ? year : facts.incomeByYear.has(year - 1) ? year - 1 : null;
  if (incomeYear !== null) {
    const perCapita = facts.incomeByYear.get(incomeYear) as number;
    if (perCapita < policy.monitorLineYuan)
      drafts.push({
        householdId: facts.householdId,
        year: incomeYear,
        cause: 'LOW_INCOME',
        detail: { perCapita, line: policy.monitorLineYuan },
      });
    const previous = facts.incomeByYear.get(incomeYear - 1);
    const drop = previous === undefined ? null : incomeDropPercent(previous, perCapita);
    // Compared unrounded: a fall of exactly the share is within it, 30.01 % is above 30 %.
    if (previous !== undefined && drop !== null && (previous - perCapita) * 100 > policy.incomeDropPercent * previous)
      drafts.push({
        householdId: facts.householdId,
        year: incomeYear,
        cause: 'INCOME_DROP',
        detail: { perCapita, previous, dropPercent: drop, maxPercent: policy.incomeDropPercent },
      });
  }
  for (const event of RISK_EVENTS) {
    const first = facts.events.find((e) => e.event === event);
    if (first)
      drafts.push({
        householdId: facts.householdId,
        year,
        cause: event,
        detail: { day: first.day, source: first.visitId !== undefined ? 'visit' : 'problem' },
        ...(first.visitId !== undefined ? { visitId: first.visitId } : { problemId: first.problemId }),
      });
  }
  return drafts;
}

/** The day a warning raised `today` must be verified by. */
export function verifyBy(today: string, policy: Pick<WarningPolicy, 'warningVerifyDays'>): string {
  return dateOfDayNumber(dayNumber(today) + policy.warningVerifyDays);
}

/** An open warning past its day to verify. */
export function isOverdue(warning: { status: WarningStatus; dueOn: string }, today: string): boolean {
  return warning.status === 'OPEN' && warning.dueOn < today;
}

/** The kind a verified warning suggests: lifted out → unstable after exit; a sudden event → sudden hardship; else marginal. */
export function suggestedKind(status: HouseholdStatus, cause: RiskCause): MonitorKind {
  if ((LIFTED_STATUSES as readonly HouseholdStatus[]).includes(status)) return 'UNSTABLE_EXITED';
  if ((RISK_EVENTS as readonly string[]).includes(cause)) return 'SUDDEN_HARDSHIP';
  return 'MARGINAL';
}

/** A risk may be closed (风险消除) on a verification made on a day from its start up to today. */
export function closeProblem(startedOn: string, verifiedOn: string, today: string): 'future' | 'beforeStart' | null {
  if (verifiedOn > today) return 'future';
  if (verifiedOn < startedOn) return 'beforeStart';
  return null;
}
