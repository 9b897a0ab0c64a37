import { describe, expect, it } from 'vitest';
import { DAY_KINDS, type DayKind } from '@/lib/enums';
import {
  type AssessmentCounts,
  assessmentScore,
  drawInspection,
  drawSample,
  indicatorsOf,
  isDiscrepancy,
  outcomeLines,
  outcomesOf,
  paceOf,
  periodsOf,
  unitScore,
} from '@/lib/inspections/rules';
import { DEFAULT_POLICY } from '@/lib/policy/rules';

const hex = (n: number) => n.toString(16).padStart(8, '0');
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

describe('drawSample', () => {
  const items = range(100, 1);

  it('gives the same draw for the same seed and items', () => {
    const a = drawSample(items, 10, 'a1b2c3d4');
    expect(a).toHaveLength(10);
    expect(drawSample(items, 10, 'a1b2c3d4')).toEqual(a);
    expect(drawSample([...items], 10, 'a1b2c3d4')).toEqual(a);
  });

  it('gives another draw for another seed', () => {
    const a = drawSample(items, 10, 'a1b2c3d4');
    expect(drawSample(items, 10, 'a1b2c3d5')).not.toEqual(a);
    expect(drawSample(items, 10, '00000000')).not.toEqual(a);
    // Over many seeds, (nearly) every draw differs.
    const draws = new Set(range(200).map((i) => drawSample(items, 5, hex(i)).join(',')));
    expect(draws.size).toBeGreaterThanOrEqual(199);
  });

  it('takes every item once when asked for more than there are', () => {
    const small = ['110', '120', '130', '140'];
    const all = drawSample(small, 10, 'deadbeef');
    expect(all).toHaveLength(small.length);
    expect([...all].sort()).toEqual(small);
    expect(drawSample(small, small.length, 'deadbeef').sort()).toEqual(small);
    expect(drawSample([], 3, 'deadbeef')).toEqual([]);
    expect(drawSample(small, 0, 'deadbeef')).toEqual([]);
  });

  it('never draws an item twice, only items of the list, and leaves the list as it was', () => {
    const before = [...items];
    const known = new Set(items);
    for (let i = 0; i < 500; i++) {
      const draw = drawSample(items, 1 + (i % 30), hex(i * 7919));
      expect(draw).toHaveLength(1 + (i % 30));
      expect(new Set(draw).size).toBe(draw.length);
      expect(draw.every((x) => known.has(x))).toBe(true);
    }
    expect(items).toEqual(before);
  });

  it('draws uniformly within the area: each of 10 items about equally often over 20,000 seeds', () => {
    const ten = range(10);
    const seeds = 20_000;
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < seeds; i++) counts[drawSample(ten, 1, hex(i))[0]]++;
    const expected = seeds / ten.length;
    for (const n of counts) {
      expect(n).toBeGreaterThanOrEqual(expected * 0.9);
      expect(n).toBeLessThanOrEqual(expected * 1.1);
    }
    // Chi-square with 9 degrees of freedom: 27.9 at p = 0.001; a loose bound.
    const chi2 = counts.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(40);
  });

  it('draws several items uniformly too (3 of 10: each in about 30 % of the draws), whatever the seed looks like', () => {
    const ten = range(10);
    const seeds = 20_000;
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < seeds; i++) for (const x of drawSample(ten, 3, hex((i * 2654435761) >>> 0))) counts[x]++;
    const expected = (seeds * 3) / ten.length;
    for (const n of counts) {
      expect(n).toBeGreaterThanOrEqual(expected * 0.9);
      expect(n).toBeLessThanOrEqual(expected * 1.1);
    }
  });
});

