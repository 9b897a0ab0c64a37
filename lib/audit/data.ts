import 'server-only';
import { forbidden } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { type Db, db, execute, rows, type Tx } from '@/lib/db';
import type { AuditResult, Prisma, Role } from '@/lib/generated/prisma/client';
import { scope } from '@/lib/regions/scope';
import { type AuditChanges, sanitizeChanges } from './rules';
import { auditCounts, insertAudit } from './sql';

export type { Tx };

/** The auditor's reads: 403 without audit.view (not requireCan of lib/auth/guard, which imports this file). */
function requireAuditor(viewer: { role: Role }) {
  if (!can(viewer.role, 'audit.view')) forbidden();
}

export type AuditActor = { userId: number; username: string; role: Role } | null;

export type AuditEntry = {
  action: string;
  result: AuditResult;
  entity?: string;
  entityId?: string | number;
  regionCode?: string;
  changes?: AuditChanges;
  message?: string;
  requestId?: string;
};

export async function writeAudit(client: Db | Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const changes = sanitizeChanges(entry.changes);
  const row = {
    userId: actor?.userId ?? null,
    username: actor?.username ?? null,
    role: actor?.role ?? null,
    action: entry.action,
    result: entry.result,
    entity: entry.entity ?? null,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    regionCode: entry.regionCode ?? null,
    changes: changes === undefined ? null : JSON.stringify(changes),
    message: entry.message?.slice(0, 500) ?? null,
    requestId: entry.requestId ?? null,
  };
  await execute(client, insertAudit(row, new Date()));
}

/** Audit outside any transaction: for refusals and failures, which must be kept even when nothing was written. */
export function writeAuditNow(actor: AuditActor, entry: AuditEntry): Promise<void> {
  return writeAudit(db, actor, entry);
}

/** Runs a change and writes its audit row in the same transaction: both land or neither does. */
export async function runAudited<
  T extends {
    entity: string;
    entityId?: string | number;
    regionCode?: string;
    changes?: AuditChanges;
    message?: string;
  },
>(actor: AuditActor, action: string, requestId: string, change: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    const outcome = await change(tx);
    await writeAudit(tx, actor, {
      action,
      result: 'OK',
      entity: outcome.entity,
      entityId: outcome.entityId,
      regionCode: outcome.regionCode,
      changes: outcome.changes,
      requestId,
    });
    return outcome;
  });
}

export const AUDIT_PAGE_SIZE = 50;
export type AuditFilters = {
  username?: string;
  action?: string;
  result?: AuditResult;
  from?: string;
  to?: string;
  page?: number;
};

/** The auditor's search: rows of the auditor's area and sign-ins with no area, newest first. */
export async function searchAudit(viewer: { role: Role; scopeCode: string }, filters: AuditFilters) {
  requireAuditor(viewer);
  const day = (value: string | undefined, endOfDay: boolean) =>
    value && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}+08:00`)
      : undefined;
  const from = day(filters.from, false);
  const to = day(filters.to, true);
  const where: Prisma.AuditLogWhereInput = {
    // Sign-ins of unknown names (and refused addresses) have no area; auditors see them so that
    // password spraying shows.
    OR: [scope.auditLog(viewer), { regionCode: null, action: { startsWith: 'auth.' } }],
    ...(filters.username ? { username: { contains: filters.username, mode: 'insensitive' } } : {}),
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.result ? { result: filters.result } : {}),
    ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
  const page = Math.max(1, filters.page ?? 1);
  const [total, found] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { at: 'desc' }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { total, page, pageSize: AUDIT_PAGE_SIZE, rows: found.map((row) => ({ ...row, id: String(row.id) })) };
}

export async function auditActionNames(): Promise<string[]> {
  const actions = await db.auditLog.findMany({
    distinct: ['action'],
    select: { action: true },
    orderBy: { action: 'asc' },
  });
  return actions.map((row) => row.action);
}

/** Counts for the auditor's home page (today in China Standard Time). */
export async function auditSummary(viewer: { role: Role; scopeCode: string }) {
  requireAuditor(viewer);
  const [row] = await rows(db, auditCounts(viewer.scopeCode));
  return {
    total: Number(row.total),
    today: Number(row.today),
    refusedToday: Number(row.refused),
    invalidToday: Number(row.invalid),
  };
}
