// Oversight (issue 8): the random draw is recorded and repeatable, a planned inspection stays hidden
// from the team and township it visits, an absence against a claimed day raises a discrepancy the
// township and county see (and the dashboard counts), findings open problems, talks and recalls,
// and the county's adjustment of a computed score. Fixtures: villages 990102101 61x and 990103101 61x.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamMonth } from '@/lib/attendance/data';
import { dashboard } from '@/lib/dashboard/data';
import { db } from '@/lib/db';
import { refreshFigures } from '@/lib/figures/commands';
import { MUST_PAIR_STATUSES } from '@/lib/households/rules';
import {
  addFinding,
  adjustAssessment,
  completeInspection,
  planInspection,
  recordFollowUp,
  recordHouseholdCheck,
  recordPresence,
} from '@/lib/inspections/actions';
import {
  assessment,
  assessmentYears,
  getInspection,
  INSPECTION_PAGE_SIZE,
  listDiscrepancies,
  listFollowUps,
  listInspections,
  noticeOf,
  oversightOfPerson,
  oversightPace,
} from '@/lib/inspections/data';
import { drawInspection } from '@/lib/inspections/rules';
import { listProblems } from '@/lib/problems/data';
import { addPosting } from '@/lib/teams/actions';
import { replacementRequests } from '@/lib/teams/data';
import { dayOf } from '@/lib/time';
import {
  makeInspection,
  removeInspectionFixtures,
  trackAssessmentSubject,
  trackInspection,
} from '../support/inspections';
import { makeProblem, makeProblemHousehold } from '../support/problems';
import { addDays, chinaToday, fillDays, makePosting, makeTeam, makeUser, removeTeamFixtures } from '../support/teams';
import { lastAudit, run, signInAs, TOWNSHIP_1 } from './helpers';

const V = `${TOWNSHIP_1}611`;
const V_OTHER = '990103101611';
const year = () => Number(chinaToday().slice(0, 4));

let team: { id: number; villageCode: string };
let otherTeam: { id: number; villageCode: string };
let inspectorId: number;
beforeAll(async () => {
  team = (await makeTeam({ village: V })).team;
  otherTeam = (await makeTeam({ village: V_OTHER })).team;
  inspectorId = (await db.user.findUniqueOrThrow({ where: { username: 'inspector' } })).id;
});
afterAll(async () => {
  await removeInspectionFixtures();
  await db.household.deleteMany({ where: { regionCode: { in: [V, V_OTHER] } } });
  await removeTeamFixtures();
});

const signInNew = async (role: Parameters<typeof makeUser>[0]['role'], scopeCode: string) =>
  signInAs((await makeUser({ role, scopeCode })).username);

