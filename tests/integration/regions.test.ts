import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { updateVillage } from '@/lib/regions/actions';
import { areaOptions, areaSummary, childSummaries, getRegion } from '@/lib/regions/data';
import { lastAudit, run, signInAs, TOWNSHIP_1, TOWNSHIP_2 } from './helpers';

const VILLAGE = '990102101203';

describe('area tree', () => {
  it('adds up: the county equals the sum of its townships', async () => {
    const county = await signInAs('county');
    const townships = await childSummaries(county, '990102');
    const summary = await areaSummary(county);
    expect(townships.length).toBe(2);
    expect(townships.reduce((sum, t) => sum + t.villages, 0)).toBe(summary.villages);
    expect(townships.reduce((sum, t) => sum + t.poorVillages, 0)).toBe(summary.poorVillages);
    expect(summary).toMatchObject({ townships: 2, villages: 10, poorVillages: 4 });
  });

  it('answers "not found" for an area outside the viewer\'s', async () => {
    const township = await signInAs('township');
    await expect(getRegion(township, `${TOWNSHIP_1}201`)).resolves.toMatchObject({ level: 'VILLAGE' });
    await expect(getRegion(township, `${TOWNSHIP_2}201`)).rejects.toMatchObject({
      digest: expect.stringContaining('404'),
    });
    await expect(getRegion(township, '990102')).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    await expect(getRegion(await signInAs('sysadmin'), '990102')).rejects.toMatchObject({
      digest: expect.stringContaining('404'),
    });
  });
});

describe('the area picker', () => {
  it('lists a county’s townships and villages, a city’s counties and townships', async () => {
    const county = await areaOptions(await signInAs('county'));
    const township = await db.region.findUniqueOrThrow({ where: { code: TOWNSHIP_1 } });
    const village = await db.region.findFirstOrThrow({ where: { parentCode: TOWNSHIP_1 }, orderBy: { code: 'asc' } });
    expect(county).toContainEqual({ code: TOWNSHIP_1, label: township.name });
    expect(county).toContainEqual({ code: village.code, label: `${township.name} ${village.name}` });
    expect(county.every((o) => o.code.startsWith('990102'))).toBe(true);

    const city = await areaOptions(await signInAs('cityleader'));
    const countyRow = await db.region.findUniqueOrThrow({ where: { code: '990102' } });
    expect(city).toContainEqual({ code: '990102', label: countyRow.name });
    expect(city).toContainEqual({ code: TOWNSHIP_1, label: `${countyRow.name} ${township.name}` });
    expect(city.some((o) => o.code.length === 12)).toBe(false);
    expect(city.some((o) => o.code.startsWith('990103'))).toBe(true);
  });
});

describe('village edits', () => {
  it('saves valid input with an audit row of the changed fields', async () => {
    await signInAs('county');
    const village = await db.region.findUniqueOrThrow({ where: { code: VILLAGE } });
    const state = await run(updateVillage, {
      code: VILLAGE,
      version: village.version,
      isPoorVillage: 'on',
      plannedExitYear: 2027,
      latitude: 34.61,
      longitude: 105.7,
    });
    expect(state).toMatchObject({ ok: true, message: '村信息已保存' });
    expect(await db.region.findUniqueOrThrow({ where: { code: VILLAGE } })).toMatchObject({
      isPoorVillage: true,
      plannedExitYear: 2027,
      version: village.version + 1,
    });
    expect((await lastAudit('region.updateVillage'))!.changes).toMatchObject({ plannedExitYear: { to: 2027 } });
  });

  it('puts bad input beside the field and writes nothing', async () => {
    await signInAs('county');
    const village = await db.region.findUniqueOrThrow({ where: { code: VILLAGE } });
    const state = await run(updateVillage, {
      code: VILLAGE,
      version: village.version,
      plannedExitYear: '二〇二七',
      latitude: 95,
    });
    expect(state.fieldErrors).toEqual({ plannedExitYear: ['请输入数字'], latitude: ['不能大于 54'] });
    expect(state.values).toMatchObject({ plannedExitYear: '二〇二七', latitude: '95' });
    expect(await db.region.findUniqueOrThrow({ where: { code: VILLAGE } })).toEqual(village);
  });

  it('refuses an edit made on an old copy', async () => {
    await signInAs('county');
    const village = await db.region.findUniqueOrThrow({ where: { code: VILLAGE } });
    await run(updateVillage, { code: VILLAGE, version: village.version, isPoorVillage: 'on', plannedExitYear: 2028 });
    const stale = await run(updateVillage, {
      code: VILLAGE,
      version: village.version,
      isPoorVillage: 'on',
      plannedExitYear: 2029,
    });
    expect(stale.formError).toContain('已被他人修改');
    expect((await db.region.findUniqueOrThrow({ where: { code: VILLAGE } })).plannedExitYear).toBe(2028);
  });
});
