// Seeds a year of oversight (督查考核) of a profile (DOMAIN.md: Oversight — Qinzhou held 12 unannounced visits,
// 4 concentrated inspections, 4 return visits and talked with 15 members), per county, in the current year up to
// today (China date):
//   - 12 unannounced visits (明察暗访), one a month on a workday; this month's may still be PLANNED for the next
//     days, the earlier ones are DONE on their day (done_on = planned_on);
//   - 4 concentrated inspections (集中督查), one in each quarter that has begun, DONE when in the past;
//   - 4 return visits (回访), one a quarter as well, each by another dispatching unit (unit_id) with active postings:
//     its candidates are the villages where the unit's members are posted;
//   - each drawn with lib/inspections/rules.ts drawInspection from an 8-hex-digit seed (stored with the candidate
//     count, so the draw can be repeated): the candidates are the county's poor villages with a work team in code
//     order (a return visit: the unit's villages), the households those of the village with a status in
//     MUST_PAIR_STATUSES in id order; 2–3 villages, 3–5 households a village;
//   - DONE: a presence check of every member posted to a drawn village that day. Present unless the attendance
//     record of the day says away (leave, training, ...: absent, no discrepancy), and about five members a county
//     found absent on a day their record claims 到村 / 驻村 (a discrepancy, isDiscrepancy, on that record);
//     a household check of each drawn household (mostly all fine, ~90 % satisfied, the odd one not to be judged);
//     a finding for about a third of the village visits (every village with a discrepancy, then those where a
//     household check went wrong), and for about half of the findings a problem in the ledger (source INSPECTION,
//     deadline by urgency from the county's policy, with its step history cut at yesterday) linked from the finding;
//   - 15 talks (约谈) with members found absent or short on village days, and one recall (召回): a member whose
//     posting ended with a recall this year (else the member shortest on days), after a talk.
// Records are signed with the `inspector` account (the county's INSPECTOR, else `inspector`, else `county`);
// talks and recalls by the county office (the county's COUNTY_ADMIN, else `county`). Problem steps are signed the
// way visits.ts signs them: village work by the village's team account, else the township's, else the county's;
// strike-off by a township or county account other than the one who solved it (four-eyes rule).
// The test profile gets none: its tests build their own fixtures.
// Deterministic: one PRNG per county seeded from its code. Written with `pg` and unnest(...), one transaction per
// county. Idempotent per county: a county that already has inspections is left as it is.
import pg from 'pg';
import type {
  DayKind,
  ProblemCategory,
  ProblemOwner,
  ProblemStatus,
  ProblemStepKind,
} from '../../lib/generated/prisma/enums';
import { MUST_PAIR_STATUSES } from '../../lib/households/rules';
import { type DrawnVillage, drawInspection, isDiscrepancy } from '../../lib/inspections/rules';
import { DEFAULT_POLICY } from '../../lib/policy/rules';
import { type DeadlinePolicy, deadlineDays } from '../../lib/problems/rules';
import { chinaToday, dateOfDayNumber, dayNumber } from '../../lib/time';
import { type Actors, loadActors } from './actors';
import { type SeedActor, type ProblemPlan as SharedProblemPlan, type StepPlan, writeProblems } from './problems';
import { hash32, type Random, seededRandom, shuffle, weightedPick } from './random';
import type { RegionRow } from './regions';
import type { Profile } from './run';
import { nextIds } from './sql';

type InspectionKind = 'UNANNOUNCED' | 'CONCENTRATED' | 'RETURN_VISIT';
type FollowUpKind = 'TALK' | 'RECALL';

// ───────────────────────── helpers ─────────────────────────

const iso = (day: number) => dateOfDayNumber(day);
/** 0 Sunday … 6 Saturday (day 0, 1970-01-01, was a Thursday). */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;
const isWorkday = (day: number) => weekday(day) !== 0 && weekday(day) !== 6;
const monthStartOf = (year: number, month: number) => dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
/** The workdays from `from` to `to`, both included. */
function workdays(from: number, to: number): number[] {
  const days: number[] = [];
  for (let d = from; d <= to; d++) if (isWorkday(d)) days.push(d);
  return days;
}
/** A China-time instant of a day: 'YYYY-MM-DDTHH:MM:SS+08:00'. */
function stamp(day: number, minute: number, second = 0): string {
  const m = Math.max(0, Math.min(23 * 60 + 59, minute));
  return `${iso(day)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}+08:00`;
}
const monthDay = (day: number) => {
  const [, m, d] = iso(day).split('-').map(Number);
  return `${m}月${d}日`;
};
/** The draw's seed: 8 hex digits. */
const hexSeed = (random: Random) =>
  Math.floor(random.next() * 0x100000000)
    .toString(16)
    .padStart(8, '0');

const KIND_NAME: Record<InspectionKind, string> = {
  UNANNOUNCED: '明察暗访',
  CONCENTRATED: '集中督查',
  RETURN_VISIT: '派出单位回访',
};
const CLAIM_NAME: Partial<Record<DayKind, string>> = { IN_VILLAGE: '到村', OVERNIGHT: '驻村' };
const AWAY_NAME: Partial<Record<DayKind, string>> = {
  LEAVE: '请假',
  TRAINING: '参加培训',
  MEETING: '参加会议',
  BUSINESS_TRIP: '出差',
};

// ───────────────────────── accounts ─────────────────────────

type Actor = SeedActor;

// ───────────────────────── texts ─────────────────────────

const DISCREPANCY_NOTES = [
  '不在村，电话联系称在县城办事',
  '不在村，村干部称其已回原单位',
  '不在村，驻地无人，电话未接通',
  '不在村，电话联系称回家处理私事，未请假',
  '不在村，村民反映近几日未见到本人',
];
const PRESENT_NOTES = [
  '在村委会办公',
  '正在入户走访',
  '在村产业基地指导生产',
  '在村委会整理扶贫档案',
  '正在组织召开村民小组会',
];

