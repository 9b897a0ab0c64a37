// Seeds the resident work teams (驻村工作队) of a profile: dispatching units (派出单位), one team per
// poor village with its cadres and postings, a year of daily attendance (考勤) and the townships'
// monthly sign-offs; links the demo accounts `teamleader` / `member` (and, city scale, `bench01`..`bench20`)
// to cadres. Deterministic: each team has its own PRNG seeded from its village code, and the daily
// records come from a hash of (posting seed, day) computed in SQL. Written with `pg`: teams, cadres and
// postings with unnest(...), the daily records with one INSERT ... SELECT over generate_series per county.
// Idempotent per county: a county that already has teams is left as it is; the account links and bench
// accounts are added when missing.
import pg from 'pg';
import { hashPassword } from '../../lib/auth/password';
import type { CadreRank, TeamRole, UnitLevel } from '../../lib/generated/prisma/enums';
import { FULL_TIME_ROLES } from '../../lib/teams/rules';
import { chinaToday, dateOfDayNumber, dayNumber } from '../../lib/time';
import { randomFullName } from './people';
import { atScale, DEMO_COUNTY_CODE, DEMO_PASSWORD } from './profiles';
import { hash32, type Random, seededRandom, shuffle, weightedPick } from './random';
import type { RegionRow } from './regions';
import type { Profile } from './run';
import { nextIds } from './sql';
import { demoUsers } from './users';

/** The demo accounts' cadres: the leader (also first secretary) and a member of the same team. */
export const LINKED_CADRES = {
  teamleader: { name: '陈志强', role: 'LEADER' as TeamRole },
  member: { name: '刘芳', role: 'MEMBER' as TeamRole },
} as const;

export const BENCH_ACCOUNTS = Array.from({ length: 20 }, (_, i) => `bench${String(i + 1).padStart(2, '0')}`);

// ───────────────────────── helpers ─────────────────────────

const jitter = (random: Random, value: number, spread: number) => value + (random.next() - 0.5) * 2 * spread;

// ───────────────────────── units ─────────────────────────

type UnitDef = { name: string; level: UnitLevel; kind: 'agri' | 'org' | 'other' };

const PROVINCE_UNITS = [
  ['农业农村厅', 'agri'],
  ['财政厅', 'other'],
  ['交通运输厅', 'other'],
  ['卫生健康委员会', 'other'],
] as const;
const CITY_UNITS = [
  ['财政局', 'other'],
  ['发展和改革委员会', 'other'],
  ['农业农村局', 'agri'],
  ['自然资源局', 'other'],
  ['住房和城乡建设局', 'other'],
  ['人力资源和社会保障局', 'other'],
] as const;
const COUNTY_UNITS = [
  ['交通运输局', 'other'],
  ['教育局', 'other'],
  ['卫生健康局', 'other'],
  ['水务局', 'agri'],
  ['农业农村局', 'agri'],
  ['林业和草原局', 'agri'],
  ['民政局', 'other'],
  ['人力资源和社会保障局', 'other'],
  ['住房和城乡建设局', 'other'],
  ['市场监督管理局', 'other'],
  ['委组织部', 'org'],
  ['委宣传部', 'other'],
  ['畜牧兽医中心', 'agri'],
  ['供销合作社联合社', 'other'],
] as const;

function unitsOf(province: string, city: string, county: string, townships: readonly string[]): UnitDef[] {
  return [
    ...PROVINCE_UNITS.map(([n, kind]) => ({ name: province + n, level: 'PROVINCE' as const, kind })),
    ...CITY_UNITS.map(([n, kind]) => ({ name: city + n, level: 'CITY' as const, kind })),
    ...COUNTY_UNITS.map(([n, kind]) => ({ name: county + n, level: 'COUNTY' as const, kind })),
    ...townships.slice(0, 6).map((t) => ({ name: `${t}人民政府`, level: 'TOWNSHIP' as const, kind: 'other' as const })),
  ];
}

type Unit = UnitDef & { id: number };

function unitFor(random: Random, role: TeamRole, units: Unit[], township: string): Unit {
  const of = (level: UnitLevel, kind?: Unit['kind']) =>
    units.filter((u) => u.level === level && (!kind || u.kind === kind));
  const own = units.find((u) => u.name === `${township}人民政府`);
  let pool: Unit[];
  if (role === 'TECHNICIAN')
    pool = units.filter((u) => u.kind === 'agri' && (u.level !== 'PROVINCE' || random.chance(0.3)));
  else if (role === 'GRADUATE_OFFICIAL')
    pool = own && random.chance(0.6) ? [own] : [...of('COUNTY', 'org'), ...of('TOWNSHIP')];
  else if (role === 'MEMBER') pool = random.chance(0.35) ? (own ? [own] : of('TOWNSHIP')) : of('COUNTY');
  else
    pool = of(
      weightedPick(random, [
        ['PROVINCE', 15],
        ['CITY', 25],
        ['COUNTY', 60],
      ] as const),
    );
  if (pool.length === 0) pool = of('COUNTY');
  return random.pick(pool);
}

