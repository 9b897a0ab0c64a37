// Help plans (一户一策一干部) and return-to-poverty monitoring (防返贫动态监测), issue 15: the plan names the
// paired cadre and carries structured measures; warnings computed from incomes and risk events (idempotent);
// verify → monitored, dismiss with a reason, close only on a dated verification; each refusal writes nothing;
// the kept figures count plans, monitored households by kind, warnings open and overdue, risks closed.
// Fixtures: this file's villages (990102101 57x, 990103101 571), removed afterwards.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { refreshFigures } from '@/lib/figures/commands';
import {
  addMonitored,
  closeRisk,
  dismissWarning,
  runWarnings,
  setMonitorMeasure,
  verifyWarning,
} from '@/lib/monitoring/actions';
import { raiseWarnings } from '@/lib/monitoring/commands';
import { monitoringFilters, monitoringOverview } from '@/lib/monitoring/data';
import { runWarningsJob } from '@/lib/monitoring/refresher';
import { savePlan, setMeasureStatus } from '@/lib/plans/actions';
import { chinaToday, chinaYear, dateOfDayNumber, dayNumber, dayOf } from '@/lib/time';
import {
  makePairing,
  makePairingCadre,
  makePairingHousehold,
  makePairingVillage,
  removePairingFixtures,
} from '../support/pairings';
import { OTHER_COUNTY, run, signInAs, TOWNSHIP_1 } from './helpers';

const V = `${TOWNSHIP_1}571`;
const V_FIG = `${TOWNSHIP_1}572`;
const V_OTHER = `${OTHER_COUNTY}101571`;
const NOT_FOUND = '找不到该记录，或它不在您的管辖范围内。';
const year = chinaYear();
const today = chinaToday();
const shift = (days: number) => dateOfDayNumber(dayNumber(today) + days);

beforeAll(async () => {
  for (const v of [V, V_FIG, V_OTHER]) await makePairingVillage(v);
});
afterAll(async () => {
  const villages = [V, V_FIG, V_OTHER];
  await db.visit.deleteMany({ where: { regionCode: { in: villages } } });
  await db.villageFigures.deleteMany({ where: { villageCode: { in: villages } } });
  await removePairingFixtures();
});

async function pairedHousehold(
  village: string,
  status: 'REGISTERED_POOR' | 'LIFTED_OUT' | 'NOT_POOR' = 'REGISTERED_POOR',
) {
  const household = await makePairingHousehold(village, { status });
  const cadre = await makePairingCadre({ regionCode: village.slice(0, 6) });
  await makePairing(household, cadre.id);
  return { household, cadre };
}

async function income(householdId: number, y: number, perCapita: number) {
  await db.householdIncome.create({ data: { householdId, year: y, wageYuan: perCapita } }); // member_count is 1
}