type CheckFault = 'visited' | 'knows' | 'measures' | 'satisfied';
const FAULT_NOTES: Record<CheckFault, readonly string[]> = {
  visited: [
    '户主称近两个月无人入户走访，与走访记录不符',
    '户主反映帮扶干部只打过电话，未入户',
    '走访记录登记的日期户主不在家',
  ],
  knows: ['户主说不出帮扶责任人姓名', '户主不认识帮扶责任人，不知道联系电话', '户主只知道“县上来的干部”，不知道是谁'],
  measures: ['帮扶计划中的产业奖补未兑现到户', '计划的技能培训未落实，户主不知情', '帮扶计划中的小额信贷未办理'],
  satisfied: [
    '对低保评定结果有意见，不满意',
    '反映房屋修缮拖了很久，不满意',
    '反映帮扶干部来得少，不满意',
    '反映产业项目效益差，不满意',
  ],
};
const UNJUDGED_NOTES = [
  '户主外出务工，家中老人说不清情况',
  '户主不在家，配偶对帮扶情况了解不多',
  '家中仅有未成年子女，无法核实',
];
const FINE_NOTES = [
  '帮扶措施落实，户主满意',
  '两不愁三保障落实到位',
  '户主认识帮扶干部，能说出帮扶措施',
  '帮扶干部经常入户，户主满意',
];

type FindingText = { description: string; category: ProblemCategory };
const FAULT_FINDINGS: Record<CheckFault, readonly ((head: string) => FindingText)[]> = {
  visited: [
    (h) => ({ description: `贫困户${h}反映近期无人入户，走访记录与实际不符`, category: 'PRECISION' }),
    (h) => ({ description: `帮扶干部对贫困户${h}走访不实，存在电话代替入户的情况`, category: 'PRECISION' }),
  ],
  knows: [
    (h) => ({ description: `贫困户${h}不知道帮扶责任人`, category: 'PRECISION' }),
    (h) => ({ description: `贫困户${h}不认识帮扶责任人，结对帮扶流于形式`, category: 'PRECISION' }),
  ],
  measures: [
    (h) => ({ description: `帮扶措施未落实到户：贫困户${h}的产业奖补未兑现`, category: 'PRECISION' }),
    (h) => ({ description: `贫困户${h}的一户一策帮扶计划措施未落实`, category: 'PRECISION' }),
  ],
  satisfied: [
    (h) => ({ description: `贫困户${h}对帮扶工作不满意，反映问题未及时解决`, category: 'REQUEST' }),
    (h) => ({ description: `贫困户${h}对低保评定有意见，群众满意度不高`, category: 'ALLOWANCE' }),
  ],
};
const VILLAGE_FINDINGS: readonly FindingText[] = [
  { description: '村级扶贫档案资料不完整，部分贫困户明白卡信息未及时更新', category: 'PRECISION' },
  { description: '驻村工作队工作日志记录不全，部分日期无工作内容', category: 'OTHER' },
  { description: '村务公开栏贫困户信息未及时更新', category: 'PRECISION' },
  { description: '部分贫困户家庭医生签约服务未落实', category: 'MEDICAL' },
  { description: '个别贫困户住房存在安全隐患，危房改造进度滞后', category: 'DANGEROUS_HOUSING' },
  { description: '村组饮水管网老化，部分农户供水不稳定', category: 'WATER' },
  { description: '产业奖补资金兑现不及时，群众有意见', category: 'REQUEST' },
  { description: '一户一策帮扶计划与致贫原因不符，措施针对性不强', category: 'PRECISION' },
];
const START_NOTES = ['已安排专人跟进', '已入户核实情况', '已制定整改措施，明确整改时限'];
const SOLVE_NOTES: Partial<Record<ProblemCategory, readonly string[]>> = {
  PRECISION: ['已组织帮扶干部入户见面，更新明白卡', '已落实帮扶措施并入户告知', '已补齐走访记录，重新入户核实'],
  REQUEST: ['已入户解释说明，协调解决群众诉求', '已协助申报，资金已到户'],
  ALLOWANCE: ['已重新核查并按程序公示', '已解释说明政策，户主认可'],
  MEDICAL: ['已落实家庭医生签约服务'],
  DANGEROUS_HOUSING: ['已纳入危房改造计划并开工建设', '危房改造已完成并通过验收'],
  WATER: ['已更换老化管道，恢复正常供水'],
  OTHER: ['已整改到位'],
};
const EVIDENCE = ['整改前后对比照片', '户主签字确认书', '现场照片3张', '整改报告及佐证材料', '村委会证明材料'];

// ───────────────────────── county data ─────────────────────────

type PostingRow = {
  id: number;
  cadre_id: number;
  village_code: string;
  unit_id: number;
  name: string;
  start: number;
  ended: number | null;
  end_reason: string | null;
  days_in: number;
  months: number[];
};

type CountyData = {
  countyCode: string;
  candidates: string[];
  households: Map<string, number[]>;
  heads: Map<number, string>;
  postings: PostingRow[];
  policy: DeadlinePolicy & { villageDaysPerYear: number };
};

