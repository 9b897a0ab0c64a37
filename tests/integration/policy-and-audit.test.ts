import { describe, expect, it } from 'vitest';
import { searchAudit } from '@/lib/audit/data';
import { db } from '@/lib/db';
import { savePolicy } from '@/lib/policy/actions';
import { getPolicy } from '@/lib/policy/data';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { run, signInAs } from './helpers';

describe('policy', () => {
  it('creates a new year from the form, then updates it with a version', async () => {
    const county = await signInAs('county');
    const fresh = await getPolicy(county, '990102', 2031);
    expect(fresh).toMatchObject({ version: null, values: DEFAULT_POLICY });
    expect(
      (await run(savePolicy, { countyCode: '990102', year: 2031, ...DEFAULT_POLICY, villageDaysPerYear: 200 })).ok,
    ).toBe(true);
    const saved = await getPolicy(county, '990102', 2031);
    expect(saved).toMatchObject({ version: 1, values: { villageDaysPerYear: 200 } });
    expect(
      (await run(savePolicy, { countyCode: '990102', year: 2031, version: 1, ...DEFAULT_POLICY, quotaOrdinary: 2 })).ok,
    ).toBe(true);
    expect(await db.policy.findFirst({ where: { countyCode: '990102', year: 2031 } })).toMatchObject({
      quotaOrdinary: 2,
      villageDaysPerYear: 220,
      version: 2,
    });
  });

  it('refuses numbers that contradict each other, beside the field', async () => {
    await signInAs('county');
    const state = await run(savePolicy, {
      countyCode: '990102',
      year: 2032,
      ...DEFAULT_POLICY,
      villageNightsPerYear: 230,
    });
    expect(state.fieldErrors).toEqual({ villageNightsPerYear: ['驻村住宿天数不能多于在村天数'] });
    expect(await db.policy.findFirst({ where: { countyCode: '990102', year: 2032 } })).toBeNull();
  });

  it('is read-only for a township and invisible across counties', async () => {
    const township = await signInAs('township');
    expect(await getPolicy(township, '990102', 2031)).toMatchObject({ countyCode: '990102' });
    await expect(getPolicy(township, '990103', 2031)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404');
    expect((await run(savePolicy, { countyCode: '990102', year: 2031, version: 2, ...DEFAULT_POLICY })).formError).toBe(
      '您的账号没有这项操作的权限。',
    );
  });
});

describe('audit log', () => {
  it('records refusals and is searchable only by the auditor, within their area', async () => {
    await signInAs('leader');
    await run(savePolicy, { countyCode: '990102', year: 2031, ...DEFAULT_POLICY });
    const auditor = await signInAs('auditor');
    const refused = await searchAudit(auditor, { action: 'policy.save', result: 'REFUSED', username: 'leader' });
    expect(refused.total).toBeGreaterThanOrEqual(1);
    expect(refused.rows.every((row) => row.regionCode?.startsWith('990102'))).toBe(true);
    await expect(searchAudit(await signInAs('county'), {})).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;403');
    const otherCountyRows = await searchAudit(auditor, {});
    expect(otherCountyRows.rows.some((row) => row.regionCode?.startsWith('990103'))).toBe(false);
  });
});
