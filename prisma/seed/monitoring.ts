// Seeds help plans' cadres and the return-to-poverty monitoring (防返贫动态监测) of a profile (demo and city;
// the test profile's tests make their own):
//   - each help plan names its household's paired cadre (plans are written by households.ts before pairings);
//   - risk events on a few visits of this year (large medical costs, disaster, a working member lost), on
//     households not counted poor;
//   - the early warnings the rules of lib/monitoring/rules.ts compute from incomes and those events, raised over
//     the last weeks: most checked (dismissed with a reason, or verified → monitored with measures), some still
//     open, a few past their day to verify;
//   - households entered under monitoring by the township in each of the three kinds, about a third with their
//     risk closed (风险消除) on a named person's verification.
// Deterministic (one PRNG per county). Idempotent per county: a county with monitored households is left as it is.
import pg from 'pg';
import type { HouseholdStatus } from '../../lib/enums';
import { POOR_STATUSES, perCapitaIncome } from '../../lib/households/rules';
import {
  type MonitorKind,
  type RiskCause,
  suggestedKind,
  type WarningDraft,
  warningsOf,
} from '../../lib/monitoring/rules';
import { warningSources } from '../../lib/monitoring/sql';
import { MEASURE_KINDS, type MeasureKind } from '../../lib/plans/rules';
import { DEFAULT_POLICY } from '../../lib/policy/rules';
import { chinaToday, dateOfDayNumber, dayNumber } from '../../lib/time';
import { randomFullName } from './people';
import { hash32, type Random, seededRandom } from './random';
import type { RegionRow } from './regions';
import type { Profile } from './run';

const TARGETS: Record<MeasureKind, [string, number | null][]> = {
  INDUSTRY: [
    ['发展庭院经济：养殖土鸡 100 只', 2000],
    ['产业奖补：种植花椒 3 亩', 3000],
  ],
  EMPLOYMENT: [
    ['公益岗位：护林员', 6000],
    ['劳务输转：县内扶贫车间务工', null],
  ],
  EDUCATION: [
    ['雨露计划补助', 3000],
    ['寄宿生生活补助', 1250],
  ],
  HEALTH: [
    ['大病保险与医疗救助报销', 8000],
    ['家庭医生签约服务', null],
  ],
  SOCIAL_ASSISTANCE: [
    ['纳入农村低保', 4200],
    ['临时救助', 2000],
  ],
  RELOCATION: [['易地扶贫搬迁 集中安置', null]],
  HOUSING: [
    ['受灾房屋修缮补助', 20000],
    ['危房改造（C 级加固）', 15000],
  ],
  PV: [['光伏收益分配 3 千瓦', 3000]],
};
const MEASURES_FOR: Record<RiskCause, MeasureKind[]> = {
  LOW_INCOME: ['EMPLOYMENT', 'INDUSTRY', 'PV'],
  INCOME_DROP: ['EMPLOYMENT', 'INDUSTRY'],
  MEDICAL_COST: ['HEALTH', 'SOCIAL_ASSISTANCE'],
  DISASTER: ['HOUSING', 'SOCIAL_ASSISTANCE'],
  LOST_WORKER: ['SOCIAL_ASSISTANCE', 'EMPLOYMENT'],
  SCHOOLING: ['EDUCATION'],
  FAILED_BUSINESS: ['INDUSTRY', 'EMPLOYMENT'],
  OTHER: [...MEASURE_KINDS],
};
const DISMISS_REASONS = [
  '经入户核实，家庭务工收入已稳定，无返贫风险',
  '医疗费用已由医保和大病保险报销，自付部分可承受',
  '经核实为统计口径误差，实际收入高于监测线',
  '受灾损失已由保险赔付，生产生活已恢复',
];
const CLOSE_NOTES = [
  '入户核实：家庭人均收入已稳定超过监测线，“两不愁三保障”均有保障',
  '帮扶措施全部落实，主要劳动力已稳定务工',
  '医疗费用报销到位，家庭收支恢复正常',
];

type Measure = { kind: MeasureKind; target: string; amountYuan: number | null; status: string };

