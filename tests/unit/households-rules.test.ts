import { describe, expect, it } from 'vitest';
import { HouseholdStatus } from '@/lib/generated/prisma/enums';
import {
  type ActorLevel,
  actorLevelOf,
  checkTransition,
  type ExitFacts,
  exitProblems,
  IN_REGISTRATION,
  LIFTED_STATUSES,
  latestGuarantees,
  NOTICE_PERIODS,
  nextSteps,
  noticeDaysElapsed,
  noticePeriod,
  type Periods,
  POOR_STATUSES,
  perCapitaIncome,
  REMOVED_STATUSES,
  refusalField,
  refusalMessage,
  stepDetails,
  TRANSITIONS,
  yearsOfStep,
} from '@/lib/households/rules';

const STATUSES = Object.values(HouseholdStatus);
const LEVELS: ActorLevel[] = ['VILLAGE', 'TOWNSHIP', 'COUNTY'];
const RANK: Record<ActorLevel, number> = { VILLAGE: 1, TOWNSHIP: 2, COUNTY: 3 };
const PERIODS: Periods = {
  firstNoticeDays: 7,
  secondNoticeDays: 7,
  announcementDays: 7,
  exitNoticeDays: 7,
  exitAnnouncementDays: 7,
  removalNoticeDays: 7,
  returnNoticeDays: 7,
};

// The forward paths, written out independently of the implementation's table.
const IDENTIFICATION: [HouseholdStatus, ActorLevel][] = [
  ['NOT_POOR', 'VILLAGE'],
  ['APPLIED', 'VILLAGE'],
  ['APPRAISED', 'VILLAGE'],
  ['FIRST_NOTICE', 'VILLAGE'],
  ['TOWNSHIP_REVIEWED', 'TOWNSHIP'],
  ['SECOND_NOTICE', 'TOWNSHIP'],
  ['COUNTY_REVIEWED', 'COUNTY'],
  ['COUNTY_ANNOUNCEMENT', 'COUNTY'],
  ['REGISTERED_POOR', 'COUNTY'],
];
const EXIT: [HouseholdStatus, ActorLevel][] = [
  ['REGISTERED_POOR', 'VILLAGE'],
  ['EXIT_APPRAISED', 'VILLAGE'],
  ['EXIT_NOTICE', 'VILLAGE'],
  ['EXIT_REVIEWED', 'TOWNSHIP'],
  ['EXIT_ANNOUNCEMENT', 'COUNTY'],
  ['LIFTED_OUT', 'COUNTY'],
];

const PASSING_EXIT: ExitFacts = {
  year: 2024,
  perCapitaIncomeYuan: 4000,
  incomeLineYuan: 4000,
  guarantees: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
  openUrgentProblems: 0,
};
const EVERYTHING = {
  appraisalOn: '2024-05-30',
  attendees: 35,
  appraisalResult: 'AGREED' as const,
  vouch: true,
  reason: '识别不准',
  returnCause: 'ILLNESS' as const,
};
// A long-settled status, passing exit facts and every record typed, so only the edge and the level decide.
const base = {
  statusSince: new Date('2024-01-01T00:00:00+08:00'),
  now: new Date('2024-06-01T10:00:00+08:00'),
  periods: PERIODS,
  exit: PASSING_EXIT,
  step: EVERYTHING,
};

