// Household rules: the identification / exit / removal / return status machine ("two notices, one
// announcement", 两公示一公告, seed 001), the exit test (income of the assessed year, 两不愁三保障 verified in
// person, no open urgent problem), per-capita income and the status groups reports count by. Pure: the
// numbers (notice periods, income line) come from the county's policy row; commands enforce these at write
// time and the data layer reports with them.
import type { HouseholdStatus } from '@/lib/enums';
import { isRegionCode } from '@/lib/regions/rules';
import { chinaDate, dateOfDayNumber, dayNumber, daysBetween } from '@/lib/time';

/** Who acts: the resident work team (village), the township, or the county office. */
export type ActorLevel = 'VILLAGE' | 'TOWNSHIP' | 'COUNTY';

const LEVEL_RANK: Record<ActorLevel, number> = { VILLAGE: 1, TOWNSHIP: 2, COUNTY: 3 };

/** A higher level may take any step of a lower one (county > township > village). */
function levelAtLeast(actor: ActorLevel, needed: ActorLevel): boolean {
  return LEVEL_RANK[actor] >= LEVEL_RANK[needed];
}

/** The policy's period of each notice and announcement (days, per county and year). */
export const PERIOD_FIELDS = [
  'firstNoticeDays',
  'secondNoticeDays',
  'announcementDays',
  'exitNoticeDays',
  'exitAnnouncementDays',
  'removalNoticeDays',
  'returnNoticeDays',
] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];
export type Periods = Record<PeriodField, number>;

/** The statuses that are a notice or announcement up on a board, and the period each runs for. */
export const NOTICE_PERIODS = {
  FIRST_NOTICE: 'firstNoticeDays',
  SECOND_NOTICE: 'secondNoticeDays',
  COUNTY_ANNOUNCEMENT: 'announcementDays',
  EXIT_NOTICE: 'exitNoticeDays',
  EXIT_ANNOUNCEMENT: 'exitAnnouncementDays',
  REMOVAL_NOTICE: 'removalNoticeDays',
  RETURN_NOTICE: 'returnNoticeDays',
} as const satisfies Partial<Record<HouseholdStatus, PeriodField>>;
export type NoticeStatus = keyof typeof NOTICE_PERIODS;
export const NOTICE_STATUSES = Object.keys(NOTICE_PERIODS) as NoticeStatus[];

export function isNoticeStatus(status: string): status is NoticeStatus {
  return status in NOTICE_PERIODS;
}

/** What a step must record besides the note: the democratic appraisal (民主评议), a signature vouching for the
 * review (签字背书, seed 001), a reason (a removal, a rejection), or the cause of a return to poverty. */
export type StepNeed = 'appraisal' | 'vouch' | 'reason' | 'cause';

export type Transition = {
  readonly from: HouseholdStatus;
  readonly to: HouseholdStatus;
  /** The lowest level that may take this step. */
  readonly level: ActorLevel;
  /** Leaves a notice forward: it must have been up for this period of the county's policy. */
  readonly period?: PeriodField;
  /** Enters a state that asserts the household meets the exit rule. */
  readonly exitRule?: true;
  readonly needs?: StepNeed;
};

