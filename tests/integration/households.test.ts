import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import {
  addMember,
  createHousehold,
  removeMember,
  resolveDuplicate,
  revealIdNumber,
  updateMember,
} from '@/lib/households/actions';
import { getHousehold, listDuplicateHits, searchHouseholds } from '@/lib/households/data';
import { DUPLICATE_HITS_PER_DAY } from '@/lib/households/rules';
import { decryptText } from '@/lib/personal-data';
import { makeHousehold, newIdNumber } from '../support/households';
import { makeUser } from '../support/teams';
import { lastAudit, run, signInAs } from './helpers';

const VILLAGE_T1 = '990102101202';
const VILLAGE_T2 = '990102102202';

let zhang: Awaited<ReturnType<typeof makeHousehold>>;
beforeAll(async () => {
  zhang = await makeHousehold({ village: VILLAGE_T1, headName: '张三丰' });
  await makeHousehold({ village: VILLAGE_T2, headName: '张三丰' }); // same name, other township
});

describe('household search', () => {
  it('finds by pinyin initials, name, and the last 4 of an ID number', async () => {
    const township = await signInAs('township');
    const byInitials = await searchHouseholds(township, { q: 'zsf' });
    expect(byInitials.rows.map((r) => r.id)).toContain(zhang.household.id);
    expect(byInitials.rows.every((r) => r.regionCode.startsWith('990102101'))).toBe(true); // not the other township's 张三丰
    expect((await searchHouseholds(township, { q: '张三' })).rows.map((r) => r.id)).toContain(zhang.household.id);
    expect((await searchHouseholds(township, { q: zhang.idNumber.slice(-4) })).rows.map((r) => r.id)).toContain(
      zhang.household.id,
    );
    expect((await searchHouseholds(township, { q: 'zsf', area: '990102102' })).rows).toHaveLength(
      byInitials.rows.length,
    ); // an area outside is ignored
  });

  it('gives a county user both, and nothing to a role without the permission', async () => {
    const county = await signInAs('county');
    expect((await searchHouseholds(county, { q: 'zsf' })).rows.filter((r) => r.headName === '张三丰')).toHaveLength(2);
    await expect(searchHouseholds(await signInAs('sysadmin'), { q: 'zsf' })).rejects.toThrow(
      'NEXT_HTTP_ERROR_FALLBACK;403',
    );
  });

  it('answers not found for a household outside the area', async () => {
    // Its own account: other files move the demo township2 account between townships.
    const otherTownship = await makeUser({ role: 'TOWNSHIP_STAFF', scopeCode: VILLAGE_T2.slice(0, 9) });
    const other = await signInAs(otherTownship.username);
    await expect(getHousehold(other, zhang.household.id)).rejects.toMatchObject({
      digest: expect.stringContaining('404'),
    });
  });

  it('gives no member birth date to any role (with the masked number it gives the whole ID number), only the age', async () => {
    const teamLeader = await makeUser({ role: 'TEAM_LEADER', scopeCode: VILLAGE_T1 });
    for (const username of ['leader', teamLeader.username, 'township']) {
      const household = await getHousehold(await signInAs(username), zhang.household.id);
      expect(household.members[0]).not.toHaveProperty('birthDate');
      expect(JSON.stringify(household)).not.toContain(`${zhang.idNumber.slice(6, 10)}-${zhang.idNumber.slice(10, 12)}`);
      expect(household.members[0].age).toBeGreaterThan(0);
    }
  });

  it('masks ID numbers and hides health from roles that do not need it', async () => {
    const household = await getHousehold(await signInAs('leader'), zhang.household.id);
    expect(household.members[0].idMasked).toBe(`${zhang.idNumber.slice(0, 4)}**********${zhang.idNumber.slice(-4)}`);
    expect(household.members[0].health).toBeNull();
    expect((await getHousehold(await signInAs('township'), zhang.household.id)).members[0].health).toBe('HEALTHY');
  });
});

