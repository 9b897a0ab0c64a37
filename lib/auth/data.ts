import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { decode } from 'next-auth/jwt';
import { cache } from 'react';
import { writeAuditNow } from '@/lib/audit/data';
import { type Db, db, execute, rows, type Tx } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/client';
import {
  hashPassword,
  IDLE_MINUTES,
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  SESSION_MAX_HOURS,
  verifyPassword,
} from './password';
import { can, type Permission } from './permissions';
import { loginPathFor, PAGE_PATH_HEADER } from './return-to';
import * as statements from './sql';
import { ADDRESS_RULE, addressKey, minutesLeft, type ThrottleRule } from './throttle';

export type Viewer = {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  scopeName: string;
  sessionId: string;
  mustChangePassword: boolean;
};

export type LoginResult =
  | { ok: true; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; minutes: number };

const TOUCH_EVERY_MS = 60_000;

// Unknown users are checked against this hash so that they cost the same argon2 work as real ones.
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('base64url')));

/**
 * Checks a password and opens a server-side session. Every sign-in path comes here (next-auth's
 * authorize(), which both the login form's action and a direct POST to /api/auth/callback/credentials
 * call), so the per-address throttle lives here too. `address` is null only for callers outside a
 * request (tests, scripts).
 *
 * The answer never tells accounts apart: unknown, wrong password, disabled and locked all say
 * "invalid", after the same argon2 work; the audit row records which it was.
 */
export async function verifyLogin(
  username: string,
  password: string,
  now = new Date(),
  address: string | null = null,
): Promise<LoginResult> {
  const from = address ? ` from ${address}` : '';
  if (address) {
    const attempt = await takeAttempt(addressKey(address), ADDRESS_RULE, now);
    if (!attempt.allowed) {
      await writeAuditNow(null, {
        action: 'auth.login',
        result: 'REFUSED',
        message: `too many failed sign-ins${from} (${username.slice(0, 40)})`,
      });
      return { ok: false, reason: 'throttled', minutes: minutesLeft(attempt.blockedUntil, now) };
    }
  }
  const result = await checkPassword(username, password, now, from);
  if (address && result.ok) await releaseAttempt(addressKey(address), ADDRESS_RULE);
  return result;
}

async function checkPassword(username: string, password: string, now: Date, from: string): Promise<LoginResult> {
  const user = await db.user.findUnique({ where: { username } });
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    await writeAuditNow(null, {
      action: 'auth.login',
      result: 'REFUSED',
      message: `unknown user ${username.slice(0, 40)}${from}`,
    });
    return { ok: false, reason: 'invalid' };
  }
  const actor = { userId: user.id, username: user.username, role: user.role };
  const refuse = async (message: string): Promise<LoginResult> => {
    await writeAuditNow(actor, {
      action: 'auth.login',
      result: 'REFUSED',
      entity: 'User',
      entityId: user.id,
      regionCode: user.scopeCode,
      message: message + from,
    });
    return { ok: false, reason: 'invalid' };
  };

  // Always verify, even when locked: a locked account must cost as long as any other.
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failure = await recordFailedLogin(user.id, now);
    return refuse(
      `wrong password (${failure.count})${failure.lockedUntil ? `, locked until ${failure.lockedUntil.toISOString()}` : ''}`,
    );
  }
  if (user.disabled) return refuse('disabled');
  const sessionId = randomBytes(24).toString('base64url');
  // The lock is checked in the same statement that clears the count, so a lock set by a concurrent
  // failure cannot be passed by a right password that was read just before.
  const opened = await db.$transaction(async (tx) => {
    const unlocked = await tx.user.updateMany({
      where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
    });
    if (unlocked.count === 0) return false;
    await tx.userSession.create({
      data: { id: sessionId, userId: user.id, sessionVersion: user.sessionVersion, createdAt: now, lastSeenAt: now },
    });
    return true;
  });
  if (!opened) return refuse('locked');
  await writeAuditNow(actor, {
    action: 'auth.login',
    result: 'OK',
    entity: 'User',
    entityId: user.id,
    regionCode: user.scopeCode,
    message: `login${from}`,
  });
  return { ok: true, sessionId };
}

/**
 * Counts a wrong password in one statement (the row lock orders parallel attempts, and each sees the
 * count the one before it wrote): the 5th failure locks the account for 15 minutes; failures while
 * locked are still counted but do not extend the lock; after the lock the count starts again at 1.
 */
async function recordFailedLogin(userId: number, now: Date): Promise<{ count: number; lockedUntil: Date | null }> {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const [row] = await rows(db, statements.recordFailedLogin(userId, now, MAX_FAILED_LOGINS, lockUntil));
  return { count: row.count, lockedUntil: row.locked_until };
}