describe('两公示一公告 status machine', () => {
  it('walks identification step by step, each at its own level', () => {
    for (let i = 0; i + 1 < IDENTIFICATION.length; i++) {
      const [from] = IDENTIFICATION[i];
      const [to, level] = IDENTIFICATION[i + 1];
      expect(checkTransition({ ...base, from, to, level })).toEqual({ ok: true });
      const lower = LEVELS.filter((l) => RANK[l] < RANK[level]);
      for (const l of lower)
        expect(checkTransition({ ...base, from, to, level: l })).toMatchObject({ reason: 'levelTooLow' });
    }
  });

  it('walks exit step by step', () => {
    for (let i = 0; i + 1 < EXIT.length; i++) {
      const [from] = EXIT[i];
      const [to, level] = EXIT[i + 1];
      expect(checkTransition({ ...base, from, to, level })).toEqual({ ok: true });
    }
  });

  it('refuses skipping a step and staying put', () => {
    const skips: [HouseholdStatus, HouseholdStatus][] = [
      ['NOT_POOR', 'FIRST_NOTICE'],
      ['APPLIED', 'FIRST_NOTICE'],
      ['FIRST_NOTICE', 'SECOND_NOTICE'],
      ['TOWNSHIP_REVIEWED', 'COUNTY_ANNOUNCEMENT'],
      ['SECOND_NOTICE', 'REGISTERED_POOR'],
      ['REGISTERED_POOR', 'EXIT_NOTICE'],
      ['EXIT_NOTICE', 'LIFTED_OUT'],
      ['EXIT_REVIEWED', 'LIFTED_OUT'],
      ['REGISTERED_POOR', 'REMOVED'],
      ['REMOVAL_PROPOSED', 'REMOVED'],
      ['LIFTED_OUT', 'RETURNED_TO_POVERTY'],
      ['REMOVED', 'REGISTERED_POOR'],
    ];
    for (const [from, to] of skips)
      expect(checkTransition({ ...base, from, to, level: 'COUNTY' })).toEqual({ ok: false, reason: 'notAllowed' });
    for (const s of STATUSES)
      expect(checkTransition({ ...base, from: s, to: s, level: 'COUNTY' })).toMatchObject({ reason: 'notAllowed' });
  });

  it('has a period on every step that leaves a notice forward, and only there', () => {
    for (const t of TRANSITIONS) {
      const forward = !['NOT_POOR', 'REGISTERED_POOR', 'LIFTED_OUT'].includes(t.to) || t.from in NOTICE_PERIODS;
      if (t.from in NOTICE_PERIODS && forward && !t.needs)
        expect(t.period).toBe(NOTICE_PERIODS[t.from as keyof typeof NOTICE_PERIODS]);
      if (t.period) expect(t.period).toBe(NOTICE_PERIODS[t.from as keyof typeof NOTICE_PERIODS]);
    }
  });

  it('offers a village team only its own steps', () => {
    expect(nextSteps('NOT_POOR', 'VILLAGE')).toEqual(['APPLIED']);
    expect(nextSteps('FIRST_NOTICE', 'VILLAGE')).toEqual([]);
    expect(nextSteps('FIRST_NOTICE', 'TOWNSHIP')).toEqual(['TOWNSHIP_REVIEWED', 'NOT_POOR']);
    expect(nextSteps('REGISTERED_POOR', 'TOWNSHIP')).toEqual(['EXIT_APPRAISED', 'REMOVAL_PROPOSED']);
  });
});

describe('notice periods (policy days, China calendar days)', () => {
  const posted = new Date('2024-03-01T23:30:00+08:00');
  it.each(Object.entries(NOTICE_PERIODS))('%s is left forward only after its own period', (status, field) => {
    const forward = TRANSITIONS.find((t) => t.from === status && t.period);
    expect(forward?.period).toBe(field);
    const periods = { ...PERIODS, [field]: 10 };
    const input = {
      ...base,
      from: forward!.from,
      to: forward!.to,
      level: 'COUNTY' as const,
      statusSince: posted,
      periods,
    };
    expect(checkTransition({ ...input, now: new Date('2024-03-10T23:59:00+08:00') })).toEqual({
      ok: false,
      reason: 'noticeTooShort',
      daysLeft: 1,
      until: '2024-03-11',
    });
    expect(checkTransition({ ...input, now: new Date('2024-03-11T00:00:00+08:00') })).toEqual({ ok: true });
  });

  it('counts China days, the posting day as day 0', () => {
    expect(noticeDaysElapsed(new Date('2024-03-01T16:30:00Z'), new Date('2024-03-02T15:59:00Z'))).toBe(0);
    expect(noticeDaysElapsed(new Date('2024-03-01T16:30:00Z'), new Date('2024-03-02T16:00:00Z'))).toBe(1);
    expect(noticePeriod(new Date('2024-02-25T12:00:00+08:00'), 7)).toEqual({ from: '2024-02-25', until: '2024-03-03' });
  });

  it('lets a notice be rejected at once, with a reason', () => {
    const now = new Date();
    const reject = {
      ...base,
      from: 'FIRST_NOTICE' as const,
      to: 'NOT_POOR' as const,
      level: 'TOWNSHIP' as const,
      statusSince: now,
      now,
    };
    expect(checkTransition(reject)).toEqual({ ok: true });
    expect(checkTransition({ ...reject, step: {} })).toEqual({ ok: false, reason: 'reasonMissing' });
  });
});

