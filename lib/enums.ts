// The database's enums as plain constants, for code outside the data layer (rules, pages, the
// spreadsheet). tests/unit/enums.test.ts proves they match prisma/schema.prisma exactly.

export const ROLES = [
  'SYSTEM_ADMIN',
  'COUNTY_ADMIN',
  'TOWNSHIP_STAFF',
  'TEAM_LEADER',
  'TEAM_MEMBER',
  'PAIRING_CADRE',
  'LEADER',
  'INSPECTOR',
  'AUDITOR',
] as const;
export type Role = (typeof ROLES)[number];

export const REGION_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const AUDIT_RESULTS = ['OK', 'REFUSED', 'INVALID', 'ERROR'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export const HOUSEHOLD_STATUSES = [
  'NOT_POOR',
  'APPLIED',
  'APPRAISED',
  'FIRST_NOTICE',
  'TOWNSHIP_REVIEWED',
  'SECOND_NOTICE',
  'COUNTY_REVIEWED',
  'COUNTY_ANNOUNCEMENT',
  'REGISTERED_POOR',
  'EXIT_APPRAISED',
  'EXIT_NOTICE',
  'EXIT_REVIEWED',
  'EXIT_ANNOUNCEMENT',
  'LIFTED_OUT',
  'MONITORED',
  'RETURN_NOTICE',
  'RETURNED_TO_POVERTY',
  'REMOVAL_PROPOSED',
  'REMOVAL_NOTICE',
  'REMOVED',
] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const POVERTY_CAUSES = [
  'ILLNESS',
  'DISABILITY',
  'SCHOOLING',
  'DISASTER',
  'LACK_OF_LAND',
  'LACK_OF_WATER',
  'LACK_OF_SKILLS',
  'LACK_OF_LABOUR',
  'LACK_OF_FUNDS',
  'POOR_TRANSPORT',
  'WEAK_DRIVE',
] as const;
export type PovertyCause = (typeof POVERTY_CAUSES)[number];

export const ALLOWANCES = ['NONE', 'DIBAO_1', 'DIBAO_2', 'WUBAO'] as const;
export type AllowanceType = (typeof ALLOWANCES)[number];

export const RELATIONS = [
  'HEAD',
  'SPOUSE',
  'CHILD',
  'CHILD_IN_LAW',
  'GRANDCHILD',
  'PARENT',
  'SIBLING',
  'OTHER',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const SEXES = ['MALE', 'FEMALE'] as const;
export type Sex = (typeof SEXES)[number];

export const HEALTH = ['HEALTHY', 'CHRONIC', 'SERIOUS', 'DISABLED'] as const;
export type HealthStatus = (typeof HEALTH)[number];

export const LABOUR = ['NORMAL', 'WEAK', 'NONE'] as const;
export type LabourAbility = (typeof LABOUR)[number];

export const UNIT_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const CADRE_RANKS = ['COUNTY_CHIEF', 'COUNTY_DEPUTY', 'SECTION_CHIEF', 'SECTION_DEPUTY', 'ORDINARY'] as const;
export type CadreRank = (typeof CADRE_RANKS)[number];

export const TEAM_ROLES = [
  'LEADER',
  'DEPUTY_LEADER',
  'FIRST_SECRETARY',
  'MEMBER',
  'GRADUATE_OFFICIAL',
  'TECHNICIAN',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Away from the village for a reason: leave, training, a meeting, a business trip. */
export const AWAY_KINDS = ['LEAVE', 'TRAINING', 'MEETING', 'BUSINESS_TRIP'] as const;
export type AwayKind = (typeof AWAY_KINDS)[number];

/** IN_VILLAGE: worked in the village (到村). OVERNIGHT: there and stayed the night (驻村), also a day. */
export const DAY_KINDS = ['IN_VILLAGE', 'OVERNIGHT', ...AWAY_KINDS] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export const LOCATION_CHECKS = ['INSIDE', 'OUTSIDE', 'NONE'] as const;
export type LocationCheck = (typeof LOCATION_CHECKS)[number];

export const RECORD_SOURCES = ['CHECKIN', 'ENTRY'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

export const VISIT_KINDS = ['IN_PERSON', 'PHONE', 'GROUP_MEETING'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** DOMAIN.md: 六个精准, 两不愁, 三保障 (schooling, medical, housing), water, disputes, requests, identification, allowances, dangerous housing. */
export const PROBLEM_CATEGORIES = [
  'PRECISION',
  'FOOD_CLOTHING',
  'EDUCATION',
  'MEDICAL',
  'HOUSING',
  'WATER',
  'DISPUTE',
  'REQUEST',
  'IDENTIFICATION',
  'ALLOWANCE',
  'DANGEROUS_HOUSING',
  'OTHER',
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

export const URGENCIES = ['URGENT', 'HIGH', 'NORMAL'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const PROBLEM_SOURCES = ['VISIT', 'INSPECTION', 'REPORT'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

/** ESCALATED: explained to the household (解释说明) and passed to the township or a department with a new deadline (限期整改). */
export const PROBLEM_STATUSES = ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'SOLVED', 'STRUCK_OFF'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_OWNERS = ['VILLAGE_TEAM', 'TOWNSHIP', 'DEPARTMENT'] as const;
export type ProblemOwner = (typeof PROBLEM_OWNERS)[number];

export const PROBLEM_STEPS = ['OPEN', 'START', 'SOLVE', 'RETURN', 'STRIKE_OFF', 'ESCALATE', 'REOPEN'] as const;
/** The database enum is named ProblemStepKind. */
export type ProblemStep = (typeof PROBLEM_STEPS)[number];

/** 明察暗访 (monthly), 集中督查 (quarterly), 回访 by a dispatching unit. */
export const INSPECTION_KINDS = ['UNANNOUNCED', 'CONCENTRATED', 'RETURN_VISIT'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_STATUSES = ['PLANNED', 'DONE'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** The county's top two (书记、县长) and its other county-level leaders (seed 002). */
export const LEADER_ROLES = ['PRINCIPAL', 'OTHER'] as const;
export type LeaderRole = (typeof LEADER_ROLES)[number];

/** Technicians' sessions and days in households, training, the Tuesday work day (lib/teams). */
export const ACTIVITY_KINDS = [
  'GUIDANCE_SESSION',
  'FARM_DAY',
  'INDUCTION_TRAINING',
  'CITY_TRAINING',
  'WORK_DAY',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const TRAINING_KINDS: readonly ActivityKind[] = ['INDUCTION_TRAINING', 'CITY_TRAINING'];

/** 约谈 (a member, or their unit's head) and 召回. */
export const FOLLOW_UP_KINDS = ['TALK', 'RECALL', 'UNIT_HEAD_TALK'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const ASSESSMENT_SUBJECTS = ['TEAM', 'TOWNSHIP'] as const;
export type AssessmentSubject = (typeof ASSESSMENT_SUBJECTS)[number];

/** Projects and funds (项目资金, lib/projects). */
export const PROJECT_KINDS = [
  'INDUSTRY',
  'INFRASTRUCTURE',
  'EMPLOYMENT',
  'EDUCATION',
  'HEALTH',
  'RELOCATION',
  'HOUSING',
  'PHOTOVOLTAIC',
  'MICROCREDIT',
  'OTHER',
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_STAGES = [
  'PROPOSED',
  'APPROVED',
  'NOTICED',
  'IN_PROGRESS',
  'ACCEPTED',
  'ASSETS_REGISTERED',
  'EVALUATED',
  'CLOSED',
  'REJECTED',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STEPS = [
  'PROPOSE',
  'APPROVE',
  'REJECT',
  'NOTICE',
  'START',
  'PROGRESS',
  'ACCEPT',
  'REGISTER_ASSET',
  'EVALUATE',
  'CLOSE',
] as const;
export type ProjectStep = (typeof PROJECT_STEPS)[number];

export const FUND_SOURCES = [
  'CENTRAL',
  'PROVINCIAL',
  'CITY',
  'COUNTY',
  'INTEGRATED_AGRICULTURE',
  'DEPARTMENT',
  'SOCIAL',
  'EAST_WEST',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const BENEFIT_MECHANISMS = [
  'DIVIDEND',
  'EMPLOYMENT',
  'PRODUCTION_SUPPORT',
  'INFRASTRUCTURE',
  'PUBLIC_SERVICE',
  'HOUSING',
] as const;
export type BenefitMechanism = (typeof BENEFIT_MECHANISMS)[number];

export const PAYMENT_KINDS = ['DISBURSEMENT', 'REIMBURSEMENT', 'REVERSAL'] as const;
/** What a clerk enters; a reversal is made from the voucher it reverses. */
export const PAYMENT_ENTRY_KINDS = ['DISBURSEMENT', 'REIMBURSEMENT'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const ASSET_KINDS = ['OPERATING', 'PUBLIC_BENEFIT', 'HOUSEHOLD'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
