import { describe, expect, it } from 'vitest';
import { HouseholdStatus } from '@/lib/generated/prisma/enums';
import {
  type ActorLevel,
  actorLevelOf,
  checkTransition,
  type ExitFacts,
  exitFactsOf,
  exitProblems,
  HELP_MEASURE_KINDS,
  IN_REGISTRATION,
  isPoorStatus,
  LIFTED_STATUSES,
  nextSteps,
  noticeDaysElapsed,
  POOR_STATUSES,
  perCapitaIncome,
  refusalMessage,
  yearsOfStep,
} from '@/lib/households/rules';

const STATUSES = Object.values(HouseholdStatus);
const LEVELS: ActorLevel[] = ['VILLAGE', 'TOWNSHIP', 'COUNTY'];
const RANK: Record<ActorLevel, number> = { VILLAGE: 1, TOWNSHIP: 2, COUNTY: 3 };

// The expected machine, written out independently of the implementation's table.
const ALLOWED: [HouseholdStatus, HouseholdStatus, ActorLevel][] = [
  ['NOT_POOR', 'PROPOSED', 'VILLAGE'],
  ['PROPOSED', 'VILLAGE_NOTICE', 'VILLAGE'],
  ['VILLAGE_NOTICE', 'TOWNSHIP_REVIEW', 'TOWNSHIP'],
  ['TOWNSHIP_REVIEW', 'COUNTY_ANNOUNCEMENT', 'TOWNSHIP'],
  ['COUNTY_ANNOUNCEMENT', 'REGISTERED_POOR', 'COUNTY'],
  ['REGISTERED_POOR', 'EXIT_PROPOSED', 'VILLAGE'],
  ['EXIT_PROPOSED', 'EXIT_NOTICE', 'VILLAGE'],
  ['EXIT_NOTICE', 'EXIT_REVIEW', 'TOWNSHIP'],
  ['EXIT_REVIEW', 'LIFTED_OUT', 'COUNTY'],
  ['LIFTED_OUT', 'MONITORED', 'TOWNSHIP'],
  ['MONITORED', 'RETURNED_TO_POVERTY', 'TOWNSHIP'],
  ['RETURNED_TO_POVERTY', 'EXIT_PROPOSED', 'VILLAGE'],
  ['PROPOSED', 'NOT_POOR', 'TOWNSHIP'],
  ['VILLAGE_NOTICE', 'NOT_POOR', 'TOWNSHIP'],
  ['TOWNSHIP_REVIEW', 'NOT_POOR', 'TOWNSHIP'],
  ['EXIT_PROPOSED', 'REGISTERED_POOR', 'TOWNSHIP'],
  ['EXIT_NOTICE', 'REGISTERED_POOR', 'TOWNSHIP'],
  ['EXIT_REVIEW', 'REGISTERED_POOR', 'TOWNSHIP'],
];
const neededLevel = (from: HouseholdStatus, to: HouseholdStatus) =>
  ALLOWED.find(([f, t]) => f === from && t === to)?.[2];

const PASSING_EXIT: ExitFacts = {
  perCapitaIncomeYuan: 4000,
  incomeLineYuan: 4000,
  food: true,
  clothing: true,
  education: true,
  medical: true,
  housing: true,
  water: true,
};

// A long-settled status and passing exit facts, so only the edge and the level decide.
const base = {
  statusSince: new Date('2024-01-01T00:00:00+08:00'),
  now: new Date('2024-06-01T10:00:00+08:00'),
  noticeMinDays: 5,
  exit: PASSING_EXIT,
};

