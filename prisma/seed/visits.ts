// Seeds the household visits (走访) and the problem ledger (问题台账) of a profile (DOMAIN.md: Visits and the
// problem ledger), for a year up to yesterday (test profile: the last 90 days):
//   - each pairing's cadre visits their household: the poor (POOR_STATUSES) about monthly (10–14 a year), the
//     lifted-out and monitored about quarterly (3–5), the latest visit within the last 28 days except for ~5 % of
//     the pairings (none in the last 30 days); ended pairings were visited up to their end;
//   - the work team sweeps every household of its village once a quarter, i.e. once in each period of the county's
//     team visit policy (teamVisitDays, 90 days) going back from this quarter's sweep (a few households, ~1.5 %,
//     were missed this quarter); the team goes round the village in about the same order each time, so a household
//     is visited at about the same point of each sweep (gaps of about one period); the team leader visits each poor
//     household of the village about monthly (~3 % not in the last 30 days);
//   - problems found on visits (most), inspections (~10 %) and reports (~5 %), ~10 % of the village as a whole,
//     with their full step history; ≈ 95 % of those older than two months struck off (销号), a few dozen overdue,
//     ~3 % escalated (限期整改) to the township or a county department and still open, a handful reopened;
//   - test profile: fixed problems the tests rely on (TEST_PROBLEM_FIXTURES).
// Who recorded a visit (visit.visitor_id, NOT NULL: the logged-in user): most cadres have no account, so their
// visits are recorded as entered by the township's staff account (TOWNSHIP_STAFF of the household's township),
// else by the county's admin account (else the demo `county` account). Cadres with an account (周明 → `cadre`,
// the team's `teamleader` / `member`, the city's bench accounts) recorded their own. visitor_cadre_id is always
// the visiting cadre, so coverage is judged by it. Problem steps use the existing accounts the same way: village
// work by the village's team account, else the township's, else the county's; strike-off (and send-back) by a
// township or county account that never is the one who recorded the solution (four-eyes rule).
// Deterministic: visits come from hashes of the pairing / household ids computed in SQL, problems from one PRNG
// per county seeded from its code. Written with `pg`: visits with one INSERT ... SELECT over generate_series per
// county, problems and steps with unnest(...). Idempotent per county: a county that already has seeded visits
// (client keys 'seed-…') is left as it is, visits and problems and all; records logged in the app do not count.
import pg from 'pg';
import type {
  ProblemCategory,
  ProblemOwner,
  ProblemSource,
  ProblemStatus,
  ProblemStepKind,
  Urgency,
} from '../../lib/generated/prisma/enums';
import { POOR_STATUSES } from '../../lib/households/rules';
import { DEFAULT_POLICY } from '../../lib/policy/rules';
import { type DeadlinePolicy, deadlineDays } from '../../lib/problems/rules';
import { chinaToday, dateOfDayNumber, dayNumber } from '../../lib/time';
import { type Actors, loadActors } from './actors';
import { type SeedActor, type ProblemPlan as SharedProblemPlan, type StepPlan, writeProblems } from './problems';
import { DEMO_COUNTY_CODE } from './profiles';
import { hash32, type Random, seededRandom, shuffle, weightedPick } from './random';
import type { RegionRow } from './regions';
import type { Profile } from './run';

/** The village of the demo accounts `teamleader` / `member` in the test profile (users.ts: the first poor village). */
const FIXTURE_VILLAGE = `${DEMO_COUNTY_CODE}101201`;

/**
 * Fixed problems of the test profile, found by their descriptions (unique). In FIXTURE_VILLAGE these are the
 * only problems (the random ones of the test profile avoid it), and likewise in county 990103.
 */
export const TEST_PROBLEM_FIXTURES = {
  village: FIXTURE_VILLAGE,
  /** OPEN, owner VILLAGE_TEAM, found two days ago from a visit of a household of the village, deadline ahead. */
  open: [
    '东头老屋后墙开裂漏雨，雨季前需加固修缮',
    '次子初二辍学在外务工，需劝返复学',
    '户主高血压慢性病卡未办理，需协助申办',
  ],
  /** IN_PROGRESS and overdue (deadline three days ago), owner VILLAGE_TEAM. */
  overdue: '院内入户自来水管冻裂，需更换管道',
  /** ESCALATED to the township (owner TOWNSHIP) with a deadline ahead. */
  escalated: '宅基地边界与邻户存在纠纷，需乡镇调解',
  /** SOLVED by `teamleader`: he may not strike it off, `township` may. */
  solved: { description: '低保评定结果有异议，已入户解释政策并重新核查', solvedBy: 'teamleader' },
  /** STRUCK_OFF: solved by `teamleader`, struck off by `township`. */
  struckOff: { description: '厕所改造未完工，已督促施工队完成', solvedBy: 'teamleader', struckOffBy: 'township' },
  /** Problems in FIXTURE_VILLAGE: 3 open + overdue + escalated + solved + struck off. */
  villageCount: 7,
  /** County 990103 (account `county2`): one OPEN, one SOLVED (by `county`, so `county2` may strike it off). */
  otherCounty: {
    county: '990103',
    open: '村组道路塌方影响出行，需清理修复',
    solved: { description: '家中劳动力外出务工后老人无人照料，已联系邻里结对帮扶', solvedBy: 'county' },
    count: 2,
  },
  /** The test profile's random problems: in county 990102 outside FIXTURE_VILLAGE, about this many. */
  randomCount: 33,
} as const;

/** The visits of the test profile cover the last this many days (the other profiles: a year). */
export const TEST_VISIT_DAYS = 90;

// ───────────────────────── helpers ─────────────────────────

const iso = (day: number) => dateOfDayNumber(day);

// ───────────────────────── visit texts ─────────────────────────

const MET_IN_PERSON = [
  '户主本人',
  '户主本人',
  '户主本人',
  '户主及配偶',
  '配偶',
  '户主父母',
  '子女',
  '户主本人及子女',
  '儿媳',
  '户主母亲',
];
const MET_PHONE = ['户主本人（电话）', '户主本人（电话）', '配偶（电话）', '在外务工的子女（电话）'];
const MET_GROUP = ['户主参加村民小组会', '户主及配偶参加院坝会', '户主参加政策宣讲会'];

