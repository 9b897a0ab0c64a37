// Projects and funds (项目资金): the stages a project goes through, who may take each step, and money in
// fen (1/100 yuan, exact integers). Pure.
//   PROPOSED → APPROVED (论证审批, county) → NOTICED (公示 in the village, township or county) → IN_PROGRESS once
//   the notice period is over → ACCEPTED (验收, county, by someone who did not implement it, at 100 %) →
//   ASSETS_REGISTERED (the first asset) → EVALUATED (绩效评价, county) → CLOSED (county, only with an audit);
//   PROPOSED → REJECTED (county).
import type { ProjectStage, ProjectStep } from '@/lib/enums';
import type { ActorLevel } from '@/lib/problems/rules';

export type ProjectMove = Exclude<ProjectStep, 'PROPOSE' | 'REGISTER_ASSET'>;

const FROM: Record<ProjectMove, readonly ProjectStage[]> = {
  APPROVE: ['PROPOSED'],
  REJECT: ['PROPOSED'],
  NOTICE: ['APPROVED'],
  START: ['NOTICED'],
  PROGRESS: ['IN_PROGRESS'],
  ACCEPT: ['IN_PROGRESS'],
  EVALUATE: ['ASSETS_REGISTERED'],
  CLOSE: ['EVALUATED'],
};

const TO: Record<ProjectMove, ProjectStage> = {
  APPROVE: 'APPROVED',
  REJECT: 'REJECTED',
  NOTICE: 'NOTICED',
  START: 'IN_PROGRESS',
  PROGRESS: 'IN_PROGRESS',
  ACCEPT: 'ACCEPTED',
  EVALUATE: 'EVALUATED',
  CLOSE: 'CLOSED',
};

/** Steps that judge a project (approve, accept, evaluate, close) are the county office's (project.approve). */
export const COUNTY_STEPS: readonly ProjectMove[] = ['APPROVE', 'REJECT', 'ACCEPT', 'EVALUATE', 'CLOSE'];
/** A team leader reports progress; the notice and the start are the township's or the county's. */
const OFFICE_STEPS: readonly ProjectMove[] = ['NOTICE', 'START'];

/** The order stages are shown in, and how far along a project is. */
export const STAGE_ORDER: readonly ProjectStage[] = [
  'PROPOSED',
  'APPROVED',
  'NOTICED',
  'IN_PROGRESS',
  'ACCEPTED',
  'ASSETS_REGISTERED',
  'EVALUATED',
  'CLOSED',
];

export type ProjectFacts = {
  stage: ProjectStage;
  progressPercent: number;
  /** 'YYYY-MM-DD' or null. */
  noticeEndOn: string | null;
  budgetFen: bigint;
  audits: number;
  /** Who started it or reported its progress: none of them may accept it (four eyes). */
  implementerIds: readonly number[];
};

export type ProjectActor = { userId: number; level: ActorLevel; county: boolean };

export type MoveRefusal =
  | 'wrongStage'
  | 'countyOnly'
  | 'officeOnly'
  | 'noBudget'
  | 'noticeRunning'
  | 'notFinished'
  | 'ownWork'
  | 'noAudit'
  | 'progressBack';

export type MoveCheck = { ok: true; to: ProjectStage } | { ok: false; reason: MoveRefusal };

/** Whether `actor` may take `step` now; `progress` is the percent a PROGRESS step reports. */
export function checkMove(
  step: ProjectMove,
  project: ProjectFacts,
  actor: ProjectActor,
  today: string,
  progress?: number,
): MoveCheck {
  if (!FROM[step].includes(project.stage)) return { ok: false, reason: 'wrongStage' };
  if (COUNTY_STEPS.includes(step) && !actor.county) return { ok: false, reason: 'countyOnly' };
  if (OFFICE_STEPS.includes(step) && actor.level === 'VILLAGE') return { ok: false, reason: 'officeOnly' };
  if (step === 'APPROVE' && project.budgetFen <= 0n) return { ok: false, reason: 'noBudget' };
  if (step === 'START' && (project.noticeEndOn === null || today <= project.noticeEndOn))
    return { ok: false, reason: 'noticeRunning' };
  if (step === 'PROGRESS' && progress !== undefined && progress < project.progressPercent)
    return { ok: false, reason: 'progressBack' };
  if (step === 'ACCEPT' && project.progressPercent < 100) return { ok: false, reason: 'notFinished' };
  if (step === 'ACCEPT' && project.implementerIds.includes(actor.userId)) return { ok: false, reason: 'ownWork' };
  if (step === 'CLOSE' && project.audits === 0) return { ok: false, reason: 'noAudit' };
  return { ok: true, to: TO[step] };
}

