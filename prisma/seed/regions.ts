// Builds a synthetic county: townships and administrative villages with division codes,
// poor-village flags, planned exit years and locations. Names are made up.
import type { RegionLevel } from '../../lib/generated/prisma/enums';
import { type Random, seededRandom } from './random';

export type RegionRow = {
  code: string;
  level: RegionLevel;
  name: string;
  parentCode: string | null;
  isPoorVillage: boolean;
  plannedExitYear: number | null;
  exitedYear: number | null;
  latitude: number | null;
  longitude: number | null;
};

const FIRST = '青石柳河云松桃杏梨枫龙凤金银安平丰和兴长白黄红马牛羊鹿泉水沙土高新'.split('');
const SECOND = '山川溪坪湾岭沟塬坝庄峪台堡店桥湖园林寨梁洼'.split('');

function uniqueName(random: Random, used: Set<string>, suffix: string): string {
  for (;;) {
    const name = random.pick(FIRST) + random.pick(SECOND) + suffix;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

export type CountySpec = {
  provinceCode: string;
  provinceName: string;
  cityCode: string;
  cityName: string;
  countyCode: string;
  countyName: string;
  townships: number;
  villagesPerTownship: number;
  poorVillages: number;
  center: [number, number];
  seed: number;
  currentYear: number;
};

/** Rows for province, city, county, townships and villages; the first `poorVillages` are spread evenly. */
export function buildCounty(spec: CountySpec): RegionRow[] {
  const random = seededRandom(spec.seed);
  const base = { isPoorVillage: false, plannedExitYear: null, exitedYear: null, latitude: null, longitude: null };
  const rows: RegionRow[] = [
    { ...base, code: spec.provinceCode, level: 'PROVINCE', name: spec.provinceName, parentCode: null },
    { ...base, code: spec.cityCode, level: 'CITY', name: spec.cityName, parentCode: spec.provinceCode },
    {
      ...base,
      code: spec.countyCode,
      level: 'COUNTY',
      name: spec.countyName,
      parentCode: spec.cityCode,
      latitude: spec.center[0],
      longitude: spec.center[1],
    },
  ];
  const townshipNames = new Set<string>();
  const totalVillages = spec.townships * spec.villagesPerTownship;
  const poorEvery = spec.poorVillages > 0 ? totalVillages / spec.poorVillages : Infinity;
  let villageIndex = 0;
  let poorSoFar = 0;
  for (let t = 0; t < spec.townships; t++) {
    const townshipCode = `${spec.countyCode}${String(101 + t).padStart(3, '0')}`;
    const lat = spec.center[0] + (random.next() - 0.5) * 0.6;
    const lng = spec.center[1] + (random.next() - 0.5) * 0.8;
    const suffix = random.chance(0.6) ? '镇' : '乡';
    rows.push({
      ...base,
      code: townshipCode,
      level: 'TOWNSHIP',
      name: uniqueName(random, townshipNames, suffix),
      parentCode: spec.countyCode,
      latitude: round(lat),
      longitude: round(lng),
    });
    const villageNames = new Set<string>();
    for (let v = 0; v < spec.villagesPerTownship; v++) {
      const isPoor = poorSoFar < spec.poorVillages && villageIndex >= Math.round(poorSoFar * poorEvery);
      if (isPoor) poorSoFar++;
      villageIndex++;
      // Tongwei's plan: the poor villages exit over successive years; some already have.
      const plannedExitYear = isPoor ? spec.currentYear - 2 + random.int(0, 3) : null;
      const exitedYear = plannedExitYear !== null && plannedExitYear < spec.currentYear ? plannedExitYear : null;
      rows.push({
        code: `${townshipCode}${String(201 + v).padStart(3, '0')}`,
        level: 'VILLAGE',
        name: uniqueName(random, villageNames, '村'),
        parentCode: townshipCode,
        isPoorVillage: isPoor,
        plannedExitYear,
        exitedYear,
        latitude: round(lat + (random.next() - 0.5) * 0.08),
        longitude: round(lng + (random.next() - 0.5) * 0.1),
      });
    }
  }
  return rows;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
