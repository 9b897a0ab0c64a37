// Work teams (issue 4): dispatching units, teams, postings, the leader's detachment. Fixtures are this
// file's own villages (990102101 3xx, 990102102 3xx) so the seeded teams do not matter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { decryptText } from '@/lib/personal-data';
import { addPosting, confirmDetached, createTeam, createUnit, endPosting, recordActivity } from '@/lib/teams/actions';
import { dutyOverview, getTeam, listTeams } from '@/lib/teams/data';
import { isTuesday } from '@/lib/teams/rules';
import { dayOf } from '@/lib/time';
import {
  addDays,
  chinaToday,
  daysFrom,
  fillDays,
  makeCadre,
  makePosting,
  makeTeam,
  makeUnit,
  makeUser,
  makeVillage,
  removeTeamFixtures,
} from '../support/teams';
import { lastAudit, run, signInAs } from './helpers';

const COUNTY = '990102';
let villageSerial = 300;
/** A fresh village code of this file under a township of the demo county. */
const nextVillage = (township = '990102101') => `${township}${++villageSerial}`;

let unitId: number;
beforeAll(async () => {
  unitId = (await makeUnit(COUNTY, '团队测试派出单位')).id;
});
afterAll(removeTeamFixtures);

/** addPosting input for a new cadre: a year from today. */
const postingInput = (teamId: number, extra: Record<string, string | number | undefined> = {}) => {
  const start = chinaToday();
  return {
    teamId,
    name: '新干部',
    role: 'MEMBER',
    unitId,
    startDate: start,
    plannedEndDate: addDays(start, 364),
    ...extra,
  };
};

describe('dispatching units', () => {
  it('adds a unit to the county list once', async () => {
    await signInAs('county');
    const created = await run(createUnit, { name: '县统计局', level: 'COUNTY' });
    expect(created).toMatchObject({ ok: true, message: '已添加派出单位' });
    expect(await db.unit.findMany({ where: { name: '县统计局' } })).toMatchObject([
      { countyCode: COUNTY, level: 'COUNTY' },
    ]);
    expect(await lastAudit('team.createUnit')).toMatchObject({ result: 'OK', entity: 'Unit', regionCode: COUNTY });

    const again = await run(createUnit, { name: '县统计局', level: 'CITY' });
    expect(again).toMatchObject({ ok: false, fieldErrors: { name: ['该单位已在名单中'] } });
    expect(await db.unit.count({ where: { name: '县统计局' } })).toBe(1);
    expect(await lastAudit('team.createUnit')).toMatchObject({ result: 'REFUSED', message: 'teams.unitExists' });
  });

  it('files a township user’s unit under their county', async () => {
    await signInAs('township');
    expect((await run(createUnit, { name: '乡镇测试单位', level: 'TOWNSHIP' })).ok).toBe(true);
    expect(await db.unit.findFirstOrThrow({ where: { name: '乡镇测试单位' } })).toMatchObject({
      countyCode: COUNTY,
      level: 'TOWNSHIP',
    });
  });
});

describe('teams', () => {
  it('forms a team only for a poor village, and only one', async () => {
    await signInAs('township');
    const notPoor = await makeVillage(nextVillage(), { poor: false });
    const refused = await run(createTeam, { villageCode: notPoor.code, formedOn: '2026-03-01' });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { villageCode: ['只有贫困村派驻工作队'] } });
    expect(await db.workTeam.count({ where: { villageCode: notPoor.code } })).toBe(0);

    const poor = await makeVillage(nextVillage());
    const created = await run(createTeam, { villageCode: poor.code, formedOn: '2026-03-01' });
    const team = await db.workTeam.findUniqueOrThrow({ where: { villageCode: poor.code } });
    expect(created).toMatchObject({ ok: true, redirectedTo: `/teams/${team.id}` });
    expect(team.formedOn.toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(await lastAudit('team.create')).toMatchObject({
      result: 'OK',
      entity: 'WorkTeam',
      entityId: String(team.id),
      regionCode: poor.code,
    });

    const second = await run(createTeam, { villageCode: poor.code, formedOn: '2026-04-01' });
    expect(second).toMatchObject({ ok: false, fieldErrors: { villageCode: ['该村已有工作队'] } });
    expect(await db.workTeam.count({ where: { villageCode: poor.code } })).toBe(1);
  });

  it('answers not found for a village outside the area and forms nothing', async () => {
    const poor = await makeVillage(nextVillage());
    await signInAs('township2');
    const state = await run(createTeam, { villageCode: poor.code, formedOn: '2026-03-01' });
    expect(state).toMatchObject({ ok: false, formError: '找不到该记录，或它不在您的管辖范围内。' });
    expect(await db.workTeam.count({ where: { villageCode: poor.code } })).toBe(0);
  });
});