/** Every allowed step; anything not listed (including staying put) is refused. */
export const TRANSITIONS: readonly Transition[] = [
  // Identification (两公示一公告): the household applies, the village's democratic appraisal agrees, the
  // first notice goes up in the village; the township reviews and signs once it is over, posts the second
  // notice; the county reviews once that is over, announces, and registers when the announcement is over.
  { from: 'NOT_POOR', to: 'APPLIED', level: 'VILLAGE' },
  { from: 'APPLIED', to: 'APPRAISED', level: 'VILLAGE', needs: 'appraisal' },
  { from: 'APPRAISED', to: 'FIRST_NOTICE', level: 'VILLAGE' },
  { from: 'FIRST_NOTICE', to: 'TOWNSHIP_REVIEWED', level: 'TOWNSHIP', period: 'firstNoticeDays', needs: 'vouch' },
  { from: 'TOWNSHIP_REVIEWED', to: 'SECOND_NOTICE', level: 'TOWNSHIP' },
  { from: 'SECOND_NOTICE', to: 'COUNTY_REVIEWED', level: 'COUNTY', period: 'secondNoticeDays' },
  { from: 'COUNTY_REVIEWED', to: 'COUNTY_ANNOUNCEMENT', level: 'COUNTY' },
  { from: 'COUNTY_ANNOUNCEMENT', to: 'REGISTERED_POOR', level: 'COUNTY', period: 'announcementDays' },
  // Exit: appraisal (the exit rule checked), notice, the township's signed review, the county's announcement,
  // lifted out (the exit rule checked again: facts may have changed meanwhile).
  { from: 'REGISTERED_POOR', to: 'EXIT_APPRAISED', level: 'VILLAGE', needs: 'appraisal', exitRule: true },
  { from: 'RETURNED_TO_POVERTY', to: 'EXIT_APPRAISED', level: 'VILLAGE', needs: 'appraisal', exitRule: true },
  { from: 'EXIT_APPRAISED', to: 'EXIT_NOTICE', level: 'VILLAGE' },
  { from: 'EXIT_NOTICE', to: 'EXIT_REVIEWED', level: 'TOWNSHIP', period: 'exitNoticeDays', needs: 'vouch' },
  { from: 'EXIT_REVIEWED', to: 'EXIT_ANNOUNCEMENT', level: 'COUNTY' },
  { from: 'EXIT_ANNOUNCEMENT', to: 'LIFTED_OUT', level: 'COUNTY', period: 'exitAnnouncementDays', exitRule: true },
  // Lifted-out households may be put under return-to-poverty monitoring; a return records its cause and goes
  // through a notice before the county confirms it.
  { from: 'LIFTED_OUT', to: 'MONITORED', level: 'TOWNSHIP' },
  { from: 'LIFTED_OUT', to: 'RETURN_NOTICE', level: 'TOWNSHIP', needs: 'cause' },
  { from: 'MONITORED', to: 'RETURN_NOTICE', level: 'TOWNSHIP', needs: 'cause' },
  { from: 'RETURN_NOTICE', to: 'RETURNED_TO_POVERTY', level: 'COUNTY', period: 'returnNoticeDays' },
  { from: 'RETURN_NOTICE', to: 'LIFTED_OUT', level: 'TOWNSHIP', needs: 'reason' },
  // Removal of the wrongly registered (清退, seed 001): the township proposes with a reason, the county decides
  // (a notice, or back), and removes once the notice is over.
  { from: 'REGISTERED_POOR', to: 'REMOVAL_PROPOSED', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'RETURNED_TO_POVERTY', to: 'REMOVAL_PROPOSED', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'REMOVAL_PROPOSED', to: 'REMOVAL_NOTICE', level: 'COUNTY' },
  { from: 'REMOVAL_PROPOSED', to: 'REGISTERED_POOR', level: 'COUNTY', needs: 'reason' },
  { from: 'REMOVAL_NOTICE', to: 'REMOVED', level: 'COUNTY', period: 'removalNoticeDays' },
  { from: 'REMOVAL_NOTICE', to: 'REGISTERED_POOR', level: 'COUNTY', needs: 'reason' },
  // Rejections and withdrawals need a reason and no waiting: the township's until its review is passed on,
  // the county's after. A household that had returned to poverty and fails exit lands in REGISTERED_POOR.
  { from: 'APPLIED', to: 'NOT_POOR', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'APPRAISED', to: 'NOT_POOR', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'FIRST_NOTICE', to: 'NOT_POOR', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'TOWNSHIP_REVIEWED', to: 'NOT_POOR', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'SECOND_NOTICE', to: 'NOT_POOR', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'COUNTY_REVIEWED', to: 'NOT_POOR', level: 'COUNTY', needs: 'reason' },
  { from: 'COUNTY_ANNOUNCEMENT', to: 'NOT_POOR', level: 'COUNTY', needs: 'reason' },
  { from: 'EXIT_APPRAISED', to: 'REGISTERED_POOR', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'EXIT_NOTICE', to: 'REGISTERED_POOR', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'EXIT_REVIEWED', to: 'REGISTERED_POOR', level: 'TOWNSHIP', needs: 'reason' },
  { from: 'EXIT_ANNOUNCEMENT', to: 'REGISTERED_POOR', level: 'COUNTY', needs: 'reason' },
];