async function loadCounty(client: pg.ClientBase, countyCode: string, env: Env): Promise<CountyData> {
  const candidates = (
    await client.query<{ code: string }>(
      `SELECT r.code FROM region r WHERE r.level = 'VILLAGE' AND r.is_poor_village AND r.code LIKE $1 || '%'
         AND EXISTS (SELECT 1 FROM work_team t WHERE t.village_code = r.code) ORDER BY r.code`,
      [countyCode],
    )
  ).rows.map((r) => r.code);
  // Posting villages too: a return visit's candidates are where the unit's members are posted.
  const hh = (
    await client.query<{ id: number; region_code: string; head_name: string }>(
      `SELECT h.id, h.region_code, h.head_name FROM household h
       WHERE h.region_code IN (SELECT r.code FROM region r WHERE r.level = 'VILLAGE' AND r.code LIKE $1 || '%'
                               AND (r.is_poor_village OR EXISTS (SELECT 1 FROM posting p WHERE p.village_code = r.code)))
         AND h.status::text = ANY($2::text[])
       ORDER BY h.id`,
      [countyCode, [...MUST_PAIR_STATUSES]],
    )
  ).rows;
  const households = new Map<string, number[]>();
  const heads = new Map<number, string>();
  for (const h of hh) {
    const list = households.get(h.region_code);
    if (list) list.push(h.id);
    else households.set(h.region_code, [h.id]);
    heads.set(h.id, h.head_name);
  }
  const postings = (
    await client.query<{
      id: number;
      cadre_id: number;
      village_code: string;
      unit_id: number;
      name: string;
      start: string;
      ended: string | null;
      end_reason: string | null;
      months: number[];
    }>(
      `SELECT p.id, p.cadre_id, p.village_code, p.unit_id, c.name, p.start_date::text AS start, p.ended_on::text AS ended, p.end_reason,
         ARRAY(SELECT count(a.id)::int FROM generate_series(1, 12) AS g
               LEFT JOIN attendance_record a ON a.posting_id = p.id AND a.day >= $2::date AND a.day <= $3::date
                 AND extract(month FROM a.day)::int = g AND a.kind IN ('IN_VILLAGE', 'OVERNIGHT')
               GROUP BY g ORDER BY g) AS months
       FROM posting p JOIN cadre c ON c.id = p.cadre_id
       WHERE p.village_code LIKE $1 || '%' AND (p.ended_on IS NULL OR p.ended_on >= $2::date) AND p.start_date <= $3::date
       ORDER BY p.id`,
      [countyCode, iso(env.jan1), iso(env.yesterday)],
    )
  ).rows.map((p) => ({
    ...p,
    start: dayNumber(p.start),
    ended: p.ended === null ? null : dayNumber(p.ended),
    days_in: p.months.reduce((s, n) => s + n, 0),
  }));
  const pol = await client.query<{ u: number; h: number; n: number; d: number }>(
    `SELECT deadline_urgent_days AS u, deadline_high_days AS h, deadline_normal_days AS n, village_days_per_year AS d FROM policy WHERE county_code = $1 AND year = $2`,
    [countyCode, env.year],
  );
  const policy = pol.rows[0]
    ? {
        deadlineUrgentDays: pol.rows[0].u,
        deadlineHighDays: pol.rows[0].h,
        deadlineNormalDays: pol.rows[0].n,
        villageDaysPerYear: pol.rows[0].d,
      }
    : {
        deadlineUrgentDays: DEFAULT_POLICY.deadlineUrgentDays,
        deadlineHighDays: DEFAULT_POLICY.deadlineHighDays,
        deadlineNormalDays: DEFAULT_POLICY.deadlineNormalDays,
        villageDaysPerYear: DEFAULT_POLICY.villageDaysPerYear,
      };
  return { countyCode, candidates, households, heads, postings, policy };
}

// ───────────────────────── plans ─────────────────────────

type Env = { today: number; yesterday: number; year: number; jan1: number };

type InspectionPlan = {
  kind: InspectionKind;
  plannedOn: number;
  done: boolean;
  unitId: number | null;
  seed: string;
  candidateCount: number;
  drawn: DrawnVillage[];
  createdAt: string;
  summary: string | null;
};
type PresencePlan = {
  inspection: number;
  villageCode: string;
  cadreId: number;
  postingId: number;
  day: number;
  present: boolean;
  note: string | null;
  recordId: string | null;
  discrepancy: boolean;
  claimed: DayKind | null;
};
type HouseholdCheckPlan = {
  inspection: number;
  householdId: number;
  villageCode: string;
  visited: boolean | null;
  knows: boolean | null;
  measures: boolean | null;
  satisfied: boolean | null;
  note: string | null;
  faults: CheckFault[];
  day: number;
};
type FindingPlan = {
  inspection: number;
  villageCode: string;
  description: string;
  category: ProblemCategory;
  householdId: number | null;
  discrepancy: boolean;
  day: number;
  problem: ProblemPlan | null;
};
/** A problem an inspection opened; its id is set once written, for the finding's link. */
type ProblemPlan = SharedProblemPlan & { id?: number };
type FollowUpPlan = {
  kind: FollowUpKind;
  cadreId: number;
  villageCode: string;
  inspection: number | null;
  heldOn: number;
  reason: string;
};

/** The inspections of the year: 12 monthly, one concentrated (the second quarter's put off) and one return visit in each quarter begun. */
function planSchedule(random: Random, data: CountyData, env: Env): InspectionPlan[] {
  const plans: InspectionPlan[] = [];
  const current = Number(iso(env.today).slice(5, 7));
  const draw = (
    kind: InspectionKind,
    plannedOn: number,
    unit: { id: number; villages: string[] } | null,
    leadDays: number,
    putOff = false,
  ) => {
    const seed = hexSeed(random);
    const villages = unit ? unit.villages : data.candidates;
    const drawn = drawInspection({
      seed,
      villages,
      householdsOf: (code) => data.households.get(code) ?? [],
      villageCount: random.int(2, 3),
      householdsPerVillage: random.int(3, 5),
    });
    const done = plannedOn <= env.yesterday && !putOff;
    const created = Math.min(plannedOn - leadDays, env.yesterday);
    plans.push({
      kind,
      plannedOn,
      done,
      unitId: unit?.id ?? null,
      seed,
      candidateCount: villages.length,
      drawn,
      createdAt: stamp(created, 9 * 60 + random.int(0, 420), random.int(0, 59)),
      summary: null,
    });
  };
  // Monthly unannounced visits: a workday of the month; this month's on a day to come is still planned.
  for (let m = 1; m <= current; m++) {
    const from = monthStartOf(env.year, m);
    const to = (m === 12 ? dayNumber(`${env.year + 1}-01-01`) : monthStartOf(env.year, m + 1)) - 1;
    let day = random.pick(workdays(from, to));
    if (m === current && day > env.yesterday) {
      const soon = workdays(env.today + 1, Math.min(env.today + 7, to));
      day = random.pick(soon.length ? soon : workdays(env.today + 1, env.today + 7));
    }
    draw('UNANNOUNCED', day, null, random.int(1, 4));
  }
  // Quarterly concentrated inspections and return visits, in the quarters that have begun.
  const units = new Map<number, Set<string>>();
  for (const p of data.postings) {
    if (p.ended !== null) continue;
    const set = units.get(p.unit_id);
    if (set) set.add(p.village_code);
    else units.set(p.unit_id, new Set([p.village_code]));
  }
  const byUnit = [...units.entries()]
    .map(([id, villages]) => ({ id, villages: [...villages].sort() }))
    .sort((a, b) => a.id - b.id);
  const unitOrder = [
    ...shuffle(
      random,
      byUnit.filter((u) => u.villages.length >= 2),
    ),
    ...shuffle(
      random,
      byUnit.filter((u) => u.villages.length < 2),
    ),
  ];
  for (let q = 0; q < 4; q++) {
    const from = monthStartOf(env.year, q * 3 + 1);
    if (from > env.today) break;
    const to = (q === 3 ? dayNumber(`${env.year + 1}-01-01`) : monthStartOf(env.year, q * 3 + 4)) - 1;
    // The second quarter's concentrated inspection was planned and put off, never held: the pace calendar's
    // missed quarter (issue 18's demo case) once that quarter is over.
    draw('CONCENTRATED', random.pick(workdays(from + 14, to - 10)), null, random.int(7, 14), q === 1 && to < env.today);
    if (unitOrder.length)
      draw('RETURN_VISIT', random.pick(workdays(from + 7, to - 5)), unitOrder[q % unitOrder.length], random.int(5, 10));
  }
  return plans.sort((a, b) => a.plannedOn - b.plannedOn || a.kind.localeCompare(b.kind));
}

