import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { found } from '@/lib/errors';
import type { Prisma, Role } from '@/lib/generated/prisma/client';
import { scope } from '@/lib/regions/scope';

export const USERS_PAGE_SIZE = 50;

export type UserFilters = {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled' | 'locked' | 'pending';
  page?: number;
};

export async function listUsers(viewer: Viewer, filters: UserFilters) {
  requireCan(viewer, 'user.manage');
  const now = new Date();
  const where: Prisma.UserWhereInput = {
    ...scope.user(viewer),
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

/** An account of the viewer's area; 404 outside it. */
export async function getUser(viewer: Viewer, id: number) {
  requireCan(viewer, 'user.manage');
  if (!Number.isInteger(id)) notFound();
  const user = await db.user.findFirst({
    where: { id, ...scope.user(viewer) },
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
  return found(user);
}

/** Areas an account may be scoped to, for the account form: the viewer's area and everything in it. */
export async function scopeOptions(viewer: Viewer) {
  requireCan(viewer, 'user.manage');
  return db.region.findMany({
    where: scope.region(viewer),
    orderBy: { code: 'asc' },
    select: { code: true, name: true, level: true },
  });
}

/** Cadres of the area without an account yet, for a new team or pairing account to belong to. */
export async function cadresWithoutAccount(viewer: Viewer) {
  requireCan(viewer, 'user.manage');
  const cadres = await db.cadre.findMany({
    where: { userId: null, active: true, ...scope.cadre(viewer) },
    orderBy: [{ regionCode: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, unit: { select: { name: true } } },
    take: 5_000,
  });
  return cadres.map((c) => ({ id: c.id, label: `${c.name}（${c.unit.name}）` }));
}

export async function accountCounts(viewer: Viewer) {
  requireCan(viewer, 'user.manage');
  const groups = await db.user.groupBy({
    by: ['role', 'disabled'],
    where: scope.user(viewer),
    _count: { _all: true },
  });
  return groups.map((group) => ({ role: group.role, disabled: group.disabled, count: group._count._all }));
}

/**
 * Accounts and password resets of the approver's area waiting for approval, oldest first. Requests the
 * viewer made, or for the viewer's own account, are left out: another person must decide them.
 */
export async function listPendingApprovals(viewer: Viewer) {
  requireCan(viewer, 'user.approve');
  const rows = await db.user.findMany({
    where: {
      ...scope.user(viewer),
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
  return rows.flatMap(({ pendingApproval: kind, ...row }) =>
    kind
      ? [
          {
            id: row.id,
            version: row.version,
            username: row.username,
            displayName: row.displayName,
            role: row.role,
            scopeName: row.scope.name,
            kind,
            requestedAt: row.pendingRequestedAt,
            requestedBy: row.pendingRequestedBy?.displayName ?? null,
          },
        ]
      : [],
  ); // every row has a kind (the filter above); the type does not know it
}
