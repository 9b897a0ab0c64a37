import { describe, expect, it } from 'vitest';
import { childCodeLength, redMarks } from '@/lib/dashboard/rules';
import { addFigures, emptyFigures, type Figures, incidence, percent, ratesOf, returnRate } from '@/lib/figures/rules';

const figures = (values: Partial<Figures>): Figures => ({ ...emptyFigures(), ...values });
const POLICY = { returnRateMaxPercent: 5 };

describe('dashboard rates', () => {
  it('rounds shares down so an unfinished job never shows 100%', () => {
    expect(percent(9999, 10000)).toBe(99.9);
    expect(percent(10000, 10000)).toBe(100);
    expect(percent(0, 0)).toBe(100); // nothing due: nothing missed
    expect(percent(1, 3)).toBe(33.3);
  });

  it('poverty incidence is poor people over the registered population, two decimals', () => {
    expect(incidence(figures({ poorPeople: 265, people: 17718 }))).toBe(1.49);
    expect(incidence(figures({ poorPeople: 0, people: 0 }))).toBe(0);
  });

  it('the return rate is returned this year over the lifted-out base; red only above the policy limit', () => {
    const at = (returned: number) => figures({ returnedThisYearHouseholds: returned, returnBaseHouseholds: 1000 });
    expect(returnRate(at(49))).toBe(4.9);
    expect(redMarks(at(49), POLICY).has('returnRate')).toBe(false);
    // 控制在5%以内 (seed 001): exactly 5% is within the rule; red only above it, even by less than a rounding step.
    expect(returnRate(at(50))).toBe(5);
    expect(redMarks(at(50), POLICY).has('returnRate')).toBe(false);
    expect(
      redMarks(figures({ returnedThisYearHouseholds: 5001, returnBaseHouseholds: 100000 }), POLICY).has('returnRate'),
    ).toBe(true);
    expect(redMarks(at(51), POLICY).has('returnRate')).toBe(true);
    expect(returnRate(figures({}))).toBe(0);
  });
});

describe('red marks', () => {
  it('marks each missed rule and nothing else', () => {
    expect([...redMarks(figures({ mustPair: 10, paired: 10, cadreVisitsDue: 5, cadreVisitsDone: 5 }), POLICY)]).toEqual(
      [],
    );
    expect([...redMarks(figures({ mustPair: 10, paired: 9 }), POLICY)]).toEqual(['pairingGap']);
    expect([...redMarks(figures({ membersShort: 1, membersAtRisk: 2, problemsOverdue: 1 }), POLICY)]).toEqual([
      'attendanceShort',
      'attendanceAtRisk',
      'overdue',
    ]);
    expect([...redMarks(figures({ villagesWithoutLiaison: 1, teamVisitsDue: 3, teamVisitsDone: 2 }), POLICY)]).toEqual([
      'liaisonGap',
      'teamVisitGap',
    ]);
  });
});

describe('summing areas', () => {
  it('adds every figure; rates come from the sums, not averaged', () => {
    const a = figures({ villages: 1, mustPair: 1, paired: 1, people: 100, poorPeople: 10 });
    const b = figures({ villages: 1, mustPair: 99, paired: 90, people: 900, poorPeople: 0 });
    const total = addFigures(addFigures(emptyFigures(), a), b);
    expect(total).toMatchObject({ villages: 2, mustPair: 100, paired: 91, people: 1000, poorPeople: 10 });
    expect(ratesOf(total).pairingRate).toBe(91); // not (100 + 90.9) / 2
    expect(ratesOf(total).incidence).toBe(1);
  });

  it('knows the next level down of each code length', () => {
    expect(childCodeLength('99')).toBe(4);
    expect(childCodeLength('9901')).toBe(6);
    expect(childCodeLength('990102')).toBe(9);
    expect(childCodeLength('990102101')).toBe(12);
    expect(childCodeLength('990102101201')).toBeNull();
  });
});