type Attendance = Map<string, { id: string; kind: DayKind; reason: string | null }>;

/** The presence checks of the DONE inspections, with about five discrepancies. */
function planPresence(
  random: Random,
  data: CountyData,
  env: Env,
  plans: InspectionPlan[],
  attendance: Attendance,
): PresencePlan[] {
  const checks: PresencePlan[] = [];
  plans.forEach((plan, i) => {
    if (!plan.done) return;
    for (const v of plan.drawn) {
      const seen = new Set<number>();
      for (const p of data.postings) {
        if (
          p.village_code !== v.villageCode ||
          p.start > plan.plannedOn ||
          (p.ended !== null && p.ended < plan.plannedOn) ||
          seen.has(p.cadre_id)
        )
          continue;
        seen.add(p.cadre_id);
        const record = attendance.get(`${p.cadre_id}:${plan.plannedOn}`);
        const away = record && !CLAIM_NAME[record.kind];
        checks.push({
          inspection: i,
          villageCode: v.villageCode,
          cadreId: p.cadre_id,
          postingId: p.id,
          day: plan.plannedOn,
          present: !away,
          note: away
            ? `不在村：考勤登记为${AWAY_NAME[record.kind]}（${record.reason ?? '已报备'}），情况属实`
            : random.chance(0.15)
              ? random.pick(PRESENT_NOTES)
              : null,
          recordId: away ? record.id : null,
          discrepancy: false,
          claimed: record?.kind ?? null,
        });
      }
    }
  });
  // About five a county found absent on a day their record claims 到村 / 驻村, a few days back at least (the talk follows).
  const claimed = shuffle(
    random,
    checks.filter((c) => c.claimed && CLAIM_NAME[c.claimed] && c.day <= env.yesterday - 5),
  );
  const wanted = random.int(4, 6);
  const cadres = new Set<number>();
  for (const c of claimed) {
    if (cadres.size >= wanted) break;
    if (cadres.has(c.cadreId)) continue;
    cadres.add(c.cadreId);
    const record = attendance.get(`${c.cadreId}:${c.day}`)!;
    c.present = false;
    c.discrepancy = isDiscrepancy(false, record.kind);
    c.recordId = record.id;
    c.note = `${random.pick(DISCREPANCY_NOTES)}；当日考勤登记为${CLAIM_NAME[record.kind]}`.slice(0, 200);
  }
  for (const c of checks) c.discrepancy = isDiscrepancy(c.present, c.claimed);
  return checks;
}

function planHouseholdChecks(random: Random, plans: InspectionPlan[]): HouseholdCheckPlan[] {
  const checks: HouseholdCheckPlan[] = [];
  const answer = (pTrue: number, pNull: number) => (random.chance(pNull) ? null : random.chance(pTrue));
  plans.forEach((plan, i) => {
    if (!plan.done) return;
    for (const v of plan.drawn) {
      for (const householdId of v.householdIds) {
        const visited = answer(0.96, 0.02);
        const knows = answer(0.95, 0.02);
        const measures = answer(0.96, 0.03);
        const satisfied = answer(0.93, 0.03);
        const faults: CheckFault[] = [];
        if (visited === false) faults.push('visited');
        if (knows === false) faults.push('knows');
        if (measures === false) faults.push('measures');
        if (satisfied === false) faults.push('satisfied');
        const unjudged = [visited, knows, measures, satisfied].some((x) => x === null);
        const note = faults.length
          ? faults.map((f) => random.pick(FAULT_NOTES[f])).join('；')
          : unjudged
            ? random.pick(UNJUDGED_NOTES)
            : random.chance(0.3)
              ? random.pick(FINE_NOTES)
              : null;
        checks.push({
          inspection: i,
          householdId,
          villageCode: v.villageCode,
          visited,
          knows,
          measures,
          satisfied,
          note: note?.slice(0, 500) ?? null,
          faults,
          day: plan.plannedOn,
        });
      }
    }
  });
  return checks;
}

/** A finding for about a third of the village visits: those with a discrepancy, then those where a household check went wrong. */
function planFindings(
  random: Random,
  data: CountyData,
  plans: InspectionPlan[],
  presence: PresencePlan[],
  checks: HouseholdCheckPlan[],
): FindingPlan[] {
  type VisitKey = { inspection: number; villageCode: string; day: number };
  const visits: VisitKey[] = [];
  plans.forEach(
    (plan, i) =>
      plan.done &&
      plan.drawn.forEach((v) => visits.push({ inspection: i, villageCode: v.villageCode, day: plan.plannedOn })),
  );
  const names = new Map(data.postings.map((p) => [p.cadre_id, p.name]));
  const key = (v: { inspection: number; villageCode: string }) => `${v.inspection}:${v.villageCode}`;
  const absent = new Map<string, PresencePlan[]>();
  for (const c of presence) if (c.discrepancy) absent.set(key(c), [...(absent.get(key(c)) ?? []), c]);
  const faulty = new Map<string, HouseholdCheckPlan[]>();
  for (const c of checks) if (c.faults.length) faulty.set(key(c), [...(faulty.get(key(c)) ?? []), c]);
  const target = Math.round(visits.length / 3);
  const ordered = [
    ...visits.filter((v) => absent.has(key(v))),
    ...shuffle(
      random,
      visits.filter((v) => !absent.has(key(v)) && faulty.has(key(v))),
    ),
    ...shuffle(
      random,
      visits.filter((v) => !absent.has(key(v)) && !faulty.has(key(v))),
    ),
  ];
  const findings: FindingPlan[] = [];
  ordered.forEach((v, n) => {
    const gone = absent.get(key(v));
    if (n >= target && !gone) return;
    if (gone) {
      const who = gone
        .map((c) => names.get(c.cadreId) ?? '')
        .filter(Boolean)
        .join('、');
      const claim = [...new Set(gone.map((c) => CLAIM_NAME[c.claimed!]))].join('/');
      findings.push({
        ...v,
        description: `驻村工作队员${who}不在岗，当日考勤登记为${claim}，考勤记录与实际不符`,
        category: 'OTHER',
        householdId: null,
        discrepancy: true,
        problem: null,
      });
      return;
    }
    const bad = faulty.get(key(v));
    if (bad) {
      const c = random.pick(bad);
      const text = random.pick(FAULT_FINDINGS[random.pick(c.faults)])(data.heads.get(c.householdId) ?? '');
      findings.push({ ...v, ...text, householdId: c.householdId, discrepancy: false, problem: null });
      return;
    }
    findings.push({ ...v, ...random.pick(VILLAGE_FINDINGS), householdId: null, discrepancy: false, problem: null });
  });
  return findings;
}

