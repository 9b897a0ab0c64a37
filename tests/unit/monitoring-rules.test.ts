import { describe, expect, it } from 'vitest';
import {
  closeProblem,
  incomeDropPercent,
  isOverdue,
  suggestedKind,
  verifyBy,
  type WarningFacts,
  warningsOf,
} from '@/lib/monitoring/rules';
import { DEFAULT_POLICY } from '@/lib/policy/rules';

const policy = { monitorLineYuan: 6000, incomeDropPercent: 30, warningVerifyDays: 15 };
const facts = (over: Partial<WarningFacts>): WarningFacts => ({
  householdId: 1,
  status: 'LIFTED_OUT',
  monitored: false,
  incomeByYear: new Map(),
  events: [],
  ...over,
});

describe('monitoring policy', () => {
  it('has local defaults (no seed gives the numbers)', () => {
    expect(DEFAULT_POLICY).toMatchObject({ monitorLineYuan: 6000, incomeDropPercent: 30, warningVerifyDays: 15 });
  });
});

describe('early warnings', () => {
  it('warn when this year per-capita income is below the monitoring line, and not at it', () => {
    expect(warningsOf(facts({ incomeByYear: new Map([[2026, 5999]]) }), 2026, policy)).toEqual([
      { householdId: 1, year: 2026, cause: 'LOW_INCOME', detail: { perCapita: 5999, line: 6000 } },
    ]);
    expect(warningsOf(facts({ incomeByYear: new Map([[2026, 6000]]) }), 2026, policy)).toEqual([]);
  });

  it('use last year’s income when this year’s is not in yet (the warning is of that year)', () => {
    const [w] = warningsOf(facts({ incomeByYear: new Map([[2025, 4500]]) }), 2026, policy);
    expect(w).toMatchObject({ year: 2025, cause: 'LOW_INCOME' });
  });

  it('warn on a fall of more than the policy share on last year; exactly the share is within', () => {
    const drop = (now: number) =>
      warningsOf(
        facts({
          incomeByYear: new Map([
            [2025, 10000],
            [2026, now],
          ]),
        }),
        2026,
        policy,
      ).map((w) => w.cause);
    expect(drop(7000)).toEqual([]); // 30.0 % is not more than 30 %
    expect(drop(6999)).toEqual(['INCOME_DROP']); // 30.01 %
    expect(drop(5000)).toEqual(['LOW_INCOME', 'INCOME_DROP']);
    expect(incomeDropPercent(10000, 6999)).toBe(30);
    expect(incomeDropPercent(10000, 11000)).toBeNull();
    expect(incomeDropPercent(0, 100)).toBeNull();
  });

  it('warn once per kind of risk event a visit or problem recorded, naming the first', () => {
    const ws = warningsOf(
      facts({
        status: 'NOT_POOR',
        events: [
          { event: 'MEDICAL_COST', day: '2026-03-01', visitId: 11n },
          { event: 'MEDICAL_COST', day: '2026-04-01', problemId: 3 },
          { event: 'DISASTER', day: '2026-05-01', problemId: 4 },
        ],
      }),
      2026,
      policy,
    );
    expect(ws).toEqual([
      {
        householdId: 1,
        year: 2026,
        cause: 'MEDICAL_COST',
        detail: { day: '2026-03-01', source: 'visit' },
        visitId: 11n,
      },
      { householdId: 1, year: 2026, cause: 'DISASTER', detail: { day: '2026-05-01', source: 'problem' }, problemId: 4 },
    ]);
  });

  it('leave poor households (helped already) and households under open monitoring alone', () => {
    const low = { incomeByYear: new Map([[2026, 100]]) };
    expect(warningsOf(facts({ ...low, status: 'REGISTERED_POOR' }), 2026, policy)).toEqual([]);
    expect(warningsOf(facts({ ...low, monitored: true }), 2026, policy)).toEqual([]);
    expect(warningsOf(facts({ ...low, status: 'NOT_POOR' }), 2026, policy)).toHaveLength(1);
  });

  it('are due the policy’s days after they are raised, and overdue only after that day while open', () => {
    expect(verifyBy('2026-12-25', policy)).toBe('2027-01-09');
    expect(isOverdue({ status: 'OPEN', dueOn: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(isOverdue({ status: 'OPEN', dueOn: '2026-12-04' }, '2026-12-05')).toBe(true);
    expect(isOverdue({ status: 'DISMISSED', dueOn: '2026-12-04' }, '2026-12-05')).toBe(false);
  });
});

describe('monitored households', () => {
  it('suggest the kind: lifted out → unstable after exit, a sudden event → sudden hardship, else marginal', () => {
    expect(suggestedKind('LIFTED_OUT', 'LOW_INCOME')).toBe('UNSTABLE_EXITED');
    expect(suggestedKind('NOT_POOR', 'DISASTER')).toBe('SUDDEN_HARDSHIP');
    expect(suggestedKind('NOT_POOR', 'LOW_INCOME')).toBe('MARGINAL');
  });

  it('close a risk only on a verification dated from the start up to today', () => {
    expect(closeProblem('2026-06-01', '2026-12-05', '2026-12-05')).toBeNull();
    expect(closeProblem('2026-06-01', '2026-12-06', '2026-12-05')).toBe('future');
    expect(closeProblem('2026-06-01', '2026-05-31', '2026-12-05')).toBe('beforeStart');
  });
});
