import { describe, expect, it } from 'vitest';
import {
  AT_RISK_MARGIN_PERCENT,
  CLOCK_SKEW_MS,
  checkInTiming,
  type DayKind,
  type DayRecord,
  distanceMeters,
  leaderMonth,
  leaderMonthFromCount,
  locationCheck,
  monthRuleYear,
  type Posting,
  requiredForYear,
  validateRecord,
  worseStatus,
  yearSummary,
  yearSummaryFromCounts,
} from '@/lib/attendance/rules';
import {
  chinaDate,
  chinaHour,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  daysInMonth,
  daysInYear,
  isCalendarDate,
  isLeapYear,
} from '@/lib/time';

const POLICY = { villageDaysPerYear: 220, villageNightsPerYear: 160, leaderDaysPerMonth: 20 };
const OPEN_2025: Posting = { start: '2025-01-01', end: null };

/** `count` consecutive days of `kind` from `first` (written without the rules' helpers). */
function run(first: string, count: number, kind: DayKind): DayRecord[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    kind,
  }));
}

/** `count` consecutive days of `kind` ending on `last`. */
function runTo(last: string, count: number, kind: DayKind): DayRecord[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return run(new Date(end - (count - 1) * 86_400_000).toISOString().slice(0, 10), count, kind);
}

describe('calendar days', () => {
  it('knows leap years, including the century rule', () => {
    expect([2024, 2025, 2000, 1900, 2100].map(isLeapYear)).toEqual([true, false, true, false, false]);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2025)).toBe(365);
  });

  it('knows the length of each month, February by year', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
    expect(() => daysInMonth(2025, 0)).toThrow(RangeError);
  });

  it('counts days between calendar days across the leap day', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-2-1')).toBe(false);
    expect(isCalendarDate('2025-02-01T00:00')).toBe(false);
    expect(isCalendarDate('0099-01-01')).toBe(false); // Date.UTC would read it as 1999
    expect(() => dayNumber('2025-02-29')).toThrow(RangeError);
  });

  it('round-trips day numbers', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dateOfDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(dateOfDayNumber(dayNumber('2024-02-29') + 1)).toBe('2024-03-01');
  });
});

describe('requiredForYear', () => {
  it('asks exactly the policy figures for a whole year, leap or not', () => {
    expect(requiredForYear(POLICY, 2024, { start: '2024-01-01', end: '2024-12-31' })).toEqual({
      postedDays: 366,
      days: 220,
      nights: 160,
    });
    expect(requiredForYear(POLICY, 2025, OPEN_2025)).toEqual({ postedDays: 365, days: 220, nights: 160 });
    // A posting running across the year counts the whole year.
    expect(requiredForYear(POLICY, 2025, { start: '2023-09-01', end: '2026-08-31' })).toEqual({
      postedDays: 365,
      days: 220,
      nights: 160,
    });
  });

  it('pro-rates a posting that starts mid-year, rounding up', () => {
    // 184 days from 1 July: 220 × 184 / 365 = 110.90 → 111; 160 × 184 / 365 = 80.66 → 81.
    expect(requiredForYear(POLICY, 2025, { start: '2025-07-01', end: null })).toEqual({
      postedDays: 184,
      days: 111,
      nights: 81,
    });
  });

  it('pro-rates a posting that ends mid-year, rounding up where rounding to nearest would go down', () => {
    // 181 days to 30 June: 220 × 181 / 365 = 109.09 → 110 (not 109); 160 × 181 / 365 = 79.34 → 80 (not 79).
    expect(requiredForYear(POLICY, 2025, { start: '2023-01-01', end: '2025-06-30' })).toEqual({
      postedDays: 181,
      days: 110,
      nights: 80,
    });
  });

  it('divides by 366 in a leap year', () => {
    // 306 days from 1 March either way: 220 × 306 / 366 = 183.93 → 184, but / 365 = 184.38 → 185.
    expect(requiredForYear(POLICY, 2024, { start: '2024-03-01', end: null })).toEqual({
      postedDays: 306,
      days: 184,
      nights: 134,
    });
    expect(requiredForYear(POLICY, 2025, { start: '2025-03-01', end: null })).toEqual({
      postedDays: 306,
      days: 185,
      nights: 135,
    });
  });

  it('asks nothing outside the posting and refuses a posting that ends before it starts', () => {
    expect(requiredForYear(POLICY, 2025, { start: '2026-01-01', end: null })).toEqual({
      postedDays: 0,
      days: 0,
      nights: 0,
    });
    expect(requiredForYear(POLICY, 2025, { start: '2022-01-01', end: '2024-12-31' })).toEqual({
      postedDays: 0,
      days: 0,
      nights: 0,
    });
    expect(() => requiredForYear(POLICY, 2025, { start: '2025-06-01', end: '2025-05-31' })).toThrow(RangeError);
  });

  it('takes the numbers from the policy, not from code', () => {
    expect(
      requiredForYear({ ...POLICY, villageDaysPerYear: 200, villageNightsPerYear: 150 }, 2025, OPEN_2025),
    ).toMatchObject({ days: 200, nights: 150 });
  });
});

