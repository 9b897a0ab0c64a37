// The problem ledger's raw SQL: the counts per area of the next level down, each a function returning
// its Query, run with rows() of lib/db.ts.
import type { ProblemCategory, ProblemSource, Urgency } from '@/lib/enums';
import { sql } from '@/lib/sql';

export type LedgerCountRow = {
  child: string;
  found: number;
  solved: number;
  struck: number;
  open: number;
  overdue: number;
  escalated: number;
};

/**
 * Per area of the next level down inside `prefix` (the first `childLength` digits): problems found,
 * solved (awaiting strike-off), struck off, still open, overdue on `today` and escalated, of the year
 * found and the category, urgency and source when given.
 */
export const ledgerCountsByChild = (q: {
  prefix: string;
  childLength: number;
  today: Date;
  year: number | null;
  category: ProblemCategory | null;
  urgency: Urgency | null;
  source: ProblemSource | null;
}) => sql<LedgerCountRow>`
    SELECT left(region_code, ${q.childLength}::int) AS child, count(*)::int AS found,
           count(*) FILTER (WHERE status = 'SOLVED')::int AS solved,
           count(*) FILTER (WHERE status = 'STRUCK_OFF')::int AS struck,
           count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED'))::int AS open,
           count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED') AND deadline < ${q.today}::date)::int AS overdue,
           count(*) FILTER (WHERE status = 'ESCALATED')::int AS escalated
      FROM problem
     WHERE region_code LIKE ${`${q.prefix}%`}
       AND (${q.year}::int IS NULL OR found_on BETWEEN make_date(${q.year}::int, 1, 1) AND make_date(${q.year}::int, 12, 31))
       AND (${q.category}::text IS NULL OR category::text = ${q.category})
       AND (${q.urgency}::text IS NULL OR urgency::text = ${q.urgency})
       AND (${q.source}::text IS NULL OR source::text = ${q.source})
     GROUP BY 1`;

/** The problem's row lock: two sends of the same step (the outbox) wait for each other, the second finds the first. */
export const lockProblem = (problemId: number) => sql`SELECT 1 FROM problem WHERE id = ${problemId} FOR UPDATE`;
