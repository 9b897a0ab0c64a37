import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '@/lib/auth/throttle';

describe('login throttle per address', () => {
  it('blocks the 21st try within 15 minutes and lets it go when the window has passed', () => {
    const throttle = new LoginThrottle(20, 15 * 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 19; i++) throttle.recordFailure('10.0.0.1', t0 + i * 1000);
    expect(throttle.blockedMinutes('10.0.0.1', t0 + 20_000)).toBe(0);
    throttle.recordFailure('10.0.0.1', t0 + 20_000);
    expect(throttle.blockedMinutes('10.0.0.1', t0 + 21_000)).toBe(15);
    expect(throttle.blockedMinutes('10.0.0.2', t0 + 21_000)).toBe(0); // other addresses unaffected
    expect(throttle.blockedMinutes('10.0.0.1', t0 + 15 * 60_000 + 1)).toBe(0); // the first failure has aged out
  });
});