/** The planned history of a problem an inspection found on `found`, cut at yesterday (as visits.ts plans them). */
function planProblem(
  random: Random,
  actors: Actors,
  env: Env,
  policy: DeadlinePolicy,
  f: FindingPlan,
  inspector: Actor,
): ProblemPlan {
  const urgency = weightedPick(random, [
    ['NORMAL', 70],
    ['HIGH', 25],
    ['URGENT', 5],
  ] as const);
  const deadline = f.day + deadlineDays(urgency, policy);
  const p: ProblemPlan = {
    regionCode: f.villageCode,
    householdId: f.householdId,
    visitId: null,
    category: f.category,
    urgency,
    source: 'INSPECTION',
    description: f.description,
    found: f.day,
    createdBy: inspector,
    deadline,
    steps: [],
  };
  const steps = p.steps;
  let status: ProblemStatus = 'OPEN';
  const add = (kind: ProblemStepKind, to: ProblemStatus, day: number, user: Actor, extra: Partial<StepPlan> = {}) => {
    const last = steps[steps.length - 1];
    steps.push({
      kind,
      from: kind === 'OPEN' ? null : status,
      to,
      day: Math.max(day, last ? last.day : day),
      user,
      note: null,
      evidence: null,
      owner: null,
      ownerUnitId: null,
      deadline: null,
      ...extra,
    });
    status = to;
  };
  const village = f.villageCode;
  add('OPEN', 'OPEN', p.found, inspector, { note: '督查检查中发现' });
  const shape = weightedPick(random, [
    ['normal', 85],
    ['escalated', 8],
    ['stalled', 7],
  ] as const);
  let owner: ProblemOwner = 'VILLAGE_TEAM';
  let until = deadline;
  if (shape === 'escalated') {
    owner = 'TOWNSHIP';
    until = p.found + random.int(30, 60);
    add(
      'ESCALATE',
      'ESCALATED',
      p.found + random.int(2, 8),
      actors.village(village) ?? actors.township(village) ?? actors.countyAdmin(village.slice(0, 6)),
      {
        note: '村级无法解决，已向群众解释说明，提交乡镇限期整改',
        owner,
        deadline: until,
      },
    );
  }
  add('START', 'IN_PROGRESS', steps[steps.length - 1].day + random.int(0, 3), actors.worker(village, owner), {
    note: random.pick(START_NOTES),
  });
  if (shape !== 'stalled') {
    const from = steps[steps.length - 1].day;
    const late = random.chance(0.05);
    const solveDay = late
      ? until + random.int(1, 20)
      : from + Math.floor(Math.max(0, until - from) * random.next() ** 1.3 * 0.9);
    const solver = actors.worker(village, owner);
    add('SOLVE', 'SOLVED', solveDay, solver, {
      note: random.pick(SOLVE_NOTES[p.category] ?? SOLVE_NOTES.OTHER!),
      evidence: random.pick(EVIDENCE),
    });
    add('STRIKE_OFF', 'STRUCK_OFF', solveDay + random.int(1, 10), actors.reviewer(village, solver), {
      note: random.pick(['经核实已整改到位，同意销号', '督查组回访核实，整改到位，予以销号', '入户核查属实，予以销号']),
    });
  }
  p.steps = steps.filter((s) => s.day <= env.yesterday);
  return p;
}