const FINDINGS = [
  '家中生活正常，两不愁三保障落实到位',
  '户主身体状况稳定，按时服药',
  '子女在校就读正常，享受教育资助',
  '房屋安全，无漏雨开裂',
  '饮水正常，自来水入户',
  '家庭收入主要来自务工，较上年有所增加',
  '养殖的牛羊长势良好，已出栏部分',
  '户主反映农机补贴尚未到账',
  '家中老人行动不便，需定期照看',
  '医保已参保，住院报销已落实',
  '产业奖补资金已到户',
  '了解春耕备耕情况，种子化肥已备齐',
  '户主有外出务工意愿，登记就业需求',
  '家中有残疾人，两项补贴按时发放',
  '低保金按月发放到户',
  '核对家庭人口和收入信息，与系统一致',
];
const FINDINGS_PHONE = [
  '家中锁门，电话联系户主，了解近况',
  '户主在外务工，电话了解就业和收入情况',
  '家中无人，电话回访，户主反映一切正常',
];
const FINDINGS_GROUP = ['参加村民小组会，宣讲帮扶政策', '院坝会上听取群众意见建议', '集中宣讲医保、教育资助政策'];

const HELP = [
  '宣讲扶贫政策，核对明白卡',
  '协助办理医保报销手续',
  '帮助联系就业岗位',
  '送去米面油等慰问品',
  '协助申请产业奖补',
  '帮助打扫卫生，整理庭院',
  '讲解小额信贷政策',
  '联系村医上门随访',
  '协助子女办理教育资助',
  '帮助销售农产品',
  '指导科学养殖',
  '填写收入台账',
  '协调技术员上门指导',
  '讲解防返贫监测政策',
  '送去冬季取暖用煤',
  '帮助联系危房改造施工队',
];

// ───────────────────────── visits (SQL) ─────────────────────────

/**
 * One county's visits. $1 county code, $2/$3 township codes and their staff account ids, $4 fallback account id
 * (the county's), $5 first day, $6 last day (yesterday), $7 first day of the team's sweep this quarter, $8 poor
 * statuses, $9..$15 texts, $17 reasons for phone visits, $16 the team's sweep period in days (the county's teamVisitDays): the earlier sweeps are
 * the periods of that length before $7 (the oldest, cut at $5, keeps only the households whose day falls after it).
 * Random choices are slices of hashtext() of the visit's key. The client key is
 * 'seed-<household id, 10 digits>-<p pairing id | t | l>-<n>': unique and stable, and written in household
 * order so the unique index (and the household one) fill in order — random keys made the city load twice as slow.
 */
