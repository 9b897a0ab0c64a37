'use server';
import 'server-only';
import { action } from '@/lib/action';
import { hashPassword } from '@/lib/auth/password';
import { diffFields } from '@/lib/audit/rules';
import type { Tx } from '@/lib/db';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import type { Viewer } from '@/lib/auth/data';
import { isWithinScope } from '@/lib/regions/rules';
import { issuePassword, scopeFitsRole } from './rules';
import { createUserSchema, resetPasswordSchema, setUserDisabledSchema, updateUserSchema } from './schema';

async function assertScopeAllowed(tx: Tx, viewer: Viewer, role: Parameters<typeof scopeFitsRole>[0], scopeCode: string) {
  if (!isWithinScope(scopeCode, viewer.scopeCode) || !(await tx.region.findUnique({ where: { code: scopeCode } })))
    throw new RefusedError('users.scopeOutside', 'scopeCode');
  if (!scopeFitsRole(role, scopeCode)) throw new RefusedError('users.scopeLevel', 'scopeCode');
}

async function findManagedUser(tx: Tx, viewer: Viewer, id: number) {
  const user = await tx.user.findFirst({ where: { id, scopeCode: { startsWith: viewer.scopeCode } } });
  if (!user) throw new NotFoundError();
  return user;
}

export const createUser = action('user.create', 'user.manage', createUserSchema, async ({ viewer, input, tx }) => {
  await assertScopeAllowed(tx, viewer, input.role, input.scopeCode);
  if (await tx.user.findUnique({ where: { username: input.username } })) throw new RefusedError('users.usernameTaken', 'username');
  const password = issuePassword();
  const user = await tx.user.create({
    data: { ...input, passwordHash: await hashPassword(password), mustChangePassword: true },
  });
  return {
    entity: 'User', entityId: user.id, regionCode: user.scopeCode, changes: { ...input },
    message: 'users.created', data: { userId: String(user.id), username: user.username, issuedPassword: password },
  };
});

export const updateUser = action('user.update', 'user.manage', updateUserSchema, async ({ viewer, input, tx }) => {
  const user = await findManagedUser(tx, viewer, input.id);
  await assertScopeAllowed(tx, viewer, input.role, input.scopeCode);
  if (user.id === viewer.userId && (input.role !== user.role || input.scopeCode !== user.scopeCode))
    throw new RefusedError('users.notOwnRole', 'role');
  const accessChanged = input.role !== user.role || input.scopeCode !== user.scopeCode;
  const updated = await tx.user.updateMany({
    where: { id: user.id, version: input.version },
    data: {
      displayName: input.displayName, role: input.role, scopeCode: input.scopeCode, version: { increment: 1 },
      ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}), // ends their sessions at the next request
    },
  });
  if (updated.count === 0) throw new ConflictError();
  const { id: _id, version: _version, ...fields } = input;
  return { entity: 'User', entityId: user.id, regionCode: input.scopeCode, changes: diffFields(user, fields), message: 'users.updated' };
});

export const setUserDisabled = action('user.setDisabled', 'user.manage', setUserDisabledSchema, async ({ viewer, input, tx }) => {
  const user = await findManagedUser(tx, viewer, input.id);
  if (user.id === viewer.userId) throw new RefusedError('users.notSelf');
  const updated = await tx.user.updateMany({
    where: { id: user.id, version: input.version },
    data: { disabled: input.disabled, version: { increment: 1 }, sessionVersion: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'User', entityId: user.id, regionCode: user.scopeCode,
    changes: { disabled: { from: user.disabled, to: input.disabled } },
    message: input.disabled ? 'users.disabledDone' : 'users.enabledDone',
  };
});

export const resetUserPassword = action('user.resetPassword', 'user.manage', resetPasswordSchema, async ({ viewer, input, tx }) => {
  const user = await findManagedUser(tx, viewer, input.id);
  if (user.id === viewer.userId) throw new RefusedError('users.notSelf');
  const password = issuePassword();
  const updated = await tx.user.updateMany({
    where: { id: user.id, version: input.version },
    data: {
      passwordHash: await hashPassword(password), mustChangePassword: true, failedLoginCount: 0, lockedUntil: null,
      version: { increment: 1 }, sessionVersion: { increment: 1 },
    },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'User', entityId: user.id, regionCode: user.scopeCode, changes: { password: 'reset', unlocked: true },
    message: 'users.passwordReset', data: { issuedPassword: password },
  };
});
