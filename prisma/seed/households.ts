// Seeds the households of a profile: families with ID numbers, the registration / exit history of
// poor households (两公示一公告), their incomes and help plans (一户一策). Deterministic: each village
// has its own PRNG seeded from its code, so a village always gets the same households whatever else
// is seeded. Streamed with COPY, one transaction per batch of whole villages, while the next batch is
// being generated.
// Idempotent per village: villages that already have households are left as they are.
import pg from 'pg';
import type { AllowanceType, HealthStatus, HouseholdStatus, PovertyCause } from '../../lib/generated/prisma/enums';
import { pinyinInitials } from '../../lib/households/identity';
import { encryptText, lookupHash } from '../../lib/personal-data';
import { DEFAULT_POLICY } from '../../lib/policy/rules';
import { chinaYear } from '../../lib/time';
import {
  buildFamily,
  dayInfo,
  givenName,
  healthFor,
  inSchoolFor,
  labourFor,
  type Member,
  pickSurname,
  randomFullName,
  VillageIds,
} from './people';
import { hash32, type Random, seededRandom, weightedPick } from './random';
import type { RegionRow } from './regions';
import type { Profile } from './run';
import { CopyRows, nextIds } from './sql';

/**
 * Households per profile: the demo county has Qinzhou's 96,034 (seed 000); the city about a million; the
 * province about 7.2 million, each village's number from its own code alone (so a part of the villages
 * seeded by one process gets the same households as in a single run).
 */
const SCALE: Record<Profile, { total: number } | { perVillage: number } | { meanPerVillage: number }> = {
  demo: { total: 96_034 },
  test: { perVillage: 20 },
  city: { total: 1_000_000 },
  province: { meanPerVillage: 307 },
};

/** Whole villages are put in a batch until it has this many households (~8,500 people). */
const BATCH_HOUSEHOLDS = 2_500;

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
const yearOfDay = (day: number) => dayInfo(day).year;
const isoDate = (day: number) => dayInfo(day).iso;

export type Env = { today: number; currentYear: number; line: number };

export type Village = {
  code: string;
  name: string;
  townshipName: string;
  countyName: string;
  isPoor: boolean;
  plannedExitYear: number | null;
  households: number;
};

/** Households per village: a weight from the village code, apportioned to the profile's total (largest remainder). */
export function householdCounts(profile: Profile, villageCodes: readonly string[]): Map<string, number> {
  const scale = SCALE[profile];
  const weights = villageCodes.map((code) => 0.55 + 0.9 * seededRandom(hash32(`${code}:size`)).next()); // mean 1
  if ('meanPerVillage' in scale)
    return new Map(villageCodes.map((code, i) => [code, Math.round(scale.meanPerVillage * weights[i])]));
  const total = 'total' in scale ? scale.total : scale.perVillage * villageCodes.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return new Map(villageCodes.map((code, i) => [code, counts[i]]));
}

// ───────────────────────── column buffers ─────────────────────────

export class Batch {
  households = 0;
  readonly h = {
    region: [] as string[],
    group: [] as string[],
    headName: [] as string[],
    initials: [] as string[],
    status: [] as string[],
    since: [] as string[],
    identified: [] as (number | null)[],
    exit: [] as (number | null)[],
    causes: [] as (string | null)[],
    allowance: [] as string[],
    members: [] as number[],
    food: [] as boolean[],
    clothing: [] as boolean[],
    education: [] as boolean[],
    medical: [] as boolean[],
    housing: [] as boolean[],
    water: [] as boolean[],
  };
  readonly p = {
    hh: [] as number[],
    region: [] as string[],
    name: [] as string[],
    relation: [] as string[],
    isHead: [] as boolean[],
    enc: [] as string[],
    hash: [] as string[],
    last4: [] as string[],
    sex: [] as string[],
    birth: [] as string[],
    health: [] as string[],
    labour: [] as string[],
    school: [] as boolean[],
  };
  readonly e = {
    hh: [] as number[],
    region: [] as string[],
    from: [] as string[],
    to: [] as string[],
    at: [] as string[],
    user: [] as string[],
    note: [] as string[],
  };
  readonly i = {
    hh: [] as number[],
    year: [] as number[],
    wage: [] as number[],
    production: [] as number[],
    property: [] as number[],
    transfer: [] as number[],
  };
  readonly plan = {
    hh: [] as number[],
    target: [] as number[],
    measures: [] as Measure[][],
    region: [] as string[],
    agreed: [] as string[],
  };
}

type Measure = ReturnType<typeof measures>[number];