export const VISITS_SQL = `
WITH tu AS (SELECT * FROM unnest($2::text[], $3::int[]) AS t(code, uid)),
pr AS (
  SELECT p.id, p.household_id, p.region_code, p.cadre_id, c.name AS cname, COALESCE(c.user_id, tu.uid, $4::int) AS uid,
    h.status::text = ANY($8::text[]) AS poor, greatest(p.started_on, $5::date) AS lo, least(coalesce(p.ended_on, $6::date), $6::date) AS hi,
    p.ended_on IS NULL AS active, c.user_id IS NOT NULL AS linked, hashtext('pv:' || p.id) AS s
  FROM pairing p JOIN cadre c ON c.id = p.cadre_id JOIN household h ON h.id = p.household_id
  LEFT JOIN tu ON tu.code = left(p.region_code, 9)
  WHERE p.region_code LIKE $1 || '%' AND (p.ended_on IS NULL OR p.ended_on >= $5::date) AND p.started_on <= $6::date
),
pq AS (
  SELECT pr.*,
    CASE WHEN poor THEN 365.0 / (10 + (s & 255) % 5) ELSE 365.0 / (3 + ((s >> 8) & 255) % 3) END AS step,
    CASE WHEN NOT active THEN hi - ((s >> 16) & 15) % 12
         WHEN NOT linked AND ((s >> 20) & 1023) < 51 THEN hi - 31 - ((s >> 16) & 63) % 45
         ELSE greatest(lo, hi - ((s >> 16) & 31) % 28) END AS last
  FROM pr
),
pv AS (
  SELECT lpad(pq.household_id::text, 10, '0') || '-p' || pq.id || '-' || k AS key, pq.household_id, pq.region_code, pq.cadre_id, pq.cname, pq.uid, pq.lo,
    pq.last - CASE WHEN k = 0 THEN 0
      ELSE round(k * pq.step + ((hashtext('pj:' || pq.id || ':' || k) & 1023) / 1023.0 - 0.5) * 0.3 * pq.step)::int END AS day
  FROM pq CROSS JOIN LATERAL generate_series(0, floor((pq.last - pq.lo) / pq.step)::int + 1) AS k
  WHERE pq.last >= pq.lo
),
team AS (
  SELECT po.village_code,
    array_agg(po.cadre_id ORDER BY po.id) AS cadres, array_agg(c.name ORDER BY po.id) AS names,
    array_agg(COALESCE(c.user_id, tu.uid, $4::int) ORDER BY po.id) AS uids, array_agg(po.start_date ORDER BY po.id) AS starts,
    (array_agg(po.cadre_id ORDER BY po.id) FILTER (WHERE po.role = 'LEADER'))[1] AS l_cadre,
    (array_agg(c.name ORDER BY po.id) FILTER (WHERE po.role = 'LEADER'))[1] AS l_name,
    (array_agg(COALESCE(c.user_id, tu.uid, $4::int) ORDER BY po.id) FILTER (WHERE po.role = 'LEADER'))[1] AS l_uid,
    (array_agg(po.start_date ORDER BY po.id) FILTER (WHERE po.role = 'LEADER'))[1] AS l_start
  FROM posting po JOIN cadre c ON c.id = po.cadre_id LEFT JOIN tu ON tu.code = left(po.village_code, 9)
  WHERE po.ended_on IS NULL AND po.village_code LIKE $1 || '%'
  GROUP BY po.village_code
),
th AS (
  SELECT h.id, h.region_code, h.status::text = ANY($8::text[]) AS poor, hashtext('tv:' || h.id) AS s,
    (hashtext('tr:' || h.id) & 1023) / 1024.0 AS route, team.*
  FROM household h JOIN team ON team.village_code = h.region_code
),
-- Sweep k: k = 0 this quarter's ($7 .. yesterday; ~1.5 % of the households missed), k >= 1 the k-th period before.
tk AS (
  SELECT th.*, k, hashtext('tk:' || th.id || ':' || k) AS r,
    CASE WHEN k = 0 THEN $7::date ELSE $7::date - k * $16::int END AS lo,
    CASE WHEN k = 0 THEN $6::date ELSE $7::date - (k - 1) * $16::int - 1 END AS hi
  FROM th CROSS JOIN LATERAL generate_series(CASE WHEN ((th.s >> 4) & 1023) >= 15 THEN 0 ELSE 1 END,
    ceil(($7::date - $5::date) / $16::numeric)::int) AS k
),
tv AS (
  -- A member posted after the day (joined this year): the leader made that visit instead.
  SELECT lpad(tk.id::text, 10, '0') || '-t-' || tk.k AS key, tk.id AS household_id, tk.region_code,
    CASE WHEN tk.starts[i] <= d.day OR tk.l_cadre IS NULL THEN tk.cadres[i] ELSE tk.l_cadre END AS cadre_id,
    CASE WHEN tk.starts[i] <= d.day OR tk.l_cadre IS NULL THEN tk.names[i] ELSE tk.l_name END AS cname,
    CASE WHEN tk.starts[i] <= d.day OR tk.l_cadre IS NULL THEN tk.uids[i] ELSE tk.l_uid END AS uid,
    CASE WHEN tk.starts[i] <= d.day OR tk.l_cadre IS NULL THEN tk.starts[i] ELSE tk.l_start END AS lo, d.day
  FROM tk CROSS JOIN LATERAL (SELECT 1 + ((tk.r >> 16) & 255) % cardinality(tk.cadres) AS i) AS pick
  -- The household's place on the team's round (route) in the sweep, give or take a week.
  CROSS JOIN LATERAL (SELECT tk.lo + least(tk.hi - tk.lo, greatest(0, floor(tk.route * (tk.hi - tk.lo + 1))::int + (tk.r & 15) - 7)) AS day) AS d
  WHERE tk.hi >= tk.lo
),
lq AS (
  SELECT th.id, th.region_code, th.l_cadre, th.l_name, th.l_uid, greatest(th.l_start, $5::date) AS lo, 365.0 / (11 + ((th.s >> 8) & 255) % 3) AS step,
    CASE WHEN ((th.s >> 16) & 1023) < 31 THEN $6::date - 31 - ((th.s >> 12) & 15) ELSE $6::date - ((th.s >> 12) & 31) % 28 END AS last
  FROM th WHERE th.poor AND th.l_cadre IS NOT NULL
),
lv AS (
  SELECT lpad(lq.id::text, 10, '0') || '-l-' || k AS key, lq.id AS household_id, lq.region_code, lq.l_cadre AS cadre_id, lq.l_name AS cname, lq.l_uid AS uid, lq.lo,
    lq.last - CASE WHEN k = 0 THEN 0
      ELSE round(k * lq.step + ((hashtext('lj:' || lq.id || ':' || k) & 1023) / 1023.0 - 0.5) * 0.3 * lq.step)::int END AS day
  FROM lq CROSS JOIN LATERAL generate_series(0, floor((lq.last - lq.lo) / lq.step)::int + 1) AS k
  WHERE lq.last >= lq.lo
),
allv AS (
  SELECT key, household_id, region_code, cadre_id, cname, uid, day FROM pv WHERE day >= lo AND day >= $5::date AND day <= $6::date
  UNION ALL SELECT key, household_id, region_code, cadre_id, cname, uid, day FROM tv WHERE day >= lo AND day >= $5::date AND day <= $6::date
  UNION ALL SELECT key, household_id, region_code, cadre_id, cname, uid, day FROM lv WHERE day >= lo AND day >= $5::date AND day <= $6::date
),
v AS (
  SELECT allv.*, hashtext(key) AS a, hashtext(key || '#') AS b, r.latitude AS vlat, r.longitude AS vlng,
    CASE WHEN (hashtext(key) & 1023) < 82 THEN 'PHONE' WHEN (hashtext(key) & 1023) < 113 THEN 'GROUP_MEETING' ELSE 'IN_PERSON' END AS kind
  FROM allv JOIN region r ON r.code = allv.region_code
)
INSERT INTO visit (client_key, household_id, region_code, visited_on, kind, phone_reason, visitor_id, visitor_name, visitor_cadre_id, met_with, findings,
  help_delivered, latitude, longitude, accuracy_meters, created_at)
SELECT 'seed-' || v.key, v.household_id, v.region_code, v.day, v.kind::"VisitKind",
  CASE WHEN v.kind = 'PHONE' THEN ($17::text[])[1 + ((v.b >> 12) & 255) % cardinality($17::text[])] END,
  v.uid, left(v.cname, 40), v.cadre_id,
  CASE v.kind WHEN 'PHONE' THEN ($10::text[])[1 + ((v.a >> 10) & 255) % cardinality($10::text[])]
              WHEN 'GROUP_MEETING' THEN ($11::text[])[1 + ((v.a >> 10) & 255) % cardinality($11::text[])]
              ELSE ($9::text[])[1 + ((v.a >> 10) & 255) % cardinality($9::text[])] END,
  CASE v.kind WHEN 'PHONE' THEN ($13::text[])[1 + ((v.a >> 18) & 255) % cardinality($13::text[])]
              WHEN 'GROUP_MEETING' THEN ($14::text[])[1 + ((v.a >> 18) & 255) % cardinality($14::text[])]
              ELSE ($12::text[])[1 + ((v.a >> 18) & 255) % cardinality($12::text[])] END,
  CASE WHEN v.kind = 'PHONE' AND (v.b & 3) <> 0 THEN NULL ELSE ($15::text[])[1 + (v.b & 255) % cardinality($15::text[])] END,
  CASE WHEN v.kind = 'IN_PERSON' AND v.vlat IS NOT NULL THEN
    round((v.vlat + (20 + ((v.b >> 8) & 1023) * 0.6) * cos(2 * pi() * ((v.b >> 18) & 1023) / 1024.0) / 111320)::numeric, 6)::float8 END,
  CASE WHEN v.kind = 'IN_PERSON' AND v.vlat IS NOT NULL THEN
    round((v.vlng + (20 + ((v.b >> 8) & 1023) * 0.6) * sin(2 * pi() * ((v.b >> 18) & 1023) / 1024.0) / (111320 * cos(radians(v.vlat))))::numeric, 6)::float8 END,
  CASE WHEN v.kind = 'IN_PERSON' AND v.vlat IS NOT NULL THEN (5 + ((v.a >> 26) & 31) * 1.5)::float8 END,
  (v.day + time '08:30' + ((v.b >> 3) & 511) * interval '1 minute') AT TIME ZONE 'Asia/Shanghai'
FROM v
ORDER BY v.household_id, v.day, v.key`;

// ───────────────────────── accounts ─────────────────────────

type Actor = SeedActor;

// ───────────────────────── problem texts ─────────────────────────