const RANKS: Record<TeamRole, readonly (readonly [CadreRank, number])[]> = {
  LEADER: [
    ['SECTION_CHIEF', 40],
    ['SECTION_DEPUTY', 55],
    ['ORDINARY', 5],
  ],
  DEPUTY_LEADER: [
    ['SECTION_DEPUTY', 60],
    ['ORDINARY', 40],
  ],
  FIRST_SECRETARY: [
    ['SECTION_DEPUTY', 60],
    ['ORDINARY', 35],
    ['SECTION_CHIEF', 5],
  ],
  MEMBER: [
    ['ORDINARY', 80],
    ['SECTION_DEPUTY', 20],
  ],
  GRADUATE_OFFICIAL: [['ORDINARY', 100]],
  TECHNICIAN: [
    ['ORDINARY', 70],
    ['SECTION_DEPUTY', 30],
  ],
};

// ───────────────────────── plans ─────────────────────────

type Pattern = 'comply' | 'short' | 'marked' | 'linked';

/** Shares of a posting's days, drawn per record in SQL. */
type AttendanceParams = { night: number; day: number; missing: number; entry: number; bad: number };

function paramsOf(random: Random, pattern: Pattern, role: TeamRole): AttendanceParams {
  const leader = FULL_TIME_ROLES.includes(role);
  switch (pattern) {
    case 'linked':
      return { night: 0.78, day: 0.1, missing: 0.004, entry: 0.04, bad: 0.01 };
    case 'short': {
      const inVillage = jitter(random, 0.525, 0.025); // 50–55 % of days
      const night = inVillage * jitter(random, 0.7, 0.05);
      return { night, day: inVillage - night, missing: jitter(random, 0.03, 0.01), entry: 0.06, bad: 0.02 };
    }
    case 'marked':
      return {
        night: jitter(random, 0.7, 0.03),
        day: jitter(random, 0.08, 0.02),
        missing: 0.01,
        entry: 0.04,
        bad: 0.3,
      };
    default:
      return {
        night: jitter(random, leader ? 0.74 : 0.7, 0.04),
        day: jitter(random, 0.08, 0.02),
        missing: jitter(random, 0.012, 0.008),
        entry: jitter(random, 0.06, 0.03),
        bad: 0.012,
      };
  }
}

type PostingPlan = {
  slot: number;
  role: TeamRole;
  alsoFirstSecretary: boolean;
  name: string;
  rank: CadreRank;
  unit: Unit;
  start: number;
  endedOn: number | null;
  endReason: string | null;
  detachedConfirmed: boolean;
  pattern: Pattern;
  params: AttendanceParams;
  seed: number;
  /** 'teamleader' / 'member' for the demo accounts' cadres. */
  account: keyof typeof LINKED_CADRES | null;
};

type TeamPlan = {
  villageCode: string;
  lat: number;
  lng: number;
  postings: PostingPlan[];
  lastSignedMonth: number | null;
};

type Env = {
  profile: Profile;
  today: number;
  yesterday: number;
  jan1: number;
  /** First day with records. */
  recordsFrom: number;
  formedOn: number;
};

const END_REASONS = [
  '工作调动，调回原单位',
  '提拔任职，按规定轮换',
  '因病申请调整',
  '因家庭原因申请轮换',
  '考核不称职，召回调整',
];

/** Roles of a team of `size`; `gap` drops one of the five coverages (kept for a few villages on purpose). */
function rolesOf(
  random: Random,
  size: number,
  gap: 'none' | 'technician' | 'graduate' | 'member',
  alsoFs: boolean,
): TeamRole[] {
  const roles: TeamRole[] = ['LEADER'];
  if (!alsoFs) roles.push('FIRST_SECRETARY');
  roles.push('MEMBER');
  if (gap !== 'graduate') roles.push('GRADUATE_OFFICIAL');
  if (gap !== 'technician') roles.push('TECHNICIAN');
  if (gap === 'member') roles.splice(roles.indexOf('MEMBER'), 1);
  while (roles.length < size)
    roles.push(gap === 'member' ? random.pick(['GRADUATE_OFFICIAL', 'TECHNICIAN'] as const) : 'MEMBER');
  // A team of six has a deputy leader (seed 001 names 隊長、副隊長) in place of its last member.
  const last = roles.lastIndexOf('MEMBER');
  if (size >= 6 && last > roles.indexOf('MEMBER')) roles[last] = 'DEPUTY_LEADER';
  return roles.slice(0, size);
}