describe('drawInspection', () => {
  const villages = ['990102101201', '990102101205', '990102102203', '990102103210', '990102104201', '990102105207'];
  const households: Record<string, number[]> = Object.fromEntries(
    villages.map((v, i) => [v, range(8 + i, 1000 * (i + 1))]),
  );
  const householdsOf = (v: string) => households[v] ?? [];
  const input = { seed: '5f3a9c01', villages, householdsOf, villageCount: 3, householdsPerVillage: 4 };

  it('draws the households of each drawn village from that village’s candidates only', () => {
    for (let i = 0; i < 200; i++) {
      const drawn = drawInspection({ ...input, seed: hex(i * 104729) });
      expect(drawn).toHaveLength(3);
      expect(new Set(drawn.map((d) => d.villageCode)).size).toBe(3);
      for (const d of drawn) {
        expect(villages).toContain(d.villageCode);
        expect(d.candidateHouseholds).toBe(households[d.villageCode].length);
        expect(d.householdIds).toHaveLength(4);
        expect(new Set(d.householdIds).size).toBe(4);
        for (const id of d.householdIds) expect(households[d.villageCode]).toContain(id);
        expect(d.householdIds).toEqual([...d.householdIds].sort((a, b) => a - b));
      }
    }
  });

  it('is reproducible from the seed, whatever order the candidates come in', () => {
    const a = drawInspection(input);
    expect(drawInspection(input)).toEqual(a);
    expect(drawInspection({ ...input, villages: [...villages].reverse() })).toEqual(a);
    const shuffledHouseholds = (v: string) => [...householdsOf(v)].reverse();
    expect(drawInspection({ ...input, householdsOf: shuffledHouseholds })).toEqual(a);
    expect(drawInspection({ ...input, seed: '5f3a9c02' })).not.toEqual(a);
    // The villages are the draw of the sorted candidates with the same seed.
    expect(a.map((d) => d.villageCode)).toEqual(drawSample([...villages].sort(), 3, input.seed));
  });

  it('takes what there is when a village has fewer households than asked, or none', () => {
    const drawn = drawInspection({
      ...input,
      villages: ['990102109001', '990102109002'],
      householdsOf: (v) => (v.endsWith('1') ? [7, 3] : []),
    });
    expect(drawn).toHaveLength(2);
    const one = drawn.find((d) => d.villageCode === '990102109001')!;
    expect(one.householdIds).toEqual([3, 7]);
    expect(one.candidateHouseholds).toBe(2);
    const none = drawn.find((d) => d.villageCode === '990102109002')!;
    expect(none.householdIds).toEqual([]);
    expect(none.candidateHouseholds).toBe(0);
  });
});

describe('isDiscrepancy', () => {
  const claimsPresence: DayKind[] = ['IN_VILLAGE', 'OVERNIGHT'];

  it.each(DAY_KINDS.map((kind) => [kind]))('absent on a %s day', (kind) => {
    expect(isDiscrepancy(false, kind)).toBe(claimsPresence.includes(kind));
  });

  it.each(DAY_KINDS.map((kind) => [kind]))('present on a %s day is never one', (kind) => {
    expect(isDiscrepancy(true, kind)).toBe(false);
  });

  it('is none without a record of the day', () => {
    expect(isDiscrepancy(false, null)).toBe(false);
    expect(isDiscrepancy(false, undefined)).toBe(false);
    expect(isDiscrepancy(true, null)).toBe(false);
  });
});

