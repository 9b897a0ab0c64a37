// 两公示一公告, exit, removal (清退), return to poverty and the batch step, against a real database: each step,
// each refusal (nothing written), the notice list for the village board.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { batchChangeStatus, changeStatus, recordGuarantees, saveIncome } from '@/lib/households/actions';
import { noticeList } from '@/lib/households/data';
import { chinaToday, chinaYear } from '@/lib/time';
import { makeHousehold } from '../support/households';
import { run, signInAs } from './helpers';

/** Runs the batch action with several ticked households (a repeated form field, as the list's checkboxes send it). */
const runBatch = async (values: Record<string, string>, items: string[]) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  for (const item of items) data.append('items', item);
  return batchChangeStatus({ ok: false }, data);
};

// The team leader's village (a poor village of the first township) and another village of that township.
let VILLAGE = '';
let OTHER_VILLAGE = '';
beforeAll(async () => {
  VILLAGE = (await db.user.findUniqueOrThrow({ where: { username: 'teamleader' } })).scopeCode;
  OTHER_VILLAGE = (
    await db.region.findFirstOrThrow({
      where: { level: 'VILLAGE', parentCode: VILLAGE.slice(0, 9), code: { not: VILLAGE } },
    })
  ).code;
});
const today = chinaToday();
const APPRAISAL = { appraisalOn: today, attendees: '36', appraisalResult: 'AGREED' };

const step = async (id: number, to: string, extra: Record<string, string> = {}) => {
  const h = await db.household.findUniqueOrThrow({ where: { id } });
  return run(changeStatus, { id, version: h.version, to, ...extra });
};
/** Moves the household's notice back in time, as if posted `days` days ago. */
const age = (id: number, days: number) =>
  db.household.update({ where: { id }, data: { statusSince: new Date(Date.now() - days * 86_400_000) } });
const state = (id: number) => db.household.findUniqueOrThrow({ where: { id } });
const events = (id: number) => db.statusEvent.count({ where: { householdId: id } });

const inPersonVisit = async (householdId: number, kind: 'IN_PERSON' | 'PHONE' = 'IN_PERSON') => {
  const visitor = await db.user.findUniqueOrThrow({ where: { username: 'teamleader' } });
  return db.visit.create({
    data: {
      clientKey: randomUUID(),
      householdId,
      regionCode: VILLAGE,
      visitedOn: new Date(`${today}T00:00:00Z`),
      kind,
      phoneReason: kind === 'PHONE' ? '全家在外务工，锁门' : null,
      visitorId: visitor.id,
      visitorName: visitor.displayName,
    },
  });
};
const ALL_MET = {
  foodSecure: 'MET',
  clothingSecure: 'MET',
  educationSecure: 'MET',
  medicalSecure: 'MET',
  housingSecure: 'MET',
  waterSecure: 'MET',
};