describe('postings', () => {
  it('posts a new cadre with an encrypted phone number', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    await signInAs('township');
    const state = await run(
      addPosting,
      postingInput(team.id, { name: '赵新来', rank: 'SECTION_DEPUTY', phone: '13912345678' }),
    );
    expect(state).toMatchObject({ ok: true, message: '已增派队员' });
    const posting = await db.posting.findFirstOrThrow({ where: { teamId: team.id }, include: { cadre: true } });
    expect(posting).toMatchObject({
      role: 'MEMBER',
      villageCode: team.villageCode,
      unitId,
      endedOn: null,
      alsoFirstSecretary: false,
    });
    expect(posting.startDate.toISOString().slice(0, 10)).toBe(chinaToday());
    expect(posting.cadre).toMatchObject({
      name: '赵新来',
      rank: 'SECTION_DEPUTY',
      regionCode: COUNTY,
      unitId,
      userId: null,
    });
    expect(posting.cadre.phoneEnc).not.toContain('13912345678');
    expect(decryptText(posting.cadre.phoneEnc!)).toBe('13912345678');
    expect(await lastAudit('team.addPosting')).toMatchObject({
      result: 'OK',
      entity: 'Posting',
      entityId: String(posting.id),
      regionCode: team.villageCode,
    });
  });

  it('refuses a short posting until it is confirmed, and writes nothing meanwhile', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    await signInAs('township');
    const start = chinaToday();
    const input = postingInput(team.id, { name: '短期干部', startDate: start, plannedEndDate: addDays(start, 30) });
    const cadresBefore = await db.cadre.count();
    const refused = await run(addPosting, input);
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { shortConfirmed: ['派驻期不足 3 个月：如确需短期派驻，请勾选确认'] },
    });
    expect(await db.posting.count({ where: { teamId: team.id } })).toBe(0);
    expect(await db.cadre.count()).toBe(cadresBefore); // the new cadre went with the refusal

    const confirmed = await run(addPosting, { ...input, shortConfirmed: 'on' });
    expect(confirmed.ok).toBe(true);
    expect(await db.posting.count({ where: { teamId: team.id } })).toBe(1);
    expect((await lastAudit('team.addPosting'))!.changes).toMatchObject({ shortConfirmed: true });
  });

  it('takes three full months without confirmation', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    await signInAs('township');
    const state = await run(
      addPosting,
      postingInput(team.id, { startDate: '2026-01-31', plannedEndDate: '2026-04-29' }),
    ); // 01-31 + 3 months = 04-30
    expect(state.ok).toBe(true);
    const short = await run(
      addPosting,
      postingInput(team.id, { name: '差一天', startDate: '2026-01-31', plannedEndDate: '2026-04-28' }),
    );
    expect(short.fieldErrors?.shortConfirmed).toHaveLength(1);
  });

  it('refuses a second active leader', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    await makePosting({ team, role: 'LEADER' });
    await signInAs('township');
    const state = await run(addPosting, postingInput(team.id, { role: 'LEADER', name: '第二队长' }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { role: ['该队已有在岗队长，请先办理原队长离队'] } });
    expect(await db.posting.count({ where: { teamId: team.id, role: 'LEADER' } })).toBe(1);
  });

  it('allows a new leader once the old one has left', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    await makePosting({ team, role: 'LEADER', start: '2025-01-01', plannedEnd: '2026-12-31', endedOn: '2025-12-31' });
    await signInAs('township');
    expect(
      (await run(addPosting, postingInput(team.id, { role: 'LEADER', name: '新队长', alsoFirstSecretary: 'on' }))).ok,
    ).toBe(true);
    expect(await db.posting.findFirstOrThrow({ where: { teamId: team.id, endedOn: null } })).toMatchObject({
      role: 'LEADER',
      alsoFirstSecretary: true,
    });
  });

  it('refuses a person who is posted already, and so does the database', async () => {
    const first = await makeTeam({ village: nextVillage() });
    const second = await makeTeam({ village: nextVillage() });
    const posting = await makePosting({ team: first.team });
    await signInAs('township');
    const state = await run(addPosting, { ...postingInput(second.team.id), name: undefined, cadreId: posting.cadreId });
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { cadreId: ['此人正在其他工作队驻村，一人只能有一个在岗派驻'] },
    });
    expect(await db.posting.count({ where: { cadreId: posting.cadreId } })).toBe(1);

    // The partial unique index: one active posting per person, whoever writes it.
    await expect(
      db.posting.create({
        data: {
          teamId: second.team.id,
          cadreId: posting.cadreId,
          villageCode: second.team.villageCode,
          role: 'MEMBER',
          unitId,
          startDate: dayOf('2026-01-01'),
          plannedEndDate: dayOf('2026-12-31'),
        },
      }),
    ).rejects.toThrow(/posting_one_active_per_cadre|Unique constraint/);
    expect(await db.posting.count({ where: { cadreId: posting.cadreId } })).toBe(1);
    // An ended posting is not active: a second one beside it is fine for the index.
    await db.posting.create({
      data: {
        teamId: second.team.id,
        cadreId: posting.cadreId,
        villageCode: second.team.villageCode,
        role: 'MEMBER',
        unitId,
        startDate: dayOf('2020-01-01'),
        plannedEndDate: dayOf('2020-12-31'),
        endedOn: dayOf('2020-12-31'),
      },
    });
  });

  it('refuses a posting that overlaps the person’s ended one', async () => {
    const first = await makeTeam({ village: nextVillage() });
    const second = await makeTeam({ village: nextVillage() });
    const today = chinaToday();
    const ended = await makePosting({
      team: first.team,
      start: addDays(today, -200),
      plannedEnd: addDays(today, 100),
      endedOn: addDays(today, -5),
    });
    await signInAs('township');
    const overlapping = await run(addPosting, {
      ...postingInput(second.team.id, { startDate: addDays(today, -10) }),
      name: undefined,
      cadreId: ended.cadreId,
    });
    expect(overlapping).toMatchObject({
      ok: false,
      fieldErrors: { startDate: ['此人的上一段派驻到该日期之后才结束'] },
    });
    const sameDay = await run(addPosting, {
      ...postingInput(second.team.id, { startDate: addDays(today, -5) }),
      name: undefined,
      cadreId: ended.cadreId,
    });
    expect(sameDay.fieldErrors?.startDate).toHaveLength(1); // the last posted day is still taken
    expect(await db.posting.count({ where: { cadreId: ended.cadreId } })).toBe(1);

    const after = await run(addPosting, {
      ...postingInput(second.team.id, { startDate: addDays(today, -4) }),
      name: undefined,
      cadreId: ended.cadreId,
    });
    expect(after.ok).toBe(true);
    expect(await db.posting.count({ where: { cadreId: ended.cadreId, teamId: second.team.id, endedOn: null } })).toBe(
      1,
    );
  });

  it('puts "also first secretary" on a non-leader beside the field', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    await signInAs('township');
    const state = await run(addPosting, postingInput(team.id, { role: 'MEMBER', alsoFirstSecretary: 'on' }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { alsoFirstSecretary: ['只有队长可以兼任第一书记'] } });
    expect(await db.posting.count({ where: { teamId: team.id } })).toBe(0);
    expect(await lastAudit('team.addPosting')).toMatchObject({
      result: 'INVALID',
      changes: { fields: ['alsoFirstSecretary'] },
    });
  });

  it('refuses a unit or a cadre of another county', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    const otherUnit = await makeUnit('990103');
    const otherCadre = await makeCadre({ countyCode: '990103' });
    await signInAs('county');
    expect((await run(addPosting, postingInput(team.id, { unitId: otherUnit.id }))).fieldErrors).toEqual({
      unitId: ['请从列表中选择'],
    });
    expect(
      (await run(addPosting, { ...postingInput(team.id), name: undefined, cadreId: otherCadre.id })).fieldErrors,
    ).toEqual({ cadreId: ['请从列表中选择'] });
    expect(await db.posting.count({ where: { teamId: team.id } })).toBe(0);
  });

  it('links the village account the person checks in with, and no account twice', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    const account = await makeUser({ role: 'TEAM_MEMBER', scopeCode: team.villageCode });
    await signInAs('township');
    expect((await run(addPosting, postingInput(team.id, { name: '有账号', userId: account.id }))).ok).toBe(true);
    expect(await db.cadre.findUniqueOrThrow({ where: { userId: account.id } })).toMatchObject({ name: '有账号' });

    const again = await run(addPosting, postingInput(team.id, { name: '抢账号', userId: account.id }));
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { userId: ['该账号不可用：须为本村的队长或队员账号且未关联其他干部'] },
    });
    expect(await db.cadre.count({ where: { name: '抢账号' } })).toBe(0);
    expect(await db.cadre.findUniqueOrThrow({ where: { userId: account.id } })).toMatchObject({ name: '有账号' });
  });

  it('answers not found for a team outside the area and posts nobody', async () => {
    const { team } = await makeTeam({ village: nextVillage() }); // township 990102101
    const cadresBefore = await db.cadre.count();
    await signInAs('township2');
    const state = await run(addPosting, postingInput(team.id));
    expect(state).toMatchObject({ ok: false, formError: '找不到该记录，或它不在您的管辖范围内。' });
    expect(await db.posting.count({ where: { teamId: team.id } })).toBe(0);
    expect(await db.cadre.count()).toBe(cadresBefore);
  });
});