export function findTransition(from: HouseholdStatus, to: HouseholdStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/**
 * The statuses this actor may move a household to from `from`, by level only: the period, the records and
 * the exit rule are checked by `checkTransition` with the household's facts.
 */
export function nextSteps(from: HouseholdStatus, level: ActorLevel): HouseholdStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && levelAtLeast(level, t.level)).map((t) => t.to);
}

/** The steps with what each must record, for the step forms. */
export function stepOptions(from: HouseholdStatus, level: ActorLevel): { to: HouseholdStatus; need?: StepNeed }[] {
  return TRANSITIONS.filter((t) => t.from === from && levelAtLeast(level, t.level)).map((t) => ({
    to: t.to,
    ...(t.needs ? { need: t.needs } : {}),
  }));
}

// ---------------------------------------------------------------------------------------------
// Notice period

/**
 * Whole calendar days (Asia/Shanghai) from `since` to `now`. A notice counts from the day it
 * was posted (day 0) whatever the hour, as a paper notice on the village board does: posted any
 * time on 1 March, day 5 is 6 March from 00:00 China time. So 4 days 23 hours after a posting at
 * 00:30 is still day 4, while a posting at 23:30 reaches day 5 after 4 days and 30 minutes.
 */
export function noticeDaysElapsed(since: Date, now: Date): number {
  return daysBetween(chinaDate(since), chinaDate(now));
}

/** The China dates a notice runs: posted on `from`, over (the next step allowed) on `until`. */
export function noticePeriod(since: Date, days: number): { from: string; until: string } {
  const from = chinaDate(since);
  return { from, until: dateOfDayNumber(dayNumber(from) + days) };
}

// ---------------------------------------------------------------------------------------------
// Exit rule, for the year being assessed (seed 001): per-capita disposable income of THAT year at or above
// the county's line of that year; each of 两不愁三保障 verified in person that year (unknown is not met);
// no open urgent problem of the household.

export const GUARANTEES = ['food', 'clothing', 'education', 'medical', 'housing', 'water'] as const;
export type Guarantee = (typeof GUARANTEES)[number];
/** The household columns of the guarantees (the last verified state; null while never verified). */
export const GUARANTEE_COLUMNS = {
  food: 'foodSecure',
  clothing: 'clothingSecure',
  education: 'educationSecure',
  medical: 'medicalSecure',
  housing: 'housingSecure',
  water: 'waterSecure',
} as const satisfies Record<Guarantee, string>;
export type GuaranteeColumn = (typeof GUARANTEE_COLUMNS)[Guarantee];

export type ExitFacts = {
  /** The year assessed (China's calendar year). */
  year: number;
  /** Per-capita disposable income of that year; null when that year's income is not recorded. */
  perCapitaIncomeYuan: number | null;
  incomeLineYuan: number;
  /** Each guarantee's latest in-person verification of the year: met, not met, or null (not verified). */
  guarantees: Record<Guarantee, boolean | null>;
  openUrgentProblems: number;
};

export type ExitProblem = 'income' | 'noIncome' | Guarantee | `${Guarantee}Unverified` | 'urgentProblem';

/** What stops the household from exiting; empty when it may exit. Income, the guarantees in order, problems. */
export function exitProblems(facts: ExitFacts): ExitProblem[] {
  const problems: ExitProblem[] = [];
  // No income of the year is its own problem: the income has to be surveyed, not assumed.
  if (facts.perCapitaIncomeYuan === null) problems.push('noIncome');
  else if (facts.perCapitaIncomeYuan < facts.incomeLineYuan) problems.push('income');
  for (const guarantee of GUARANTEES) {
    const state = facts.guarantees[guarantee];
    if (state === null) problems.push(`${guarantee}Unverified`);
    else if (!state) problems.push(guarantee);
  }
  if (facts.openUrgentProblems > 0) problems.push('urgentProblem');
  return problems;
}

export type IncomeComponents = { wageYuan: number; productionYuan: number; propertyYuan: number; transferYuan: number };

/**
 * Per-capita disposable income in whole yuan (wage + production + property + transfer income,
 * divided by the members); null for a household with no members, where it means nothing.
 */