describe('household status machine', () => {
  it('has 18 allowed steps among the 12 × 12 pairs', () => {
    expect(STATUSES).toHaveLength(12);
    expect(ALLOWED).toHaveLength(18);
  });

  it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))(
    'county: %s → %s passes exactly when it is an allowed step',
    (from, to) => {
      const result = checkTransition({ ...base, from, to, level: 'COUNTY' });
      if (neededLevel(from, to)) expect(result).toEqual({ ok: true });
      else expect(result).toEqual({ ok: false, reason: 'notAllowed' });
    },
  );

  it.each(ALLOWED.flatMap(([from, to, needed]) => LEVELS.map((level) => [from, to, level, needed] as const)))(
    '%s → %s by %s (needs %s)',
    (from, to, level, needed) => {
      const result = checkTransition({ ...base, from, to, level });
      if (RANK[level] >= RANK[needed]) expect(result).toEqual({ ok: true });
      else expect(result).toEqual({ ok: false, reason: 'levelTooLow' });
    },
  );

  it('refuses staying put, skipping steps and going back without a rule', () => {
    const refused: [HouseholdStatus, HouseholdStatus][] = [
      ['REGISTERED_POOR', 'REGISTERED_POOR'],
      ['NOT_POOR', 'REGISTERED_POOR'],
      ['PROPOSED', 'TOWNSHIP_REVIEW'],
      ['REGISTERED_POOR', 'LIFTED_OUT'],
      ['COUNTY_ANNOUNCEMENT', 'NOT_POOR'],
      ['LIFTED_OUT', 'REGISTERED_POOR'],
      ['MONITORED', 'NOT_POOR'],
      ['RETURNED_TO_POVERTY', 'REGISTERED_POOR'],
      ['EXIT_REVIEW', 'MONITORED'],
    ];
    for (const [from, to] of refused)
      for (const level of LEVELS)
        expect(checkTransition({ ...base, from, to, level })).toEqual({ ok: false, reason: 'notAllowed' });
  });

  it.each(STATUSES.flatMap((from) => LEVELS.map((level) => [from, level] as const)))(
    'next steps from %s for %s',
    (from, level) => {
      const expected = ALLOWED.filter(([f, , needed]) => f === from && RANK[level] >= RANK[needed]).map(([, to]) => to);
      expect([...nextSteps(from, level)].sort()).toEqual(expected.sort());
    },
  );

  it('offers a village team only its own steps', () => {
    expect(nextSteps('NOT_POOR', 'VILLAGE')).toEqual(['PROPOSED']);
    expect(nextSteps('VILLAGE_NOTICE', 'VILLAGE')).toEqual([]);
    expect(nextSteps('MONITORED', 'VILLAGE')).toEqual([]);
    expect(nextSteps('EXIT_REVIEW', 'TOWNSHIP')).toEqual(['REGISTERED_POOR']);
    expect([...nextSteps('EXIT_REVIEW', 'COUNTY')].sort()).toEqual(['LIFTED_OUT', 'REGISTERED_POOR']);
  });

  it('checks the level before the notice period', () => {
    const early = { ...base, statusSince: base.now };
    expect(checkTransition({ ...early, from: 'VILLAGE_NOTICE', to: 'TOWNSHIP_REVIEW', level: 'VILLAGE' })).toEqual({
      ok: false,
      reason: 'levelTooLow',
    });
  });
});

