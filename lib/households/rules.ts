// Household rules: the registration / exit status machine ("two notices, one announcement",
// 两公示一公告, seed 001), the exit test (两不愁三保障 plus the income line), per-capita income and
// the status groups reports count by. Pure: the numbers (notice days, income line) come from the
// county's policy row; actions enforce these at write time and the data layer reports with them.
import type { HouseholdStatus } from '@/lib/enums';
import { isRegionCode } from '@/lib/regions/rules';
import { chinaDate, daysBetween } from '@/lib/time';

/** Who acts: the resident work team (village), the township, or the county office. */
export type ActorLevel = 'VILLAGE' | 'TOWNSHIP' | 'COUNTY';

const LEVEL_RANK: Record<ActorLevel, number> = { VILLAGE: 1, TOWNSHIP: 2, COUNTY: 3 };

/** A higher level may take any step of a lower one (county > township > village). */
function levelAtLeast(actor: ActorLevel, needed: ActorLevel): boolean {
  return LEVEL_RANK[actor] >= LEVEL_RANK[needed];
}

export type Transition = {
  readonly from: HouseholdStatus;
  readonly to: HouseholdStatus;
  /** The lowest level that may take this step. */
  readonly level: ActorLevel;
  /** Leaves a public notice forward: the notice must have been up `noticeMinDays` days. */
  readonly afterNotice?: true;
  /** Enters a state that asserts the household meets the exit rule. */
  readonly exitRule?: true;
};

/** Every allowed step; anything not listed (including staying put) is refused. */
export const TRANSITIONS: readonly Transition[] = [
  // Registration: the team proposes and posts the village notice, the township reviews once the
  // notice period is over and sends it up, the county announces and registers.
  { from: 'NOT_POOR', to: 'PROPOSED', level: 'VILLAGE' },
  { from: 'PROPOSED', to: 'VILLAGE_NOTICE', level: 'VILLAGE' },
  { from: 'VILLAGE_NOTICE', to: 'TOWNSHIP_REVIEW', level: 'TOWNSHIP', afterNotice: true },
  { from: 'TOWNSHIP_REVIEW', to: 'COUNTY_ANNOUNCEMENT', level: 'TOWNSHIP' },
  { from: 'COUNTY_ANNOUNCEMENT', to: 'REGISTERED_POOR', level: 'COUNTY' },
  // Exit goes through the same notices; the exit rule is checked when it is proposed and again
  // when the county lifts the household out (facts may have changed during the notice).
  { from: 'REGISTERED_POOR', to: 'EXIT_PROPOSED', level: 'VILLAGE', exitRule: true },
  { from: 'EXIT_PROPOSED', to: 'EXIT_NOTICE', level: 'VILLAGE' },
  { from: 'EXIT_NOTICE', to: 'EXIT_REVIEW', level: 'TOWNSHIP', afterNotice: true },
  { from: 'EXIT_REVIEW', to: 'LIFTED_OUT', level: 'COUNTY', exitRule: true },
  // Lifted-out households stay under return-to-poverty monitoring (the return rate must stay < 5%).
  { from: 'LIFTED_OUT', to: 'MONITORED', level: 'TOWNSHIP' },
  { from: 'MONITORED', to: 'RETURNED_TO_POVERTY', level: 'TOWNSHIP' },
  { from: 'RETURNED_TO_POVERTY', to: 'EXIT_PROPOSED', level: 'VILLAGE', exitRule: true },
  // Rejections and withdrawals are the township's call and need no waiting period. A household
  // that had returned to poverty and fails exit lands in REGISTERED_POOR: it is poor either way.
  { from: 'PROPOSED', to: 'NOT_POOR', level: 'TOWNSHIP' },
  { from: 'VILLAGE_NOTICE', to: 'NOT_POOR', level: 'TOWNSHIP' },
  { from: 'TOWNSHIP_REVIEW', to: 'NOT_POOR', level: 'TOWNSHIP' },
  { from: 'EXIT_PROPOSED', to: 'REGISTERED_POOR', level: 'TOWNSHIP' },
  { from: 'EXIT_NOTICE', to: 'REGISTERED_POOR', level: 'TOWNSHIP' },
  { from: 'EXIT_REVIEW', to: 'REGISTERED_POOR', level: 'TOWNSHIP' },
];