describe('what a step records', () => {
  const appraise = { ...base, from: 'APPLIED' as const, to: 'APPRAISED' as const, level: 'VILLAGE' as const };
  it('needs the appraisal date, attendance and an agreeing result', () => {
    expect(checkTransition({ ...appraise, step: {} })).toEqual({ ok: false, reason: 'appraisalMissing' });
    expect(checkTransition({ ...appraise, step: { ...EVERYTHING, attendees: undefined } })).toMatchObject({
      reason: 'appraisalMissing',
    });
    expect(checkTransition({ ...appraise, step: { ...EVERYTHING, appraisalResult: 'REJECTED' } })).toMatchObject({
      reason: 'appraisalRejected',
    });
    expect(checkTransition({ ...appraise, step: { ...EVERYTHING, appraisalOn: '2024-06-02' } })).toMatchObject({
      reason: 'appraisalFuture',
    });
  });
  it("needs the township's signature (签字背书) on its review", () => {
    const review = {
      ...base,
      from: 'FIRST_NOTICE' as const,
      to: 'TOWNSHIP_REVIEWED' as const,
      level: 'TOWNSHIP' as const,
    };
    expect(checkTransition({ ...review, step: { ...EVERYTHING, vouch: false } })).toEqual({
      ok: false,
      reason: 'vouchMissing',
    });
    expect(checkTransition({ ...review, from: 'EXIT_NOTICE', to: 'EXIT_REVIEWED', step: {} })).toMatchObject({
      reason: 'vouchMissing',
    });
  });
  it('needs a reason for a removal and a cause for a return', () => {
    expect(
      checkTransition({ ...base, from: 'REGISTERED_POOR', to: 'REMOVAL_PROPOSED', level: 'TOWNSHIP', step: {} }),
    ).toMatchObject({ reason: 'reasonMissing' });
    expect(
      checkTransition({ ...base, from: 'LIFTED_OUT', to: 'RETURN_NOTICE', level: 'TOWNSHIP', step: {} }),
    ).toMatchObject({ reason: 'causeMissing' });
  });
  it('puts each refusal beside its field', () => {
    expect(refusalField({ ok: false, reason: 'vouchMissing' })).toBe('vouch');
    expect(refusalField({ ok: false, reason: 'causeMissing' })).toBe('returnCause');
    expect(refusalField({ ok: false, reason: 'appraisalMissing' })).toBe('appraisalOn');
    expect(refusalField({ ok: false, reason: 'noticeTooShort' })).toBe('to');
  });
  it('stores the signer, the assessed year (China time) and only what the step needs', () => {
    const signer = { userId: 7, name: '乡镇 王' };
    const newYearsEve = new Date('2024-12-31T17:00:00Z'); // 2025-01-01 01:00 in China
    expect(stepDetails('FIRST_NOTICE', 'TOWNSHIP_REVIEWED', EVERYTHING, signer, newYearsEve)).toEqual({
      vouch: { userId: 7, name: '乡镇 王', on: '2025-01-01' },
    });
    expect(stepDetails('REGISTERED_POOR', 'EXIT_APPRAISED', EVERYTHING, signer, newYearsEve)).toEqual({
      appraisal: { on: '2024-05-30', attendees: 35, result: 'AGREED', assessYear: 2025 },
    });
    expect(stepDetails('MONITORED', 'RETURN_NOTICE', EVERYTHING, signer, newYearsEve)).toEqual({
      cause: 'ILLNESS',
      reason: '识别不准',
    });
    expect(stepDetails('APPRAISED', 'FIRST_NOTICE', EVERYTHING, signer, newYearsEve)).toBeNull();
  });
});