describe('notice period (calendar days, China time)', () => {
  const notice = (
    statusSince: string,
    now: string,
    from: HouseholdStatus = 'VILLAGE_NOTICE',
    to: HouseholdStatus = 'TOWNSHIP_REVIEW',
  ) =>
    checkTransition({ ...base, from, to, level: 'TOWNSHIP', statusSince: new Date(statusSince), now: new Date(now) });

  it('refuses 4 days 23 hours after a posting early on day 0, allows day 5', () => {
    expect(notice('2024-03-01T00:30:00+08:00', '2024-03-05T23:30:00+08:00')).toEqual({
      ok: false,
      reason: 'noticeTooShort',
      daysLeft: 1,
    });
    expect(notice('2024-03-01T00:00:00+08:00', '2024-03-05T23:59:59.999+08:00')).toEqual({
      ok: false,
      reason: 'noticeTooShort',
      daysLeft: 1,
    });
    expect(notice('2024-03-01T00:00:00+08:00', '2024-03-06T00:00:00+08:00')).toEqual({ ok: true });
  });

  it('counts the posting day as day 0 whatever the hour', () => {
    // Posted late on day 0: day 5 starts after only 4 days and 30 minutes.
    expect(notice('2024-03-01T23:30:00+08:00', '2024-03-06T00:00:00+08:00')).toEqual({ ok: true });
    expect(notice('2024-03-01T23:30:00+08:00', '2024-03-05T23:59:00+08:00')).toEqual({
      ok: false,
      reason: 'noticeTooShort',
      daysLeft: 1,
    });
    expect(notice('2024-03-01T10:00:00+08:00', '2024-03-01T11:00:00+08:00')).toEqual({
      ok: false,
      reason: 'noticeTooShort',
      daysLeft: 5,
    });
  });

  it('uses China days, not UTC days', () => {
    // 2024-03-01T16:30Z is already 2 March 00:30 in China: day 0 is 2 March.
    expect(noticeDaysElapsed(new Date('2024-03-01T16:30:00Z'), new Date('2024-03-06T15:59:59Z'))).toBe(4);
    expect(noticeDaysElapsed(new Date('2024-03-01T16:30:00Z'), new Date('2024-03-06T16:00:00Z'))).toBe(5);
    // 15:59Z on 1 March is still 1 March in China.
    expect(noticeDaysElapsed(new Date('2024-03-01T15:59:00Z'), new Date('2024-03-06T15:59:00Z'))).toBe(5);
  });

  it('crosses month ends and leap days as calendar days', () => {
    expect(noticeDaysElapsed(new Date('2024-02-27T09:00:00+08:00'), new Date('2024-03-03T09:00:00+08:00'))).toBe(5);
    expect(noticeDaysElapsed(new Date('2023-02-27T09:00:00+08:00'), new Date('2023-03-03T09:00:00+08:00'))).toBe(4);
    expect(noticeDaysElapsed(new Date('2024-12-30T20:00:00+08:00'), new Date('2025-01-04T01:00:00+08:00'))).toBe(5);
  });

  it('applies to the exit notice too, with the policy number of days', () => {
    expect(notice('2024-03-01T08:00:00+08:00', '2024-03-05T08:00:00+08:00', 'EXIT_NOTICE', 'EXIT_REVIEW')).toEqual({
      ok: false,
      reason: 'noticeTooShort',
      daysLeft: 1,
    });
    expect(notice('2024-03-01T08:00:00+08:00', '2024-03-06T08:00:00+08:00', 'EXIT_NOTICE', 'EXIT_REVIEW')).toEqual({
      ok: true,
    });
    const sevenDays = {
      ...base,
      from: 'EXIT_NOTICE',
      to: 'EXIT_REVIEW',
      level: 'COUNTY',
      statusSince: new Date('2024-03-01T08:00:00+08:00'),
    } as const;
    expect(checkTransition({ ...sevenDays, noticeMinDays: 7, now: new Date('2024-03-07T23:00:00+08:00') })).toEqual({
      ok: false,
      reason: 'noticeTooShort',
      daysLeft: 1,
    });
    expect(checkTransition({ ...sevenDays, noticeMinDays: 7, now: new Date('2024-03-08T00:00:00+08:00') })).toEqual({
      ok: true,
    });
  });

  it('refuses a clock that runs backwards', () => {
    expect(notice('2024-03-06T08:00:00+08:00', '2024-03-01T08:00:00+08:00')).toEqual({
      ok: false,
      reason: 'noticeTooShort',
      daysLeft: 10,
    });
  });

  it('lets a notice be rejected at once', () => {
    expect(notice('2024-03-01T08:00:00+08:00', '2024-03-01T09:00:00+08:00', 'VILLAGE_NOTICE', 'NOT_POOR')).toEqual({
      ok: true,
    });
    expect(notice('2024-03-01T08:00:00+08:00', '2024-03-01T09:00:00+08:00', 'EXIT_NOTICE', 'REGISTERED_POOR')).toEqual({
      ok: true,
    });
  });

  it('does not wait on other steps', () => {
    const now = new Date('2024-03-01T09:00:00+08:00');
    for (const [from, to] of [
      ['PROPOSED', 'VILLAGE_NOTICE'],
      ['TOWNSHIP_REVIEW', 'COUNTY_ANNOUNCEMENT'],
      ['COUNTY_ANNOUNCEMENT', 'REGISTERED_POOR'],
      ['EXIT_PROPOSED', 'EXIT_NOTICE'],
    ] as const)
      expect(checkTransition({ ...base, from, to, level: 'COUNTY', statusSince: now, now })).toEqual({ ok: true });
  });
});