/** 15 talks with members found absent or short on village days, and recalls after a talk (one filled since, one open). */
function planFollowUps(
  random: Random,
  data: CountyData,
  env: Env,
  plans: InspectionPlan[],
  presence: PresencePlan[],
): FollowUpPlan[] {
  const TALKS = 15;
  const out: FollowUpPlan[] = [];
  const talked = new Set<number>();
  const rate = data.policy.villageDaysPerYear / 365;
  const postedFrom = (p: PostingRow) => Math.max(env.jan1, p.start);
  /** In-village days per posted day this year (1 for fewer than 60 posted days: too early to judge). */
  const shareOf = (p: PostingRow) => {
    const days = Math.min(env.yesterday, p.ended ?? env.yesterday) - postedFrom(p) + 1;
    return days >= 60 ? p.days_in / days : 1;
  };
  /** A workday from `from` to `to` (else `to`). */
  const dayIn = (from: number, to: number) => {
    const days = workdays(from, to);
    return days.length ? random.pick(days) : to;
  };
  /** In-village days from the posting's first day this year up to the month before `day`, against the policy's pace. */
  const pace = (p: PostingRow, day: number) => {
    const months = Number(iso(day).slice(5, 7)) - 1;
    const inVillage = p.months.slice(0, months).reduce((sum, n) => sum + n, 0);
    const expected = Math.round(rate * (monthStartOf(env.year, months + 1) - postedFrom(p)));
    return { months, inVillage, expected };
  };
  const shortReason = (p: PostingRow, day: number) => {
    const { months, inVillage, expected } = pace(p, day);
    const since = p.start > env.jan1 ? `自${monthDay(p.start)}驻村至${months}月底` : `${env.year}年1—${months}月`;
    return `${since}在村仅${inVillage}天，未达到每年在村不少于${data.policy.villageDaysPerYear}天的进度要求（应在村约${expected}天），驻村时间不足，予以约谈提醒`;
  };
  /** A talk after the month-end review of the attendance, in a month the member was behind the pace; null if never behind. */
  const talkDay = (p: PostingRow, latest: number) => {
    const months: number[] = [];
    for (let m = 2; m <= 12; m++) {
      const start = monthStartOf(env.year, m);
      if (start - postedFrom(p) >= 28 && start + 10 <= latest) months.push(start);
    }
    for (const start of shuffle(random, months.slice(-6))) {
      const day = dayIn(start + 2, start + 10);
      const { inVillage, expected } = pace(p, day);
      if (inVillage < expected) return day;
    }
    return null;
  };

  // Talks after a discrepancy an inspection found.
  for (const c of presence) {
    if (!c.discrepancy || talked.has(c.cadreId) || out.length >= TALKS) continue;
    const p = data.postings.find((x) => x.id === c.postingId)!;
    talked.add(c.cadreId);
    out.push({
      kind: 'TALK',
      cadreId: c.cadreId,
      villageCode: p.village_code,
      inspection: c.inspection,
      heldOn: dayIn(c.day + 2, Math.min(c.day + 10, env.yesterday)),
      reason: `${monthDay(c.day)}${KIND_NAME[plans[c.inspection].kind]}中发现本人不在岗，当日考勤却登记为${CLAIM_NAME[c.claimed!]}，考勤记录与实际不符，予以约谈并责令作出书面说明`,
    });
  }
  // The recall: a member short on days whose posting ended with a recall this year, talked to before; else (below) the
  // shortest member talked to a while ago.
  let recall: { p: PostingRow; day: number } | null = null;
  for (const p of data.postings.filter(
    (x) => x.ended !== null && x.ended <= env.yesterday && /召回/.test(x.end_reason ?? '') && shareOf(x) < rate,
  )) {
    const day = talkDay(p, p.ended! - 20);
    if (day === null || talked.has(p.cadre_id) || out.length >= TALKS) continue;
    talked.add(p.cadre_id);
    out.push({
      kind: 'TALK',
      cadreId: p.cadre_id,
      villageCode: p.village_code,
      inspection: null,
      heldOn: day,
      reason: shortReason(p, day),
    });
    recall = { p, day: p.ended! };
    break;
  }
  // Members short on village days.
  const short = shuffle(
    random,
    data.postings.filter((p) => p.ended === null && shareOf(p) < rate),
  );
  for (const p of short) {
    if (out.length >= TALKS) break;
    if (talked.has(p.cadre_id)) continue;
    const day = talkDay(p, env.yesterday);
    if (day === null) continue;
    talked.add(p.cadre_id);
    out.push({
      kind: 'TALK',
      cadreId: p.cadre_id,
      villageCode: p.village_code,
      inspection: null,
      heldOn: day,
      reason: shortReason(p, day),
    });
  }
  // A recall still awaiting its replacement (seed 002: 召回第一书记): the shortest active member talked to a while ago.
  // Their posting ends on the day (seed follow-up below) and the unit is asked for someone in their place.
  const recalls = recall ? [recall] : [];
  const open = [...short]
    .sort((a, b) => shareOf(a) - shareOf(b))
    .find((x) => out.some((t) => t.cadreId === x.cadre_id && t.heldOn <= env.yesterday - 25));
  if (open) {
    const talk = out.find((t) => t.cadreId === open.cadre_id)!;
    recalls.push({ p: open, day: dayIn(talk.heldOn + 20, Math.min(talk.heldOn + 40, env.yesterday)) });
  }
  for (const r of recalls) {
    out.push({
      kind: 'RECALL',
      cadreId: r.p.cadre_id,
      villageCode: r.p.village_code,
      inspection: null,
      heldOn: r.day,
      reason: '驻村期间在村天数严重不足，经约谈提醒后仍未改正，考核不称职，按规定召回派出单位并另行选派',
    });
  }
  return out.sort((a, b) => a.heldOn - b.heldOn || a.cadreId - b.cadreId);
}

function summaryOf(
  plan: InspectionPlan,
  i: number,
  names: Map<string, string>,
  presence: PresencePlan[],
  checks: HouseholdCheckPlan[],
  findings: FindingPlan[],
): string {
  const mine = presence.filter((c) => c.inspection === i);
  const hh = checks.filter((c) => c.inspection === i);
  const found = findings.filter((f) => f.inspection === i).length;
  const villages = plan.drawn.map((v) => names.get(v.villageCode) ?? v.villageCode).join('、');
  const discrepancies = mine.filter((c) => c.discrepancy).length;
  const away = mine.filter((c) => !c.present && !c.discrepancy).length;
  const satisfied = hh.filter((c) => c.satisfied).length;
  return (
    `${KIND_NAME[plan.kind]}：随机抽取${villages}共${plan.drawn.length}个村、${hh.length}户。` +
    `核查驻村工作队员${mine.length}人，在岗${mine.length - away - discrepancies}人` +
    (away ? `，请假、培训、开会或出差已登记${away}人` : '') +
    (discrepancies ? `，不在岗且考勤与实际不符${discrepancies}人` : '') +
    `；入户核查${hh.length}户，满意${satisfied}户` +
    (found ? `；发现问题${found}个，已反馈乡镇和驻村工作队限期整改。` : '；未发现突出问题。')
  ).slice(0, 2000);
}

// ───────────────────────── writing ─────────────────────────

type CountyCounts = {
  inspections: number;
  planned: number;
  villages: number;
  presence: number;
  absent: number;
  discrepancies: number;
  householdChecks: number;
  findings: number;
  problems: number;
  steps: number;
  talks: number;
  recalls: number;
};

