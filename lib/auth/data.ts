import 'server-only';
import { randomBytes } from 'node:crypto';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/client';
import { writeAuditNow } from '@/lib/audit/data';
import { auth } from './next-auth';
import { can, type Permission } from './permissions';
import {
  IDLE_MINUTES,
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  SESSION_MAX_HOURS,
  verifyPassword,
} from './password';

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
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled'; lockedUntil?: Date };

const TOUCH_EVERY_MS = 60_000;

/** Checks a password, counts failures (5 lock the account for 15 minutes) and opens a server-side session. */
export async function verifyLogin(username: string, password: string, now = new Date()): Promise<LoginResult> {
  const user = await db.user.findUnique({ where: { username } });
  if (!user) {
    await writeAuditNow(null, { action: 'auth.login', result: 'REFUSED', message: `unknown user ${username.slice(0, 40)}` });
    return { ok: false, reason: 'invalid' };
  }
  const actor = { userId: user.id, username: user.username, role: user.role };
  const audit = (result: 'OK' | 'REFUSED', message: string) =>
    writeAuditNow(actor, { action: 'auth.login', result, entity: 'User', entityId: user.id, regionCode: user.scopeCode, message });

  if (user.lockedUntil && user.lockedUntil > now) {
    await audit('REFUSED', 'locked');
    return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = (user.lockedUntil ? 0 : user.failedLoginCount) + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    const lockedUntil = lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: lock ? 0 : failures, lockedUntil },
    });
    await audit('REFUSED', lock ? `wrong password, locked until ${lockedUntil!.toISOString()}` : `wrong password (${failures})`);
    return lock ? { ok: false, reason: 'locked', lockedUntil: lockedUntil! } : { ok: false, reason: 'invalid' };
  }
  if (user.disabled) {
    await audit('REFUSED', 'disabled');
    return { ok: false, reason: 'disabled' };
  }
  const sessionId = randomBytes(24).toString('base64url');
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } }),
    db.userSession.create({ data: { id: sessionId, userId: user.id, sessionVersion: user.sessionVersion, createdAt: now, lastSeenAt: now } }),
  ]);
  await audit('OK', 'login');
  return { ok: true, sessionId };
}

/** Loads a session and its user; ends it if idle, too old, revoked, or the user changed since. */
export async function loadSession(sessionId: string, now = new Date()): Promise<Viewer | null> {
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    include: { user: { include: { scope: { select: { name: true } } } } },
  });
  if (!session || session.endedAt) return null;
  const { user } = session;
  const idle = now.getTime() - session.lastSeenAt.getTime() > IDLE_MINUTES * 60_000;
  const tooOld = now.getTime() - session.createdAt.getTime() > SESSION_MAX_HOURS * 3_600_000;
  if (idle || tooOld || user.disabled || user.sessionVersion !== session.sessionVersion) {
    await db.userSession.update({ where: { id: sessionId }, data: { endedAt: now } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopeCode: user.scopeCode,
    scopeName: user.scope.name,
    sessionId,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The signed-in user of this request, or null. Never trusts ids, roles or scopes sent by the client. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  return sessionId ? loadSession(sessionId) : null;
});

/** For pages: the viewer, or off to the login page (or the forced password change). */
export async function requireViewer(options: { allowPasswordChange?: boolean } = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
  if (viewer.mustChangePassword && !options.allowPasswordChange) redirect('/change-password');
  return viewer;
}

export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

export { can, type Permission };