describe('exit rule', () => {
  it('passes income exactly at the line and fails one yuan below', () => {
    expect(exitProblems(PASSING_EXIT)).toEqual([]);
    expect(exitProblems({ ...PASSING_EXIT, perCapitaIncomeYuan: 3999 })).toEqual(['income']);
    expect(exitProblems({ ...PASSING_EXIT, perCapitaIncomeYuan: 12000 })).toEqual([]);
  });

  it('names a missing income survey', () => {
    expect(exitProblems({ ...PASSING_EXIT, perCapitaIncomeYuan: null })).toEqual(['noIncome']);
    expect(exitProblems({ ...PASSING_EXIT, perCapitaIncomeYuan: 0 })).toEqual(['income']);
  });

  it.each(['food', 'clothing', 'education', 'medical', 'housing', 'water'] as const)(
    'names a missing %s guarantee',
    (guarantee) => {
      expect(exitProblems({ ...PASSING_EXIT, [guarantee]: false })).toEqual([guarantee]);
    },
  );

  it('lists every problem, income first', () => {
    const none = { food: false, clothing: false, education: false, medical: false, housing: false, water: false };
    expect(exitProblems({ ...PASSING_EXIT, ...none, perCapitaIncomeYuan: 100 })).toEqual([
      'income',
      'food',
      'clothing',
      'education',
      'medical',
      'housing',
      'water',
    ]);
    expect(exitProblems({ ...PASSING_EXIT, perCapitaIncomeYuan: null, housing: false })).toEqual([
      'noIncome',
      'housing',
    ]);
  });

  const entering: [HouseholdStatus, HouseholdStatus][] = [
    ['REGISTERED_POOR', 'EXIT_PROPOSED'],
    ['RETURNED_TO_POVERTY', 'EXIT_PROPOSED'],
    ['EXIT_REVIEW', 'LIFTED_OUT'],
  ];

  it.each(entering)('guards %s → %s', (from, to) => {
    const step = { ...base, from, to, level: 'COUNTY' } as const;
    expect(checkTransition(step)).toEqual({ ok: true });
    expect(checkTransition({ ...step, exit: { ...PASSING_EXIT, perCapitaIncomeYuan: 3999, water: false } })).toEqual({
      ok: false,
      reason: 'exitRule',
      problems: ['income', 'water'],
    });
    // Without the facts the step is refused, never assumed to pass.
    expect(checkTransition({ ...step, exit: undefined })).toEqual({ ok: false, reason: 'exitRule' });
  });

  it('does not apply to other steps', () => {
    const failing = { ...PASSING_EXIT, perCapitaIncomeYuan: null, food: false };
    for (const [from, to] of [
      ['EXIT_PROPOSED', 'EXIT_NOTICE'],
      ['EXIT_NOTICE', 'EXIT_REVIEW'],
      ['LIFTED_OUT', 'MONITORED'],
      ['EXIT_REVIEW', 'REGISTERED_POOR'],
    ] as const)
      expect(checkTransition({ ...base, from, to, level: 'COUNTY', exit: failing })).toEqual({ ok: true });
    expect(checkTransition({ ...base, from: 'LIFTED_OUT', to: 'MONITORED', level: 'COUNTY', exit: undefined })).toEqual(
      { ok: true },
    );
  });
});

describe('per-capita income', () => {
  const income = { wageYuan: 9000, productionYuan: 3000, propertyYuan: 500, transferYuan: 1500 };

  it('sums the four components and divides by the members', () => {
    expect(perCapitaIncome(income, 1)).toBe(14000);
    expect(perCapitaIncome(income, 4)).toBe(3500);
  });

  it('rounds to whole yuan', () => {
    expect(perCapitaIncome(income, 3)).toBe(4667); // 4666.67
    expect(perCapitaIncome({ wageYuan: 10001, productionYuan: 0, propertyYuan: 0, transferYuan: 0 }, 2)).toBe(5001); // 5000.5
    expect(perCapitaIncome({ wageYuan: 10000, productionYuan: 1, propertyYuan: 0, transferYuan: 0 }, 3)).toBe(3334); // 3333.67
    expect(perCapitaIncome({ wageYuan: 10000, productionYuan: 0, propertyYuan: 0, transferYuan: 0 }, 3)).toBe(3333); // 3333.33
  });

  it('is null without members', () => {
    expect(perCapitaIncome(income, 0)).toBeNull();
    expect(perCapitaIncome(income, -1)).toBeNull();
  });

  it('handles a zero or a loss-making year', () => {
    expect(perCapitaIncome({ wageYuan: 0, productionYuan: 0, propertyYuan: 0, transferYuan: 0 }, 3)).toBe(0);
    expect(perCapitaIncome({ wageYuan: 0, productionYuan: -1, propertyYuan: 0, transferYuan: 0 }, 3)).toBe(0);
    expect(
      Object.is(perCapitaIncome({ wageYuan: 0, productionYuan: -1, propertyYuan: 0, transferYuan: 0 }, 3), -0),
    ).toBe(false);
    expect(perCapitaIncome({ wageYuan: 1000, productionYuan: -4000, propertyYuan: 0, transferYuan: 0 }, 2)).toBe(-1500);
  });
});

