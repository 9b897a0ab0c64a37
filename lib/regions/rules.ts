// Division codes: 2 digits province, 4 city, 6 county, 9 township, 12 village.
// A code is also the prefix of every code below it, so scope checks are prefix checks.
import type { RegionLevel } from '@/lib/enums';

export const CODE_LENGTH: Record<RegionLevel, number> = {
  PROVINCE: 2,
  CITY: 4,
  COUNTY: 6,
  TOWNSHIP: 9,
  VILLAGE: 12,
};
const LEVEL_BY_LENGTH = new Map<number, RegionLevel>(
  Object.entries(CODE_LENGTH).map(([level, length]) => [length, level as RegionLevel]),
);
const LENGTHS = [2, 4, 6, 9, 12];

export const REGION_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE_PATTERN.test(code);
}

export function levelOfCode(code: string): RegionLevel {
  const level = LEVEL_BY_LENGTH.get(code.length);
  if (!level || !/^\d+$/.test(code)) throw new Error(`Not a division code: ${code}`);
  return level;
}

export function parentCodeOf(code: string): string | null {
  const index = LENGTHS.indexOf(code.length);
  return index > 0 ? code.slice(0, LENGTHS[index - 1]) : null;
}

/** The codes from the province down to and including `code`. */
export function lineageOf(code: string): string[] {
  return LENGTHS.filter((length) => length <= code.length).map((length) => code.slice(0, length));
}

/** True when `code` lies inside the area named by `scopeCode` (or is that area). */
export function isWithinScope(code: string, scopeCode: string): boolean {
  return code.startsWith(scopeCode);
}

export function childLevelOf(level: RegionLevel): RegionLevel | null {
  const index = LENGTHS.indexOf(CODE_LENGTH[level]);
  return index < LENGTHS.length - 1 ? levelOfCode('0'.repeat(LENGTHS[index + 1])) : null;
}
