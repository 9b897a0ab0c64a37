import { describe, expect, it } from 'vitest';
import { type CandidateCadre, proposePairings, quotaFor, quotaOf } from '@/lib/pairings/rules';
import { DEFAULT_POLICY } from '@/lib/policy/rules';

describe('quotaOf (8741)', () => {
  it('reads the rank quota from policy', () => {
    expect(quotaOf('COUNTY_CHIEF', DEFAULT_POLICY)).toBe(8);
    expect(quotaOf('COUNTY_DEPUTY', DEFAULT_POLICY)).toBe(7);
    expect(quotaOf('SECTION_CHIEF', DEFAULT_POLICY)).toBe(4);
    expect(quotaOf('SECTION_DEPUTY', DEFAULT_POLICY)).toBe(4);
    expect(quotaOf('ORDINARY', DEFAULT_POLICY)).toBe(1);
    expect(quotaOf('ORDINARY', { ...DEFAULT_POLICY, quotaOrdinary: 2 })).toBe(2);
  });
});

describe('quotaFor (township backstop, seed 001: 剩余贫困户由乡镇驻村干部兜底)', () => {
  const policy = { ...DEFAULT_POLICY, quotaTownshipBackstop: 10 };
  it('lets a township cadre carry up to the cap for households of their own township, whatever the rank', () => {
    expect(quotaFor('ORDINARY', '990102101', '990102101201', policy)).toBe(10);
    expect(quotaFor('COUNTY_CHIEF', '990102101', '990102101201', { ...policy, quotaTownshipBackstop: 3 })).toBe(8);
  });
  it('keeps the rank number for another township, and for county cadres', () => {
    expect(quotaFor('ORDINARY', '990102101', '990102102201', policy)).toBe(1);
    expect(quotaFor('ORDINARY', '990102', '990102101201', policy)).toBe(1);
  });
});

describe('proposePairings', () => {
  const village = '990102101201';
  const cadre = (id: number, over: Partial<CandidateCadre> = {}): CandidateCadre => ({
    id,
    unitId: 1,
    regionCode: '990102',
    used: 0,
    quota: 1,
    backstop: over.quota ?? 1,
    ...over,
  });

  it('prefers a cadre of the village liaison unit, then the township, then the county', () => {
    const cadres = [cadre(1, { unitId: 9 }), cadre(2, { regionCode: '990102101' }), cadre(3, { unitId: 7 })];
    const result = proposePairings({
      households: [
        { id: 10, villageCode: village },
        { id: 11, villageCode: village },
        { id: 12, villageCode: village },
      ],
      cadres,
      liaisonUnits: new Map([[village, new Set([7])]]),
    });
    expect(result.pairs).toEqual([
      { householdId: 10, cadreId: 3, tier: 'LIAISON' },
      { householdId: 11, cadreId: 2, tier: 'TOWNSHIP' },
      { householdId: 12, cadreId: 1, tier: 'COUNTY' },
    ]);
    expect(result.unassigned).toEqual([]);
  });

  it('never proposes beyond a quota, counting what it has already proposed', () => {
    const result = proposePairings({
      households: [1, 2, 3, 4].map((id) => ({ id, villageCode: village })),
      cadres: [cadre(1, { quota: 4, used: 2 }), cadre(2, { used: 1 })],
      liaisonUnits: new Map(),
    });
    expect(result.pairs.map((p) => p.cadreId)).toEqual([1, 1]);
    expect(result.unassigned).toEqual([3, 4]);
  });

  it('spreads the load to the cadre with most quota left, ties to the lower id', () => {
    const result = proposePairings({
      households: [1, 2, 3].map((id) => ({ id, villageCode: village })),
      cadres: [cadre(5, { quota: 4, used: 2 }), cadre(4, { quota: 4, used: 2 }), cadre(6, { quota: 8, used: 5 })],
      liaisonUnits: new Map(),
    });
    expect(result.pairs.map((p) => p.cadreId)).toEqual([6, 4, 5]);
  });

  it('is the same every time for the same input', () => {
    const input = {
      households: [1, 2].map((id) => ({ id, villageCode: village })),
      cadres: [cadre(2), cadre(1)],
      liaisonUnits: new Map(),
    };
    expect(proposePairings(input)).toEqual(proposePairings(input));
    expect(proposePairings(input).pairs[0].cadreId).toBe(1);
  });

  it('gives what no rank quota covers to township cadres of the household, up to their cap', () => {
    const other = '990102102201';
    const result = proposePairings({
      households: [
        { id: 1, villageCode: village },
        { id: 2, villageCode: village },
        { id: 3, villageCode: village },
        { id: 4, villageCode: other },
      ],
      cadres: [cadre(1), cadre(2, { regionCode: '990102101', used: 1, backstop: 3 })],
      liaisonUnits: new Map(),
    });
    expect(result.pairs).toEqual([
      { householdId: 1, cadreId: 1, tier: 'COUNTY' },
      { householdId: 2, cadreId: 2, tier: 'BACKSTOP' },
      { householdId: 3, cadreId: 2, tier: 'BACKSTOP' },
    ]);
    // Another township's household is not theirs to back, and the cap is reached.
    expect(result.unassigned).toEqual([4]);
  });
});