describe('status groups', () => {
  it('hold the statuses reports count by', () => {
    expect([...POOR_STATUSES].sort()).toEqual([
      'EXIT_NOTICE',
      'EXIT_PROPOSED',
      'EXIT_REVIEW',
      'REGISTERED_POOR',
      'RETURNED_TO_POVERTY',
    ]);
    expect([...IN_REGISTRATION].sort()).toEqual([
      'COUNTY_ANNOUNCEMENT',
      'PROPOSED',
      'TOWNSHIP_REVIEW',
      'VILLAGE_NOTICE',
    ]);
    expect([...LIFTED_STATUSES].sort()).toEqual(['LIFTED_OUT', 'MONITORED']);
  });

  it('are disjoint and, with NOT_POOR, cover every status once', () => {
    const all = ['NOT_POOR', ...POOR_STATUSES, ...IN_REGISTRATION, ...LIFTED_STATUSES];
    expect(all).toHaveLength(STATUSES.length);
    expect(new Set(all)).toEqual(new Set(STATUSES));
  });

  it('answer whether a status counts as poor', () => {
    expect(STATUSES.filter(isPoorStatus).sort()).toEqual([...POOR_STATUSES].sort());
  });
});

describe('actor level from the area code', () => {
  it('reads the level from the code length', () => {
    expect(actorLevelOf('620502101201')).toBe('VILLAGE');
    expect(actorLevelOf('620502101')).toBe('TOWNSHIP');
    expect(actorLevelOf('620502')).toBe('COUNTY');
    expect(actorLevelOf('6205')).toBe('COUNTY');
    expect(actorLevelOf('62')).toBe('COUNTY');
  });

  it('refuses what is not a division code', () => {
    for (const code of ['', '6', '62050', '6205021', '62050210120', '6205021012011', '62050a', '620502 '])
      expect(() => actorLevelOf(code)).toThrow();
  });
});

describe('help measure kinds', () => {
  it('list the measures of 一户一策', () => {
    expect(HELP_MEASURE_KINDS).toEqual([
      'INDUSTRY',
      'EMPLOYMENT',
      'EDUCATION',
      'HEALTH',
      'HOUSING',
      'RELOCATION',
      'LOAN',
      'PV_CLAIM',
      'OTHER_CLAIM',
    ]);
  });
});

describe('a status step as the command takes it', () => {
  const secure = {
    foodSecure: true,
    clothingSecure: true,
    educationSecure: true,
    medicalSecure: true,
    housingSecure: true,
    waterSecure: true,
  };

  it("reads the exit facts from the household's checklist and its latest income", () => {
    const income = { wageYuan: 6000, productionYuan: 2000, propertyYuan: 0, transferYuan: 1000 };
    expect(exitFactsOf({ ...secure, memberCount: 3, waterSecure: false }, income, 4000)).toEqual({
      perCapitaIncomeYuan: 3000,
      incomeLineYuan: 4000,
      food: true,
      clothing: true,
      education: true,
      medical: true,
      housing: true,
      water: false,
    });
    expect(exitFactsOf({ ...secure, memberCount: 3 }, null, 4000).perCapitaIncomeYuan).toBeNull();
  });

  it('tells the user why a step was refused', () => {
    expect(refusalMessage({ ok: false, reason: 'exitRule', problems: ['income', 'water'] })).toEqual({
      key: 'households.exitRefused',
      params: { problems: 'households.exitProblems.income|households.exitProblems.water' },
    });
    expect(refusalMessage({ ok: false, reason: 'noticeTooShort', daysLeft: 2 })).toEqual({
      key: 'households.noticeTooShort',
      params: { days: 2 },
    });
    expect(refusalMessage({ ok: false, reason: 'levelTooLow' })).toEqual({ key: 'households.levelTooLow' });
    expect(refusalMessage({ ok: false, reason: 'notAllowed' })).toEqual({ key: 'households.stepNotAllowed' });
  });

  it('records the exit year when lifted out and the identification year when registered after the announcement', () => {
    expect(yearsOfStep('EXIT_REVIEW', 'LIFTED_OUT', 2025)).toEqual({ exitYear: 2025 });
    expect(yearsOfStep('COUNTY_ANNOUNCEMENT', 'REGISTERED_POOR', 2025)).toEqual({ identifiedYear: 2025 });
    expect(yearsOfStep('RETURNED_TO_POVERTY', 'REGISTERED_POOR', 2025)).toEqual({});
    expect(yearsOfStep('PROPOSED', 'VILLAGE_NOTICE', 2025)).toEqual({});
  });
});
