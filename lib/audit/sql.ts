// The audit log's raw SQL: each statement a function returning its Query, run with rows() of lib/db.ts.
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
