import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadSession, verifyLogin } from '@/lib/auth/data';
import { hashPassword } from '@/lib/auth/password';

const PASSWORD = 'Correct#Horse1';
const T0 = new Date('2026-03-01T08:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

beforeEach(async () => {
  await db.user.upsert({
    where: { username: 'authcase' },
    create: { username: 'authcase', displayName: '登录测试', role: 'TEAM_MEMBER', scopeCode: '990102101201', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false },
    update: { failedLoginCount: 0, lockedUntil: null, disabled: false },
  });
});
afterAll(async () => {
  await db.user.delete({ where: { username: 'authcase' } });
});

describe('login', () => {
  it('locks the account on the fifth wrong password, for 15 minutes', async () => {
    for (let i = 1; i <= 4; i++) expect(await verifyLogin('authcase', 'wrong', minutes(i))).toEqual({ ok: false, reason: 'invalid' });
    const fifth = await verifyLogin('authcase', 'wrong', minutes(5));
    expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
    // Even the right password is refused while locked…
    expect(await verifyLogin('authcase', PASSWORD, minutes(19))).toMatchObject({ ok: false, reason: 'locked' });
    // …and accepted once the 15 minutes are over.
    expect(await verifyLogin('authcase', PASSWORD, minutes(20.1))).toMatchObject({ ok: true });
    const audit = await db.auditLog.findMany({ where: { action: 'auth.login', username: 'authcase' }, orderBy: { id: 'asc' } });
    expect(audit.map((row) => row.result)).toEqual(['REFUSED', 'REFUSED', 'REFUSED', 'REFUSED', 'REFUSED', 'REFUSED', 'OK']);
  });

  it('resets the failure count after a good login', async () => {
    for (let i = 1; i <= 4; i++) await verifyLogin('authcase', 'wrong', minutes(i));
    expect(await verifyLogin('authcase', PASSWORD, minutes(5))).toMatchObject({ ok: true });
    expect(await verifyLogin('authcase', 'wrong', minutes(6))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a disabled account and an unknown user the same way as before', async () => {
    await db.user.update({ where: { username: 'authcase' }, data: { disabled: true } });
    expect(await verifyLogin('authcase', PASSWORD, T0)).toEqual({ ok: false, reason: 'disabled' });
    expect(await verifyLogin('nobody-here', PASSWORD, T0)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('sessions', () => {
  async function login(at: Date) {
    const result = await verifyLogin('authcase', PASSWORD, at);
    if (!result.ok) throw new Error('login failed');
    return result.sessionId;
  }

  it('end after 30 idle minutes', async () => {
    const id = await login(T0);
    expect(await loadSession(id, minutes(29))).not.toBeNull();
    expect(await loadSession(id, minutes(58))).not.toBeNull(); // activity at 29 kept it alive
    expect(await loadSession(id, minutes(88.5))).toBeNull();
    expect(await loadSession(id, minutes(89))).toBeNull(); // ended for good
  });

  it('end 12 hours after login however active', async () => {
    const id = await login(T0);
    for (let m = 20; m < 12 * 60; m += 20) expect(await loadSession(id, minutes(m))).not.toBeNull();
    expect(await loadSession(id, minutes(12 * 60 + 1))).toBeNull();
  });

  it('end at the next request when the user is disabled or their role changes', async () => {
    const id = await login(T0);
    expect(await loadSession(id, minutes(1))).not.toBeNull();
    await db.user.update({ where: { username: 'authcase' }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSession(id, minutes(2))).toBeNull();
    const second = await login(minutes(3));
    await db.user.update({ where: { username: 'authcase' }, data: { disabled: true } });
    expect(await loadSession(second, minutes(4))).toBeNull();
  });
});
