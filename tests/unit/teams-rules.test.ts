import { describe, expect, it } from 'vitest';
import { addMonths, isShorterThan, teamCoverage } from '@/lib/teams/rules';

const size = { teamSizeMin: 4, teamSizeMax: 6 };
const p = (
  role: 'LEADER' | 'FIRST_SECRETARY' | 'MEMBER' | 'GRADUATE_OFFICIAL' | 'TECHNICIAN',
  alsoFirstSecretary = false,
) => ({ role, alsoFirstSecretary });

describe('teamCoverage (五个全覆盖)', () => {
  it('a leader doubling as first secretary covers both', () => {
    const c = teamCoverage([p('LEADER', true), p('MEMBER'), p('GRADUATE_OFFICIAL'), p('TECHNICIAN')], size);
    expect(c).toEqual({ size: 4, sizeOk: true, missing: [], complete: true });
  });
  it('lists what is missing in a fixed order', () => {
    const c = teamCoverage([p('LEADER'), p('MEMBER'), p('MEMBER'), p('MEMBER')], size);
    expect(c.missing).toEqual(['firstSecretary', 'graduateOfficial', 'technician']);
    expect(c.complete).toBe(false);
  });
  it('judges the size against policy at both edges', () => {
    const five = [p('LEADER', true), p('MEMBER'), p('GRADUATE_OFFICIAL'), p('TECHNICIAN')];
    expect(teamCoverage(five.slice(0, 3), size).sizeOk).toBe(false);
    expect(teamCoverage([...five, p('MEMBER'), p('MEMBER')], size).sizeOk).toBe(true);
    const seven = [...five, p('MEMBER'), p('MEMBER'), p('MEMBER')];
    expect(teamCoverage(seven, size)).toMatchObject({ size: 7, sizeOk: false, missing: [], complete: false });
  });
  it('an empty team misses everything', () => {
    expect(teamCoverage([], size).missing).toHaveLength(5);
  });
});

describe('posting length', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
  it('three months means through the day before the same date three months on', () => {
    expect(isShorterThan('2026-03-01', '2026-05-31', 3)).toBe(false);
    expect(isShorterThan('2026-03-01', '2026-05-30', 3)).toBe(true);
    expect(isShorterThan('2026-03-01', '2029-02-28', 3)).toBe(false);
  });
});
