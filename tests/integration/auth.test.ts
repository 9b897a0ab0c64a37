import { CredentialsSignin } from 'next-auth';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditSummary, searchAudit } from '@/lib/audit/data';
import { changeOwnPassword, login } from '@/lib/auth/actions';
import { loadSession, verifyLogin } from '@/lib/auth/data';
import { signIn } from '@/lib/auth/next-auth';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';
import { testViewer } from '../support/viewer';
import { formData, run } from './helpers';

const PASSWORD = 'Correct#Horse1';
const T0 = new Date('2026-03-01T08:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const INVALID = { ok: false, reason: 'invalid' };

beforeEach(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await db.user.upsert({
    where: { username: 'authcase' },
    create: {
      username: 'authcase',
      displayName: '登录测试',
      role: 'TEAM_MEMBER',
      scopeCode: '990102101201',
      passwordHash,
      mustChangePassword: false,
    },
    update: { failedLoginCount: 0, lockedUntil: null, disabled: false, passwordHash },
  });
});
afterAll(async () => {
  await db.user.delete({ where: { username: 'authcase' } });
});

const loginRows = (username = 'authcase') =>
  db.auditLog.findMany({
    where: { action: 'auth.login', username },
    orderBy: { id: 'asc' },
    select: { result: true, message: true },
  });

describe('login lockout', () => {
  it('locks the account on the fifth wrong password, for 15 minutes, and says only "invalid"', async () => {
    const before = (await loginRows()).length;
    for (let i = 1; i <= 5; i++) expect(await verifyLogin('authcase', 'wrong', minutes(i))).toEqual(INVALID);
    expect(await db.user.findUniqueOrThrow({ where: { username: 'authcase' } })).toMatchObject({
      failedLoginCount: 5,
      lockedUntil: minutes(20),
    });
    // Even the right password is refused while locked, with the same answer…
    expect(await verifyLogin('authcase', PASSWORD, minutes(19))).toEqual(INVALID);
    // …and accepted once the 15 minutes are over.
    expect(await verifyLogin('authcase', PASSWORD, minutes(20.1))).toMatchObject({ ok: true });
    const rows = (await loginRows()).slice(before);
    expect(rows.map((row) => row.result)).toEqual([
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'OK',
    ]);
    expect(rows[4].message).toBe(`wrong password (5), locked until ${minutes(20).toISOString()}`);
    expect(rows[5].message).toBe('locked');
  });

  it('locks at exactly 5 however many wrong passwords arrive at once', async () => {
    const before = (await loginRows()).length;
    const results = await Promise.all(Array.from({ length: 40 }, () => verifyLogin('authcase', 'wrong', T0)));
    expect(results).toEqual(Array(40).fill(INVALID));
    const user = await db.user.findUniqueOrThrow({ where: { username: 'authcase' } });
    expect(user).toMatchObject({ failedLoginCount: 40, lockedUntil: minutes(15) });
    const messages = (await loginRows()).slice(before).map((row) => row.message ?? '');
    expect(messages).toHaveLength(40);
    // Each attempt saw the count the one before it wrote: 1, 2, …, 40, and the lock began at 5.
    const counts = messages.map((message) => Number(/\((\d+)\)/.exec(message)?.[1])).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(messages.filter((message) => !message.includes('locked until'))).toHaveLength(4);
    // The right password right after is refused: the lock holds.
    expect(await verifyLogin('authcase', PASSWORD, minutes(1))).toEqual(INVALID);
  });

  it('resets the failure count after a good login', async () => {
    for (let i = 1; i <= 4; i++) await verifyLogin('authcase', 'wrong', minutes(i));
    expect(await verifyLogin('authcase', PASSWORD, minutes(5))).toMatchObject({ ok: true });
    expect(await verifyLogin('authcase', 'wrong', minutes(6))).toEqual(INVALID);
    expect(await db.user.findUniqueOrThrow({ where: { username: 'authcase' } })).toMatchObject({
      failedLoginCount: 1,
      lockedUntil: null,
    });
  });
});