/** Team sizes for `n` teams: demo ≈ 4.8 (two of 3), test 4–5, city ≈ 3.2. */
function teamSizes(random: Random, profile: Profile, n: number): number[] {
  if (profile === 'test') return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 5 : 4));
  if (atScale(profile)) return Array.from({ length: n }, () => (random.chance(0.2) ? 4 : 3));
  // Demo: two teams of 3; the rest 4/5/6 in the proportions 29:35:18 of 82 (84 teams → 405 members).
  const rest = Math.max(0, n - 2);
  const n6 = Math.round((rest * 18) / 82);
  const n5 = Math.round((rest * 35) / 82);
  const sizes = [3, 3, ...Array(n6).fill(6), ...Array(n5).fill(5), ...Array(Math.max(0, rest - n5 - n6)).fill(4)].slice(
    0,
    n,
  );
  return shuffle(random, sizes);
}

function planTeam(
  village: { code: string; township: string; lat: number; lng: number },
  size: number,
  gap: 'none' | 'technician' | 'graduate' | 'member',
  linked: boolean,
  units: Unit[],
  usedNames: Set<string>,
  env: Env,
): TeamPlan {
  const random = seededRandom(hash32(`${village.code}:team`));
  const alsoFs =
    linked || atScale(env.profile) || size <= 4 ? true : size >= 6 ? random.chance(0.2) : random.chance(0.5);
  const roles = rolesOf(random, size, gap, alsoFs);
  const postings: PostingPlan[] = [];
  const nameOf = (role: TeamRole) => {
    const sex =
      role === 'LEADER'
        ? random.chance(0.9)
          ? 'MALE'
          : 'FEMALE'
        : random.chance(role === 'MEMBER' || role === 'GRADUATE_OFFICIAL' ? 0.55 : 0.75)
          ? 'MALE'
          : 'FEMALE';
    const birthYear =
      role === 'GRADUATE_OFFICIAL'
        ? random.int(1994, 2001)
        : role === 'LEADER'
          ? random.int(1968, 1985)
          : random.int(1970, 1995);
    for (;;) {
      const name = randomFullName(random, sex, birthYear);
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  let memberLinked = false;
  roles.forEach((role, slot) => {
    let account: PostingPlan['account'] = null;
    if (linked && role === 'LEADER') account = 'teamleader';
    if (linked && role === 'MEMBER' && !memberLinked) {
      account = 'member';
      memberLinked = true;
    }
    const pattern: Pattern = account
      ? 'linked'
      : weightedPick(random, [
          ['comply', 80],
          ['short', 12],
          ['marked', 8],
        ] as const);
    // Most started when the team was formed, some later that year; ~8 % started this year.
    const midYear = !account && random.chance(role === 'LEADER' ? 0.05 : 0.08);
    const start = midYear
      ? random.int(env.jan1 + 59, Math.max(env.jan1 + 59, Math.min(env.jan1 + 272, env.yesterday - 45)))
      : random.chance(0.7) || account
        ? env.formedOn
        : random.int(env.formedOn + 1, env.formedOn + 300);
    const plan: PostingPlan = {
      slot,
      role,
      alsoFirstSecretary: role === 'LEADER' && alsoFs,
      name: account ? LINKED_CADRES[account].name : nameOf(role),
      rank: weightedPick(random, RANKS[role]),
      unit: unitFor(random, role, units, village.township),
      start,
      endedOn: null,
      endReason: null,
      detachedConfirmed: FULL_TIME_ROLES.includes(role),
      pattern,
      params: paramsOf(random, pattern, role),
      seed: hash32(`${village.code}:${slot}:${start}`),
      account,
    };
    // A third of this year's starts (and every leader's) replaced someone who left the day before.
    if (midYear && (role === 'LEADER' || random.chance(0.35))) {
      const predStart = random.chance(0.7) ? env.formedOn : random.int(env.formedOn + 1, env.formedOn + 200);
      const predPattern: Pattern = random.chance(0.4) ? 'short' : 'comply';
      postings.push({
        ...plan,
        name: nameOf(role),
        rank: weightedPick(random, RANKS[role]),
        unit: unitFor(random, role, units, village.township),
        start: predStart,
        endedOn: start - 1,
        endReason: random.pick(END_REASONS),
        pattern: predPattern,
        params: paramsOf(random, predPattern, role),
        seed: hash32(`${village.code}:${slot}:${predStart}:ended`),
      });
    }
    postings.push(plan);
  });
  return { villageCode: village.code, lat: village.lat, lng: village.lng, postings, lastSignedMonth: null };
}

// ───────────────────────── SQL ─────────────────────────

const U = (n: number) => `((hashint8extended(d.k, ${n}) & 16777215)::float8 / 16777216)`;

const AWAY: readonly (readonly [string, string])[] = [
  ['LEAVE', '事假'],
  ['LEAVE', '病假'],
  ['LEAVE', '事假：家中有事'],
  ['LEAVE', '年休假'],
  ['TRAINING', '参加县里培训'],
  ['TRAINING', '参加市委党校驻村干部培训'],
  ['TRAINING', '参加省扶贫业务培训'],
  ['MEETING', '县扶贫办会议'],
  ['MEETING', '参加乡镇脱贫攻坚推进会'],
  ['MEETING', '县委组织部驻村工作座谈会'],
  ['BUSINESS_TRIP', '出差'],
  ['BUSINESS_TRIP', '赴市里争取项目资金'],
  ['BUSINESS_TRIP', '带村民外出考察产业项目'],
];

/** One row per posted day from `from_day` to `to_day`, drawn from the posting's shares. */
const ATTENDANCE_SQL = `
WITH p AS (
  SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::date[], $5::date[], $6::float8[], $7::float8[], $8::float8[], $9::float8[],
    $10::float8[], $11::float8[], $12::float8[], $13::bigint[])
    AS p(posting_id, cadre_id, village_code, from_day, to_day, vlat, vlng, p_night, p_day, p_missing, p_entry, p_bad, seed)
), d AS (
  SELECT p.*, g::date AS day, p.seed * 100003 + (g::date - date '2000-01-01') AS k
  FROM p CROSS JOIN LATERAL generate_series(p.from_day::timestamp, p.to_day::timestamp, interval '1 day') AS g
), r AS (
  SELECT d.*, ${U(1)} AS u_kind, ${U(2)} AS u_miss, ${U(3)} AS u_src, ${U(4)} AS u_reason, ${U(5)} AS u_bad, ${U(6)} AS u_nbad,
    ${U(7)} AS u_none, ${U(8)} AS u_dist, ${U(9)} AS u_ang, ${U(10)} AS u_acc, ${U(11)} AS u_time, ${U(12)} AS u_ndist,
    ${U(13)} AS u_nang, ${U(14)} AS u_nacc, ${U(15)} AS u_ntime, ${U(16)} AS u_nnone, ${U(17)} AS u_late
  FROM d
), k AS (
  SELECT r.*,
    CASE WHEN u_kind < p_night THEN 'OVERNIGHT' WHEN u_kind < p_night + p_day THEN 'IN_VILLAGE'
      ELSE ($14::text[])[1 + floor(u_reason * array_length($14::text[], 1))::int] END AS kind,
    CASE WHEN u_kind < p_night + p_day THEN NULL ELSE ($15::text[])[1 + floor(u_reason * array_length($15::text[], 1))::int] END AS reason,
    (u_kind < p_night + p_day AND u_src >= p_entry) AS checkin,
    -- About one check-in in 70 was tapped without signal and reached the server a day or two later (the
    -- outbox): kept with both times and marked late (the policy's lateSyncHours, 24 by default).
    (u_late < 0.015 AND day < current_date - 2) AS late
  FROM r WHERE u_miss >= p_missing
), l AS (
  SELECT k.*,
    CASE WHEN NOT checkin THEN NULL WHEN u_bad < p_bad THEN (CASE WHEN u_none < 0.5 THEN 'NONE' ELSE 'OUTSIDE' END) ELSE 'INSIDE' END AS loc,
    CASE WHEN NOT checkin OR kind <> 'OVERNIGHT' THEN NULL WHEN u_nbad < p_bad * 0.6 THEN (CASE WHEN u_nnone < 0.5 THEN 'NONE' ELSE 'OUTSIDE' END)
      ELSE 'INSIDE' END AS nloc
  FROM k
), m AS (
  SELECT l.*,
    CASE loc WHEN 'INSIDE' THEN 80 + u_dist * 720 WHEN 'OUTSIDE' THEN 2000 + u_dist * 8000 END AS dist,
    CASE nloc WHEN 'INSIDE' THEN 50 + u_ndist * 600 WHEN 'OUTSIDE' THEN 2000 + u_ndist * 8000 END AS ndist,
    CASE WHEN checkin AND late THEN interval '25 hours' + (u_late / 0.015) * interval '30 hours' ELSE interval '0' END AS delay,
    date_trunc('second', day + interval '7 hours 20 minutes' + u_time * interval '4 hours') AT TIME ZONE 'Asia/Shanghai' AS day_at,
    date_trunc('second', day + interval '18 hours 30 minutes' + u_ntime * interval '4 hours') AT TIME ZONE 'Asia/Shanghai' AS night_at
  FROM l
)
INSERT INTO attendance_record (cadre_id, posting_id, village_code, day, kind, reason, source, marked,
  checkin_at, location, latitude, longitude, accuracy_meters, distance_meters,
  night_checkin_at, night_location, night_latitude, night_longitude, night_accuracy_meters, night_distance_meters,
  checkin_received_at, late_sync, night_received_at, night_late_sync)
SELECT cadre_id, posting_id, village_code, day, kind::"DayKind", reason,
  (CASE WHEN checkin THEN 'CHECKIN' ELSE 'ENTRY' END)::"RecordSource",
  checkin AND (loc <> 'INSIDE' OR coalesce(nloc, 'INSIDE') <> 'INSIDE' OR late),
  CASE WHEN checkin THEN day_at END,
  loc::"LocationCheck",
  round((vlat + dist * cos(2 * pi() * u_ang) / 111320)::numeric, 6)::float8,
  round((vlng + dist * sin(2 * pi() * u_ang) / (111320 * cos(radians(vlat))))::numeric, 6)::float8,
  CASE WHEN dist IS NOT NULL THEN round((10 + u_acc * 50)::numeric, 1)::float8 END,
  round(dist)::int,
  CASE WHEN nloc IS NOT NULL THEN night_at END,
  nloc::"LocationCheck",
  round((vlat + ndist * cos(2 * pi() * u_nang) / 111320)::numeric, 6)::float8,
  round((vlng + ndist * sin(2 * pi() * u_nang) / (111320 * cos(radians(vlat))))::numeric, 6)::float8,
  CASE WHEN ndist IS NOT NULL THEN round((10 + u_nacc * 50)::numeric, 1)::float8 END,
  round(ndist)::int,
  CASE WHEN checkin THEN day_at + delay END,
  checkin AND late,
  CASE WHEN nloc IS NOT NULL THEN night_at + delay END,
  nloc IS NOT NULL AND late
FROM m`;

const SIGNOFF_SQL = `
INSERT INTO attendance_signoff (team_id, village_code, month, signed_by_id, signed_by_name, signed_at)
SELECT t.team_id, t.village_code, to_char(g, 'YYYY-MM'), t.user_id, t.user_name,
  (g + interval '1 month' + t.delay * interval '1 day' + interval '10 hours') AT TIME ZONE 'Asia/Shanghai'
FROM unnest($1::int[], $2::text[], $3::date[], $4::date[], $5::int[], $6::text[], $7::int[])
  AS t(team_id, village_code, first_month, last_month, user_id, user_name, delay)
CROSS JOIN LATERAL generate_series(t.first_month::timestamp, t.last_month::timestamp, interval '1 month') AS g
ON CONFLICT DO NOTHING`;

const iso = (day: number) => dateOfDayNumber(day);
const monthStart = (day: number) => `${iso(day).slice(0, 8)}01`;

// ───────────────────────── one county ─────────────────────────

type CountyResult = { teams: number; active: number; ended: number; records: number; signoffs: number; marked: number };

async function seedCounty(
  client: pg.ClientBase,
  countyCode: string,
  regions: readonly RegionRow[],
  linkedVillage: string | null,
  townshipUsers: Map<string, { id: number; name: string }>,
  env: Env,
): Promise<CountyResult> {
  const random = seededRandom(hash32(`${countyCode}:teams`));
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const county = byCode.get(countyCode)!;
  const townships = regions
    .filter((r) => r.level === 'TOWNSHIP' && r.parentCode === countyCode)
    .sort((a, b) => a.code.localeCompare(b.code));
  const city = byCode.get(countyCode.slice(0, 4));
  const province = byCode.get(countyCode.slice(0, 2));

  // Units.
  const defs = unitsOf(
    province?.name ?? '省',
    city?.name ?? '市',
    county.name,
    townships.map((t) => t.name),
  );
  await client.query(
    `INSERT INTO unit (county_code, name, level) SELECT $1, n, l::"UnitLevel" FROM unnest($2::text[], $3::text[]) AS u(n, l) ON CONFLICT DO NOTHING`,
    [countyCode, defs.map((d) => d.name), defs.map((d) => d.level)],
  );
  const unitRows = await client.query<{ id: number; name: string }>(
    'SELECT id, name FROM unit WHERE county_code = $1',
    [countyCode],
  );
  const unitIds = new Map(unitRows.rows.map((r) => [r.name, r.id]));
  const units: Unit[] = defs.filter((d) => unitIds.has(d.name)).map((d) => ({ ...d, id: unitIds.get(d.name)! }));

  // Poor villages with their locations as the database has them.
  const villages = (
    await client.query<{ code: string; parent_code: string; latitude: number; longitude: number }>(
      `SELECT code, parent_code, latitude, longitude FROM region
       WHERE level = 'VILLAGE' AND is_poor_village AND code LIKE $1 || '%' AND latitude IS NOT NULL ORDER BY code`,
      [countyCode],
    )
  ).rows;
  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const sizes = teamSizes(random, env.profile, villages.length);
  // A few villages lack one of the five coverages on purpose (demo: 4, besides the two teams of three).
  const gaps = new Map<number, 'technician' | 'graduate' | 'member'>();
  if (env.profile === 'demo') {
    const candidates = shuffle(
      random,
      villages.map((_, i) => i).filter((i) => sizes[i] >= 4 && villages[i].code !== linkedVillage),
    );
    (['technician', 'graduate', 'technician', 'member'] as const).forEach(
      (gap, j) => candidates[j] !== undefined && gaps.set(candidates[j], gap),
    );
  }
  const usedNames = new Set<string>(Object.values(LINKED_CADRES).map((c) => c.name));
  const teams = villages.map((v, i) => {
    const linked = v.code === linkedVillage;
    const size = linked ? Math.max(sizes[i], 4) : sizes[i];
    return planTeam(
      { code: v.code, township: townshipName.get(v.parent_code) ?? '', lat: v.latitude, lng: v.longitude },
      size,
      gaps.get(i) ?? 'none',
      linked,
      units,
      usedNames,
      env,
    );
  });
  if (teams.length === 0) return { teams: 0, active: 0, ended: 0, records: 0, signoffs: 0, marked: 0 };

  // Teams, cadres, postings.
  const teamIds = await nextIds(client, 'work_team', teams.length);
  await client.query(
    `INSERT INTO work_team (id, village_code, formed_on) SELECT * FROM unnest($1::int[], $2::text[], $3::date[])`,
    [teamIds, teams.map((t) => t.villageCode), teams.map(() => iso(env.formedOn))],
  );
  const all = teams.flatMap((t, i) => t.postings.map((p) => ({ ...p, teamId: teamIds[i], team: t })));
  const cadreIds = await nextIds(client, 'cadre', all.length);
  const postingIds = await nextIds(client, 'posting', all.length);
  await client.query(
    `INSERT INTO cadre (id, region_code, name, unit_id, rank, active)
     SELECT u.id, $2, u.name, u.unit_id, u.rank::"CadreRank", true FROM unnest($1::int[], $3::text[], $4::int[], $5::text[]) AS u(id, name, unit_id, rank)
     ORDER BY u.id`,
    [cadreIds, countyCode, all.map((p) => p.name), all.map((p) => p.unit.id), all.map((p) => p.rank)],
  );
  await client.query(
    `INSERT INTO posting (id, team_id, cadre_id, village_code, role, also_first_secretary, unit_id, start_date, planned_end_date,
       ended_on, end_reason, detached_confirmed)
     SELECT u.id, u.team_id, u.cadre_id, u.village_code, u.role::"TeamRole", u.also_fs, u.unit_id, u.start_date,
       (u.start_date + interval '3 years' - interval '1 day')::date, u.ended_on, u.end_reason, u.detached
     FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::bool[], $7::int[], $8::date[], $9::date[], $10::text[], $11::bool[])
       AS u(id, team_id, cadre_id, village_code, role, also_fs, unit_id, start_date, ended_on, end_reason, detached)
     ORDER BY u.id`,
    [
      postingIds,
      all.map((p) => p.teamId),
      cadreIds,
      all.map((p) => p.team.villageCode),
      all.map((p) => p.role),
      all.map((p) => p.alsoFirstSecretary),
      all.map((p) => p.unit.id),
      all.map((p) => iso(p.start)),
      all.map((p) => (p.endedOn === null ? null : iso(p.endedOn))),
      all.map((p) => p.endReason),
      all.map((p) => p.detachedConfirmed),
    ],
  );
  // Leaders who have not yet been confirmed as detached from their original post (demo: 3).
  if (env.profile === 'demo') {
    const leaders = all
      .map((p, i) => [p, i] as const)
      .filter(([p]) => p.role === 'LEADER' && p.endedOn === null && !p.account);
    const pick = shuffle(random, leaders)
      .slice(0, 3)
      .map(([, i]) => postingIds[i]);
    await client.query('UPDATE posting SET detached_confirmed = false WHERE id = ANY($1::int[])', [pick]);
  }

  // Attendance: every posted day up to yesterday (today stays open for check-ins).
  const rows = all
    .map((p, i) => ({
      p,
      i,
      from: Math.max(env.recordsFrom, p.start),
      to: Math.min(env.yesterday, p.endedOn ?? env.yesterday),
    }))
    .filter((x) => x.from <= x.to);
  const result = await client.query(ATTENDANCE_SQL, [
    rows.map((x) => postingIds[x.i]),
    rows.map((x) => cadreIds[x.i]),
    rows.map((x) => x.p.team.villageCode),
    rows.map((x) => iso(x.from)),
    rows.map((x) => iso(x.to)),
    rows.map((x) => x.p.team.lat),
    rows.map((x) => x.p.team.lng),
    rows.map((x) => x.p.params.night),
    rows.map((x) => x.p.params.day),
    rows.map((x) => x.p.params.missing),
    rows.map((x) => x.p.params.entry),
    rows.map((x) => x.p.params.bad),
    rows.map((x) => x.p.seed),
    AWAY.map(([kind]) => kind),
    AWAY.map(([, reason]) => reason),
  ]);
  if (env.profile === 'test') {
    // Every team leader was in the village yesterday, so an unannounced inspection of yesterday always finds a
    // claimed day to contradict whichever village it draws (tests/e2e/inspections.phone.spec.ts). The draws of
    // the days are by village and day: on some days all of a small team were away.
    const yesterday = iso(env.yesterday);
    await client.query(
      `UPDATE attendance_record r SET kind = 'IN_VILLAGE', reason = NULL
         FROM posting p WHERE p.id = r.posting_id AND p.role = 'LEADER' AND r.day = $1::date
          AND r.kind NOT IN ('IN_VILLAGE', 'OVERNIGHT')`,
      [yesterday],
    );
    await client.query(
      `INSERT INTO attendance_record (cadre_id, posting_id, village_code, day, kind, source, marked)
       SELECT p.cadre_id, p.id, p.village_code, $1::date, 'IN_VILLAGE', 'ENTRY', false
         FROM posting p
        WHERE p.id = ANY($2::int[]) AND p.role = 'LEADER' AND p.start_date <= $1::date AND p.ended_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM attendance_record r WHERE r.cadre_id = p.cadre_id AND r.day = $1::date)`,
      [yesterday, postingIds],
    );
  }

  // Sign-offs by the township: January up to two months ago for most teams; last month is open for all.
  const todayIso = iso(env.today);
  const [y, m] = todayIso.split('-').map(Number);
  const monthIso = (offset: number) => {
    const index = y * 12 + (m - 1) - offset;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  };
  const twoAgo = monthIso(2);
  const firstMonth = env.profile === 'test' ? twoAgo : monthStart(env.jan1);
  const signed = teams
    .map((t, i) => ({ t, i, last: env.profile === 'test' || random.chance(0.9) ? twoAgo : monthIso(3) }))
    .filter((x) => x.last >= firstMonth);
  const signer = (village: string) => townshipUsers.get(village.slice(0, 9));
  const signoffs = await client.query(SIGNOFF_SQL, [
    signed.map((x) => teamIds[x.i]),
    signed.map((x) => x.t.villageCode),
    signed.map(() => firstMonth),
    signed.map((x) => x.last),
    signed.map((x) => signer(x.t.villageCode)?.id ?? null),
    signed.map((x) => signer(x.t.villageCode)?.name ?? '乡镇审核员'),
    signed.map(() => random.int(2, 8)),
  ]);
  const marked = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM attendance_record WHERE marked AND posting_id = ANY($1::int[])`,
    [postingIds],
  );
  return {
    teams: teams.length,
    active: all.filter((p) => p.endedOn === null).length,
    ended: all.filter((p) => p.endedOn !== null).length,
    records: result.rowCount ?? 0,
    signoffs: signoffs.rowCount ?? 0,
    marked: marked.rows[0].n,
  };
}

// ───────────────────────── accounts ─────────────────────────

/** Links `teamleader` to the leader and `member` to 刘芳 of the team of their village, when not linked yet. */
async function linkDemoAccounts(client: pg.ClientBase): Promise<string[]> {
  const linked: string[] = [];
  for (const [username, cadre] of Object.entries(LINKED_CADRES)) {
    const result = await client.query(
      `UPDATE cadre c SET user_id = u.id
       FROM app_user u
       WHERE u.username = $1 AND NOT EXISTS (SELECT 1 FROM cadre x WHERE x.user_id = u.id)
         AND c.id = (SELECT p.cadre_id FROM posting p JOIN cadre pc ON pc.id = p.cadre_id
                     WHERE p.village_code = u.scope_code AND p.role = $2::"TeamRole" AND p.ended_on IS NULL AND pc.name = $3 AND pc.user_id IS NULL
                     ORDER BY p.id LIMIT 1)`,
      [username, cadre.role, cadre.name],
    );
    if (result.rowCount) linked.push(username);
  }
  return linked;
}

/** City scale: `bench01`..`bench20`, team members of 20 villages spread over the counties, each linked to their cadre. */
async function seedBenchAccounts(client: pg.ClientBase, countyCodes: string[]): Promise<number> {
  const existing = await client.query<{ username: string }>(
    'SELECT username FROM app_user WHERE username = ANY($1::text[])',
    [BENCH_ACCOUNTS],
  );
  const have = new Set(existing.rows.map((r) => r.username));
  const missing = BENCH_ACCOUNTS.filter((u) => !have.has(u));
  if (missing.length === 0) return 0;
  const candidates = (
    await client.query<{ cadre_id: number; village_code: string; cadre_name: string; village_name: string }>(
      `SELECT DISTINCT ON (p.village_code) p.cadre_id, p.village_code, c.name AS cadre_name, r.name AS village_name
       FROM posting p JOIN cadre c ON c.id = p.cadre_id JOIN region r ON r.code = p.village_code
       WHERE p.role = 'MEMBER' AND p.ended_on IS NULL AND c.user_id IS NULL AND left(p.village_code, 6) = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.scope_code = p.village_code)
       ORDER BY p.village_code, p.id`,
      [countyCodes],
    )
  ).rows;
  if (candidates.length === 0) return 0;
  const step = candidates.length / missing.length;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let n = 0;
  for (let i = 0; i < missing.length; i++) {
    const c = candidates[Math.floor(i * step)];
    const user = await client.query<{ id: number }>(
      `INSERT INTO app_user (username, display_name, role, scope_code, password_hash, must_change_password)
       VALUES ($1, $2, 'TEAM_MEMBER', $3, $4, false) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [missing[i], `${c.village_name}队员 ${c.cadre_name}`.slice(0, 40), c.village_code, passwordHash],
    );
    if (user.rows[0]) {
      await client.query('UPDATE cadre SET user_id = $1 WHERE id = $2', [user.rows[0].id, c.cadre_id]);
      n++;
    }
  }
  return n;
}