describe('identification (两公示一公告)', () => {
  it('walks application → appraisal → two notices → township signature → county review → announcement → registered', async () => {
    const { household } = await makeHousehold({ village: VILLAGE });
    const id = household.id;
    await signInAs('teamleader');
    expect((await step(id, 'APPLIED')).ok).toBe(true);
    // The appraisal must be recorded, and must agree.
    const missing = await step(id, 'APPRAISED');
    expect(missing.fieldErrors?.appraisalOn?.[0]).toBe('请填写民主评议的日期、参会人数和评议结果');
    const rejected = await step(id, 'APPRAISED', { ...APPRAISAL, appraisalResult: 'REJECTED' });
    expect(rejected.fieldErrors?.appraisalResult?.[0]).toMatch(/评议未通过/);
    expect((await state(id)).status).toBe('APPLIED');
    expect((await step(id, 'APPRAISED', { ...APPRAISAL, attendeeNames: '张三、李四' })).ok).toBe(true);
    expect((await step(id, 'FIRST_NOTICE')).ok).toBe(true);
    // The township reviews: not before the first notice's 7 days, and only signed.
    await signInAs('township');
    const before = await events(id);
    const early = await step(id, 'TOWNSHIP_REVIEWED', { vouch: 'on' });
    expect(early.fieldErrors?.to?.[0]).toMatch(/^公示期未满：\d{4}-\d{2}-\d{2} 起方可办理（还需 7 天）$/);
    expect(await events(id)).toBe(before);
    await age(id, 7);
    expect((await step(id, 'TOWNSHIP_REVIEWED')).fieldErrors?.vouch?.[0]).toBe('乡镇审核须签字背书：请勾选确认');
    expect((await step(id, 'TOWNSHIP_REVIEWED', { vouch: 'on' })).ok).toBe(true);
    expect((await step(id, 'SECOND_NOTICE')).ok).toBe(true);
    await age(id, 7);
    expect((await step(id, 'COUNTY_REVIEWED')).fieldErrors?.to?.[0]).toBe('这一步须由上级（乡镇或县）办理');
    await signInAs('county');
    expect((await step(id, 'COUNTY_REVIEWED')).ok).toBe(true);
    expect((await step(id, 'COUNTY_ANNOUNCEMENT')).ok).toBe(true);
    expect((await step(id, 'REGISTERED_POOR')).fieldErrors?.to?.[0]).toMatch(/公示期未满/);
    await age(id, 7);
    expect((await step(id, 'REGISTERED_POOR')).ok).toBe(true);
    const done = await state(id);
    expect(done).toMatchObject({ status: 'REGISTERED_POOR', identifiedYear: chinaYear() });
    const trail = await db.statusEvent.findMany({ where: { householdId: id }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.toStatus)).toEqual([
      'APPLIED',
      'APPRAISED',
      'FIRST_NOTICE',
      'TOWNSHIP_REVIEWED',
      'SECOND_NOTICE',
      'COUNTY_REVIEWED',
      'COUNTY_ANNOUNCEMENT',
      'REGISTERED_POOR',
    ]);
    expect(trail[1]?.details).toEqual({
      appraisal: { on: today, attendees: 36, attendeeNames: '张三、李四', result: 'AGREED' },
    });
    expect(trail[3]?.details).toMatchObject({ vouch: { name: expect.any(String), on: today } });
  });

  it('refuses a step out of order and writes nothing', async () => {
    const { household } = await makeHousehold({ village: VILLAGE });
    await signInAs('county');
    expect((await step(household.id, 'FIRST_NOTICE')).fieldErrors?.to?.[0]).toBe('当前状态不能办理这一步');
    expect(await state(household.id)).toMatchObject({ status: 'NOT_POOR', version: 1 });
    expect(await events(household.id)).toBe(0);
  });
});

describe('exit', () => {
  it('needs the assessed year income, every guarantee verified in person, no urgent problem', async () => {
    const { household } = await makeHousehold({ village: VILLAGE, status: 'REGISTERED_POOR' });
    const id = household.id;
    await signInAs('teamleader');
    const refused = await step(id, 'EXIT_APPRAISED', APPRAISAL);
    expect(refused.formError ?? refused.fieldErrors?.to?.[0]).toBe(
      '不符合退出条件：没有评定年度的收入记录、不愁吃未经本年度入户核实、不愁穿未经本年度入户核实、义务教育未经本年度入户核实、基本医疗未经本年度入户核实、住房安全未经本年度入户核实、饮水安全未经本年度入户核实',
    );
    // Last year's income does not count for this year.
    await run(saveIncome, {
      householdId: id,
      year: chinaYear() - 1,
      wageYuan: 9000,
      productionYuan: 0,
      propertyYuan: 0,
      transferYuan: 0,
    });
    await run(saveIncome, {
      householdId: id,
      year: chinaYear(),
      wageYuan: 4000,
      productionYuan: 0,
      propertyYuan: 0,
      transferYuan: 0,
    });
    // A phone call does not verify.
    const phone = await inPersonVisit(id, 'PHONE');
    const byPhone = await run(recordGuarantees, { householdId: id, visitId: String(phone.id), ...ALL_MET });
    expect(byPhone.fieldErrors?.visitId?.[0]).toBe('须是入户走访：电话走访不能代替入户核实');
    expect(await db.guaranteeCheck.count({ where: { householdId: id } })).toBe(0);
    const visit = await inPersonVisit(id);
    expect(
      (await run(recordGuarantees, { householdId: id, visitId: String(visit.id), ...ALL_MET, waterSecure: '' })).ok,
    ).toBe(true);
    expect((await step(id, 'EXIT_APPRAISED', APPRAISAL)).fieldErrors?.to?.[0]).toBe(
      '不符合退出条件：饮水安全未经本年度入户核实',
    );
    expect((await run(recordGuarantees, { householdId: id, visitId: String(visit.id), waterSecure: 'MET' })).ok).toBe(
      true,
    );
    expect(await state(id)).toMatchObject({ waterSecure: true, foodSecure: true });
    const problem = await db.problem.create({
      data: {
        regionCode: VILLAGE,
        householdId: id,
        category: (await db.problem.findFirstOrThrow()).category,
        urgency: 'URGENT',
        source: 'REPORT',
        description: '紧急',
        deadline: new Date(),
        foundOn: new Date(),
        createdById: (await db.user.findUniqueOrThrow({ where: { username: 'county' } })).id,
      },
    });
    expect((await step(id, 'EXIT_APPRAISED', APPRAISAL)).fieldErrors?.to?.[0]).toBe(
      '不符合退出条件：有未解决的紧急问题',
    );
    await db.problem.update({
      where: { id: problem.id },
      data: { status: 'SOLVED', solvedById: problem.createdById, solvedOn: new Date() },
    });
    expect((await step(id, 'EXIT_APPRAISED', APPRAISAL)).ok).toBe(true);
    expect((await step(id, 'EXIT_NOTICE')).ok).toBe(true);
    await age(id, 7);
    await signInAs('township');
    expect((await step(id, 'EXIT_REVIEWED', { vouch: 'on' })).ok).toBe(true);
    await signInAs('county');
    expect((await step(id, 'EXIT_ANNOUNCEMENT')).ok).toBe(true);
    await age(id, 7);
    expect((await step(id, 'LIFTED_OUT')).ok).toBe(true);
    expect(await state(id)).toMatchObject({ status: 'LIFTED_OUT', exitYear: chinaYear() });
  });
});