describe('login answers do not tell accounts apart', () => {
  it('gives unknown, wrong, disabled and locked accounts the same answer', async () => {
    const wrong = await verifyLogin('authcase', 'Wrong#Horse1', T0);
    const unknown = await verifyLogin('nobody-here', PASSWORD, T0);
    await db.user.update({ where: { username: 'authcase' }, data: { disabled: true } });
    const disabledRight = await verifyLogin('authcase', PASSWORD, T0);
    const disabledWrong = await verifyLogin('authcase', 'Wrong#Horse1', T0);
    await db.user.update({ where: { username: 'authcase' }, data: { disabled: false, lockedUntil: minutes(10) } });
    const lockedRight = await verifyLogin('authcase', PASSWORD, T0);
    expect([wrong, unknown, disabledRight, disabledWrong, lockedRight]).toEqual(Array(5).fill(INVALID));
    // The audit still says which it was.
    expect((await loginRows()).slice(-4).map((row) => row.message)).toEqual([
      'wrong password (1)',
      'disabled',
      'wrong password (2)',
      'locked',
    ]);
  });

  it('takes as long for an unknown user as for a wrong password (both run argon2)', async () => {
    // Interleaved, so that load from elsewhere on the machine falls on both alike.
    const times: Record<string, number[]> = { 'nobody-here': [], authcase: [] };
    await verifyLogin('nobody-here', 'Wrong#Horse1', T0); // warm-up: the dummy hash is made once
    for (let i = 0; i < 9; i++) {
      for (const username of ['nobody-here', 'authcase']) {
        const start = performance.now();
        await verifyLogin(username, 'Wrong#Horse1', T0);
        times[username].push(performance.now() - start);
      }
    }
    const median = (values: number[]) => values.sort((x, y) => x - y)[4];
    const unknown = median(times['nobody-here']);
    const real = median(times.authcase);
    console.log(
      JSON.stringify({
        figure: 'login time, median ms',
        unknownUser: +unknown.toFixed(1),
        wrongPassword: +real.toFixed(1),
      }),
    );
    // Without the dummy hash an unknown user answered in a fifth of the time or less.
    expect(unknown / real).toBeGreaterThan(0.45);
    expect(unknown / real).toBeLessThan(2.2);
  });
});

describe('login throttle per address, kept in PostgreSQL', () => {
  it('blocks an address after 20 failures in 15 minutes, whichever accounts it tries, even with a right password', async () => {
    for (let i = 0; i < 20; i++)
      expect(await verifyLogin(`spray-${i}`, 'Wrong#Horse1', minutes(i / 10), '10.9.0.1')).toEqual(INVALID);
    // The 20th failure (minute 1.9) blocks the address until minute 16.9.
    expect(await verifyLogin('authcase', PASSWORD, minutes(3), '10.9.0.1')).toEqual({
      ok: false,
      reason: 'throttled',
      minutes: 14,
    });
    expect(await verifyLogin('authcase', PASSWORD, minutes(3), '10.9.0.2')).toMatchObject({ ok: true }); // other addresses go on
    expect(await verifyLogin('authcase', PASSWORD, minutes(18.2), '10.9.0.1')).toMatchObject({ ok: true }); // the block is over
  });

  it('holds across processes: the count is a database row, read afresh by a newly loaded module', async () => {
    for (let i = 0; i < 20; i++) await verifyLogin(`spray-${i}`, 'Wrong#Horse1', T0, '10.9.1.1');
    const [row] = await db.$queryRaw<
      { failures: number; blocked_until: Date }[]
    >`SELECT failures, blocked_until FROM login_throttle WHERE key = 'address:10.9.1.1'`;
    expect(row).toEqual({ failures: 20, blocked_until: minutes(15) });
    vi.resetModules();
    const fresh = await import('@/lib/auth/data');
    expect(await fresh.verifyLogin('authcase', PASSWORD, minutes(1), '10.9.1.1')).toEqual({
      ok: false,
      reason: 'throttled',
      minutes: 14,
    });
  });

  it('lets exactly 20 of 40 parallel attempts through, and audits the rest with no area', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => verifyLogin(`parallel-${i}`, 'Wrong#Horse1', T0, '10.9.2.1')),
    );
    expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(20);
    expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(20);
    const refused = await db.auditLog.count({
      where: {
        action: 'auth.login',
        message: { startsWith: 'too many failed sign-ins from 10.9.2.1' },
        regionCode: null,
      },
    });
    expect(refused).toBe(20);
  });

  it('does not count successful sign-ins, and starts a new window after 15 minutes', async () => {
    for (let i = 0; i < 30; i++)
      expect(await verifyLogin('authcase', PASSWORD, minutes(i / 10), '10.9.3.1')).toMatchObject({ ok: true });
    for (let i = 0; i < 19; i++) await verifyLogin('authcase', 'Wrong#Horse1', minutes(4), '10.9.3.2');
    await db.user.update({ where: { username: 'authcase' }, data: { lockedUntil: null, failedLoginCount: 0 } });
    expect(await verifyLogin('authcase', PASSWORD, minutes(19.1), '10.9.3.2')).toMatchObject({ ok: true }); // the window from minute 4 is over
    const [row] = await db.$queryRaw<
      { failures: number }[]
    >`SELECT failures FROM login_throttle WHERE key = 'address:10.9.3.2'`;
    expect(row.failures).toBe(0); // a new window, and the success gave its count back
  });

  it('prunes rows older than a day when a new address appears', async () => {
    await verifyLogin('nobody-here', 'Wrong#Horse1', T0, '10.9.4.1');
    await verifyLogin('nobody-here', 'Wrong#Horse1', new Date(T0.getTime() + 25 * 3_600_000), '10.9.4.2');
    const keys = await db.$queryRaw<
      { key: string }[]
    >`SELECT key FROM login_throttle WHERE key IN ('address:10.9.4.1', 'address:10.9.4.2')`;
    expect(keys.map((row) => row.key)).toEqual(['address:10.9.4.2']);
  });
});

