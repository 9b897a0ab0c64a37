// The audit log's raw SQL: each statement a function returning its Query, run with rows() of lib/db.ts.
import type { AuditResult, Role } from '@/lib/enums';
import { sql } from '@/lib/sql';

export type AuditCountRow = { total: bigint; today: bigint; refused: bigint; invalid: bigint };

/**
 * Rows of an area (and sign-ins with no area) in all, and since China's midnight: all, refused, invalid.
 * Midnight is worked out by the database in Asia/Shanghai, so the server's clock zone never matters.
 */
export const auditCounts = (prefix: string) =>
  sql<AuditCountRow>`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') AS today,
           count(*) FILTER (WHERE result = 'REFUSED' AND at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') AS refused,
           count(*) FILTER (WHERE result = 'INVALID' AND at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') AS invalid
      FROM audit_log
     WHERE region_code LIKE ${`${prefix}%`} OR (region_code IS NULL AND action LIKE 'auth.%')`;

export type AuditRow = {
  userId: number | null;
  username: string | null;
  role: Role | null;
  action: string;
  result: AuditResult;
  entity: string | null;
  entityId: string | null;
  regionCode: string | null;
  /** JSON text, or null. */
  changes: string | null;
  message: string | null;
  requestId: string | null;
};

/** One audit row (the chain's hashes are the database trigger's): every write's last statement, kept to one. */
export const insertAudit = (row: AuditRow, at: Date) =>
  sql`
    INSERT INTO audit_log (at, user_id, username, role, action, result, entity, entity_id, region_code, changes, message, request_id)
    VALUES (${at}, ${row.userId}, ${row.username}, ${row.role}::"Role", ${row.action}, ${row.result}::"AuditResult",
            ${row.entity}, ${row.entityId}, ${row.regionCode}, ${row.changes}::jsonb, ${row.message}, ${row.requestId})`;
