import { describe, expect, it } from 'vitest';
import { isRegionCode, isWithinScope, levelOfCode, lineageOf, parentCodeOf } from '@/lib/regions/rules';

describe('division codes', () => {
  it('reads the level from the length', () => {
    expect(levelOfCode('62')).toBe('PROVINCE');
    expect(levelOfCode('6205')).toBe('CITY');
    expect(levelOfCode('620502')).toBe('COUNTY');
    expect(levelOfCode('620502101')).toBe('TOWNSHIP');
    expect(levelOfCode('620502101201')).toBe('VILLAGE');
    expect(() => levelOfCode('62050')).toThrow();
    expect(() => levelOfCode('62050a101201')).toThrow();
  });

  it('finds parents and the full lineage', () => {
    expect(parentCodeOf('620502101201')).toBe('620502101');
    expect(parentCodeOf('620502101')).toBe('620502');
    expect(parentCodeOf('62')).toBeNull();
    expect(lineageOf('620502101201')).toEqual(['62', '6205', '620502', '620502101', '620502101201']);
  });

  it('treats scope as a prefix', () => {
    expect(isWithinScope('620502101201', '620502')).toBe(true);
    expect(isWithinScope('620502101201', '620502101201')).toBe(true);
    expect(isWithinScope('620502102201', '620502101')).toBe(false);
    expect(isWithinScope('620503101201', '620502')).toBe(false);
  });

  it('accepts only whole-level codes', () => {
    expect(isRegionCode('620502101')).toBe(true);
    expect(isRegionCode('6205021')).toBe(false);
    expect(isRegionCode('')).toBe(false);
  });
});
