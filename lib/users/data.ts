import 'server-only';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { Prisma, Role } from '@/lib/generated/prisma/client';

export const USERS_PAGE_SIZE = 50;

export type UserFilters = {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled' | 'locked' | 'pending';
  page?: number;
};

function scopedUsers(viewer: Viewer): Prisma.UserWhereInput {
  return { scopeCode: { startsWith: viewer.scopeCode } };
}

export async function listUsers(viewer: Viewer, filters: UserFilters) {
  if (!can(viewer.role, 'user.manage')) return null;
  const now = new Date();
  const where: Prisma.UserWhereInput = {
    ...scopedUsers(viewer),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status === 'disabled' ? { disabled: true } : {}),
    ...(filters.status === 'active' ? { disabled: false } : {}),
    ...(filters.status === 'locked' ? { lockedUntil: { gt: now } } : {}),
    ...(filters.status === 'pending' ? { pendingApproval: { not: null } } : {}),
    ...(filters.q
      ? { OR: [{ username: { contains: filters.q, mode: 'insensitive' } }, { displayName: { contains: filters.q } }] }
      : {}),
  };
  const page = Math.max(1, filters.page ?? 1);
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ scopeCode: 'asc' }, { username: 'asc' }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        username: true,
        displayName: true,
        role: true,
        scopeCode: true,
        disabled: true,
        lockedUntil: true,
        mustChangePassword: true,
        lastLoginAt: true,
        pendingApproval: true,
        scope: { select: { name: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageSize: USERS_PAGE_SIZE,
    rows: rows.map((row) => ({ ...row, locked: !!row.lockedUntil && row.lockedUntil > now })),
  };
}

export async function getUser(viewer: Viewer, id: number) {
  if (!can(viewer.role, 'user.manage') || !Number.isInteger(id)) return null;
  return db.user.findFirst({
    where: { id, ...scopedUsers(viewer) },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      scopeCode: true,
      disabled: true,
      lockedUntil: true,
      mustChangePassword: true,
      lastLoginAt: true,
      version: true,
      createdAt: true,
      pendingApproval: true,
      scope: { select: { name: true } },
    },
  });
}

/** Areas an account may be scoped to, for the account form: the viewer's area and everything in it. */
export async function scopeOptions(viewer: Viewer) {
  if (!can(viewer.role, 'user.manage')) return [];
  return db.region.findMany({
    where: { code: { startsWith: viewer.scopeCode } },
    orderBy: { code: 'asc' },
    select: { code: true, name: true, level: true },
  });
}

export async function accountCounts(viewer: Viewer) {
  if (!can(viewer.role, 'user.manage')) return null;
  const groups = await db.user.groupBy({
    by: ['role', 'disabled'],
    where: scopedUsers(viewer),
    _count: { _all: true },
  });
  return groups.map((group) => ({ role: group.role, disabled: group.disabled, count: group._count._all }));
}

/**
 * Accounts and password resets of the approver's area waiting for approval, oldest first. Requests the
 * viewer made, or for the viewer's own account, are left out: another person must decide them.
 */
export async function listPendingApprovals(viewer: Viewer) {
  if (!can(viewer.role, 'user.approve')) return null;
  const rows = await db.user.findMany({
    where: {
      ...scopedUsers(viewer),
      pendingApproval: { not: null },
      id: { not: viewer.userId },
      OR: [{ pendingRequestedById: null }, { pendingRequestedById: { not: viewer.userId } }],
    },
    orderBy: [{ pendingRequestedAt: 'asc' }, { id: 'asc' }],
    take: 200,
    select: {
      id: true,
      version: true,
      username: true,
      displayName: true,
      role: true,
      pendingApproval: true,
      pendingRequestedAt: true,
      scope: { select: { name: true } },
      pendingRequestedBy: { select: { displayName: true, username: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scopeName: row.scope.name,
    kind: row.pendingApproval!,
    requestedAt: row.pendingRequestedAt,
    requestedBy: row.pendingRequestedBy?.displayName ?? null,
  }));
}
