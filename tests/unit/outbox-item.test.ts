import { describe, expect, it } from 'vitest';
import { parseOutboxItem } from '@/app/api/outbox/item';

const KEY = '3f2b8c1e-9a4d-4e6f-8b1a-2c3d4e5f6a7b';

describe('an outbox item (POST /api/outbox)', () => {
  it('hands the item’s key to the kinds that store one, and none to a check-in', () => {
    expect(parseOutboxItem({ kind: 'visit', clientKey: KEY, payload: { householdId: 7 } })).toEqual({
      kind: 'visit',
      clientKey: KEY,
      userId: undefined,
      input: { householdId: 7, clientKey: KEY },
    });
    expect(parseOutboxItem({ kind: 'days', clientKey: KEY, userId: 12, payload: {} })).toMatchObject({
      userId: '12',
      input: { clientKey: KEY },
    });
    expect(parseOutboxItem({ kind: 'checkin', clientKey: KEY, payload: { tappedAt: 'x' } })?.input).toEqual({
      tappedAt: 'x',
    });
  });

  it('lower-cases the key, and accepts the payload naming the same key', () => {
    const item = parseOutboxItem({ kind: 'problemStep', clientKey: KEY.toUpperCase(), payload: { clientKey: KEY } });
    expect(item?.clientKey).toBe(KEY);
    expect(item?.input.clientKey).toBe(KEY);
  });

  it('is null for anything else', () => {
    for (const raw of [
      null,
      'x',
      [],
      { kind: 'payment', clientKey: KEY, payload: {} },
      { kind: 'visit', clientKey: 'abc', payload: {} },
      { kind: 'visit', clientKey: KEY, payload: [] },
      { kind: 'visit', clientKey: KEY },
      { kind: 'visit', clientKey: KEY, payload: { clientKey: '00000000-0000-4000-8000-000000000000' } },
      { kind: 'visit', clientKey: KEY, payload: {}, userId: 'admin' },
      { kind: 'visit', clientKey: KEY, payload: {}, more: true },
    ])
      expect(parseOutboxItem(raw), JSON.stringify(raw)).toBeNull();
  });
});