describe('household edits', () => {
  it('puts a bad ID number beside the field and writes nothing', async () => {
    await signInAs('township');
    const before = await db.household.count();
    const good = newIdNumber();
    const badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const state = await run(createHousehold, {
      regionCode: VILLAGE_T1,
      groupName: '3组',
      allowance: 'NONE',
      headName: '李四',
      headIdNumber: badCheck,
      headHealth: 'HEALTHY',
      headLabour: 'NORMAL',
    });
    expect(state.fieldErrors).toEqual({ headIdNumber: ['身份证号校验位不对，请逐位核对'] });
    expect(state.values?.headIdNumber).toBe(badCheck);
    expect(await db.household.count()).toBe(before);
  });

  it('creates a household, reads birth date and sex from the ID, and refuses the same ID twice', async () => {
    await signInAs('township');
    const idNumber = newIdNumber(false);
    const created = await run(createHousehold, {
      regionCode: VILLAGE_T1,
      groupName: '3组',
      allowance: 'DIBAO_1',
      povertyCauses: 'ILLNESS',
      headName: '王秀英',
      headIdNumber: idNumber,
      headHealth: 'CHRONIC',
      headLabour: 'WEAK',
    });
    expect(created.redirectedTo).toMatch(/^\/households\/\d+$/);
    const person = await db.person.findFirstOrThrow({ where: { name: '王秀英' } });
    expect(person).toMatchObject({ sex: 'FEMALE', isHead: true, idLast4: idNumber.slice(-4) });
    expect(person.birthDate.toISOString().slice(0, 10)).toBe(
      `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    );
    expect(decryptText(person.idNumberEnc)).toBe(idNumber);
    expect(person.idNumberEnc).not.toContain(idNumber);
    const again = await run(createHousehold, {
      regionCode: VILLAGE_T1,
      groupName: '3组',
      allowance: 'NONE',
      headName: '王秀英',
      headIdNumber: idNumber,
      headHealth: 'HEALTHY',
      headLabour: 'NORMAL',
    });
    expect(again.fieldErrors).toEqual({ headIdNumber: ['已登记，重复由县扶贫办核处'] });
    expect(JSON.stringify((await lastAudit('household.create'))!.changes)).not.toContain(idNumber);
  });

  it('keeps the household size equal to its members', async () => {
    await signInAs('township');
    const { household } = await makeHousehold({ village: VILLAGE_T1 });
    const added = await run(addMember, {
      householdId: household.id,
      householdVersion: household.version,
      relation: 'SPOUSE',
      name: '配偶',
      idNumber: newIdNumber(false),
      health: 'HEALTHY',
      labour: 'NORMAL',
    });
    expect(added.ok).toBe(true);
    const afterAdd = await db.household.findUniqueOrThrow({ where: { id: household.id }, include: { members: true } });
    expect(afterAdd.memberCount).toBe(2);
    expect(afterAdd.members).toHaveLength(2);
    const spouse = afterAdd.members.find((m) => !m.isHead)!;
    const stale = await run(removeMember, { id: spouse.id, householdVersion: household.version, reason: '迁出' });
    expect(stale.formError).toContain('已被他人修改');
    expect((await run(removeMember, { id: spouse.id, householdVersion: afterAdd.version, reason: '迁出' })).ok).toBe(
      true,
    );
    expect(await db.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({ memberCount: 1 });
    const head = afterAdd.members.find((m) => m.isHead)!;
    expect(
      (await run(removeMember, { id: head.id, householdVersion: afterAdd.version + 1, reason: '错误' })).formError,
    ).toBe('不能移除户主');
  });

  it('refuses a second head', async () => {
    await signInAs('township');
    const { household } = await makeHousehold({ village: VILLAGE_T1 });
    const state = await run(addMember, {
      householdId: household.id,
      householdVersion: household.version,
      relation: 'HEAD',
      name: '二号户主',
      idNumber: newIdNumber(),
      health: 'HEALTHY',
      labour: 'NORMAL',
    });
    expect(state.fieldErrors?.relation).toEqual(['每户只能有一位户主']);
  });

  it('audits every full view of an ID number', async () => {
    await signInAs('county');
    const state = await run(revealIdNumber, { personId: zhang.head.id });
    expect(state.data?.idNumber).toBe(zhang.idNumber);
    expect(await lastAudit('person.revealId')).toMatchObject({
      result: 'OK',
      entityId: String(zhang.head.id),
      username: 'county',
    });
    await signInAs('teamleader');
    expect((await run(revealIdNumber, { personId: zhang.head.id })).formError).toBe('您的账号没有这项操作的权限。');
  });
});

// Identification, exit, removal, return, the batch step and the notices: tests/integration/identification.test.ts.

describe('ID numbers registered in another area', () => {
  const signInNew = async (scopeCode: string) =>
    signInAs((await makeUser({ role: 'TOWNSHIP_STAFF', scopeCode })).username);
  const household = {
    groupName: '1组',
    allowance: 'NONE',
    headName: '重复户',
    headHealth: 'HEALTHY',
    headLabour: 'NORMAL',
  };

  it('answers only "already registered" wherever the person is, and keeps an audited hit for the county office when it is another area', async () => {
    const sameArea = await signInNew('990102101');
    const here = await run(createHousehold, { ...household, regionCode: VILLAGE_T1, headIdNumber: zhang.idNumber });
    expect(here.fieldErrors).toEqual({ headIdNumber: ['已登记，重复由县扶贫办核处'] });
    expect(await db.duplicateIdHit.count({ where: { userId: sameArea.userId } })).toBe(0); // the clerk's own area: no hit

    const elsewhere = await signInNew('990102102');
    const before = await db.household.count();
    const there = await run(createHousehold, { ...household, regionCode: VILLAGE_T2, headIdNumber: zhang.idNumber });
    expect(there.fieldErrors).toEqual(here.fieldErrors); // the same words: no oracle of the area
    const { household: own } = await makeHousehold({ village: VILLAGE_T2 });
    const member = await run(addMember, {
      householdId: own.id,
      householdVersion: own.version,
      relation: 'CHILD',
      name: '重复成员',
      idNumber: zhang.idNumber,
      health: 'HEALTHY',
      labour: 'NORMAL',
    });
    expect(member.fieldErrors).toEqual({ idNumber: ['已登记，重复由县扶贫办核处'] });
    expect(await db.household.count()).toBe(before + 1); // only the fixture

    const hits = await db.duplicateIdHit.findMany({ where: { userId: elsewhere.userId }, orderBy: { id: 'asc' } });
    const masked = `${zhang.idNumber.slice(0, 4)}**********${zhang.idNumber.slice(-4)}`;
    // One hit per person a day in the list (met again: audited, not counted again).
    expect(hits.map((h) => [h.source, h.idMasked, h.areaCode, h.existingRegionCode, h.existingPersonId])).toEqual([
      ['household.create', masked, VILLAGE_T2, VILLAGE_T1, zhang.head.id],
    ]);
    const audits = await db.auditLog.findMany({
      where: { action: 'household.duplicateHit', userId: elsewhere.userId },
    });
    expect(audits.map((a) => (a.changes as { idNumber: string }).idNumber)).toEqual([masked, masked]);
    expect(JSON.stringify(audits.map((a) => a.changes))).not.toContain(zhang.idNumber);

    // The county office's list: masked number, who, where, when, and the registered person's village.
    const list = (await listDuplicateHits(await signInAs('county')))!;
    const row = list.find((r) => r.id === hits[0].id)!;
    expect(row).toMatchObject({
      idMasked: masked,
      userName: elsewhere.displayName,
      source: 'household.create',
      resolvedAt: null,
    });
    expect(row.existingVillage).toContain((await db.region.findUniqueOrThrow({ where: { code: VILLAGE_T1 } })).name);
    expect(row.at).toBeInstanceOf(Date);
    for (const username of ['township', 'leader', 'inspector'])
      await expect(listDuplicateHits(await signInAs(username))).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await listDuplicateHits(await signInAs('county2'))).not.toContainEqual(
      expect.objectContaining({ id: hits[0].id }),
    ); // another county

    // Resolved once by the county office, audited; not by a township.
    await signInAs('township');
    expect(await run(resolveDuplicate, { id: hits[0].id, resolution: '已核实为同一人' })).toMatchObject({
      ok: false,
      formError: '您的账号没有这项操作的权限。',
    });
    await signInAs('county');
    expect(await run(resolveDuplicate, { id: hits[0].id, resolution: '已核实为同一人，保留原登记' })).toMatchObject({
      ok: true,
      message: '已标记为已处理。',
    });
    expect(await run(resolveDuplicate, { id: hits[0].id, resolution: '再次' })).toMatchObject({
      ok: false,
      formError: '这条记录已处理过',
    });
    expect(await db.duplicateIdHit.findUniqueOrThrow({ where: { id: hits[0].id } })).toMatchObject({
      resolution: '已核实为同一人，保留原登记',
    });
  });

  it('refuses past the daily cap of hits per user with a clear message, writing nothing', async () => {
    const clerk = await signInNew('990102102');
    // Hits already met today, of other people (one person met again is not counted twice).
    const others = await db.person.findMany({
      where: { regionCode: { startsWith: '990102101' }, id: { not: zhang.head.id } },
      take: DUPLICATE_HITS_PER_DAY,
      select: { id: true, regionCode: true },
    });
    expect(others).toHaveLength(DUPLICATE_HITS_PER_DAY);
    await db.duplicateIdHit.createMany({
      data: others.map((p) => ({
        userId: clerk.userId,
        userName: clerk.displayName,
        areaCode: VILLAGE_T2,
        source: 'household.create',
        idMasked: '9901**********0000',
        existingPersonId: p.id,
        existingRegionCode: p.regionCode,
      })),
    });
    const { household: own } = await makeHousehold({ village: VILLAGE_T2 });
    const before = await db.person.count();
    const refused = await run(addMember, {
      householdId: own.id,
      householdVersion: own.version,
      relation: 'CHILD',
      name: '越限',
      idNumber: zhang.idNumber,
      health: 'HEALTHY',
      labour: 'NORMAL',
    });
    expect(refused.fieldErrors).toEqual({
      idNumber: [
        `今天查到的已登记身份证号已达上限（${DUPLICATE_HITS_PER_DAY} 个），本次不能再核对。重复登记请交县扶贫办核处。`,
      ],
    });
    expect(await db.person.count()).toBe(before);
    expect(await db.duplicateIdHit.count({ where: { userId: clerk.userId } })).toBe(DUPLICATE_HITS_PER_DAY);
    expect(await lastAudit('household.duplicateHit')).toMatchObject({
      result: 'REFUSED',
      message: 'households.duplicateCap',
      userId: clerk.userId,
    });
    // A member edit meets the same rule.
    const [head] = await db.person.findMany({ where: { householdId: own.id } });
    const edit = await run(updateMember, {
      id: head.id,
      version: head.version,
      relation: 'HEAD',
      name: head.name,
      idNumber: zhang.idNumber,
      health: 'HEALTHY',
      labour: 'NORMAL',
    });
    expect(edit.fieldErrors?.idNumber?.[0]).toContain('已达上限');
  });
});

describe('editing a member', () => {
  it('keeps the stored ID number and phone when the form leaves them blank, and changes them when typed', async () => {
    const family = await makeHousehold({ village: VILLAGE_T1, headName: '李保留' });
    await signInAs('township');
    const added = await run(addMember, {
      householdId: family.household.id,
      householdVersion: family.household.version,
      relation: 'SPOUSE',
      name: '王电话',
      idNumber: newIdNumber(false),
      phone: '13812345678',
      health: 'HEALTHY',
      labour: 'NORMAL',
    });
    expect(added.ok).toBe(true);
    const member = await db.person.findFirstOrThrow({ where: { householdId: family.household.id, name: '王电话' } });
    const storedId = decryptText(member.idNumberEnc);

    const kept = await run(updateMember, {
      id: member.id,
      version: member.version,
      relation: 'SPOUSE',
      name: '王电话',
      idNumber: '',
      phone: '',
      health: 'CHRONIC',
      labour: 'NORMAL',
    });
    expect(kept).toMatchObject({ ok: true });
    const after = await db.person.findUniqueOrThrow({ where: { id: member.id } });
    expect(decryptText(after.idNumberEnc)).toBe(storedId);
    expect(after.phoneEnc && decryptText(after.phoneEnc)).toBe('13812345678');
    expect(after.health).toBe('CHRONIC');
    expect((await lastAudit('household.updateMember'))?.changes).toEqual({
      health: { from: 'HEALTHY', to: 'CHRONIC' },
    });

    const newId = newIdNumber(false);
    const changed = await run(updateMember, {
      id: member.id,
      version: after.version,
      relation: 'SPOUSE',
      name: '王电话',
      idNumber: newId,
      phone: '13987654321',
      health: 'CHRONIC',
      labour: 'NORMAL',
    });
    expect(changed).toMatchObject({ ok: true });
    const last = await db.person.findUniqueOrThrow({ where: { id: member.id } });
    expect(decryptText(last.idNumberEnc)).toBe(newId);
    expect(last.phoneEnc && decryptText(last.phoneEnc)).toBe('13987654321');
  });
});