describe('yearSummary: meeting the year', () => {
  const AFTER_2025 = '2026-01-10';

  it('treats 219 days as not met and 220 as met', () => {
    const base = [...run('2025-01-01', 160, 'OVERNIGHT'), ...run('2025-06-10', 59, 'IN_VILLAGE')];
    const short = yearSummary(base, POLICY, 2025, OPEN_2025, AFTER_2025);
    expect(short.days).toMatchObject({ done: 219, required: 220, shortfall: 1, status: 'MISSED' });
    expect(short.nights.status).toBe('MET');
    expect(short.status).toBe('MISSED');

    const met = yearSummary([...base, { date: '2025-12-31', kind: 'IN_VILLAGE' }], POLICY, 2025, OPEN_2025, AFTER_2025);
    expect(met.days).toMatchObject({ done: 220, shortfall: 0, status: 'MET' });
    expect(met.status).toBe('MET');
  });

  it('treats 159 nights as not met and 160 as met', () => {
    const base = [...run('2025-01-01', 159, 'OVERNIGHT'), ...run('2025-07-01', 61, 'IN_VILLAGE')];
    const short = yearSummary(base, POLICY, 2025, OPEN_2025, AFTER_2025);
    expect(short.days).toMatchObject({ done: 220, status: 'MET' });
    expect(short.nights).toMatchObject({ done: 159, required: 160, shortfall: 1, status: 'MISSED' });
    expect(short.status).toBe('MISSED');

    const met = yearSummary([...base, { date: '2025-12-31', kind: 'OVERNIGHT' }], POLICY, 2025, OPEN_2025, AFTER_2025);
    expect(met.nights).toMatchObject({ done: 160, status: 'MET' });
    expect(met.status).toBe('MET');
  });

  it('counts a night in the village as a day in the village too', () => {
    const s = yearSummary(run('2025-03-01', 5, 'OVERNIGHT'), POLICY, 2025, OPEN_2025, '2025-03-31');
    expect(s.days.done).toBe(5);
    expect(s.nights.done).toBe(5);
    expect(s.away).toEqual({ LEAVE: 0, TRAINING: 0, MEETING: 0, BUSINESS_TRIP: 0 });
  });

  it('counts days away by kind, days without a record, and records it cannot count', () => {
    const posting: Posting = { start: '2025-03-01', end: null };
    const records: DayRecord[] = [
      { date: '2024-12-01', kind: 'IN_VILLAGE' }, // another year: neither counted nor flagged
      { date: '2025-02-28', kind: 'IN_VILLAGE' }, // before the posting
      ...run('2025-03-01', 2, 'IN_VILLAGE'),
      { date: '2025-03-03', kind: 'OVERNIGHT' },
      { date: '2025-03-04', kind: 'LEAVE' },
      { date: '2025-03-05', kind: 'LEAVE' },
      { date: '2025-03-06', kind: 'TRAINING' },
      { date: '2025-03-07', kind: 'MEETING' },
      { date: '2025-03-09', kind: 'BUSINESS_TRIP' },
      { date: '2025-03-11', kind: 'IN_VILLAGE' }, // after today
    ];
    const s = yearSummary(records, POLICY, 2025, posting, '2025-03-10');
    expect(s.days.done).toBe(3);
    expect(s.nights.done).toBe(1);
    expect(s.away).toEqual({ LEAVE: 2, TRAINING: 1, MEETING: 1, BUSINESS_TRIP: 1 });
    expect(s.elapsedPostedDays).toBe(10);
    expect(s.unrecorded).toBe(2); // 8 March and today, 10 March
    expect(s.ignoredRecords).toBe(2);
    expect(s.postedDays).toBe(306);
    expect(s.remainingPostedDays).toBe(296);
  });

  it('refuses two records for one day', () => {
    const records: DayRecord[] = [
      { date: '2025-03-01', kind: 'IN_VILLAGE' },
      { date: '2025-03-01', kind: 'OVERNIGHT' },
    ];
    expect(() => yearSummary(records, POLICY, 2025, OPEN_2025, '2025-03-10')).toThrow(/2025-03-01/);
  });
});

