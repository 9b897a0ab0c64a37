// Attendance's raw SQL: each statement a function returning its Query, run with rows() of lib/db.ts.
// Built with lib/sql.ts (not lib/db.ts) so the benchmark can import the same queries for its plain-SQL floor.
import type { TeamRole } from '@/lib/enums';
import { sql } from '@/lib/sql';
import { FULL_TIME_ROLES } from '@/lib/teams/rules';

// A discrepancy (考勤不实): the inspector found the person absent (`pc`, a presence_check) on a day
// their attendance record (`ar`) claims 到村 or 驻村. Worked out when read, so a day entered or changed
// after the visit is judged too. Both are join conditions on `ar` and `pc`, spliced into a query.
export const ABSENT_ON_CLAIMED_DAY = sql`ar.cadre_id = pc.cadre_id AND ar.day = pc.day AND ar.kind IN ('IN_VILLAGE', 'OVERNIGHT') AND NOT pc.present`;

// The one definition for the lists, the notice, the month grid, the person's year and the dashboard:
// a discrepancy counts only once its inspection is DONE, so an unannounced visit is not revealed to
// the team or township while it runs. Only the inspection's own page (inspectors) uses the one above.
export const CLAIMED_BUT_ABSENT = sql`${ABSENT_ON_CLAIMED_DAY} AND EXISTS (SELECT 1 FROM inspection di WHERE di.id = pc.inspection_id AND di.status = 'DONE')`;

/** Of these attendance records, those an inspector found absent (a discrepancy of a done inspection). */
export const disputedRecords = (recordIds: bigint[]) =>
  sql<{ id: bigint }>`
    SELECT ar.id FROM attendance_record ar JOIN presence_check pc ON ${CLAIMED_BUT_ABSENT}
     WHERE ar.id = ANY(${recordIds}::bigint[])`;

/** One posting of the compliance table with its records of the year counted. */
export type ComplianceCountRow = {
  posting_id: number;
  cadre_id: number;
  name: string;
  role: TeamRole;
  team_id: number;
  village_code: string;
  village: string;
  township: string;
  start_date: Date;
  end_date: Date;
  days: number;
  nights: number;
  leave: number;
  training: number;
  meeting: number;
  business_trip: number;
  recorded: number;
  marked: number;
  today_recorded: boolean;
  /** Leaders and deputies: days in the village by month number ('1'-'12'); null for other roles or none. */
  month_days: Record<string, number> | null;
};

/**
 * The compliance table's one query, shared by the data layer and the benchmark's plain-SQL floor.
 * Every posting in an area (a division-code prefix, or a list of village codes) that overlaps `year`,
 * with its records counted inside posting ∩ year ∩ up to `today` ('YYYY-MM-DD', China).
 * Records are counted per posting id first (an integer group key), and only then joined to the names.
 */
export function complianceCounts(area: string | string[], year: number, today: string) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const counted = today < last ? today : last;
  const where =
    typeof area === 'string' ? sql`village_code LIKE ${`${area}%`}` : sql`village_code = ANY(${area}::text[])`;
  return sql<ComplianceCountRow>`
  WITH p AS (
    SELECT id, cadre_id, role, team_id, village_code, start_date, coalesce(ended_on, planned_end_date) AS end_date
      FROM posting
     WHERE ${where} AND start_date <= ${last}::date AND coalesce(ended_on, planned_end_date) >= ${first}::date
  ), counts AS (
    SELECT r.posting_id,
           count(*) FILTER (WHERE r.kind IN ('IN_VILLAGE', 'OVERNIGHT'))::int AS days,
           count(*) FILTER (WHERE r.kind = 'OVERNIGHT')::int AS nights,
           count(*) FILTER (WHERE r.kind = 'LEAVE')::int AS leave,
           count(*) FILTER (WHERE r.kind = 'TRAINING')::int AS training,
           count(*) FILTER (WHERE r.kind = 'MEETING')::int AS meeting,
           count(*) FILTER (WHERE r.kind = 'BUSINESS_TRIP')::int AS business_trip,
           count(*)::int AS recorded,
           count(*) FILTER (WHERE r.marked)::int AS marked,
           bool_or(r.day = ${today}::date) AS today_recorded
      FROM p JOIN attendance_record r
        ON r.posting_id = p.id AND r.day BETWEEN greatest(p.start_date, ${first}::date) AND least(p.end_date, ${counted}::date)
     GROUP BY r.posting_id
  ), months AS (
    -- Leaders' and deputies' days in the village per month (1-12), for the monthly rule.
    SELECT posting_id, jsonb_object_agg(m, n) AS month_days
      FROM (SELECT r.posting_id, extract(month FROM r.day)::int AS m, count(*)::int AS n
              FROM p JOIN attendance_record r
                ON r.posting_id = p.id AND r.day BETWEEN greatest(p.start_date, ${first}::date) AND least(p.end_date, ${counted}::date)
             WHERE p.role::text = ANY(${[...FULL_TIME_ROLES]}) AND r.kind IN ('IN_VILLAGE', 'OVERNIGHT')
             GROUP BY 1, 2) x
     GROUP BY posting_id
  )
  SELECT p.id AS posting_id, p.cadre_id, c.name, p.role::text AS role, p.team_id, p.village_code, v.name AS village, t.name AS township,
         p.start_date, p.end_date,
         coalesce(k.days, 0) AS days, coalesce(k.nights, 0) AS nights, coalesce(k.leave, 0) AS leave, coalesce(k.training, 0) AS training,
         coalesce(k.meeting, 0) AS meeting, coalesce(k.business_trip, 0) AS business_trip, coalesce(k.recorded, 0) AS recorded,
         coalesce(k.marked, 0) AS marked, coalesce(k.today_recorded, false) AS today_recorded, mo.month_days
    FROM p
    JOIN cadre c ON c.id = p.cadre_id
    JOIN region v ON v.code = p.village_code
    LEFT JOIN region t ON t.code = v.parent_code
    LEFT JOIN counts k ON k.posting_id = p.id
    LEFT JOIN months mo ON mo.posting_id = p.id`;
}