describe('assessmentScore', () => {
  const full: AssessmentCounts = {
    members: 5,
    membersOnTrack: 5,
    cadreVisitsDue: 40,
    cadreVisitsDone: 40,
    teamVisitsDue: 120,
    teamVisitsDone: 120,
    mustPair: 40,
    paired: 40,
    yearProblemsFound: 12,
    yearProblemsStruckOff: 12,
    inspections: 3,
    findings: 0,
    discrepancies: 0,
    householdChecks: 12,
    householdsSatisfied: 12,
  };
  const nothingDue: AssessmentCounts = {
    members: 0,
    membersOnTrack: 0,
    cadreVisitsDue: 0,
    cadreVisitsDone: 0,
    teamVisitsDue: 0,
    teamVisitsDone: 0,
    mustPair: 0,
    paired: 0,
    yearProblemsFound: 0,
    yearProblemsStruckOff: 0,
    inspections: 0,
    findings: 0,
    discrepancies: 0,
    householdChecks: 0,
    householdsSatisfied: 0,
  };
  /** Everything met but attendance: 75 + 25 × onTrack / members. */
  const attendance = (onTrack: number, members: number): AssessmentCounts => ({
    ...full,
    members,
    membersOnTrack: onTrack,
  });
  /** No member on track (0 of the attendance weight, 25) and visits at done / due: 55 + 20 × done / due. */
  const visits = (done: number, due: number): AssessmentCounts => ({
    ...full,
    membersOnTrack: 0,
    cadreVisitsDue: due,
    cadreVisitsDone: done,
    teamVisitsDue: 0,
    teamVisitsDone: 0,
  });

  it('the default weights add up to 100', () => {
    const { weightAttendance, weightVisits, weightPairing, weightRectification, weightInspection, weightSatisfaction } =
      DEFAULT_POLICY;
    expect(
      weightAttendance + weightVisits + weightPairing + weightRectification + weightInspection + weightSatisfaction,
    ).toBe(100);
    expect(DEFAULT_POLICY.weightAttendance).toBe(25);
    expect(DEFAULT_POLICY.weightVisits).toBe(20);
  });

  it('gives 100 and GOOD when every indicator is fully met', () => {
    const result = assessmentScore(full, DEFAULT_POLICY);
    expect(result.score).toBe(100);
    expect(result.band).toBe('GOOD');
    for (const value of Object.values(result.indicators)) expect(value).toBe(1);
  });

  it('marks nothing due as not assessed, never full marks; the others are scaled to 100', () => {
    expect(Object.values(indicatorsOf(nothingDue))).toEqual([null, null, null, null, null, null]);
    expect(assessmentScore(nothingDue, DEFAULT_POLICY)).toMatchObject({ score: null, band: 'NOT_ASSESSED' });
    // Never inspected and nobody asked (inspection 10 + satisfaction 10 not assessed), attendance half met:
    // (25 × 0.5 + 20 + 15 + 20) / 80 × 100 = 84.375 → 84.4, not 90 (half of 25 lost out of 100).
    const result = assessmentScore(
      { ...full, members: 10, membersOnTrack: 5, inspections: 0, householdChecks: 0, householdsSatisfied: 0 },
      DEFAULT_POLICY,
    );
    expect(result.indicators.inspection).toBeNull();
    expect(result.indicators.satisfaction).toBeNull();
    expect(result.score).toBe(84.4);
    expect(result.band).toBe('FAIRLY_GOOD');
    // An area with findings but never inspected cannot happen; with nothing found to fix, rectification is not assessed.
    expect(
      assessmentScore({ ...full, yearProblemsFound: 0, yearProblemsStruckOff: 0 }, DEFAULT_POLICY).indicators
        .rectification,
    ).toBeNull();
  });

  it.each([
    ['90 (GOOD)', attendance(3, 5), 90, 'GOOD'],
    ['89.9 (FAIRLY_GOOD)', attendance(596, 1000), 89.9, 'FAIRLY_GOOD'],
    ['80 (FAIRLY_GOOD)', attendance(1, 5), 80, 'FAIRLY_GOOD'],
    ['79.9 (FAIR)', attendance(196, 1000), 79.9, 'FAIR'],
    ['70 (FAIR)', visits(3, 4), 70, 'FAIR'],
    ['69.9 (POOR)', visits(149, 200), 69.9, 'POOR'],
  ] as const)('band edge at %s with the default policy', (_, counts, score, band) => {
    const result = assessmentScore(counts, DEFAULT_POLICY);
    expect(result.score).toBe(score);
    expect(result.band).toBe(band);
  });

  it('shows one decimal, half up, and bands on the unrounded score', () => {
    // 75 + 25 × 0.598 = 89.95: shown as 90.0 but 较好 (FAIRLY_GOOD), not 好 (issue 18).
    expect(assessmentScore(attendance(598, 1000), DEFAULT_POLICY)).toMatchObject({
      score: 90,
      band: 'FAIRLY_GOOD',
    });
    expect(assessmentScore(attendance(598, 1000), DEFAULT_POLICY).raw).toBeCloseTo(89.95, 10);
    // 75 + 25 × 0.5978 = 89.945 → 89.9
    expect(assessmentScore(attendance(5978, 10000), DEFAULT_POLICY)).toMatchObject({
      score: 89.9,
      band: 'FAIRLY_GOOD',
    });
  });

  it('bands by the policy given', () => {
    const strict = { ...DEFAULT_POLICY, scoreGood: 95, scoreFairlyGood: 85, scoreFair: 75 };
    expect(assessmentScore(attendance(3, 5), strict)).toMatchObject({ score: 90, band: 'FAIRLY_GOOD' });
    expect(assessmentScore(attendance(4, 5), strict)).toMatchObject({ score: 95, band: 'GOOD' });
  });

  it('takes a tenth of the inspection indicator per finding and a fifth per discrepancy', () => {
    expect(indicatorsOf({ ...full, findings: 3 }).inspection).toBeCloseTo(0.7, 10);
    expect(indicatorsOf({ ...full, discrepancies: 2 }).inspection).toBeCloseTo(0.6, 10);
    expect(indicatorsOf({ ...full, findings: 1, discrepancies: 1 }).inspection).toBeCloseTo(0.7, 10);
    expect(assessmentScore({ ...full, findings: 3 }, DEFAULT_POLICY).score).toBe(97);
  });

  it('floors the finding and discrepancy penalties at 0', () => {
    expect(indicatorsOf({ ...full, findings: 10 }).inspection).toBeCloseTo(0, 10);
    expect(indicatorsOf({ ...full, findings: 25 }).inspection).toBe(0);
    expect(indicatorsOf({ ...full, discrepancies: 6 }).inspection).toBe(0);
    expect(indicatorsOf({ ...full, findings: 8, discrepancies: 4 }).inspection).toBe(0);
    // Only the inspection weight (10) is lost, however many there are; the other indicators stand.
    const result = assessmentScore({ ...full, findings: 40, discrepancies: 40 }, DEFAULT_POLICY);
    expect(result.score).toBe(90);
    expect(result.band).toBe('GOOD');
    expect(result.indicators.attendance).toBe(1);
  });
});

