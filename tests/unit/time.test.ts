// China time (lib/time.ts): days and years are China's whatever zone the server clock is set to.
import { describe, expect, it } from 'vitest';
import { chinaDate, chinaHour, chinaMoment, chinaToday, chinaYear } from '@/lib/time';

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