describe('the random draw', () => {
  it('draws villages with a team and households in them, records the seed, and repeats from it', async () => {
    await signInAs('inspector');
    const state = await run(planInspection, {
      kind: 'UNANNOUNCED',
      areaCode: TOWNSHIP_1,
      plannedOn: addDays(chinaToday(), 3),
      villageCount: 2,
      householdsPerVillage: 2,
    });
    expect(state).toMatchObject({ ok: true, redirectedTo: expect.stringMatching(/^\/inspections\/\d+$/) });
    const id = Number(state.redirectedTo!.split('/')[2]);
    trackInspection(id);
    const inspection = await db.inspection.findUniqueOrThrow({
      where: { id },
      include: { villages: { orderBy: { drawOrder: 'asc' } } },
    });
    const candidates = (await db.workTeam.findMany({ where: { villageCode: { startsWith: TOWNSHIP_1 } } }))
      .map((t) => t.villageCode)
      .sort();
    expect(inspection).toMatchObject({ status: 'PLANNED', candidateCount: candidates.length, areaCode: TOWNSHIP_1 });
    expect(inspection.seed).toMatch(/^[0-9a-f]{8}$/);
    const households = await db.household.findMany({
      where: { regionCode: { in: candidates }, status: { in: [...MUST_PAIR_STATUSES] } },
      orderBy: { id: 'asc' },
    });
    const again = drawInspection({
      seed: inspection.seed,
      villages: candidates,
      villageCount: 2,
      householdsPerVillage: 2,
      householdsOf: (code) => households.filter((h) => h.regionCode === code).map((h) => h.id),
    });
    expect(inspection.villages.map((v) => ({ villageCode: v.villageCode, householdIds: v.householdIds }))).toEqual(
      again.map((v) => ({ villageCode: v.villageCode, householdIds: v.householdIds })),
    );
    expect((await lastAudit('inspection.plan'))?.changes).toMatchObject({ seed: inspection.seed });
    expect((await getInspection(await signInAs('inspector'), id)).verified).toBe(true);
  });

  it('refuses an area outside the inspector’s and a return visit without its unit, writing nothing', async () => {
    await signInAs('inspector');
    const before = await db.inspection.count();
    expect(
      await run(planInspection, {
        kind: 'UNANNOUNCED',
        areaCode: '990103101',
        plannedOn: chinaToday(),
        villageCount: 1,
        householdsPerVillage: 1,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { areaCode: ['所选范围不在您的管辖区域内'] } });
    expect(
      await run(planInspection, {
        kind: 'RETURN_VISIT',
        areaCode: TOWNSHIP_1,
        plannedOn: chinaToday(),
        villageCount: 1,
        householdsPerVillage: 1,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { unitId: ['回访须选择派出单位'] } });
    expect(await db.inspection.count()).toBe(before);
  });
});

describe('a planned inspection is hidden from those it visits', () => {
  it('the team and the township see nothing of it; inspectors and the county do; once done the township sees it', async () => {
    const planned = await makeInspection({
      villages: [{ code: V }],
      plannedOn: chinaToday(),
      createdById: inspectorId,
    });
    for (const role of ['TEAM_LEADER', 'TEAM_MEMBER'] as const) {
      const viewer = await signInNew(role, V);
      await expect(listInspections(viewer, { year: year() })).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
      await expect(getInspection(viewer, planned.id)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
      expect((await dashboard(viewer)).sections.oversight).toBe(false);
    }
    const township = await signInNew('TOWNSHIP_STAFF', TOWNSHIP_1);
    expect((await listInspections(township, { year: year() })).rows.map((r) => r.id)).not.toContain(planned.id);
    await expect(getInspection(township, planned.id)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404');
    const leader = await signInAs('leader');
    expect((await listInspections(leader, { year: year() })).rows.map((r) => r.id)).not.toContain(planned.id);

    for (const username of ['inspector', 'county']) {
      const viewer = await signInAs(username);
      expect((await listInspections(viewer, { year: year() })).rows.map((r) => r.id)).toContain(planned.id);
      expect((await getInspection(viewer, planned.id)).id).toBe(planned.id);
    }
    // The page pages what the whole list holds: the newest first, the same count on every page.
    const county = await signInAs('county');
    const all = await listInspections(county, { year: year() });
    const first = await listInspections(county, { year: year(), page: 1 });
    expect(first.total).toBe(all.rows.length);
    expect(first.rows.map((r) => r.id)).toEqual(all.rows.slice(0, INSPECTION_PAGE_SIZE).map((r) => r.id));
    expect(await listInspections(county, { year: year(), page: 2 })).toMatchObject({
      total: all.rows.length,
      rows: all.rows.slice(INSPECTION_PAGE_SIZE),
    });
    await signInAs('inspector');
    expect(await run(completeInspection, { inspectionId: planned.id, version: planned.version })).toMatchObject({
      ok: true,
      message: '督查已完成。',
    });
    expect((await listInspections(township, { year: year() })).rows.map((r) => r.id)).toContain(planned.id);
    expect((await getInspection(township, planned.id)).canWork).toBe(false);
  });

  it('a township sees only its own villages of a county inspection', async () => {
    const otherTownshipVillage = (
      await db.region.findFirstOrThrow({
        where: { level: 'VILLAGE', code: { startsWith: '990102102' } },
        orderBy: { code: 'asc' },
      })
    ).code;
    const done = await makeInspection({
      villages: [{ code: V }, { code: otherTownshipVillage }],
      status: 'DONE',
      createdById: inspectorId,
    });
    await db.inspection.update({
      where: { id: done.id },
      data: { seed: 'a1b2c3d4', summary: '全县总体情况：外乡问题较多' },
    });
    await db.finding.createMany({
      data: [
        { inspectionId: done.id, villageCode: V, description: '本乡发现' },
        { inspectionId: done.id, villageCode: otherTownshipVillage, description: '外乡发现' },
        { inspectionId: done.id, villageCode: otherTownshipVillage, description: '外乡发现二' },
      ],
    });
    const township = await signInNew('TOWNSHIP_STAFF', TOWNSHIP_1);
    const seen = await getInspection(township, done.id);
    expect(seen.villages.map((v) => v.villageCode)).toEqual([V]);
    expect(seen.findings.map((f) => f.description)).toEqual(['本乡发现']);
    // Not the county's draw (seed, candidates) nor its summary, which speak of other townships' villages.
    expect({
      seed: seen.seed,
      candidateCount: seen.candidateCount,
      summary: seen.summary,
      verified: seen.verified,
    }).toEqual({ seed: null, candidateCount: null, summary: null, verified: null });
    const listed = (await listInspections(township, { year: year() })).rows.find((r) => r.id === done.id)!;
    expect({ villages: listed.villageCodes, findings: listed.findings }).toEqual({ villages: [V], findings: 1 });
    const notice = await noticeOf(township, { from: chinaToday(), to: chinaToday() });
    expect(notice.inspections.find((i) => i.id === done.id)!.villages).toHaveLength(1);
    const county = await getInspection(await signInAs('county'), done.id);
    expect({ villages: county.villages.length, seed: county.seed, summary: county.summary }).toEqual({
      villages: 2,
      seed: 'a1b2c3d4',
      summary: '全县总体情况：外乡问题较多',
    });
    expect(
      (await listInspections(await signInAs('county'), { year: year() })).rows.find((r) => r.id === done.id)!.findings,
    ).toBe(3);
  });

  it('cannot be completed before its day, nor twice', async () => {
    const later = await makeInspection({
      villages: [{ code: V }],
      plannedOn: addDays(chinaToday(), 5),
      createdById: inspectorId,
    });
    await signInAs('inspector');
    expect(await run(completeInspection, { inspectionId: later.id, version: 1 })).toMatchObject({
      ok: false,
      formError: '督查日期未到，尚不能记录或完成',
    });
    const done = await makeInspection({ villages: [{ code: V }], status: 'DONE', createdById: inspectorId });
    expect(await run(completeInspection, { inspectionId: done.id, version: 1 })).toMatchObject({
      ok: false,
      formError: '该督查已完成',
    });
  });
});

describe('on the spot', () => {
  it('an absence on a claimed day is a discrepancy the township and county see, once the inspection is done, and the dashboard counts; an absence on leave is not', async () => {
    const today = chinaToday();
    const claimed = await makePosting({ team, name: '虚报队员' });
    const onLeave = await makePosting({ team, name: '请假队员' });
    const there = await makePosting({ team, name: '在岗队员' });
    await fillDays(claimed, [today], 'IN_VILLAGE');
    await fillDays(onLeave, [today], 'LEAVE');
    await fillDays(there, [today], 'OVERNIGHT');
    const inspection = await makeInspection({ villages: [{ code: V }], createdById: inspectorId });
    await signInAs('inspector');
    const record = (cadreId: number, present: 'yes' | 'no') =>
      run(recordPresence, { inspectionId: inspection.id, cadreId, day: today, present });
    expect(await record(claimed.cadreId, 'no')).toMatchObject({
      ok: true,
      message: expect.stringContaining('已标记为考勤不实'),
    });
    expect(await record(onLeave.cadreId, 'no')).toMatchObject({ ok: true, message: '已记录。' });
    expect(await record(there.cadreId, 'yes')).toMatchObject({ ok: true, message: '已记录。' });
    const checks = (await getInspection(await signInAs('inspector'), inspection.id)).presenceChecks.sort(
      (a, b) => a.cadreId - b.cadreId,
    );
    expect(checks.map((c) => [c.cadreId, c.present, c.discrepancy])).toEqual([
      [claimed.cadreId, false, true],
      [onLeave.cadreId, false, false],
      [there.cadreId, true, false],
    ]);
    expect(await run(completeInspection, { inspectionId: inspection.id, version: inspection.version })).toMatchObject({
      ok: true,
    });

    const township = await signInNew('TOWNSHIP_STAFF', TOWNSHIP_1);
    const seen = (await listDiscrepancies(township, { year: year() })).rows;
    expect(seen.filter((r) => r.cadreId === claimed.cadreId)).toMatchObject([
      { day: today, claimed: 'IN_VILLAGE', name: '虚报队员' },
    ]);
    expect(
      (await listDiscrepancies(await signInNew('TOWNSHIP_STAFF', '990102102'), { year: year() })).rows.map(
        (r) => r.cadreId,
      ),
    ).not.toContain(claimed.cadreId);
    const county = await signInAs('county');
    expect((await listDiscrepancies(county, { year: year() })).rows.map((r) => r.cadreId)).toContain(claimed.cadreId);
    const village = await dashboard(county, V);
    expect(village.total.figures.discrepancies).toBe(1);
    expect(village.total.marks.missed).toContain('discrepancy');
    await refreshFigures({ limit: 1000, wait: true });
    const top = await dashboard(county);
    expect(top.total.figures.discrepancies).toBe(
      (await listDiscrepancies(county, { area: '990102', year: year() })).rows.length,
    );
  });

  it('judges a day entered after the visit too: the absence becomes a discrepancy once the day claims presence', async () => {
    const today = chinaToday();
    const late = await makePosting({ team, name: '补录队员' });
    const inspection = await makeInspection({ villages: [{ code: V }], createdById: inspectorId });
    await signInAs('inspector');
    expect(
      await run(recordPresence, { inspectionId: inspection.id, cadreId: late.cadreId, day: today, present: 'no' }),
    ).toMatchObject({ ok: true, message: '已记录。' });
    expect(await run(completeInspection, { inspectionId: inspection.id, version: inspection.version })).toMatchObject({
      ok: true,
    });
    const county = await signInAs('county');
    const flagged = async () =>
      (await listDiscrepancies(county, { area: V, year: year() })).rows.filter((r) => r.cadreId === late.cadreId)
        .length;
    expect(await flagged()).toBe(0);
    await fillDays(late, [today], 'IN_VILLAGE'); // the team fills the day in afterwards
    expect(await flagged()).toBe(1);
    expect((await dashboard(county, V)).total.figures.discrepancies).toBe(
      await (async () => (await listDiscrepancies(county, { area: V, year: year() })).rows.length)(),
    );
    await db.attendanceRecord.deleteMany({ where: { postingId: late.id } }); // cleared again: no longer a discrepancy
    expect(await flagged()).toBe(0);
  });

  it('a discrepancy or a talk on a planned inspection reaches no team or township read (list, notice, month grid, person’s year, dashboard) until it is done', async () => {
    const today = chinaToday();
    const claimed = await makePosting({ team, name: '暗访队员' });
    await fillDays(claimed, [today], 'IN_VILLAGE');
    const inspection = await makeInspection({ villages: [{ code: V }], createdById: inspectorId });
    const township = await signInNew('TOWNSHIP_STAFF', TOWNSHIP_1);
    const leader = await signInNew('TEAM_LEADER', V);
    const member = await signInNew('TEAM_MEMBER', V);
    const counted = async () =>
      Promise.all(
        [township, leader, member].map(
          async (viewer) => (await dashboard(viewer, V))?.total.figures.discrepancies ?? 0,
        ),
      );
    const baseline = await counted(); // earlier tests' discrepancies of done inspections
    await signInAs('inspector');
    expect(
      await run(recordPresence, { inspectionId: inspection.id, cadreId: claimed.cadreId, day: today, present: 'no' }),
    ).toMatchObject({ ok: true, message: expect.stringContaining('已标记为考勤不实') });
    expect(
      await run(recordFollowUp, {
        kind: 'TALK',
        cadreId: claimed.cadreId,
        heldOn: today,
        reason: '暗访当场约谈',
        inspectionId: inspection.id,
      }),
    ).toMatchObject({ ok: true });
    // The inspector sees it on the inspection itself while it runs.
    expect(
      (await getInspection(await signInAs('inspector'), inspection.id)).presenceChecks.find(
        (c) => c.cadreId === claimed.cadreId,
      )?.discrepancy,
    ).toBe(true);

    const reads = async () => {
      const seen: Record<string, boolean> = {};
      for (const [i, [name, viewer]] of (
        [
          ['township', township],
          ['teamLeader', leader],
          ['teamMember', member],
        ] as const
      ).entries()) {
        // A read the role may not make at all (403) shows nothing, as its page does.
        const allowed = <T>(read: Promise<T>) =>
          read.catch((error: Error) => {
            if (error.message === 'NEXT_HTTP_ERROR_FALLBACK;403') return null;
            throw error;
          });
        const list = await allowed(listDiscrepancies(viewer, { year: year() }));
        const notice = await allowed(noticeOf(viewer, { from: today, to: today }));
        const grid = await allowed(teamMonth(viewer, team.id, today.slice(0, 7)));
        const person = await allowed(oversightOfPerson(viewer, claimed.cadreId));
        const figures = await allowed(dashboard(viewer, V));
        seen[`${name}.list`] = !!list?.rows.some((r) => r.cadreId === claimed.cadreId);
        seen[`${name}.notice`] = !!notice?.discrepancies.some((d) => d.name === '暗访队员');
        seen[`${name}.grid`] = !!grid?.rows.find((r) => r.cadreId === claimed.cadreId)?.cells[today]?.disputed;
        seen[`${name}.year`] = !!person?.discrepancies.length;
        seen[`${name}.dashboard`] = (figures?.total.figures.discrepancies ?? 0) > baseline[i];
        const talk = (r: { reason: string }) => r.reason === '暗访当场约谈';
        seen[`${name}.talkList`] = !!(await allowed(listFollowUps(viewer, { year: year() })))?.some(talk);
        seen[`${name}.talkNotice`] = !!notice?.followUps.some(talk);
        seen[`${name}.talkYear`] = !!person?.followUps.some(talk);
      }
      return seen;
    };
    const before = await reads();
    expect(
      Object.entries(before)
        .filter(([, shown]) => shown)
        .map(([read]) => read),
    ).toEqual([]);

    await signInAs('inspector');
    expect(await run(completeInspection, { inspectionId: inspection.id, version: inspection.version })).toMatchObject({
      ok: true,
    });
    const after = await reads();
    // Once done the township sees it everywhere; the team roles only in the dashboard's figure.
    expect(
      Object.entries(after)
        .filter(([, shown]) => shown)
        .map(([read]) => read)
        .sort(),
    ).toEqual([
      'teamLeader.dashboard',
      'teamMember.dashboard',
      'township.dashboard',
      'township.grid',
      'township.list',
      'township.notice',
      'township.talkList',
      'township.talkNotice',
      'township.talkYear',
      'township.year',
    ]);
  });

  it('records only from the inspection’s day on and only until it is done', async () => {
    const member = await makePosting({ team });
    const later = await makeInspection({
      villages: [{ code: V }],
      plannedOn: addDays(chinaToday(), 2),
      createdById: inspectorId,
    });
    const yesterdays = await makeInspection({
      villages: [{ code: V }],
      plannedOn: addDays(chinaToday(), -1),
      createdById: inspectorId,
    });
    const done = await makeInspection({ villages: [{ code: V }], status: 'DONE', createdById: inspectorId });
    await signInAs('inspector');
    const presence = (inspectionId: number, day: string) =>
      run(recordPresence, { inspectionId, cadreId: member.cadreId, day, present: 'yes' });
    expect(await presence(later.id, chinaToday())).toMatchObject({
      ok: false,
      formError: '督查日期未到，尚不能记录或完成',
    });
    expect(await presence(yesterdays.id, addDays(chinaToday(), -2))).toMatchObject({
      ok: false,
      fieldErrors: { day: ['督查日期之前的在岗情况不能记录'] },
    });
    expect(await presence(done.id, chinaToday())).toMatchObject({ ok: false, formError: '该督查已完成' });
    expect(await run(addFinding, { inspectionId: done.id, villageCode: V, description: '完成后补记' })).toMatchObject({
      ok: false,
      formError: '该督查已完成',
    });
    expect(await db.presenceCheck.count({ where: { inspectionId: { in: [later.id, yesterdays.id, done.id] } } })).toBe(
      0,
    );
    expect(await presence(yesterdays.id, addDays(chinaToday(), -1))).toMatchObject({ ok: true });
  });

  it('refuses someone not on a drawn village’s team, and a future day, writing nothing', async () => {
    const outsider = await makePosting({ team: otherTeam });
    const inspection = await makeInspection({ villages: [{ code: V }], createdById: inspectorId });
    await signInAs('inspector');
    expect(
      await run(recordPresence, {
        inspectionId: inspection.id,
        cadreId: outsider.cadreId,
        day: chinaToday(),
        present: 'no',
      }),
    ).toMatchObject({ ok: false, fieldErrors: { cadreId: ['该人员当天不在所抽村的工作队中'] } });
    const member = await makePosting({ team });
    expect(
      await run(recordPresence, {
        inspectionId: inspection.id,
        cadreId: member.cadreId,
        day: addDays(chinaToday(), 1),
        present: 'no',
      }),
    ).toMatchObject({ ok: false, fieldErrors: { day: ['不能记录未来的日期'] } });
    expect(await db.presenceCheck.count({ where: { inspectionId: inspection.id } })).toBe(0);
  });

  it('checks only drawn households, and a finding can open a problem in the ledger', async () => {
    const drawn = await makeProblemHousehold(V, { headName: '抽中户' });
    const other = await makeProblemHousehold(V, { headName: '未抽中户' });
    const inspection = await makeInspection({
      villages: [{ code: V, householdIds: [drawn.id] }],
      createdById: inspectorId,
    });
    await signInAs('inspector');
    const answers = { visitedAsClaimed: 'yes', knowsCadre: 'no', measuresReal: 'unknown', satisfied: 'yes' };
    expect(
      await run(recordHouseholdCheck, { inspectionId: inspection.id, householdId: other.id, ...answers }),
    ).toMatchObject({ ok: false, fieldErrors: { householdId: ['该户不在本次抽取范围内'] } });
    expect(
      await run(recordHouseholdCheck, { inspectionId: inspection.id, householdId: drawn.id, ...answers }),
    ).toMatchObject({ ok: true });
    expect(await db.householdCheck.findFirstOrThrow({ where: { inspectionId: inspection.id } })).toMatchObject({
      householdId: drawn.id,
      visitedAsClaimed: true,
      knowsCadre: false,
      measuresReal: null,
      satisfied: true,
    });

    expect(
      await run(addFinding, {
        inspectionId: inspection.id,
        villageCode: V,
        description: '帮扶措施未落实到户',
        openProblem: 'on',
        urgency: 'HIGH',
      }),
    ).toMatchObject({ ok: false, fieldErrors: { category: ['此项必填'] } });
    expect(
      await run(addFinding, {
        inspectionId: inspection.id,
        villageCode: V,
        description: '帮扶措施未落实到户',
        openProblem: 'on',
        category: 'PRECISION',
        urgency: 'HIGH',
      }),
    ).toMatchObject({ ok: true, message: '已记录，并登记到问题台账。' });
    const finding = await db.finding.findFirstOrThrow({ where: { inspectionId: inspection.id } });
    const ledger = await listProblems(await signInAs('county'), { area: V, source: 'INSPECTION' });
    expect(ledger.rows.map((p) => p.id)).toContain(finding.problemId);
  });
});

describe('talks, recalls and the assessment', () => {
  it('records a talk against a member of the area, and refuses one elsewhere', async () => {
    const member = await makePosting({ team, name: '约谈队员' });
    const outsider = await makePosting({ team: otherTeam });
    await signInAs('inspector');
    expect(
      await run(recordFollowUp, {
        kind: 'TALK',
        cadreId: member.cadreId,
        heldOn: chinaToday(),
        reason: '考勤不实，约谈提醒',
      }),
    ).toMatchObject({ ok: true });
    expect(await db.followUp.findFirstOrThrow({ where: { cadreId: member.cadreId } })).toMatchObject({
      kind: 'TALK',
      villageCode: V,
    });
    expect(
      await run(recordFollowUp, { kind: 'RECALL', cadreId: outsider.cadreId, heldOn: chinaToday(), reason: '越界' }),
    ).toMatchObject({ ok: false, fieldErrors: { cadreId: ['该人员当天不在所抽村的工作队中'] } });
    expect(await db.followUp.count({ where: { cadreId: outsider.cadreId } })).toBe(0);
  });

  it('talks with the head of a member’s dispatching unit, naming the head (seed 000)', async () => {
    const member = await makePosting({ team, name: '单位约谈队员' });
    await signInAs('inspector');
    const talk = { kind: 'UNIT_HEAD_TALK', cadreId: member.cadreId, heldOn: chinaToday(), reason: '派出单位支持不力' };
    expect(await run(recordFollowUp, talk)).toMatchObject({
      ok: false,
      fieldErrors: { headName: ['约谈派出单位负责人须填写负责人姓名'] },
    });
    expect(await db.followUp.count({ where: { cadreId: member.cadreId } })).toBe(0);
    expect(await run(recordFollowUp, { ...talk, headName: '王局长' })).toMatchObject({ ok: true });
    expect(await db.followUp.findFirstOrThrow({ where: { cadreId: member.cadreId } })).toMatchObject({
      kind: 'UNIT_HEAD_TALK',
      unitId: member.unitId,
      headName: '王局长',
    });
    // The database holds the pairing of kind and head too.
    await expect(
      db.followUp.create({
        data: {
          kind: 'TALK',
          cadreId: member.cadreId,
          villageCode: V,
          heldOn: dayOf(chinaToday()),
          reason: 'x',
          headName: '某',
          unitId: member.unitId,
          createdById: 1,
        },
      }),
    ).rejects.toThrow();
    const listed = (await listFollowUps(await signInAs('county'), { year: year() })).find(
      (r) => r.cadreId === member.cadreId,
    );
    expect(listed).toMatchObject({ headName: '王局长', unitName: expect.any(String) });
  });

  it('a recall ends the posting and asks the unit for a replacement, filled by the next posting (seed 002)', async () => {
    const recalled = await makePosting({
      team,
      role: 'FIRST_SECRETARY',
      start: addDays(chinaToday(), -30),
      name: '被召回书记',
    });
    await fillDays(recalled, [addDays(chinaToday(), -1)]);
    await signInAs('inspector');
    const recall = {
      kind: 'RECALL',
      cadreId: recalled.cadreId,
      heldOn: addDays(chinaToday(), -2),
      reason: '长期不在岗',
    };
    // Days recorded after the day held: refused, nothing written.
    expect(await run(recordFollowUp, recall)).toMatchObject({
      ok: false,
      fieldErrors: { heldOn: ['离队日期之后还有 1 天考勤记录，请先更正'] },
    });
    expect(await db.followUp.count({ where: { cadreId: recalled.cadreId } })).toBe(0);
    expect(await db.replacementRequest.count({ where: { recalledPostingId: recalled.id } })).toBe(0);
    expect(await run(recordFollowUp, { ...recall, heldOn: chinaToday() })).toMatchObject({ ok: true });
    expect(await db.posting.findUniqueOrThrow({ where: { id: recalled.id } })).toMatchObject({
      endedOn: dayOf(chinaToday()),
      endReason: '长期不在岗',
    });
    const request = await db.replacementRequest.findUniqueOrThrow({ where: { recalledPostingId: recalled.id } });
    expect(request).toMatchObject({
      teamId: team.id,
      unitId: recalled.unitId,
      role: 'FIRST_SECRETARY',
      filledPostingId: null,
    });
    expect((await lastAudit('inspection.followUp'))!.changes).toMatchObject({ replacementRequest: request.id });
    // Recalled twice: the posting has ended.
    expect(await run(recordFollowUp, { ...recall, heldOn: chinaToday() })).toMatchObject({
      ok: false,
      fieldErrors: { cadreId: ['该队员目前没有在岗的派驻，无法召回'] },
    });
    // The open request shows to the county, not to another county; the next posting fills it.
    const county = await signInAs('county');
    expect((await replacementRequests(county, { openOnly: true })).map((r) => r.id)).toContain(request.id);
    expect((await replacementRequests(await signInAs('county2'), {})).map((r) => r.id)).not.toContain(request.id);
    await signInAs('county');
    const unit = await db.unit.findFirstOrThrow({ where: { countyCode: '990102' } });
    expect(
      await run(addPosting, {
        teamId: team.id,
        name: '补派书记',
        rank: 'ORDINARY',
        role: 'FIRST_SECRETARY',
        unitId: unit.id,
        startDate: chinaToday(),
        plannedEndDate: addDays(chinaToday(), 400),
      }),
    ).toMatchObject({ ok: true });
    const filled = await db.replacementRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(filled.filledPostingId).not.toBeNull();
    expect(filled.filledOn).toEqual(dayOf(chinaToday()));
    expect((await replacementRequests(county, { openOnly: true })).map((r) => r.id)).not.toContain(request.id);
  });

  it('assesses each year on its own kept figures, counting problems by the year found (issue 18)', async () => {
    trackAssessmentSubject(V);
    const county = await signInAs('county');
    const userId = (await db.user.findUniqueOrThrow({ where: { username: 'county' } })).id;
    const old = await makeProblem({ regionCode: V, userId, status: 'STRUCK_OFF', foundOn: `${year() - 1}-11-20` });
    const fresh = await makeProblem({ regionCode: V, userId, foundOn: chinaToday() });
    try {
      await refreshFigures({ limit: 1000, wait: true });
      const kept = await db.villageFigures.findUniqueOrThrow({ where: { villageCode: V } });
      const thisYear = await db.villageFiguresYear.findUniqueOrThrow({
        where: { villageCode_year: { villageCode: V, year: year() } },
      });
      // Last year's problem is in the ledger's total, not in this year's.
      expect(kept.problemsFound - kept.yearProblemsFound).toBeGreaterThanOrEqual(1);
      expect(thisYear).toMatchObject({ yearProblemsFound: kept.yearProblemsFound, problemsFound: kept.problemsFound });
      const now = (await assessment(county, year())).teams.find((r) => r.code === V)!;
      expect(now.counts.yearProblemsFound).toBe(kept.yearProblemsFound);
      expect(now.computed.indicators.rectification).toBe(
        kept.yearProblemsFound === 0 ? null : kept.yearProblemsStruckOff / kept.yearProblemsFound,
      );

      // Last year as it stood at its end (written by that year's refreshes): assessed on those figures.
      await db.villageFiguresYear.create({
        data: { ...thisYear, year: year() - 1, members: 4, membersOnTrack: 1 },
      });
      expect(await assessmentYears(county)).toEqual(expect.arrayContaining([year(), year() - 1]));
      const last = (await assessment(county, year() - 1)).teams.find((r) => r.code === V)!;
      expect(last.computed.indicators.attendance).toBe(0.25);
      expect(await assessmentYears(await signInAs('county2'))).not.toContain(year() - 1);
    } finally {
      await db.villageFiguresYear.deleteMany({ where: { villageCode: V, year: year() - 1 } });
      await db.problemStep.deleteMany({ where: { problemId: { in: [old.id, fresh.id] } } });
      await db.problem.deleteMany({ where: { id: { in: [old.id, fresh.id] } } });
    }
  });

  it('assesses the dispatching units on their teams and return visits, with the outcomes (seeds 000, 001)', async () => {
    trackAssessmentSubject(V);
    await refreshFigures({ limit: 1000, wait: true });
    const result = await assessment(await signInAs('county'), year());
    const team = result.teams.find((r) => r.code === V)!;
    const posting = await db.posting.findFirstOrThrow({ where: { villageCode: V }, include: { unit: true } });
    const unit = result.units.find((u) => u.unitId === posting.unitId)!;
    expect(unit.teams).toBeGreaterThanOrEqual(1);
    if (team.final !== null) expect(unit.teamScores).toContain(team.final);
    expect(unit.outcome).toMatchObject({ prize: expect.toBeOneOf([null, 1, 2, 3]) });
    expect(result.townships.every((t) => t.outcome !== undefined)).toBe(true);
    // Units are the county's: a township sees its own ranking, not the units'.
    expect((await assessment(await signInAs('township'), year())).units).toEqual([]);
  });

  it('the county adjusts a computed score with a reason; the band follows the final score; a township may not', async () => {
    trackAssessmentSubject(V);
    await refreshFigures({ limit: 1000, wait: true });
    const county = await signInAs('county');
    const before = (await assessment(county, year())).teams.find((r) => r.code === V)!;
    expect(before.adjusted).toBeNull();
    expect(before.final).toBe(before.computed.score);
    expect(
      await run(adjustAssessment, { year: year(), subjectCode: V, score: '85', reason: '驻村期间抢险救灾，酌情加分' }),
    ).toMatchObject({ ok: true, message: '考核得分已调整。' });
    const after = (await assessment(county, year())).teams.find((r) => r.code === V)!;
    expect(after).toMatchObject({
      final: 85,
      band: 'FAIRLY_GOOD',
      adjusted: { score: 85, reason: '驻村期间抢险救灾，酌情加分' },
    });
    expect(after.computed.score).toBe(before.computed.score);
    expect((await lastAudit('assessment.adjust'))?.changes).toMatchObject({ score: [null, 85] });
    expect(await run(adjustAssessment, { year: year(), subjectCode: V, score: '101', reason: 'x' })).toMatchObject({
      ok: false,
      fieldErrors: { score: ['分数须在 0 到 100 之间'] },
    });
    await signInNew('TOWNSHIP_STAFF', TOWNSHIP_1);
    expect(
      await run(adjustAssessment, { year: year(), subjectCode: V, score: '99', reason: '乡镇自评' }),
    ).toMatchObject({ ok: false, formError: '您的账号没有这项操作的权限。' });
    expect((await db.assessmentAdjustment.findFirstOrThrow({ where: { subjectCode: V } })).score).toBe(85);
  });
});

describe('the pace of oversight', () => {
  // 2024: a year no other fixture touches.
  const doneOn = async (kind: 'UNANNOUNCED' | 'CONCENTRATED', day: string) => {
    const made = await makeInspection({
      villages: [{ code: V }],
      kind,
      status: 'DONE',
      plannedOn: day,
      createdById: inspectorId,
    });
    await db.inspection.update({ where: { id: made.id }, data: { doneOn: dayOf(day) } });
  };

  it('counts each month and quarter by the day an inspection was done; planned ones only for those who may see them', async () => {
    await doneOn('UNANNOUNCED', '2024-01-15');
    await doneOn('UNANNOUNCED', '2024-03-31');
    await doneOn('CONCENTRATED', '2024-04-01');
    await makeInspection({
      villages: [{ code: V }],
      kind: 'CONCENTRATED',
      plannedOn: '2024-07-10',
      createdById: inspectorId,
    });

    const pace = await oversightPace(await signInAs('county'), { year: 2024 });
    expect(pace?.unannounced.map((p) => p.state)).toEqual(['done', 'missed', 'done', ...Array(9).fill('missed')]);
    expect(pace?.concentrated.map((p) => p.state)).toEqual(['missed', 'done', 'missed', 'missed']);
    expect(pace?.concentrated[2].planned).toBe(1);
    expect(pace?.policy).toEqual({ unannouncedPerMonth: 1, concentratedPerQuarter: 1, returnVisitsPerQuarter: 1 });

    // The leader sees what is done, never what is planned.
    const leaderPace = await oversightPace(await signInAs('leader'), { year: 2024 });
    expect(leaderPace?.concentrated[2].planned).toBe(0);
    expect(leaderPace?.concentrated[1].state).toBe('done');
    // A township's area is not a county: no calendar. Another county sees none of these.
    expect(await oversightPace(await signInAs('township'), { year: 2024 })).toBeNull();
    const other = await oversightPace(await signInAs('county2'), { year: 2024 });
    expect(other?.area).toBe('990103');
    expect(other?.unannounced.every((p) => p.done === 0)).toBe(true);
  });

  it('refuses a role without the oversight view', async () => {
    await expect(oversightPace(await signInAs('member'), { year: 2024 })).rejects.toThrow(
      'NEXT_HTTP_ERROR_FALLBACK;403',
    );
  });
});
