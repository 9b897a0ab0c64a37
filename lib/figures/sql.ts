// The figures kept per village, computed from the source tables. Shared by the recompute
// (lib/figures/commands.ts) and the benchmark's plain-SQL floor. Each figure is defined the
// same way as the list a leader drills into (households by set, the pairing, visit and ledger lists).
// Parameters: $1 village codes, $2 year, $3 today 'YYYY-MM-DD' (China), $4 poor statuses,
// $5 lifted statuses (removed households, 清退, are counted apart: never lifted), $6 must-pair statuses, $7 and $8 the default visit periods (cadre, team days),
// $9 the statuses a responsible cadre helps (the others, but removed ones, have a liaison cadre instead), $10 the leader's default visit period.
// A status event's year is China's calendar year. Inspections count once done (findings and
// household checks with them); a discrepancy counts from the day it is recorded.

import { CLAIMED_BUT_ABSENT } from '@/lib/attendance/sql';
import { HELPED_STATUSES, LIFTED_STATUSES, MUST_PAIR_STATUSES, POOR_STATUSES } from '@/lib/households/rules';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { joinSql, type Query, rawSql, sql } from '@/lib/sql';
import { FIGURE_KEYS, type FigureKey, MONTH_KEYS, type MonthFigures } from './rules';