const HOUSEHOLD_CATEGORIES: readonly (readonly [ProblemCategory, number])[] = [
  ['HOUSING', 16],
  ['MEDICAL', 16],
  ['EDUCATION', 13],
  ['REQUEST', 13],
  ['DISPUTE', 10],
  ['DANGEROUS_HOUSING', 6],
  ['ALLOWANCE', 6],
  ['WATER', 5],
  ['FOOD_CLOTHING', 4],
  ['PRECISION', 4],
  ['IDENTIFICATION', 3],
  ['OTHER', 4],
];
const VILLAGE_CATEGORIES: readonly (readonly [ProblemCategory, number])[] = [
  ['WATER', 30],
  ['REQUEST', 25],
  ['DISPUTE', 20],
  ['OTHER', 15],
  ['PRECISION', 5],
  ['HOUSING', 5],
];

const DESCRIPTIONS: Record<ProblemCategory, readonly string[]> = {
  HOUSING: [
    '房屋漏雨需修缮',
    '屋顶瓦片破损，雨天漏水',
    '厨房墙体裂缝需修补',
    '院墙倒塌需重砌',
    '门窗破损，冬季透风需更换',
    '厕所改造未完成',
  ],
  MEDICAL: [
    '慢性病卡未办理',
    '家庭医生签约未落实',
    '住院费用报销未到位',
    '大病救助申请未受理',
    '长期服药负担重，需落实慢病报销',
    '残疾证到期未换领',
  ],
  EDUCATION: [
    '子女辍学需劝返',
    '教育资助未享受',
    '寄宿生生活补助未到账',
    '残疾儿童送教上门未落实',
    '大学生助学贷款未办理',
  ],
  REQUEST: [
    '户主希望就近务工，需推荐岗位',
    '申请产业奖补资金',
    '希望参加技能培训',
    '申请小额信贷用于养殖',
    '农产品滞销，需帮助销售',
    '申请公益性岗位',
  ],
  DISPUTE: [
    '与邻户因宅基地边界发生纠纷',
    '土地流转租金拖欠引发纠纷',
    '赡养老人问题家庭矛盾',
    '灌溉用水分配矛盾',
    '林地权属存在争议',
  ],
  DANGEROUS_HOUSING: [
    '住房鉴定为C级危房，需改造',
    '住房鉴定为D级危房，需拆除重建',
    '危房改造补助资金未到位',
    '危改房屋未验收入住',
  ],
  ALLOWANCE: [
    '低保评定有异议',
    '符合条件未纳入低保',
    '特困供养金发放不及时',
    '残疾人两项补贴未享受',
    '临时救助申请未办理',
  ],
  WATER: ['饮水管道损坏', '自来水水压不足，高处无水', '水窖渗漏需维修', '冬季水管冻裂', '饮水水质浑浊需检测'],
  FOOD_CLOTHING: ['冬季御寒衣被不足', '家中缺粮，需临时救助', '独居老人吃饭困难，需落实照料'],
  PRECISION: ['帮扶措施与致贫原因不符', '明白卡信息与实际不符需更新', '收入核算有误需重新核实', '帮扶计划未落实到位'],
  IDENTIFICATION: [
    '疑似错评，家庭有车辆需核实',
    '疑似漏评，需入户核查',
    '家庭人口信息有误需核实',
    '识别程序资料不全需补充',
  ],
  OTHER: ['家中无人照料的留守儿童需关注', '户口迁移手续未办理', '电表老化存在安全隐患', '养殖圈舍需搬离住房'],
};
const VILLAGE_DESCRIPTIONS: Partial<Record<ProblemCategory, readonly string[]>> = {
  WATER: ['村组饮水主管道破损，多户停水', '蓄水池渗漏需维修', '村内水源地保护不到位', '自来水管网未通到三组'],
  REQUEST: ['群众反映村组道路需硬化', '村民希望安装路灯', '村民反映需建设文化广场', '群众希望增设快递收发点'],
  DISPUTE: ['两组之间灌溉水源纠纷', '村集体土地承包合同纠纷', '征地补偿分配有异议'],
  OTHER: ['村内垃圾集中堆放未清运', '村卫生室缺少药品', '村组道路边坡塌方', '村内河道淤堵需清理'],
  PRECISION: ['村级帮扶台账资料不完整', '村内贫困户公示栏信息未更新'],
  HOUSING: ['村内多户危旧房需统一排查', '易地搬迁安置点配套设施不完善'],
};

const SOLVE_NOTES: Record<ProblemCategory, readonly string[]> = {
  HOUSING: ['已联系施工队完成修缮', '已协调资金修复房屋', '已组织村民投工投劳完成修补'],
  MEDICAL: ['已协助办理慢病卡', '已落实家庭医生签约服务', '已协调医保部门完成报销'],
  EDUCATION: ['经多次劝返已返校就读', '已落实教育资助', '已办理相关资助手续'],
  REQUEST: ['已推荐至县内企业务工', '已协助申报，资金已到户', '已安排参加培训'],
  DISPUTE: ['经村调委会调解，双方达成协议', '已调解处理，双方签字确认', '已按政策解释，矛盾化解'],
  DANGEROUS_HOUSING: ['危房改造已完成并通过验收', '已纳入危房改造计划并开工建设', '补助资金已发放到户'],
  ALLOWANCE: ['已重新核查并按程序公示', '已解释说明政策，户主认可', '已按程序纳入并发放'],
  WATER: ['已更换损坏管道，恢复供水', '已维修完成，供水正常', '已协调水务部门处理'],
  FOOD_CLOTHING: ['已送去棉衣棉被', '已落实临时救助', '已安排邻里结对照料'],
  PRECISION: ['已调整帮扶措施', '已更新明白卡信息', '已重新核算收入并录入系统'],
  IDENTIFICATION: ['经核查已按程序处理', '已补充完善识别资料', '已更正家庭人口信息'],
  OTHER: ['已协调相关单位处理完毕', '已办理完成', '已整改到位'],
};
const EVIDENCE = [
  '现场照片3张',
  '整改前后对比照片',
  '户主签字确认书',
  '验收单及照片',
  '调解协议书',
  '报销单据复印件',
  '村委会证明材料',
];
const DEPARTMENT_OF: Partial<Record<ProblemCategory, string>> = {
  HOUSING: '住房和城乡建设局',
  DANGEROUS_HOUSING: '住房和城乡建设局',
  MEDICAL: '医疗保障局',
  EDUCATION: '教育局',
  WATER: '水务局',
  ALLOWANCE: '民政局',
  FOOD_CLOTHING: '民政局',
  REQUEST: '人力资源和社会保障局',
  DISPUTE: '司法局',
  IDENTIFICATION: '乡村振兴局',
  PRECISION: '乡村振兴局',
};