describe('help plans', () => {
  it('refuse a household without a paired cadre, writing nothing', async () => {
    await signInAs('township');
    const household = await makePairingHousehold(V);
    const state = await run(savePlan, { householdId: household.id, incomeTargetYuan: 6000, target_PV: '光伏 3 千瓦' });
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { incomeTargetYuan: [expect.stringContaining('结对干部')] },
    });
    expect(await db.helpPlan.count({ where: { householdId: household.id } })).toBe(0);
  });

  it('refuse a plan without a measure, or an amount without a target', async () => {
    await signInAs('township');
    const { household } = await pairedHousehold(V);
    expect(await run(savePlan, { householdId: household.id, incomeTargetYuan: 6000 })).toMatchObject({
      ok: false,
      fieldErrors: { target_INDUSTRY: ['至少填写一项帮扶措施的目标。'] },
    });
    expect(
      await run(savePlan, { householdId: household.id, incomeTargetYuan: 6000, amount_HOUSING: 20000 }),
    ).toMatchObject({ ok: false, fieldErrors: { target_HOUSING: ['填写了金额的措施也要填写目标。'] } });
    expect(await db.helpPlan.count({ where: { householdId: household.id } })).toBe(0);
  });

  it('save this year’s plan with the paired cadre as its responsible person and structured measures', async () => {
    await signInAs('township');
    const { household, cadre } = await pairedHousehold(V);
    const state = await run(savePlan, {
      householdId: household.id,
      incomeTargetYuan: 6500,
      agreedOn: today,
      target_INDUSTRY: '养殖肉牛 2 头',
      amount_INDUSTRY: 5000,
      status_INDUSTRY: 'IN_PROGRESS',
      target_PV: '光伏收益认领 3 千瓦',
    });
    expect(state).toMatchObject({ ok: true, message: '帮扶计划已保存。' });
    const plan = await db.helpPlan.findUniqueOrThrow({
      where: { householdId_year: { householdId: household.id, year } },
      include: { measures: { orderBy: { id: 'asc' } } },
    });
    expect(plan).toMatchObject({ cadreId: cadre.id, regionCode: V, incomeTargetYuan: 6500, version: 1 });
    expect(plan.measures.map(({ kind, target, amountYuan, status }) => ({ kind, target, amountYuan, status }))).toEqual(
      [
        { kind: 'INDUSTRY', target: '养殖肉牛 2 头', amountYuan: 5000, status: 'IN_PROGRESS' },
        { kind: 'PV', target: '光伏收益认领 3 千瓦', amountYuan: null, status: 'PLANNED' },
      ],
    );
    // A stale form is refused; the current one replaces the measures.
    expect((await run(savePlan, { householdId: household.id, incomeTargetYuan: 1, target_PV: 'x' })).ok).toBe(false);
    expect(
      (
        await run(savePlan, {
          householdId: household.id,
          version: 1,
          incomeTargetYuan: 7000,
          target_HEALTH: '家庭医生签约',
        })
      ).ok,
    ).toBe(true);
    const again = await db.helpPlan.findUniqueOrThrow({ where: { id: plan.id }, include: { measures: true } });
    expect(again).toMatchObject({ version: 2, incomeTargetYuan: 7000 });
    expect(again.measures.map((m) => m.kind)).toEqual(['HEALTH']);
    // A measure moves on.
    expect((await run(setMeasureStatus, { measureId: again.measures[0].id, status: 'DONE' })).ok).toBe(true);
    expect((await db.helpMeasure.findUniqueOrThrow({ where: { id: again.measures[0].id } })).status).toBe('DONE');
  });

  it('find nothing outside the viewer’s area', async () => {
    await signInAs('township');
    const { household } = await pairedHousehold(V_OTHER);
    const state = await run(savePlan, { householdId: household.id, incomeTargetYuan: 6000, target_PV: '越界' });
    expect(state).toMatchObject({ ok: false, formError: NOT_FOUND });
    const plan = await db.helpPlan.create({
      data: {
        householdId: household.id,
        regionCode: V_OTHER,
        year,
        incomeTargetYuan: 1,
        measures: { create: { kind: 'PV', target: 'x' } },
      },
      include: { measures: true },
    });
    expect(await run(setMeasureStatus, { measureId: plan.measures[0].id, status: 'DONE' })).toMatchObject({
      ok: false,
      formError: NOT_FOUND,
    });
    expect((await db.helpMeasure.findUniqueOrThrow({ where: { id: plan.measures[0].id } })).status).toBe('PLANNED');
  });
});