describe('yearSummary: projection', () => {
  it('puts a member at 60% pace at the end of June AT_RISK, not WILL_MISS', () => {
    // 109 of 181 days (60%): 109 × 365 / 181 = 219.8 → 219 < 220, yet 109 + 184 days left could still make it.
    const s = yearSummary(runTo('2025-06-30', 109, 'OVERNIGHT'), POLICY, 2025, OPEN_2025, '2025-06-30');
    expect(s.elapsedPostedDays).toBe(181);
    expect(s.remainingPostedDays).toBe(184);
    expect(s.days).toMatchObject({ done: 109, shortfall: 111, projected: 219, status: 'AT_RISK' });
    // The same nights project 219 ≥ 160 × 1.05: the nights are fine, the worse status wins.
    expect(s.nights.status).toBe('ON_TRACK');
    expect(s.status).toBe('AT_RISK');
  });

  it('keeps a slow member AT_RISK while the requirement can still be reached', () => {
    // 30% pace: projects 108, but 54 + 184 = 238 ≥ 220.
    const s = yearSummary(runTo('2025-06-30', 54, 'IN_VILLAGE'), POLICY, 2025, OPEN_2025, '2025-06-30');
    expect(s.days.projected).toBe(108);
    expect(s.days.status).toBe('AT_RISK');
  });

  it(`flags a projection less than ${AT_RISK_MARGIN_PERCENT}% above the requirement`, () => {
    // 113 × 365 / 181 = 227.9 → 227: above 220 but below 231.
    const close = yearSummary(runTo('2025-06-30', 113, 'OVERNIGHT'), POLICY, 2025, OPEN_2025, '2025-06-30');
    expect(close.days).toMatchObject({ projected: 227, status: 'AT_RISK' });
    // 115 × 365 / 181 = 231.9 → 231 = 220 × 1.05 exactly: on track.
    const clear = yearSummary(runTo('2025-06-30', 115, 'OVERNIGHT'), POLICY, 2025, OPEN_2025, '2025-06-30');
    expect(clear.days).toMatchObject({ projected: 231, status: 'ON_TRACK' });
    expect(clear.status).toBe('ON_TRACK');
  });

  it('says WILL_MISS once 220 cannot be reached even in the village every remaining day', () => {
    // 31 October: 61 posted days after today. 158 + 61 + today = 220 is still just possible...
    const records = run('2025-01-01', 158, 'OVERNIGHT');
    const open = yearSummary(records, POLICY, 2025, OPEN_2025, '2025-10-31');
    expect(open.days.status).toBe('AT_RISK');
    // ...but not once today is recorded away: 158 + 61 = 219.
    const away = yearSummary(
      [...records, { date: '2025-10-31', kind: 'MEETING' }],
      POLICY,
      2025,
      OPEN_2025,
      '2025-10-31',
    );
    expect(away.days).toMatchObject({ done: 158, shortfall: 62, status: 'WILL_MISS' });
    expect(away.nights.status).not.toBe('WILL_MISS');
    expect(away.status).toBe('WILL_MISS');
  });

  it('says WILL_MISS for nights even when the days are met', () => {
    const records = [...run('2025-01-01', 100, 'OVERNIGHT'), ...run('2025-05-01', 150, 'IN_VILLAGE')];
    const s = yearSummary(records, POLICY, 2025, OPEN_2025, '2025-11-30');
    expect(s.days.status).toBe('MET');
    expect(s.nights.status).toBe('WILL_MISS'); // 100 + 31 days after today + today = 132 < 160
    expect(s.status).toBe('WILL_MISS');
  });

  it('says MET for a member already at 220 days and 160 nights in November', () => {
    const records = [...run('2025-01-01', 160, 'OVERNIGHT'), ...run('2025-06-15', 60, 'IN_VILLAGE')];
    const s = yearSummary(records, POLICY, 2025, OPEN_2025, '2025-11-15');
    expect(s.days).toMatchObject({ done: 220, shortfall: 0, status: 'MET' });
    expect(s.nights).toMatchObject({ done: 160, status: 'MET' });
    expect(s.status).toBe('MET');
  });

  it('says MISSED for a past leap year not met, and MET for one met', () => {
    const posting: Posting = { start: '2024-01-01', end: null };
    const missed = yearSummary(run('2024-01-01', 219, 'OVERNIGHT'), POLICY, 2024, posting, '2025-02-01');
    expect(missed.remainingPostedDays).toBe(0);
    expect(missed.days).toMatchObject({ required: 220, status: 'MISSED' });
    expect(missed.status).toBe('MISSED');
    const met = yearSummary(run('2024-01-01', 220, 'OVERNIGHT'), POLICY, 2024, posting, '2025-02-01');
    expect(met.status).toBe('MET');
  });

  it('closes the year when the posting ends before the year does', () => {
    const posting: Posting = { start: '2024-01-01', end: '2025-06-30' }; // owes 110 days, 80 nights in 2025
    const short = yearSummary(run('2025-01-01', 109, 'OVERNIGHT'), POLICY, 2025, posting, '2025-09-01');
    expect(short.remainingPostedDays).toBe(0);
    expect(short.days).toMatchObject({ required: 110, status: 'MISSED' });
    const met = yearSummary(run('2025-01-01', 110, 'OVERNIGHT'), POLICY, 2025, posting, '2025-09-01');
    expect(met.status).toBe('MET');
  });

  it('is ON_TRACK with nothing projected before the posting starts', () => {
    const s = yearSummary([], POLICY, 2025, { start: '2025-09-01', end: null }, '2025-06-01');
    expect(s.elapsedPostedDays).toBe(0);
    expect(s.remainingPostedDays).toBe(122);
    expect(s.unrecorded).toBe(0);
    // 220 × 122 / 365 = 73.5 → 74.
    expect(s.days).toMatchObject({ done: 0, required: 74, projected: null, status: 'ON_TRACK' });
    expect(s.status).toBe('ON_TRACK');
  });

  it('is ON_TRACK with nothing projected for a year not begun', () => {
    const s = yearSummary([], POLICY, 2026, { start: '2025-03-01', end: null }, '2025-12-20');
    expect(s.days).toMatchObject({ required: 220, projected: null, status: 'ON_TRACK' });
  });

  it('does not count today against the pace until it is recorded', () => {
    // 1 January, nothing entered yet: no pace, not a projection of zero.
    const morning = yearSummary([], POLICY, 2025, OPEN_2025, '2025-01-01');
    expect(morning.unrecorded).toBe(1);
    expect(morning.days).toMatchObject({ projected: null, status: 'ON_TRACK' });
    // Recorded away: now one day has passed at a pace of zero.
    const away = yearSummary([{ date: '2025-01-01', kind: 'LEAVE' }], POLICY, 2025, OPEN_2025, '2025-01-01');
    expect(away.days).toMatchObject({ projected: 0, status: 'AT_RISK' });
    // In the village: pace 1, projects the whole year.
    const there = yearSummary([{ date: '2025-01-01', kind: 'IN_VILLAGE' }], POLICY, 2025, OPEN_2025, '2025-01-01');
    expect(there.days).toMatchObject({ projected: 365, status: 'ON_TRACK' });
  });

  it('is NOT_POSTED for a year outside the posting', () => {
    const s = yearSummary([], POLICY, 2025, { start: '2022-01-01', end: '2024-12-31' }, '2025-06-01');
    expect(s.postedDays).toBe(0);
    expect(s.days).toMatchObject({ required: 0, status: 'NOT_POSTED' });
    expect(s.status).toBe('NOT_POSTED');
  });

  it('ranks statuses so the worse one wins', () => {
    expect(worseStatus('MET', 'AT_RISK')).toBe('AT_RISK');
    expect(worseStatus('WILL_MISS', 'ON_TRACK')).toBe('WILL_MISS');
    expect(worseStatus('MISSED', 'MET')).toBe('MISSED');
    expect(worseStatus('ON_TRACK', 'MET')).toBe('ON_TRACK');
  });
});