describe('ending a posting', () => {
  const today = () => chinaToday();
  // A posting with a colleague who stays, so ending it does not withdraw the team (tested on its own below).
  const active = async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    await makePosting({ team, start: addDays(today(), -60), plannedEnd: addDays(today(), 300) });
    return makePosting({ team, start: addDays(today(), -60), plannedEnd: addDays(today(), 300) });
  };

  it('needs a reason to end early, and then ends it', async () => {
    const posting = await active();
    await signInAs('township');
    const refused = await run(endPosting, {
      postingId: posting.id,
      version: posting.version,
      endedOn: addDays(today(), -1),
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { endReason: ['提前结束派驻须填写原因'] } });
    expect(await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).toMatchObject({
      endedOn: null,
      version: posting.version,
    });

    const ended = await run(endPosting, {
      postingId: posting.id,
      version: posting.version,
      endedOn: addDays(today(), -1),
      endReason: '调回原单位',
    });
    expect(ended).toMatchObject({ ok: true, message: '已办理离队' });
    const row = await db.posting.findUniqueOrThrow({ where: { id: posting.id } });
    expect(row).toMatchObject({ endReason: '调回原单位', version: posting.version + 1 });
    expect(row.endedOn!.toISOString().slice(0, 10)).toBe(addDays(today(), -1));
    expect((await lastAudit('team.endPosting'))!.changes).toMatchObject({
      endedOn: addDays(today(), -1),
      endReason: '调回原单位',
      early: true,
    });

    const twice = await run(endPosting, {
      postingId: posting.id,
      version: posting.version + 1,
      endedOn: addDays(today(), -1),
      endReason: '再来',
    });
    expect(twice).toMatchObject({ ok: false, formError: '该派驻已结束' });
  });

  it('ends on the planned day without a reason', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    await makePosting({ team });
    const posting = await makePosting({ team, start: addDays(today(), -100), plannedEnd: addDays(today(), -1) });
    await signInAs('county');
    expect(
      (await run(endPosting, { postingId: posting.id, version: posting.version, endedOn: addDays(today(), -1) })).ok,
    ).toBe(true);
    expect((await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).endedOn).not.toBeNull();
  });

  it('does not withdraw the last member from a village that has not exited, without the county’s decision (seed 004)', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    const last = await makePosting({ team, start: addDays(today(), -60), plannedEnd: addDays(today(), 300) });
    const end = { postingId: last.id, version: last.version, endedOn: addDays(today(), -1), endReason: '调回原单位' };
    await signInAs('township');
    expect(await run(endPosting, end)).toMatchObject({
      ok: false,
      formError: '该村尚未稳定脱贫，不能撤走最后一名驻村人员：请先派驻接替人员，或由县级填写撤离决定',
    });
    expect(await run(endPosting, { ...end, endDecision: '县委〔2026〕1号' })).toMatchObject({
      ok: false,
      fieldErrors: { endDecision: ['撤离决定只能由县级填写'] },
    });
    expect((await db.posting.findUniqueOrThrow({ where: { id: last.id } })).endedOn).toBeNull();
    // With a replacement posted, the member may go.
    const replacement = await makePosting({ team, start: today(), plannedEnd: addDays(today(), 365) });
    expect(await run(endPosting, end)).toMatchObject({ ok: true });
    // The county may withdraw the last one on its decision, which is kept and audited.
    await signInAs('county');
    const final = { postingId: replacement.id, version: replacement.version, endedOn: today(), endReason: '撤队' };
    expect(await run(endPosting, final)).toMatchObject({
      ok: false,
      fieldErrors: { endDecision: [expect.any(String)] },
    });
    expect(await run(endPosting, { ...final, endDecision: '县委〔2026〕1号' })).toMatchObject({ ok: true });
    expect(await db.posting.findUniqueOrThrow({ where: { id: replacement.id } })).toMatchObject({
      endDecision: '县委〔2026〕1号',
    });
    expect((await lastAudit('team.endPosting'))!.changes).toMatchObject({ endDecision: '县委〔2026〕1号' });
    // A village that has exited may be left.
    const exited = await makeTeam({ village: nextVillage() });
    await db.region.update({ where: { code: exited.team.villageCode }, data: { exitedYear: 2025 } });
    const alone = await makePosting({
      team: exited.team,
      start: addDays(today(), -60),
      plannedEnd: addDays(today(), 300),
    });
    expect(
      await run(endPosting, { postingId: alone.id, version: alone.version, endedOn: today(), endReason: '村已退出' }),
    ).toMatchObject({ ok: true });
  });

  it('refuses an end with days recorded after it', async () => {
    const posting = await active();
    await fillDays(posting, daysFrom(addDays(today(), -3), addDays(today(), -1)));
    await signInAs('township');
    const state = await run(endPosting, {
      postingId: posting.id,
      version: posting.version,
      endedOn: addDays(today(), -5),
      endReason: '病休',
    });
    expect(state).toMatchObject({ ok: false, fieldErrors: { endedOn: ['离队日期之后还有 3 天考勤记录，请先更正'] } });
    expect((await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).endedOn).toBeNull();
    // Ending on the last recorded day is fine.
    expect(
      (
        await run(endPosting, {
          postingId: posting.id,
          version: posting.version,
          endedOn: addDays(today(), -1),
          endReason: '病休',
        })
      ).ok,
    ).toBe(true);
  });

  it('refuses an end after the planned end, before the start, or an early end in the future', async () => {
    const posting = await active();
    await signInAs('township');
    const plannedEnd = addDays(today(), 300);
    expect(
      (await run(endPosting, { postingId: posting.id, version: posting.version, endedOn: addDays(plannedEnd, 1) }))
        .fieldErrors,
    ).toEqual({ endedOn: [`离队日期不能晚于计划结束日期 ${plannedEnd}`] });
    expect(
      (
        await run(endPosting, {
          postingId: posting.id,
          version: posting.version,
          endedOn: addDays(today(), -61),
          endReason: '错',
        })
      ).fieldErrors,
    ).toEqual({ endedOn: ['结束日期不能早于开始日期'] });
    expect(
      (
        await run(endPosting, {
          postingId: posting.id,
          version: posting.version,
          endedOn: addDays(today(), 5),
          endReason: '将来',
        })
      ).fieldErrors,
    ).toEqual({ endedOn: ['提前离队日期不能是将来的日期'] });
    expect(await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).toMatchObject({
      endedOn: null,
      version: posting.version,
    });
  });

  it('refuses a stale version', async () => {
    const posting = await active();
    await db.posting.update({ where: { id: posting.id }, data: { version: { increment: 1 } } });
    await signInAs('township');
    const state = await run(endPosting, {
      postingId: posting.id,
      version: posting.version,
      endedOn: addDays(today(), -1),
      endReason: '调动',
    });
    expect(state.formError).toContain('已被他人修改');
    expect((await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).endedOn).toBeNull();
  });

  it('answers not found for a posting outside the area and leaves it', async () => {
    const posting = await active();
    await signInAs('township2');
    const state = await run(endPosting, {
      postingId: posting.id,
      version: posting.version,
      endedOn: addDays(today(), -1),
      endReason: '越界',
    });
    expect(state).toMatchObject({ ok: false, formError: '找不到该记录，或它不在您的管辖范围内。' });
    expect(await db.posting.findUniqueOrThrow({ where: { id: posting.id } })).toMatchObject({
      endedOn: null,
      version: posting.version,
    });
  });
});

