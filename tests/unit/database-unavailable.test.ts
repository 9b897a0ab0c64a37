import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/errors';

describe('isDatabaseUnavailable', () => {
  it('recognises the driver and Prisma shapes of "database gone"', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
      errno: -111,
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused], ''))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01', severity: 'FATAL' })),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'P1001' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'P2024' }))).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), {
          code: 'P2028',
        }),
      ),
    ).toBe(true);
    // Prisma's wrapper around an adapter error
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('x'), {
          code: 'P2010',
          meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } },
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('x'), { cause: { kind: 'postgres', originalCode: '57P01' } })),
    ).toBe(true);
  });

  it('leaves data errors and ordinary bugs alone', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505', severity: 'ERROR' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('Transaction API error: Transaction already closed'), { code: 'P2028' }),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    const loop: Record<string, unknown> = { message: 'x' };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
