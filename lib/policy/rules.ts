// The policy numbers of DOMAIN.md with their sources, as defaults for a new county-year.
// Rules read them from the policy table, never from here directly.

export const POLICY_FIELDS = {
  villageDaysPerYear: { default: 220, min: 1, max: 366, source: '000, 004' },
  villageNightsPerYear: { default: 160, min: 0, max: 366, source: '000' },
  leaderDaysPerMonth: { default: 20, min: 0, max: 31, source: '001' },
  technicianSessionsPerYear: { default: 60, min: 0, max: 366, source: '001' },
  technicianFarmDaysPerYear: { default: 90, min: 0, max: 366, source: '001' },
  inductionTrainingDays: { default: 5, min: 1, max: 30, source: '000' },
  minPostingMonths: { default: 3, min: 1, max: 60, source: '004' },
  teamSizeMin: { default: 4, min: 1, max: 20, source: '000' },
  teamSizeMax: { default: 6, min: 1, max: 20, source: '000' },
  checkinRadiusMeters: { default: 1500, min: 50, max: 20000, source: null },
  quotaCountyChief: { default: 8, min: 0, max: 50, source: '001 (8741)' },
  quotaCountyDeputy: { default: 7, min: 0, max: 50, source: '001 (8741)' },
  quotaSectionChief: { default: 4, min: 0, max: 50, source: '001 (8741)' },
  quotaSectionDeputy: { default: 4, min: 0, max: 50, source: '001 (8741)' },
  quotaOrdinary: { default: 1, min: 0, max: 50, source: '001 (8741)' },
  // 剩余贫困户由乡镇驻村干部兜底 (seed 001) gives no number: how many a township cadre may carry for
  // households of their own township, whatever their rank, is a local default.
  quotaTownshipBackstop: { default: 10, min: 0, max: 100, source: null },
  // County-level leaders' own villages and households (seed 002: 书记、区长各包抓3个贫困村、联系9户贫困户，
  // 其他区级领导每人至少包抓1个贫困村、联系3户以上贫困户).
  principalVillagesMin: { default: 3, min: 0, max: 50, source: '002' },
  principalHouseholdsMin: { default: 9, min: 0, max: 50, source: '002' },
  leaderVillagesMin: { default: 1, min: 0, max: 50, source: '002' },
  leaderHouseholdsMin: { default: 3, min: 0, max: 50, source: '002' },
  // Projects and funds (seed 001): 按當年地方財政收入增量的20%以上增列專項扶貧預算; 縣級財政支出70%以上用於精準扶貧;
  // 每村互助資金規模不少於50萬元. The project notice period (公示期) is not in the seeds: a local default.
  projectNoticeDays: { default: 10, min: 1, max: 60, source: null },
  revenueSharePercent: { default: 20, min: 0, max: 100, source: '001' },
  countySpendingSharePercent: { default: 70, min: 0, max: 100, source: '001' },
  mutualFundMinYuan: { default: 500000, min: 0, max: 100000000, source: '001' },
  incomeLineYuan: { default: 4000, min: 0, max: 100000, source: '001' },
  returnRateMaxPercent: { default: 5, min: 0, max: 100, source: '001' },
  // 两公示一公告 (seed 001) names the notices but no periods: each is a local default.
  firstNoticeDays: { default: 7, min: 1, max: 60, source: null },
  secondNoticeDays: { default: 7, min: 1, max: 60, source: null },
  announcementDays: { default: 7, min: 1, max: 60, source: null },
  exitNoticeDays: { default: 7, min: 1, max: 60, source: null },
  exitAnnouncementDays: { default: 7, min: 1, max: 60, source: null },
  removalNoticeDays: { default: 7, min: 1, max: 60, source: null },
  returnNoticeDays: { default: 7, min: 1, max: 60, source: null },
  deadlineUrgentDays: { default: 7, min: 1, max: 365, source: null },
  deadlineHighDays: { default: 15, min: 1, max: 365, source: null },
  deadlineNormalDays: { default: 30, min: 1, max: 365, source: null },
  scoreGood: { default: 90, min: 0, max: 100, source: '001' },
  scoreFairlyGood: { default: 80, min: 0, max: 100, source: '001' },
  scoreFair: { default: 70, min: 0, max: 100, source: '001' },
  cadreVisitDays: { default: 30, min: 1, max: 366, source: null },
  teamVisitDays: { default: 90, min: 1, max: 366, source: '000 (走村不漏户)' },
  leaderVisitDays: { default: 30, min: 1, max: 366, source: '000' },
  // Year-end assessment: the weight of each indicator in the score out of 100 (they add up to 100).
  weightAttendance: { default: 25, min: 0, max: 100, source: null },
  weightVisits: { default: 20, min: 0, max: 100, source: null },
  weightPairing: { default: 15, min: 0, max: 100, source: null },
  weightRectification: { default: 20, min: 0, max: 100, source: null },
  weightInspection: { default: 10, min: 0, max: 100, source: null },
  weightSatisfaction: { default: 10, min: 0, max: 100, source: null },
  // 防返贫动态监测 (seed 001: "建立完善返贫人口动态监测机制") gives no number: each is a local default.
  monitorLineYuan: { default: 6000, min: 0, max: 100000, source: null },
  incomeDropPercent: { default: 30, min: 1, max: 100, source: null },
  warningVerifyDays: { default: 15, min: 1, max: 365, source: null },
  // Offline check-ins (issue 16; the seeds give no number): received more than this many hours after the
  // tap is marked; more than this many days after it is refused. Each a local default.
  lateSyncHours: { default: 24, min: 1, max: 720, source: null },
  offlineCheckinDays: { default: 3, min: 1, max: 31, source: null },
  // The pace of oversight (seed 000: 每月1次明察暗访、每季度1次集中督查、派出单位每季度1次回访).
  unannouncedPerMonth: { default: 1, min: 0, max: 31, source: '000' },
  concentratedPerQuarter: { default: 1, min: 0, max: 31, source: '000' },
  returnVisitsPerQuarter: { default: 1, min: 0, max: 31, source: '000' },
  // The assessment's consequences (seed 001): about 30 % of the townships assessed rated 优秀 from those rated 好, prizes
  // 1/2/3 by score among those rated 好 (townships 5/3/2 万元, departments 3/2/1 万元).
  excellentSharePercent: { default: 30, min: 0, max: 100, source: '001' },
  prizeFirstCount: { default: 1, min: 0, max: 20, source: '001' },
  prizeSecondCount: { default: 2, min: 0, max: 20, source: '001' },
  prizeThirdCount: { default: 3, min: 0, max: 20, source: '001' },
  prizeFirstYuan: { default: 50000, min: 0, max: 10000000, source: '001' },
  prizeSecondYuan: { default: 30000, min: 0, max: 10000000, source: '001' },
  prizeThirdYuan: { default: 20000, min: 0, max: 10000000, source: '001' },
  unitPrizeFirstYuan: { default: 30000, min: 0, max: 10000000, source: '001' },
  unitPrizeSecondYuan: { default: 20000, min: 0, max: 10000000, source: '001' },
  unitPrizeThirdYuan: { default: 10000, min: 0, max: 10000000, source: '001' },
  // A dispatching unit's score: its teams' scores and its return visits (local defaults; the seeds give no weights).
  weightUnitTeams: { default: 80, min: 0, max: 100, source: null },
  weightUnitReturnVisits: { default: 20, min: 0, max: 100, source: null },
  // Dashboard colours (issue 17; the seeds give no number): a share of a duty done below the line is red
  // (missed), from the line up to all done amber (behind). Each a local default.
  pairingRedBelowPercent: { default: 95, min: 0, max: 100, source: null },
  visitRedBelowPercent: { default: 90, min: 0, max: 100, source: null },
} as const;