describe('leaderMonth', () => {
  const posting: Posting = { start: '2024-01-01', end: null };

  it('treats 19 days in a month as missed and 20 as met', () => {
    const short = leaderMonth(run('2025-03-01', 19, 'IN_VILLAGE'), POLICY, 2025, 3, posting, '2025-04-05');
    expect(short).toEqual({
      month: '2025-03',
      postedDays: 31,
      done: 19,
      required: 20,
      remainingPostedDays: 0,
      status: 'MISSED',
    });
    const met = leaderMonth(run('2025-03-01', 20, 'IN_VILLAGE'), POLICY, 2025, 3, posting, '2025-04-05');
    expect(met).toMatchObject({ done: 20, status: 'MET' });
  });

  it('counts nights as days and ignores days away and other months', () => {
    const records = [
      ...run('2025-02-20', 9, 'IN_VILLAGE'), // February
      ...run('2025-03-01', 15, 'OVERNIGHT'),
      ...run('2025-03-16', 5, 'IN_VILLAGE'),
      ...run('2025-03-21', 11, 'TRAINING'),
    ];
    expect(leaderMonth(records, POLICY, 2025, 3, posting, '2025-04-05')).toMatchObject({ done: 20, status: 'MET' });
  });

  it('is REACHABLE while enough days are left, MISSED once they are not', () => {
    // 20 March: 11 days after today plus today itself, unrecorded.
    const ten = leaderMonth(run('2025-03-01', 10, 'IN_VILLAGE'), POLICY, 2025, 3, posting, '2025-03-20');
    expect(ten).toMatchObject({ done: 10, remainingPostedDays: 11, status: 'REACHABLE' });
    const eightToday = [...run('2025-03-01', 8, 'IN_VILLAGE'), { date: '2025-03-20', kind: 'LEAVE' as const }];
    expect(leaderMonth(eightToday, POLICY, 2025, 3, posting, '2025-03-20')).toMatchObject({
      done: 8,
      status: 'MISSED',
    }); // 8 + 11 = 19
    const eightOpen = run('2025-03-01', 8, 'IN_VILLAGE');
    expect(leaderMonth(eightOpen, POLICY, 2025, 3, posting, '2025-03-20')).toMatchObject({ status: 'REACHABLE' }); // 8 + 11 + today = 20
  });

  it('pro-rates a partial month, with 29 days in a leap February', () => {
    // From 15 February: 15 of 29 days in 2024 → 20 × 15 / 29 = 10.3 → 11; 14 of 28 in 2025 → exactly 10.
    const leap = leaderMonth([], POLICY, 2024, 2, { start: '2024-02-15', end: null }, '2024-03-10');
    expect(leap).toMatchObject({ month: '2024-02', postedDays: 15, required: 11, status: 'MISSED' });
    const common = leaderMonth([], POLICY, 2025, 2, { start: '2025-02-15', end: null }, '2025-03-10');
    expect(common).toMatchObject({ postedDays: 14, required: 10 });
    // A whole February asks the full 20 whatever its length.
    expect(leaderMonth([], POLICY, 2024, 2, posting, '2024-03-10').required).toBe(20);
    // Ending mid-month: 1-10 March is 10 of 31 days → 6.45 → 7.
    const ended = leaderMonth(
      run('2025-03-01', 7, 'IN_VILLAGE'),
      POLICY,
      2025,
      3,
      { start: '2024-01-01', end: '2025-03-10' },
      '2025-03-20',
    );
    expect(ended).toMatchObject({ postedDays: 10, required: 7, remainingPostedDays: 0, status: 'MET' });
  });

  it('is NOT_POSTED for a month outside the posting', () => {
    expect(leaderMonth([], POLICY, 2023, 12, posting, '2025-03-10')).toMatchObject({
      postedDays: 0,
      required: 0,
      status: 'NOT_POSTED',
    });
  });
});