async function seedCounty(client: pg.ClientBase, countyCode: string, env: Env, actors: Actors): Promise<CountyCounts> {
  const random = seededRandom(hash32(`${countyCode}:inspections`));
  const data = await loadCounty(client, countyCode, env);
  const inspector = actors.inspector(countyCode);
  const office = actors.countyAdmin(countyCode);
  const plans = planSchedule(random, data, env);

  // The attendance records of the members of the drawn villages on the inspection days.
  const keys: { cadre: number; day: number }[] = [];
  for (const plan of plans) {
    if (!plan.done) continue;
    const drawn = new Set(plan.drawn.map((v) => v.villageCode));
    for (const p of data.postings) if (drawn.has(p.village_code)) keys.push({ cadre: p.cadre_id, day: plan.plannedOn });
  }
  const attendance: Attendance = new Map();
  if (keys.length) {
    const rows = await client.query<{
      cadre_id: number;
      day: string;
      id: string;
      kind: DayKind;
      reason: string | null;
    }>(
      `SELECT a.cadre_id, a.day::text AS day, a.id::text, a.kind::text AS kind, a.reason
       FROM unnest($1::int[], $2::date[]) AS k(cadre_id, day) JOIN attendance_record a ON a.cadre_id = k.cadre_id AND a.day = k.day`,
      [keys.map((k) => k.cadre), keys.map((k) => iso(k.day))],
    );
    for (const r of rows.rows)
      attendance.set(`${r.cadre_id}:${dayNumber(r.day)}`, { id: r.id, kind: r.kind, reason: r.reason });
  }
  const presence = planPresence(random, data, env, plans, attendance);
  const checks = planHouseholdChecks(random, plans);
  const findings = planFindings(random, data, plans, presence, checks);
  // A problem in the ledger for about half of the findings (not for the discrepancies: those are talked about).
  const wantedProblems = Math.round(findings.length / 2);
  for (const f of shuffle(
    random,
    findings.filter((x) => !x.discrepancy),
  ).slice(0, wantedProblems)) {
    f.problem = planProblem(random, actors, env, data.policy, f, inspector);
  }
  const followUps = planFollowUps(random, data, env, plans, presence);
  const villageNames = new Map(
    (
      await client.query<{ code: string; name: string }>(`SELECT code, name FROM region WHERE code = ANY($1::text[])`, [
        [...new Set(plans.flatMap((p) => p.drawn.map((v) => v.villageCode)))],
      ])
    ).rows.map((r) => [r.code, r.name]),
  );
  plans.forEach((plan, i) => {
    if (plan.done) plan.summary = summaryOf(plan, i, villageNames, presence, checks, findings);
  });

  // Inspections and their drawn villages.
  const ids = await nextIds(client, 'inspection', plans.length);
  await client.query(
    `INSERT INTO inspection (id, kind, area_code, planned_on, status, seed, candidate_count, unit_id, done_on, summary, created_by_id, created_at, version)
     SELECT u.id, u.kind::"InspectionKind", $1, u.planned_on, u.status::"InspectionStatus", u.seed, u.candidates, u.unit_id, u.done_on, u.summary, $2, u.created_at, u.version
     FROM unnest($3::int[], $4::text[], $5::date[], $6::text[], $7::text[], $8::int[], $9::int[], $10::date[], $11::text[], $12::timestamptz[], $13::int[])
       AS u(id, kind, planned_on, status, seed, candidates, unit_id, done_on, summary, created_at, version)
     ORDER BY u.id`,
    [
      countyCode,
      inspector.id,
      ids,
      plans.map((p) => p.kind),
      plans.map((p) => iso(p.plannedOn)),
      plans.map((p) => (p.done ? 'DONE' : 'PLANNED')),
      plans.map((p) => p.seed),
      plans.map((p) => p.candidateCount),
      plans.map((p) => p.unitId),
      plans.map((p) => (p.done ? iso(p.plannedOn) : null)),
      plans.map((p) => p.summary),
      plans.map((p) => p.createdAt),
      plans.map((p) => (p.done ? 2 : 1)),
    ],
  );
  const IV = plans.flatMap((p, i) =>
    p.drawn.map((v, order) => ({
      id: ids[i],
      code: v.villageCode,
      order: order + 1,
      candidates: v.candidateHouseholds,
      households: v.householdIds,
    })),
  );
  await client.query(
    `INSERT INTO inspection_village (inspection_id, village_code, draw_order, candidate_households, household_ids)
     SELECT u.id, u.code, u.draw_order, u.candidates, u.households::int[]
     FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::text[]) AS u(id, code, draw_order, candidates, households)
     ORDER BY u.id, u.draw_order`,
    [
      IV.map((x) => x.id),
      IV.map((x) => x.code),
      IV.map((x) => x.order),
      IV.map((x) => x.candidates),
      IV.map((x) => `{${x.households.join(',')}}`),
    ],
  );
  // What the inspectors recorded on the day, from mid-morning on.
  const at = (day: number) => stamp(day, 10 * 60 + random.int(0, 330), random.int(0, 59));
  if (presence.length) {
    await client.query(
      `INSERT INTO presence_check (inspection_id, village_code, cadre_id, day, present, note, created_at)
       SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::date[], $5::bool[], $6::text[], $7::timestamptz[])`,
      [
        presence.map((c) => ids[c.inspection]),
        presence.map((c) => c.villageCode),
        presence.map((c) => c.cadreId),
        presence.map((c) => iso(c.day)),
        presence.map((c) => c.present),
        presence.map((c) => c.note),
        presence.map((c) => at(c.day)),
      ],
    );
  }
  if (checks.length) {
    await client.query(
      `INSERT INTO household_check (inspection_id, household_id, village_code, visited_as_claimed, knows_cadre, measures_real, satisfied, note, created_at)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::bool[], $5::bool[], $6::bool[], $7::bool[], $8::text[], $9::timestamptz[])`,
      [
        checks.map((c) => ids[c.inspection]),
        checks.map((c) => c.householdId),
        checks.map((c) => c.villageCode),
        checks.map((c) => c.visited),
        checks.map((c) => c.knows),
        checks.map((c) => c.measures),
        checks.map((c) => c.satisfied),
        checks.map((c) => c.note),
        checks.map((c) => at(c.day)),
      ],
    );
  }
  const problems = findings.filter((f) => f.problem).sort((a, b) => a.day - b.day);
  // Opened in the inspection's evening, then worked on from the mornings after.
  const written = await writeProblems(
    client,
    random,
    problems.map((f) => f.problem!),
    { firstStepMinute: 17 * 60 + 30, spread: 120 },
  );
  problems.forEach((f, i) => {
    f.problem!.id = written.ids[i];
  });
  const steps = written.steps;
  if (findings.length) {
    await client.query(
      `INSERT INTO finding (inspection_id, village_code, description, problem_id, created_at)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::timestamptz[])`,
      [
        findings.map((f) => ids[f.inspection]),
        findings.map((f) => f.villageCode),
        findings.map((f) => f.description.slice(0, 1000)),
        findings.map((f) => f.problem?.id ?? null),
        findings.map((f) => stamp(f.day, 17 * 60 + random.int(0, 120), random.int(0, 59))),
      ],
    );
  }
  if (followUps.length) {
    await client.query(
      `INSERT INTO follow_up (kind, cadre_id, village_code, inspection_id, held_on, reason, created_by_id, created_at)
       SELECT u.kind::"FollowUpKind", u.cadre_id, u.village_code, u.inspection_id, u.held_on, u.reason, $1, u.created_at
       FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::date[], $7::text[], $8::timestamptz[])
         AS u(kind, cadre_id, village_code, inspection_id, held_on, reason, created_at)`,
      [
        office.id,
        followUps.map((f) => f.kind),
        followUps.map((f) => f.cadreId),
        followUps.map((f) => f.villageCode),
        followUps.map((f) => (f.inspection === null ? null : ids[f.inspection])),
        followUps.map((f) => iso(f.heldOn)),
        followUps.map((f) => f.reason.slice(0, 500)),
        followUps.map((f) => stamp(f.heldOn, 15 * 60 + random.int(0, 150), random.int(0, 59))),
      ],
    );
  }
  // Each recall ends the member's posting on the day held (their later days dropped) and asks the unit for a
  // replacement, filled by the team's next posting of the same role if one began since (lib/teams recallPosting).
  await client.query(
    `WITH r AS (
       SELECT f.id AS follow_up_id, f.held_on, f.reason, p.id AS posting_id, p.team_id, p.village_code, p.unit_id, p.role
         FROM follow_up f
         JOIN LATERAL (SELECT * FROM posting p WHERE p.cadre_id = f.cadre_id AND p.village_code = f.village_code
                          AND p.start_date <= f.held_on ORDER BY p.start_date DESC LIMIT 1) p ON true
        WHERE f.kind = 'RECALL' AND f.village_code LIKE $1 || '%'
     ), dropped AS (
       DELETE FROM attendance_record a USING r WHERE a.posting_id = r.posting_id AND a.day > r.held_on
     ), ended AS (
       UPDATE posting p SET ended_on = r.held_on, end_reason = left(r.reason, 200)
         FROM r WHERE p.id = r.posting_id AND p.ended_on IS NULL
     )
     INSERT INTO replacement_request (team_id, village_code, unit_id, role, follow_up_id, recalled_posting_id, opened_on, filled_posting_id, filled_on)
     SELECT r.team_id, r.village_code, r.unit_id, r.role, r.follow_up_id, r.posting_id, r.held_on, n.id, n.start_date
       FROM r LEFT JOIN LATERAL (SELECT id, start_date FROM posting n WHERE n.team_id = r.team_id AND n.role = r.role
                                   AND n.start_date > r.held_on ORDER BY n.start_date, n.id LIMIT 1) n ON true`,
    [data.countyCode],
  );
  return {
    inspections: plans.length,
    planned: plans.filter((p) => !p.done).length,
    villages: IV.length,
    presence: presence.length,
    absent: presence.filter((c) => !c.present).length,
    discrepancies: presence.filter((c) => c.discrepancy).length,
    householdChecks: checks.length,
    findings: findings.length,
    problems: problems.length,
    steps,
    talks: followUps.filter((f) => f.kind === 'TALK').length,
    recalls: followUps.filter((f) => f.kind === 'RECALL').length,
  };
}

