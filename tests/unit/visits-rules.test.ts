import { describe, expect, it } from 'vitest';
import { LATE_ENTRY_DAYS, visitDayRefusal } from '@/lib/visits/rules';

describe('which days a visit may be entered for', () => {
  it('takes today and the last LATE_ENTRY_DAYS days, China days', () => {
    expect(visitDayRefusal('2025-03-01', '2025-03-01')).toBeNull();
    expect(visitDayRefusal('2025-01-29', '2025-03-01')).toBeNull(); // 31 days back
    expect(LATE_ENTRY_DAYS).toBe(31);
  });

  it('refuses a day to come, and one too long ago with the days allowed', () => {
    expect(visitDayRefusal('2025-03-02', '2025-03-01')).toEqual({ key: 'visits.futureDate' });
    expect(visitDayRefusal('2025-01-28', '2025-03-01')).toEqual({
      key: 'visits.tooLate',
      params: { days: LATE_ENTRY_DAYS },
    });
  });
});
