// The registry's raw SQL: each statement a function returning its Query, run with rows()/execute() of lib/db.ts.
import { sql } from '@/lib/sql';

/** One user's duplicate hits are counted against the daily cap one call at a time (until the transaction ends). */
export const lockDuplicateHitsOf = (userId: number) =>
  sql`SELECT pg_advisory_xact_lock(hashtext('duplicate_id_hit'), ${userId}::int)`;
