// The pairings' raw SQL: the lock that serialises two clerks adding the same person, cadres by load against
// their rank's quota, the cadres' load, and the cadres a proposal may choose from. Each a
// function returning its Query, run with rows()/execute() of lib/db.ts. The cadre row lock is teams'
// (lockCadre of lib/teams/sql.ts): postings and pairings take the same one.
import type { CadreRank, LeaderRole } from '@/lib/enums';
import { sql } from '@/lib/sql';
import type { QuotaPolicy } from './rules';

/** Two clerks adding the same person (the same ID number's hash) at once: one waits for the other. */
export const lockIdNumber = (hash: string) => sql`SELECT pg_advisory_xact_lock(hashtext(${hash}))`;

/** The quota of a cadre row `c` by its rank, the county's numbers bound as integers. */
const quotaOfRank = (policy: QuotaPolicy) =>
  sql`CASE c.rank WHEN 'COUNTY_CHIEF' THEN ${policy.quotaCountyChief}::int WHEN 'COUNTY_DEPUTY' THEN ${policy.quotaCountyDeputy}::int
              WHEN 'SECTION_CHIEF' THEN ${policy.quotaSectionChief}::int WHEN 'SECTION_DEPUTY' THEN ${policy.quotaSectionDeputy}::int ELSE ${policy.quotaOrdinary}::int END`;

/** Active pairings per cadre, to join as `u` (cadre_id, n). */
const activeCounts = sql`(SELECT cadre_id, count(*)::int AS n FROM pairing WHERE ended_on IS NULL GROUP BY cadre_id)`;

export type IdRow = { id: number };
/** Active cadres kept inside `county` at their quota or above (`full`), or below it. */
export const cadresByLoad = (county: string, policy: QuotaPolicy, full: boolean) => sql<IdRow>`
    SELECT c.id FROM cadre c LEFT JOIN ${activeCounts} u ON u.cadre_id = c.id
     WHERE c.region_code LIKE ${`${county}%`} AND c.active
       AND (coalesce(u.n, 0) >= ${quotaOfRank(policy)}) = ${full}::boolean`;

export type LoadRow = { rank: CadreRank; used: number; n: number };
/** Active cadres kept inside `prefix`, counted by rank and number of households paired now. */
export const cadreLoadRows = (prefix: string) => sql<LoadRow>`
    SELECT c.rank, coalesce(u.n, 0)::int AS used, count(*)::int AS n
      FROM cadre c LEFT JOIN ${activeCounts} u ON u.cadre_id = c.id
     WHERE c.region_code LIKE ${`${prefix}%`} AND c.active
     GROUP BY 1, 2`;

export type CandidateRow = {
  id: number;
  unit_id: number;
  region_code: string;
  rank: CadreRank;
  leader_role: LeaderRole | null;
  name: string;
  unit: string;
  used: number;
};
/**
 * Active cadres kept inside `county` (but `except`) with their unit and households paired now, leaving out
 * anyone who is a member of a household of the `poor` statuses (a poor person is not paired to help).
 */
export const candidateCadres = (county: string, except: number, poor: readonly string[]) => sql<CandidateRow>`
    SELECT c.id, c.unit_id, c.region_code, c.rank::text AS rank, c.leader_role::text AS leader_role, c.name, u.name AS unit,
           coalesce(p.n, 0)::int AS used
      FROM cadre c JOIN unit u ON u.id = c.unit_id
      LEFT JOIN ${activeCounts} p ON p.cadre_id = c.id
     WHERE c.region_code LIKE ${`${county}%`} AND c.active AND c.id <> ${except}::int
       AND NOT EXISTS (SELECT 1 FROM person m JOIN household h ON h.id = m.household_id
                        WHERE m.id_number_hash = c.id_number_hash AND h.status::text = ANY(${poor}))`;
