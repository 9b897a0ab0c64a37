// The visits' raw SQL: the idempotent insert of a visit, the sweep of unclaimed uploads, and the households
// overdue under the three visiting rules (走村不漏户), each a function returning its Query, run with rows()/execute().
import { sql } from '@/lib/sql';

export type InsertedVisitRow = { id: bigint };
/** A visit, unless one with its client key exists (ON CONFLICT DO NOTHING: a replay inserts nothing). */
export const insertVisit = (visit: {
  clientKey: string;
  householdId: number;
  regionCode: string;
  visitedOn: Date;
  kind: string;
  phoneReason: string | null;
  visitorId: number;
  visitorName: string;
  visitorCadreId: number | null;
  metWith: string | null;
  findings: string | null;
  helpDelivered: string | null;
  riskEvent: string | null;
  latitude: number | null;
  longitude: number | null;
  accuracy: number | null;
}) => sql<InsertedVisitRow>`
    INSERT INTO visit (client_key, household_id, region_code, visited_on, kind, phone_reason, visitor_id, visitor_name, visitor_cadre_id,
                       met_with, findings, help_delivered, risk_event, latitude, longitude, accuracy_meters)
    VALUES (${visit.clientKey}, ${visit.householdId}, ${visit.regionCode}, ${visit.visitedOn}::date, ${visit.kind}::"VisitKind", ${visit.phoneReason}, ${visit.visitorId},
            ${visit.visitorName}, ${visit.visitorCadreId}, ${visit.metWith}, ${visit.findings}, ${visit.helpDelivered},
            ${visit.riskEvent}::"RiskEvent",
            ${visit.latitude}, ${visit.longitude}, ${visit.accuracy})
    ON CONFLICT (client_key) DO NOTHING
    RETURNING id`;

/** One user's uploads are counted against the quota one at a time (until the transaction ends). */
export const lockUploadsOf = (userId: number) =>
  sql`SELECT pg_advisory_xact_lock(hashtext('attachment.upload'), ${userId}::int)`;

export type StorageKeyRow = { storage_key: string };
/** Removes up to `limit` unclaimed uploads made before `cutoff` and returns their files' keys. */
export const deleteStaleUploads = (cutoff: Date, limit: number) => sql<StorageKeyRow>`
    DELETE FROM attachment
    WHERE id IN (SELECT id FROM attachment WHERE visit_id IS NULL AND step_id IS NULL AND created_at < ${cutoff} ORDER BY id LIMIT ${limit}::int)
      AND visit_id IS NULL AND step_id IS NULL
    RETURNING storage_key`;

/** The county's visiting periods where it has no policy row for the year. */
export type VisitDays = { cadreVisitDays: number; teamVisitDays: number; leaderVisitDays: number };

export type OverdueCadreRow = {
  household_id: number;
  head_name: string;
  village: string;
  cadre_id: number;
  cadre_name: string;
  last_visit: Date | null;
};

/** Paired households inside `prefix` their cadre has not visited within the county's period (each county its own). */
export const overdueCadreRows = (q: {
  prefix: string;
  today: Date;
  year: number;
  defaultDays: number;
  limit: number;
}) =>
  sql<OverdueCadreRow>`
    SELECT h.id AS household_id, h.head_name, v.name AS village, c.id AS cadre_id, c.name AS cadre_name,
           (SELECT max(x.visited_on) FROM visit x WHERE x.household_id = h.id AND x.visitor_cadre_id = c.id) AS last_visit
      FROM pairing pr JOIN household h ON h.id = pr.household_id JOIN cadre c ON c.id = pr.cadre_id JOIN region v ON v.code = h.region_code
      LEFT JOIN policy pol ON pol.county_code = left(pr.region_code, 6) AND pol.year = ${q.year}
     WHERE pr.ended_on IS NULL AND pr.region_code LIKE ${`${q.prefix}%`}
       AND NOT EXISTS (SELECT 1 FROM visit x WHERE x.household_id = pr.household_id AND x.visitor_cadre_id = pr.cadre_id
                        AND x.visited_on > ${q.today}::date - coalesce(pol.cadre_visit_days, ${q.defaultDays}))
     ORDER BY last_visit NULLS FIRST, h.region_code, h.id
     LIMIT ${q.limit}`;

export type OverdueTeamRow = {
  household_id: number;
  head_name: string;
  village: string;
  cadre_id: number | null;
  cadre_name: string | null;
  last_visit: Date | null;
};

/**
 * Households of team villages inside `prefix` the team (`leader`: poor households the team leader) has not
 * visited within the county's period.
 */
export const overdueTeamRows = (q: {
  prefix: string;
  today: Date;
  year: number;
  leader: boolean;
  poor: readonly string[];
  defaults: VisitDays;
  limit: number;
}) => sql<OverdueTeamRow>`
    SELECT h.id AS household_id, h.head_name, v.name AS village, ld.cadre_id, c.name AS cadre_name,
           (SELECT max(x.visited_on) FROM visit x JOIN posting ps ON ps.cadre_id = x.visitor_cadre_id AND ps.village_code = h.region_code AND ps.ended_on IS NULL
             WHERE x.household_id = h.id AND (NOT ${q.leader}::boolean OR ps.role = 'LEADER')) AS last_visit
      FROM household h
      JOIN work_team w ON w.village_code = h.region_code
      JOIN region v ON v.code = h.region_code
      LEFT JOIN posting ld ON ld.team_id = w.id AND ld.role = 'LEADER' AND ld.ended_on IS NULL
      LEFT JOIN cadre c ON c.id = ld.cadre_id
      LEFT JOIN policy pol ON pol.county_code = left(h.region_code, 6) AND pol.year = ${q.year}
     WHERE h.region_code LIKE ${`${q.prefix}%`}
       AND (NOT ${q.leader}::boolean OR h.status::text = ANY(${q.poor}))
       AND NOT EXISTS (
         SELECT 1 FROM visit x JOIN posting ps ON ps.cadre_id = x.visitor_cadre_id AND ps.village_code = h.region_code AND ps.ended_on IS NULL
          WHERE x.household_id = h.id AND (NOT ${q.leader}::boolean OR ps.role = 'LEADER')
            AND x.visited_on > ${q.today}::date - CASE WHEN ${q.leader}::boolean THEN coalesce(pol.leader_visit_days, ${q.defaults.leaderVisitDays})
                                                       ELSE coalesce(pol.team_visit_days, ${q.defaults.teamVisitDays}) END)
     ORDER BY last_visit NULLS FIRST, h.region_code, h.id
     LIMIT ${q.limit}`;
