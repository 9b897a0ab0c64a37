// Seed profiles: `demo` is what `npm start` shows; `test` is small so CI stays quick;
// `city` is the benchmark's data set (11 counties, about 3,000 villages).

import { chinaYear } from '../../lib/time';
import type { CountySpec } from './regions';

export const DEMO_PROVINCE = { provinceCode: '99', provinceName: '演示省', cityCode: '9901', cityName: '云川市' };
export const DEMO_COUNTY_CODE = '990102';

const year = () => chinaYear();

export function demoCounty(): CountySpec {
  // Qinzhou's scale (seed 000): 420 administrative villages, 84 poor villages with teams.
  return {
    ...DEMO_PROVINCE,
    countyCode: DEMO_COUNTY_CODE,
    countyName: '丰源县',
    townships: 20,
    villagesPerTownship: 21,
    poorVillages: 84,
    center: [34.58, 105.72],
    seed: 2026,
    currentYear: year(),
  };
}

/** Two small counties: the demo county's first townships, and a neighbour to test that areas stay apart. */
export function testCounties(): CountySpec[] {
  return [
    {
      ...DEMO_PROVINCE,
      countyCode: DEMO_COUNTY_CODE,
      countyName: '丰源县',
      townships: 2,
      villagesPerTownship: 5,
      poorVillages: 4,
      center: [34.58, 105.72],
      seed: 7,
      currentYear: year(),
    },
    {
      ...DEMO_PROVINCE,
      countyCode: '990103',
      countyName: '临河县',
      townships: 1,
      villagesPerTownship: 2,
      poorVillages: 1,
      center: [34.9, 106.1],
      seed: 8,
      currentYear: year(),
    },
  ];
}

/** The city-scale set: the demo county plus ten more of a similar size (Hanzhong, seed 004: 11 counties). */
export function cityCounties(): CountySpec[] {
  return Array.from({ length: 11 }, (_, i) => ({
    ...DEMO_PROVINCE,
    countyCode: `9901${String(i + 2).padStart(2, '0')}`,
    countyName: i === 0 ? '丰源县' : `${'东西南北中上下前后左右'[i - 1] ?? '新'}源县`,
    townships: 13,
    villagesPerTownship: 21,
    poorVillages: 85,
    center: [34.2 + (i % 4) * 0.5, 105.0 + Math.floor(i / 4) * 0.7] as [number, number],
    seed: 1000 + i,
    currentYear: year(),
  }));
}

export const DEMO_PASSWORD = 'Bangfu@2026';