// ───────────────────────── entry point ─────────────────────────

export async function seedTeams(
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
  const year = Number(iso(today).slice(0, 4));
  const jan1 = dayNumber(`${year}-01-01`);
  const env: Env = {
    profile,
    today,
    yesterday: today - 1,
    jan1,
    formedOn: dayNumber(`${year - 1}-01-01`),
    recordsFrom: profile === 'test' ? today - 60 : jan1,
  };
  const linkedVillage = regions.some((r) => r.code === DEMO_COUNTY_CODE)
    ? demoUsers([...regions], DEMO_COUNTY_CODE).find((u) => u.username === 'teamleader')!.scopeCode
    : null;

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    // Poor villages need a location for the check-in radius: one near the county centre where missing.
    await client.query(
      `UPDATE region v SET
         latitude = round((c.latitude + ((hashtext(v.code || ':lat') & 65535) / 65536.0 - 0.5) * 0.36)::numeric, 6),
         longitude = round((c.longitude + ((hashtext(v.code || ':lng') & 65535) / 65536.0 - 0.5) * 0.44)::numeric, 6)
       FROM region c
       WHERE c.code = left(v.code, 6) AND v.level = 'VILLAGE' AND v.is_poor_village AND v.latitude IS NULL AND c.latitude IS NOT NULL
         AND left(v.code, 6) = ANY($1::text[])`,
      [countyCodes],
    );
    const townshipUsers = new Map<string, { id: number; name: string }>();
    const staff = await client.query<{ id: number; display_name: string; scope_code: string }>(
      `SELECT id, display_name, scope_code FROM app_user WHERE role = 'TOWNSHIP_STAFF' AND NOT disabled AND length(scope_code) = 9 ORDER BY id`,
    );
    for (const u of staff.rows)
      if (!townshipUsers.has(u.scope_code))
        townshipUsers.set(u.scope_code, { id: u.id, name: u.display_name.slice(0, 40) });

    const totals = { teams: 0, active: 0, ended: 0, records: 0, signoffs: 0, marked: 0 };
    let skipped = 0;
    for (const countyCode of countyCodes) {
      const countyStarted = Date.now();
      await client.query('BEGIN');
      try {
        const has = await client.query(`SELECT 1 FROM work_team WHERE village_code LIKE $1 || '%' LIMIT 1`, [
          countyCode,
        ]);
        if (has.rowCount) {
          await client.query('ROLLBACK');
          skipped++;
          continue;
        }
        const r = await seedCounty(client, countyCode, regions, linkedVillage, townshipUsers, env);
        await client.query('COMMIT');
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += r[key];
        if (countyCodes.length > 2) {
          log(
            `teams: county ${countyCode}: ${r.teams} teams, ${r.active} active postings, ${r.records.toLocaleString('en')} attendance records (${((Date.now() - countyStarted) / 1000).toFixed(1)} s)`,
          );
        }
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    if (skipped === countyCodes.length) log(`teams: already there in all ${skipped} counties, skipped`);
    else {
      log(
        `teams: ${totals.teams} new teams, ${totals.active} active postings (+${totals.ended} ended), ${totals.records.toLocaleString('en')} attendance records ` +
          `(${totals.marked.toLocaleString('en')} marked), ${totals.signoffs} sign-offs${skipped ? `; ${skipped} counties already had teams` : ''} ` +
          `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      await client.query('ANALYZE unit, cadre, work_team, posting, attendance_record, attendance_signoff');
    }
    const linked = await linkDemoAccounts(client);
    if (linked.length) log(`teams: linked ${linked.join(', ')} to their cadres`);
    if (atScale(profile) && linkedVillage) {
      // In the run (or the part) that holds the demo county, so two parts never race for them.
      const bench = await seedBenchAccounts(client, countyCodes);
      log(`teams: bench accounts: ${bench} new (password ${DEMO_PASSWORD})`);
    }
  } finally {
    await client.end();
  }
}