describe('validateRecord', () => {
  const context = {
    today: '2025-06-15',
    posting: { start: '2025-03-01', end: '2025-09-30' },
    signedOffMonths: ['2025-04'],
  };

  it('accepts today and an open past day inside the posting', () => {
    expect(validateRecord({ date: '2025-06-15', kind: 'OVERNIGHT' }, context)).toEqual([]);
    expect(validateRecord({ date: '2025-05-31', kind: 'IN_VILLAGE' }, context)).toEqual([]);
  });

  it('refuses a future date', () => {
    expect(validateRecord({ date: '2025-06-16', kind: 'IN_VILLAGE' }, context)).toEqual(['future']);
  });

  it('refuses a date in a signed-off month', () => {
    expect(validateRecord({ date: '2025-04-30', kind: 'LEAVE' }, context)).toEqual(['monthSignedOff']);
    expect(validateRecord({ date: '2025-05-01', kind: 'LEAVE' }, context)).toEqual([]);
  });

  it('refuses a date outside the posting, at both ends', () => {
    expect(validateRecord({ date: '2025-02-28', kind: 'IN_VILLAGE' }, context)).toEqual(['outsidePosting']);
    expect(validateRecord({ date: '2025-03-01', kind: 'IN_VILLAGE' }, context)).toEqual([]);
    const later = { ...context, today: '2025-10-15' };
    expect(validateRecord({ date: '2025-09-30', kind: 'IN_VILLAGE' }, later)).toEqual([]);
    expect(validateRecord({ date: '2025-10-01', kind: 'IN_VILLAGE' }, later)).toEqual(['outsidePosting']);
  });

  it('lists every problem at once', () => {
    const closed = { ...context, signedOffMonths: ['2025-10'] };
    expect(validateRecord({ date: '2025-10-01', kind: 'IN_VILLAGE' }, closed)).toEqual([
      'future',
      'outsidePosting',
      'monthSignedOff',
    ]);
  });

  it('refuses a date that is not a calendar day', () => {
    expect(validateRecord({ date: '2025-02-29', kind: 'IN_VILLAGE' }, context)).toEqual(['invalidDate']);
    expect(validateRecord({ date: '15/06/2025', kind: 'IN_VILLAGE' }, context)).toEqual(['invalidDate']);
  });
});

