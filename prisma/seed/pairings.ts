// Seeds the cadre pairings (结对帮扶) of a profile: the cadres of each county's units with their ranks,
// encrypted ID and phone numbers; one liaison unit (联村单位) per village ("two full coverages", a few
// villages left without one on purpose); and one active pairing per household that may be paired, within
// the rank quotas ("8741"), preferring cadres of the village's liaison unit, then of its township, then of
// the county. Some households have an ended pairing before the current one (cadre transferred, ~1 % of
// the cadres have left). A handful of poor households are left uncovered on purpose. Links the demo
// account `cadre` to 周明, and (test profile) adds the fixture cadres the tests use (TEST_PAIRING_FIXTURES).
// Deterministic: one PRNG per county seeded from its code; households are taken in id order. Written with
// `pg` and unnest(...), one transaction per county. Idempotent per county: a county that already has
// pairing cadres (with ID numbers) or pairings is left as it is; the account link is added when missing.
import pg from 'pg';
import type { CadreRank, HouseholdStatus, UnitLevel } from '../../lib/generated/prisma/enums';
import { pinyinInitials } from '../../lib/households/identity';
import { MUST_PAIR_STATUSES } from '../../lib/households/rules';
import { PAIRABLE_STATUSES, type QuotaPolicy, quotaOf } from '../../lib/pairings/rules';
import { encryptText, lookupHash } from '../../lib/personal-data';
import { DEFAULT_POLICY } from '../../lib/policy/rules';
import { chinaToday, dateOfDayNumber, dayNumber } from '../../lib/time';
import { idCheckChar } from '../../lib/validation';
import { randomFullName } from './people';
import { atScale, DEMO_COUNTY_CODE } from './profiles';
import { hash32, type Random, seededRandom, shuffle, weightedPick } from './random';
import type { RegionRow } from './regions';
import type { Profile } from './run';
import { nextIds } from './sql';

/** The township the demo account `cadre` is scoped to (users.ts: the county's first township). */
const CADRE_TOWNSHIP = `${DEMO_COUNTY_CODE}101`;

/** The cadre the demo account `cadre` (users.ts: "帮扶干部 周明") is linked to: at quota, 4 households of its township. */
export const LINKED_PAIRING_CADRE = {
  username: 'cadre',
  name: '周明',
  rank: 'SECTION_CHIEF' as CadreRank,
  regionCode: CADRE_TOWNSHIP,
  households: 4,
} as const;

/** Fixed records of the test profile the tests rely on; cadres are found by name (unique in the county). */
export const TEST_PAIRING_FIXTURES = {
  /** Linked to the `cadre` account; SECTION_CHIEF kept by township 990102101, 4 active households there (at quota). */
  linked: LINKED_PAIRING_CADRE,
  /** ORDINARY cadre kept by 990102101 with no household (quota 1 free). */
  idle: { name: '王空闲', rank: 'ORDINARY' as CadreRank, regionCode: CADRE_TOWNSHIP, households: 0 },
  /** SECTION_CHIEF kept by 990102101 with 4 active households (at quota). */
  full: { name: '赵满额', rank: 'SECTION_CHIEF' as CadreRank, regionCode: CADRE_TOWNSHIP, households: 4 },
  /**
   * The only must-pair households without a cadre: two REGISTERED_POOR one-person households of this
   * village, added by this seed (the generated data has too few there), found by their heads' names.
   */
  uncoveredVillage: `${CADRE_TOWNSHIP}201`,
  uncoveredCount: 2,
  uncoveredHeads: ['待结对甲', '待结对乙'],
  /** The only village without a liaison unit. */
  villageWithoutLiaison: `${DEMO_COUNTY_CODE}102205`,
} as const;

/** Cadres' ID numbers carry this area code, which no household uses (so no cadre is a registry member). */
const CADRE_ID_AREA = '990198';

// ───────────────────────── helpers ─────────────────────────

const iso = (day: number) => dateOfDayNumber(day);

/**
 * Cadres' ID numbers (GB 11643): area 990198, the birth date, and a sequence `block * 10 + j * 2 + sex`
 * with the county's block (its last two digits mod 50) and j < 5, so two counties never share one.
 * A sixth cadre of the same county, sex and birth date moves to the nearest free day.
 */
