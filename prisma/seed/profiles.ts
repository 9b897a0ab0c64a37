// Seed profiles: `demo` is what `npm start` shows; `test` is small so CI stays quick;
// `city` is the benchmark's data set (11 counties, about 3,000 villages); `province` is the same kind of
// county 86 times over (8 cities, about 23,000 villages), the scale a province runs.

import { chinaYear } from '../../lib/time';
import type { CountySpec } from './regions';
import type { Profile } from './run';

/** The benchmark profiles: many counties, lighter per-county detail (teams of 3–4, no fixture names). */
export const atScale = (profile: Profile): boolean => profile === 'city' || profile === 'province';

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

const CITY_NAMES = ['云川市', '河阳市', '石门市', '青原市', '安平市', '龙泉市', '白水市', '金川市'];
const COUNTY_PREFIXES = '东西南北中上下前后左右';

/**
 * The province-scale set: 86 counties in 8 cities. The first city is the city-scale set itself (the
 * demo county and its ten neighbours); the others have 11, 11, 11, 11, 11, 10 and 10 counties of the same size.
 */
export function provinceCounties(): CountySpec[] {
  const counties = cityCounties();
  for (let c = 1; c < CITY_NAMES.length; c++) {
    const cityCode = `99${String(c + 1).padStart(2, '0')}`;
    const count = c >= 6 ? 10 : 11;
    for (let i = 0; i < count; i++)
      counties.push({
        ...DEMO_PROVINCE,
        cityCode,
        cityName: CITY_NAMES[c],
        countyCode: `${cityCode}${String(i + 2).padStart(2, '0')}`,
        countyName: `${CITY_NAMES[c][0]}${COUNTY_PREFIXES[i]}县`,
        townships: 13,
        villagesPerTownship: 21,
        poorVillages: 85,
        center: [32.5 + (c % 4) * 1.6 + (i % 4) * 0.35, 103.5 + Math.floor(c / 4) * 2.4 + Math.floor(i / 4) * 0.6] as [
          number,
          number,
        ],
        seed: 1000 + c * 100 + i,
        currentYear: year(),
      });
  }
  return counties;
}

export const DEMO_PASSWORD = 'Bangfu@2026';