/**
 * Counts one attempt against a throttle key before the attempt is checked, so parallel attempts
 * cannot all pass a check made before any of them was counted. Allowed while the count in the
 * current window is at most `max`; the attempt that reaches `max` starts a block of `blockMs`, and
 * the first attempt after a block or after the window starts a new window. A successful attempt
 * gives its count back (releaseAttempt). Rows older than a day are pruned when a new key appears.
 */
export async function takeAttempt(
  key: string,
  rule: ThrottleRule,
  now = new Date(),
): Promise<{ allowed: true } | { allowed: false; blockedUntil: Date }> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const blockUntil = new Date(now.getTime() + rule.blockMs);
  const [row] = await rows(db, statements.takeAttempt(key, rule.max, now, windowStart, blockUntil));
  if (row.inserted) await execute(db, statements.pruneAttempts(new Date(now.getTime() - 86_400_000), now));
  if (row.failures <= rule.max) return { allowed: true };
  // A parallel attempt that started a little later may have set the block: never report more than blockMs.
  const blocked = row.blocked_until ?? blockUntil; // always set once over the limit
  return { allowed: false, blockedUntil: new Date(Math.min(blocked.getTime(), blockUntil.getTime())) };
}

/** Gives back the count of an attempt that succeeded; lifts the block if it was that attempt that set it. */
export async function releaseAttempt(key: string, rule: ThrottleRule, client: Db | Tx = db): Promise<void> {
  await execute(client, statements.releaseAttempt(key, rule.max));
}

/** Loads a session and its user; ends it if idle, too old, revoked, or the user changed since. */
export async function loadSession(sessionId: string, now = new Date()): Promise<Viewer | null> {
  const [session] = await rows(db, statements.sessionWithUser(sessionId));
  if (!session || session.ended_at) return null;
  const idle = now.getTime() - session.last_seen_at.getTime() > IDLE_MINUTES * 60_000;
  const tooOld = now.getTime() - session.created_at.getTime() > SESSION_MAX_HOURS * 3_600_000;
  if (idle || tooOld || session.disabled || session.user_session_version !== session.session_version) {
    await db.userSession.update({ where: { id: sessionId }, data: { endedAt: now } });
    return null;
  }
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    userId: session.user_id,
    username: session.username,
    displayName: session.display_name,
    role: session.role,
    scopeCode: session.scope_code,
    scopeName: session.scope_name,
    sessionId,
    mustChangePassword: session.must_change_password,
  };
}

// The cookie next-auth sets at sign-in: the `__Secure-` one over https, the plain one over a county intranet's http.
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

/**
 * The session id in the sign-in cookie, decoded as next-auth's own getToken() does (the cookie's name is its
 * salt). Not next-auth's auth(): that encrypts the token again and sends the cookie back on every request, to
 * slide an expiry that is already the server session's own limit (SESSION_MAX_HOURS, checked in loadSession).
 */
async function viewerOfRequest(): Promise<Viewer | null> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((candidate) => jar.has(candidate));
  const token = name && jar.get(name)?.value;
  const secret = process.env.AUTH_SECRET;
  if (!name || !token || !secret) return null;
  const claims = await decode({ token, secret, salt: name }).catch(() => null);
  return typeof claims?.sid === 'string' ? loadSession(claims.sid) : null;
}

// React's cache() holds the viewer for a page's render only; an API route (lib/route.ts) holds it here, so an
// action it calls (a check-in, the outbox) does not look the session up a second time.
const routeViewer = new AsyncLocalStorage<{ viewer?: Promise<Viewer | null> }>();
export const withRequestViewer = <T>(run: () => Promise<T>): Promise<T> => routeViewer.run({}, run);

/** The signed-in user of this request, or null. Never trusts ids, roles or scopes sent by the client. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const held = routeViewer.getStore();
  if (!held) return viewerOfRequest();
  held.viewer ??= viewerOfRequest();
  return held.viewer;
});

/** For pages: the viewer, or off to the login page (or the forced password change). */
export async function requireViewer(options: { allowPasswordChange?: boolean } = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(loginPathFor((await headers()).get(PAGE_PATH_HEADER)));
  if (viewer.mustChangePassword && !options.allowPasswordChange) redirect('/change-password');
  return viewer;
}

export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/**
 * Ends every session of a user but `keepSessionId` (after a password change): the others are marked
 * ended, and the session version moves on with the kept session carried forward, so any session
 * not yet marked also fails at its next request. Returns how many were ended.
 */
export async function endOtherSessions(
  tx: Tx,
  userId: number,
  keepSessionId: string,
  now = new Date(),
): Promise<number> {
  const { sessionVersion } = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await tx.userSession.updateMany({ where: { id: keepSessionId, userId }, data: { sessionVersion } });
  const ended = await tx.userSession.updateMany({
    where: { userId, id: { not: keepSessionId }, endedAt: null },
    data: { endedAt: now },
  });
  return ended.count;
}

export { can, type Permission };
