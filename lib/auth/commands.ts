// Sign-in's writes that run as commands: changing one's own password (with its throttle on the current
// password). Runs inside the caller's transaction; ./actions.ts wires it to the form.
import 'server-only';
import type { z } from 'zod';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { RefusedError } from '@/lib/errors';
import { endOtherSessions, releaseAttempt, takeAttempt, type Viewer } from './data';
import { hashPassword, verifyPassword } from './password';
import type { changePasswordSchema } from './schema';
import { minutesLeft, PASSWORD_CHECK_RULE, passwordCheckKey } from './throttle';

/**
 * Counts a try at the current password before it is checked, outside the transaction (so a refusal,
 * which rolls the transaction back, still counts, and no second connection is held).
 */
export async function countPasswordCheck({ viewer }: { viewer: Viewer }): Promise<void> {
  const now = new Date();
  const attempt = await takeAttempt(passwordCheckKey(viewer.userId), PASSWORD_CHECK_RULE, now);
  if (!attempt.allowed)
    throw new RefusedError('errors.passwordCheckBlocked', 'currentPassword', {
      minutes: minutesLeft(attempt.blockedUntil, now),
    });
}

/**
 * Changes one's own password. A right current password gives its try back (countPasswordCheck). Every
 * other session of the user ends; this one goes on.
 */
export async function changeOwnPassword({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof changePasswordSchema>>): Promise<CommandOutcome> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new RefusedError('errors.currentPasswordWrong', 'currentPassword');
  await releaseAttempt(passwordCheckKey(user.id), PASSWORD_CHECK_RULE, tx);
  await tx.user.update({
    where: { id: user.id },
    data: {
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      version: { increment: 1 },
    },
  });
  const ended = await endOtherSessions(tx, user.id, viewer.sessionId);
  return {
    entity: 'User',
    entityId: user.id,
    regionCode: user.scopeCode,
    changes: { password: 'changed', otherSessionsEnded: ended },
    redirectTo: '/',
  };
}