describe('the pace of oversight (seed 000: 每月1次明察暗访、每季度1次集中督查、派出单位每季度1次回访)', () => {
  it('splits a year into months and quarters, leap years included', () => {
    expect(periodsOf(2028, 1)[1]).toEqual({ label: 2, from: '2028-02-01', to: '2028-02-29' });
    expect(periodsOf(2026, 1)).toHaveLength(12);
    expect(periodsOf(2026, 3).map((q) => [q.from, q.to])).toEqual([
      ['2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
    ]);
  });

  it('counts an inspection in the period it was done; a period over without one is missed, the current one due', () => {
    const quarters = periodsOf(2026, 3);
    const inspections = [
      { plannedOn: '2026-03-28', doneOn: '2026-04-01' }, // planned in Q1, done on the first day of Q2: counts for Q2
      { plannedOn: '2026-12-20', doneOn: null }, // planned only: does not count
    ];
    const pace = paceOf(quarters, inspections, 1, '2026-12-05');
    expect(pace.map((q) => q.state)).toEqual(['missed', 'done', 'missed', 'due']);
    expect(pace[3]).toMatchObject({ done: 0, planned: 1 });
    // On the last day of a quarter it is still due, the next day missed.
    expect(paceOf(quarters, [], 1, '2026-09-30')[2].state).toBe('due');
    expect(paceOf(quarters, [], 1, '2026-10-01')[2].state).toBe('missed');
    expect(paceOf(quarters, [], 1, '2026-05-01')[3].state).toBe('later');
    // The policy's number: two a quarter asked, one done is not enough.
    expect(paceOf(quarters, inspections, 2, '2026-12-05')[1].state).toBe('missed');
    // None asked: every period is done.
    expect(paceOf(quarters, [], 0, '2026-12-05').every((q) => q.state === 'done')).toBe(true);
  });
});

describe('outcomes (seed 001: 优秀 about 30 %, prizes 1/2/3, 一般 criticised, 较差 or 一般 twice reorganised)', () => {
  const policy = { excellentSharePercent: 30, prizeFirstCount: 1, prizeSecondCount: 2, prizeThirdCount: 3 };
  const amounts = [50000, 30000, 20000] as const;
  const ranked = [
    { code: 'a', band: 'GOOD' as const },
    { code: 'b', band: 'GOOD' as const },
    { code: 'c', band: 'GOOD' as const },
    { code: 'd', band: 'FAIRLY_GOOD' as const },
    { code: 'e', band: 'FAIR' as const },
    { code: 'f', band: 'FAIR' as const },
    { code: 'g', band: 'POOR' as const },
    { code: 'h', band: 'NOT_ASSESSED' as const },
  ];
  it('rates about the share excellent from those rated good, and gives prizes to the good only', () => {
    const out = outcomesOf(ranked, new Map([['f', 'FAIR']]), policy, amounts, 30);
    // 7 assessed × 30 % = 2.1 → 2 excellent.
    expect(['a', 'b', 'c'].map((c) => out.get(c)?.excellent)).toEqual([true, true, false]);
    expect(['a', 'b', 'c', 'd'].map((c) => [out.get(c)?.prize, out.get(c)?.prizeYuan])).toEqual([
      [1, 50000],
      [2, 30000],
      [2, 30000],
      [null, 0],
    ]);
    expect(out.get('e')).toMatchObject({ consequence: 'CRITICISM', twoYearsFair: false });
    expect(out.get('f')).toMatchObject({ consequence: 'ADJUSTMENT', twoYearsFair: true });
    expect(out.get('g')).toMatchObject({ consequence: 'ADJUSTMENT', twoYearsFair: false });
    expect(out.get('h')).toMatchObject({ excellent: false, prize: null, consequence: 'NONE' });
    expect(outcomeLines(out.get('a')!).map((l) => l.key)).toEqual(['excellent', 'prize']);
    expect(outcomeLines(out.get('f')!).map((l) => l.key)).toEqual(['adjustmentTwoYears']);
  });
  it('rates nobody excellent without a share (dispatching units have prizes only)', () => {
    const out = outcomesOf(ranked, new Map(), policy, amounts, null);
    expect([...out.values()].some((o) => o.excellent)).toBe(false);
    expect(out.get('a')?.prize).toBe(1);
  });
});

describe('a dispatching unit’s score', () => {
  const policy = { ...DEFAULT_POLICY, weightUnitTeams: 80, weightUnitReturnVisits: 20 };
  it('weighs its teams’ mean score and its return visits, either alone when the other is missing', () => {
    expect(unitScore([90, 80], { done: 2, due: 4 }, policy)).toMatchObject({
      score: 78,
      band: 'FAIR',
      teams: 85,
      returnShare: 0.5,
    });
    expect(unitScore([90, 80], { done: 0, due: 0 }, policy)).toMatchObject({ score: 85, band: 'FAIRLY_GOOD' });
    expect(unitScore([], { done: 3, due: 3 }, policy)).toMatchObject({ score: 100, band: 'GOOD' });
    expect(unitScore([], { done: 0, due: 0 }, policy)).toMatchObject({ score: null, band: 'NOT_ASSESSED' });
  });
});
