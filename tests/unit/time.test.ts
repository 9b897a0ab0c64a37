// China time (lib/time.ts): days and years are China's whatever zone the server clock is set to.
import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  chinaHour,
  chinaMoment,
  chinaToday,
  chinaYear,
  dateOfDayNumber,
  dayNumber,
  daysInMonth,
  tryDayNumber,
} from '@/lib/time';

describe('China time', () => {
  it('turns the year at 00:00 in China (16:00 UTC on 31 December), not at the server clock', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  it('gives the China day and hour of an instant', () => {
    const instant = new Date('2026-03-01T17:30:00Z');
    expect(chinaDate(instant)).toBe('2026-03-02');
    expect(chinaToday(instant)).toBe('2026-03-02');
    expect(chinaHour(instant)).toBe(1);
  });

  it('shows an instant one way everywhere: YYYY-MM-DD HH:mm in China time, seconds where asked', () => {
    const instant = new Date('2026-03-01T16:05:09Z');
    expect(chinaMoment(instant)).toBe('2026-03-02 00:05');
    expect(chinaMoment(instant, true)).toBe('2026-03-02 00:05:09');
  });
});

describe('calendar days', () => {
  // The day numbers are worked out by arithmetic (lib/time.ts): they must agree with the calendar Date keeps.
  const DAY_MS = 86_400_000;
  it('numbers every day from 1900 to 2100 as Date.UTC does, and back', () => {
    for (let n = Date.UTC(1900, 0, 1) / DAY_MS; n <= Date.UTC(2100, 11, 31) / DAY_MS; n++) {
      const iso = new Date(n * DAY_MS).toISOString().slice(0, 10);
      expect(dateOfDayNumber(n)).toBe(iso);
      expect(dayNumber(iso)).toBe(n);
    }
  });

  it('refuses days the calendar does not have, and years before 100', () => {
    for (const bad of [
      '2025-02-29',
      '2024-02-30',
      '2100-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '0099-01-01',
      '2025-1-01',
    ])
      expect(tryDayNumber(bad)).toBeNull();
    expect(tryDayNumber('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / DAY_MS);
    expect(tryDayNumber('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / DAY_MS);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});
