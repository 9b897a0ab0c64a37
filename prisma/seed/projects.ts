// Projects and funds for the demo and city counties (Qinzhou: 145 projects, seed 000): about 150 per county of
// 420 villages, in every stage with consistent dates, money paid by voucher within each source's approved amount,
// audits (some missing), assets with income, households benefiting, a few overruns refused (their audit rows, as
// the action writes them), the county's finance figures of two years, and the poor villages' mutual-aid funds
// (省财政每村注入20万元, at least 50万元 each, seed 001; some short, some loans overdue).
import pg from 'pg';
import { chinaToday, dateOfDayNumber, dayNumber } from '../../lib/time';
import { hash32, type Random, seededRandom } from './random';
import type { RegionRow } from './regions';
import type { Profile } from './run';

type Kind =
  | 'INDUSTRY'
  | 'INFRASTRUCTURE'
  | 'EMPLOYMENT'
  | 'EDUCATION'
  | 'HEALTH'
  | 'RELOCATION'
  | 'HOUSING'
  | 'PHOTOVOLTAIC'
  | 'MICROCREDIT'
  | 'OTHER';

const NAMES: Record<Kind, [string, string][]> = {
  INDUSTRY: [
    ['食用菌种植基地', '务工就业'],
    ['肉牛养殖合作社', '入股分红'],
    ['中药材种植示范园', '生产奖补'],
    ['花椒经济林提质增效', '生产奖补'],
  ],
  INFRASTRUCTURE: [
    ['通村道路硬化', '设施受益'],
    ['安全饮水巩固提升工程', '设施受益'],
    ['农田灌溉渠道改造', '设施受益'],
    ['村组便民桥', '设施受益'],
  ],
  EMPLOYMENT: [
    ['扶贫车间', '务工就业'],
    ['公益性岗位开发', '务工就业'],
  ],
  EDUCATION: [['村幼儿园建设', '公共服务']],
  HEALTH: [['标准化村卫生室', '公共服务']],
  RELOCATION: [['易地扶贫搬迁安置点配套', '住房改善']],
  HOUSING: [['农村危房改造', '住房改善']],
  PHOTOVOLTAIC: [['村级光伏电站', '入股分红']],
  MICROCREDIT: [['扶贫小额信贷贴息', '生产奖补']],
  OTHER: [['人居环境整治', '设施受益']],
};
const MECHANISM: Record<string, string> = {
  入股分红: 'DIVIDEND',
  务工就业: 'EMPLOYMENT',
  生产奖补: 'PRODUCTION_SUPPORT',
  设施受益: 'INFRASTRUCTURE',
  公共服务: 'PUBLIC_SERVICE',
  住房改善: 'HOUSING',
};
const KIND_WEIGHTS: [Kind, number][] = [
  ['INDUSTRY', 30],
  ['INFRASTRUCTURE', 30],
  ['EMPLOYMENT', 8],
  ['EDUCATION', 4],
  ['HEALTH', 4],
  ['RELOCATION', 3],
  ['HOUSING', 8],
  ['PHOTOVOLTAIC', 6],
  ['MICROCREDIT', 4],
  ['OTHER', 3],
];
const STAGES = [
  'PROPOSED',
  'APPROVED',
  'NOTICED',
  'IN_PROGRESS',
  'ACCEPTED',
  'ASSETS_REGISTERED',
  'EVALUATED',
  'CLOSED',
];
// This year's library: every stage; last year's: mostly done.
const THIS_YEAR: [string, number][] = [
  ['PROPOSED', 14],
  ['REJECTED', 3],
  ['APPROVED', 9],
  ['NOTICED', 8],
  ['IN_PROGRESS', 34],
  ['ACCEPTED', 10],
  ['ASSETS_REGISTERED', 11],
  ['EVALUATED', 6],
  ['CLOSED', 5],
];
const LAST_YEAR: [string, number][] = [
  ['IN_PROGRESS', 6],
  ['ACCEPTED', 6],
  ['ASSETS_REGISTERED', 14],
  ['EVALUATED', 20],
  ['CLOSED', 54],
];