describe('removal (清退) and return to poverty', () => {
  it('removal: the township proposes with a reason, the county decides, a notice, then removed', async () => {
    const { household } = await makeHousehold({ village: VILLAGE, status: 'REGISTERED_POOR' });
    const id = household.id;
    await signInAs('teamleader');
    expect((await step(id, 'REMOVAL_PROPOSED', { reason: '有财政供养人员' })).fieldErrors?.to?.[0]).toBe(
      '这一步须由上级（乡镇或县）办理',
    );
    await signInAs('township');
    expect((await step(id, 'REMOVAL_PROPOSED')).fieldErrors?.reason?.[0]).toBe('请填写原因');
    expect((await step(id, 'REMOVAL_PROPOSED', { reason: '有财政供养人员' })).ok).toBe(true);
    expect((await step(id, 'REMOVAL_NOTICE')).fieldErrors?.to?.[0]).toBe('这一步须由上级（乡镇或县）办理');
    await signInAs('county');
    expect((await step(id, 'REMOVAL_NOTICE')).ok).toBe(true);
    const list = await noticeList(await signInAs('township'), VILLAGE, 'REMOVAL_NOTICE');
    expect(list.find((r) => r.id === id)).toMatchObject({ reason: '有财政供养人员', days: 7 });
    await signInAs('county');
    expect((await step(id, 'REMOVED')).fieldErrors?.to?.[0]).toMatch(/公示期未满/);
    await age(id, 7);
    expect((await step(id, 'REMOVED')).ok).toBe(true);
    expect(await state(id)).toMatchObject({ status: 'REMOVED', exitYear: null });
  });

  it('return: a cause and a notice before the county confirms', async () => {
    const { household } = await makeHousehold({ village: VILLAGE, status: 'LIFTED_OUT' });
    const id = household.id;
    await signInAs('township');
    expect((await step(id, 'RETURN_NOTICE')).fieldErrors?.returnCause?.[0]).toBe('请选择返贫原因');
    expect((await step(id, 'RETURN_NOTICE', { returnCause: 'ILLNESS' })).ok).toBe(true);
    await signInAs('county');
    expect((await step(id, 'RETURNED_TO_POVERTY')).fieldErrors?.to?.[0]).toMatch(/公示期未满/);
    await age(id, 7);
    expect((await step(id, 'RETURNED_TO_POVERTY')).ok).toBe(true);
    const event = await db.statusEvent.findFirstOrThrow({ where: { householdId: id, toStatus: 'RETURN_NOTICE' } });
    expect(event.details).toEqual({ cause: 'ILLNESS' });
  });
});

