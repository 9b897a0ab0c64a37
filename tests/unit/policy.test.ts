import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, POLICY_FIELDS, policyProblems, scoreBand } from '@/lib/policy/rules';

describe('policy defaults', () => {
  it('carry the numbers of the source reports', () => {
    expect(DEFAULT_POLICY.villageDaysPerYear).toBe(220);
    expect(DEFAULT_POLICY.villageNightsPerYear).toBe(160);
    expect(DEFAULT_POLICY.leaderDaysPerMonth).toBe(20);
    expect([
      DEFAULT_POLICY.quotaCountyChief,
      DEFAULT_POLICY.quotaCountyDeputy,
      DEFAULT_POLICY.quotaSectionChief,
      DEFAULT_POLICY.quotaOrdinary,
    ]).toEqual([8, 7, 4, 1]);
    expect(policyProblems(DEFAULT_POLICY)).toEqual([]);
  });

  it('keep the offline check-in numbers as local defaults (the seeds give none)', () => {
    expect(DEFAULT_POLICY).toMatchObject({ lateSyncHours: 24, offlineCheckinDays: 3 });
    expect([POLICY_FIELDS.lateSyncHours.source, POLICY_FIELDS.offlineCheckinDays.source]).toEqual([null, null]);
  });

  it('refuses numbers that contradict each other', () => {
    expect(policyProblems({ ...DEFAULT_POLICY, villageNightsPerYear: 221 }).map(([f]) => f)).toEqual([
      'villageNightsPerYear',
    ]);
    expect(policyProblems({ ...DEFAULT_POLICY, teamSizeMin: 7 }).map(([f]) => f)).toEqual(['teamSizeMin']);
    expect(policyProblems({ ...DEFAULT_POLICY, scoreFairlyGood: 90 }).map(([f]) => f)).toEqual(['scoreFairlyGood']);
    expect(policyProblems({ ...DEFAULT_POLICY, deadlineUrgentDays: 16 }).map(([f]) => f)).toEqual(['deadlineHighDays']);
  });
});

describe('score bands', () => {
  it('puts each edge in the higher band', () => {
    expect(scoreBand(100, DEFAULT_POLICY)).toBe('GOOD');
    expect(scoreBand(90, DEFAULT_POLICY)).toBe('GOOD');
    expect(scoreBand(89.99, DEFAULT_POLICY)).toBe('FAIRLY_GOOD');
    expect(scoreBand(80, DEFAULT_POLICY)).toBe('FAIRLY_GOOD');
    expect(scoreBand(79.9, DEFAULT_POLICY)).toBe('FAIR');
    expect(scoreBand(70, DEFAULT_POLICY)).toBe('FAIR');
    expect(scoreBand(69.9, DEFAULT_POLICY)).toBe('POOR');
  });
});