/** The steps `actor` could take now, in display order (a refusal for a reason the form shows is kept out). */
export function availableMoves(project: ProjectFacts, actor: ProjectActor, today: string): ProjectMove[] {
  return (Object.keys(FROM) as ProjectMove[]).filter((step) => checkMove(step, project, actor, today).ok);
}

/** Money may be paid once the project is approved and until it is closed (never on a rejected one). */
export const PAYABLE_STAGES: readonly ProjectStage[] = [
  'APPROVED',
  'NOTICED',
  'IN_PROGRESS',
  'ACCEPTED',
  'ASSETS_REGISTERED',
  'EVALUATED',
];

/** Assets are registered from acceptance on. */
export const ASSET_STAGES: readonly ProjectStage[] = ['ACCEPTED', 'ASSETS_REGISTERED', 'EVALUATED'];

/** An audit is recorded once the work is accepted and before the project closes. */
export const AUDIT_STAGES: readonly ProjectStage[] = ['ACCEPTED', 'ASSETS_REGISTERED', 'EVALUATED'];

/** Stages where the work is not yet done: such a project past its planned end is overdue. */
export const UNFINISHED_STAGES: readonly ProjectStage[] = ['APPROVED', 'NOTICED', 'IN_PROGRESS'];

export function isProjectOverdue(stage: ProjectStage, plannedEndOn: string, today: string): boolean {
  return UNFINISHED_STAGES.includes(stage) && plannedEndOn < today;
}

/** Accepted and later without any audit: shown as 未审计. Audits are due from acceptance (审计全覆盖, seed 001). */
export const AUDIT_DUE_STAGES: readonly ProjectStage[] = ['ACCEPTED', 'ASSETS_REGISTERED', 'EVALUATED', 'CLOSED'];

// ─────────────────────────── Money ───────────────────────────

/** '12,345.67' / '12345.6' / '12345' yuan → fen; null when not a positive amount with at most two decimals. */
export function parseYuan(text: string): bigint | null {
  const clean = text.replace(/[,，\s]/g, '');
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!match) return null;
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Fen → '12,345.67' (yuan, two decimals, thousands separated). */
export function formatYuan(fen: bigint | number): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/** Fen → ten-thousands of yuan (万元) with two decimals, as reports count money (DOMAIN.md). */
export function formatWan(fen: bigint | number): string {
  const value = Number(fen) / 1_000_000;
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Paid / approved in whole tenths of a percent, rounded down; null when nothing is approved. */
export function spendingRate(paidFen: bigint, approvedFen: bigint): number | null {
  if (approvedFen <= 0n) return null;
  return Number((paidFen * 1000n) / approvedFen) / 10;
}

/** A share of a base in tenths of a percent, rounded down; null without a base. */
export function sharePercent(partFen: bigint, baseFen: bigint): number | null {
  return spendingRate(partFen, baseFen);
}

/**
 * The smallest area holding every village: the village itself, their township, or their county (the project's
 * home in the figures). Codes are 12-digit village codes of one county.
 */
export function homeArea(villageCodes: readonly string[]): string {
  if (villageCodes.length === 1) return villageCodes[0];
  const townships = new Set(villageCodes.map((c) => c.slice(0, 9)));
  return townships.size === 1 ? villageCodes[0].slice(0, 9) : villageCodes[0].slice(0, 6);
}

/** A loan not fully repaid whose due day has passed. */
export function isLoanOverdue(loan: { amountFen: bigint; repaidFen: bigint; dueOn: string }, today: string): boolean {
  return loan.repaidFen < loan.amountFen && loan.dueOn < today;
}
