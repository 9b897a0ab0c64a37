// The compliance table's one query, shared by the data layer and the benchmark's plain-SQL floor.
// Every posting in an area that overlaps a year, with its records counted inside posting ∩ year ∩ up
// to today. Parameters: $1 area prefix + '%', $2 Jan 1, $3 Dec 31, $4 last counted day (today or
// Dec 31), $5 today (all 'YYYY-MM-DD').
export const COMPLIANCE_SQL = `
  SELECT p.id AS posting_id, p.cadre_id, c.name, p.role::text AS role, p.team_id, p.village_code, v.name AS village, t.name AS township,
         p.start_date, coalesce(p.ended_on, p.planned_end_date) AS end_date,
         count(r.id) FILTER (WHERE r.kind IN ('IN_VILLAGE', 'OVERNIGHT'))::int AS days,
         count(r.id) FILTER (WHERE r.kind = 'OVERNIGHT')::int AS nights,
         count(r.id) FILTER (WHERE r.kind = 'LEAVE')::int AS leave,
         count(r.id) FILTER (WHERE r.kind = 'TRAINING')::int AS training,
         count(r.id) FILTER (WHERE r.kind = 'MEETING')::int AS meeting,
         count(r.id) FILTER (WHERE r.kind = 'BUSINESS_TRIP')::int AS business_trip,
         count(r.id)::int AS recorded,
         count(r.id) FILTER (WHERE r.marked)::int AS marked,
         coalesce(bool_or(r.day = $5::date), false) AS today_recorded
    FROM posting p
    JOIN cadre c ON c.id = p.cadre_id
    JOIN region v ON v.code = p.village_code
    LEFT JOIN region t ON t.code = v.parent_code
    LEFT JOIN attendance_record r
      ON r.posting_id = p.id
     AND r.day BETWEEN greatest(p.start_date, $2::date) AND least(coalesce(p.ended_on, p.planned_end_date), $4::date)
   WHERE p.village_code LIKE $1
     AND p.start_date <= $3::date
     AND coalesce(p.ended_on, p.planned_end_date) >= $2::date
   GROUP BY p.id, c.name, v.name, t.name`;

export function complianceParams(prefix: string, year: number, today: string): [string, string, string, string, string] {
  const last = `${year}-12-31`;
  return [`${prefix}%`, `${year}-01-01`, last, today < last ? today : last, today];
}