describe('yearSummaryFromCounts', () => {
  const policy = { villageDaysPerYear: 220, villageNightsPerYear: 160, leaderDaysPerMonth: 20 };
  it('agrees with yearSummary on the same records (with and without a record today)', () => {
    const posting = { start: '2026-03-10', end: null };
    for (const today of ['2026-07-01', '2026-07-02']) {
      const records: { date: string; kind: 'OVERNIGHT' | 'IN_VILLAGE' | 'LEAVE' }[] = [];
      for (let n = dayNumber('2026-03-10'); n <= dayNumber('2026-07-01'); n++) {
        records.push({
          date: dateOfDayNumber(n),
          kind: n % 5 === 0 ? 'LEAVE' : n % 3 === 0 ? 'IN_VILLAGE' : 'OVERNIGHT',
        });
      }
      const full = yearSummary(records, policy, 2026, posting, today);
      const counts = {
        days: records.filter((r) => r.kind !== 'LEAVE').length,
        nights: records.filter((r) => r.kind === 'OVERNIGHT').length,
        away: { LEAVE: records.filter((r) => r.kind === 'LEAVE').length, TRAINING: 0, MEETING: 0, BUSINESS_TRIP: 0 },
        recorded: records.length,
        todayRecorded: records.some((r) => r.date === today),
      };
      expect(yearSummaryFromCounts(counts, policy, 2026, posting, today)).toEqual(full);
    }
  });
});

