// Projects and funds (issue 19): every stage through the actions with who may take it and the refusals (nothing
// written), money from voucher to county (refused before approval, over a source's approved amount, a voucher
// twice), assets and audits, the mutual-aid funds, the overview's figures equal to the lists behind them at every
// level, the ledgers as files, and other counties kept out. Fixtures: this file's own villages (9901021015 8x,
// 9901021025 8x, 990103101581), households, units and accounts, removed afterwards.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as outbox } from '@/app/api/outbox/route';
import type { ActionState } from '@/lib/action-state';
import { db } from '@/lib/db';
import * as actions from '@/lib/projects/actions';
import { exportProjectLedger } from '@/lib/projects/commands';
import {
  assetPage,
  assetRows,
  beneficiaryPage,
  fundYearView,
  getProject,
  listProjects,
  mutualOverview,
  paymentPage,
  paymentRows,
  projectOverview,
} from '@/lib/projects/data';
import type { ProjectFilters } from '@/lib/projects/filters';
import { chinaToday, dateOfDayNumber, dayNumber, dayOf } from '@/lib/time';
import { savePhoto } from '@/lib/visits/commands';
import { readAttachment } from '@/lib/visits/data';
import {
  makeProblemHousehold,
  makeProblemUser,
  makeProblemVillage,
  removeProblemFixtures,
  trackAttachmentKey,
} from '../support/problems';
import { makeProject, removeProjectFixtures, trackFundYear, trackProjectVillage } from '../support/projects';
import { lastAudit, OTHER_COUNTY, run, signInAs, TOWNSHIP_1, TOWNSHIP_2 } from './helpers';

const V1 = `${TOWNSHIP_1}581`;
const V2 = `${TOWNSHIP_1}582`;
const V3 = `${TOWNSHIP_2}581`;
const V_OTHER = `${OTHER_COUNTY}101581`;
const NOT_FOUND = '找不到该记录，或它不在您的管辖范围内。';
const today = chinaToday();
const year = Number(today.slice(0, 4));

let households: { id: number; regionCode: string }[] = [];
let otherHousehold: { id: number };
let unitId = 0;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'bangfu-uploads-'));
  process.env.UPLOAD_DIR = uploadDir; // read on the first store (lib/storage.ts)
  for (const v of [V1, V2, V3, V_OTHER]) {
    await makeProblemVillage(v);
    trackProjectVillage(v);
  }
  households = [await makeProblemHousehold(V1), await makeProblemHousehold(V1), await makeProblemHousehold(V2)];
  otherHousehold = await makeProblemHousehold(V_OTHER);
  unitId = (
    await db.unit.create({ data: { countyCode: '990102', name: `项目测试单位${Date.now()}`, level: 'COUNTY' } })
  ).id;
});
afterAll(async () => {
  await removeProjectFixtures();
  await db.unit.deleteMany({ where: { id: unitId } });
  await removeProblemFixtures();
  await rm(uploadDir, { recursive: true, force: true });
});

const countRows = async () => ({
  projects: await db.project.count(),
  payments: await db.projectPayment.count(),
  steps: await db.projectStep.count(),
  assets: await db.asset.count(),
  audits: await db.projectAudit.count(),
});

const proposal = (villageCodes: string[], extra: Record<string, string> = {}) => ({
  year: String(year),
  name: '测试通村道路硬化',
  kind: 'INFRASTRUCTURE',
  description: '硬化道路 3 公里',
  villageCodes: villageCodes.join(','),
  ownerUnitId: String(unitId),
  contactName: '张工',
  contactPhone: '13912345678',
  plannedEndOn: `${year}-12-31`,
  fund_CENTRAL: '100,000.50',
  fund_COUNTY: '20000',
  ...extra,
});

/** The proposal form sends each chosen village as its own field, as a browser does. */
async function propose(values: Record<string, string>): Promise<ActionState & { redirectedTo?: string }> {
  const { villageCodes, ...rest } = values;
  const data = new FormData();
  for (const [k, v] of Object.entries(rest)) data.set(k, v);
  for (const code of villageCodes ? villageCodes.split(',') : []) data.append('villageCodes', code);
  try {
    return await actions.proposeProject({ ok: false }, data);
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_REDIRECT')) return { ok: true, redirectedTo: digest.split(';')[2] };
    throw error;
  }
}

const step = async (projectId: number, stepName: string, extra: Record<string, string | number> = {}) => {
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
  return run(actions.projectStep, { projectId, version: project.version, step: stepName, ...extra });
};

