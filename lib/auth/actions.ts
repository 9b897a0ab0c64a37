'use server';
import 'server-only';
import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { AuthError, CredentialsSignin } from 'next-auth';
import { action } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { translateKey } from '@/lib/i18n/messages';
import { currentLocale } from '@/lib/i18n/request';
import { zodIssueKey } from '@/lib/validation';
import * as commands from './commands';
import { endSession } from './data';
import { signIn, signOut } from './next-auth';
import { returnPath } from './return-to';
import { changePasswordSchema, emptySchema, loginSchema } from './schema';

/** The one action open to anonymous users. verifyLogin audits every attempt and does the throttle and the lockout. */
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
    for (const issue of parsed.error.issues)
      (fieldErrors[String(issue.path[0])] ??= []).push(t(zodIssueKey(issue).key));
    return { ok: false, fieldErrors, values: { username } };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (!(error instanceof CredentialsSignin)) {
      const requestId = randomUUID().slice(0, 8);
      console.error(
        JSON.stringify({ level: 'error', requestId, action: 'auth.login', error: String(error.cause ?? error) }),
      );
      return { ok: false, formError: t('errors.unexpected', { requestId }), values: { username } };
    }
    // One answer for unknown, wrong, disabled and locked accounts (verifyLogin); only the address
    // throttle, which says nothing about any account, has its own.
    const [code, minutes] = String(error.code).split(':');
    const formError =
      code === 'throttled' ? t('auth.tooManyTries', { minutes: Number(minutes) || 1 }) : t('auth.invalid');
    return { ok: false, formError, values: { username } };
  }
  redirect(returnPath(formData.get('next')) ?? '/');
}

export const logout = action('auth.logout', 'account.self', emptySchema, async ({ viewer }) => {
  await endSession(viewer.sessionId);
  await signOut({ redirect: false }); // clears the cookie; the session row is already ended
  return { entity: 'User', entityId: viewer.userId, regionCode: viewer.scopeCode, redirectTo: '/login' };
});

/**
 * Changes one's own password. Wrong current passwords are limited (PASSWORD_CHECK_RULE): each try is
 * counted before the check, outside the transaction; each refusal is audited by action(). Every other
 * session of the user ends; this one goes on.
 */
export const changeOwnPassword = action(
  'auth.changePassword',
  'account.self',
  changePasswordSchema,
  commands.changeOwnPassword,
  { before: commands.countPasswordCheck },
);