describe('the leader’s detachment', () => {
  it('is confirmed by a county user, not a township user', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    const leader = await makePosting({ team, role: 'LEADER' });
    await signInAs('township');
    const refused = await run(confirmDetached, { postingId: leader.id, version: leader.version });
    expect(refused).toMatchObject({ ok: false, formError: '只有县级用户可以办理' });
    expect(await db.posting.findUniqueOrThrow({ where: { id: leader.id } })).toMatchObject({
      detachedConfirmed: false,
      version: leader.version,
    });

    await signInAs('county');
    expect(await run(confirmDetached, { postingId: leader.id, version: leader.version })).toMatchObject({
      ok: true,
      message: '已确认脱产',
    });
    expect(await db.posting.findUniqueOrThrow({ where: { id: leader.id } })).toMatchObject({
      detachedConfirmed: true,
      version: leader.version + 1,
    });
    expect(await lastAudit('team.confirmDetached')).toMatchObject({
      result: 'OK',
      changes: { detachedConfirmed: { from: false, to: true } },
    });
  });

  it('applies to leaders and deputies only (seed 001: 隊長、副隊長脫離原單位工作)', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    const member = await makePosting({ team, role: 'MEMBER' });
    const deputy = await makePosting({ team, role: 'DEPUTY_LEADER' });
    await signInAs('county');
    expect(await run(confirmDetached, { postingId: member.id, version: member.version })).toMatchObject({
      ok: false,
      formError: '只有队长、副队长须确认脱产',
    });
    expect((await db.posting.findUniqueOrThrow({ where: { id: member.id } })).detachedConfirmed).toBe(false);
    expect(await run(confirmDetached, { postingId: deputy.id, version: deputy.version })).toMatchObject({ ok: true });
    expect((await db.posting.findUniqueOrThrow({ where: { id: deputy.id } })).detachedConfirmed).toBe(true);
  });

  it('answers not found to another county’s user', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    const leader = await makePosting({ team, role: 'LEADER' });
    await signInAs('county2');
    expect(await run(confirmDetached, { postingId: leader.id, version: leader.version })).toMatchObject({
      ok: false,
      formError: '找不到该记录，或它不在您的管辖范围内。',
    });
    expect(await db.posting.findUniqueOrThrow({ where: { id: leader.id } })).toMatchObject({
      detachedConfirmed: false,
      version: leader.version,
    });
  });
});