/** Writes a batch in one transaction, each table streamed with COPY; ids are taken from the sequences first. */
async function copyBatch(client: pg.Client, b: Batch, superuser: boolean): Promise<void> {
  const { h, p, e, i, plan } = b;
  const ids = await nextIds(client, 'household', b.households); // ids[ord - 1] is the household's id
  const planIds = await nextIds(client, 'help_plan', plan.hh.length);
  const households = new CopyRows(
    `household (id, region_code, group_name, head_name, head_initials, status, status_since, identified_year, exit_year,
      poverty_causes, allowance, member_count, food_secure, clothing_secure, education_secure, medical_secure, housing_secure, water_secure)`,
  );
  for (let k = 0; k < b.households; k++)
    households.add(
      ids[k],
      h.region[k],
      h.group[k],
      h.headName[k],
      h.initials[k],
      h.status[k],
      h.since[k],
      h.identified[k],
      h.exit[k],
      h.causes[k],
      h.allowance[k],
      h.members[k],
      h.food[k],
      h.clothing[k],
      h.education[k],
      h.medical[k],
      h.housing[k],
      h.water[k],
    );
  const people = new CopyRows(
    `person (household_id, region_code, name, relation, is_head, id_number_enc, id_number_hash, id_last4, sex, birth_date,
      health, labour, in_school)`,
  );
  for (let k = 0; k < p.hh.length; k++)
    people.add(
      ids[p.hh[k] - 1],
      p.region[k],
      p.name[k],
      p.relation[k],
      p.isHead[k],
      p.enc[k],
      p.hash[k],
      p.last4[k],
      p.sex[k],
      p.birth[k],
      p.health[k],
      p.labour[k],
      p.school[k],
    );
  const events = new CopyRows('status_event (household_id, region_code, from_status, to_status, at, user_name, note)');
  for (let k = 0; k < e.hh.length; k++)
    events.add(ids[e.hh[k] - 1], e.region[k], e.from[k], e.to[k], e.at[k], e.user[k], e.note[k]);
  const incomes = new CopyRows(
    'household_income (household_id, year, wage_yuan, production_yuan, property_yuan, transfer_yuan)',
  );
  for (let k = 0; k < i.hh.length; k++)
    incomes.add(ids[i.hh[k] - 1], i.year[k], i.wage[k], i.production[k], i.property[k], i.transfer[k]);
  const plans = new CopyRows('help_plan (id, household_id, region_code, year, income_target_yuan, agreed_on)');
  const planMeasures = new CopyRows('help_measure (plan_id, kind, target, amount_yuan, status)');
  for (let k = 0; k < plan.hh.length; k++) {
    plans.add(
      planIds[k],
      ids[plan.hh[k] - 1],
      plan.region[k],
      Number(plan.agreed[k].slice(0, 4)),
      plan.target[k],
      plan.agreed[k],
    );
    for (const m of plan.measures[k]) planMeasures.add(planIds[k], m.kind, m.target, m.amountYuan, m.status);
  }
  await client.query('BEGIN');
  try {
    // Triggers off for this transaction, as a restore does (a superuser's right): the rows are consistent by
    // construction, so the foreign-key checks (one per row, some 50 million at province scale) are skipped, and
    // the figures queue the statement triggers would fill is filled here. Unique indexes are still checked.
    if (superuser) await client.query(`SET LOCAL session_replication_role = replica`);
    for (const rows of [households, people, events, incomes, plans, planMeasures]) await rows.copy(client);
    if (superuser)
      await client.query('INSERT INTO figures_stale (village_code) SELECT DISTINCT unnest($1::text[])', [h.region]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

// ───────────────────────── status histories ─────────────────────────

type Step = { to: HouseholdStatus; day: number; note: string };
type History = {
  status: HouseholdStatus;
  identifiedYear: number | null;
  exitYear: number | null;
  /** Year the household returned to poverty. */
  returnYear: number | null;
  steps: Step[];
};

const ACTOR: Record<HouseholdStatus, 'VILLAGE' | 'TOWNSHIP' | 'COUNTY'> = {
  NOT_POOR: 'TOWNSHIP',
  APPLIED: 'VILLAGE',
  APPRAISED: 'VILLAGE',
  FIRST_NOTICE: 'VILLAGE',
  TOWNSHIP_REVIEWED: 'TOWNSHIP',
  SECOND_NOTICE: 'TOWNSHIP',
  COUNTY_REVIEWED: 'COUNTY',
  COUNTY_ANNOUNCEMENT: 'COUNTY',
  REGISTERED_POOR: 'COUNTY',
  EXIT_APPRAISED: 'VILLAGE',
  EXIT_NOTICE: 'VILLAGE',
  EXIT_REVIEWED: 'TOWNSHIP',
  EXIT_ANNOUNCEMENT: 'COUNTY',
  LIFTED_OUT: 'COUNTY',
  MONITORED: 'TOWNSHIP',
  RETURN_NOTICE: 'TOWNSHIP',
  RETURNED_TO_POVERTY: 'COUNTY',
  REMOVAL_PROPOSED: 'TOWNSHIP',
  REMOVAL_NOTICE: 'COUNTY',
  REMOVED: 'COUNTY',
};

const NOTES = {
  proposed: ['农户申请，村民代表大会民主评议', '入户调查摸底，村民代表评议通过', '村两委初选，入户核实'],
  monitored: ['纳入防返贫动态监测：收入不稳定', '纳入防返贫动态监测：因病风险', '纳入防返贫动态监测：脱贫不稳定户'],
  returned: [
    '因病返贫，经核实重新纳入',
    '因灾返贫，经核实重新纳入',
    '务工收入中断，经核实重新纳入',
    '因残返贫，经核实重新纳入',
  ],
};

/** Registration ("two notices, one announcement") in `year`; notices stay up 7–10 days (policy minimum 5). */
function registration(random: Random, year: number): Step[] {
  const proposed = random.int(dayOf(year, 4, 1), dayOf(year, 9, 30));
  const notice = proposed + random.int(1, 5);
  const review = notice + random.int(7, 10);
  const announced = review + random.int(3, 10);
  const registered = announced + random.int(7, 10);
  return [
    { to: 'APPLIED', day: proposed - 1, note: '农户申请' },
    { to: 'APPRAISED', day: proposed, note: random.pick(NOTES.proposed) },
    { to: 'FIRST_NOTICE', day: notice, note: '村内第一次公示' },
    { to: 'TOWNSHIP_REVIEWED', day: review, note: '公示期满无异议，乡镇审核签字背书' },
    { to: 'SECOND_NOTICE', day: review + 1, note: '第二次公示' },
    { to: 'COUNTY_REVIEWED', day: review + 9, note: '第二次公示无异议，县级复核' },
    { to: 'COUNTY_ANNOUNCEMENT', day: announced + 8, note: '县级公告' },
    { to: 'REGISTERED_POOR', day: registered + 8, note: '县级公告无异议，建档立卡' },
  ];
}

/** Start of the exit path in `year`: autumn, or earlier this year; null if it would not be over 40 days before today. */
function exitStart(random: Random, year: number, env: Env): number | null {
  const hi = Math.min(dayOf(year, 12, 1), env.today - 40);
  let lo = dayOf(year, 9, 1);
  if (hi < lo) lo = dayOf(year, 3, 1);
  return hi < lo ? null : random.int(lo, hi);
}

function exitPath(random: Random, start: number, incomeNote: string): Step[] {
  const notice = start + random.int(1, 4);
  const review = notice + random.int(7, 10);
  const lifted = review + random.int(5, 18);
  return [
    { to: 'EXIT_APPRAISED', day: start, note: incomeNote },
    { to: 'EXIT_NOTICE', day: notice, note: '村内退出公示' },
    { to: 'EXIT_REVIEWED', day: review, note: '公示期满无异议，乡镇审核签字背书' },
    { to: 'EXIT_ANNOUNCEMENT', day: review + 1, note: '县级公告退出' },
    { to: 'LIFTED_OUT', day: Math.max(lifted, review + 8), note: '公告期满，退出' },
  ];
}

function history(random: Random, village: Village, env: Env): History {
  const { today, currentYear: cur } = env;
  const none = { identifiedYear: null, exitYear: null, returnYear: null };
  const x = random.next();
  // A few households are going through registration now (dynamic adjustment).
  if (x < 0.012) {
    const kind = weightedPick(random, [
      ['APPLIED', 25],
      ['FIRST_NOTICE', 35],
      ['TOWNSHIP_REVIEWED', 25],
    ] as const);
    if (kind === 'APPLIED')
      return {
        ...none,
        status: kind,
        steps: [{ to: kind, day: today - random.int(1, 20), note: random.pick(NOTES.proposed) }],
      };
    const proposed = today - (kind === 'FIRST_NOTICE' ? random.int(4, 25) : random.int(16, 45));
    const notice = proposed + random.int(1, 3);
    const steps: Step[] = [
      { to: 'APPLIED', day: proposed - 1, note: '农户申请' },
      { to: 'APPRAISED', day: proposed, note: random.pick(NOTES.proposed) },
      { to: 'FIRST_NOTICE', day: notice, note: '村内第一次公示' },
    ];
    if (kind === 'TOWNSHIP_REVIEWED')
      steps.push({ to: kind, day: notice + random.int(7, 10), note: '公示期满无异议，报乡镇审核' });
    return { ...none, status: kind, steps };
  }
  const identifiedYear = weightedPick(random, [
    [2014, 75],
    [2015, 15],
    [2016, 10],
  ] as const);
  const steps = registration(random, identifiedYear);
  const registered = { ...none, identifiedYear, status: 'REGISTERED_POOR' as HouseholdStatus, steps };
  const planned = village.plannedExitYear;
  const liftedShare = !village.isPoor
    ? 0.8
    : planned === null
      ? 0.7
      : planned < cur
        ? 0.93
        : planned === cur
          ? 0.7
          : 0.45;

  if (random.chance(liftedShare)) {
    // Poor villages' households leave by the village's planned exit year, mostly in the last years before it.
    const latest = village.isPoor && planned !== null ? Math.min(planned, cur) : cur;
    const earliest = Math.max(identifiedYear + 1, 2016);
    if (earliest <= latest) {
      const years: [number, number][] = [];
      for (let y = earliest; y <= latest; y++) years.push([y, village.isPoor ? y - earliest + 1 : 1]);
      let exitYear = weightedPick(random, years);
      let start = exitStart(random, exitYear, env);
      if (start === null && exitYear > earliest) start = exitStart(random, --exitYear, env);
      if (start !== null) {
        steps.push(...exitPath(random, start, '拟退出：收入达标，两不愁三保障达标'));
        const lifted = steps[steps.length - 1].day;
        const r = random.next();
        if (r < 0.022 && exitYear < cur) {
          // Monitored, then back in poverty: well under the 5% return-rate ceiling.
          const monitored = Math.min(lifted + random.int(30, 300), today - 20);
          const returned = Math.min(monitored + random.int(10, 500), today - 1);
          if (monitored > lifted && returned > monitored) {
            steps.push({ to: 'MONITORED', day: monitored, note: random.pick(NOTES.monitored) });
            steps.push({ to: 'RETURNED_TO_POVERTY', day: returned, note: random.pick(NOTES.returned) });
            return { identifiedYear, exitYear, returnYear: yearOfDay(returned), status: 'RETURNED_TO_POVERTY', steps };
          }
        } else if (r < 0.17) {
          const monitored = Math.min(lifted + random.int(30, 400), today - 1);
          if (monitored > lifted) {
            steps.push({ to: 'MONITORED', day: monitored, note: random.pick(NOTES.monitored) });
            return { identifiedYear, exitYear, returnYear: null, status: 'MONITORED', steps };
          }
        }
        return { identifiedYear, exitYear, returnYear: null, status: 'LIFTED_OUT', steps };
      }
    }
  }
  // Still poor: some are on their way out this season.
  if (random.chance(village.isPoor && planned === cur ? 0.2 : 0.08)) {
    if (random.chance(0.5)) {
      steps.push({ to: 'EXIT_APPRAISED', day: today - random.int(1, 15), note: '拟退出：收入达标，两不愁三保障达标' });
      return { ...registered, status: 'EXIT_APPRAISED' };
    }
    const proposed = today - random.int(3, 20);
    steps.push({ to: 'EXIT_APPRAISED', day: proposed, note: '拟退出：收入达标，两不愁三保障达标' });
    steps.push({ to: 'EXIT_NOTICE', day: Math.min(proposed + random.int(1, 2), today - 1), note: '村内退出公示' });
    return { ...registered, status: 'EXIT_NOTICE' };
  }
  return registered;
}

// ───────────────────────── household facts ─────────────────────────

const CAUSE_WEIGHTS: [PovertyCause, number][] = [
  ['ILLNESS', 25],
  ['LACK_OF_FUNDS', 20],
  ['LACK_OF_SKILLS', 15],
  ['LACK_OF_LABOUR', 12],
  ['SCHOOLING', 7],
  ['DISABILITY', 6],
  ['DISASTER', 3],
  ['LACK_OF_LAND', 3],
  ['LACK_OF_WATER', 3],
  ['POOR_TRANSPORT', 3],
  ['WEAK_DRIVE', 3],
];

/** 1–2 causes, weighted by what the household's members show (illness, disability, pupils, no labour). */
function povertyCauses(random: Random, members: Member[]): PovertyCause[] {
  const sick = members.some((m) => m.health === 'CHRONIC' || m.health === 'SERIOUS');
  const disabled = members.some((m) => m.health === 'DISABLED');
  const students = members.some((m) => m.inSchool && m.age >= 15);
  const labour = members.filter((m) => m.labour === 'NORMAL').length;
  const weights = CAUSE_WEIGHTS.map(([cause, w]): [PovertyCause, number] => {
    if (cause === 'ILLNESS') return [cause, w * (sick ? 4 : 0.15)];
    if (cause === 'DISABILITY') return [cause, disabled ? w * 8 : 0];
    if (cause === 'SCHOOLING') return [cause, students ? w * 5 : 0];
    if (cause === 'LACK_OF_LABOUR') return [cause, w * (labour === 0 ? 6 : labour === 1 ? 1 : 0.2)];
    return [cause, w];
  });
  const first = weightedPick(random, weights);
  if (random.chance(0.55)) return [first];
  return [
    first,
    weightedPick(
      random,
      weights.filter(([c]) => c !== first),
    ),
  ];
}

function allowanceFor(random: Random, members: Member[]): AllowanceType {
  const labour = members.filter((m) => m.labour === 'NORMAL').length;
  const severe = members.some((m) => m.health === 'SERIOUS' || m.health === 'DISABLED');
  if (members.length === 1 && members[0].age >= 60 && labour === 0 && random.chance(0.6)) return 'WUBAO';
  if (severe && labour === 0 && random.chance(0.5)) return 'DIBAO_1';
  if ((severe || labour === 0) && random.chance(0.3)) return 'DIBAO_2';
  return random.chance(0.05) ? 'DIBAO_2' : 'NONE';
}

type Guarantees = {
  food: boolean;
  clothing: boolean;
  education: boolean;
  medical: boolean;
  housing: boolean;
  water: boolean;
};
const ALL_SECURE: Guarantees = {
  food: true,
  clothing: true,
  education: true,
  medical: true,
  housing: true,
  water: true,
};

/** 两不愁三保障 of a household still poor: housing and medical care fail most often. */
function guaranteesOfPoor(random: Random, members: Member[]): Guarantees {
  const sick = members.some((m) => m.health !== 'HEALTHY');
  const schoolAge = members.some((m) => m.age >= 6 && m.age <= 15);
  return {
    food: !random.chance(0.02),
    clothing: !random.chance(0.02),
    education: !(schoolAge && random.chance(0.1)),
    medical: !random.chance(sick ? 0.35 : 0.12),
    housing: !random.chance(0.3),
    water: !random.chance(0.12),
  };
}

type IncomeClass = 'below' | 'near' | 'above';
const CLASS_RANGE: Record<IncomeClass, [number, number]> = {
  below: [0.45, 0.97],
  near: [1.02, 1.25],
  above: [1.08, 1.9],
};

/** Income rows for the last three years, each year's per-capita income in the class the history implies. */
function incomes(
  random: Random,
  members: Member[],
  allowance: AllowanceType,
  classOf: (year: number) => IncomeClass,
  env: Env,
) {
  const n = members.length;
  const labourers = members.filter((m) => m.labour === 'NORMAL').length;
  const weak = members.filter((m) => m.labour === 'WEAK').length;
  const elderly = members.filter((m) => m.age >= 60).length;
  const transferShare = Math.min(
    0.95,
    { WUBAO: 0.7, DIBAO_1: 0.45, DIBAO_2: 0.3, NONE: 0.1 }[allowance] + 0.05 * Math.min(elderly, 2),
  );
  const propertyShare = random.next() * 0.08;
  const wageBias = labourers > 0 ? 0.35 + 0.12 * Math.min(labourers, 3) : weak > 0 ? 0.1 : 0;
  let factor = 0;
  const rows: {
    year: number;
    wage: number;
    production: number;
    property: number;
    transfer: number;
    perCapita: number;
  }[] = [];
  for (let year = env.currentYear - 2; year <= env.currentYear; year++) {
    const [lo, hi] = CLASS_RANGE[classOf(year)];
    // Incomes grow a little each year, within the class.
    factor =
      factor === 0 ? lo + random.next() * (hi - lo) : Math.min(hi, Math.max(lo, factor * (1.02 + random.next() * 0.1)));
    const total = Math.round((env.line * factor * n) / 10) * 10;
    const transfer = Math.round((total * transferShare * (0.85 + random.next() * 0.3)) / 10) * 10;
    const property = Math.round((total * propertyShare) / 10) * 10;
    const rest = Math.max(0, total - transfer - property);
    const wage = Math.round((rest * wageBias * (0.7 + random.next() * 0.5)) / 10) * 10;
    const production = total - transfer - property - wage;
    rows.push({ year, wage, production, property, transfer, perCapita: Math.round(total / n) });
  }
  return rows;
}

const INDUSTRY = [
  (r: Random) => `养殖肉牛 ${r.int(1, 4)} 头`,
  (r: Random) => `养殖肉羊 ${r.int(5, 20)} 只`,
  (r: Random) => `种植花椒 ${r.int(2, 8)} 亩`,
  (r: Random) => `种植苹果 ${r.int(2, 6)} 亩`,
  (r: Random) => `种植中药材 ${r.int(2, 6)} 亩`,
  (r: Random) => `养殖土鸡 ${r.int(5, 20) * 10} 只`,
  (r: Random) => `种植核桃 ${r.int(3, 10)} 亩`,
  (r: Random) => `种植马铃薯 ${r.int(3, 10)} 亩`,
  (r: Random) => `养蜂 ${r.int(10, 30)} 箱`,
  (r: Random) => `蔬菜大棚 ${r.int(1, 2)} 座`,
];
const EMPLOYMENT = [
  '公益岗位：护林员',
  '公益岗位：保洁员',
  '公益岗位：道路养护员',
  '劳务输转：赴新疆拾棉',
  '扶贫车间务工',
  '技能培训：电焊工',
  '技能培训：家政服务',
  '技能培训：厨师',
];
const EDUCATION = ['雨露计划补助 3000 元', '义务教育阶段两免一补', '生源地信用助学贷款', '高中阶段免学费'];
const HEALTH = ['家庭医生签约服务', '大病保险与医疗救助', '慢病门诊报销', '先诊疗后付费'];
const HOUSING = ['农村危房改造 补助 2 万元', '危房改造（C 级加固）', '农村危房改造 补助 3.5 万元'];
const RELOCATION = ['易地扶贫搬迁 集中安置', '易地扶贫搬迁 分散安置'];
const LOAN = [
  (r: Random) => `精准扶贫专项贷款 ${r.int(1, 5)} 万元`,
  (r: Random) => `互助资金借款 ${r.int(5, 10) * 1000} 元`,
];
const OTHER_CLAIM = ['食用菌大棚认领 1 座', '村集体经济入股分红', '食用菌认领 5000 袋'];

/** A plan's measures (lib/plans/rules.ts kinds): loans and other claims count as industry; the
 * paired cadre is linked once pairings exist (prisma/seed/monitoring.ts). */
function measures(
  random: Random,
  members: Member[],
  causes: PovertyCause[],
  g: Guarantees,
): { kind: string; target: string; amountYuan: number | null; status: string }[] {
  const list: { kind: string; target: string; amountYuan: number | null; status: string }[] = [];
  const add = (kind: string, target: string, amountYuan: number | null = null) => {
    if (list.some((m) => m.kind === kind)) return;
    const status = random.chance(0.45) ? 'DONE' : random.chance(0.6) ? 'IN_PROGRESS' : 'PLANNED';
    list.push({ kind, target, amountYuan, status });
  };
  const labour = members.some((m) => m.labour === 'NORMAL');
  const has = (c: PovertyCause) => causes.includes(c);
  if (has('ILLNESS') || has('DISABILITY') || !g.medical)
    add(
      'HEALTH',
      members.some((m) => m.health === 'DISABLED') && random.chance(0.5) ? '残疾人两项补贴' : random.pick(HEALTH),
    );
  if (has('DISABILITY') && random.chance(0.3)) add('SOCIAL_ASSISTANCE', '纳入农村低保', random.int(30, 45) * 100);
  if (has('SCHOOLING') || !g.education) add('EDUCATION', random.pick(EDUCATION), random.chance(0.5) ? 3000 : null);
  if (!g.housing) add('HOUSING', random.pick(HOUSING), random.pick([20000, 35000]));
  if ((has('LACK_OF_WATER') || has('POOR_TRANSPORT') || has('DISASTER')) && random.chance(0.6))
    add('RELOCATION', random.pick(RELOCATION));
  if (labour && (has('LACK_OF_SKILLS') || random.chance(0.3))) add('EMPLOYMENT', random.pick(EMPLOYMENT));
  if (labour && (has('LACK_OF_FUNDS') || random.chance(0.2)))
    add('INDUSTRY', `小额信贷：${random.pick(LOAN)(random)}`, random.int(1, 5) * 10000);
  if (labour || random.chance(0.4)) add('INDUSTRY', random.pick(INDUSTRY)(random), random.int(20, 50) * 100);
  if (random.chance(0.55)) add('PV', '光伏收益认领 3 千瓦', 3000);
  if (list.length < 2 && random.chance(0.5)) add('INDUSTRY', random.pick(OTHER_CLAIM));
  if (list.length < 2) add('PV', '光伏收益认领 3 千瓦', 3000);
  return list.slice(0, 4);
}

// ───────────────────────── one village ─────────────────────────

const POOR_NOW: HouseholdStatus[] = ['REGISTERED_POOR', 'RETURNED_TO_POVERTY', 'EXIT_APPRAISED', 'EXIT_NOTICE'];

function eventTime(random: Random, day: number): string {
  // Office hours in China (UTC+8): 09:00–17:59 local is 01:00–09:59 UTC on the same date.
  return new Date(day * DAY_MS + random.int(1 * 60, 9 * 60 + 59) * 60_000 + random.int(0, 59) * 1000).toISOString();
}

export function generateVillage(village: Village, env: Env, batch: Batch): { people: number } {
  const random = seededRandom(hash32(village.code));
  const groups = random.int(4, 8);
  // A few clans make up a good part of a village (NW China).
  const clans = Array.from({ length: random.int(2, 4) }, () => pickSurname(random));
  const clanShare = 0.3 + random.next() * 0.35;
  // Drawn as before pairings were linked to plans, so the rest of the demo stays as it was.
  Array.from({ length: random.int(4, 10) }, () => randomFullName(random));
  const poorShare = village.isPoor ? 0.17 + random.next() * 0.07 : 0.025 + random.next() * 0.03;
  const ids = new VillageIds(village.code, env.today - 1);
  const actor = {
    VILLAGE: `${village.name}${village.isPoor ? '驻村工作队' : '村委会'}`,
    TOWNSHIP: `${village.townshipName}人民政府`,
    COUNTY: `${village.countyName}扶贫办`,
  };
  const { h, p, e, i, plan } = batch;
  let people = 0;

  for (let k = 0; k < village.households; k++) {
    const everPoor = random.chance(poorShare);
    const headSurname = random.chance(clanShare) ? random.pick(clans) : pickSurname(random);
    const drafts = buildFamily(random, everPoor, headSurname);
    const names = new Set<string>();
    const members = drafts.map((d): Member & { id: string } => {
      const taken = ids.take(env.today - Math.floor(d.age * 365.2425) - random.int(0, 364), d.sex);
      let name: string;
      do name = d.surname + givenName(random, d.sex, yearOfDay(taken.day));
      while (names.has(name));
      names.add(name);
      const health: HealthStatus = healthFor(random, d.age, everPoor);
      const inSchool = inSchoolFor(random, d.age);
      return {
        ...d,
        id: taken.id,
        name,
        birthDay: taken.day,
        health,
        inSchool,
        labour: labourFor(random, d.age, health, inSchool),
      };
    });

    const ord = ++batch.households;
    const head = members[0];
    for (const m of members) {
      p.hh.push(ord);
      p.region.push(village.code);
      p.name.push(m.name);
      p.relation.push(m.relation);
      p.isHead.push(m.relation === 'HEAD');
      p.enc.push(encryptText(m.id));
      p.hash.push(lookupHash(m.id));
      p.last4.push(m.id.slice(-4));
      p.sex.push(m.sex);
      p.birth.push(isoDate(m.birthDay));
      p.health.push(m.health);
      p.labour.push(m.labour);
      p.school.push(m.inSchool);
    }
    people += members.length;

    let status: HouseholdStatus = 'NOT_POOR';
    let since = eventTime(random, random.int(dayOf(2014, 4, 1), dayOf(2014, 10, 31))); // entered in the 2014 survey
    let identified: number | null = null;
    let exitYear: number | null = null;
    let causes: PovertyCause[] | null = null;
    let allowance: AllowanceType = 'NONE';
    let g = ALL_SECURE;

    if (everPoor) {
      const hist = history(random, village, env);
      status = hist.status;
      identified = hist.identifiedYear;
      exitYear = hist.exitYear;
      causes = povertyCauses(random, members);
      allowance = allowanceFor(random, members);
      const lifted = status === 'LIFTED_OUT' || status === 'MONITORED';
      const exiting = status === 'EXIT_APPRAISED' || status === 'EXIT_NOTICE';
      if (!lifted && !exiting) g = guaranteesOfPoor(random, members);
      if (status === 'RETURNED_TO_POVERTY') g = { ...g, medical: g.medical && !causes.includes('ILLNESS') };

      const nearNow = random.chance(0.15);
      const classOf = (year: number): IncomeClass => {
        if (status === 'LIFTED_OUT') return year >= exitYear! ? 'above' : 'below';
        if (status === 'MONITORED') return year >= exitYear! ? 'near' : 'below';
        if (status === 'RETURNED_TO_POVERTY')
          return year >= hist.returnYear! ? 'below' : year >= exitYear! ? 'near' : 'below';
        if (exiting) return year === env.currentYear ? 'near' : 'below';
        if (status === 'REGISTERED_POOR') return nearNow && year === env.currentYear ? 'near' : 'below';
        return 'below';
      };
      const rows = incomes(random, members, allowance, classOf, env);
      for (const row of rows) {
        i.hh.push(ord);
        i.year.push(row.year);
        i.wage.push(row.wage);
        i.production.push(row.production);
        i.property.push(row.property);
        i.transfer.push(row.transfer);
      }

      let from: HouseholdStatus = 'NOT_POOR';
      let lastAt = since;
      for (const step of hist.steps) {
        let note = step.note;
        if (step.to === 'EXIT_APPRAISED') {
          const year = yearOfDay(step.day);
          const row = rows.find((r) => r.year === year);
          const perCapita =
            row && row.perCapita >= env.line
              ? row.perCapita
              : Math.round((env.line * (1.1 + random.next() * 0.5)) / 10) * 10;
          note = `拟退出：人均可支配收入 ${perCapita} 元，两不愁三保障达标`;
        }
        lastAt = eventTime(random, step.day);
        e.hh.push(ord);
        e.region.push(village.code);
        e.from.push(from);
        e.to.push(step.to);
        e.at.push(lastAt);
        e.user.push(actor[ACTOR[step.to]]);
        e.note.push(note);
        from = step.to;
      }
      since = lastAt;

      if (POOR_NOW.includes(status)) {
        const lastDay = hist.steps[hist.steps.length - 1].day;
        const registeredDay = hist.steps.find((s) => s.to === 'REGISTERED_POOR')!.day;
        // Plans are renewed every year; a returned household's plan is made after it returned.
        const agreed =
          status === 'RETURNED_TO_POVERTY'
            ? Math.min(lastDay + random.int(3, 40), env.today - 1)
            : exiting
              ? Math.max(registeredDay + 10, lastDay - random.int(60, 330))
              : Math.max(registeredDay + 10, env.today - random.int(10, 330));
        plan.hh.push(ord);
        plan.target.push(Math.round((env.line * (1.1 + random.next() * 0.4)) / 100) * 100);
        plan.measures.push(measures(random, members, causes, g));
        plan.region.push(village.code);
        plan.agreed.push(isoDate(agreed));
      }
    }

    h.region.push(village.code);
    h.group.push(`${random.int(1, groups)}组`);
    h.headName.push(head.name);
    h.initials.push(initialsOf(head.name));
    h.status.push(status);
    h.since.push(since);
    h.identified.push(identified);
    h.exit.push(exitYear);
    h.causes.push(causes ? `{${causes.join(',')}}` : null);
    h.allowance.push(allowance);
    h.members.push(members.length);
    h.food.push(g.food);
    h.clothing.push(g.clothing);
    h.education.push(g.education);
    h.medical.push(g.medical);
    h.housing.push(g.housing);
    h.water.push(g.water);
  }
  return { people };
}

const initialsCache = new Map<string, string>();
function initialsOf(name: string): string {
  let initials = initialsCache.get(name);
  if (initials === undefined) initialsCache.set(name, (initials = pinyinInitials(name)));
  return initials;
}

// ───────────────────────── entry point ─────────────────────────

/** Seeds the households of the profile's villages (those without households yet). */
export async function seedHouseholds(
  databaseUrl: string,
  profile: Profile,
  regions: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  if (!process.env.PII_KEY) throw new Error('PII_KEY is not set: the seed encrypts ID numbers with it.');
  const started = Date.now();
  const villageCodes = regions
    .filter((r) => r.level === 'VILLAGE')
    .map((r) => r.code)
    .sort();
  if (villageCodes.length === 0) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Bulk load: a crash loses at most the last batches, which a rerun writes again (villages without households).
    await client.query('SET synchronous_commit = off');
    const { rows: role } = await client.query<{ superuser: boolean }>(
      'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
    );
    const superuser = role[0]?.superuser === true;
    const existing = await client.query<{ region_code: string; n: number }>(
      'SELECT region_code, count(*)::int AS n FROM household WHERE region_code = ANY($1::text[]) GROUP BY region_code',
      [villageCodes],
    );
    const seeded = new Set(existing.rows.map((r) => r.region_code));
    if (seeded.size === villageCodes.length) {
      const n = existing.rows.reduce((a, r) => a + r.n, 0);
      log(`households: already there (${n.toLocaleString('en')} in ${seeded.size} villages), skipped`);
      return;
    }
    if (seeded.size > 0)
      log(`households: ${seeded.size} of ${villageCodes.length} villages already have households, left as they are`);

    // Names and flags as the database has them (a region seeded by another profile keeps its first version).
    const codes = [...new Set(villageCodes.flatMap((c) => [c, c.slice(0, 9), c.slice(0, 6)]))];
    const regionRows = await client.query<{
      code: string;
      name: string;
      is_poor_village: boolean;
      planned_exit_year: number | null;
    }>('SELECT code, name, is_poor_village, planned_exit_year FROM region WHERE code = ANY($1::text[])', [codes]);
    const byCode = new Map(regionRows.rows.map((r) => [r.code, r]));
    const counts = householdCounts(profile, villageCodes);
    const villages: Village[] = villageCodes.map((code) => {
      const row = byCode.get(code);
      if (!row) throw new Error(`Village ${code} is not in the region table`);
      return {
        code,
        name: row.name,
        townshipName: byCode.get(code.slice(0, 9))?.name ?? '',
        countyName: byCode.get(code.slice(0, 6))?.name ?? '',
        isPoor: row.is_poor_village,
        plannedExitYear: row.planned_exit_year,
        households: counts.get(code)!,
      };
    });
    const currentYear = chinaYear();
    const env: Env = {
      today: Math.floor((Date.now() + CHINA_OFFSET_MS) / DAY_MS),
      currentYear,
      line: DEFAULT_POLICY.incomeLineYuan,
    };

    const totals = { households: 0, people: 0, events: 0, incomes: 0, plans: 0 };
    let batch = new Batch();
    let inFlight: Promise<unknown> | null = null;
    let failure: unknown = null;
    let waited = 0;
    const flush = async () => {
      const waitStart = Date.now();
      if (inFlight) await inFlight;
      waited += Date.now() - waitStart;
      if (failure) throw failure;
      if (batch.households === 0) return;
      totals.households += batch.households;
      totals.people += batch.p.hh.length;
      totals.events += batch.e.hh.length;
      totals.incomes += batch.i.hh.length;
      totals.plans += batch.plan.hh.length;
      // Sent now, awaited before the next one: the next batch is generated while this one is written.
      inFlight = copyBatch(client, batch, superuser).catch((error: unknown) => {
        failure = error;
      });
      batch = new Batch();
    };

    let nextReport = 1;
    for (let v = 0; v < villages.length; v++) {
      const village = villages[v];
      if (!seeded.has(village.code)) {
        generateVillage(village, env, batch);
        if (batch.households >= BATCH_HOUSEHOLDS) await flush();
        // Let the socket send the batch in flight while generating.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (villages.length >= 20 && (v + 1) * 10 >= nextReport * villages.length && v + 1 < villages.length) {
        while ((v + 1) * 10 >= nextReport * villages.length) nextReport++;
        log(
          `households: ${Math.floor(((v + 1) * 100) / villages.length)}% of villages (${v + 1}/${villages.length}), ${(totals.households + batch.households).toLocaleString('en')} households, ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      }
    }
    await flush();
    await flush(); // waits for the last batch
    const f = (n: number) => n.toLocaleString('en');
    log(
      `households: ${f(totals.households)} new in ${villages.length - seeded.size} villages, ${f(totals.people)} people, ` +
        `${f(totals.events)} status events, ${f(totals.incomes)} income rows, ${f(totals.plans)} help plans (${((Date.now() - started) / 1000).toFixed(1)} s, ${(waited / 1000).toFixed(1)} s of it waiting for the database)`,
    );
  } finally {
    await client.end();
  }
}