export const WEIGHT_FIELDS = [
  'weightAttendance',
  'weightVisits',
  'weightPairing',
  'weightRectification',
  'weightInspection',
  'weightSatisfaction',
] as const;

export type PolicyField = keyof typeof POLICY_FIELDS;
export type PolicyValues = Record<PolicyField, number>;
export const POLICY_FIELD_NAMES = Object.keys(POLICY_FIELDS) as PolicyField[];

export const DEFAULT_POLICY: PolicyValues = Object.fromEntries(
  POLICY_FIELD_NAMES.map((name) => [name, POLICY_FIELDS[name].default]),
) as PolicyValues;

/** Cross-field checks; returns [field, message key] pairs. */
export function policyProblems(values: PolicyValues): [PolicyField, string][] {
  const problems: [PolicyField, string][] = [];
  if (values.villageNightsPerYear > values.villageDaysPerYear)
    problems.push(['villageNightsPerYear', 'policy.nightsAboveDays']);
  if (values.teamSizeMin > values.teamSizeMax) problems.push(['teamSizeMin', 'policy.teamSizeOrder']);
  if (!(values.scoreGood > values.scoreFairlyGood && values.scoreFairlyGood > values.scoreFair))
    problems.push(['scoreFairlyGood', 'policy.bandOrder']);
  if (!(values.deadlineUrgentDays <= values.deadlineHighDays && values.deadlineHighDays <= values.deadlineNormalDays))
    problems.push(['deadlineHighDays', 'policy.deadlineOrder']);
  if (WEIGHT_FIELDS.reduce((sum, field) => sum + values[field], 0) !== 100)
    problems.push(['weightAttendance', 'policy.weightsSum']);
  return problems;
}

/** Score band by policy: ≥ good → GOOD, ≥ fairly good → FAIRLY_GOOD, ≥ fair → FAIR, else POOR. */
export function scoreBand(score: number, policy: Pick<PolicyValues, 'scoreGood' | 'scoreFairlyGood' | 'scoreFair'>) {
  if (score >= policy.scoreGood) return 'GOOD' as const;
  if (score >= policy.scoreFairlyGood) return 'FAIRLY_GOOD' as const;
  if (score >= policy.scoreFair) return 'FAIR' as const;
  return 'POOR' as const;
}