const VILLAGE_FIGURES_TEXT = `
  WITH v AS (
    SELECT code, is_poor_village FROM region WHERE level = 'VILLAGE' AND code = ANY($1::text[])
  ), pol AS (
    SELECT c.code AS county, coalesce(p.cadre_visit_days, $7) AS cadre_days, coalesce(p.team_visit_days, $8) AS team_days,
           coalesce(p.leader_visit_days, $10) AS leader_days
      FROM region c LEFT JOIN policy p ON p.county_code = c.code AND p.year = $2
     WHERE c.level = 'COUNTY' AND c.code IN (SELECT left(code, 6) FROM v)
  ), events AS (
    -- By the event's own village (a household never changes village, so it is the household's): the index on
    -- (region_code, to_status, at) then reads exactly these villages' events of the year, not the whole province's.
    SELECT se.household_id,
           bool_or(se.to_status = 'LIFTED_OUT') AS lifted, bool_or(se.to_status = 'RETURNED_TO_POVERTY') AS returned,
           bool_or(se.to_status = 'REMOVED') AS removed
      FROM status_event se
     WHERE se.region_code = ANY($1::text[]) AND se.to_status IN ('LIFTED_OUT', 'RETURNED_TO_POVERTY', 'REMOVED')
       AND se.at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Asia/Shanghai') AND se.at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
     GROUP BY se.household_id
  ), h AS (
    SELECT h.region_code AS code, count(*) AS households, sum(h.member_count) AS people,
           count(*) FILTER (WHERE h.status::text = ANY($4)) AS poor_households,
           sum(h.member_count) FILTER (WHERE h.status::text = ANY($4)) AS poor_people,
           count(*) FILTER (WHERE h.status::text = ANY($5)) AS lifted_households,
           sum(h.member_count) FILTER (WHERE h.status::text = ANY($5)) AS lifted_people,
           count(*) FILTER (WHERE e.lifted) AS lifted_year_households,
           sum(h.member_count) FILTER (WHERE e.lifted) AS lifted_year_people,
           count(*) FILTER (WHERE e.returned) AS returned_year_households,
           count(*) FILTER (WHERE h.status::text = ANY($5) OR e.returned) AS return_base,
           count(*) FILTER (WHERE h.status = 'REMOVED') AS removed_households,
           count(*) FILTER (WHERE e.removed) AS removed_year_households,
           count(*) FILTER (WHERE h.status::text = ANY($6)) AS must_pair,
           count(*) FILTER (WHERE h.status::text = ANY($6) AND EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = h.id AND p.ended_on IS NULL)) AS paired,
           count(*) FILTER (WHERE NOT h.status::text = ANY($9) AND h.status <> 'REMOVED') AS liaison_due,
           count(*) FILTER (WHERE NOT h.status::text = ANY($9) AND h.status <> 'REMOVED'
                              AND EXISTS (SELECT 1 FROM household_liaison l WHERE l.household_id = h.id AND l.ended_on IS NULL)) AS liaison_covered
      FROM household h LEFT JOIN events e ON e.household_id = h.id
     WHERE h.region_code = ANY($1::text[])
     GROUP BY 1
  ), cadre_visits AS (
    SELECT pr.region_code AS code, count(*) AS due,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visit x WHERE x.household_id = pr.household_id AND x.visitor_cadre_id = pr.cadre_id
                                           AND x.visited_on > $3::date - pol.cadre_days)) AS done,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visit x WHERE x.household_id = pr.household_id AND x.visitor_cadre_id = pr.cadre_id
                                           AND x.kind <> 'PHONE' AND x.visited_on > $3::date - pol.cadre_days)) AS in_person
      FROM pairing pr JOIN pol ON pol.county = left(pr.region_code, 6)
     WHERE pr.ended_on IS NULL AND pr.region_code = ANY($1::text[])
     GROUP BY 1
  ), team_visits AS (
    SELECT h.region_code AS code, count(*) AS due,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visit x JOIN posting ps ON ps.cadre_id = x.visitor_cadre_id AND ps.village_code = h.region_code AND ps.ended_on IS NULL
                                           WHERE x.household_id = h.id AND x.visited_on > $3::date - pol.team_days)) AS done,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visit x JOIN posting ps ON ps.cadre_id = x.visitor_cadre_id AND ps.village_code = h.region_code AND ps.ended_on IS NULL
                                           WHERE x.household_id = h.id AND x.kind <> 'PHONE' AND x.visited_on > $3::date - pol.team_days)) AS in_person,
           count(*) FILTER (WHERE h.status::text = ANY($4)) AS leader_due,
           count(*) FILTER (WHERE h.status::text = ANY($4) AND EXISTS (
               SELECT 1 FROM visit x JOIN posting ps ON ps.cadre_id = x.visitor_cadre_id AND ps.village_code = h.region_code AND ps.ended_on IS NULL AND ps.role = 'LEADER'
                WHERE x.household_id = h.id AND x.visited_on > $3::date - pol.leader_days)) AS leader_done
      FROM household h JOIN work_team w ON w.village_code = h.region_code JOIN pol ON pol.county = left(h.region_code, 6)
     WHERE h.region_code = ANY($1::text[])
     GROUP BY 1
  ), problems AS (
    SELECT region_code AS code, count(*) AS found,
           count(*) FILTER (WHERE status = 'STRUCK_OFF') AS struck_off,
           count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED')) AS open,
           count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED') AND deadline < $3::date) AS overdue,
           count(*) FILTER (WHERE found_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)) AS year_found,
           count(*) FILTER (WHERE found_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) AND status = 'STRUCK_OFF') AS year_struck_off
      FROM problem WHERE region_code = ANY($1::text[]) GROUP BY 1
  ), oversight AS (
    SELECT iv.village_code AS code, count(*) FILTER (WHERE i.status = 'DONE') AS inspections
      FROM inspection_village iv JOIN inspection i ON i.id = iv.inspection_id
     WHERE iv.village_code = ANY($1::text[]) AND i.planned_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
     GROUP BY 1
  ), checks AS (
    SELECT c.village_code AS code, count(*) FILTER (WHERE c.satisfied IS NOT NULL) AS checks, count(*) FILTER (WHERE c.satisfied) AS satisfied
      FROM household_check c JOIN inspection i ON i.id = c.inspection_id
     WHERE c.village_code = ANY($1::text[]) AND i.status = 'DONE' AND i.planned_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
     GROUP BY 1
  )
  SELECT v.code, v.is_poor_village::int AS poor_village,
         coalesce(h.households, 0)::int AS households, coalesce(h.people, 0)::int AS people,
         coalesce(h.poor_households, 0)::int AS poor_households, coalesce(h.poor_people, 0)::int AS poor_people,
         coalesce(h.lifted_households, 0)::int AS lifted_households, coalesce(h.lifted_people, 0)::int AS lifted_people,
         coalesce(h.lifted_year_households, 0)::int AS lifted_this_year_households, coalesce(h.lifted_year_people, 0)::int AS lifted_this_year_people,
         coalesce(h.returned_year_households, 0)::int AS returned_this_year_households, coalesce(h.return_base, 0)::int AS return_base_households,
         coalesce(h.removed_households, 0)::int AS removed_households, coalesce(h.removed_year_households, 0)::int AS removed_this_year_households,
         (SELECT count(*) FROM work_team w WHERE w.village_code = v.code)::int AS teams,
         coalesce(h.must_pair, 0)::int AS must_pair, coalesce(h.paired, 0)::int AS paired,
         coalesce(h.liaison_due, 0)::int AS liaison_due, coalesce(h.liaison_covered, 0)::int AS liaison_covered,
         (NOT EXISTS (SELECT 1 FROM village_liaison l WHERE l.village_code = v.code))::int AS villages_without_liaison,
         coalesce(cv.due, 0)::int AS cadre_visits_due, coalesce(cv.done, 0)::int AS cadre_visits_done,
         coalesce(tv.due, 0)::int AS team_visits_due, coalesce(tv.done, 0)::int AS team_visits_done,
         coalesce(cv.in_person, 0)::int AS cadre_visits_in_person, coalesce(tv.in_person, 0)::int AS team_visits_in_person,
         coalesce(tv.leader_due, 0)::int AS leader_visits_due, coalesce(tv.leader_done, 0)::int AS leader_visits_done,
         coalesce(pb.found, 0)::int AS problems_found, coalesce(pb.struck_off, 0)::int AS problems_struck_off,
         coalesce(pb.open, 0)::int AS problems_open, coalesce(pb.overdue, 0)::int AS problems_overdue,
         coalesce(pb.year_found, 0)::int AS year_problems_found, coalesce(pb.year_struck_off, 0)::int AS year_problems_struck_off,
         coalesce(ov.inspections, 0)::int AS inspections,
         (SELECT count(*) FROM finding f JOIN inspection i ON i.id = f.inspection_id
           WHERE f.village_code = v.code AND i.status = 'DONE' AND i.planned_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31))::int AS findings,
         (SELECT count(*) FROM presence_check pc JOIN attendance_record ar ON ${CLAIMED_BUT_ABSENT.text}
           WHERE pc.village_code = v.code AND pc.day BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31))::int AS discrepancies,
         coalesce(ck.checks, 0)::int AS household_checks, coalesce(ck.satisfied, 0)::int AS households_satisfied,
         (SELECT count(*) FROM household hh WHERE hh.region_code = v.code AND hh.status::text = ANY($4)
             AND EXISTS (SELECT 1 FROM help_plan hp WHERE hp.household_id = hh.id AND hp.year = $2))::int AS planned_poor_households,
         mon.unstable AS monitored_unstable, mon.marginal AS monitored_marginal, mon.sudden AS monitored_sudden, mon.closed AS risks_closed,
         (SELECT count(*) FROM risk_warning w WHERE w.region_code = v.code AND w.status = 'OPEN')::int AS warnings_open,
         (SELECT count(*) FROM risk_warning w WHERE w.region_code = v.code AND w.status = 'OPEN' AND w.due_on < $3::date)::int AS warnings_overdue
    FROM v
    LEFT JOIN h ON h.code = v.code
    LEFT JOIN cadre_visits cv ON cv.code = v.code
    LEFT JOIN team_visits tv ON tv.code = v.code
    LEFT JOIN problems pb ON pb.code = v.code
    LEFT JOIN oversight ov ON ov.code = v.code
    LEFT JOIN checks ck ON ck.code = v.code
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE m.closed_on IS NULL AND m.kind = 'UNSTABLE_EXITED')::int AS unstable,
             count(*) FILTER (WHERE m.closed_on IS NULL AND m.kind = 'MARGINAL')::int AS marginal,
             count(*) FILTER (WHERE m.closed_on IS NULL AND m.kind = 'SUDDEN_HARDSHIP')::int AS sudden,
             count(*) FILTER (WHERE m.closed_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31))::int AS closed
        FROM monitored_household m WHERE m.region_code = v.code) mon`;