function measuresFor(random: Random, causes: RiskCause[], done: boolean): Measure[] {
  const kinds = [...new Set(causes.flatMap((c) => MEASURES_FOR[c].slice(0, random.int(1, 2))))].slice(0, 3);
  return kinds.map((kind) => {
    const [target, amountYuan] = random.pick(TARGETS[kind]);
    const status = done ? 'DONE' : random.chance(0.4) ? 'DONE' : random.chance(0.6) ? 'IN_PROGRESS' : 'PLANNED';
    return { kind, target, amountYuan, status };
  });
}

type Client = pg.Client;

async function insertMonitored(
  client: Client,
  m: {
    householdId: number;
    regionCode: string;
    kind: MonitorKind;
    causes: RiskCause[];
    cadreId: number;
    source: 'TOWNSHIP' | 'WARNING';
    note: string;
    startedOn: string;
    enteredById: number;
    enteredByName: string;
    closed: { on: string; by: string; note: string; byId: number } | null;
    measures: Measure[];
  },
): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO monitored_household (household_id, region_code, kind, causes, cadre_id, source, note, started_on, entered_by_id,
                                      entered_by_name, closed_on, closed_verified_by, closed_note, closed_by_id)
     VALUES ($1, $2, $3::"MonitorKind", $4::"RiskCause"[], $5, $6::"MonitorSource", $7, $8::date, $9, $10, $11::date, $12, $13, $14)
     RETURNING id`,
    [
      m.householdId,
      m.regionCode,
      m.kind,
      m.causes,
      m.cadreId,
      m.source,
      m.note,
      m.startedOn,
      m.enteredById,
      m.enteredByName,
      m.closed?.on ?? null,
      m.closed?.by ?? null,
      m.closed?.note ?? null,
      m.closed?.byId ?? null,
    ],
  );
  const id = rows[0].id;
  await client.query(
    `INSERT INTO monitor_measure (monitored_id, kind, target, amount_yuan, status)
     SELECT $1, u.kind::"MeasureKind", u.target, u.amount, u.status::"MeasureStatus"
       FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS u(kind, target, amount, status)`,
    [
      id,
      m.measures.map((x) => x.kind),
      m.measures.map((x) => x.target),
      m.measures.map((x) => x.amountYuan),
      m.measures.map((x) => x.status),
    ],
  );
  return id;
}

async function seedCounty(client: Client, countyCode: string, today: string): Promise<Record<string, number>> {
  const random = seededRandom(hash32(`monitoring-${countyCode}`));
  const todayN = dayNumber(today);
  const year = Number(today.slice(0, 4));
  const counts = {
    plansLinked: 0,
    events: 0,
    warnings: 0,
    open: 0,
    overdue: 0,
    dismissed: 0,
    verified: 0,
    monitored: 0,
    closed: 0,
  };

  counts.plansLinked =
    (
      await client.query(
        `UPDATE help_plan p SET cadre_id = pr.cadre_id
           FROM pairing pr
          WHERE pr.household_id = p.household_id AND pr.ended_on IS NULL AND p.cadre_id IS NULL AND p.region_code LIKE $1`,
        [`${countyCode}%`],
      )
    ).rowCount ?? 0;

  // Who enters and verifies: the county's office account (else any account), for the audit fields.
  const { rows: actors } = await client.query<{ id: number; display_name: string }>(
    `SELECT id, display_name FROM app_user WHERE scope_code LIKE $1 AND role IN ('TOWNSHIP_STAFF', 'COUNTY_ADMIN') ORDER BY length(scope_code) DESC, id LIMIT 20`,
    [`${countyCode}%`],
  );
  if (actors.length === 0) return counts;

  // A responsible cadre per household: its paired cadre, else a cadre posted to its village.
  const cadreOf = async (householdIds: number[]) => {
    const { rows } = await client.query<{ id: number; cadre_id: number | null }>(
      `SELECT h.id, coalesce(
                (SELECT pr.cadre_id FROM pairing pr WHERE pr.household_id = h.id ORDER BY pr.ended_on IS NULL DESC, pr.id DESC LIMIT 1),
                (SELECT ps.cadre_id FROM posting ps WHERE ps.village_code = h.region_code AND ps.ended_on IS NULL ORDER BY ps.id LIMIT 1)) AS cadre_id
         FROM household h WHERE h.id = ANY($1::int[])`,
      [householdIds],
    );
    return new Map(rows.map((r) => [r.id, r.cadre_id]));
  };

  // Risk events on about 1 in 150 of this year's visits to households not counted poor.
  const events = await client.query(
    `UPDATE visit v SET risk_event = (ARRAY['MEDICAL_COST', 'DISASTER', 'LOST_WORKER'])[1 + abs(hashtext(v.id::text)) % 3]::"RiskEvent"
       FROM household h
      WHERE h.id = v.household_id AND v.region_code LIKE $1 AND v.visited_on >= make_date($2, 1, 1)
        AND NOT (h.status::text = ANY($3::text[])) AND abs(hashtext('risk' || v.id::text)) % 150 = 0`,
    [`${countyCode}%`, year, [...POOR_STATUSES]],
  );
  counts.events = events.rowCount ?? 0;

  // The warnings the rules compute, raised over the last 40 days.
  const policy = { ...DEFAULT_POLICY };
  const query = warningSources(countyCode, year, POOR_STATUSES);
  const { rows: sources } = await client.query(query.text, [...query.values]);
  const drafts: (WarningDraft & { regionCode: string; cadreId: number | null; status: HouseholdStatus })[] = [];
  for (const s of sources as {
    id: number;
    status: string;
    region_code: string;
    member_count: number;
    monitored: boolean;
    cadre_id: number | null;
    incomes: { year: number; total: number }[];
    events: { event: string; day: string; visit_id: string | null; problem_id: number | null }[];
  }[]) {
    const incomeByYear = new Map<number, number>();
    for (const i of s.incomes) {
      const pc = perCapitaIncome(
        { wageYuan: i.total, productionYuan: 0, propertyYuan: 0, transferYuan: 0 },
        s.member_count,
      );
      if (pc !== null) incomeByYear.set(i.year, pc);
    }
    const found = warningsOf(
      {
        householdId: s.id,
        status: s.status as HouseholdStatus,
        monitored: s.monitored,
        incomeByYear,
        events: s.events.map((e) => ({
          event: e.event as 'MEDICAL_COST',
          day: e.day,
          ...(e.visit_id !== null ? { visitId: BigInt(e.visit_id) } : { problemId: e.problem_id ?? undefined }),
        })),
      },
      year,
      policy,
    );
    for (const d of found)
      drafts.push({ ...d, regionCode: s.region_code, cadreId: s.cadre_id, status: s.status as HouseholdStatus });
  }
  const cadres = await cadreOf([...new Set(drafts.map((d) => d.householdId))]);
  const monitoredHouseholds = new Set<number>();
  for (const d of drafts) {
    const raised = todayN - random.int(0, 40);
    const due = raised + policy.warningVerifyDays;
    const r = random.next();
    // Warnings raised within the last days are all still open; older ones mostly checked, a few overdue.
    const open = raised > todayN - 4 || r < 0.04;
    const verify = !open && r < 0.25 && !monitoredHouseholds.has(d.householdId) && cadres.get(d.householdId);
    const actor = random.pick(actors);
    const resolvedOn = dateOfDayNumber(Math.min(todayN, raised + random.int(1, policy.warningVerifyDays)));
    let monitoredId: number | null = null;
    if (verify) {
      const causes = [d.cause];
      monitoredId = await insertMonitored(client, {
        householdId: d.householdId,
        regionCode: d.regionCode,
        kind: suggestedKind(d.status, d.cause),
        causes,
        cadreId: cadres.get(d.householdId) as number,
        source: 'WARNING',
        note: '预警经入户核实属实，纳入监测',
        startedOn: resolvedOn,
        enteredById: actor.id,
        enteredByName: actor.display_name,
        closed: null,
        measures: measuresFor(random, causes, false),
      });
      monitoredHouseholds.add(d.householdId);
      counts.verified++;
      counts.monitored++;
    }
    const status = open ? 'OPEN' : verify ? 'VERIFIED' : 'DISMISSED';
    const inserted = await client.query(
      `INSERT INTO risk_warning (household_id, region_code, year, cause, detail, visit_id, problem_id, cadre_id, raised_on, due_on,
                                 status, resolved_on, resolved_by_id, resolved_by_name, reason, monitored_id)
       VALUES ($1, $2, $3, $4::"RiskCause", $5, $6, $7, $8, $9::date, $10::date, $11::"WarningStatus", $12::date, $13, $14, $15, $16)
       ON CONFLICT (household_id, cause, year) DO NOTHING`,
      [
        d.householdId,
        d.regionCode,
        d.year,
        d.cause,
        JSON.stringify(d.detail),
        d.visitId?.toString() ?? null,
        d.problemId ?? null,
        d.cadreId,
        dateOfDayNumber(raised),
        dateOfDayNumber(due),
        status,
        open ? null : resolvedOn,
        open ? null : actor.id,
        open ? null : actor.display_name,
        status === 'DISMISSED' ? random.pick(DISMISS_REASONS) : null,
        monitoredId,
      ],
    );
    if ((inserted.rowCount ?? 0) === 0) continue;
    counts.warnings++;
    if (open) {
      counts.open++;
      if (due < todayN) counts.overdue++;
    } else if (!verify) counts.dismissed++;
  }

  // Entered by the township: lifted-out households unstable after exit, marginal and sudden-hardship ordinary ones.
  const picks: [MonitorKind, string, number, RiskCause[]][] = [
    [
      'UNSTABLE_EXITED',
      `h.status::text IN ('LIFTED_OUT', 'MONITORED')`,
      40,
      ['LOW_INCOME', 'LOST_WORKER', 'FAILED_BUSINESS'],
    ],
    ['MARGINAL', `h.status = 'NOT_POOR'`, 120, ['LOW_INCOME', 'SCHOOLING', 'MEDICAL_COST']],
    ['SUDDEN_HARDSHIP', `h.status = 'NOT_POOR'`, 300, ['MEDICAL_COST', 'DISASTER', 'LOST_WORKER']],
  ];
  for (const [kind, where, every, causeList] of picks) {
    const { rows: households } = await client.query<{ id: number; region_code: string }>(
      `SELECT h.id, h.region_code FROM household h
        WHERE h.region_code LIKE $1 AND ${where} AND abs(hashtext($2 || h.id::text)) % $3 = 0
          AND NOT EXISTS (SELECT 1 FROM monitored_household m WHERE m.household_id = h.id)
        ORDER BY h.id`,
      [`${countyCode}%`, kind, every],
    );
    const cadresFor = await cadreOf(households.map((h) => h.id));
    for (const h of households) {
      const cadreId = cadresFor.get(h.id);
      if (!cadreId || monitoredHouseholds.has(h.id)) continue;
      const started = todayN - random.int(20, 400);
      const closed = started < todayN - 90 && random.chance(0.45);
      const causes = [random.pick(causeList), ...(random.chance(0.3) ? [random.pick(causeList)] : [])].filter(
        (c, i, all) => all.indexOf(c) === i,
      );
      const actor = random.pick(actors);
      await insertMonitored(client, {
        householdId: h.id,
        regionCode: h.region_code,
        kind,
        causes,
        cadreId,
        source: 'TOWNSHIP',
        note: kind === 'SUDDEN_HARDSHIP' ? '户内突发变故，乡镇排查纳入' : '乡镇动态排查纳入监测',
        startedOn: dateOfDayNumber(started),
        enteredById: actor.id,
        enteredByName: actor.display_name,
        closed: closed
          ? {
              on: dateOfDayNumber(Math.min(todayN - 1, started + random.int(60, 300))),
              by: randomFullName(random),
              note: random.pick(CLOSE_NOTES),
              byId: actor.id,
            }
          : null,
        measures: measuresFor(random, causes, closed),
      });
      monitoredHouseholds.add(h.id);
      counts.monitored++;
      if (closed) counts.closed++;
    }
  }
  return counts;
}

export async function seedMonitoring(
  databaseUrl: string,
  profile: Profile,
  regions: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  if (profile === 'test') return;
  const counties = regions
    .filter((r) => r.level === 'COUNTY')
    .map((r) => r.code)
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const today = chinaToday();
    for (const countyCode of counties) {
      const { rows } = await client.query('SELECT 1 FROM monitored_household WHERE region_code LIKE $1 LIMIT 1', [
        `${countyCode}%`,
      ]);
      if (rows.length > 0) continue;
      await client.query('BEGIN');
      try {
        const counts = await seedCounty(client, countyCode, today);
        await client.query('COMMIT');
        log(`monitoring ${countyCode}: ${JSON.stringify(counts)}`);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.end();
  }
}