describe('early warnings', () => {
  it('come from low income, a fall on last year and risk events; a rerun adds none; poor households are left alone', async () => {
    const low = await pairedHousehold(V, 'LIFTED_OUT');
    await income(low.household.id, year, 5000);
    const fell = await pairedHousehold(V, 'LIFTED_OUT');
    await income(fell.household.id, year - 1, 12000);
    await income(fell.household.id, year, 8000); // −33 % on last year, above the line
    const poor = await pairedHousehold(V, 'REGISTERED_POOR');
    await income(poor.household.id, year, 1000);
    const hit = await makePairingHousehold(V, { status: 'NOT_POOR' });
    const user = await signInAs('township');
    await db.visit.create({
      data: {
        clientKey: `mon-${hit.id}`,
        householdId: hit.id,
        regionCode: V,
        visitedOn: dayOf(today),
        kind: 'IN_PERSON',
        visitorId: user.userId,
        visitorName: '测试',
        riskEvent: 'MEDICAL_COST',
      },
    });
    const first = await db.$transaction((tx) => raiseWarnings(tx, V, today));
    expect(first.raised).toBe(3);
    const warnings = await db.riskWarning.findMany({ where: { regionCode: V }, orderBy: { id: 'asc' } });
    expect(warnings.map((w) => [w.householdId, w.cause, w.year])).toEqual(
      expect.arrayContaining([
        [low.household.id, 'LOW_INCOME', year],
        [fell.household.id, 'INCOME_DROP', year],
        [hit.id, 'MEDICAL_COST', year],
      ]),
    );
    const lowWarning = warnings.find((w) => w.householdId === low.household.id);
    expect(lowWarning).toMatchObject({ cadreId: low.cadre.id, status: 'OPEN', dueOn: dayOf(shift(15)) });
    expect(JSON.parse(lowWarning?.detail ?? '{}')).toEqual({ perCapita: 5000, line: 6000 });
    expect(warnings.some((w) => w.householdId === poor.household.id)).toBe(false);
    // Idempotent: the same causes and year are not raised again, by the command or the button.
    expect((await db.$transaction((tx) => raiseWarnings(tx, V, today))).raised).toBe(0);
    await signInAs('county');
    expect(await run(runWarnings, {})).toMatchObject({ ok: true, message: '预警已生成。' });
    expect(await db.riskWarning.count({ where: { regionCode: V } })).toBe(3);
  });

  it('verified: the household is monitored with its cause, the paired cadre and the measures; then refused twice', async () => {
    const { household, cadre } = await pairedHousehold(V, 'LIFTED_OUT');
    await income(household.id, year, 3000);
    await db.$transaction((tx) => raiseWarnings(tx, V, today));
    const warning = await db.riskWarning.findFirstOrThrow({ where: { householdId: household.id } });
    await signInAs('township');
    // No measure: refused, nothing written.
    expect(await run(verifyWarning, { warningId: warning.id, version: 1, kind: 'UNSTABLE_EXITED' })).toMatchObject({
      ok: false,
      fieldErrors: { target_INDUSTRY: ['至少填写一项帮扶措施的目标。'] },
    });
    expect(await db.monitoredHousehold.count({ where: { householdId: household.id } })).toBe(0);
    const state = await run(verifyWarning, {
      warningId: warning.id,
      version: 1,
      kind: 'UNSTABLE_EXITED',
      cause_FAILED_BUSINESS: 'on',
      target_EMPLOYMENT: '公益岗位：护林员',
      amount_EMPLOYMENT: 6000,
    });
    expect(state.ok).toBe(true);
    const monitored = await db.monitoredHousehold.findFirstOrThrow({
      where: { householdId: household.id },
      include: { measures: true },
    });
    expect(monitored).toMatchObject({ kind: 'UNSTABLE_EXITED', cadreId: cadre.id, source: 'WARNING', closedOn: null });
    expect(monitored.causes).toEqual(['LOW_INCOME', 'FAILED_BUSINESS']);
    expect(monitored.measures).toMatchObject([{ kind: 'EMPLOYMENT', amountYuan: 6000, status: 'PLANNED' }]);
    expect(await db.riskWarning.findUniqueOrThrow({ where: { id: warning.id } })).toMatchObject({
      status: 'VERIFIED',
      monitoredId: monitored.id,
    });
    // Verified once: a second verification or dismissal is refused.
    expect((await run(dismissWarning, { warningId: warning.id, version: 2, reason: '重复' })).ok).toBe(false);
    // A monitored household is not entered twice.
    expect(
      await run(addMonitored, { householdId: household.id, kind: 'MARGINAL', cause_OTHER: 'on', target_PV: 'x' }),
    ).toMatchObject({ ok: false, fieldErrors: { kind: ['该户已在监测中。'] } });
    // Measures move on; the risk closes only on a verification dated from the start up to today.
    expect((await run(setMonitorMeasure, { measureId: monitored.measures[0].id, status: 'DONE' })).ok).toBe(true);
    const close = { monitoredId: monitored.id, version: 2, verifiedBy: '王核实', note: '已稳定务工' };
    expect(await run(closeRisk, { ...close, verifiedOn: shift(1) })).toMatchObject({
      ok: false,
      fieldErrors: { verifiedOn: ['核实日期不能晚于今天。'] },
    });
    expect(await run(closeRisk, { ...close, verifiedOn: shift(-1) })).toMatchObject({
      ok: false,
      fieldErrors: { verifiedOn: ['核实日期不能早于纳入监测日期。'] },
    });
    expect(await run(closeRisk, { ...close, verifiedOn: today, verifiedBy: '' })).toMatchObject({ ok: false });
    expect((await db.monitoredHousehold.findUniqueOrThrow({ where: { id: monitored.id } })).closedOn).toBeNull();
    expect(await run(closeRisk, { ...close, verifiedOn: today })).toMatchObject({
      ok: true,
      message: '已确认风险消除。',
    });
    expect(await db.monitoredHousehold.findUniqueOrThrow({ where: { id: monitored.id } })).toMatchObject({
      closedOn: dayOf(today),
      closedVerifiedBy: '王核实',
      closedNote: '已稳定务工',
    });
    expect((await run(closeRisk, { ...close, version: 3, verifiedOn: today })).ok).toBe(false);
  });

  it('dismissed only with a reason', async () => {
    const { household } = await pairedHousehold(V, 'LIFTED_OUT');
    await income(household.id, year, 3500);
    await db.$transaction((tx) => raiseWarnings(tx, V, today));
    const warning = await db.riskWarning.findFirstOrThrow({ where: { householdId: household.id } });
    await signInAs('township');
    expect(await run(dismissWarning, { warningId: warning.id, version: 1, reason: '' })).toMatchObject({ ok: false });
    expect((await db.riskWarning.findUniqueOrThrow({ where: { id: warning.id } })).status).toBe('OPEN');
    expect(
      (await run(dismissWarning, { warningId: warning.id, version: 1, reason: '务工收入未计入，实际高于监测线' })).ok,
    ).toBe(true);
    expect(await db.riskWarning.findUniqueOrThrow({ where: { id: warning.id } })).toMatchObject({
      status: 'DISMISSED',
      reason: '务工收入未计入，实际高于监测线',
      resolvedOn: dayOf(today),
    });
  });

  it('a household entered by the township without a paired cadre needs one named from the area', async () => {
    const household = await makePairingHousehold(V, { status: 'NOT_POOR' });
    await signInAs('township');
    const base = { householdId: household.id, kind: 'SUDDEN_HARDSHIP', cause_DISASTER: 'on', target_HOUSING: '修缮' };
    expect(await run(addMonitored, base)).toMatchObject({ ok: false, fieldErrors: { cadreId: [expect.any(String)] } });
    const outside = await makePairingCadre({ regionCode: OTHER_COUNTY });
    expect(await run(addMonitored, { ...base, cadreId: outside.id })).toMatchObject({
      ok: false,
      fieldErrors: { cadreId: ['所选干部不在本区域或已离岗。'] },
    });
    const inside = await makePairingCadre({ regionCode: TOWNSHIP_1 });
    expect((await run(addMonitored, { ...base, cadreId: inside.id })).ok).toBe(true);
    expect(await db.monitoredHousehold.findFirstOrThrow({ where: { householdId: household.id } })).toMatchObject({
      cadreId: inside.id,
      source: 'TOWNSHIP',
      kind: 'SUDDEN_HARDSHIP',
    });
  });
});