/** The problems (source INSPECTION) and their steps, as visits.ts writes them; sets each plan's id. */
// ───────────────────────── entry point ─────────────────────────

export async function seedInspections(
  databaseUrl: string,
  profile: Profile,
  regions: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  if (profile === 'test') return; // the tests build their own inspections
  const started = Date.now();
  const countyCodes = regions
    .filter((r) => r.level === 'COUNTY')
    .map((r) => r.code)
    .sort();
  if (countyCodes.length === 0) return;
  const today = dayNumber(chinaToday());
  const year = Number(iso(today).slice(0, 4));
  const env: Env = { today, yesterday: today - 1, year, jan1: dayNumber(`${year}-01-01`) };

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const actors = await loadActors(client);
    const totals: CountyCounts = {
      inspections: 0,
      planned: 0,
      villages: 0,
      presence: 0,
      absent: 0,
      discrepancies: 0,
      householdChecks: 0,
      findings: 0,
      problems: 0,
      steps: 0,
      talks: 0,
      recalls: 0,
    };
    let skipped = 0;
    for (const countyCode of countyCodes) {
      const countyStarted = Date.now();
      await client.query('BEGIN');
      try {
        // Seeded already, or inspections recorded in the app: the county is left as it is.
        const has = await client.query(`SELECT 1 FROM inspection WHERE area_code LIKE $1 || '%' LIMIT 1`, [countyCode]);
        if (has.rowCount) {
          await client.query('ROLLBACK');
          skipped++;
          continue;
        }
        const r = await seedCounty(client, countyCode, env, actors);
        await client.query('COMMIT');
        for (const key of Object.keys(totals) as (keyof CountyCounts)[]) totals[key] += r[key];
        if (countyCodes.length > 2) {
          log(
            `inspections: county ${countyCode}: ${r.inspections} inspections, ${r.discrepancies} discrepancies, ${r.findings} findings (${((Date.now() - countyStarted) / 1000).toFixed(1)} s)`,
          );
        }
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    if (skipped === countyCodes.length) log(`inspections: already there in all ${skipped} counties, skipped`);
    else {
      log(
        `inspections: ${totals.inspections} new inspections (${totals.planned} planned) over ${totals.villages} village visits; ` +
          `${totals.presence} presence checks (${totals.absent} absent, ${totals.discrepancies} discrepancies), ${totals.householdChecks} household checks, ` +
          `${totals.findings} findings (${totals.problems} problems, ${totals.steps} steps), ${totals.talks} talks, ${totals.recalls} recalls` +
          `${skipped ? `; ${skipped} counties already had inspections` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      await client.query(
        'ANALYZE inspection, inspection_village, presence_check, household_check, finding, follow_up, problem, problem_step',
      );
    }
  } finally {
    await client.end();
  }
}
