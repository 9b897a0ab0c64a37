import { describe, expect, it } from 'vitest';
import { areaMarks, childCodeLength, markLevel } from '@/lib/dashboard/rules';
import { addFigures, emptyFigures, type Figures, incidence, percent, ratesOf, returnRate } from '@/lib/figures/rules';

const figures = (values: Partial<Figures>): Figures => ({ ...emptyFigures(), ...values });
const POLICY = { returnRateMaxPercent: 5, pairingRedBelowPercent: 95, visitRedBelowPercent: 90 };
/** The rules missed (red). */
const redMarks = (f: Figures, policy: typeof POLICY) => new Set(areaMarks(f, policy).missed);

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
    expect(areaMarks(figures({ membersShort: 1, membersAtRisk: 2, problemsOverdue: 1 }), POLICY)).toEqual({
      missed: ['attendanceShort', 'overdue'],
      atRisk: ['attendanceAtRisk'],
    });
    expect([...redMarks(figures({ villagesWithoutLiaison: 1, teamVisitsDue: 3, teamVisitsDone: 2 }), POLICY)]).toEqual([
      'liaisonGap',
      'teamVisitGap',
    ]);
  });
});

describe('red and amber by the policy lines', () => {
  it('a share of a duty below its line is red, from the line up to all done amber, all done plain', () => {
    const visits = (done: number) => areaMarks(figures({ cadreVisitsDue: 1000, cadreVisitsDone: done }), POLICY);
    expect(visits(899)).toEqual({ missed: ['cadreVisitGap'], atRisk: [] });
    expect(visits(900)).toEqual({ missed: [], atRisk: ['cadreVisitGap'] }); // exactly the line: behind, not missed
    expect(visits(999)).toEqual({ missed: [], atRisk: ['cadreVisitGap'] }); // 99.9% is amber, not red (issue 17)
    expect(visits(1000)).toEqual({ missed: [], atRisk: [] });
    // Compared unrounded: 89.99% shows as 89.9% and is red; nothing due is nothing missed.
    expect(areaMarks(figures({ teamVisitsDue: 10000, teamVisitsDone: 8999 }), POLICY).missed).toEqual(['teamVisitGap']);
    expect(areaMarks(figures({}), POLICY)).toEqual({ missed: [], atRisk: [] });
  });

  it('the lines are the county policy: a county that sets 100% has no amber', () => {
    const strict = { ...POLICY, pairingRedBelowPercent: 100 };
    expect(areaMarks(figures({ mustPair: 100, paired: 99 }), strict).missed).toEqual(['pairingGap']);
    expect(areaMarks(figures({ mustPair: 100, paired: 95 }), POLICY).atRisk).toEqual(['pairingGap']);
    expect(areaMarks(figures({ mustPair: 100, paired: 94 }), POLICY).missed).toEqual(['pairingGap']);
  });

  it('a figure shows the level of its own rule', () => {
    const marks = { missed: ['overdue' as const], atRisk: ['attendanceAtRisk' as const] };
    expect(markLevel('overdue', marks)).toBe('missed');
    expect(markLevel('attendanceAtRisk', marks)).toBe('atRisk');
    expect(markLevel('pairingGap', marks)).toBeNull();
    expect(markLevel(undefined, marks)).toBeNull();
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