const weighted = <T>(random: Random, items: [T, number][]): T => {
  let n = random.int(
    1,
    items.reduce((s, [, w]) => s + w, 0),
  );
  for (const [item, w] of items) if ((n -= w) <= 0) return item;
  return items[0][0];
};
const fenOfYuan = (yuan: number) => BigInt(Math.round(yuan)) * 100n;

export async function seedProjects(
  databaseUrl: string,
  profile: Profile,
  regions: readonly RegionRow[],
  log: (line: string) => void,
): Promise<void> {
  if (profile === 'test') return; // the tests build their own projects
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const county of regions.filter((r) => r.level === 'COUNTY')) {
      const done = await client.query('SELECT 1 FROM project WHERE region_code LIKE $1 LIMIT 1', [`${county.code}%`]);
      if (done.rowCount) continue;
      await client.query('BEGIN');
      const counts = await seedCounty(client, county, regions);
      await client.query('COMMIT');
      log(
        `projects ${county.code}: ${counts.projects} projects, ${counts.payments} vouchers, ${counts.funds} mutual-aid funds`,
      );
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function seedCounty(client: pg.Client, county: RegionRow, regions: readonly RegionRow[]) {
  const random = seededRandom(hash32(`projects-${county.code}`));
  const today = chinaToday();
  const todayN = dayNumber(today);
  const year = Number(today.slice(0, 4));
  const villages = regions.filter((r) => r.level === 'VILLAGE' && r.code.startsWith(county.code));
  const poor = villages.filter((v) => v.isPoorVillage);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const units = (
    await client.query<{ id: number }>('SELECT id FROM unit WHERE county_code = $1 ORDER BY id', [county.code])
  ).rows.map((r) => r.id);
  const countyUser = (
    await client.query<{ id: number; display_name: string; username: string }>(
      `SELECT id, display_name, username FROM app_user WHERE role = 'COUNTY_ADMIN' AND scope_code = $1 ORDER BY id LIMIT 1`,
      [county.code],
    )
  ).rows[0];
  const townshipUsers = (
    await client.query<{ id: number; display_name: string; scope_code: string }>(
      `SELECT id, display_name, scope_code FROM app_user WHERE role = 'TOWNSHIP_STAFF' AND scope_code LIKE $1 ORDER BY id`,
      [`${county.code}%`],
    )
  ).rows;
  if (units.length === 0 || villages.length === 0) return { projects: 0, payments: 0, funds: 0 };
  const clerk = countyUser ?? { id: 0, display_name: '县扶贫办', username: 'seed' };
  const implementer = (township: string) =>
    townshipUsers.find((u) => township.startsWith(u.scope_code)) ?? {
      id: 0, // a township without an account in the demo: its station by name
      display_name: `${names.get(township) ?? ''}扶贫工作站`,
    };
  const householdsOf = async (codes: string[]) =>
    (
      await client.query<{ id: number; region_code: string }>(
        `SELECT id, region_code FROM household WHERE region_code = ANY($1::text[])
            AND status IN ('REGISTERED_POOR', 'RETURNED_TO_POVERTY', 'EXIT_APPRAISED', 'LIFTED_OUT', 'MONITORED')
          ORDER BY id`,
        [codes],
      )
    ).rows;

  const target = Math.max(8, Math.round((150 * villages.length) / 420));
  let projects = 0;
  let payments = 0;
  let voucher = 0;
  const refused: { projectId: number; regionCode: string; remaining: bigint }[] = [];
  for (let n = 0; n < target; n++) {
    const ofLastYear = n % 3 === 2;
    const projectYear = ofLastYear ? year - 1 : year;
    const stage = weighted(random, ofLastYear ? LAST_YEAR : THIS_YEAR);
    const kind = weighted(random, KIND_WEIGHTS);
    const [title, mechanismName] = random.pick(NAMES[kind]);
    const lead = random.chance(0.8) ? random.pick(poor.length ? poor : villages) : random.pick(villages);
    const township = lead.code.slice(0, 9);
    const spread = random.next();
    const codes =
      spread < 0.85
        ? [lead.code]
        : spread < 0.96
          ? [
              ...new Set([
                lead.code,
                ...villages
                  .filter((v) => v.code.startsWith(township))
                  .slice(0, random.int(1, 3))
                  .map((v) => v.code),
              ]),
            ]
          : [...new Set([lead.code, random.pick(villages).code, random.pick(villages).code])];
    codes.sort();
    const home =
      codes.length === 1 ? codes[0] : new Set(codes.map((c) => c.slice(0, 9))).size === 1 ? township : county.code;
    const place = home.length === 12 ? names.get(home) : home.length === 9 ? names.get(home) : county.name;
    const name = `${projectYear}年${place}${title}`;
    // Dates along the stages, all before today.
    const start = dayNumber(`${projectYear}-01-10`) + random.int(0, ofLastYear ? 120 : 60);
    const approvedOn = start + random.int(10, 30);
    const noticeOn = approvedOn + random.int(3, 10);
    const noticeEnd = noticeOn + 9;
    const startedOn = noticeEnd + random.int(2, 15);
    const acceptedOn = Math.min(todayN - 40, startedOn + random.int(90, 200));
    const assetOn = acceptedOn + random.int(5, 20);
    const evaluatedOn = assetOn + random.int(10, 30);
    const closedOn = Math.min(todayN - 1, evaluatedOn + random.int(10, 40));
    const reached = stage === 'REJECTED' ? 0 : STAGES.indexOf(stage);
    const overdue = stage === 'IN_PROGRESS' && random.chance(0.3);
    const plannedEnd = overdue
      ? todayN - random.int(10, 90)
      : reached >= 4
        ? acceptedOn + random.int(0, 30)
        : Math.max(todayN + 30, startedOn + 200);
    const progress = reached >= 4 ? 100 : stage === 'IN_PROGRESS' ? random.int(2, 19) * 5 : 0;
    // The budget: one to three sources, 50,000 to 3,000,000 yuan in hundreds.
    const sources = [
      ...new Set(
        Array.from({ length: random.int(1, 3) }, () =>
          weighted(random, [
            ['CENTRAL', 5],
            ['PROVINCIAL', 3],
            ['CITY', 1],
            ['COUNTY', 4],
            ['INTEGRATED_AGRICULTURE', 4],
            ['DEPARTMENT', 2],
            ['SOCIAL', 1],
            ['EAST_WEST', 1],
          ] as [string, number][]),
        ),
      ),
    ];
    // Per source, in ten-thousands of yuan: roads and relocation the most, services the least (Qinzhou: 145 projects, 1,112万).
    const [low, high] =
      kind === 'INFRASTRUCTURE' || kind === 'RELOCATION'
        ? [5, 60]
        : kind === 'INDUSTRY' || kind === 'PHOTOVOLTAIC'
          ? [3, 30]
          : [1, 15];
    const funds = sources.map((s) => ({
      source: s,
      fen: fenOfYuan(random.int(low, high) * 10_000 + random.int(0, 99) * 100),
    }));
    const who = implementer(township);
    const row = await client.query<{ id: number }>(
      `INSERT INTO project (region_code, year, name, kind, description, owner_unit_id, contact_name, contact_phone, planned_end_on,
                            stage, progress_percent, notice_start_on, notice_end_on, accepted_on, closed_on, created_by_id, created_at)
       VALUES ($1, $2, $3, $4::"ProjectKind", $5, $6, $7, $8, $9::date, $10::"ProjectStage", $11, $12::date, $13::date, $14::date, $15::date, $16, $17::date)
       RETURNING id`,
      [
        home,
        projectYear,
        name,
        kind,
        `${title}：${codes.map((c) => names.get(c)).join('、')}。带贫方式：${mechanismName}。`,
        random.pick(units),
        random.pick(['张建军', '李文华', '王志强', '赵秀英', '刘海平', '陈晓东']),
        `139${String(random.int(10_000_000, 99_999_999))}`,
        dateOfDayNumber(plannedEnd),
        stage,
        progress,
        reached >= 2 ? dateOfDayNumber(noticeOn) : null,
        reached >= 2 ? dateOfDayNumber(noticeEnd) : null,
        reached >= 4 ? dateOfDayNumber(acceptedOn) : null,
        stage === 'CLOSED' ? dateOfDayNumber(closedOn) : null,
        clerk.id,
        dateOfDayNumber(start),
      ],
    );
    const id = row.rows[0].id;
    projects++;
    await client.query('INSERT INTO project_village (project_id, village_code) SELECT $1, unnest($2::text[])', [
      id,
      codes,
    ]);
    await client.query(
      `INSERT INTO project_fund (project_id, source, amount_fen) SELECT $1, unnest($2::text[])::"FundSource", unnest($3::bigint[])`,
      [id, funds.map((f) => f.source), funds.map((f) => f.fen.toString())],
    );
    // Steps, in order, as the workflow writes them.
    const steps: [
      string,
      string | null,
      string,
      number,
      number | null,
      string | null,
      { id: number; display_name: string },
    ][] = [['PROPOSE', null, 'PROPOSED', start, null, null, clerk]];
    if (stage === 'REJECTED')
      steps.push(['REJECT', 'PROPOSED', 'REJECTED', approvedOn, null, '资金来源不落实，暂缓立项', clerk]);
    if (reached >= 1) steps.push(['APPROVE', 'PROPOSED', 'APPROVED', approvedOn, null, null, clerk]);
    if (reached >= 2) steps.push(['NOTICE', 'APPROVED', 'NOTICED', noticeOn, null, null, who]);
    if (reached >= 3) {
      steps.push(['START', 'NOTICED', 'IN_PROGRESS', startedOn, 0, null, who]);
      const last = reached >= 4 ? 100 : progress;
      if (last > 0)
        steps.push(['PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', Math.min(todayN - 2, startedOn + 60), last, null, who]);
    }
    if (reached >= 4)
      steps.push(['ACCEPT', 'IN_PROGRESS', 'ACCEPTED', acceptedOn, null, '工程质量合格，同意验收', clerk]);
    if (reached >= 5) steps.push(['REGISTER_ASSET', 'ACCEPTED', 'ASSETS_REGISTERED', assetOn, null, null, clerk]);
    if (reached >= 6)
      steps.push([
        'EVALUATE',
        'ASSETS_REGISTERED',
        'EVALUATED',
        evaluatedOn,
        null,
        '带贫效果良好，资金使用规范',
        clerk,
      ]);
    if (reached >= 7) steps.push(['CLOSE', 'EVALUATED', 'CLOSED', closedOn, null, null, clerk]);
    for (const [kindOfStep, from, to, on, pct, note, by] of steps)
      await client.query(
        `INSERT INTO project_step (project_id, kind, from_stage, to_stage, progress_percent, note, user_id, user_name, created_at)
         VALUES ($1, $2::"ProjectStepKind", $3::"ProjectStage", $4::"ProjectStage", $5, $6, $7, $8, ($9::date + time '10:00') AT TIME ZONE 'Asia/Shanghai')`,
        [id, kindOfStep, from, to, pct, note, by.id, by.display_name, dateOfDayNumber(on)],
      );
    // Vouchers: a share of each source by how far the work is.
    if (reached >= 1) {
      const share = reached >= 4 ? random.int(85, 100) : reached === 3 ? random.int(20, 70) : random.int(0, 20);
      for (const fund of funds) {
        let left = (fund.fen * BigInt(share)) / 100n;
        const parts = random.int(1, 3);
        for (let p = 0; p < parts && left > 0n; p++) {
          const amount = p === parts - 1 ? left : (left / BigInt(parts - p) / 100n) * 100n;
          if (amount <= 0n) continue;
          left -= amount;
          const paidOn = Math.min(
            todayN - 1,
            approvedOn + 15 + p * random.int(20, 60) + (reached >= 3 ? startedOn - approvedOn : 0),
          );
          voucher++;
          await client.query(
            `INSERT INTO project_payment (project_id, source, kind, paid_on, amount_fen, voucher_no, payee, created_by_id)
             VALUES ($1, $2::"FundSource", $3::"PaymentKind", $4::date, $5, $6, $7, $8)`,
            [
              id,
              fund.source,
              p === 0 ? 'DISBURSEMENT' : 'REIMBURSEMENT',
              dateOfDayNumber(paidOn),
              amount.toString(),
              `${county.code.slice(4)}-${projectYear}-${String(voucher).padStart(5, '0')}`,
              p === 0
                ? `${names.get(township) ?? ''}财政所`
                : random.pick(['丰源建工有限公司', '绿源农业合作社', '宏达路桥公司', '村集体经济合作社']),
              clerk.id,
            ],
          );
          payments++;
        }
        if (reached >= 3 && refused.length < 4 && random.chance(0.15))
          refused.push({ projectId: id, regionCode: home, remaining: fund.fen - (fund.fen * BigInt(share)) / 100n });
      }
    }
    // Households benefiting (poor and lifted-out households of its villages).
    if (stage !== 'REJECTED') {
      const households = await householdsOf(codes);
      const chosen = households.filter(() => random.chance(kind === 'INFRASTRUCTURE' ? 0.6 : 0.25)).slice(0, 60);
      if (chosen.length)
        await client.query(
          `INSERT INTO project_beneficiary (project_id, household_id, village_code, mechanism)
           SELECT $1, unnest($2::int[]), unnest($3::text[]), $4::"BenefitMechanism" ON CONFLICT DO NOTHING`,
          [id, chosen.map((h) => h.id), chosen.map((h) => h.region_code), MECHANISM[mechanismName]],
        );
      // Assets, from registration on, and what operating assets returned.
      if (reached >= 5) {
        const value = funds.reduce((s, f) => s + f.fen, 0n);
        const household = kind === 'HOUSING' && chosen.length ? chosen[0] : null;
        const assetKind = household
          ? 'HOUSEHOLD'
          : ['INDUSTRY', 'PHOTOVOLTAIC', 'EMPLOYMENT'].includes(kind)
            ? 'OPERATING'
            : 'PUBLIC_BENEFIT';
        const asset = await client.query<{ id: number }>(
          `INSERT INTO asset (project_id, region_code, kind, name, owner_name, custodian, value_fen, household_id, registered_on, created_by_id)
           VALUES ($1, $2, $3::"AssetKind", $4, $5, $6, $7, $8, $9::date, $10) RETURNING id`,
          [
            id,
            household ? household.region_code : home,
            assetKind,
            `${place}${title}`,
            household ? '受益农户' : home.length === 12 ? `${place}股份经济合作社` : `${place}人民政府`,
            random.pick(['村委会 王主任', '合作社 李理事长', '村监委会 赵委员']),
            value.toString(),
            household?.id ?? null,
            dateOfDayNumber(assetOn),
            clerk.id,
          ],
        );
        if (assetKind === 'OPERATING')
          for (let k = 0; k < random.int(1, 2); k++) {
            const paidOn = Math.min(todayN - 1, assetOn + 60 + k * 120);
            if (paidOn <= assetOn) continue;
            await client.query(
              `INSERT INTO asset_income (asset_id, paid_on, amount_fen, households, created_by_id) VALUES ($1, $2::date, $3, $4, $5)`,
              [
                asset.rows[0].id,
                dateOfDayNumber(paidOn),
                ((value * BigInt(random.int(3, 8))) / 100n).toString(),
                Math.max(1, chosen.length),
                clerk.id,
              ],
            );
          }
      }
      // Audits: every closed project; most others after acceptance (some missing on purpose).
      if (reached >= 4 && (stage === 'CLOSED' || random.chance(0.6))) {
        await client.query(
          `INSERT INTO project_audit (project_id, audited_on, auditor, finding, amount_questioned_fen, created_by_id)
           VALUES ($1, $2::date, $3, $4, $5, $6)`,
          [
            id,
            dateOfDayNumber(Math.min(todayN - 1, acceptedOn + random.int(10, 30))),
            `${county.name}审计局`,
            random.chance(0.85) ? '资金使用规范，未发现问题' : '部分报账凭证不全，已责令补正',
            random.chance(0.85) ? 0 : random.int(1, 30) * 100_000,
            clerk.id,
          ],
        );
      }
    }
  }
  // A few vouchers over a source's approved amount, refused: their audit rows as the action writes them.
  for (const r of refused)
    await client.query(
      `INSERT INTO audit_log (at, user_id, username, role, action, region_code, result, message, request_id)
       VALUES (now() - interval '20 days', $1, $2, 'COUNTY_ADMIN', 'project.pay', $3, 'REFUSED', 'projects.overBudget', $4)`,
      [clerk.id || null, clerk.username, r.regionCode, `seed-${r.projectId}`],
    );
  // The county's finance figures: this year above both lines, last year below the revenue line.
  const countyFunds = await client.query<{ year: number; fen: string }>(
    `SELECT j.year, coalesce(sum(f.amount_fen), 0)::text AS fen FROM project_fund f JOIN project j ON j.id = f.project_id
      WHERE f.source = 'COUNTY' AND left(j.region_code, 6) = $1 AND j.stage NOT IN ('PROPOSED', 'REJECTED') GROUP BY 1`,
    [county.code],
  );
  for (const { year: y, fen } of countyFunds.rows) {
    const base = (BigInt(fen) * 100n) / (y === year ? 23n : 17n);
    const spending = base * 30n;
    await client.query(
      `INSERT INTO fund_year (county_code, year, local_revenue_increase_fen, county_spending_fen, county_poverty_spending_fen, complaint_phone)
       VALUES ($1, $2, $3, $4, $5, '12317') ON CONFLICT DO NOTHING`,
      [county.code, y, base.toString(), spending.toString(), ((spending * (y === year ? 72n : 66n)) / 100n).toString()],
    );
  }
  // Mutual-aid funds of the poor villages: 20万 from the province, county top-ups to 50万 for most.
  let fundsMade = 0;
  for (const village of poor) {
    const r = seededRandom(hash32(`mutual-${village.code}`));
    const entries: [number, bigint, string][] = [[dayNumber(`${year - 2}-04-01`), fenOfYuan(200_000), '省财政注入']];
    if (r.chance(0.85)) entries.push([dayNumber(`${year - 1}-03-15`), fenOfYuan(300_000), '市县财政及扶贫资金补助']);
    else entries.push([dayNumber(`${year - 1}-03-15`), fenOfYuan(r.int(5, 20) * 10_000), '社会帮扶']);
    for (const [on, fen, source] of entries)
      await client.query(
        `INSERT INTO mutual_fund_capital (village_code, received_on, amount_fen, source, created_by_id) VALUES ($1, $2::date, $3, $4, $5)`,
        [village.code, dateOfDayNumber(on), fen.toString(), source, clerk.id],
      );
    const households = await householdsOf([village.code]);
    let lent = 0n;
    const capital = entries.reduce((s, e) => s + e[1], 0n);
    for (const h of households.filter(() => r.chance(0.15)).slice(0, 12)) {
      const amount = fenOfYuan(r.int(1, 10) * 5_000);
      if (lent + amount > capital) break;
      const lentOn = todayN - r.int(60, 500);
      const dueOn = lentOn + 365;
      const due = dueOn < todayN;
      const repaid = due
        ? r.chance(0.8)
          ? amount
          : (amount * BigInt(r.int(0, 5))) / 10n
        : (amount * BigInt(r.int(0, 5))) / 10n;
      const loan = await client.query<{ id: number }>(
        `INSERT INTO mutual_loan (village_code, household_id, amount_fen, lent_on, due_on, repaid_fen, created_by_id)
         VALUES ($1, $2, $3, $4::date, $5::date, $6, $7) RETURNING id`,
        [
          village.code,
          h.id,
          amount.toString(),
          dateOfDayNumber(lentOn),
          dateOfDayNumber(dueOn),
          repaid.toString(),
          clerk.id,
        ],
      );
      if (repaid > 0n)
        await client.query(
          `INSERT INTO mutual_repayment (loan_id, paid_on, amount_fen, created_by_id) VALUES ($1, $2::date, $3, $4)`,
          [
            loan.rows[0].id,
            dateOfDayNumber(Math.min(todayN - 1, lentOn + r.int(100, 360))),
            repaid.toString(),
            clerk.id,
          ],
        );
      lent += amount - repaid;
    }
    fundsMade++;
  }
  return { projects, payments, funds: fundsMade };
}