function findTransition(from: HouseholdStatus, to: HouseholdStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/**
 * The statuses this actor may move a household to from `from`, by level only: the notice
 * period and the exit rule are checked by `checkTransition` with the household's facts.
 */
export function nextSteps(from: HouseholdStatus, level: ActorLevel): HouseholdStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && levelAtLeast(level, t.level)).map((t) => t.to);
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

// ---------------------------------------------------------------------------------------------
// Exit rule: 两不愁三保障 (food, clothing; education, medical care, housing; plus safe water) and
// per-capita disposable income at or above the year's line.

export type ExitFacts = {
  perCapitaIncomeYuan: number | null;
  incomeLineYuan: number;
  food: boolean;
  clothing: boolean;
  education: boolean;
  medical: boolean;
  housing: boolean;
  water: boolean;
};

export type ExitProblem = 'income' | 'noIncome' | 'food' | 'clothing' | 'education' | 'medical' | 'housing' | 'water';

const GUARANTEES = [
  'food',
  'clothing',
  'education',
  'medical',
  'housing',
  'water',
] as const satisfies readonly ExitProblem[];

/** What stops the household from exiting; empty when it may exit. Income first, then the guarantees in order. */
export function exitProblems(facts: ExitFacts): ExitProblem[] {
  const problems: ExitProblem[] = [];
  // No income recorded is its own problem: the income has to be surveyed, not assumed.
  if (facts.perCapitaIncomeYuan === null) problems.push('noIncome');
  else if (facts.perCapitaIncomeYuan < facts.incomeLineYuan) problems.push('income');
  for (const guarantee of GUARANTEES) if (!facts[guarantee]) problems.push(guarantee);
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

// ---------------------------------------------------------------------------------------------
// Checking one step

export type TransitionInput = {
  from: HouseholdStatus;
  to: HouseholdStatus;
  level: ActorLevel;
  /** When the household entered `from` (for a notice: when it was posted). */
  statusSince: Date;
  now: Date;
  /** The county's policy: how many days a notice stays up at least. */
  noticeMinDays: number;
  /** Needed when entering EXIT_PROPOSED or LIFTED_OUT; missing facts refuse the step. */
  exit?: ExitFacts;
};

export type TransitionRefusal = {
  ok: false;
  reason: 'notAllowed' | 'levelTooLow' | 'noticeTooShort' | 'exitRule';
  /** noticeTooShort: whole days until the step is allowed. */
  daysLeft?: number;
  /** exitRule: what fails; absent when no exit facts were given. */
  problems?: ExitProblem[];
};

export type TransitionCheck = { ok: true } | TransitionRefusal;

/** Whether this actor may move the household from `from` to `to` now. Checks in order: edge, level, notice, exit rule. */
export function checkTransition(input: TransitionInput): TransitionCheck {
  const step = findTransition(input.from, input.to);
  if (!step) return { ok: false, reason: 'notAllowed' };
  if (!levelAtLeast(input.level, step.level)) return { ok: false, reason: 'levelTooLow' };
  if (step.afterNotice) {
    const elapsed = noticeDaysElapsed(input.statusSince, input.now);
    if (!(elapsed >= input.noticeMinDays))
      return { ok: false, reason: 'noticeTooShort', daysLeft: input.noticeMinDays - elapsed };
  }
  if (step.exitRule) {
    // Fail closed: a caller that forgot the facts must not lift anyone out.
    if (!input.exit) return { ok: false, reason: 'exitRule' };
    const problems = exitProblems(input.exit);
    if (problems.length > 0) return { ok: false, reason: 'exitRule', problems };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Status groups for reports. Readonly: spread them (`[...POOR_STATUSES]`) for a Prisma `in` filter.

/** Counted as poor for the poverty incidence: registered, not yet lifted out (exit in progress counts), or returned. */
export const POOR_STATUSES = [
  'REGISTERED_POOR',
  'EXIT_PROPOSED',
  'EXIT_NOTICE',
  'EXIT_REVIEW',
  'RETURNED_TO_POVERTY',
] as const satisfies readonly HouseholdStatus[];

/** Going through registration: not yet counted as poor. */
export const IN_REGISTRATION = [
  'PROPOSED',
  'VILLAGE_NOTICE',
  'TOWNSHIP_REVIEW',
  'COUNTY_ANNOUNCEMENT',
] as const satisfies readonly HouseholdStatus[];

/** Lifted out, including those now under return-to-poverty monitoring. */
export const LIFTED_STATUSES = ['LIFTED_OUT', 'MONITORED'] as const satisfies readonly HouseholdStatus[];

/** Registered poor households must have exactly one responsible cadre (the coverage rule of pairings). */
export const MUST_PAIR_STATUSES: readonly HouseholdStatus[] = POOR_STATUSES;

/**
 * The households behind a dashboard figure, as a list filter: by status group, by a status reached
 * this year (China's calendar year), or by pairing. lib/figures/sql.ts counts the same sets.
 */
export const HOUSEHOLD_SETS = [
  'poor',
  'lifted',
  'liftedThisYear',
  'returnedThisYear',
  'returnBase',
  'mustPair',
  'unpaired',
] as const;
export type HouseholdSet = (typeof HOUSEHOLD_SETS)[number];

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

/** Measures of a help plan (一户一策): industry, jobs, schooling, health, housing renovation,
 * relocation, subsidised loans, and the PV / other income claims (双认领, seed 002). */
export const HELP_MEASURE_KINDS = [
  'INDUSTRY',
  'EMPLOYMENT',
  'EDUCATION',
  'HEALTH',
  'HOUSING',
  'RELOCATION',
  'LOAN',
  'PV_CLAIM',
  'OTHER_CLAIM',
] as const;

export type HelpMeasureKind = (typeof HELP_MEASURE_KINDS)[number];

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

/** The household's side of the exit rule: its checklist, members and latest income, against the county's line. */
export function exitFactsOf(
  household: {
    memberCount: number;
    foodSecure: boolean;
    clothingSecure: boolean;
    educationSecure: boolean;
    medicalSecure: boolean;
    housingSecure: boolean;
    waterSecure: boolean;
  },
  income: IncomeComponents | null,
  incomeLineYuan: number,
): ExitFacts {
  return {
    perCapitaIncomeYuan: income ? perCapitaIncome(income, household.memberCount) : null,
    incomeLineYuan,
    food: household.foodSecure,
    clothing: household.clothingSecure,
    education: household.educationSecure,
    medical: household.medicalSecure,
    housing: household.housingSecure,
    water: household.waterSecure,
  };
}

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
      return { key: 'households.noticeTooShort', params: { days: refusal.daysLeft ?? 1 } };
    case 'levelTooLow':
      return { key: 'households.levelTooLow' };
    default:
      return { key: 'households.stepNotAllowed' };
  }
}

/** The years a step records besides the status: the exit year when lifted out, the identification year when registered. */
export function yearsOfStep(
  from: HouseholdStatus,
  to: HouseholdStatus,
  year: number,
): { exitYear?: number; identifiedYear?: number } {
  if (to === 'LIFTED_OUT') return { exitYear: year };
  if (to === 'REGISTERED_POOR' && from === 'COUNTY_ANNOUNCEMENT') return { identifiedYear: year };
  return {};
}
