// Accounts' writes: creating and editing accounts, disabling them, resetting passwords, and the county
// office's approval of accounts and resets that reach area data. Each command runs inside the caller's
// transaction and returns what it did for the audit row; lib/users/actions.ts wires them to forms.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { diffFields } from '@/lib/audit/rules';
import type { Viewer } from '@/lib/auth/data';
import { hashPassword } from '@/lib/auth/password';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import type { Tx } from '@/lib/db';
import { ConflictError, NotFoundError, RefusedError } from '@/lib/errors';
import { isWithinScope } from '@/lib/regions/rules';
import { scope } from '@/lib/regions/scope';
import { CADRE_ROLES, issuePassword, needsApproval, scopeFitsRole } from './rules';
import type {
  createUserSchema,
  decideApprovalSchema,
  resetPasswordSchema,
  setUserDisabledSchema,
  updateUserSchema,
} from './schema';

async function assertScopeAllowed(
  tx: Tx,
  viewer: Viewer,
  role: Parameters<typeof scopeFitsRole>[0],
  scopeCode: string,
) {
  if (!isWithinScope(scopeCode, viewer.scopeCode) || !(await tx.region.findUnique({ where: { code: scopeCode } })))
    throw new RefusedError('users.scopeOutside', 'scopeCode');
  if (!scopeFitsRole(role, scopeCode)) throw new RefusedError('users.scopeLevel', 'scopeCode');
}

async function findManagedUser(tx: Tx, viewer: Viewer, id: number) {
  const user = await tx.user.findFirst({ where: { id, ...scope.user(viewer) } });
  if (!user) throw new NotFoundError();
  return user;
}

/** Links a new account to its cadre record: one in the viewer's area, still active and without an account. */
async function linkCadre(tx: Tx, viewer: Viewer, cadreId: number | undefined, userId: number) {
  if (cadreId === undefined) return;
  const linked = await tx.cadre.updateMany({
    where: { id: cadreId, userId: null, active: true, ...scope.cadre(viewer) },
    data: { userId },
  });
  if (linked.count === 0) throw new RefusedError('users.cadreUnavailable', 'cadreId');
}

export async function createUser({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof createUserSchema>>): Promise<CommandOutcome> {
  const { cadreId, ...account } = input;
  await assertScopeAllowed(tx, viewer, input.role, input.scopeCode);
  if (await tx.user.findUnique({ where: { username: input.username } }))
    throw new RefusedError('users.usernameTaken', 'username');
  if (cadreId !== undefined && !CADRE_ROLES.includes(input.role))
    throw new RefusedError('users.cadreNotForRole', 'cadreId');
  if (needsApproval(input.role)) {
    // No password yet: the approver issues it, so whoever asked for the account never holds its password.
    // Until then the hash is of a secret nobody holds: no password matches, at the same argon2 cost as any.
    const user = await tx.user.create({
      data: {
        ...account,
        passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
        mustChangePassword: true,
        pendingApproval: 'CREATE',
        pendingRequestedById: viewer.userId,
        pendingRequestedAt: new Date(),
      },
    });
    await linkCadre(tx, viewer, cadreId, user.id);
    return {
      entity: 'User',
      entityId: user.id,
      regionCode: user.scopeCode,
      changes: { ...input, pendingApproval: 'CREATE' },
      message: 'users.createdPending',
      data: { userId: String(user.id), username: user.username },
    };
  }
  const password = issuePassword();
  const user = await tx.user.create({
    data: { ...account, passwordHash: await hashPassword(password), mustChangePassword: true },
  });
  await linkCadre(tx, viewer, cadreId, user.id);
  return {
    entity: 'User',
    entityId: user.id,
    regionCode: user.scopeCode,
    changes: { ...input },
    message: 'users.created',
    data: { userId: String(user.id), username: user.username, issuedPassword: password },
  };
}

export async function updateUser({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof updateUserSchema>>): Promise<CommandOutcome> {
  const user = await findManagedUser(tx, viewer, input.id);
  await assertScopeAllowed(tx, viewer, input.role, input.scopeCode);
  if (user.id === viewer.userId && (input.role !== user.role || input.scopeCode !== user.scopeCode))
    throw new RefusedError('users.notOwnRole', 'role');
  // An account whose password may be known to the account admin must not gain area data without approval.
  if (needsApproval(input.role) && !needsApproval(user.role))
    throw new RefusedError('users.roleNeedsNewAccount', 'role');
  const accessChanged = input.role !== user.role || input.scopeCode !== user.scopeCode;
  const updated = await tx.user.updateMany({
    where: { id: user.id, version: input.version },
    data: {
      displayName: input.displayName,
      role: input.role,
      scopeCode: input.scopeCode,
      version: { increment: 1 },
      ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}), // ends their sessions at the next request
    },
  });
  if (updated.count === 0) throw new ConflictError();
  const { id: _id, version: _version, ...fields } = input;
  return {
    entity: 'User',
    entityId: user.id,
    regionCode: input.scopeCode,
    changes: diffFields(user, fields),
    message: 'users.updated',
  };
}