/** Month by month of the year ($1 village codes, $2 year): visits, days in the village, problems found and struck off, lifted out and returned. */
const VILLAGE_MONTH_FIGURES_TEXT = `
  WITH months AS (
    SELECT region_code AS code, extract(month FROM visited_on)::int AS month, count(*) AS visits, 0 AS days, 0 AS found, 0 AS struck, 0 AS lifted, 0 AS returned
      FROM visit WHERE region_code = ANY($1::text[]) AND visited_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) GROUP BY 1, 2
    UNION ALL
    SELECT village_code, extract(month FROM day)::int, 0, count(*), 0, 0, 0, 0
      FROM attendance_record WHERE village_code = ANY($1::text[]) AND day BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
       AND kind IN ('IN_VILLAGE', 'OVERNIGHT') GROUP BY 1, 2
    UNION ALL
    SELECT region_code, extract(month FROM found_on)::int, 0, 0, count(*), 0, 0, 0
      FROM problem WHERE region_code = ANY($1::text[]) AND found_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) GROUP BY 1, 2
    UNION ALL
    SELECT region_code, extract(month FROM struck_off_on)::int, 0, 0, 0, count(*), 0, 0
      FROM problem WHERE region_code = ANY($1::text[]) AND struck_off_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) GROUP BY 1, 2
    UNION ALL
    SELECT region_code, extract(month FROM at AT TIME ZONE 'Asia/Shanghai')::int, 0, 0, 0, 0,
           count(DISTINCT household_id) FILTER (WHERE to_status = 'LIFTED_OUT'), count(DISTINCT household_id) FILTER (WHERE to_status = 'RETURNED_TO_POVERTY')
      FROM status_event WHERE region_code = ANY($1::text[]) AND to_status IN ('LIFTED_OUT', 'RETURNED_TO_POVERTY')
       AND at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Asia/Shanghai') AND at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai') GROUP BY 1, 2
  )
  SELECT code, month, sum(visits)::int AS visits, sum(days)::int AS village_days, sum(found)::int AS problems_found,
         sum(struck)::int AS problems_struck_off, sum(lifted)::int AS lifted_households, sum(returned)::int AS returned_households
    FROM months GROUP BY 1, 2`;

