// The region registry's raw SQL: each statement a function returning its Query, run with rows() of lib/db.ts.
import { sql } from '@/lib/sql';

export type ChildCountRow = { child: string; villages: bigint; poor: bigint; exited: bigint };

/** Villages under `parentCode`, counted per child area (the code's first `childLength` digits). */
export const villageCountsByChild = (parentCode: string, childLength: number) =>
  sql<ChildCountRow>`
    SELECT left(code, ${childLength}) AS child,
           count(*) AS villages,
           count(*) FILTER (WHERE is_poor_village) AS poor,
           count(*) FILTER (WHERE is_poor_village AND exited_year IS NOT NULL) AS exited
      FROM region
     WHERE level = 'VILLAGE' AND code LIKE ${`${parentCode}%`}
     GROUP BY 1`;

export type AreaCountRow = { townships: bigint; villages: bigint; poor: bigint; exited: bigint; planned: bigint };

/** Townships, villages and poor villages in an area; `planned`: poor villages still to exit in `year`. */
export const areaCounts = (prefix: string, year: number) =>
  sql<AreaCountRow>`
    SELECT count(*) FILTER (WHERE level = 'TOWNSHIP') AS townships,
           count(*) FILTER (WHERE level = 'VILLAGE') AS villages,
           count(*) FILTER (WHERE level = 'VILLAGE' AND is_poor_village) AS poor,
           count(*) FILTER (WHERE level = 'VILLAGE' AND is_poor_village AND exited_year IS NOT NULL) AS exited,
           count(*) FILTER (WHERE level = 'VILLAGE' AND is_poor_village AND exited_year IS NULL
                              AND planned_exit_year = ${year}::int) AS planned
      FROM region
     WHERE code LIKE ${`${prefix}%`}`;
