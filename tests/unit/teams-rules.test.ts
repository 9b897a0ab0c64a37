import { describe, expect, it } from 'vitest';
import { addMonths, dutyProgress, isShorterThan, isTuesday, teamCoverage, tuesdaysBetween } from '@/lib/teams/rules';

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

describe('duties from activity records', () => {
  it('knows Tuesdays (seed 002: 每周二扶贫工作日) and counts them', () => {
    expect(isTuesday('2026-12-01')).toBe(true);
    expect(isTuesday('2026-12-02')).toBe(false);
    expect(isTuesday('1970-01-06')).toBe(true);
    expect(tuesdaysBetween('2026-12-01', '2026-12-01')).toBe(1);
    expect(tuesdaysBetween('2026-12-02', '2026-12-07')).toBe(0);
    expect(tuesdaysBetween('2026-12-02', '2026-12-08')).toBe(1);
    expect(tuesdaysBetween('2026-01-01', '2026-12-31')).toBe(52);
    expect(tuesdaysBetween('2026-12-08', '2026-12-01')).toBe(0);
  });

  it('pro-rates a yearly number to the posting and to today (seed 001: 60 sessions, 90 days)', () => {
    const whole = { start: '2025-06-01', end: '2027-06-01' };
    // 1 July 2026: 182 of 365 days elapsed → 30 due by now of 60.
    expect(dutyProgress(30, 60, 2026, whole, '2026-07-01')).toEqual({
      done: 30,
      required: 60,
      dueByNow: 30,
      status: 'ON_PACE',
    });
    expect(dutyProgress(29, 60, 2026, whole, '2026-07-01').status).toBe('BEHIND');
    expect(dutyProgress(60, 60, 2026, whole, '2026-07-01').status).toBe('MET');
    // A posting from 1 October: 92 days → 60 × 92 / 365 = 15.1 → 16.
    expect(dutyProgress(0, 60, 2026, { start: '2026-10-01', end: '2027-09-30' }, '2026-12-31').required).toBe(16);
    // The year over, short: missed.
    expect(dutyProgress(50, 60, 2025, whole, '2026-03-01')).toMatchObject({ required: 36, status: 'MET' });
    expect(dutyProgress(10, 60, 2025, whole, '2026-03-01').status).toBe('MISSED');
  });
});