describe('login form', () => {
  it('shows one message for every refused account, and its own only for a throttled address', async () => {
    const refuse = (code: string) =>
      vi.mocked(signIn).mockImplementationOnce(async () => {
        const error = new CredentialsSignin();
        error.code = code;
        throw error;
      });
    refuse('invalid');
    expect(await login({ ok: false }, formData({ username: 'authcase', password: 'x' }))).toMatchObject({
      ok: false,
      formError: '用户名或密码不正确。密码连续输错 5 次，账号将锁定 15 分钟。',
    });
    refuse('throttled:14');
    expect(await login({ ok: false }, formData({ username: 'authcase', password: 'x' }))).toMatchObject({
      ok: false,
      formError: '此设备登录失败次数过多，请 14 分钟后再试。',
    });
  });
});

describe('own password change', () => {
  async function session(at = new Date()) {
    const result = await verifyLogin('authcase', PASSWORD, at);
    if (!result.ok) throw new Error('login failed');
    return result.sessionId;
  }
  async function signInWith(sessionId: string) {
    testViewer.current = await loadSession(sessionId);
    if (!testViewer.current) throw new Error('no session');
  }
  const change = (currentPassword: string, newPassword = 'Another#Pass9') =>
    run(changeOwnPassword, { currentPassword, newPassword, confirmPassword: newPassword });

  it('ends every other session of the user and keeps the current one', async () => {
    await db.userSession.updateMany({
      where: { user: { username: 'authcase' }, endedAt: null },
      data: { endedAt: new Date() },
    });
    const [current, phone, other] = [await session(), await session(), await session()];
    await signInWith(current);
    expect(await change(PASSWORD)).toMatchObject({ ok: true, redirectedTo: '/' });
    expect(await loadSession(current)).toMatchObject({ username: 'authcase', sessionId: current });
    expect(await loadSession(phone)).toBeNull();
    expect(await loadSession(other)).toBeNull();
    const ended = await db.userSession.count({ where: { id: { in: [phone, other] }, endedAt: { not: null } } });
    expect(ended).toBe(2);
    expect(
      (await db.auditLog.findFirst({ where: { action: 'auth.changePassword', result: 'OK' }, orderBy: { id: 'desc' } }))
        ?.changes,
    ).toMatchObject({ otherSessionsEnded: 2 });
    expect(await verifyLogin('authcase', 'Another#Pass9')).toMatchObject({ ok: true });
  });

  it('refuses the current-password check after 5 wrong tries, counted at once however parallel, and audits it', async () => {
    await signInWith(await session());
    await db.$executeRaw`DELETE FROM login_throttle WHERE key = ${`password:${testViewer.current!.userId}`}`;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => change(`Wrong#Current${i}`)));
    const errors = results.map((result) => result.fieldErrors?.currentPassword?.[0] ?? result.formError);
    expect(errors.filter((error) => error === '当前密码不正确')).toHaveLength(5);
    expect(errors.filter((error) => error === '当前密码输错次数过多，请 15 分钟后再修改密码。')).toHaveLength(5);
    // Blocked even for the right password now; nothing changed.
    expect(await change(PASSWORD)).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ['当前密码输错次数过多，请 15 分钟后再修改密码。'] },
    });
    expect(await verifyLogin('authcase', PASSWORD)).toMatchObject({ ok: true });
    const audited = await db.auditLog.count({
      where: {
        action: 'auth.changePassword',
        result: 'REFUSED',
        userId: testViewer.current!.userId,
        message: 'errors.passwordCheckBlocked',
      },
    });
    expect(audited).toBeGreaterThanOrEqual(6);
  });
});

describe('auditor', () => {
  it('sees sign-ins of unknown users, which have no area', async () => {
    await verifyLogin('spray-audit-me', 'Wrong#Horse1', new Date(), '10.9.5.1');
    const auditor = { role: 'AUDITOR' as const, scopeCode: '990102' };
    const found = await searchAudit(auditor, { action: 'auth.login' });
    expect(found.rows.some((row) => row.message === 'unknown user spray-audit-me from 10.9.5.1')).toBe(true);
    const before = await auditSummary(auditor);
    await verifyLogin('spray-audit-me', 'Wrong#Horse1');
    expect((await auditSummary(auditor)).refusedToday).toBe(before.refusedToday + 1);
    // Area rows of another county stay out.
    expect((await searchAudit({ role: 'AUDITOR', scopeCode: '990103' }, { username: 'authcase' })).total).toBe(0);
  });
});
