// The compliance table's one query, shared by the data layer and the benchmark's plain-SQL floor.
// Every posting in an area that overlaps a year, with its records counted inside posting ∩ year ∩ up
// to today. Parameters: $1 area prefix + '%' (or, for complianceSql('villages'), an array of village
// codes), $2 Jan 1, $3 Dec 31, $4 last counted day (today or
// Dec 31), $5 today (all 'YYYY-MM-DD').
// Records are counted per posting id first (an integer group key), and only then joined to the names.
export function complianceSql(area: 'prefix' | 'villages'): string {
  return `
  WITH p AS (
    SELECT id, cadre_id, role, team_id, village_code, start_date, coalesce(ended_on, planned_end_date) AS end_date
      FROM posting
     WHERE ${area === 'prefix' ? 'village_code LIKE $1' : 'village_code = ANY($1::text[])'} AND start_date <= $3::date AND coalesce(ended_on, planned_end_date) >= $2::date
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
           bool_or(r.day = $5::date) AS today_recorded
      FROM p JOIN attendance_record r
        ON r.posting_id = p.id AND r.day BETWEEN greatest(p.start_date, $2::date) AND least(p.end_date, $4::date)
     GROUP BY r.posting_id
  )
  SELECT p.id AS posting_id, p.cadre_id, c.name, p.role::text AS role, p.team_id, p.village_code, v.name AS village, t.name AS township,
         p.start_date, p.end_date,
         coalesce(k.days, 0) AS days, coalesce(k.nights, 0) AS nights, coalesce(k.leave, 0) AS leave, coalesce(k.training, 0) AS training,
         coalesce(k.meeting, 0) AS meeting, coalesce(k.business_trip, 0) AS business_trip, coalesce(k.recorded, 0) AS recorded,
         coalesce(k.marked, 0) AS marked, coalesce(k.today_recorded, false) AS today_recorded
    FROM p
    JOIN cadre c ON c.id = p.cadre_id
    JOIN region v ON v.code = p.village_code
    LEFT JOIN region t ON t.code = v.parent_code
    LEFT JOIN counts k ON k.posting_id = p.id`;
}
export const COMPLIANCE_SQL = complianceSql('prefix');

/** An area prefix for complianceSql('prefix'), or village codes for complianceSql('villages'). */
export function complianceParams(
  area: string | string[],
  year: number,
  today: string,
): [string | string[], string, string, string, string] {
  const last = `${year}-12-31`;
  return [typeof area === 'string' ? `${area}%` : area, `${year}-01-01`, last, today < last ? today : last, today];
}
