// The problem ledger's workflow (问题台账, DOMAIN.md: Visits and the problem ledger). Pure.
//   OPEN → IN_PROGRESS → SOLVED → STRUCK_OFF (销号), by a township or county user who did not solve it;
//   OPEN | IN_PROGRESS → ESCALATED: explained to the household, passed on with a new deadline (限期整改);
//   SOLVED → IN_PROGRESS (returned: not accepted as solved); STRUCK_OFF → OPEN (reopened, e.g. after an inspection).
import type { ProblemStatus, ProblemStep, Urgency } from '@/lib/enums';
import type { PolicyValues } from '@/lib/policy/rules';

export type ActorLevel = 'VILLAGE' | 'TOWNSHIP' | 'COUNTY';

/** A risk to the household's income a problem or a visit records (防返贫 early warning, lib/monitoring). */
export const RISK_EVENTS = ['MEDICAL_COST', 'DISASTER', 'LOST_WORKER'] as const;
export type RiskEvent = (typeof RISK_EVENTS)[number];

const FROM: Record<Exclude<ProblemStep, 'OPEN'>, readonly ProblemStatus[]> = {
  START: ['OPEN', 'ESCALATED'],
  SOLVE: ['OPEN', 'IN_PROGRESS', 'ESCALATED'],
  RETURN: ['SOLVED'],
  STRIKE_OFF: ['SOLVED'],
  ESCALATE: ['OPEN', 'IN_PROGRESS'],
  REOPEN: ['STRUCK_OFF'],
};

const TO: Record<Exclude<ProblemStep, 'OPEN'>, ProblemStatus> = {
  START: 'IN_PROGRESS',
  SOLVE: 'SOLVED',
  RETURN: 'IN_PROGRESS',
  STRIKE_OFF: 'STRUCK_OFF',
  ESCALATE: 'ESCALATED',
  REOPEN: 'OPEN',
};

/** Steps that judge the work (strike off, send back, reopen) are the township's and county's. */
const OFFICE_ONLY: readonly ProblemStep[] = ['STRIKE_OFF', 'RETURN', 'REOPEN'];

export type StepRefusal = 'wrongStatus' | 'officeOnly' | 'ownSolution';

export type StepCheck = { ok: true; to: ProblemStatus } | { ok: false; reason: StepRefusal };

/**
 * Whether `actor` may take `step` on a problem now in `status`. `solvedBy` is who recorded the
 * solution: they may not strike off their own work (the four-eyes rule).
 */
export function checkStep(
  step: Exclude<ProblemStep, 'OPEN'>,
  status: ProblemStatus,
  actor: { userId: number; level: ActorLevel },
  solvedBy: number | null,
): StepCheck {
  if (!FROM[step].includes(status)) return { ok: false, reason: 'wrongStatus' };
  if (OFFICE_ONLY.includes(step) && actor.level === 'VILLAGE') return { ok: false, reason: 'officeOnly' };
  if (step === 'STRIKE_OFF' && solvedBy === actor.userId) return { ok: false, reason: 'ownSolution' };
  return { ok: true, to: TO[step] };
}

/** The steps the actor could take now, in display order. */
export function availableSteps(
  status: ProblemStatus,
  actor: { userId: number; level: ActorLevel },
  solvedBy: number | null,
): Exclude<ProblemStep, 'OPEN'>[] {
  return (Object.keys(FROM) as Exclude<ProblemStep, 'OPEN'>[]).filter(
    (step) => checkStep(step, status, actor, solvedBy).ok,
  );
}

export type DeadlinePolicy = Pick<PolicyValues, 'deadlineUrgentDays' | 'deadlineHighDays' | 'deadlineNormalDays'>;

/** Days to fix a problem of this urgency (policy: 7 / 15 / 30 by default). */
export function deadlineDays(urgency: Urgency, policy: DeadlinePolicy): number {
  return urgency === 'URGENT'
    ? policy.deadlineUrgentDays
    : urgency === 'HIGH'
      ? policy.deadlineHighDays
      : policy.deadlineNormalDays;
}

/** Still being worked on: the ones that can be overdue. */
export const OPEN_STATUSES: readonly ProblemStatus[] = ['OPEN', 'IN_PROGRESS', 'ESCALATED'];

/** Overdue: not solved and the deadline ('YYYY-MM-DD', inclusive) has passed. */
export function isOverdue(status: ProblemStatus, deadline: string, today: string): boolean {
  return OPEN_STATUSES.includes(status) && deadline < today;
}

/**
 * The rectification rate (整改率): struck off / found, in whole tenths of a percent, rounded down
 * so it never claims more than was done; 100 when nothing was found.
 */
export function rectificationRate(found: number, struckOff: number): number {
  return found === 0 ? 100 : Math.floor((struckOff * 1000) / found) / 10;
}
