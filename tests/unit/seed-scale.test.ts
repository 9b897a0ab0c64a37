import { describe, expect, it } from 'vitest';
import { householdCounts } from '@/prisma/seed/households';
import { cityCounties, provinceCounties } from '@/prisma/seed/profiles';
import { partOf, profileRegions } from '@/prisma/seed/run';
import { CopyRows } from '@/prisma/seed/sql';

describe('province profile', () => {
  const rows = profileRegions('province');
  const villages = rows.filter((r) => r.level === 'VILLAGE').map((r) => r.code);

  it('has 86 counties in 8 cities, the city profile among them, about 23,000 villages', () => {
    const counties = provinceCounties();
    expect(counties).toHaveLength(86);
    expect(new Set(counties.map((c) => c.countyCode)).size).toBe(86);
    expect(new Set(counties.map((c) => c.cityCode)).size).toBe(8);
    expect(counties.slice(0, 11)).toEqual(cityCounties());
    expect(villages).toHaveLength(86 * 13 * 21);
    expect(rows.filter((r) => r.level === 'PROVINCE')).toHaveLength(1);
  });

  it('gives each village its households from its own code: a part gets what a single run would', () => {
    const all = householdCounts('province', villages);
    const total = [...all.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(7_000_000);
    expect(total).toBeLessThan(7_400_000);
    const part = villages.filter((_, i) => i % 3 === 1);
    for (const [code, n] of householdCounts('province', part)) expect(n).toBe(all.get(code));
  });

  it('deals the counties out to parts that cover them once, each with the province and cities above', () => {
    const parts = [0, 1].map((i) => partOf(rows, i, 2));
    const counties = parts.map((p) => p.filter((r) => r.level === 'COUNTY').map((r) => r.code));
    expect(counties[0].length + counties[1].length).toBe(86);
    expect(counties[0].filter((c) => counties[1].includes(c))).toEqual([]);
    for (const part of parts) {
      expect(part.filter((r) => r.code.length <= 4)).toHaveLength(9);
      const own = new Set(part.filter((r) => r.level === 'COUNTY').map((r) => r.code));
      expect(part.filter((r) => r.code.length > 6).every((r) => own.has(r.code.slice(0, 6)))).toBe(true);
    }
  });
});

describe('COPY rows', () => {
  it('writes text format: tabs between values, \\N for null, t/f, and special characters escaped', () => {
    const rows = new CopyRows('t (a, b, c, d)');
    rows.add(1, null, true, 'plain 村');
    rows.add(2, 'a\tb\nc\\d\re', false, '{ILLNESS,DISASTER}');
    expect(rows.count).toBe(2);
    expect(rows.text()).toBe('1\t\\N\tt\tplain 村\n2\ta\\tb\\nc\\\\d\\re\tf\t{ILLNESS,DISASTER}\n');
  });
});
