// Inspections' raw SQL: each statement a function returning its Query, run with rows() of lib/db.ts.
import { CLAIMED_BUT_ABSENT } from '@/lib/attendance/sql';
import { type Fragment, sql } from '@/lib/sql';

export type DiscrepancyRow = {
  id: number;
  inspection_id: number;
  village_code: string;
  cadre_id: number;
  day: Date;
  note: string | null;
  claimed: string;
  name: string;
  inspection_kind: string;
};

/**
 * Discrepancies (see lib/attendance/sql.ts) matching `filter` (on pc, the presence check), newest first.
 * Those of inspections not yet DONE only with `definition` ABSENT_ON_CLAIMED_DAY (the inspection's own views).
 */
export const discrepancies = (filter: Fragment, definition: Fragment = CLAIMED_BUT_ABSENT) =>
  sql<DiscrepancyRow>`
    SELECT pc.id, pc.inspection_id, pc.village_code, pc.cadre_id, pc.day, pc.note, ar.kind::text AS claimed, c.name, i.kind::text AS inspection_kind
      FROM presence_check pc
      JOIN attendance_record ar ON ${definition}
      JOIN cadre c ON c.id = pc.cadre_id
      JOIN inspection i ON i.id = pc.inspection_id
     WHERE ${filter}
     ORDER BY pc.day DESC, pc.id DESC`;
