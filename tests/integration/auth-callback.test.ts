// The next-auth route itself (POST /api/auth/callback/credentials with a CSRF token), as an attacker
// would call it directly: the same lockout and address throttle as the login form.
import type { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';

const PASSWORD = 'Correct#Horse1';
const BASE = 'http://localhost:3000/api/auth';
let POST: (request: NextRequest) => Promise<Response>;
let GET: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  process.env.AUTH_SECRET = 'callback-test-secret-0123456789abcdef';
  ({ GET, POST } = (await vi.importActual<typeof import('@/lib/auth/next-auth')>('@/lib/auth/next-auth')).handlers);
  const passwordHash = await hashPassword(PASSWORD);
  await db.user.upsert({
    where: { username: 'callbackcase' },
    create: {
      username: 'callbackcase',
      displayName: '接口登录测试',
      role: 'TEAM_MEMBER',
      scopeCode: '990102101201',
      passwordHash,
      mustChangePassword: false,
    },
    update: { failedLoginCount: 0, lockedUntil: null, disabled: false, passwordHash },
  });
});
afterAll(async () => {
  await db.user.delete({ where: { username: 'callbackcase' } });
});

/** A CSRF token and its cookie, as a browser (or a script) gets them. */
async function csrf() {
  const response = await GET(new Request(`${BASE}/csrf`) as NextRequest);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { csrfToken, cookie };
}

async function post(username: string, password: string, forwardedFor: string) {
  const { csrfToken, cookie } = await csrf();
  const response = await POST(
    new Request(`${BASE}/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': forwardedFor },
      body: new URLSearchParams({ username, password, csrfToken, callbackUrl: 'http://localhost:3000/' }),
    }) as NextRequest,
  );
  return response.headers.get('location') ?? '';
}

describe('POST /api/auth/callback/credentials', () => {
  it("refuses input the login form's schema refuses, before any password is checked", async () => {
    const before = await db.auditLog.count({ where: { action: 'auth.login' } });
    expect(await post('x'.repeat(41), PASSWORD, '10.7.3.1')).toContain('code=invalid');
    expect(await post('callbackcase', 'x'.repeat(201), '10.7.3.1')).toContain('code=invalid');
    expect(await db.auditLog.count({ where: { action: 'auth.login' } })).toBe(before);
  });

  it('locks the account at exactly 5 when 40 wrong passwords arrive at once', async () => {
    // 40 different addresses, so that the address throttle is not what stops them.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post('callbackcase', 'Wrong#Horse1', `10.7.0.${i + 1}`)),
    );
    expect(
      answers.every((location) => location.includes('error=CredentialsSignin') && location.includes('code=invalid')),
    ).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { username: 'callbackcase' } });
    expect(user.failedLoginCount).toBe(40);
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The right password is refused now, with the same answer.
    expect(await post('callbackcase', PASSWORD, '10.7.1.1')).toContain('code=invalid');
    const sessions = await db.userSession.count({ where: { user: { username: 'callbackcase' } } });
    expect(sessions).toBe(0);
    const locking = await db.auditLog.findMany({
      where: { action: 'auth.login', username: 'callbackcase', message: { contains: 'locked until' } },
      select: { message: true },
    });
    const lockedAtFailure = Math.min(...locking.map((row) => Number(/\((\d+)\)/.exec(row.message ?? '')?.[1])));
    expect(lockedAtFailure).toBe(5);
    const refused = answers.filter((location) => location.includes('error=')).length + 1;
    console.log(
      JSON.stringify({
        figure: 'parallel wrong passwords through the callback route',
        attempts: answers.length + 1,
        refused,
        lockedAtFailure,
        sessionsLeaked: sessions,
      }),
    );
  });

  it('throttles by the address the server saw, whatever X-Forwarded-For the client sent before it', async () => {
    // Each request claims a new address in front; the last entry is the socket's (scripts/peer-address.cjs).
    const answers: string[] = [];
    for (let i = 0; i < 21; i++) answers.push(await post(`nobody-${i}`, 'Wrong#Horse1', `6.6.${i}.6, 10.7.2.1`));
    expect(answers.slice(0, 20).every((location) => location.includes('code=invalid'))).toBe(true);
    expect(answers[20]).toMatch(/error=CredentialsSignin&code=throttled%3A1[45]$/);
  });
});