// ───────────────────────── problems (plans) ─────────────────────────

/** A problem as planned here: its deadline is set from the county's policy when it is written. */
type ProblemPlan = Omit<SharedProblemPlan, 'deadline'>;

type Shape = 'normal' | 'returned' | 'escalatedSolved' | 'escalatedStuck' | 'stalled' | 'reopened';

type Ctx = {
  random: Random;
  actors: Actors;
  policy: DeadlinePolicy;
  today: number;
  yesterday: number;
  units: { id: number; name: string }[];
};

function departmentFor(ctx: Ctx, category: ProblemCategory): number {
  const wanted = DEPARTMENT_OF[category];
  const unit = (wanted && ctx.units.find((u) => u.name.endsWith(wanted))) || ctx.random.pick(ctx.units);
  return unit.id;
}

/**
 * The planned history of a problem found on `found`, cut at yesterday: what has not happened yet is left out.
 * Escalations carry the new owner and deadline; the problem's own fields follow from the steps (finish()).
 */
function planSteps(ctx: Ctx, p: Omit<ProblemPlan, 'steps'>, shape: Shape): StepPlan[] {
  const { random, actors } = ctx;
  const village = p.regionCode;
  const steps: StepPlan[] = [];
  let status: ProblemStatus = 'OPEN';
  const add = (kind: ProblemStepKind, to: ProblemStatus, day: number, user: Actor, extra: Partial<StepPlan> = {}) => {
    const last = steps[steps.length - 1];
    const d = Math.max(day, last ? last.day : day);
    steps.push({
      kind,
      from: kind === 'OPEN' ? null : status,
      to,
      day: d,
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
  const days = deadlineDays(p.urgency, ctx.policy);
  const deadline = p.found + days;
  add('OPEN', 'OPEN', p.found, p.createdBy, {
    note: p.source === 'VISIT' ? '走访中发现' : p.source === 'INSPECTION' ? '督查检查中发现' : '群众反映',
  });
  let owner: ProblemOwner = 'VILLAGE_TEAM';
  const solveAndStrike = (from: number, until: number, late: boolean) => {
    const solver = actors.worker(village, owner);
    const span = Math.max(0, until - from);
    const solveDay = late ? until + random.int(1, 20) : from + Math.floor(span * random.next() ** 1.3 * 0.9);
    add('SOLVE', 'SOLVED', solveDay, solver, {
      note: random.pick(SOLVE_NOTES[p.category]),
      evidence: random.pick(EVIDENCE),
    });
    const reviewer = actors.reviewer(village, solver);
    if (shape === 'returned') {
      add('RETURN', 'IN_PROGRESS', solveDay + random.int(1, 5), reviewer, {
        note: random.pick(['整改不到位，退回重新整改', '佐证材料不全，请补充后再报', '户主不认可整改结果，退回']),
      });
      add('SOLVE', 'SOLVED', steps[steps.length - 1].day + random.int(3, 15), solver, {
        note: random.pick(SOLVE_NOTES[p.category]),
        evidence: random.pick(EVIDENCE),
      });
    }
    add('STRIKE_OFF', 'STRUCK_OFF', steps[steps.length - 1].day + random.int(1, 10), reviewer, {
      note: random.pick(['经核实已整改到位，同意销号', '入户核查属实，予以销号', '整改到位，户主满意，销号']),
    });
  };
  const escalate = (day: number, stuck: boolean) => {
    owner = random.chance(0.6) ? 'TOWNSHIP' : 'DEPARTMENT';
    const unit = owner === 'DEPARTMENT' ? departmentFor(ctx, p.category) : null;
    const by =
      owner === 'DEPARTMENT'
        ? (actors.township(village) ?? actors.countyAdmin(village.slice(0, 6)))
        : (actors.village(village) ?? actors.township(village) ?? actors.county);
    let newDeadline = day + random.int(30, 90);
    if (stuck)
      newDeadline = random.chance(0.85) ? Math.max(day + 30, ctx.today + random.int(5, 150)) : day + random.int(30, 60);
    add('ESCALATE', 'ESCALATED', day, by, {
      note:
        owner === 'DEPARTMENT'
          ? '需行业部门解决，已向户主解释说明，移交限期整改'
          : '村级无法解决，已向群众解释说明，提交乡镇限期整改',
      owner,
      ownerUnitId: unit,
      deadline: newDeadline,
    });
    return newDeadline;
  };
  const started = (from: number) => {
    add('START', 'IN_PROGRESS', from + random.int(0, 3), actors.worker(village, owner), {
      note: random.pick(['已安排专人跟进', '已入户核实情况', '已制定整改措施']),
    });
  };
  switch (shape) {
    case 'normal':
    case 'returned':
    case 'reopened': {
      const onTheSpot = shape === 'normal' && random.chance(0.3);
      if (onTheSpot) {
        add('SOLVE', 'SOLVED', p.found, actors.worker(village, owner), {
          note: `即知即改：${random.pick(SOLVE_NOTES[p.category])}`,
          evidence: random.pick(EVIDENCE),
        });
        const solver = steps[steps.length - 1].user;
        add('STRIKE_OFF', 'STRUCK_OFF', p.found + random.int(1, 10), actors.reviewer(village, solver), {
          note: '经核实已整改到位，同意销号',
        });
      } else {
        started(p.found);
        solveAndStrike(steps[steps.length - 1].day, deadline, random.chance(0.05));
      }
      if (shape === 'reopened') {
        const reopenDay = steps[steps.length - 1].day + random.int(15, 60);
        add('REOPEN', 'OPEN', reopenDay, actors.countyAdmin(village.slice(0, 6)), {
          note: '回头看发现问题反弹，重新整改',
        });
        if (random.chance(0.5)) {
          started(reopenDay);
          solveAndStrike(steps[steps.length - 1].day, steps[steps.length - 1].day + days, false);
        }
      }
      break;
    }
    case 'escalatedSolved': {
      if (random.chance(0.5)) started(p.found);
      const newDeadline = escalate(steps[steps.length - 1].day + random.int(2, 10), false);
      started(steps[steps.length - 1].day + random.int(1, 4));
      solveAndStrike(steps[steps.length - 1].day, newDeadline, random.chance(0.05));
      break;
    }
    case 'escalatedStuck': {
      if (random.chance(0.4)) started(p.found);
      escalate(steps[steps.length - 1].day + random.int(2, 10), true);
      if (random.chance(0.15)) started(steps[steps.length - 1].day + 1);
      break;
    }
    case 'stalled':
      if (random.chance(0.6)) started(p.found);
      break;
  }
  // Cut at yesterday: later steps have not happened yet.
  return steps.filter((s) => s.day <= ctx.yesterday);
}

// ───────────────────────── problems (one county) ─────────────────────────

type VisitRef = {
  id: string;
  household_id: number;
  region_code: string;
  day: number;
  visitor_id: number;
  visitor_name: string;
  status: string;
};

/** The county's deadlines and its team's visit period (the sweeps) for the year. */
async function policyOf(
  client: pg.ClientBase,
  countyCode: string,
  year: number,
): Promise<DeadlinePolicy & { teamVisitDays: number }> {
  const { rows } = await client.query<{ u: number; h: number; n: number; t: number }>(
    `SELECT deadline_urgent_days AS u, deadline_high_days AS h, deadline_normal_days AS n, team_visit_days AS t FROM policy WHERE county_code = $1 AND year = $2`,
    [countyCode, year],
  );
  return rows[0]
    ? {
        deadlineUrgentDays: rows[0].u,
        deadlineHighDays: rows[0].h,
        deadlineNormalDays: rows[0].n,
        teamVisitDays: rows[0].t,
      }
    : {
        deadlineUrgentDays: DEFAULT_POLICY.deadlineUrgentDays,
        deadlineHighDays: DEFAULT_POLICY.deadlineHighDays,
        deadlineNormalDays: DEFAULT_POLICY.deadlineNormalDays,
        teamVisitDays: DEFAULT_POLICY.teamVisitDays,
      };
}

const POOR = new Set<string>(POOR_STATUSES);

/** Random problems of a county found between `from` and yesterday, outside `excludeVillage`. */
async function planRandomProblems(
  client: pg.ClientBase,
  ctx: Ctx,
  countyCode: string,
  count: number,
  from: number,
  excludeVillage: string | null,
): Promise<ProblemPlan[]> {
  const { random, actors } = ctx;
  const total = (
    await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM visit WHERE region_code LIKE $1 || '%' AND client_key LIKE 'seed-%'`,
      [countyCode],
    )
  ).rows[0].n;
  if (total === 0 || count === 0) return [];
  const threshold = Math.min(1024, Math.ceil((1024 * count * 4) / total));
  const sample = (
    await client.query<Omit<VisitRef, 'day' | 'id'> & { id: string; day: string }>(
      `SELECT v.id::text, v.household_id, v.region_code, v.visited_on::text AS day, v.visitor_id, u.display_name AS visitor_name, h.status::text
       FROM visit v JOIN household h ON h.id = v.household_id JOIN app_user u ON u.id = v.visitor_id
       WHERE v.region_code LIKE $1 || '%' AND v.client_key LIKE 'seed-%' AND (hashtext(v.client_key) & 1023) < $2 AND v.region_code <> coalesce($3, '')
       ORDER BY v.id`,
      [countyCode, threshold, excludeVillage],
    )
  ).rows.map((r) => ({ ...r, day: dayNumber(r.day), visitor_name: r.visitor_name.slice(0, 40) }));
  if (sample.length === 0) return [];
  // Visits by week, so the problems' days spread evenly over the period (the team's sweeps come once a quarter).
  const weeks = new Map<number, VisitRef[]>();
  for (const v of sample) {
    const w = Math.floor((v.day - from) / 7);
    const list = weeks.get(w);
    if (list) list.push(v);
    else weeks.set(w, [v]);
  }
  const weekKeys = [...weeks.keys()].sort((a, b) => a - b);
  const used = new Set<string>();
  const weight = (status: string) =>
    POOR.has(status) ? 1 : status === 'LIFTED_OUT' || status === 'MONITORED' ? 0.6 : 0.2;
  const pickVisit = (day: number): VisitRef => {
    const w = Math.floor((day - from) / 7);
    let key = weekKeys[0];
    for (const k of weekKeys) if (Math.abs(k - w) < Math.abs(key - w)) key = k;
    const list = weeks.get(key)!;
    for (let tries = 0; tries < 40; tries++) {
      const v = random.pick(list);
      if (!used.has(v.id) && random.chance(weight(v.status))) {
        used.add(v.id);
        return v;
      }
    }
    return random.pick(sample);
  };
  const villages = (
    await client.query<{ code: string; team: boolean }>(
      `SELECT r.code, EXISTS (SELECT 1 FROM work_team t WHERE t.village_code = r.code) AS team FROM region r
       WHERE r.level = 'VILLAGE' AND r.code LIKE $1 || '%' AND r.code <> coalesce($2, '') ORDER BY r.code`,
      [countyCode, excludeVillage],
    )
  ).rows;
  const teamVillages = villages.filter((v) => v.team);

  // The outcomes in fixed shares (a county's escalated and overdue counts should not swing with the draw);
  // a reopening needs time, so a `reopened` drawn for a recent problem becomes a `normal` one.
  const share = (p: number) => Math.round(count * p);
  const shapes = shuffle(random, [
    ...Array<Shape>(share(0.03)).fill('returned'),
    ...Array<Shape>(share(0.03)).fill('escalatedSolved'),
    ...Array<Shape>(share(0.035)).fill('escalatedStuck'),
    ...Array<Shape>(share(0.012)).fill('stalled'),
    ...Array<Shape>(share(0.004)).fill('reopened'),
  ]);
  while (shapes.length < count) shapes.push('normal');
  shuffle(random, shapes);
  const plans: ProblemPlan[] = [];
  for (let i = 0; i < count; i++) {
    const day = from + random.int(0, ctx.yesterday - from);
    const scope = weightedPick(random, [
      ['visit', 75],
      ['inspection', 7],
      ['report', 4],
      ['village', 10],
      ['visitLate', 4],
    ] as const);
    const urgency = weightedPick(random, [
      ['NORMAL', 75],
      ['HIGH', 20],
      ['URGENT', 5],
    ] as const);
    let plan: Omit<ProblemPlan, 'steps'>;
    if (scope === 'village') {
      const v = (teamVillages.length && random.chance(0.7) ? random.pick(teamVillages) : random.pick(villages)).code;
      const category = weightedPick(random, VILLAGE_CATEGORIES);
      const source = weightedPick(random, [
        ['VISIT', 60],
        ['INSPECTION', 30],
        ['REPORT', 10],
      ] as const);
      plan = {
        regionCode: v,
        householdId: null,
        visitId: null,
        category,
        urgency,
        source,
        description: random.pick(VILLAGE_DESCRIPTIONS[category]!),
        found: day,
        createdBy:
          source === 'INSPECTION'
            ? actors.inspector(countyCode)
            : (actors.village(v, 'member') ?? actors.township(v) ?? actors.countyAdmin(countyCode)),
      };
    } else {
      const v = pickVisit(day);
      const category = weightedPick(random, HOUSEHOLD_CATEGORIES);
      const source: ProblemSource = scope === 'inspection' ? 'INSPECTION' : scope === 'report' ? 'REPORT' : 'VISIT';
      const fromVisit = source === 'VISIT';
      plan = {
        regionCode: v.region_code,
        householdId: v.household_id,
        visitId: fromVisit ? v.id : null,
        category,
        urgency,
        source,
        description: random.pick(DESCRIPTIONS[category]),
        found: fromVisit ? v.day : day,
        createdBy: fromVisit
          ? { id: v.visitor_id, name: v.visitor_name }
          : source === 'INSPECTION'
            ? actors.inspector(countyCode)
            : (actors.township(v.region_code) ?? actors.countyAdmin(countyCode)),
      };
    }
    const shape = shapes[i] === 'reopened' && plan.found >= ctx.today - 100 ? 'normal' : shapes[i];
    plans.push({ ...plan, steps: planSteps(ctx, plan, shape) });
  }
  return plans;
}

/** The test profile's fixed problems (TEST_PROBLEM_FIXTURES) of one county. */
async function planFixtures(client: pg.ClientBase, ctx: Ctx, countyCode: string): Promise<ProblemPlan[]> {
  const F = TEST_PROBLEM_FIXTURES;
  const { actors, today } = ctx;
  const village =
    countyCode === DEMO_COUNTY_CODE
      ? F.village
      : (
          await client.query<{ code: string }>(
            `SELECT min(region_code) AS code FROM household WHERE region_code LIKE $1 || '%'`,
            [countyCode],
          )
        ).rows[0]?.code;
  if (!village) return [];
  // Each fixture takes a household of its own, with that household's latest visit on or before the day found.
  const visits = (
    await client.query<{ id: string; household_id: number; day: string; visitor_id: number; visitor_name: string }>(
      `SELECT v.id::text, v.household_id, v.visited_on::text AS day, v.visitor_id, u.display_name AS visitor_name
       FROM visit v JOIN app_user u ON u.id = v.visitor_id
       WHERE v.region_code = $1 AND v.client_key LIKE 'seed-%' ORDER BY v.household_id, v.visited_on DESC, v.id`,
      [village],
    )
  ).rows;
  const usedHouseholds = new Set<number>();
  const base = (
    description: string,
    category: ProblemCategory,
    found: number,
    urgency: Urgency = 'NORMAL',
  ): Omit<ProblemPlan, 'steps'> => {
    const v = visits.find((x) => !usedHouseholds.has(x.household_id) && dayNumber(x.day) <= found);
    if (!v) {
      return {
        regionCode: village,
        householdId: null,
        visitId: null,
        category,
        urgency,
        source: 'INSPECTION',
        description,
        found,
        createdBy: actors.inspector(countyCode),
      };
    }
    usedHouseholds.add(v.household_id);
    return {
      regionCode: village,
      householdId: v.household_id,
      visitId: v.id,
      category,
      urgency,
      source: 'VISIT',
      description,
      found,
      createdBy: { id: v.visitor_id, name: v.visitor_name.slice(0, 40) },
    };
  };
  const step = (
    kind: ProblemStepKind,
    from: ProblemStatus | null,
    to: ProblemStatus,
    day: number,
    user: Actor,
    extra: Partial<StepPlan> = {},
  ): StepPlan => ({
    kind,
    from,
    to,
    day,
    user,
    note: null,
    evidence: null,
    owner: null,
    ownerUnitId: null,
    deadline: null,
    ...extra,
  });
  const open = (p: Omit<ProblemPlan, 'steps'>) =>
    step('OPEN', null, 'OPEN', p.found, p.createdBy, { note: '走访中发现' });
  const plans: ProblemPlan[] = [];
  if (countyCode === DEMO_COUNTY_CODE) {
    const leader = actors.village(village, 'leader') ?? actors.county;
    const township = actors.reviewer(village, leader);
    const cats: ProblemCategory[] = ['HOUSING', 'EDUCATION', 'MEDICAL'];
    F.open.forEach((description, i) => {
      const p = base(description, cats[i], today - 2);
      plans.push({ ...p, steps: [open(p)] });
    });
    {
      // Overdue: found 33 days ago (NORMAL: 30 days), taken in hand, not solved.
      const p = base(F.overdue, 'WATER', today - 33);
      plans.push({
        ...p,
        steps: [open(p), step('START', 'OPEN', 'IN_PROGRESS', p.found + 1, leader, { note: '已联系维修人员' })],
      });
    }
    {
      const p = base(F.escalated, 'DISPUTE', today - 10);
      plans.push({
        ...p,
        steps: [
          open(p),
          step('ESCALATE', 'OPEN', 'ESCALATED', p.found + 1, leader, {
            note: '村级调解未果，已向双方解释说明，提交乡镇限期调解',
            owner: 'TOWNSHIP',
            deadline: p.found + 1 + 30,
          }),
        ],
      });
    }
    {
      const p = base(F.solved.description, 'ALLOWANCE', today - 6);
      plans.push({
        ...p,
        steps: [
          open(p),
          step('START', 'OPEN', 'IN_PROGRESS', p.found, leader),
          step('SOLVE', 'IN_PROGRESS', 'SOLVED', p.found + 3, leader, {
            note: '已入户解释低保政策，重新核查家庭收入',
            evidence: '户主签字确认书',
          }),
        ],
      });
    }
    {
      const p = base(F.struckOff.description, 'HOUSING', today - 20);
      plans.push({
        ...p,
        steps: [
          open(p),
          step('START', 'OPEN', 'IN_PROGRESS', p.found + 1, leader),
          step('SOLVE', 'IN_PROGRESS', 'SOLVED', p.found + 8, leader, {
            note: '厕所改造已完工',
            evidence: '整改前后对比照片',
          }),
          step('STRIKE_OFF', 'SOLVED', 'STRUCK_OFF', p.found + 10, township, { note: '经核实已整改到位，同意销号' }),
        ],
      });
    }
  } else if (countyCode === F.otherCounty.county) {
    const p1 = base(F.otherCounty.open, 'OTHER', today - 3);
    plans.push({ ...p1, householdId: null, visitId: null, steps: [open(p1)] });
    const p2 = base(F.otherCounty.solved.description, 'FOOD_CLOTHING', today - 8);
    plans.push({
      ...p2,
      steps: [
        open(p2),
        step('SOLVE', 'OPEN', 'SOLVED', p2.found + 2, actors.county, {
          note: '已联系邻里结对照料',
          evidence: '村委会证明材料',
        }),
      ],
    });
  }
  return plans;
}

// ───────────────────────── entry point ─────────────────────────

export const TEXTS = [MET_IN_PERSON, MET_PHONE, MET_GROUP, FINDINGS, FINDINGS_PHONE, FINDINGS_GROUP, HELP];
// Why a phone visit (seed 000: phone visits for locked-door households only).
const PHONE_REASONS = [
  '全家在外务工，锁门',
  '户主外出务工，家中无人',
  '老人随子女进城居住，锁门',
  '农忙外出，多次上门未遇',
];

/** Problems of one county: demo ≈ 2,300 over the year (Qinzhou: 2,255), city ≈ 2,700 a county (≈ 30,000). */
function problemCount(profile: Profile, countyCode: string): number {
  if (profile === 'test') return countyCode === DEMO_COUNTY_CODE ? TEST_PROBLEM_FIXTURES.randomCount : 0;
  return profile === 'demo' ? 2300 : 2730;
}

export async function seedVisits(
  databaseUrl: string,
  profile: Profile,
  regions: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  const countyCodes = regions
    .filter((r) => r.level === 'COUNTY')
    .map((r) => r.code)
    .sort();
  if (countyCodes.length === 0) return;
  const today = dayNumber(chinaToday());
  const yesterday = today - 1;
  const from = profile === 'test' ? today - TEST_VISIT_DAYS : yesterday - 364;
  // The team's sweep of this quarter: from the quarter's first day (at least two weeks back, at most one period of
  // the county's teamVisitDays, 90 days); the earlier sweeps are the periods before it.
  const [y, m] = iso(today).split('-').map(Number);
  const quarterStart = dayNumber(`${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`);
  const sweepFromOf = (period: number) =>
    Math.max(from, Math.min(yesterday - Math.min(14, period - 1), Math.max(quarterStart, yesterday - (period - 1))));

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const actors = await loadActors(client);
    const staff = await client.query<{ code: string; id: number }>(
      `SELECT DISTINCT ON (scope_code) scope_code AS code, id FROM app_user
       WHERE role = 'TOWNSHIP_STAFF' AND NOT disabled AND length(scope_code) = 9 ORDER BY scope_code, id`,
    );
    const totals = { visits: 0, problems: 0, steps: 0 };
    let skipped = 0;
    for (const countyCode of countyCodes) {
      const countyStarted = Date.now();
      await client.query('BEGIN');
      try {
        await client.query(`SET LOCAL work_mem = '64MB'`); // the county's visits are sorted in memory
        // Seeded already: the county has seeded visits (client keys 'seed-…'); visits and problems logged in the
        // app meanwhile (keys made by the phone) do not count, and stay as they are beside the seeded ones.
        const seeded = await client.query(
          `SELECT 1 FROM visit WHERE region_code LIKE $1 || '%' AND client_key LIKE 'seed-%' LIMIT 1`,
          [countyCode],
        );
        if (seeded.rowCount) {
          await client.query('ROLLBACK');
          skipped++;
          continue;
        }
        const policy = await policyOf(client, countyCode, y);
        const period = Math.max(1, policy.teamVisitDays);
        const result = await client.query(VISITS_SQL, [
          countyCode,
          staff.rows.map((r) => r.code),
          staff.rows.map((r) => r.id),
          actors.countyAdmin(countyCode).id,
          iso(from),
          iso(yesterday),
          iso(sweepFromOf(period)),
          [...POOR_STATUSES],
          ...TEXTS,
          period,
          PHONE_REASONS,
        ]);
        const visits = result.rowCount ?? 0;
        const units = (
          await client.query<{ id: number; name: string }>(
            `SELECT id, name FROM unit WHERE county_code = $1 AND level = 'COUNTY' ORDER BY id`,
            [countyCode],
          )
        ).rows;
        const ctx: Ctx = {
          random: seededRandom(hash32(`${countyCode}:problems`)),
          actors,
          today,
          yesterday,
          units,
          policy,
        };
        if (units.length === 0)
          ctx.units.push(
            ...(
              await client.query<{ id: number; name: string }>(
                `SELECT id, name FROM unit WHERE county_code = $1 ORDER BY id`,
                [countyCode],
              )
            ).rows,
          );
        const plans = [
          ...(ctx.units.length
            ? await planRandomProblems(
                client,
                ctx,
                countyCode,
                problemCount(profile, countyCode),
                from,
                profile === 'test' ? FIXTURE_VILLAGE : null,
              )
            : []),
          ...(profile === 'test' ? await planFixtures(client, ctx, countyCode) : []),
        ];
        plans.sort((a, b) => a.found - b.found);
        const written = await writeProblems(
          client,
          ctx.random,
          plans.map((p) => ({ ...p, deadline: p.found + deadlineDays(p.urgency, ctx.policy) })),
        );
        const counts = { problems: written.ids.length, steps: written.steps };
        await client.query('COMMIT');
        totals.visits += visits;
        totals.problems += counts.problems;
        totals.steps += counts.steps;
        if (countyCodes.length > 2 && (visits || counts.problems)) {
          log(
            `visits: county ${countyCode}: ${visits.toLocaleString('en')} visits, ${counts.problems} problems (${((Date.now() - countyStarted) / 1000).toFixed(1)} s)`,
          );
        }
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    if (skipped === countyCodes.length) log(`visits: already there in all ${countyCodes.length} counties, skipped`);
    else {
      const rate = await client.query<{ found: number; struck: number; overdue: number; escalated: number }>(
        `SELECT count(*)::int AS found, count(*) FILTER (WHERE status = 'STRUCK_OFF')::int AS struck,
           count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED') AND deadline < $2::date)::int AS overdue,
           count(*) FILTER (WHERE status = 'ESCALATED')::int AS escalated
         FROM problem WHERE left(region_code, 6) = ANY($1::text[])`,
        [countyCodes, iso(today)],
      );
      const r = rate.rows[0];
      log(
        `visits: ${totals.visits.toLocaleString('en')} new visits, ${totals.problems.toLocaleString('en')} new problems (${totals.steps.toLocaleString('en')} steps); ` +
          `ledger: ${r.found} found, ${r.struck} struck off (${r.found ? ((r.struck * 100) / r.found).toFixed(1) : '100'} %), ${r.overdue} overdue, ${r.escalated} escalated` +
          `${skipped ? `; ${skipped} counties already had seeded visits` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      await client.query('ANALYZE visit, problem, problem_step');
    }
  } finally {
    await client.end();
  }
}