function figuresParams(villageCodes: string[], year: number, today: string): unknown[] {
  const d = DEFAULT_POLICY;
  return [
    villageCodes,
    year,
    today,
    [...POOR_STATUSES],
    [...LIFTED_STATUSES],
    [...MUST_PAIR_STATUSES],
    d.cadreVisitDays,
    d.teamVisitDays,
    [...HELPED_STATUSES],
    d.leaderVisitDays,
  ];
}

function monthFiguresParams(villageCodes: string[], year: number): unknown[] {
  return [villageCodes, year];
}

/** One row per village: its code and each figure of FIGURE_KEYS but the attendance ones (counted in code). */
export type VillageFiguresRow = Record<string, number | string> & { code: string };
export type VillageMonthRow = { code: string; month: number } & Record<string, number>;

/** The figures of these villages for `year` as of `today`, from the source tables. */
export const villageFigures = (villageCodes: string[], year: number, today: string): Query<VillageFiguresRow> => ({
  text: VILLAGE_FIGURES_TEXT,
  values: figuresParams(villageCodes, year, today),
});

/** The month-by-month figures of these villages for `year`. */
export const villageMonthFigures = (villageCodes: string[], year: number): Query<VillageMonthRow> => ({
  text: VILLAGE_MONTH_FIGURES_TEXT,
  values: monthFiguresParams(villageCodes, year),
});

export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const FIGURE_COLUMNS = ['village_code', 'year', 'computed_on', 'computed_at', ...FIGURE_KEYS.map(snake)];