describe('a project from proposal to closing', () => {
  it('goes through every stage with the right people, refusing steps out of order and writing nothing then', async () => {
    await signInAs('township');
    // The library: villages of the area, the budget by source; the home area is the smallest holding them all.
    expect(await propose(proposal([]))).toMatchObject({
      ok: false,
      fieldErrors: { villageCodes: ['请至少选择一个村'] },
    });
    expect(await propose(proposal([V1], { fund_CENTRAL: '', fund_COUNTY: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { fund_CENTRAL: ['请至少填写一项资金预算'] },
    });
    expect(await propose(proposal([V1], { fund_CENTRAL: '12.345' }))).toMatchObject({
      ok: false,
      fieldErrors: { fund_CENTRAL: [expect.stringContaining('最多两位小数')] },
    });
    expect(await propose(proposal([V1, V3]))).toMatchObject({ ok: false, formError: NOT_FOUND }); // V3: another township
    const before = await countRows();
    expect(before.projects).toBe(await db.project.count());
    const proposed = await propose(proposal([V1, V2]));
    expect(proposed).toMatchObject({ ok: true });
    const id = Number(proposed.redirectedTo?.split('/').pop());
    const project = await db.project.findUniqueOrThrow({ where: { id }, include: { funds: true, villages: true } });
    expect(project).toMatchObject({ regionCode: TOWNSHIP_1, stage: 'PROPOSED' });
    expect(project.funds.map((f) => [f.source, f.amountFen])).toEqual(
      expect.arrayContaining([
        ['CENTRAL', 10_000_050n],
        ['COUNTY', 2_000_000n],
      ]),
    );

    // Money before approval is refused; the township cannot approve.
    await signInAs('county');
    const voucher = {
      projectId: id,
      source: 'CENTRAL',
      kind: 'DISBURSEMENT',
      paidOn: today,
      amount: '100',
      voucherNo: 'T-1',
      payee: '施工方',
    };
    expect(await run(actions.recordPayment, voucher)).toMatchObject({
      ok: false,
      formError: '项目批复前不能拨付资金。',
    });
    await signInAs('township');
    expect(await step(id, 'APPROVE')).toMatchObject({ ok: false, formError: '这一步由县扶贫办办理。' });
    await signInAs('county');
    expect(await step(id, 'START')).toMatchObject({ ok: false, formError: expect.stringContaining('不能进行这一步') });
    expect(await countRows()).toMatchObject({ ...before, projects: before.projects + 1, steps: before.steps + 1 });
    expect(await step(id, 'APPROVE')).toMatchObject({ ok: true, message: '项目已批复' });

    // The notice: work cannot start until it is over.
    await signInAs('township');
    expect(await step(id, 'NOTICE')).toMatchObject({ ok: true });
    const noticed = await db.project.findUniqueOrThrow({ where: { id } });
    expect(noticed.stage).toBe('NOTICED');
    expect(dayNumber(noticed.noticeEndOn!.toISOString().slice(0, 10)) - dayNumber(today)).toBe(9); // 10 days, policy
    expect(await step(id, 'START')).toMatchObject({ ok: false, formError: expect.stringContaining('公示期未满') });
    await db.project.update({ where: { id }, data: { noticeEndOn: dayOf(dateOfDayNumber(dayNumber(today) - 1)) } });
    expect(await step(id, 'START', { progressPercent: 10 })).toMatchObject({ ok: true });
    expect(await step(id, 'PROGRESS', { progressPercent: 5 })).toMatchObject({
      ok: false,
      fieldErrors: { progressPercent: ['进度不能低于上次报告的 10%。'] },
    });
    expect(await step(id, 'PROGRESS')).toMatchObject({ ok: false, fieldErrors: { progressPercent: ['此项必填'] } });

    // Money: within each source's approved amount, a voucher number once in the county.
    await signInAs('county');
    expect(await run(actions.recordPayment, voucher)).toMatchObject({ ok: true, message: '拨付已登记' });
    expect(await run(actions.recordPayment, { ...voucher, amount: '5' })).toMatchObject({
      ok: false,
      fieldErrors: { voucherNo: ['这个凭证号在本县已登记过'] },
    });
    const overrun = await countRows();
    expect(await run(actions.recordPayment, { ...voucher, voucherNo: 'T-2', amount: '99,900.51' })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ['超过这项资金的批复余额（还剩 99,900.50 元）'] },
    });
    expect(await lastAudit('project.pay')).toMatchObject({ result: 'REFUSED', message: 'projects.overBudget' });
    expect(await run(actions.recordPayment, { ...voucher, source: 'CITY', voucherNo: 'T-3' })).toMatchObject({
      ok: false,
      fieldErrors: { source: ['这个项目没有这项资金来源的批复'] },
    });
    expect(await countRows()).toEqual(overrun);
    expect(await run(actions.recordPayment, { ...voucher, voucherNo: 'T-2', amount: '99900.50' })).toMatchObject({
      ok: true,
    });

    // Acceptance at 100 % by someone who did not implement it.
    await signInAs('township');
    expect(await step(id, 'ACCEPT')).toMatchObject({ ok: false, formError: '这一步由县扶贫办办理。' });
    expect(await step(id, 'PROGRESS', { progressPercent: 100 })).toMatchObject({ ok: true });
    const clerk = await makeProblemUser({ role: 'COUNTY_ADMIN', scopeCode: '990102' });
    await signInAs(clerk.username);
    expect(await step(id, 'PROGRESS', { progressPercent: 100 })).toMatchObject({ ok: true });
    expect(await step(id, 'ACCEPT')).toMatchObject({
      ok: false,
      formError: expect.stringContaining('不能验收自己的工作'),
    });
    await signInAs('county');
    expect(
      await run(actions.recordAudit, { projectId: id, auditedOn: today, auditor: '县审计局', finding: '规范' }),
    ).toMatchObject({
      ok: false,
      formError: expect.stringContaining('验收后才能登记审计'),
    });
    expect(await step(id, 'ACCEPT')).toMatchObject({ ok: true, message: '项目已验收' });

    // Assets: the first one moves the project on; a household asset needs a household of its villages.
    expect(
      await run(actions.registerAsset, {
        projectId: id,
        kind: 'HOUSEHOLD',
        name: '住房',
        ownerName: '农户',
        custodian: '农户',
        value: '1000',
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { householdId: ['到户类资产请选择农户'] },
    });
    expect(
      await run(actions.registerAsset, {
        projectId: id,
        kind: 'HOUSEHOLD',
        name: '住房',
        ownerName: '农户',
        custodian: '农户',
        value: '1000',
        householdId: otherHousehold.id,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { householdId: ['请选择项目所涉村的农户'] } });
    expect(
      await run(actions.registerAsset, {
        projectId: id,
        kind: 'PUBLIC_BENEFIT',
        name: '村道 3 公里',
        ownerName: '村股份经济合作社',
        custodian: '村委会',
        value: '120000.50',
      }),
    ).toMatchObject({ ok: true });
    expect((await db.project.findUniqueOrThrow({ where: { id } })).stage).toBe('ASSETS_REGISTERED');
    const asset = await db.asset.findFirstOrThrow({ where: { projectId: id } });
    expect(
      await run(actions.recordAssetIncome, { assetId: asset.id, paidOn: today, amount: '3000', households: 2 }),
    ).toMatchObject({ ok: true });
    expect(
      await run(actions.addBeneficiary, { projectId: id, householdId: households[0].id, mechanism: 'INFRASTRUCTURE' }),
    ).toMatchObject({ ok: true });
    expect(
      await run(actions.addBeneficiary, { projectId: id, householdId: households[0].id, mechanism: 'INFRASTRUCTURE' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { householdId: ['这户已在受益名单中'] },
    });

    const listed = await countRows();
    expect(await run(actions.removeBeneficiary, { projectId: id, householdId: households[1].id })).toMatchObject({
      ok: false,
      formError: NOT_FOUND,
    });
    await run(actions.addBeneficiary, { projectId: id, householdId: households[1].id, mechanism: 'EMPLOYMENT' });
    expect(await run(actions.removeBeneficiary, { projectId: id, householdId: households[1].id })).toMatchObject({
      ok: true,
    });
    expect(await db.projectBeneficiary.count({ where: { projectId: id } })).toBe(1);
    expect(await countRows()).toEqual(listed);

    // Closing needs an audit.
    expect(await step(id, 'EVALUATE')).toMatchObject({ ok: false, fieldErrors: { note: ['此项必填'] } });
    expect(await step(id, 'EVALUATE', { note: '带贫效果好' })).toMatchObject({ ok: true });
    expect(await step(id, 'CLOSE')).toMatchObject({ ok: false, formError: '项目还没有审计记录，不能结项。' });
    expect(
      await run(actions.recordAudit, {
        projectId: id,
        auditedOn: today,
        auditor: '县审计局',
        finding: '规范',
        amountQuestioned: '',
      }),
    ).toMatchObject({ ok: true });
    expect(await step(id, 'CLOSE')).toMatchObject({ ok: true, message: '项目已结项' });
    expect(await run(actions.recordPayment, { ...voucher, voucherNo: 'T-9', amount: '1' })).toMatchObject({
      ok: false,
      formError: '项目已结项或未通过，不能再修改。',
    });

    const detail = await getProject(await signInAs('county'), id);
    expect(detail).toMatchObject({ stage: 'CLOSED', budgetFen: 12_000_050n, paidFen: 10_000_050n, unaudited: false });
    expect(detail.steps.map((s) => s.kind)).toEqual([
      'PROPOSE',
      'APPROVE',
      'NOTICE',
      'START',
      'PROGRESS',
      'PROGRESS',
      'ACCEPT',
      'REGISTER_ASSET',
      'EVALUATE',
      'CLOSE',
    ]);
  });

  it('changes a proposal while it waits for approval (villages and budget replaced), never after', async () => {
    await signInAs('township');
    const proposed = await propose(proposal([V1]));
    const id = Number(proposed.redirectedTo?.split('/').pop());
    const edit = async (extra: Record<string, string>) => {
      const project = await db.project.findUniqueOrThrow({ where: { id } });
      const { villageCodes, ...rest } = proposal([V1, V2], {
        fund_CENTRAL: '',
        fund_COUNTY: '',
        fund_SOCIAL: '8000',
        ...extra,
      });
      const data = new FormData();
      for (const [k, v] of Object.entries({ ...rest, projectId: String(id), version: String(project.version) }))
        data.set(k, v);
      for (const code of villageCodes.split(',')) data.append('villageCodes', code);
      try {
        return await actions.updateProject({ ok: false }, data);
      } catch (error) {
        if (String((error as { digest?: string }).digest).startsWith('NEXT_REDIRECT')) return { ok: true };
        throw error;
      }
    };
    expect(await edit({})).toMatchObject({ ok: true });
    const changed = await db.project.findUniqueOrThrow({ where: { id }, include: { funds: true, villages: true } });
    expect(changed.regionCode).toBe(TOWNSHIP_1);
    expect(changed.villages.map((v) => v.villageCode).sort()).toEqual([V1, V2]);
    expect(changed.funds.map((f) => [f.source, f.amountFen])).toEqual([['SOCIAL', 800_000n]]);
    await signInAs('county2');
    expect(await edit({})).toMatchObject({ ok: false, formError: NOT_FOUND });
    await signInAs('county');
    expect(await step(id, 'APPROVE')).toMatchObject({ ok: true });
    expect(await edit({ name: '批复后改名' })).toMatchObject({
      ok: false,
      formError: '项目当前为“已批复”，批复后不能再修改。',
    });
    expect((await db.project.findUniqueOrThrow({ where: { id } })).name).toBe('测试通村道路硬化');
  });

  it('lets a team leader propose for their own village only and report progress, never approve', async () => {
    const leader = await signInAs('teamleader');
    const own = leader.scopeCode;
    expect(await propose(proposal([V1]))).toMatchObject({ ok: false, formError: NOT_FOUND });
    const result = await propose(proposal([own], { name: '队长申报的项目' }));
    expect(result).toMatchObject({ ok: true });
    const id = Number(result.redirectedTo?.split('/').pop());
    trackProjectVillage(own);
    expect(await step(id, 'APPROVE')).toMatchObject({ ok: false, formError: '这一步由县扶贫办办理。' });
    await db.project.update({ where: { id }, data: { stage: 'IN_PROGRESS' } });
    expect(await step(id, 'PROGRESS', { progressPercent: 40 })).toMatchObject({ ok: true });
    await db.project.delete({ where: { id } });
  });

  it('reverses a wrong voucher with one of its own (the original kept), once, which frees the amount again', async () => {
    const county = await signInAs('county');
    const project = await makeProject({
      villages: [V2],
      userId: county.userId,
      stage: 'IN_PROGRESS',
      funds: { CENTRAL: 1_000_000n },
    });
    const voucher = {
      projectId: project.id,
      source: 'CENTRAL',
      kind: 'DISBURSEMENT',
      paidOn: today,
      amount: '10000',
      voucherNo: `R-${project.id}`,
      payee: '施工方',
    };
    expect(await run(actions.recordPayment, voucher)).toMatchObject({ ok: true });
    expect(
      await run(actions.recordPayment, { ...voucher, voucherNo: `R-${project.id}-2`, amount: '0.01' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { amount: ['超过这项资金的批复余额（还剩 0.00 元）'] },
    });
    const paid = await db.projectPayment.findFirstOrThrow({ where: { projectId: project.id } });
    const reversal = { paymentId: paid.id, voucherNo: `R-${project.id}-X`, paidOn: today, reason: '金额录错' };
    expect(
      await run(actions.reversePayment, { ...reversal, paidOn: dateOfDayNumber(dayNumber(today) - 1) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { paidOn: ['冲销日期不能早于原拨付日期'] },
    });
    expect(await run(actions.reversePayment, { ...reversal, voucherNo: voucher.voucherNo })).toMatchObject({
      ok: false,
      fieldErrors: { voucherNo: ['这个凭证号在本县已登记过'] },
    });
    await signInAs('county2');
    expect(await run(actions.reversePayment, reversal)).toMatchObject({ ok: false, formError: NOT_FOUND });
    await signInAs('county');
    expect(await run(actions.reversePayment, reversal)).toMatchObject({ ok: true, message: '已冲销' });
    expect(await run(actions.reversePayment, { ...reversal, voucherNo: 'R-again' })).toMatchObject({
      ok: false,
      formError: '这笔拨付已经冲销过了',
    });
    const negative = await db.projectPayment.findFirstOrThrow({ where: { reversesId: paid.id } });
    expect(negative).toMatchObject({ kind: 'REVERSAL', amountFen: -1_000_000n, reason: '金额录错' });
    expect(
      await run(actions.reversePayment, { ...reversal, paymentId: negative.id, voucherNo: 'R-of-R' }),
    ).toMatchObject({
      ok: false,
      formError: '冲销凭证不能再冲销',
    });
    expect(await db.projectPayment.count({ where: { projectId: project.id } })).toBe(2); // nothing deleted
    const detail = await getProject(county, project.id);
    expect(detail.paidFen).toBe(0n);
    expect(detail.payments.map((y) => [y.voucherNo, y.reversed, y.reversesVoucher])).toEqual([
      [voucher.voucherNo, true, null],
      [reversal.voucherNo, false, voucher.voucherNo],
    ]);
    // The amount is free again; the ledger's total is what was really paid.
    expect(
      await run(actions.recordPayment, { ...voucher, voucherNo: `R-${project.id}-3`, amount: '1000' }),
    ).toMatchObject({ ok: true });
    const ledger = await paymentRows(county, { year: project.year, q: project.name });
    expect(ledger.reduce((sum, r) => sum + r.amountFen, 0n)).toBe(100_000n);
  });

  it('keeps other counties out: their projects are not found and nothing changes', async () => {
    const county2 = await db.user.findUniqueOrThrow({ where: { username: 'county2' } });
    const other = await makeProject({ villages: [V_OTHER], userId: county2.id, stage: 'APPROVED' });
    await signInAs('county');
    const before = await countRows();
    expect(await step(other.id, 'NOTICE')).toMatchObject({ ok: false, formError: NOT_FOUND });
    expect(
      await run(actions.recordPayment, {
        projectId: other.id,
        source: 'CENTRAL',
        kind: 'DISBURSEMENT',
        paidOn: today,
        amount: '1',
        voucherNo: 'X-1',
        payee: 'x',
      }),
    ).toMatchObject({
      ok: false,
      formError: NOT_FOUND,
    });
    await expect(getProject(await signInAs('county'), other.id)).rejects.toThrow();
    expect(await countRows()).toEqual(before);
  });
});

describe('the overview', () => {
  it('adds up from voucher to county, and every figure equals the list behind it', async () => {
    const county = await signInAs('county');
    // Projects of the fixtures' own year, so the seeded ones do not count: a village project, a township one
    // (two villages), one of another township, overdue, unaudited, proposed and rejected.
    const y = 2031;
    const base = { userId: county.userId, year: y };
    const a = await makeProject({
      name: '东沟村道路硬化',
      ...base,
      villages: [V1],
      stage: 'IN_PROGRESS',
      funds: { CENTRAL: 5_000_000n, COUNTY: 1_000_000n },
      plannedEndOn: dateOfDayNumber(dayNumber(today) - 3),
    });
    const b = await makeProject({ ...base, villages: [V1, V2], stage: 'ACCEPTED', funds: { PROVINCIAL: 8_000_000n } });
    const c = await makeProject({ ...base, villages: [V3], stage: 'CLOSED', funds: { CENTRAL: 2_000_000n } });
    await makeProject({ ...base, villages: [V2], stage: 'PROPOSED', funds: { CENTRAL: 3_000_000n } });
    await makeProject({ ...base, villages: [V2], stage: 'REJECTED', funds: { CENTRAL: 7_000_000n } });
    await db.projectAudit.create({
      data: {
        projectId: c.id,
        auditedOn: dayOf(today),
        auditor: '审计局',
        finding: '规范',
        createdById: county.userId,
      },
    });
    const pay = (projectId: number, source: 'CENTRAL' | 'COUNTY' | 'PROVINCIAL', fen: bigint, no: string) =>
      db.projectPayment.create({
        data: {
          projectId,
          source,
          kind: 'DISBURSEMENT',
          paidOn: dayOf(today),
          amountFen: fen,
          voucherNo: no,
          payee: 'x',
          createdById: county.userId,
        },
      });
    await pay(a.id, 'CENTRAL', 2_000_000n, 'OV-1');
    await pay(a.id, 'COUNTY', 500_000n, 'OV-2');
    await pay(b.id, 'PROVINCIAL', 8_000_000n, 'OV-3');
    await pay(c.id, 'CENTRAL', 1_900_000n, 'OV-4');
    await db.projectBeneficiary.createMany({
      data: [
        {
          projectId: a.id,
          householdId: households[0].id,
          villageCode: households[0].regionCode,
          mechanism: 'INFRASTRUCTURE',
        },
        {
          projectId: b.id,
          householdId: households[0].id,
          villageCode: households[0].regionCode,
          mechanism: 'EMPLOYMENT',
        },
        {
          projectId: b.id,
          householdId: households[2].id,
          villageCode: households[2].regionCode,
          mechanism: 'EMPLOYMENT',
        },
      ],
    });

    const filters: ProjectFilters = { year: y };
    const countyView = await projectOverview(county, filters);
    expect(countyView.total).toMatchObject({
      projects: 5,
      approvedFen: 16_000_000n,
      proposedFen: 3_000_000n,
      paidFen: 12_400_000n,
      overdue: 1,
      unaudited: 1,
      households: 2,
      rate: 77.5,
    });
    // Townships add up to the county, villages (and the township's own row) to the township.
    const t1 = countyView.groups.find((g) => g.code === TOWNSHIP_1)!;
    const t2 = countyView.groups.find((g) => g.code === TOWNSHIP_2)!;
    expect(t1).toMatchObject({ projects: 4, paidFen: 10_500_000n, households: 2 });
    expect(t2).toMatchObject({ projects: 1, paidFen: 1_900_000n });
    expect(countyView.groups.reduce((s, g) => s + g.paidFen, 0n)).toBe(countyView.total.paidFen);
    const townshipView = await projectOverview(county, { ...filters, area: TOWNSHIP_1 });
    expect(townshipView.total).toMatchObject({ projects: 4, paidFen: 10_500_000n, households: 2 });
    expect(townshipView.groups.find((g) => g.ownLevel)).toMatchObject({
      code: TOWNSHIP_1,
      projects: 1,
      paidFen: 8_000_000n,
    });
    expect(townshipView.groups.find((g) => g.code === V1)).toMatchObject({
      projects: 1,
      paidFen: 2_500_000n,
      households: 1,
    });
    expect(townshipView.groups.find((g) => g.code === V2)).toMatchObject({ projects: 2, paidFen: 0n, households: 1 });

    // The lists behind each number.
    const sum = (rows: { amountFen: bigint }[]) => rows.reduce((s, r) => s + r.amountFen, 0n);
    expect(sum(await paymentRows(county, filters))).toBe(countyView.total.paidFen);
    expect(sum(await paymentRows(county, { ...filters, area: V1 }))).toBe(2_500_000n);
    // The ledger pages head every page with the sums of all their rows.
    const payments = await paymentPage(county, filters);
    expect(payments).toMatchObject({ amountFen: countyView.total.paidFen, total: payments.rows.length });
    expect(await paymentPage(county, { ...filters, page: 2 })).toMatchObject({
      rows: [],
      total: payments.total,
      amountFen: payments.amountFen,
    });
    const assets = await assetRows(county, filters);
    expect(await assetPage(county, filters)).toMatchObject({
      total: assets.length,
      valueFen: assets.reduce((s, r) => s + r.valueFen, 0n),
      incomeFen: assets.reduce((s, r) => s + r.incomeFen, 0n),
    });
    expect((await listProjects(county, filters)).total).toBe(countyView.total.projects);
    expect((await listProjects(county, { ...filters, overdue: true })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await listProjects(county, { ...filters, unaudited: true })).rows.map((r) => r.id)).toEqual([b.id]);
    const funded = await listProjects(county, { ...filters, funded: true });
    expect(funded.rows.reduce((s, r) => s + r.budgetFen, 0n)).toBe(countyView.total.approvedFen);
    const beneficiaries = await beneficiaryPage(county, filters);
    expect(beneficiaries.total).toBe(countyView.total.households);
    expect(beneficiaries.rows).toHaveLength(countyView.total.households);
    expect((await projectOverview(county, { ...filters, overdue: true })).total.projects).toBe(1);
    // A name searched for narrows the figures and the list alike.
    expect((await projectOverview(county, { ...filters, q: '东沟' })).total).toMatchObject({
      projects: 1,
      paidFen: 2_500_000n,
    });
    expect((await listProjects(county, { ...filters, q: '东沟' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect(sum(await paymentRows(county, { ...filters, q: '东沟' }))).toBe(2_500_000n);

    // A township sees its own; another county sees none of it.
    expect((await projectOverview(await signInAs('township'), filters)).total.projects).toBe(4);
    const other = await signInAs('county2');
    expect((await projectOverview(other, filters)).total.projects).toBe(0);
    expect(await paymentRows(other, filters)).toEqual([]);
    expect(await assetRows(other, filters)).toEqual([]);
    expect(await paymentPage(other, filters)).toMatchObject({ rows: [], total: 0, amountFen: 0n });
    expect(await assetPage(other, filters)).toMatchObject({ rows: [], total: 0 });
    expect(await beneficiaryPage(other, filters)).toMatchObject({ rows: [], total: 0 });
  });

  it('exports the ledgers with the rows and totals of the page', async () => {
    const county = await signInAs('county');
    const file = await exportProjectLedger(county, 'payments', { year: 2031 }, 'zh-CN');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(9).value).toBe(124_000); // yuan: the overview's 12,400,000 fen
    expect(sheet.rowCount).toBe(3 + 4 + 1);
    expect(await lastAudit('project.export.payments')).toMatchObject({ result: 'OK' });
    const library = await exportProjectLedger(county, 'library', { year: 2031 }, 'zh-CN');
    await workbook.xlsx.load(library.buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.at(-1)!.rowCount).toBeGreaterThanOrEqual(3 + 5 + 1);
  });

  it('shows the county’s shares of seed 001 against the policy lines', async () => {
    const county = await signInAs('county');
    trackFundYear('990102', 2031);
    expect(
      await run(actions.saveFundYear, {
        year: 2031,
        localRevenueIncrease: '20000',
        countySpending: '100000',
        countyPovertySpending: '200000',
        complaintPhone: '12317',
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { countyPovertySpending: ['用于扶贫的支出不能超过县级财政支出'] },
    });
    expect(
      await run(actions.saveFundYear, {
        year: 2031,
        localRevenueIncrease: '20000',
        countySpending: '100000',
        countyPovertySpending: '65000',
        complaintPhone: '12317',
      }),
    ).toMatchObject({ ok: true });
    const view = await fundYearView(county, 2031);
    // County special funds approved in 2031: project a's 10,000 yuan of COUNTY funds ÷ 20,000 = 50 %.
    expect(view).toMatchObject({
      revenueShare: 50,
      spendingShare: 65,
      revenueSharePercent: 20,
      countySpendingSharePercent: 70,
    });
    await signInAs('township');
    expect(
      await run(actions.saveFundYear, {
        year: 2031,
        localRevenueIncrease: '1',
        countySpending: '1',
        countyPovertySpending: '1',
        complaintPhone: '1',
      }),
    ).toMatchObject({
      ok: false,
      formError: '您的账号没有这项操作的权限。',
    });
  });
});

describe('mutual-aid funds', () => {
  it('lends only what the fund has, takes repayments up to what is owed, and shows loans overdue', async () => {
    const township = await signInAs('township');
    expect(
      await run(actions.addMutualCapital, {
        villageCode: V1,
        receivedOn: today,
        amount: '200000',
        source: '省财政注入',
      }),
    ).toMatchObject({ ok: true });
    const loan = {
      villageCode: V1,
      householdId: households[0].id,
      amount: '150000',
      lentOn: dateOfDayNumber(dayNumber(today) - 400),
      dueOn: dateOfDayNumber(dayNumber(today) - 35),
    };
    expect(await run(actions.lendMutualLoan, loan)).toMatchObject({ ok: true });
    const before = await db.mutualLoan.count();
    expect(await run(actions.lendMutualLoan, { ...loan, amount: '50000.01' })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ['超过可借金额（可借 50,000.00 元）'] },
    });
    expect(await run(actions.lendMutualLoan, { ...loan, householdId: households[2].id })).toMatchObject({
      ok: false,
      fieldErrors: { householdId: ['请选择本村的农户'] },
    });
    expect(await db.mutualLoan.count()).toBe(before);
    const row = await db.mutualLoan.findFirstOrThrow({ where: { villageCode: V1 } });
    expect(await run(actions.repayMutualLoan, { loanId: row.id, paidOn: today, amount: '150000.01' })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ['超过未还金额（未还 150,000.00 元）'] },
    });
    expect(await run(actions.repayMutualLoan, { loanId: row.id, paidOn: today, amount: '50000' })).toMatchObject({
      ok: true,
    });
    const view = await mutualOverview(township, TOWNSHIP_1);
    expect(view.villages.find((v) => v.code === V1)).toMatchObject({
      capitalFen: 20_000_000n,
      outstandingFen: 10_000_000n,
      overdueLoans: 1,
      short: true, // a poor village below 500,000 yuan
    });
    await signInAs('county2');
    expect(await run(actions.repayMutualLoan, { loanId: row.id, paidOn: today, amount: '1' })).toMatchObject({
      ok: false,
      formError: NOT_FOUND,
    });
    expect(
      await run(actions.addMutualCapital, { villageCode: V1, receivedOn: today, amount: '1', source: 'x' }),
    ).toMatchObject({ ok: false, formError: NOT_FOUND });
    expect((await db.mutualLoan.findUniqueOrThrow({ where: { id: row.id } })).repaidFen).toBe(5_000_000n);
  });
});

describe('progress from a phone', () => {
  const send = async (body: unknown) => {
    const response = await outbox(
      new NextRequest('http://localhost/api/outbox', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { origin: 'http://localhost', host: 'localhost', 'content-type': 'application/json' },
      }),
    );
    return { status: response.status, state: (await response.json()) as ActionState };
  };

  it('stores a report sent twice once, with its photos, which only the project’s area may see', async () => {
    const township = await signInAs('township');
    const project = await makeProject({ villages: [V2], userId: township.userId, stage: 'IN_PROGRESS' });
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#6b7f3b' } })
      .jpeg()
      .toBuffer();
    const upload = await savePhoto(township, new Uint8Array(jpeg));
    if (!upload.ok) throw new Error('upload refused');
    const photo = await trackAttachmentKey(upload.key);
    const item = {
      kind: 'projectStep',
      clientKey: randomUUID(),
      payload: {
        projectId: project.id,
        version: project.version,
        step: 'PROGRESS',
        progressPercent: '60',
        note: '路基完成',
        photoKeys: upload.key,
      },
    };
    expect(await send(item)).toMatchObject({ status: 200, state: { ok: true, message: '进度已报告' } });
    expect(await send(item)).toMatchObject({
      status: 200,
      state: { ok: true, message: '这条进度已经保存过了，没有重复保存' },
    });
    const steps = await db.projectStep.findMany({ where: { projectId: project.id, kind: 'PROGRESS' } });
    expect(steps).toHaveLength(1);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: photo.id } })).projectStepId).toBe(steps[0].id);
    expect(await db.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      progressPercent: 60,
      version: project.version + 1,
    });
    // Seen in the area, on the project page; not from another county.
    expect(
      (await getProject(await signInAs('county'), project.id)).steps.find((s) => s.kind === 'PROGRESS')?.photos,
    ).toEqual([photo.id]);
    await expect(readAttachment(await signInAs('county'), photo.id)).resolves.toMatchObject({
      contentType: 'image/jpeg',
    });
    await expect(readAttachment(await signInAs('county2'), photo.id)).rejects.toThrow();
  });
});
