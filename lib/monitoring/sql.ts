// The monitoring's raw SQL: what the early warnings are computed from, per household of an area.
import { sql } from '@/lib/sql';

export type WarningSourceRow = {
  id: number;
  status: string;
  region_code: string;
  member_count: number;
  monitored: boolean;
  cadre_id: number | null;
  /** [{ year, total }]: the income components' sum of the year (per capita = total / members). */
  incomes: { year: number; total: number }[];
  /** [{ event, day, visit_id, problem_id }] of this year, oldest first. */
  events: { event: string; day: string; visit_id: string | null; problem_id: number | null }[];
};

/**
 * Households of the area ($prefix) not counted poor that have an income of the last three years or a risk
 * event this year: their incomes, this year's risk events from visits and problems, whether an open
 * monitoring covers them, and their paired cadre.
 */
export const warningSources = (prefix: string, year: number, poorStatuses: readonly string[]) =>
  sql<WarningSourceRow>`
    SELECT h.id, h.status::text AS status, h.region_code, h.member_count,
           EXISTS (SELECT 1 FROM monitored_household m WHERE m.household_id = h.id AND m.closed_on IS NULL) AS monitored,
           (SELECT pr.cadre_id FROM pairing pr WHERE pr.household_id = h.id AND pr.ended_on IS NULL ORDER BY pr.id DESC LIMIT 1) AS cadre_id,
           coalesce((SELECT json_agg(json_build_object('year', i.year, 'total', i.wage_yuan + i.production_yuan + i.property_yuan + i.transfer_yuan))
                       FROM household_income i WHERE i.household_id = h.id AND i.year BETWEEN ${year} - 2 AND ${year}), '[]'::json) AS incomes,
           coalesce((SELECT json_agg(e ORDER BY e.day, e.visit_id, e.problem_id) FROM (
                       SELECT v.risk_event::text AS event, v.visited_on::text AS day, v.id::text AS visit_id, NULL::int AS problem_id
                         FROM visit v WHERE v.household_id = h.id AND v.risk_event IS NOT NULL AND v.visited_on >= make_date(${year}, 1, 1)
                       UNION ALL
                       SELECT p.risk_event::text, p.found_on::text, NULL, p.id
                         FROM problem p WHERE p.household_id = h.id AND p.risk_event IS NOT NULL AND p.found_on >= make_date(${year}, 1, 1)
                     ) e), '[]'::json) AS events
      FROM household h
     WHERE h.region_code LIKE ${`${prefix}%`} AND NOT (h.status::text = ANY(${[...poorStatuses]}::text[]))
       AND (EXISTS (SELECT 1 FROM household_income i WHERE i.household_id = h.id AND i.year BETWEEN ${year} - 2 AND ${year})
            OR EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.risk_event IS NOT NULL AND v.visited_on >= make_date(${year}, 1, 1))
            OR EXISTS (SELECT 1 FROM problem p WHERE p.household_id = h.id AND p.risk_event IS NOT NULL AND p.found_on >= make_date(${year}, 1, 1)))
     ORDER BY h.id`;

/** One computation of warnings at a time per area prefix's county (the button and the daily job). */
export const WARNINGS_LOCK = 730_202;
export const warningsLock = () => sql`SELECT pg_advisory_xact_lock(${WARNINGS_LOCK})`;

/** Counties that have villages: the daily job computes each. */
/** The daily warnings' name in job_run; the benchmark reads it too (it measures pages once the day's are raised). */
export const WARNINGS_JOB = 'warnings';

/** The day a daily job last finished ('YYYY-MM-DD'), none if it never ran. */
export const lastJobDay = (name: string) =>
  sql<{ day: string }>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM job_run WHERE name = ${name}`;

/** Records that a daily job finished for `day`, and how long it took. */
export const recordJobRun = (name: string, day: string, seconds: number) =>
  sql`INSERT INTO job_run (name, day, finished_at, seconds) VALUES (${name}, ${day}::date, now(), ${seconds})
      ON CONFLICT (name) DO UPDATE SET day = EXCLUDED.day, finished_at = EXCLUDED.finished_at, seconds = EXCLUDED.seconds`;

export const countiesWithHouseholds = () =>
  sql<{ code: string }>`SELECT DISTINCT left(region_code, 6) AS code FROM household ORDER BY 1`;

/** Holds the household's row until the transaction ends (one open monitoring per household). */
export const lockHousehold = (id: number) => sql`SELECT 1 FROM household WHERE id = ${id} FOR UPDATE`;