describe('batch step', () => {
  it('moves every ticked household of the village in one audited transaction', async () => {
    const households = await Promise.all(
      [1, 2, 3].map((n) => makeHousehold({ village: VILLAGE, headName: `批量${n}`, status: 'APPLIED' })),
    );
    await signInAs('teamleader');
    const auditBefore = await db.auditLog.count({ where: { action: 'household.batchStatus', result: 'OK' } });
    const result = await runBatch(
      { area: VILLAGE, from: 'APPLIED', to: 'APPRAISED', ...APPRAISAL },
      households.map(({ household }) => `${household.id}:${household.version}`),
    );
    expect(result).toMatchObject({ ok: true, data: { count: '3' } });
    for (const { household } of households) expect((await state(household.id)).status).toBe('APPRAISED');
    expect(await db.auditLog.count({ where: { action: 'household.batchStatus', result: 'OK' } })).toBe(auditBefore + 1);
  });

  it('writes nothing when one household may not take the step, and lists each with its reason', async () => {
    const fresh = await makeHousehold({
      village: VILLAGE,
      headName: '已到期户',
      status: 'FIRST_NOTICE',
      statusSince: new Date(Date.now() - 8 * 86_400_000),
    });
    const early = await makeHousehold({
      village: VILLAGE,
      headName: '未到期户',
      status: 'FIRST_NOTICE',
      statusSince: new Date(),
    });
    await signInAs('township');
    const result = await runBatch(
      { area: VILLAGE, from: 'FIRST_NOTICE', to: 'TOWNSHIP_REVIEWED', vouch: 'on' },
      [fresh, early].map(({ household }) => `${household.id}:${household.version}`),
    );
    expect(result.ok).toBe(false);
    expect(result.formError).toMatch(
      /^1 户（共 2 户）不能办理这一步，全部未办理：\n未到期户（村内第一次公示中）：公示期未满/,
    );
    expect(result.formError).not.toContain('已到期户');
    expect((await state(fresh.household.id)).status).toBe('FIRST_NOTICE');
    expect(await events(fresh.household.id)).toBe(0);
  });

  it('takes every household of the village in the status, and nothing of another village', async () => {
    await makeHousehold({ village: VILLAGE, headName: '全选1', status: 'TOWNSHIP_REVIEWED' });
    await makeHousehold({ village: VILLAGE, headName: '全选2', status: 'TOWNSHIP_REVIEWED' });
    const other = await makeHousehold({ village: OTHER_VILLAGE, headName: '别村', status: 'TOWNSHIP_REVIEWED' });
    await signInAs('township');
    expect(
      (await run(batchChangeStatus, { area: VILLAGE, from: 'TOWNSHIP_REVIEWED', to: 'SECOND_NOTICE', all: 'on' })).ok,
    ).toBe(true);
    expect(await db.household.count({ where: { regionCode: VILLAGE, status: 'TOWNSHIP_REVIEWED' } })).toBe(0);
    expect((await state(other.household.id)).status).toBe('TOWNSHIP_REVIEWED');
    // A ticked household of another village is not found.
    const refused = await run(batchChangeStatus, {
      area: VILLAGE,
      from: 'TOWNSHIP_REVIEWED',
      to: 'SECOND_NOTICE',
      items: `${other.household.id}:${other.household.version}`,
    });
    expect(refused.ok).toBe(false);
    expect((await state(other.household.id)).status).toBe('TOWNSHIP_REVIEWED');
  });
});

describe('notices for the village board', () => {
  it('list the households of the village in that notice with masked ID numbers and the period', async () => {
    const on = await makeHousehold({ village: VILLAGE, headName: '公示户', status: 'SECOND_NOTICE' });
    const list = await noticeList(await signInAs('teamleader'), VILLAGE, 'SECOND_NOTICE');
    const row = list.find((r) => r.id === on.household.id);
    expect(row?.headIdMasked).toBe(`${on.idNumber.slice(0, 4)}**********${on.idNumber.slice(-4)}`);
    expect(row?.period.from).toBe(today);
    expect(row?.days).toBe(7);
    await expect(noticeList(await signInAs('township'), '990102102201', 'SECOND_NOTICE')).rejects.toThrow(
      'NEXT_HTTP_ERROR_FALLBACK;404',
    );
  });
});