class CadreIds {
  private readonly used = new Set<number>();
  private readonly block: number;
  /** The made-up area code of the city's cadres (990198 for the demo city): counties of two cities share blocks. */
  private readonly area: string;
  constructor(countyCode: string) {
    this.block = Number(countyCode.slice(4, 6)) % 50;
    this.area = `${countyCode.slice(0, 4)}${CADRE_ID_AREA.slice(4)}`;
  }
  take(day: number, male: boolean): string {
    const bit = male ? 1 : 0;
    for (let step = 0; ; step++) {
      const candidate = day + (step % 2 === 1 ? -((step + 1) >> 1) : step >> 1);
      for (let j = 0; j < 5; j++) {
        const seq = this.block * 10 + j * 2 + bit;
        const key = candidate * 1000 + seq;
        if (this.used.has(key)) continue;
        this.used.add(key);
        const first17 = this.area + iso(candidate).replace(/-/g, '') + String(seq).padStart(3, '0');
        return first17 + idCheckChar(first17);
      }
    }
  }
}

const MOBILE_PREFIXES = [
  '139',
  '138',
  '137',
  '136',
  '135',
  '134',
  '159',
  '158',
  '157',
  '150',
  '151',
  '152',
  '188',
  '187',
  '182',
  '183',
  '130',
  '131',
  '132',
  '155',
  '156',
  '186',
  '133',
  '153',
  '180',
  '181',
  '189',
  '177',
  '199',
];
const mobile = (random: Random) => random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');

// ───────────────────────── units ─────────────────────────

/** County leadership offices: where the county-level cadres (县级干部) sit. */
const LEADERSHIP_UNITS = ['委办公室', '人民政府办公室', '人大常委会办公室', '政协办公室', '纪委监委'];
/** More county departments besides the dispatching units of the teams seed. */
const MORE_COUNTY_UNITS = [
  '委统战部',
  '委政法委',
  '发展和改革局',
  '财政局',
  '审计局',
  '统计局',
  '公安局',
  '司法局',
  '自然资源局',
  '文化和旅游局',
  '科学技术局',
  '商务局',
  '应急管理局',
  '退役军人事务局',
  '医疗保障局',
  '乡村振兴局',
  '人民法院',
  '人民检察院',
  '总工会',
  '妇女联合会',
  '人民医院',
  '融媒体中心',
];

type UnitRow = { id: number; name: string; level: UnitLevel };

// ───────────────────────── test households ─────────────────────────

const UNCOVERED_FIXTURES = [
  {
    head: TEST_PAIRING_FIXTURES.uncoveredHeads[0],
    idBody: '99019619680520211',
    sex: 'MALE',
    birth: '1968-05-20',
    cause: 'ILLNESS',
  },
  {
    head: TEST_PAIRING_FIXTURES.uncoveredHeads[1],
    idBody: '99019619721108222',
    sex: 'FEMALE',
    birth: '1972-11-08',
    cause: 'LACK_OF_LABOUR',
  },
] as const;

const REGISTRATION = [
  ['NOT_POOR', 'APPLIED', '2014-05-06', '农户申请，村民代表大会民主评议'],
  ['APPLIED', 'FIRST_NOTICE', '2014-05-08', '村内第一次公示'],
  ['FIRST_NOTICE', 'TOWNSHIP_REVIEWED', '2014-05-16', '公示期满无异议，报乡镇审核'],
  ['TOWNSHIP_REVIEWED', 'COUNTY_ANNOUNCEMENT', '2014-05-22', '乡镇审核通过，第二次公示后报县'],
  ['COUNTY_ANNOUNCEMENT', 'REGISTERED_POOR', '2014-06-01', '县级公告无异议，建档立卡'],
] as const;