describe('reading teams', () => {
  it('lists only the viewer’s area, with each team’s coverage', async () => {
    const mine = await makeTeam({ village: nextVillage() });
    await makePosting({ team: mine.team, role: 'LEADER', alsoFirstSecretary: true });
    await makePosting({ team: mine.team, role: 'MEMBER' });
    const theirs = await makeTeam({ village: nextVillage('990102102') });

    const township = await signInAs('township');
    const rows = await listTeams(township, {});
    expect(rows.every((r) => r.villageCode.startsWith('990102101'))).toBe(true);
    const row = rows.find((r) => r.villageCode === mine.village.code)!;
    expect(row).toMatchObject({ id: mine.team.id, leaderDetached: false });
    expect(row.coverage).toMatchObject({
      size: 2,
      sizeOk: false,
      missing: ['graduateOfficial', 'technician'],
      complete: false,
    });
    expect((await listTeams(township, { area: '990102102' })).map((r) => r.villageCode)).not.toContain(
      theirs.village.code,
    ); // an area outside is ignored

    const township2 = await signInAs('township2');
    const other = await listTeams(township2, {});
    expect(other.map((r) => r.villageCode)).toContain(theirs.village.code);
    expect(other.every((r) => r.villageCode.startsWith('990102102'))).toBe(true);
    expect(other.map((r) => r.id)).not.toContain(mine.team.id);
    await expect(getTeam(township2, mine.team.id)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404');
    expect((await getTeam(township, mine.team.id)).postings).toHaveLength(2);

    await expect(listTeams(await signInAs('sysadmin'), {})).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
    await expect(listTeams(await signInAs('cadre'), {})).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
  });
});

describe('work records: technicians, training, Tuesday work days', () => {
  const today = () => chinaToday();
  /** The latest Tuesday up to today. */
  const lastTuesday = () => {
    let day = today();
    while (!isTuesday(day)) day = addDays(day, -1);
    return day;
  };

  it('counts a technician’s sessions and days in households against the year (seed 001), refusing what does not fit', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    const tech = await makePosting({
      team,
      role: 'TECHNICIAN',
      start: addDays(today(), -40),
      plannedEnd: addDays(today(), 300),
    });
    const member = await makePosting({ team, start: addDays(today(), -40), plannedEnd: addDays(today(), 300) });
    await signInAs('township');
    const record = (extra: Record<string, string | number>) =>
      run(recordActivity, { cadreId: tech.cadreId, kind: 'GUIDANCE_SESSION', day: today(), ...extra });
    expect(await record({})).toMatchObject({ ok: true, message: '已登记。' });
    expect(await record({ day: addDays(today(), -1) })).toMatchObject({ ok: true });
    expect(await record({ kind: 'FARM_DAY' })).toMatchObject({ ok: true });
    const before = await db.cadreActivity.count();
    expect(await record({ kind: 'FARM_DAY' })).toMatchObject({
      ok: false,
      fieldErrors: { day: ['该干部这一天已有同类记录'] },
    });
    expect(await record({ day: addDays(today(), 1) })).toMatchObject({
      ok: false,
      fieldErrors: { day: ['不能登记今天以后的日期'] },
    });
    expect(await record({ day: addDays(today(), -41) })).toMatchObject({
      ok: false,
      fieldErrors: { cadreId: ['该干部当天不是本区域的技术指导员'] },
    });
    expect(await record({ days: 3 })).toMatchObject({ ok: false, fieldErrors: { days: ['只有培训可以填写多天'] } });
    expect(
      await run(recordActivity, { cadreId: member.cadreId, kind: 'GUIDANCE_SESSION', day: today() }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { cadreId: ['该干部当天不是本区域的技术指导员'] },
    });
    // Another township's user finds no technician of theirs; another county's, no cadre at all.
    await signInAs('township2');
    expect(await record({})).toMatchObject({
      ok: false,
      fieldErrors: { cadreId: ['该干部当天不是本区域的技术指导员'] },
    });
    await signInAs('county2');
    expect(await record({})).toMatchObject({ ok: false, formError: '找不到该记录，或它不在您的管辖范围内。' });
    expect(await db.cadreActivity.count()).toBe(before);

    const overview = await dutyOverview(await signInAs('county'), {
      area: team.villageCode,
      year: Number(today().slice(0, 4)),
    });
    const row = overview.technicians.find((r) => r.postingId === tech.id)!;
    expect(row.sessions.done).toBe(2);
    expect(row.farmDays.done).toBe(1);
    expect(row.sessions.required).toBeGreaterThan(0);
  });

  it('records training and work days by the office only; the work day is a Tuesday (seeds 000, 002)', async () => {
    const { team } = await makeTeam({ village: nextVillage() });
    const leader = await makePosting({
      team,
      role: 'LEADER',
      start: addDays(today(), -40),
      plannedEnd: addDays(today(), 300),
    });
    const year = Number(today().slice(0, 4));
    await signInAs('township');
    expect(
      await run(recordActivity, {
        cadreId: leader.cadreId,
        kind: 'INDUCTION_TRAINING',
        day: addDays(today(), -30),
        days: 4,
      }),
    ).toMatchObject({ ok: true });
    let overview = await dutyOverview(await signInAs('county'), { area: team.villageCode, year });
    expect(overview.training.rows.find((r) => r.postingId === leader.id)).toMatchObject({
      inductionDays: 4,
      trained: false,
    });
    await signInAs('township');
    await run(recordActivity, {
      cadreId: leader.cadreId,
      kind: 'INDUCTION_TRAINING',
      day: addDays(today(), -20),
      days: 1,
    });
    overview = await dutyOverview(await signInAs('county'), { area: team.villageCode, year });
    expect(overview.training.rows.find((r) => r.postingId === leader.id)).toMatchObject({
      inductionDays: 5,
      trained: true,
    });

    // The work day: a Tuesday in a village named, by the office.
    await signInAs('township');
    const monday = addDays(lastTuesday(), -1);
    const workDay = { cadreId: leader.cadreId, kind: 'WORK_DAY', villageCode: team.villageCode };
    expect(await run(recordActivity, { ...workDay, day: monday })).toMatchObject({
      ok: false,
      fieldErrors: { day: ['扶贫工作日须为星期二'] },
    });
    expect(await run(recordActivity, { cadreId: leader.cadreId, kind: 'WORK_DAY', day: lastTuesday() })).toMatchObject({
      ok: false,
      fieldErrors: { villageCode: ['此项必填'] },
    });
    expect(await run(recordActivity, { ...workDay, day: lastTuesday() })).toMatchObject({ ok: true });
    overview = await dutyOverview(await signInAs('county'), { area: team.villageCode, year });
    expect(overview.workDays.units).toEqual([expect.objectContaining({ people: 1, days: 1 })]);
    expect(overview.workDays.tuesdays).toBeGreaterThan(0);
    // The database holds the Tuesday too.
    await expect(
      db.cadreActivity.create({
        data: {
          cadreId: leader.cadreId,
          kind: 'WORK_DAY',
          day: dayOf(monday),
          villageCode: team.villageCode,
          createdById: 1,
        },
      }),
    ).rejects.toThrow();
    // A team leader records a technician's work, not training.
    await signInAs('teamleader');
    expect(
      await run(recordActivity, { cadreId: leader.cadreId, kind: 'INDUCTION_TRAINING', day: today(), days: 2 }),
    ).toMatchObject({ ok: false, fieldErrors: { kind: ['培训和扶贫工作日由县、乡镇登记'] } });
  });
});