// ─────────────────────────── The phone check-in ───────────────────────────
// The busiest write of the morning, read in three statements instead of the ORM's nine: the person (locked),
// their posting of the day with the village and the day's record (the team locked for share), the sign-off.

export type CheckInCadreRow = {
  id: number;
  region_code: string;
  late_sync_hours: number | null;
  offline_checkin_days: number | null;
};

/**
 * The cadre of a user, locked so that a second check-in of the same person waits for this one, with the
 * check-in window of their county's policy of `year` (null columns: no policy row, the defaults hold).
 */
export const checkInCadre = (userId: number, year: number) =>
  sql<CheckInCadreRow>`
    SELECT c.id, c.region_code, p.late_sync_hours, p.offline_checkin_days
      FROM cadre c
      LEFT JOIN policy p ON p.county_code = left(c.region_code, 6) AND p.year = ${year}
     WHERE c.user_id = ${userId}
       FOR UPDATE OF c`;

export type CheckInPostingRow = {
  posting_id: number;
  team_id: number;
  village_code: string;
  latitude: number | null;
  longitude: number | null;
  /** The radius of the village's county's policy of the day's year; null: the default. */
  radius_meters: number | null;
  record_id: bigint | null;
  record_posting_id: number | null;
  record_kind: string | null;
  record_marked: boolean | null;
  checkin_at: Date | null;
  night_checkin_at: Date | null;
};

/**
 * The cadre's posting on `day` with its village's point and radius, and the cadre's record of that day if
 * any. The team is locked for share: a sign-off (which locks it exclusively) waits for check-ins in flight,
 * and the sign-off read in the next statement (checkInSignedOff) sees one that came first.
 */
export const checkInPosting = (cadreId: number, day: string) =>
  sql<CheckInPostingRow>`
    SELECT p.id AS posting_id, p.team_id, v.code AS village_code, v.latitude, v.longitude,
           vp.checkin_radius_meters AS radius_meters,
           r.id AS record_id, r.posting_id AS record_posting_id, r.kind::text AS record_kind, r.marked AS record_marked,
           r.checkin_at, r.night_checkin_at
      FROM posting p
      JOIN work_team t ON t.id = p.team_id
      JOIN region v ON v.code = t.village_code
      LEFT JOIN policy vp ON vp.county_code = left(v.code, 6) AND vp.year = ${Number(day.slice(0, 4))}
      LEFT JOIN attendance_record r ON r.cadre_id = p.cadre_id AND r.day = ${day}::date
     WHERE p.cadre_id = ${cadreId}
       AND p.start_date <= ${day}::date AND p.planned_end_date >= ${day}::date
       AND (p.ended_on IS NULL OR p.ended_on >= ${day}::date)
     LIMIT 1
       FOR SHARE OF t`;

/** Whether the team's month is signed off (run after checkInPosting locked the team). */
export const checkInSignedOff = (teamId: number, month: string) =>
  sql<{ signed: boolean }>`
    SELECT EXISTS (SELECT 1 FROM attendance_signoff WHERE team_id = ${teamId} AND month = ${month}) AS signed`;