export async function setUserDisabled({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof setUserDisabledSchema>>): Promise<CommandOutcome> {
  const user = await findManagedUser(tx, viewer, input.id);
  if (user.id === viewer.userId) throw new RefusedError('users.notSelf');
  const updated = await tx.user.updateMany({
    where: { id: user.id, version: input.version },
    data: { disabled: input.disabled, version: { increment: 1 }, sessionVersion: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'User',
    entityId: user.id,
    regionCode: user.scopeCode,
    changes: { disabled: { from: user.disabled, to: input.disabled } },
    message: input.disabled ? 'users.disabledDone' : 'users.enabledDone',
  };
}

export async function resetUserPassword({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof resetPasswordSchema>>): Promise<CommandOutcome> {
  const user = await findManagedUser(tx, viewer, input.id);
  if (user.id === viewer.userId) throw new RefusedError('users.notSelf');
  if (user.pendingApproval) throw new RefusedError('users.alreadyPending');
  if (needsApproval(user.role)) {
    // The old password stays until a county office admin approves; the approver issues the new one.
    const updated = await tx.user.updateMany({
      where: { id: user.id, version: input.version },
      data: {
        pendingApproval: 'PASSWORD_RESET',
        pendingRequestedById: viewer.userId,
        pendingRequestedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new ConflictError();
    return {
      entity: 'User',
      entityId: user.id,
      regionCode: user.scopeCode,
      changes: { pendingApproval: 'PASSWORD_RESET' },
      message: 'users.passwordResetPending',
    };
  }
  const password = issuePassword();
  const updated = await tx.user.updateMany({
    where: { id: user.id, version: input.version },
    data: await issuedPasswordData(password),
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'User',
    entityId: user.id,
    regionCode: user.scopeCode,
    changes: { password: 'reset', unlocked: true },
    message: 'users.passwordReset',
    data: { issuedPassword: password },
  };
}

/** A newly issued password: changed at first sign-in, the lock lifted, every session of the account ended. */
async function issuedPasswordData(password: string) {
  return {
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    failedLoginCount: 0,
    lockedUntil: null,
    version: { increment: 1 },
    sessionVersion: { increment: 1 },
  };
}

/** A pending request in the approver's area, never one the approver made or one for their own account. */
async function findPendingRequest(tx: Tx, viewer: Viewer, id: number) {
  const user = await tx.user.findFirst({ where: { id, ...scope.user(viewer) } });
  if (!user) throw new NotFoundError();
  if (!user.pendingApproval) throw new RefusedError('users.notPending');
  if (user.id === viewer.userId || user.pendingRequestedById === viewer.userId)
    throw new RefusedError('users.notOwnApproval');
  return user as typeof user & { pendingApproval: NonNullable<typeof user.pendingApproval> };
}

const CLEAR_PENDING = { pendingApproval: null, pendingRequestedById: null, pendingRequestedAt: null };

/**
 * A county office admin approves: the account (or its new password) takes effect now. The password is
 * issued to the approver, who hands it over; every session of the account ends.
 */
export async function approveAccount({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof decideApprovalSchema>>): Promise<CommandOutcome> {
  const user = await findPendingRequest(tx, viewer, input.id);
  const password = issuePassword();
  const updated = await tx.user.updateMany({
    where: { id: user.id, version: input.version, pendingApproval: user.pendingApproval },
    data: { ...CLEAR_PENDING, ...(await issuedPasswordData(password)) },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'User',
    entityId: user.id,
    regionCode: user.scopeCode,
    changes: { approved: user.pendingApproval, requestedById: user.pendingRequestedById },
    message: user.pendingApproval === 'CREATE' ? 'users.approvedAccount' : 'users.approvedReset',
    data: { username: user.username, issuedPassword: password },
  };
}

/** A county office admin rejects: a new account stays disabled without a password; a reset leaves the old password. */
export async function rejectAccount({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof decideApprovalSchema>>): Promise<CommandOutcome> {
  const user = await findPendingRequest(tx, viewer, input.id);
  const updated = await tx.user.updateMany({
    where: { id: user.id, version: input.version, pendingApproval: user.pendingApproval },
    data: {
      ...CLEAR_PENDING,
      ...(user.pendingApproval === 'CREATE' ? { disabled: true } : {}),
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'User',
    entityId: user.id,
    regionCode: user.scopeCode,
    changes: { rejected: user.pendingApproval, requestedById: user.pendingRequestedById },
    message: 'users.rejected',
  };
}
