// Sign-in's and the session's raw SQL: the lockout count and the attempt throttle, each a single statement so that parallel
// attempts are ordered by the row lock. Run with rows()/execute() of lib/db.ts.
import type { Role } from '@/lib/enums';
import { sql } from '@/lib/sql';

export type FailedLoginRow = { count: number; locked_until: Date | null };

/**
 * Counts a wrong password: the failure that reaches `maxFailures` locks the account until `lockUntil`;
 * failures while locked are counted but do not extend the lock; after the lock the count starts at 1.
 */
export const recordFailedLogin = (userId: number, now: Date, maxFailures: number, lockUntil: Date) =>
  sql<FailedLoginRow>`
    UPDATE app_user
       SET failed_login_count = CASE WHEN locked_until <= ${now} THEN 1 ELSE failed_login_count + 1 END,
           locked_until = CASE WHEN locked_until > ${now} THEN locked_until
                               WHEN (CASE WHEN locked_until <= ${now} THEN 1 ELSE failed_login_count + 1 END) >= ${maxFailures} THEN ${lockUntil}::timestamptz
                               ELSE NULL END
     WHERE id = ${userId}
    RETURNING failed_login_count AS count, locked_until`;

export type AttemptRow = { failures: number; blocked_until: Date | null; inserted: boolean };

/**
 * Counts one attempt against a throttle key: a new window after `windowStart` or after a block has
 * passed; the attempt that reaches `max` blocks the key until `blockUntil`.
 */
export const takeAttempt = (key: string, max: number, now: Date, windowStart: Date, blockUntil: Date) =>
  sql<AttemptRow>`
    INSERT INTO login_throttle AS t (key, failures, first_at, blocked_until)
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${max} THEN ${blockUntil}::timestamptz END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN (t.blocked_until IS NOT NULL AND t.blocked_until <= ${now}) OR (t.blocked_until IS NULL AND t.first_at <= ${windowStart})
                      THEN 1 ELSE t.failures + 1 END,
      first_at = CASE WHEN (t.blocked_until IS NOT NULL AND t.blocked_until <= ${now}) OR (t.blocked_until IS NULL AND t.first_at <= ${windowStart})
                      THEN ${now} ELSE t.first_at END,
      blocked_until = CASE WHEN (t.blocked_until IS NOT NULL AND t.blocked_until <= ${now}) OR (t.blocked_until IS NULL AND t.first_at <= ${windowStart})
                           THEN CASE WHEN 1 >= ${max} THEN ${blockUntil}::timestamptz END
                           WHEN t.blocked_until IS NOT NULL THEN t.blocked_until
                           WHEN t.failures + 1 >= ${max} THEN ${blockUntil}::timestamptz
                           ELSE NULL END
    RETURNING failures, blocked_until, (xmax = 0) AS inserted`;

/** Throttle rows whose window began before `before` and that block nothing now. */
export const pruneAttempts = (before: Date, now: Date) =>
  sql`DELETE FROM login_throttle WHERE first_at < ${before} AND (blocked_until IS NULL OR blocked_until < ${now})`;

/** Gives back one attempt's count; lifts the block once the count is below `max`. */
export const releaseAttempt = (key: string, max: number) =>
  sql`
    UPDATE login_throttle
       SET failures = failures - 1,
           blocked_until = CASE WHEN failures - 1 < ${max} THEN NULL ELSE blocked_until END
     WHERE key = ${key} AND failures > 0`;

export type SessionRow = {
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
  session_version: number;
  user_id: number;
  username: string;
  display_name: string;
  role: Role;
  scope_code: string;
  scope_name: string;
  disabled: boolean;
  user_session_version: number;
  must_change_password: boolean;
};

/** A session with its user and the name of the user's area: every signed-in request reads this, in one statement. */
export const sessionWithUser = (sessionId: string) =>
  sql<SessionRow>`
    SELECT s.created_at, s.last_seen_at, s.ended_at, s.session_version,
           u.id AS user_id, u.username, u.display_name, u.role::text AS role, u.scope_code, r.name AS scope_name,
           u.disabled, u.session_version AS user_session_version, u.must_change_password
      FROM user_session s
      JOIN app_user u ON u.id = s.user_id
      JOIN region r ON r.code = u.scope_code
     WHERE s.id = ${sessionId}`;
