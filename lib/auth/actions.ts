'use server';
import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { action } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { RefusedError } from '@/lib/errors';
import { currentLocale } from '@/lib/i18n/request';
import { translateKey } from '@/lib/i18n/messages';
import { zodIssueKey } from '@/lib/validation';
import { endSession } from './data';
import { signIn, signOut } from './next-auth';
import { hashPassword, verifyPassword } from './password';
import { loginThrottle } from './throttle';
import { changePasswordSchema, emptySchema, loginSchema } from './schema';

/**
 * The caller's address: the last x-forwarded-for entry, the one added by the nearest proxy (Next sets
 * the socket address when no proxy did). Earlier entries are whatever the client chose to send.
 */
async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get('x-forwarded-for');
  return forwarded?.split(',').at(-1)?.trim() || 'unknown';
}

/** The one action open to anonymous users. verifyLogin audits every attempt and does the lockout. */
export async function login(prev: ActionState, formData: FormData): Promise<ActionState> {
  return { ...(await attemptLogin(formData)), attempt: (prev?.attempt ?? 0) + 1 };
}

async function attemptLogin(formData: FormData): Promise<ActionState> {
  const locale = await currentLocale();
  const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, key, params);
  const username = String(formData.get('username') ?? '');
  const parsed = loginSchema.safeParse({ username, password: formData.get('password') ?? '' });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(t(zodIssueKey(issue).key));
    return { ok: false, fieldErrors, values: { username } };
  }
  const address = await clientAddress();
  const blocked = loginThrottle.blockedMinutes(address);
  if (blocked > 0) return { ok: false, formError: t('auth.tooManyTries', { minutes: blocked }), values: { username } };
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (!(error instanceof CredentialsSignin)) {
      const requestId = randomUUID().slice(0, 8);
      console.error(JSON.stringify({ level: 'error', requestId, action: 'auth.login', error: String(error.cause ?? error) }));
      return { ok: false, formError: t('errors.unexpected', { requestId }), values: { username } };
    }
    const code = String(error.code);
    loginThrottle.recordFailure(address);
    const formError = code.startsWith('locked')
      ? t('auth.locked', { minutes: Number(code.split(':')[1] ?? 15) || 1 })
      : code === 'disabled'
        ? t('auth.disabled')
        : t('auth.invalid');
    return { ok: false, formError, values: { username } };
  }
  redirect('/');
}

export const logout = action('auth.logout', 'account.self', emptySchema, async ({ viewer }) => {
  await endSession(viewer.sessionId);
  await signOut({ redirect: false }); // clears the cookie; the session row is already ended
  return { entity: 'User', entityId: viewer.userId, regionCode: viewer.scopeCode, redirectTo: '/login' };
});

export const changeOwnPassword = action('auth.changePassword', 'account.self', changePasswordSchema, async ({ viewer, input, tx }) => {
  const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new RefusedError('errors.currentPasswordWrong', 'currentPassword');
  await tx.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, version: { increment: 1 } },
  });
  return { entity: 'User', entityId: user.id, regionCode: user.scopeCode, changes: { password: 'changed' }, redirectTo: '/' };
});