export function perCapitaIncome(income: IncomeComponents, members: number): number | null {
  if (!(members > 0)) return null;
  const total = income.wageYuan + income.productionYuan + income.propertyYuan + income.transferYuan;
  return Math.round(total / members) + 0; // + 0 turns -0 into 0
}

/** The latest check of each guarantee (checks ordered newest first); null for a guarantee never checked. */
export function latestGuarantees(
  checksNewestFirst: readonly { item: string; met: boolean }[],
): Record<Guarantee, boolean | null> {
  const state = Object.fromEntries(GUARANTEES.map((g) => [g, null])) as Record<Guarantee, boolean | null>;
  for (const guarantee of GUARANTEES) {
    const check = checksNewestFirst.find((c) => c.item === GUARANTEE_COLUMNS[guarantee]);
    if (check) state[guarantee] = check.met;
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// What a step records

export const APPRAISAL_RESULTS = ['AGREED', 'REJECTED'] as const;
export type AppraisalResult = (typeof APPRAISAL_RESULTS)[number];
/** Causes of a return to poverty (seed 001 names 因灾、因学、因病返贫). */
export const RETURN_CAUSES = [
  'ILLNESS',
  'DISASTER',
  'SCHOOLING',
  'DISABILITY',
  'LOST_WORK',
  'FAILED_BUSINESS',
  'OTHER',
] as const;
export type ReturnCause = (typeof RETURN_CAUSES)[number];

/** The details a step stores on its status event. */
export type StepDetails = {
  appraisal?: {
    on: string;
    attendees: number;
    attendeeNames?: string;
    result: AppraisalResult;
    /** Exit: the year assessed (China's year of the appraisal). */
    assessYear?: number;
  };
  vouch?: { userId: number; name: string; on: string };
  reason?: string;
  cause?: ReturnCause;
};

/** What the user typed for a step (the form's optional fields). */
export type StepInput = {
  appraisalOn?: string;
  attendees?: number;
  attendeeNames?: string;
  appraisalResult?: AppraisalResult;
  vouch?: boolean;
  reason?: string;
  returnCause?: ReturnCause;
};

export type TransitionRefusal = {
  ok: false;
  reason:
    | 'notAllowed'
    | 'levelTooLow'
    | 'noticeTooShort'
    | 'exitRule'
    | 'appraisalMissing'
    | 'appraisalRejected'
    | 'appraisalFuture'
    | 'vouchMissing'
    | 'reasonMissing'
    | 'causeMissing';
  /** noticeTooShort: whole days until the step is allowed, and the China date it is. */
  daysLeft?: number;
  until?: string;
  /** exitRule: what fails; absent when no exit facts were given. */
  problems?: ExitProblem[];
};

export type TransitionCheck = { ok: true } | TransitionRefusal;

export type TransitionInput = {
  from: HouseholdStatus;
  to: HouseholdStatus;
  level: ActorLevel;
  /** When the household entered `from` (for a notice: when it was posted). */
  statusSince: Date;
  now: Date;
  /** The county's policy: how long each notice and announcement stays up. */
  periods: Periods;
  /** Needed when entering EXIT_APPRAISED or LIFTED_OUT; missing facts refuse the step. */
  exit?: ExitFacts;
  step?: StepInput;
};

/** Whether this actor may move the household from `from` to `to` now. In order: edge, level, period, records, exit rule. */
export function checkTransition(input: TransitionInput): TransitionCheck {
  const step = findTransition(input.from, input.to);
  if (!step) return { ok: false, reason: 'notAllowed' };
  if (!levelAtLeast(input.level, step.level)) return { ok: false, reason: 'levelTooLow' };
  if (step.period) {
    const days = input.periods[step.period];
    const elapsed = noticeDaysElapsed(input.statusSince, input.now);
    if (!(elapsed >= days))
      return {
        ok: false,
        reason: 'noticeTooShort',
        daysLeft: days - elapsed,
        until: noticePeriod(input.statusSince, days).until,
      };
  }
  const typed = input.step ?? {};
  if (step.needs === 'appraisal') {
    if (!typed.appraisalOn || !typed.attendees || !typed.appraisalResult)
      return { ok: false, reason: 'appraisalMissing' };
    if (typed.appraisalOn > chinaDate(input.now)) return { ok: false, reason: 'appraisalFuture' };
    if (typed.appraisalResult !== 'AGREED') return { ok: false, reason: 'appraisalRejected' };
  }
  if (step.needs === 'vouch' && !typed.vouch) return { ok: false, reason: 'vouchMissing' };
  if (step.needs === 'reason' && !typed.reason) return { ok: false, reason: 'reasonMissing' };
  if (step.needs === 'cause' && !typed.returnCause) return { ok: false, reason: 'causeMissing' };
  if (step.exitRule) {
    // Fail closed: a caller that forgot the facts must not lift anyone out.
    if (!input.exit) return { ok: false, reason: 'exitRule' };
    const problems = exitProblems(input.exit);
    if (problems.length > 0) return { ok: false, reason: 'exitRule', problems };
  }
  return { ok: true };
}

/** The details the step stores: what it needs of what was typed, the signer and the assessed year filled in. */
export function stepDetails(
  from: HouseholdStatus,
  to: HouseholdStatus,
  typed: StepInput,
  signer: { userId: number; name: string },
  now: Date,
): StepDetails | null {
  const step = findTransition(from, to);
  switch (step?.needs) {
    case 'appraisal':
      return {
        appraisal: {
          on: typed.appraisalOn ?? '',
          attendees: typed.attendees ?? 0,
          ...(typed.attendeeNames ? { attendeeNames: typed.attendeeNames } : {}),
          result: typed.appraisalResult ?? 'AGREED',
          ...(to === 'EXIT_APPRAISED' ? { assessYear: chinaYearOf(now) } : {}),
        },
      };
    case 'vouch':
      return { vouch: { userId: signer.userId, name: signer.name, on: chinaDate(now) } };
    case 'reason':
      return { reason: typed.reason ?? '' };
    case 'cause':
      return { cause: typed.returnCause ?? 'OTHER', ...(typed.reason ? { reason: typed.reason } : {}) };
    default:
      return null;
  }
}

function chinaYearOf(now: Date): number {
  return Number(chinaDate(now).slice(0, 4));
}

/** The form field a refusal belongs beside. */
export function refusalField(refusal: TransitionRefusal): string | undefined {
  switch (refusal.reason) {
    case 'appraisalMissing':
    case 'appraisalFuture':
      return 'appraisalOn';
    case 'appraisalRejected':
      return 'appraisalResult';
    case 'vouchMissing':
      return 'vouch';
    case 'reasonMissing':
      return 'reason';
    case 'causeMissing':
      return 'returnCause';
    default:
      return 'to';
  }
}

// ---------------------------------------------------------------------------------------------
// Status groups for reports. Readonly: spread them (`[...POOR_STATUSES]`) for a Prisma `in` filter.

/** Counted as poor for the poverty incidence: registered and not lifted out or removed (exit or removal in progress counts), or returned. */
export const POOR_STATUSES = [
  'REGISTERED_POOR',
  'EXIT_APPRAISED',
  'EXIT_NOTICE',
  'EXIT_REVIEWED',
  'EXIT_ANNOUNCEMENT',
  'RETURNED_TO_POVERTY',
  'REMOVAL_PROPOSED',
  'REMOVAL_NOTICE',
] as const satisfies readonly HouseholdStatus[];

/** Going through identification: not yet counted as poor. */
export const IN_REGISTRATION = [
  'APPLIED',
  'APPRAISED',
  'FIRST_NOTICE',
  'TOWNSHIP_REVIEWED',
  'SECOND_NOTICE',
  'COUNTY_REVIEWED',
  'COUNTY_ANNOUNCEMENT',
] as const satisfies readonly HouseholdStatus[];

/** Lifted out, including those under return-to-poverty monitoring and those whose return is on notice. */
export const LIFTED_STATUSES = [
  'LIFTED_OUT',
  'MONITORED',
  'RETURN_NOTICE',
] as const satisfies readonly HouseholdStatus[];

/** Removed as wrongly registered (清退): counted apart from exits everywhere. */
export const REMOVED_STATUSES = ['REMOVED'] as const satisfies readonly HouseholdStatus[];

/** Registered poor households must have exactly one responsible cadre (the coverage rule of pairings). */
export const MUST_PAIR_STATUSES: readonly HouseholdStatus[] = POOR_STATUSES;

/**
 * The households behind a dashboard figure, as a list filter: by status group, by a status reached
 * this year (China's calendar year), or by pairing. lib/figures/sql.ts counts the same sets.
 */
/**
 * Households a responsible cadre helps (结对帮扶): the registered poor, and those lifted out or monitored, whose help
 * goes on. Every other household but a removed one has a liaison cadre (联户干部) instead.
 */
export const HELPED_STATUSES: readonly HouseholdStatus[] = [...POOR_STATUSES, 'LIFTED_OUT', 'MONITORED'];
const NO_LIAISON_NEEDED: readonly HouseholdStatus[] = [...HELPED_STATUSES, 'REMOVED'];

export const HOUSEHOLD_SETS = [
  'poor',
  'lifted',
  'liftedThisYear',
  'returnedThisYear',
  'returnBase',
  'removed',
  'removedThisYear',
  'mustPair',
  'unpaired',
  'liaisonDue',
  'noLiaison',
] as const;
export type HouseholdSet = (typeof HOUSEHOLD_SETS)[number];

/** Whether a household of this status has a liaison cadre rather than a responsible one. */
export function needsLiaison(status: HouseholdStatus): boolean {
  return !NO_LIAISON_NEEDED.includes(status);
}

export function isPoorStatus(status: HouseholdStatus): boolean {
  return (POOR_STATUSES as readonly HouseholdStatus[]).includes(status);
}

// ---------------------------------------------------------------------------------------------

/** The acting level of a user from the length of their area code: 12 village, 9 township, 6 or shorter county. */
export function actorLevelOf(scopeCode: string): ActorLevel {
  // Users above a county (city, province) act with the county's powers, the highest there is.
  if (!isRegionCode(scopeCode)) throw new Error(`Not a division code: ${scopeCode}`);
  if (scopeCode.length === 12) return 'VILLAGE';
  if (scopeCode.length === 9) return 'TOWNSHIP';
  return 'COUNTY';
}

/**
 * Registered ID numbers of other areas a user may meet a day (roster checks and imports, household and
 * member forms) before being refused: enough for honest duplicates, too few to test a file of numbers.
 */
export const DUPLICATE_HITS_PER_DAY = 20;

/** A registered ID number met outside the viewer's area (the person's id and village, where it was entered). */
export type DuplicateHit = { idNumber: string; personId: number; existingRegionCode: string; areaCode: string };
/** Where a duplicate was met: the roster's check or import, or a household or member form. */
export type DuplicateSource =
  | 'roster.validate'
  | 'roster.import'
  | 'household.create'
  | 'household.addMember'
  | 'household.updateMember';

// ---------------------------------------------------------------------------------------------
// A status step as the command takes it

/**
 * The message that tells the user why a step was refused. `problems` is a list of message keys joined
 * by '|' (the action wrapper translates each and lists them).
 */
export function refusalMessage(refusal: TransitionRefusal): { key: string; params?: Record<string, string | number> } {
  switch (refusal.reason) {
    case 'exitRule':
      return {
        key: 'households.exitRefused',
        params: { problems: (refusal.problems ?? []).map((p) => `households.exitProblems.${p}`).join('|') },
      };
    case 'noticeTooShort':
      return { key: 'households.noticeTooShort', params: { days: refusal.daysLeft ?? 1, until: refusal.until ?? '' } };
    case 'notAllowed':
      return { key: 'households.stepNotAllowed' };
    default:
      return { key: `households.stepRefusals.${refusal.reason}` };
  }
}

/** The years a step records besides the status: the exit year (the year assessed) when lifted out, the identification year when registered. */
export function yearsOfStep(
  from: HouseholdStatus,
  to: HouseholdStatus,
  year: number,
): { exitYear?: number; identifiedYear?: number } {
  if (to === 'LIFTED_OUT' && from === 'EXIT_ANNOUNCEMENT') return { exitYear: year };
  if (to === 'REGISTERED_POOR' && from === 'COUNTY_ANNOUNCEMENT') return { identifiedYear: year };
  return {};
}