describe('kept figures and the monitoring page', () => {
  it('count plans of this year, monitored households by kind, warnings open and overdue, and risks closed', async () => {
    const planned = await pairedHousehold(V_FIG);
    const unplanned = await pairedHousehold(V_FIG);
    await db.helpPlan.create({
      data: {
        householdId: planned.household.id,
        regionCode: V_FIG,
        year,
        incomeTargetYuan: 1,
        cadreId: planned.cadre.id,
      },
    });
    await db.helpPlan.create({
      data: { householdId: unplanned.household.id, regionCode: V_FIG, year: year - 1, incomeTargetYuan: 1 },
    });
    const user = await signInAs('township');
    const monitored = async (kind: 'UNSTABLE_EXITED' | 'MARGINAL' | 'SUDDEN_HARDSHIP', closedOn: string | null) => {
      const h = await pairedHousehold(V_FIG, 'LIFTED_OUT');
      return db.monitoredHousehold.create({
        data: {
          householdId: h.household.id,
          regionCode: V_FIG,
          kind,
          causes: ['OTHER'],
          cadreId: h.cadre.id,
          source: 'TOWNSHIP',
          startedOn: dayOf(shift(-30)),
          enteredById: user.userId,
          enteredByName: 'x',
          closedOn: closedOn ? dayOf(closedOn) : null,
        },
      });
    };
    await monitored('UNSTABLE_EXITED', null);
    await monitored('UNSTABLE_EXITED', null);
    await monitored('MARGINAL', null);
    await monitored('SUDDEN_HARDSHIP', shift(-1));
    const warn = async (status: 'OPEN' | 'DISMISSED', due: string, cause: 'LOW_INCOME' | 'DISASTER') => {
      const h = await makePairingHousehold(V_FIG, { status: 'NOT_POOR' });
      await db.riskWarning.create({
        data: {
          householdId: h.id,
          regionCode: V_FIG,
          year,
          cause,
          detail: '{"day":"2026-01-01","source":"visit"}',
          raisedOn: dayOf(shift(-20)),
          dueOn: dayOf(due),
          status,
        },
      });
    };
    await warn('OPEN', shift(3), 'LOW_INCOME');
    await warn('OPEN', shift(-1), 'DISASTER');
    await warn('DISMISSED', shift(-1), 'DISASTER');
    while ((await refreshFigures({ area: V_FIG, limit: 10, wait: true })).remaining > 0);
    const f = await db.villageFigures.findUniqueOrThrow({ where: { villageCode: V_FIG } });
    expect(f).toMatchObject({
      plannedPoorHouseholds: 1,
      monitoredUnstable: 2,
      monitoredMarginal: 1,
      monitoredSudden: 0,
      warningsOpen: 2,
      warningsOverdue: 1,
      risksClosed: shift(-1).slice(0, 4) === String(year) ? 1 : 0,
    });
    // The lists the figures drill into show the same numbers.
    const page = (q: Record<string, string>) =>
      monitoringOverview(user, {
        area: V_FIG,
        state: 'open',
        warnings: 'open',
        warningsPage: 1,
        monitoredPage: 1,
        ...q,
      } as never);
    expect((await page({ kind: 'UNSTABLE_EXITED' })).monitoredCount).toBe(2);
    expect((await page({ warnings: 'overdue' })).warningCount).toBe(1);
    expect((await page({})).warningCount).toBe(2);
    expect((await page({ state: 'closedThisYear' })).monitoredCount).toBe(f.risksClosed);
    // Each list pages on its own: the second page of warnings is past both of them, the count stays,
    // and the monitored households (three open) are still on their first page.
    const second = await monitoringOverview(user, monitoringFilters({ area: V_FIG, wpage: '2' }));
    expect(second.warnings).toEqual([]);
    expect(second.warningCount).toBe(2);
    expect(second.monitored).toHaveLength(3);
    expect((await monitoringOverview(user, monitoringFilters({ area: V_FIG, mpage: '2' }))).monitored).toEqual([]);
  });
});

describe('the daily warnings job', () => {
  it('runs once a China day: a server restarted the same day skips it, the next day runs it again', async () => {
    const counties: string[] = []; // the counties' own warnings are tested above; this is the once-a-day rule
    await db.jobRun.deleteMany({ where: { name: 'warnings' } });
    expect(await runWarningsJob(today, counties)).toBe(true);
    expect(await db.jobRun.findUniqueOrThrow({ where: { name: 'warnings' } })).toMatchObject({ day: dayOf(today) });
    expect(await runWarningsJob(today, counties)).toBe(false);
    expect(await runWarningsJob(shift(1), counties)).toBe(true);
    expect(await db.jobRun.findUniqueOrThrow({ where: { name: 'warnings' } })).toMatchObject({ day: dayOf(shift(1)) });
  });
});
