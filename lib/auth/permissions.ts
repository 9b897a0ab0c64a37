// Who may do what. The server enforces these in every action and data function;
// the UI uses `can()` only to hide what a user may not use.
import { ROLES, type Role } from '@/lib/enums';

export { ROLES };

export const PERMISSIONS = [
  'region.view', // browse the area tree and village figures
  'region.edit', // edit village attributes (poor-village flag, exit year, location)
  'policy.view',
  'policy.edit',
  'user.manage', // accounts: create, disable, reset password, change role/scope
  'user.approve', // approve or reject accounts with area data and their password resets (another person than the requester)
  'audit.view',
  'account.self', // change one's own password, sign out
  'household.view',
  'household.edit', // households, members, incomes, help plans
  'household.status', // steps of registration and exit (each step also needs the right level)
  'household.verify', // record 两不愁三保障 verified in an in-person visit
  'household.import',
  'household.export',
  'personal.reveal', // see a full ID number (each view audited)
  'household.duplicates', // ID numbers registered in one area and entered again in another: the county office resolves them
  'health.view', // health and disability of members
  'team.view', // work teams, postings, attendance of the area
  'team.manage', // dispatching units, teams, postings (the leader's detachment: county users only)
  'activity.record', // technicians' sessions and days in households (team roles: their village); training and Tuesday work days (offices)
  'attendance.checkin', // one's own daily check-in (needs an active posting)
  'attendance.edit', // the team's month grid (a leader: own team; after sign-off: county users only)
  'attendance.signoff', // close a team's month
  'attendance.export', // the monthly attendance sheet (考勤表) as .xlsx
  'cadre.view', // cadres, liaison units, pairings and their coverage in the area
  'cadre.manage', // keep cadres and liaison units
  'pairing.manage', // pair households with cadres, end pairings, bulk pairing and reassignment
  'pairing.export', // the pairing roster (结对帮扶花名册) as .xlsx
  'pairing.own', // "my households": the households one is paired with
  'visit.view', // visits and their coverage in the area
  'visit.create', // log a visit (a cadre, a team member, township staff)
  'problem.view', // the problem ledger (问题台账) of the area
  'problem.report', // open a problem (from a visit, an inspection, a report)
  'problem.work', // take a problem in hand, solve it, explain and pass it on (限期整改)
  'problem.review', // strike off (销号), send back, reopen: township and county only
  'problem.export', // the rectification ledger (整改台账) as .xlsx
  'inspection.view', // inspections once done, discrepancies, talks and recalls, notices (督查通报)
  'inspection.plan', // plan and draw inspections, see them while planned, record on the spot, findings
  'followup.manage', // record talks (约谈) and recalls (召回)
  'assessment.view', // the year-end assessment and rankings
  'assessment.adjust', // adjust a computed score with a reason (the county office)
  'plan.edit', // 一户一策: save a household's help plan of the year, move its measures along
  'monitor.view', // 防返贫监测: monitored households and early warnings of the area
  'monitor.manage', // enter monitored households, verify or dismiss warnings, measures, close risks (风险消除)
  'monitor.run', // compute the early warnings now (the county office; the server also does it daily)
  'project.view', // projects, their money, assets and audits; mutual-aid funds (项目资金)
  'project.propose', // put a project into the library (a team leader: of their village)
  'project.implement', // notice, start and report progress (a team leader: progress of their village's projects)
  'project.approve', // approve or reject, accept (验收), register assets, evaluate, close: the county office
  'project.finance', // payments by voucher, audits, the county's yearly figures: the county office
  'project.export', // the project library, disbursement and asset ledgers as .xlsx
  'mutual.manage', // a village mutual-aid fund's capital, loans and repayments (township and county)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_AREA: readonly Permission[] = ['region.view', 'household.view', 'account.self'];
const TEAM_OFFICE: readonly Permission[] = [
  'team.view',
  'team.manage',
  'activity.record',
  'attendance.edit',
  'attendance.signoff',
  'attendance.export',
];
const PAIRING_OFFICE: readonly Permission[] = ['cadre.view', 'cadre.manage', 'pairing.manage', 'pairing.export'];
const FIELD_WORK: readonly Permission[] = [
  'visit.view',
  'visit.create',
  'household.verify',
  'problem.view',
  'problem.report',
  'problem.work',
];
const LEDGER_OFFICE: readonly Permission[] = [...FIELD_WORK, 'problem.review', 'problem.export'];
// Planned inspections stay with inspectors and the county office: never the teams or townships visited.
const OVERSIGHT: readonly Permission[] = ['inspection.view', 'inspection.plan', 'followup.manage', 'assessment.view'];
// Warnings go to the paired cadre and the township; the township (and the county) decides on them.
const MONITOR_OFFICE: readonly Permission[] = ['plan.edit', 'monitor.view', 'monitor.manage'];
const PROJECT_OFFICE: readonly Permission[] = [
  'project.view',
  'project.propose',
  'project.implement',
  'project.export',
  'mutual.manage',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Manages accounts only: sees no household or village data.
  SYSTEM_ADMIN: ['user.manage', 'account.self'],
  COUNTY_ADMIN: [
    ...READ_AREA,
    'region.edit',
    'policy.view',
    'policy.edit',
    'household.edit',
    'household.status',
    'household.import',
    'household.export',
    'personal.reveal',
    'household.duplicates',
    'health.view',
    ...TEAM_OFFICE,
    ...PAIRING_OFFICE,
    ...LEDGER_OFFICE,
    ...OVERSIGHT,
    'assessment.adjust',
    'user.approve',
    ...MONITOR_OFFICE,
    'monitor.run',
    ...PROJECT_OFFICE,
    'project.approve',
    'project.finance',
  ],
  TOWNSHIP_STAFF: [
    ...READ_AREA,
    'policy.view',
    'household.edit',
    'household.status',
    'household.import',
    'household.export',
    'personal.reveal',
    'health.view',
    ...TEAM_OFFICE,
    ...PAIRING_OFFICE,
    ...LEDGER_OFFICE,
    'inspection.view',
    'assessment.view',
    ...MONITOR_OFFICE,
    ...PROJECT_OFFICE,
  ],
  TEAM_LEADER: [
    ...READ_AREA,
    'household.edit',
    'household.status',
    'health.view',
    'team.view',
    'activity.record',
    'attendance.checkin',
    'attendance.edit',
    'attendance.export',
    'cadre.view',
    'pairing.own',
    ...FIELD_WORK,
    'plan.edit',
    'monitor.view',
    'project.view',
    'project.propose',
    'project.implement',
  ],
  TEAM_MEMBER: [
    ...READ_AREA,
    'health.view',
    'team.view',
    'activity.record',
    'attendance.checkin',
    'pairing.own',
    ...FIELD_WORK,
    'monitor.view',
  ],
  PAIRING_CADRE: [...READ_AREA, 'health.view', 'pairing.own', ...FIELD_WORK, 'monitor.view'],
  // Read-only: figures and lists, no personal health data.
  LEADER: [
    ...READ_AREA,
    'policy.view',
    'household.export',
    'team.view',
    'attendance.export',
    'cadre.view',
    'pairing.export',
    'visit.view',
    'problem.view',
    'problem.export',
    'inspection.view',
    'assessment.view',
    'monitor.view',
    'project.view',
    'project.export',
  ],
  INSPECTOR: [
    ...READ_AREA,
    'policy.view',
    'team.view',
    'cadre.view',
    'visit.view',
    'problem.view',
    'problem.report',
    ...OVERSIGHT,
  ],
  AUDITOR: ['audit.view', 'account.self'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