/** Test profile: the two registered poor households left without a cadre (TEST_PAIRING_FIXTURES.uncoveredHeads). */
async function addUncoveredHouseholds(client: pg.ClientBase): Promise<number[]> {
  const village = TEST_PAIRING_FIXTURES.uncoveredVillage;
  const ids: number[] = [];
  for (const f of UNCOVERED_FIXTURES) {
    const idNumber = f.idBody + idCheckChar(f.idBody);
    const hash = lookupHash(idNumber);
    const existing = await client.query<{ household_id: number }>(
      'SELECT household_id FROM person WHERE id_number_hash = $1',
      [hash],
    );
    if (existing.rows[0]) {
      ids.push(existing.rows[0].household_id);
      continue;
    }
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO household (region_code, group_name, head_name, head_initials, status, status_since, identified_year, poverty_causes,
         member_count, medical_secure)
       VALUES ($1, '1组', $2, $3, 'REGISTERED_POOR', '2014-06-01T10:00:00+08:00', 2014, ARRAY[$4]::"PovertyCause"[], 1, $5) RETURNING id`,
      [village, f.head, pinyinInitials(f.head), f.cause, f.cause !== 'ILLNESS'],
    );
    const id = rows[0].id;
    ids.push(id);
    await client.query(
      `INSERT INTO person (household_id, region_code, name, relation, is_head, id_number_enc, id_number_hash, id_last4, sex, birth_date, health, labour)
       VALUES ($1, $2, $3, 'HEAD', true, $4, $5, $6, $7::"Sex", $8, $9::"HealthStatus", $10::"LabourAbility")`,
      [
        id,
        village,
        f.head,
        encryptText(idNumber),
        hash,
        idNumber.slice(-4),
        f.sex,
        f.birth,
        f.cause === 'ILLNESS' ? 'SERIOUS' : 'HEALTHY',
        f.cause === 'ILLNESS' ? 'NONE' : 'WEAK',
      ],
    );
    await client.query(
      `INSERT INTO status_event (household_id, region_code, from_status, to_status, at, user_name, note)
       SELECT $1, $2, f::"HouseholdStatus", t::"HouseholdStatus", (d || 'T10:00:00+08:00')::timestamptz, '测试', n
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS u(f, t, d, n)`,
      [
        id,
        village,
        REGISTRATION.map((r) => r[0]),
        REGISTRATION.map((r) => r[1]),
        REGISTRATION.map((r) => r[2]),
        REGISTRATION.map((r) => r[3]),
      ],
    );
  }
  return ids;
}

// ───────────────────────── plans ─────────────────────────

const RANK_ORDER: readonly CadreRank[] = [
  'COUNTY_CHIEF',
  'COUNTY_DEPUTY',
  'SECTION_CHIEF',
  'SECTION_DEPUTY',
  'ORDINARY',
];
type RankCounts = Record<CadreRank, number>;

/** Cadres per county before the capacity check. */
function rankPlan(profile: Profile, countyCode: string): RankCounts {
  if (profile === 'demo')
    return { COUNTY_CHIEF: 20, COUNTY_DEPUTY: 60, SECTION_CHIEF: 400, SECTION_DEPUTY: 600, ORDINARY: 3920 };
  if (profile === 'test') {
    return countyCode === DEMO_COUNTY_CODE
      ? { COUNTY_CHIEF: 2, COUNTY_DEPUTY: 4, SECTION_CHIEF: 10, SECTION_DEPUTY: 12, ORDINARY: 29 }
      : { COUNTY_CHIEF: 1, COUNTY_DEPUTY: 1, SECTION_CHIEF: 2, SECTION_DEPUTY: 2, ORDINARY: 4 };
  }
  // City: ~8,300 households to pair per county; 8 is the largest quota, so ~1,000 cadres cannot cover them:
  // mostly section-level cadres (4 each), grown below until the capacity suffices.
  return { COUNTY_CHIEF: 40, COUNTY_DEPUTY: 100, SECTION_CHIEF: 450, SECTION_DEPUTY: 450, ORDINARY: 100 };
}

type CadrePlan = {
  id: number;
  regionCode: string;
  name: string;
  unitId: number;
  rank: CadreRank;
  quota: number;
  left: number;
  phone: string;
  idNumber: string;
  active: boolean;
  leftOn: number | null;
  leftReason: string | null;
  /** Fixture cadres get their households explicitly and no history. */
  fixture: 'linked' | 'idle' | 'full' | null;
};

type HouseholdRow = { id: number; region_code: string; status: HouseholdStatus };

type PairingRow = {
  householdId: number;
  cadreId: number;
  regionCode: string;
  start: number;
  end: number | null;
  reason: string | null;
};

const LEFT_REASONS: readonly (readonly [string, string, number])[] = [
  ['调离本县', '干部调动', 40],
  ['调往市直单位任职', '干部调动', 20],
  ['退休', '干部退休', 25],
  ['辞去公职', '干部离职', 5],
  ['病故', '干部病故', 2],
];
const END_REASONS: readonly (readonly [string, number])[] = [
  ['干部调动', 40],
  ['岗位调整', 30],
  ['干部提拔，工作调整', 12],
  ['帮扶力量调整，重新结对', 12],
  ['干部退休', 6],
];

type Env = { profile: Profile; today: number };

type CountyResult = {
  cadres: Record<CadreRank, number>;
  inactive: number;
  liaisons: number;
  noLiaison: number;
  active: number;
  ended: number;
  uncovered: number;
};

async function seedCounty(
  client: pg.ClientBase,
  countyCode: string,
  regions: readonly RegionRow[],
  env: Env,
): Promise<CountyResult> {
  const random = seededRandom(hash32(`${countyCode}:pairings`));
  const { profile, today } = env;
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const county = byCode.get(countyCode)!;
  const townships = regions
    .filter((r) => r.level === 'TOWNSHIP' && r.parentCode === countyCode)
    .sort((a, b) => a.code.localeCompare(b.code));
  const villages = regions
    .filter((r) => r.level === 'VILLAGE' && r.code.startsWith(countyCode))
    .sort((a, b) => a.code.localeCompare(b.code));
  const hasCadreTownship = townships.some((t) => t.code === CADRE_TOWNSHIP);

  // Quotas: the county's policy of this year, else the default.
  const year = Number(iso(today).slice(0, 4));
  const policyRow = await client.query<{ c: number; d: number; s: number; sd: number; o: number; b: number }>(
    `SELECT quota_county_chief AS c, quota_county_deputy AS d, quota_section_chief AS s, quota_section_deputy AS sd, quota_ordinary AS o,
            quota_township_backstop AS b
     FROM policy WHERE county_code = $1 AND year = $2`,
    [countyCode, year],
  );
  const p = policyRow.rows[0];
  const policy: QuotaPolicy = p
    ? {
        ...DEFAULT_POLICY,
        quotaCountyChief: p.c,
        quotaCountyDeputy: p.d,
        quotaSectionChief: p.s,
        quotaSectionDeputy: p.sd,
        quotaOrdinary: p.o,
        quotaTownshipBackstop: p.b,
      }
    : DEFAULT_POLICY;
  const quota = (rank: CadreRank) => quotaOf(rank, policy);

  // Units: the teams seed's, plus the leadership offices, more departments and every township's government.
  const defs = [
    ...LEADERSHIP_UNITS.map((n) => ({ name: county.name + n, level: 'COUNTY' as UnitLevel })),
    ...MORE_COUNTY_UNITS.map((n) => ({ name: county.name + n, level: 'COUNTY' as UnitLevel })),
    ...townships.map((t) => ({ name: `${t.name}人民政府`, level: 'TOWNSHIP' as UnitLevel })),
  ];
  await client.query(
    `INSERT INTO unit (county_code, name, level) SELECT $1, n, l::"UnitLevel" FROM unnest($2::text[], $3::text[]) AS u(n, l) ON CONFLICT DO NOTHING`,
    [countyCode, defs.map((d) => d.name), defs.map((d) => d.level)],
  );
  const units = (
    await client.query<UnitRow>('SELECT id, name, level FROM unit WHERE county_code = $1 ORDER BY id', [countyCode])
  ).rows;
  const leadership = units.filter((u) => LEADERSHIP_UNITS.some((n) => u.name === county.name + n));
  const ofLevel = (level: UnitLevel) => units.filter((u) => u.level === level && !leadership.includes(u));
  const countyUnits = ofLevel('COUNTY');
  const cityUnits = ofLevel('CITY');
  const provinceUnits = ofLevel('PROVINCE');
  const townshipUnit = new Map(townships.map((t) => [t.code, units.find((u) => u.name === `${t.name}人民政府`)!]));
  const pickUnit = (level: 'LEAD' | UnitLevel): UnitRow => {
    const pool =
      level === 'LEAD' ? leadership : level === 'COUNTY' ? countyUnits : level === 'CITY' ? cityUnits : provinceUnits;
    return random.pick(pool.length ? pool : countyUnits);
  };

  // Households that may be paired (test: with the two that stay uncovered).
  const fixtureHouseholds =
    profile === 'test' && villages.some((v) => v.code === TEST_PAIRING_FIXTURES.uncoveredVillage)
      ? await addUncoveredHouseholds(client)
      : [];
  const households = (
    await client.query<HouseholdRow>(
      `SELECT id, region_code, status FROM household WHERE region_code LIKE $1 || '%' AND status = ANY($2::"HouseholdStatus"[]) ORDER BY id`,
      [countyCode, [...PAIRABLE_STATUSES]],
    )
  ).rows;
  const mustPair = new Set<HouseholdStatus>(MUST_PAIR_STATUSES);

  // Cadre ranks, grown until the quotas cover the households with 5 % to spare.
  const plan = rankPlan(profile, countyCode);
  const capacity = () => RANK_ORDER.reduce((sum, r) => sum + plan[r] * quota(r), 0);
  const needed = Math.ceil(households.length * 1.05) + 10;
  for (let i = 0; capacity() < needed && i < 100_000; i++) plan[i % 2 === 0 ? 'SECTION_DEPUTY' : 'SECTION_CHIEF']++;
  const total = RANK_ORDER.reduce((sum, r) => sum + plan[r], 0);
  const sectionAndBelow = total - plan.COUNTY_CHIEF - plan.COUNTY_DEPUTY;
  const townshipShare = Math.min(0.6, (0.25 * total) / Math.max(1, sectionAndBelow)); // ~25 % of all cadres are township cadres

  // Names: unique in the county (the teams' cadres included), except at city scale; never a fixture's.
  const fixtureNames = new Set<string>([
    LINKED_PAIRING_CADRE.name,
    TEST_PAIRING_FIXTURES.idle.name,
    TEST_PAIRING_FIXTURES.full.name,
  ]);
  const usedNames = new Set<string>(fixtureNames);
  if (!atScale(profile)) {
    const existing = await client.query<{ name: string }>(`SELECT name FROM cadre WHERE region_code LIKE $1 || '%'`, [
      countyCode,
    ]);
    for (const r of existing.rows) usedNames.add(r.name);
  }
  const ids = new CadreIds(countyCode);
  const cadres: Omit<CadrePlan, 'id'>[] = [];
  const addCadre = (
    rank: CadreRank,
    regionCode: string,
    unit: UnitRow,
    fixed?: { name: string; fixture: CadrePlan['fixture'] },
  ) => {
    const senior = rank === 'COUNTY_CHIEF' || rank === 'COUNTY_DEPUTY';
    const male = random.chance(senior ? 0.85 : rank === 'ORDINARY' ? 0.55 : 0.7);
    const birthYear = senior
      ? random.int(1964, 1980)
      : rank === 'ORDINARY'
        ? random.int(1970, 2000)
        : random.int(1966, 1990);
    let name = fixed?.name;
    while (!name) {
      const candidate = randomFullName(random, male ? 'MALE' : 'FEMALE', birthYear);
      if (atScale(profile) ? !fixtureNames.has(candidate) : !usedNames.has(candidate)) name = candidate;
    }
    usedNames.add(name);
    const birthDay = dayNumber(`${birthYear}-01-01`) + random.int(0, 364);
    cadres.push({
      regionCode,
      name,
      unitId: unit.id,
      rank,
      quota: quota(rank),
      left: quota(rank),
      phone: mobile(random),
      idNumber: ids.take(birthDay, male),
      active: true,
      leftOn: null,
      leftReason: null,
      fixture: fixed?.fixture ?? null,
    });
  };
  for (const rank of RANK_ORDER) {
    for (let i = 0; i < plan[rank]; i++) {
      if (rank === 'COUNTY_CHIEF')
        addCadre(
          rank,
          countyCode,
          pickUnit(
            weightedPick(random, [
              ['LEAD', 80],
              ['CITY', 20],
            ] as const),
          ),
        );
      else if (rank === 'COUNTY_DEPUTY')
        addCadre(
          rank,
          countyCode,
          pickUnit(
            weightedPick(random, [
              ['LEAD', 40],
              ['COUNTY', 40],
              ['CITY', 15],
              ['PROVINCE', 5],
            ] as const),
          ),
        );
      else if (townships.length && random.chance(townshipShare)) {
        const t = random.pick(townships);
        addCadre(rank, t.code, townshipUnit.get(t.code)!);
      } else
        addCadre(
          rank,
          countyCode,
          pickUnit(
            weightedPick(random, [
              ['COUNTY', 85],
              ['CITY', 10],
              ['PROVINCE', 5],
            ] as const),
          ),
        );
    }
  }
  // The demo account's cadre, and (test) the idle and the full one: kept by the account's township.
  if (hasCadreTownship) {
    const unit = townshipUnit.get(CADRE_TOWNSHIP)!;
    addCadre('SECTION_CHIEF', CADRE_TOWNSHIP, unit, { name: LINKED_PAIRING_CADRE.name, fixture: 'linked' });
    if (profile === 'test') {
      addCadre('ORDINARY', CADRE_TOWNSHIP, unit, { name: TEST_PAIRING_FIXTURES.idle.name, fixture: 'idle' });
      addCadre('SECTION_CHIEF', CADRE_TOWNSHIP, unit, { name: TEST_PAIRING_FIXTURES.full.name, fixture: 'full' });
    }
  }
  const cadreIds = await nextIds(client, 'cadre', cadres.length);
  const all: CadrePlan[] = cadres.map((c, i) => ({ ...c, id: cadreIds[i] }));

  // ~1 % have left (transferred, retired): inactive, their households reassigned.
  const nonFixture = all.filter((c) => !c.fixture);
  const leavers = shuffle(random, [...nonFixture]).slice(
    0,
    Math.max(profile === 'test' ? 1 : 0, Math.round(nonFixture.length * 0.01)),
  );
  const leftReasonOf = new Map<number, string>();
  for (const c of leavers) {
    const [reason, endReason] = weightedPick(
      random,
      LEFT_REASONS.map(([r, e, w]) => [[r, e] as const, w] as const),
    );
    c.active = false;
    c.leftOn = today - random.int(20, 330);
    c.leftReason = reason;
    leftReasonOf.set(c.id, endReason);
  }

  // Liaison units: the leader's dispatching unit for villages with a team, else spread over the county's units.
  const teamUnits = new Map(
    (
      await client.query<{ village_code: string; unit_id: number }>(
        `SELECT DISTINCT ON (p.village_code) p.village_code, p.unit_id FROM posting p JOIN unit u ON u.id = p.unit_id
         WHERE p.role = 'LEADER' AND p.ended_on IS NULL AND u.level <> 'TOWNSHIP' AND left(p.village_code, 6) = $1
         ORDER BY p.village_code, p.id`,
        [countyCode],
      )
    ).rows.map((r) => [r.village_code, r.unit_id]),
  );
  const gapCount = profile === 'test' ? (countyCode === DEMO_COUNTY_CODE ? 1 : 0) : 3;
  const gapVillages = new Set(
    profile === 'test'
      ? villages.some((v) => v.code === TEST_PAIRING_FIXTURES.villageWithoutLiaison) && gapCount
        ? [TEST_PAIRING_FIXTURES.villageWithoutLiaison]
        : []
      : shuffle(
          random,
          villages.filter((v) => !v.code.startsWith(CADRE_TOWNSHIP)).map((v) => v.code),
        ).slice(0, gapCount),
  );
  const liaisonPool = shuffle(random, [...countyUnits, ...countyUnits, ...cityUnits, ...provinceUnits]);
  const liaison = new Map<string, number>();
  let next = 0;
  for (const v of villages) {
    if (gapVillages.has(v.code)) continue;
    liaison.set(v.code, teamUnits.get(v.code) ?? liaisonPool[next++ % liaisonPool.length].id);
  }

  // Households left uncovered on purpose.
  const uncovered = new Set<number>();
  if (profile === 'test') {
    for (const id of fixtureHouseholds) uncovered.add(id);
  } else {
    const candidates = households.filter(
      (h) => mustPair.has(h.status) && h.region_code !== TEST_PAIRING_FIXTURES.uncoveredVillage,
    );
    shuffle(random, candidates)
      .slice(0, countyCode === DEMO_COUNTY_CODE ? 6 : 2)
      .forEach((h) => uncovered.add(h.id));
  }

  // Active pairings.
  const activeStart = () => today - random.int(365, 3 * 365);
  const pairings: PairingRow[] = [];
  const cadreOf = new Map<number, CadrePlan>();
  const assign = (h: HouseholdRow, c: CadrePlan) => {
    c.left--;
    cadreOf.set(h.id, c);
    pairings.push({
      householdId: h.id,
      cadreId: c.id,
      regionCode: h.region_code,
      start: activeStart(),
      end: null,
      reason: null,
    });
  };
  // Fixtures first: their households in the account's township, poor ones first.
  for (const c of all.filter((x) => x.fixture === 'linked' || x.fixture === 'full')) {
    const mine = households
      .filter((h) => h.region_code.startsWith(CADRE_TOWNSHIP) && !uncovered.has(h.id) && !cadreOf.has(h.id))
      .sort((a, b) => Number(mustPair.has(b.status)) - Number(mustPair.has(a.status)) || a.id - b.id)
      .slice(0, c.quota);
    for (const h of mine) assign(h, c);
  }
  // Pools: each takes its cadres in a shuffled order and fills one before the next, so a cadre's households are near each other.
  type Pool = { cadres: CadrePlan[]; at: number };
  const pool = (list: CadrePlan[]): Pool => ({
    cadres: shuffle(
      random,
      list.filter((c) => c.active && !c.fixture),
    ),
    at: 0,
  });
  const take = (p: Pool | undefined): CadrePlan | null => {
    if (!p) return null;
    while (p.at < p.cadres.length && p.cadres[p.at].left <= 0) p.at++;
    return p.at < p.cadres.length ? p.cadres[p.at] : null;
  };
  const byUnit = new Map<number, CadrePlan[]>();
  const byTownship = new Map<string, CadrePlan[]>();
  const push = <K>(map: Map<K, CadrePlan[]>, key: K, c: CadrePlan) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of all) {
    push(byUnit, c.unitId, c);
    if (c.regionCode.length === 9) push(byTownship, c.regionCode, c);
  }
  const unitPools = new Map([...byUnit].map(([id, list]) => [id, pool(list)]));
  const townshipPools = new Map([...byTownship].map(([code, list]) => [code, pool(list)]));
  const countyPool = pool(all.filter((c) => c.regionCode === countyCode));
  const anyPool = pool(all);
  const ordered = [...households].sort((a, b) => a.region_code.localeCompare(b.region_code) || a.id - b.id);
  for (const h of ordered) {
    if (uncovered.has(h.id) || cadreOf.has(h.id)) continue;
    const unit = liaison.get(h.region_code);
    const c =
      take(unit === undefined ? undefined : unitPools.get(unit)) ??
      take(townshipPools.get(h.region_code.slice(0, 9))) ??
      take(countyPool) ??
      take(anyPool);
    if (c) assign(h, c); // a household no pool can take stays unpaired, as in a real county
  }

  // History: the leavers' households (ended when they left), and ~5 % more ended before the current pairing began.
  const historyFree = shuffle(
    random,
    pairings.filter((p) => !cadreOf.get(p.householdId)!.fixture),
  );
  let h = 0;
  const ended: PairingRow[] = [];
  for (const c of leavers) {
    for (let k = 0; k < c.quota && h < historyFree.length; k++, h++) {
      const current = historyFree[h];
      current.start = Math.min(today - 1, c.leftOn! + random.int(1, 20));
      ended.push({
        householdId: current.householdId,
        cadreId: c.id,
        regionCode: current.regionCode,
        start: c.leftOn! - random.int(180, 1000),
        end: c.leftOn!,
        reason: leftReasonOf.get(c.id)!,
      });
    }
  }
  const historyCount = Math.round(households.length * 0.05);
  const formerPool = all.filter((c) => !c.fixture && c.active);
  for (let k = 0; k < historyCount && h < historyFree.length && formerPool.length > 1; k++, h++) {
    const current = historyFree[h];
    let former = random.pick(formerPool);
    while (former.id === current.cadreId) former = random.pick(formerPool);
    const end = current.start - random.int(0, 20);
    ended.push({
      householdId: current.householdId,
      cadreId: former.id,
      regionCode: current.regionCode,
      start: end - random.int(200, 1200),
      end,
      reason: weightedPick(random, END_REASONS),
    });
  }

  // Write: cadres, liaisons, pairings.
  await client.query(
    `INSERT INTO cadre (id, region_code, name, unit_id, rank, phone_enc, id_number_enc, id_number_hash, id_last4, active, left_on, left_reason)
     SELECT u.id, u.region_code, u.name, u.unit_id, u.rank::"CadreRank", u.phone_enc, u.id_enc, u.id_hash, u.last4, u.active, u.left_on, u.left_reason
     FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[], $11::date[], $12::text[])
       AS u(id, region_code, name, unit_id, rank, phone_enc, id_enc, id_hash, last4, active, left_on, left_reason)
     ORDER BY u.id`,
    [
      all.map((c) => c.id),
      all.map((c) => c.regionCode),
      all.map((c) => c.name),
      all.map((c) => c.unitId),
      all.map((c) => c.rank),
      all.map((c) => encryptText(c.phone)),
      all.map((c) => encryptText(c.idNumber)),
      all.map((c) => lookupHash(c.idNumber)),
      all.map((c) => c.idNumber.slice(-4)),
      all.map((c) => c.active),
      all.map((c) => (c.leftOn === null ? null : iso(c.leftOn))),
      all.map((c) => c.leftReason),
    ],
  );
  const liaisons = await client.query(
    `INSERT INTO village_liaison (unit_id, village_code) SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT DO NOTHING`,
    [[...liaison.values()], [...liaison.keys()]],
  );
  const rows = [...ended, ...pairings].sort((a, b) => a.householdId - b.householdId || a.start - b.start);
  await client.query(
    `INSERT INTO pairing (household_id, cadre_id, region_code, started_on, ended_on, end_reason)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::date[], $5::date[], $6::text[])`,
    [
      rows.map((r) => r.householdId),
      rows.map((r) => r.cadreId),
      rows.map((r) => r.regionCode),
      rows.map((r) => iso(r.start)),
      rows.map((r) => (r.end === null ? null : iso(r.end))),
      rows.map((r) => r.reason),
    ],
  );

  const counts = Object.fromEntries(RANK_ORDER.map((r) => [r, 0])) as Record<CadreRank, number>;
  for (const c of all) counts[c.rank]++;
  return {
    cadres: counts,
    inactive: leavers.length,
    liaisons: liaisons.rowCount ?? 0,
    noLiaison: villages.length - liaison.size,
    active: pairings.length,
    ended: ended.length,
    uncovered: households.filter((x) => mustPair.has(x.status) && !cadreOf.has(x.id)).length,
  };
}

// ───────────────────────── account ─────────────────────────

/** Links the `cadre` account to 周明 of its township, when not linked yet. */
async function linkCadreAccount(client: pg.ClientBase): Promise<boolean> {
  const result = await client.query(
    `UPDATE cadre c SET user_id = u.id
     FROM app_user u
     WHERE u.username = $1 AND NOT EXISTS (SELECT 1 FROM cadre x WHERE x.user_id = u.id)
       AND c.id = (SELECT k.id FROM cadre k WHERE k.region_code = u.scope_code AND k.name = $2 AND k.rank = $3::"CadreRank" AND k.user_id IS NULL
                   ORDER BY k.id LIMIT 1)`,
    [LINKED_PAIRING_CADRE.username, LINKED_PAIRING_CADRE.name, LINKED_PAIRING_CADRE.rank],
  );
  return (result.rowCount ?? 0) > 0;
}

// ───────────────────────── entry point ─────────────────────────

export async function seedPairings(
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
  const env: Env = { profile, today: dayNumber(chinaToday()) };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const totals = {
      cadres: Object.fromEntries(RANK_ORDER.map((r) => [r, 0])) as Record<CadreRank, number>,
      inactive: 0,
      liaisons: 0,
      noLiaison: 0,
      active: 0,
      ended: 0,
      uncovered: 0,
    };
    let skipped = 0;
    for (const countyCode of countyCodes) {
      const countyStarted = Date.now();
      await client.query('BEGIN');
      try {
        const has = await client.query(
          `SELECT 1 FROM cadre WHERE region_code LIKE $1 || '%' AND id_number_hash IS NOT NULL
           UNION ALL SELECT 1 FROM pairing WHERE region_code LIKE $1 || '%' LIMIT 1`,
          [countyCode],
        );
        if (has.rowCount) {
          await client.query('ROLLBACK');
          skipped++;
          continue;
        }
        const r = await seedCounty(client, countyCode, regions, env);
        await client.query('COMMIT');
        for (const rank of RANK_ORDER) totals.cadres[rank] += r.cadres[rank];
        for (const key of ['inactive', 'liaisons', 'noLiaison', 'active', 'ended', 'uncovered'] as const)
          totals[key] += r[key];
        if (countyCodes.length > 2) {
          const n = RANK_ORDER.reduce((s, rank) => s + r.cadres[rank], 0);
          log(
            `pairings: county ${countyCode}: ${n} cadres, ${r.active} active pairings (+${r.ended} ended), ${r.uncovered} must-pair uncovered (${((Date.now() - countyStarted) / 1000).toFixed(1)} s)`,
          );
        }
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    if (skipped === countyCodes.length) log(`pairings: already there in all ${skipped} counties, skipped`);
    else {
      const n = RANK_ORDER.reduce((s, rank) => s + totals.cadres[rank], 0);
      log(
        `pairings: ${n} new cadres (${RANK_ORDER.map((r) => `${r} ${totals.cadres[r]}`).join(', ')}; ${totals.inactive} left), ` +
          `${totals.liaisons} liaison units (${totals.noLiaison} villages without), ${totals.active.toLocaleString('en')} active pairings ` +
          `(+${totals.ended.toLocaleString('en')} ended), ${totals.uncovered} must-pair households uncovered` +
          `${skipped ? `; ${skipped} counties already had pairings` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      await client.query('ANALYZE unit, cadre, village_liaison, pairing');
    }
    if (await linkCadreAccount(client))
      log(`pairings: linked ${LINKED_PAIRING_CADRE.username} to ${LINKED_PAIRING_CADRE.name}`);
  } finally {
    await client.end();
  }
}