/** One refresh at a time, across server instances: wait for the lock (the background loop) or try it. */
export const REFRESH_LOCK = 730_201;
export const waitRefreshLock = () => sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
export const tryRefreshLock = () =>
  sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS locked`;

/** Villages a write marked stale (the triggers fill figures_stale). */
export const staleMarks = (prefix: string, limit: number) =>
  sql<{ id: bigint; code: string }>`
    SELECT id, village_code AS code FROM figures_stale WHERE village_code LIKE ${prefix} ORDER BY id LIMIT ${limit}`;

/** Villages not yet computed today (or for this year). */
export const notComputedToday = (prefix: string, today: string, year: number, limit: number) =>
  sql<{ code: string }>`
    SELECT v.code FROM region v LEFT JOIN village_figures f ON f.village_code = v.code
     WHERE v.level = 'VILLAGE' AND v.code LIKE ${prefix} AND (f.village_code IS NULL OR f.computed_on < ${today}::date OR f.year <> ${year})
     ORDER BY v.code LIMIT ${limit}`;

/**
 * Every mark of the villages about to be computed, not only those read: a village a bulk load marked many times
 * is computed once. Deleted before the computing statements run (read committed), so the write behind any mark
 * deleted here is in what they read; a mark committed after this stays for next time.
 */
export const clearStaleMarks = (codes: string[]) => sql`DELETE FROM figures_stale WHERE village_code = ANY(${codes})`;

/** Drops the kept figures of villages in `codes` that no longer produce a row (a village without households). */
export const dropFiguresExcept = (codes: string[], kept: string[]) =>
  sql`DELETE FROM village_figures WHERE village_code = ANY(${codes}) AND NOT village_code = ANY(${kept})`;

/** Writes the villages' figures (rows as JSON objects with the table's column names). */
export const upsertFigures = (records: object[]) =>
  sql`INSERT INTO village_figures (${rawSql(FIGURE_COLUMNS.join(', '))})
      SELECT ${rawSql(FIGURE_COLUMNS.join(', '))} FROM json_populate_recordset(NULL::village_figures, ${JSON.stringify(records)}::json)
      ON CONFLICT (village_code) DO UPDATE SET ${rawSql(
        FIGURE_COLUMNS.slice(1)
          .map((c) => `${c} = EXCLUDED.${c}`)
          .join(', '),
      )}`;

/** The same rows into the figures of their year (the year-end values stay when the next year begins). */
export const upsertYearFigures = (records: object[]) =>
  sql`INSERT INTO village_figures_year (${rawSql(FIGURE_COLUMNS.join(', '))})
      SELECT ${rawSql(FIGURE_COLUMNS.join(', '))} FROM json_populate_recordset(NULL::village_figures_year, ${JSON.stringify(records)}::json)
      ON CONFLICT (village_code, year) DO UPDATE SET ${rawSql(
        FIGURE_COLUMNS.slice(2)
          .map((c) => `${c} = EXCLUDED.${c}`)
          .join(', '),
      )}`;

export const dropMonthFigures = (codes: string[]) =>
  sql`DELETE FROM village_month_figures WHERE village_code = ANY(${codes})`;

export const insertMonthFigures = (records: object[]) =>
  sql`INSERT INTO village_month_figures SELECT * FROM json_populate_recordset(NULL::village_month_figures, ${JSON.stringify(records)}::json)`;

/** Whether a write marked any village of the area stale. */
export const anyStale = (prefix: string) =>
  sql<{ stale: boolean }>`SELECT EXISTS (SELECT 1 FROM figures_stale WHERE village_code LIKE ${`${prefix}%`}) AS stale`;

/** Villages of the area whose figures are not current: written to since, or not computed today. */
export const pendingVillages = (prefix: string, today: string) =>
  sql<{ n: number }>`
    SELECT count(*)::int AS n FROM region v LEFT JOIN village_figures f ON f.village_code = v.code
     WHERE v.level = 'VILLAGE' AND v.code LIKE ${`${prefix}%`}
       AND (f.village_code IS NULL OR f.computed_on < ${today}::date
            OR EXISTS (SELECT 1 FROM figures_stale s WHERE s.village_code = v.code))`;

const FIGURE_SUMS = rawSql(FIGURE_KEYS.map((k) => `sum(${snake(k)})::int AS "${k}"`).join(', '));
const MONTH_SUMS = rawSql(MONTH_KEYS.map((k) => `sum(${snake(k)})::int AS "${k}"`).join(', '));
const FIGURE_SNAKES = rawSql(FIGURE_KEYS.map(snake).join(', '));
const MONTH_SNAKES = rawSql(MONTH_KEYS.map(snake).join(', '));
const SUMS_OF = (keys: readonly string[]) => rawSql(keys.map((k) => `sum(${snake(k)})::int`).join(', '));

/**
 * The kept figures of an area summed by the code cut to `length` (its townships, villages…). Above a county
 * (a city, the province) from the counties' sums, which are the same villages' rows summed.
 */
export const figuresByChild = (prefix: string, length: number) =>
  sql<Record<FigureKey, number> & { code: string; villages: number; computed_at: Date }>`${
    prefix.length < 6
      ? sql`SELECT left(county_code, ${length}) AS code, sum(villages)::int AS villages, ${FIGURE_SUMS}, min(computed_at) AS computed_at
              FROM county_figures WHERE county_code LIKE ${`${prefix}%`} GROUP BY 1`
      : sql`SELECT left(village_code, ${length}) AS code, count(*)::int AS villages, ${FIGURE_SUMS}, min(computed_at) AS computed_at
              FROM village_figures WHERE village_code LIKE ${`${prefix}%`} GROUP BY 1`
  }`;

/** The kept month figures of an area, month by month (above a county, from the counties' sums). */
export const monthsOfArea = (prefix: string) =>
  sql<MonthFigures>`${
    prefix.length < 6
      ? sql`SELECT month, ${MONTH_SUMS} FROM county_month_figures WHERE county_code LIKE ${`${prefix}%`} GROUP BY 1 ORDER BY 1`
      : sql`SELECT month, ${MONTH_SUMS} FROM village_month_figures WHERE village_code LIKE ${`${prefix}%`} GROUP BY 1 ORDER BY 1`
  }`;

/** Forgets the counties' sums before they are written again from their villages' rows (rollUpCounty). */
export const dropCountySums = (counties: string[]) => [
  sql`DELETE FROM county_figures WHERE county_code = ANY(${counties})`,
  sql`DELETE FROM county_month_figures WHERE county_code = ANY(${counties})`,
];

/** A county's figures and month figures, summed from its villages' kept rows (nothing when it has none). */
export const rollUpCounty = (county: string) => [
  sql`INSERT INTO county_figures (county_code, villages, computed_at, ${FIGURE_SNAKES})
      SELECT ${county}, count(*)::int, min(computed_at), ${SUMS_OF(FIGURE_KEYS)}
        FROM village_figures WHERE village_code LIKE ${`${county}%`} GROUP BY left(village_code, 6)`,
  sql`INSERT INTO county_month_figures (county_code, month, ${MONTH_SNAKES})
      SELECT ${county}, month, ${SUMS_OF(MONTH_KEYS)}
        FROM village_month_figures WHERE village_code LIKE ${`${county}%`} GROUP BY month`,
];

/** A year's assessment counts of a county, as last computed in that year: per team village (`byTownship` false) or per township. */
export const assessmentCounts = (county: string, year: number, byTownship: boolean) =>
  sql<Record<FigureKey, number> & { code: string }>`
    SELECT ${byTownship ? rawSql('left(village_code, 9)') : rawSql('village_code')} AS code,
           ${joinSql(FIGURE_KEYS.map((k) => rawSql(`sum(${snake(k)})::int AS "${k}"`)))}
      FROM village_figures_year WHERE village_code LIKE ${`${county}%`} AND year = ${year} ${byTownship ? sql`` : sql`AND teams > 0`}
     GROUP BY 1`;