describe('exit rule of the assessed year', () => {
  it('passes income exactly at the line and fails one yuan below', () => {
    expect(exitProblems(PASSING_EXIT)).toEqual([]);
    expect(exitProblems({ ...PASSING_EXIT, perCapitaIncomeYuan: 3999 })).toEqual(['income']);
    expect(exitProblems({ ...PASSING_EXIT, perCapitaIncomeYuan: null })).toEqual(['noIncome']);
  });
  it('treats an unverified guarantee as unknown, never as met', () => {
    const guarantees = { ...PASSING_EXIT.guarantees, housing: null, water: false };
    expect(exitProblems({ ...PASSING_EXIT, guarantees })).toEqual(['housingUnverified', 'water']);
    expect(exitProblems({ ...PASSING_EXIT, guarantees: latestGuarantees([]) })).toEqual([
      'foodUnverified',
      'clothingUnverified',
      'educationUnverified',
      'medicalUnverified',
      'housingUnverified',
      'waterUnverified',
    ]);
  });
  it('refuses with an open urgent problem', () => {
    expect(exitProblems({ ...PASSING_EXIT, openUrgentProblems: 1 })).toEqual(['urgentProblem']);
  });
  it('takes the latest check of each guarantee', () => {
    const state = latestGuarantees([
      { item: 'foodSecure', met: false },
      { item: 'foodSecure', met: true },
      { item: 'waterSecure', met: true },
    ]);
    expect(state).toMatchObject({ food: false, water: true, housing: null });
  });
  it.each([
    ['REGISTERED_POOR', 'EXIT_APPRAISED', 'VILLAGE'],
    ['RETURNED_TO_POVERTY', 'EXIT_APPRAISED', 'VILLAGE'],
    ['EXIT_ANNOUNCEMENT', 'LIFTED_OUT', 'COUNTY'],
  ] as const)('guards %s → %s, failing closed without facts', (from, to, level) => {
    const failing = { ...PASSING_EXIT, perCapitaIncomeYuan: 100 };
    expect(checkTransition({ ...base, from, to, level, exit: failing })).toEqual({
      ok: false,
      reason: 'exitRule',
      problems: ['income'],
    });
    expect(checkTransition({ ...base, from, to, level, exit: undefined })).toEqual({ ok: false, reason: 'exitRule' });
  });
  it('says why in words keys', () => {
    expect(refusalMessage({ ok: false, reason: 'exitRule', problems: ['income', 'foodUnverified'] })).toEqual({
      key: 'households.exitRefused',
      params: { problems: 'households.exitProblems.income|households.exitProblems.foodUnverified' },
    });
    expect(refusalMessage({ ok: false, reason: 'noticeTooShort', daysLeft: 2, until: '2024-03-11' })).toEqual({
      key: 'households.noticeTooShort',
      params: { days: 2, until: '2024-03-11' },
    });
    expect(refusalMessage({ ok: false, reason: 'vouchMissing' })).toEqual({
      key: 'households.stepRefusals.vouchMissing',
    });
  });
});

describe('per-capita income', () => {
  it('sums the four components, divides by the members, rounds, null without members', () => {
    expect(perCapitaIncome({ wageYuan: 9000, productionYuan: 2000, propertyYuan: 500, transferYuan: 500 }, 3)).toBe(
      4000,
    );
    expect(perCapitaIncome({ wageYuan: 10, productionYuan: 0, propertyYuan: 0, transferYuan: 0 }, 3)).toBe(3);
    expect(perCapitaIncome({ wageYuan: 10, productionYuan: 0, propertyYuan: 0, transferYuan: 0 }, 0)).toBeNull();
  });
});

describe('status groups', () => {
  it('are disjoint and, with NOT_POOR, cover every status once', () => {
    const all = ['NOT_POOR', ...POOR_STATUSES, ...IN_REGISTRATION, ...LIFTED_STATUSES, ...REMOVED_STATUSES];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...STATUSES].sort());
  });
  it('count removed households apart from lifted ones', () => {
    expect(LIFTED_STATUSES).not.toContain('REMOVED');
    expect(POOR_STATUSES).toContain('REMOVAL_NOTICE');
  });
});

describe('years a step records', () => {
  it('records the exit year when lifted out and the identification year when registered', () => {
    expect(yearsOfStep('EXIT_ANNOUNCEMENT', 'LIFTED_OUT', 2024)).toEqual({ exitYear: 2024 });
    expect(yearsOfStep('COUNTY_ANNOUNCEMENT', 'REGISTERED_POOR', 2024)).toEqual({ identifiedYear: 2024 });
    expect(yearsOfStep('REMOVAL_PROPOSED', 'REGISTERED_POOR', 2024)).toEqual({});
    expect(yearsOfStep('RETURN_NOTICE', 'LIFTED_OUT', 2024)).toEqual({});
  });
  it('reads the actor level from the code length', () => {
    expect(actorLevelOf('990102101201')).toBe('VILLAGE');
    expect(actorLevelOf('990102101')).toBe('TOWNSHIP');
    expect(actorLevelOf('990102')).toBe('COUNTY');
  });
});