describe('location check', () => {
  const village = { lat: 34.291289, lng: 105.392549 };
  it('measures great-circle distance (1° of latitude ≈ 111.2 km)', () => {
    expect(Math.round(distanceMeters({ lat: 34, lng: 105 }, { lat: 35, lng: 105 }) / 100)).toBe(1112);
  });
  it('inside at the radius, outside just beyond, none without a fix or a village point', () => {
    const north = (m: number) => ({ lat: village.lat + m / 111_195, lng: village.lng });
    expect(locationCheck(north(1490), village, 1500).check).toBe('INSIDE');
    expect(locationCheck(north(1520), village, 1500).check).toBe('OUTSIDE');
    expect(locationCheck(null, village, 1500)).toEqual({ check: 'NONE', distance: null });
    expect(locationCheck(north(10), null, 1500)).toEqual({ check: 'NONE', distance: null });
  });
});

describe('China time', () => {
  it('turns an instant into the China day and hour (UTC+8, no daylight saving)', () => {
    expect(chinaDate(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(chinaDate(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
    expect(chinaHour(new Date('2026-12-01T10:00:00Z'))).toBe(18);
    expect(chinaHour(new Date('2026-12-01T09:59:59Z'))).toBe(17);
  });
});

describe('the time of an offline check-in (checkInTiming)', () => {
  const policy = { lateSyncHours: 24, offlineCheckinDays: 3 };
  const at = (iso: string) => new Date(iso);
  const HOUR = 3600 * 1000;

  it('counts for the tap: yesterday 20:30 China time sent this morning is yesterday’s night, not late', () => {
    const timing = checkInTiming(at('2026-12-04T20:30:00+08:00'), at('2026-12-05T08:00:00+08:00'), policy);
    expect(timing).toEqual({
      ok: true,
      at: at('2026-12-04T20:30:00+08:00'),
      day: '2026-12-04',
      evening: true,
      late: false,
    });
  });

  it('splits day and night at 18:00 China time by the tap, whatever the arrival', () => {
    const sent = at('2026-12-05T18:30:00+08:00');
    expect(checkInTiming(at('2026-12-05T17:59:59+08:00'), sent, policy)).toMatchObject({
      day: '2026-12-05',
      evening: false,
    });
    expect(checkInTiming(at('2026-12-05T18:00:00+08:00'), sent, policy)).toMatchObject({
      day: '2026-12-05',
      evening: true,
    });
    // 23:59 China time is 15:59 UTC: still that China day.
    expect(checkInTiming(at('2026-12-04T15:59:00Z'), sent, policy)).toMatchObject({ day: '2026-12-04', evening: true });
  });

  it('marks a check-in received more than lateSyncHours after the tap, and only then', () => {
    const tap = at('2026-12-03T09:00:00+08:00');
    expect(checkInTiming(tap, new Date(tap.getTime() + 24 * HOUR), policy)).toMatchObject({ ok: true, late: false });
    expect(checkInTiming(tap, new Date(tap.getTime() + 24 * HOUR + 1000), policy)).toMatchObject({
      ok: true,
      late: true,
    });
    expect(checkInTiming(tap, new Date(tap.getTime() + 2 * HOUR), { ...policy, lateSyncHours: 1 })).toMatchObject({
      late: true,
    });
  });

  it('refuses a tap older than offlineCheckinDays × 24 hours', () => {
    const tap = at('2026-12-01T09:00:00+08:00');
    expect(checkInTiming(tap, new Date(tap.getTime() + 72 * HOUR), policy)).toMatchObject({ ok: true, late: true });
    expect(checkInTiming(tap, new Date(tap.getTime() + 72 * HOUR + 1000), policy)).toEqual({
      ok: false,
      key: 'attendance.tapTooOld',
      params: { days: 3 },
    });
  });

  it('takes a tap a little ahead of the server (clock skew) as of its arrival, and refuses one further ahead', () => {
    const sent = at('2026-12-05T17:59:30+08:00');
    const skewed = checkInTiming(new Date(sent.getTime() + CLOCK_SKEW_MS), sent, policy);
    expect(skewed).toMatchObject({ ok: true, at: sent, evening: false, late: false }); // not 18:01: the day
    expect(checkInTiming(new Date(sent.getTime() + CLOCK_SKEW_MS + 1), sent, policy)).toEqual({
      ok: false,
      key: 'attendance.tapInFuture',
    });
  });
});

describe('the monthly rule from counts (leaders and deputies, seed 001)', () => {
  const posting: Posting = { start: '2024-01-01', end: null };

  it('judges a month from its count as leaderMonth does from records', () => {
    for (const [n, today] of [
      [19, '2025-04-05'],
      [20, '2025-04-05'],
      [8, '2025-03-20'],
      [10, '2025-03-20'],
    ] as const) {
      const records = run('2025-03-01', n, 'IN_VILLAGE');
      expect(leaderMonthFromCount(n, false, POLICY, 2025, 3, posting, today)).toEqual(
        leaderMonth(records, POLICY, 2025, 3, posting, today),
      );
    }
    // Today recorded (a day away): today counts as elapsed, so 8 + 11 days left no longer reach 20.
    const away = [...run('2025-03-01', 8, 'IN_VILLAGE'), { date: '2025-03-20', kind: 'LEAVE' as const }];
    expect(leaderMonthFromCount(8, true, POLICY, 2025, 3, posting, '2025-03-20')).toEqual(
      leaderMonth(away, POLICY, 2025, 3, posting, '2025-03-20'),
    );
  });

  it('counts the months begun this year that can no longer be met, and names the current one', () => {
    const year = monthRuleYear({ 1: 22, 2: 12, 3: 5 }, false, POLICY, 2025, posting, '2025-03-20');
    expect(year.months.map((m) => m.status)).toEqual(['MET', 'MISSED', 'MISSED']); // March: 5 + 12 open < 20
    expect(year.missed).toBe(2);
    expect(year.current).toMatchObject({ month: '2025-03', done: 5, required: 20 });
    // A past year: all twelve months, none current.
    const past = monthRuleYear({}, false, POLICY, 2024, { start: '2024-11-01', end: null }, '2025-03-20');
    expect(past.months).toHaveLength(12);
    expect(past.missed).toBe(2); // November and December; the months before the posting are not posted
    expect(past.current).toBeNull();
  });
});
