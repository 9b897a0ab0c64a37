// One demo login per role, listed in the README. Not forced to change password, so the demo opens straight away.
import type { Role } from '../../lib/generated/prisma/enums';
import { DEMO_COUNTY_CODE } from './profiles';
import type { CountySpec, RegionRow } from './regions';
import type { Profile } from './run';

export type DemoUser = { username: string; displayName: string; role: Role; scopeCode: string };

export function demoUsers(regions: RegionRow[], countyCode: string): DemoUser[] {
  const township = regions.find((r) => r.level === 'TOWNSHIP' && r.code.startsWith(countyCode))!;
  const poorVillage = regions.find((r) => r.isPoorVillage && r.code.startsWith(township.code))!;
  const otherTownship = regions.filter((r) => r.level === 'TOWNSHIP' && r.code.startsWith(countyCode))[1];
  return [
    { username: 'sysadmin', displayName: '系统管理员', role: 'SYSTEM_ADMIN', scopeCode: countyCode },
    { username: 'county', displayName: '县扶贫办 王晓丽', role: 'COUNTY_ADMIN', scopeCode: countyCode },
    { username: 'township', displayName: `${township.name} 李建国`, role: 'TOWNSHIP_STAFF', scopeCode: township.code },
    {
      username: 'township2',
      displayName: `${otherTownship.name} 赵文华`,
      role: 'TOWNSHIP_STAFF',
      scopeCode: otherTownship.code,
    },
    {
      username: 'teamleader',
      displayName: `${poorVillage.name}第一书记 陈志强`,
      role: 'TEAM_LEADER',
      scopeCode: poorVillage.code,
    },
    {
      username: 'member',
      displayName: `${poorVillage.name}队员 刘芳`,
      role: 'TEAM_MEMBER',
      scopeCode: poorVillage.code,
    },
    { username: 'cadre', displayName: '帮扶干部 周明', role: 'PAIRING_CADRE', scopeCode: township.code },
    { username: 'leader', displayName: '县领导 孙海涛', role: 'LEADER', scopeCode: countyCode },
    { username: 'cityleader', displayName: '市领导 韩立', role: 'LEADER', scopeCode: countyCode.slice(0, 4) },
    { username: 'inspector', displayName: '督查组 吴静', role: 'INSPECTOR', scopeCode: countyCode },
    { username: 'auditor', displayName: '审计员 郑凯', role: 'AUDITOR', scopeCode: countyCode },
  ];
}

/** Extra accounts the tests need: a second county's admin (out of area), and one the lockout test may lock. */
export function testOnlyUsers(regions: RegionRow[]): DemoUser[] {
  const village = regions.find((r) => r.level === 'VILLAGE' && r.code.startsWith('990102'))!;
  return [
    { username: 'county2', displayName: '临河县扶贫办 钱进', role: 'COUNTY_ADMIN', scopeCode: '990103' },
    { username: 'lockme', displayName: '锁定测试', role: 'TEAM_MEMBER', scopeCode: village.code },
  ];
}

/** Benchmark profiles: an office account for every county besides the demo county's, and (province) a province leader. */
export function scaleUsers(counties: CountySpec[], profile: Profile): DemoUser[] {
  const offices = counties
    .filter((c) => c.countyCode !== DEMO_COUNTY_CODE)
    .map((c) => ({
      username: `county${c.countyCode}`,
      displayName: `${c.countyName}扶贫办`,
      role: 'COUNTY_ADMIN' as const,
      scopeCode: c.countyCode,
    }));
  if (profile !== 'province') return offices;
  const province = counties[0];
  return [
    ...offices,
    { username: 'provinceleader', displayName: '省领导 林毅', role: 'LEADER', scopeCode: province.provinceCode },
  ];
}
