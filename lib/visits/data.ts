import 'server-only';
import { writeAudit, writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { searchWhere } from '@/lib/households/data';
import { POOR_STATUSES } from '@/lib/households/rules';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { MAX_PHOTO_BYTES, readStored, reencodePhoto, removeStored, sniffPhotoType, storePhoto } from '@/lib/storage';
import { areaWithin } from '@/lib/teams/data';
import { chinaDate, chinaToday, dayOf, isoDay } from '@/lib/time';

const actorOf = (viewer: Viewer) => ({ userId: viewer.userId, username: viewer.username, role: viewer.role });

// ─────────────────────────── Photos ───────────────────────────

export type UploadResult =
  | { ok: true; key: string }
  | { ok: false; status: number; message: string; params?: Record<string, number> };

/** Unclaimed uploads one user may hold in 24 hours: a day's visits with photos, not a disk filled by a script. */
export const UPLOAD_QUOTA = 30;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Stores an uploaded photo for a visit or a problem step to claim: checks size and real type, then
 * keeps only a re-encoded copy (no EXIF, no GPS, bounded pixels), within the user's quota.
 */
export async function savePhoto(viewer: Viewer | null, bytes: Uint8Array, now = new Date()): Promise<UploadResult> {
  if (!viewer) return { ok: false, status: 401, message: 'errors.signedOut' };
  if (!can(viewer.role, 'visit.create') && !can(viewer.role, 'problem.work'))
    return { ok: false, status: 403, message: 'errors.forbidden' };
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, status: 413, message: 'visits.photoTooLarge' };
  const type = sniffPhotoType(bytes);
  if (!type) return { ok: false, status: 415, message: 'visits.photoType' };
  const actor = actorOf(viewer);
  const photo = await reencodePhoto(bytes, type);
  if (!photo.ok) {
    const message = photo.reason === 'tooManyPixels' ? 'visits.photoTooManyPixels' : 'visits.photoUndecodable';
    await writeAuditNow(actor, {
      action: 'attachment.upload',
      result: 'INVALID',
      entity: 'Attachment',
      regionCode: viewer.scopeCode,
      message,
      changes: { bytes: bytes.length, type },
    });
    return { ok: false, status: 422, message };
  }
  await removeStaleUploads(now);
  const stored: { key?: string } = {};
  try {
    const saved = await db.$transaction(async (tx) => {
      // One upload of a user at a time, so parallel requests cannot pass the quota together.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('attachment.upload'), ${viewer.userId}::int)`;
      const unclaimed = await tx.attachment.count({
        where: {
          uploadedBy: viewer.userId,
          visitId: null,
          stepId: null,
          createdAt: { gt: new Date(now.getTime() - DAY_MS) },
        },
      });
      if (unclaimed >= UPLOAD_QUOTA) return null;
      const key = (stored.key = await storePhoto(photo.body, photo.type, chinaDate(now)));
      const row = await tx.attachment.create({
        data: { storageKey: key, contentType: photo.type, bytes: photo.body.length, uploadedBy: viewer.userId },
      });
      await writeAudit(tx, actor, {
        action: 'attachment.upload',
        result: 'OK',
        entity: 'Attachment',
        entityId: String(row.id),
        regionCode: viewer.scopeCode,
        changes: { bytes: photo.body.length, received: bytes.length, type, width: photo.width, height: photo.height },
      });
      return key;
    });
    if (!saved) {
      await writeAuditNow(actor, {
        action: 'attachment.upload',
        result: 'REFUSED',
        entity: 'Attachment',
        regionCode: viewer.scopeCode,
        message: 'visits.photoQuota',
      });
      return { ok: false, status: 429, message: 'visits.photoQuota', params: { max: UPLOAD_QUOTA } };
    }
    return { ok: true, key: saved };
  } catch (error) {
    if (stored.key) await removeStored(stored.key).catch(() => {}); // no row points at it
    throw error;
  }
}

/**
 * Unclaimed uploads older than a day are gone: rows first (a claim racing this either took the row
 * already, or finds it missing and is refused), then their files. Runs at each upload, in batches.
 */
export async function removeStaleUploads(now = new Date(), limit = 100): Promise<number> {
  const cutoff = new Date(now.getTime() - DAY_MS);
  const rows = await db.$queryRaw<{ storage_key: string }[]>`
    DELETE FROM attachment
    WHERE id IN (SELECT id FROM attachment WHERE visit_id IS NULL AND step_id IS NULL AND created_at < ${cutoff} ORDER BY id LIMIT ${limit}::int)
      AND visit_id IS NULL AND step_id IS NULL
    RETURNING storage_key`;
  for (const row of rows)
    await removeStored(row.storage_key).catch((error) =>
      console.error(
        JSON.stringify({ level: 'warn', msg: 'stale upload not removed', key: row.storage_key, error: String(error) }),
      ),
    );
  if (rows.length > 0)
    await writeAuditNow(null, {
      action: 'attachment.cleanup',
      result: 'OK',
      entity: 'Attachment',
      changes: { removed: rows.length },
    });
  return rows.length;
}

/** A stored photo the viewer may see: their own upload, or one of a visit or problem inside their area. */
export async function readAttachment(viewer: Viewer | null, id: number) {
  if (!viewer) return null;
  const row = await db.attachment.findUnique({ where: { id } });
  if (!row) return null;
  let allowed = row.uploadedBy === viewer.userId;
  if (!allowed && row.visitId !== null && can(viewer.role, 'visit.view')) {
    allowed = (await db.visit.count({ where: { id: row.visitId, regionCode: { startsWith: viewer.scopeCode } } })) > 0;
  }
  if (!allowed && row.stepId !== null && can(viewer.role, 'problem.view')) {
    allowed =
      (await db.problemStep.count({
        where: { id: row.stepId, problem: { regionCode: { startsWith: viewer.scopeCode } } },
      })) > 0;
  }
  if (!allowed) return null;
  const bytes = await readStored(row.storageKey);
  return bytes && { bytes, contentType: row.contentType };
}

// ─────────────────────────── The visit form ───────────────────────────

type HouseholdOption = { id: number; headName: string; village: string; status: string };

/** Households to pick from: the viewer's paired households, their team village's, and a name search. */
export async function visitChoices(viewer: Viewer, q: string | undefined, householdId: number | undefined) {
  if (!can(viewer.role, 'visit.create')) return null;
  const select = {
    id: true,
    headName: true,
    status: true,
    groupName: true,
    village: { select: { name: true } },
  } as const;
  const option = (h: {
    id: number;
    headName: string;
    status: string;
    groupName: string;
    village: { name: string };
  }): HouseholdOption => ({
    id: h.id,
    headName: h.headName,
    status: h.status,
    village: `${h.village.name}${h.groupName}`,
  });
  const cadre = await db.cadre.findUnique({ where: { userId: viewer.userId }, select: { id: true } });
  const [mine, search, chosen] = await Promise.all([
    cadre
      ? db.household.findMany({
          where: { pairings: { some: { cadreId: cadre.id, endedOn: null } } },
          orderBy: { headName: 'asc' },
          select,
        })
      : [],
    q?.trim()
      ? db.household.findMany({
          where: { regionCode: { startsWith: viewer.scopeCode }, ...searchWhere(q) },
          orderBy: [{ headName: 'asc' }, { id: 'asc' }],
          take: 20,
          select,
        })
      : [],
    householdId
      ? db.household.findFirst({
          where: {
            id: householdId,
            OR: [
              { regionCode: { startsWith: viewer.scopeCode } },
              ...(cadre ? [{ pairings: { some: { cadreId: cadre.id, endedOn: null } } }] : []),
            ],
          },
          select,
        })
      : null,
  ]);
  return {
    mine: mine.map(option),
    search: search.map(option),
    chosen: chosen && option(chosen),
    today: chinaToday(),
  };
}

// ─────────────────────────── Visit lists ───────────────────────────

export const VISIT_PAGE_SIZE = 50;

export async function listVisits(viewer: Viewer, options: { area?: string; householdId?: number; page?: number }) {
  if (!can(viewer.role, 'visit.view')) return null;
  const prefix = areaWithin(viewer, options.area);
  const where = {
    regionCode: { startsWith: prefix },
    ...(options.householdId ? { householdId: options.householdId } : {}),
  };
  const page = Math.max(1, options.page ?? 1);
  const [total, rows] = await Promise.all([
    db.visit.count({ where }),
    db.visit.findMany({
      where,
      orderBy: [{ visitedOn: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * VISIT_PAGE_SIZE,
      take: VISIT_PAGE_SIZE,
      select: {
        id: true,
        visitedOn: true,
        kind: true,
        visitorName: true,
        metWith: true,
        findings: true,
        helpDelivered: true,
        latitude: true,
        household: { select: { id: true, headName: true, village: { select: { name: true } } } },
        _count: { select: { problems: true } },
      },
    }),
  ]);
  const photos = await db.attachment.findMany({
    where: { visitId: { in: rows.map((r) => r.id) } },
    select: { id: true, visitId: true },
  });
  return {
    total,
    page,
    rows: rows.map((r) => ({
      id: r.id.toString(),
      visitedOn: isoDay(r.visitedOn),
      kind: r.kind,
      visitorName: r.visitorName,
      metWith: r.metWith,
      findings: r.findings,
      helpDelivered: r.helpDelivered,
      located: r.latitude !== null,
      householdId: r.household.id,
      headName: r.household.headName,
      villageName: r.household.village.name,
      problems: r._count.problems,
      photos: photos.filter((p) => p.visitId === r.id).map((p) => p.id),
    })),
  };
}

// ─────────────────────────── Coverage (走村不漏户) ───────────────────────────

export type VisitCoverageRow = {
  code: string;
  name: string;
  cadreDue: number;
  cadreDone: number;
  teamDue: number;
  teamDone: number;
  leaderDue: number;
  leaderDone: number;
};

/**
 * Three rules, each over its own households, with the period from the county's policy for the year:
 * every paired household visited by its cadre; every household of a team village by someone of the
 * team; every poor household of a team village by the leader. Rows are the next level down.
 */
export async function visitCoverage(viewer: Viewer, area?: string) {
  if (!can(viewer.role, 'visit.view')) return null;
  const prefix = areaWithin(viewer, area);
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const childLength = prefix.length < 6 ? 6 : prefix.length < 9 ? 9 : 12;
  const poor = [...POOR_STATUSES];
  const d = DEFAULT_POLICY;
  const rows = await db.$queryRaw<
    {
      child: string;
      cadre_due: number;
      cadre_done: number;
      team_due: number;
      team_done: number;
      leader_due: number;
      leader_done: number;
    }[]
  >`
    WITH pol AS (
      SELECT code AS county, coalesce(p.cadre_visit_days, ${d.cadreVisitDays}) AS cadre_days, coalesce(p.team_visit_days, ${d.teamVisitDays}) AS team_days,
             coalesce(p.leader_visit_days, ${d.leaderVisitDays}) AS leader_days
        FROM region c LEFT JOIN policy p ON p.county_code = c.code AND p.year = ${year}
       WHERE c.level = 'COUNTY' AND (c.code LIKE ${`${prefix.slice(0, 6)}%`})
    ), cadre AS (
      SELECT left(pr.region_code, ${childLength}) AS child, count(*)::int AS due,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visit v WHERE v.household_id = pr.household_id AND v.visitor_cadre_id = pr.cadre_id
                                             AND v.visited_on > ${dayOf(today)}::date - pol.cadre_days))::int AS done
        FROM pairing pr JOIN pol ON pol.county = left(pr.region_code, 6)
       WHERE pr.ended_on IS NULL AND pr.region_code LIKE ${`${prefix}%`}
       GROUP BY 1
    ), team AS (
      SELECT left(h.region_code, ${childLength}) AS child, count(*)::int AS due,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visit v JOIN posting ps ON ps.cadre_id = v.visitor_cadre_id AND ps.village_code = h.region_code AND ps.ended_on IS NULL
                                             WHERE v.household_id = h.id AND v.visited_on > ${dayOf(today)}::date - pol.team_days))::int AS done,
             count(*) FILTER (WHERE h.status::text = ANY(${poor}))::int AS leader_due,
             count(*) FILTER (WHERE h.status::text = ANY(${poor}) AND EXISTS (
                 SELECT 1 FROM visit v JOIN posting ps ON ps.cadre_id = v.visitor_cadre_id AND ps.village_code = h.region_code AND ps.ended_on IS NULL AND ps.role = 'LEADER'
                  WHERE v.household_id = h.id AND v.visited_on > ${dayOf(today)}::date - pol.leader_days))::int AS leader_done
        FROM household h JOIN work_team w ON w.village_code = h.region_code JOIN pol ON pol.county = left(h.region_code, 6)
       WHERE h.region_code LIKE ${`${prefix}%`}
       GROUP BY 1
    )
    SELECT coalesce(c.child, t.child) AS child, coalesce(c.due, 0) AS cadre_due, coalesce(c.done, 0) AS cadre_done,
           coalesce(t.due, 0) AS team_due, coalesce(t.done, 0) AS team_done, coalesce(t.leader_due, 0) AS leader_due, coalesce(t.leader_done, 0) AS leader_done
      FROM cadre c FULL JOIN team t ON t.child = c.child`;
  const names = await db.region.findMany({
    where: {
      code: { startsWith: prefix },
      level: childLength === 6 ? 'COUNTY' : childLength === 9 ? 'TOWNSHIP' : 'VILLAGE',
    },
    select: { code: true, name: true },
    orderBy: { code: 'asc' },
  });
  const byChild = new Map(rows.map((r) => [r.child, r]));
  const groups: VisitCoverageRow[] = names
    .map((n) => {
      const r = byChild.get(n.code);
      return {
        code: n.code,
        name: n.name,
        cadreDue: r?.cadre_due ?? 0,
        cadreDone: r?.cadre_done ?? 0,
        teamDue: r?.team_due ?? 0,
        teamDone: r?.team_done ?? 0,
        leaderDue: r?.leader_due ?? 0,
        leaderDone: r?.leader_done ?? 0,
      };
    })
    .filter((g) => childLength < 12 || g.cadreDue + g.teamDue > 0);
  const sum = (key: Exclude<keyof VisitCoverageRow, 'code' | 'name'>) => groups.reduce((s, g) => s + g[key], 0);
  const total: VisitCoverageRow = {
    code: prefix,
    name: '',
    cadreDue: sum('cadreDue'),
    cadreDone: sum('cadreDone'),
    teamDue: sum('teamDue'),
    teamDone: sum('teamDone'),
    leaderDue: sum('leaderDue'),
    leaderDone: sum('leaderDone'),
  };
  return { area: prefix, today, groups, total };
}

/** Paired households their cadre has not visited within the period: who, and by whom they should be. */
export async function overdueCadreVisits(viewer: Viewer, area: string | undefined, limit = 100) {
  if (!can(viewer.role, 'visit.view')) return null;
  const prefix = areaWithin(viewer, area);
  const today = chinaToday();
  // Each county's own period, as in visitCoverage (a city user sees several counties).
  return db.$queryRaw<
    {
      household_id: number;
      head_name: string;
      village: string;
      cadre_id: number;
      cadre_name: string;
      last_visit: Date | null;
    }[]
  >`
    SELECT h.id AS household_id, h.head_name, v.name AS village, c.id AS cadre_id, c.name AS cadre_name,
           (SELECT max(x.visited_on) FROM visit x WHERE x.household_id = h.id AND x.visitor_cadre_id = c.id) AS last_visit
      FROM pairing pr JOIN household h ON h.id = pr.household_id JOIN cadre c ON c.id = pr.cadre_id JOIN region v ON v.code = h.region_code
      LEFT JOIN policy pol ON pol.county_code = left(pr.region_code, 6) AND pol.year = ${Number(today.slice(0, 4))}
     WHERE pr.ended_on IS NULL AND pr.region_code LIKE ${`${prefix}%`}
       AND NOT EXISTS (SELECT 1 FROM visit x WHERE x.household_id = pr.household_id AND x.visitor_cadre_id = pr.cadre_id
                        AND x.visited_on > ${dayOf(today)}::date - coalesce(pol.cadre_visit_days, ${DEFAULT_POLICY.cadreVisitDays}))
     ORDER BY last_visit NULLS FIRST, h.region_code, h.id
     LIMIT ${limit}`;
}

/**
 * Households of team villages the team (or, `leader`, poor households the team leader) has not
 * visited within the county's period: who, and by whom they should be.
 */
export async function overdueTeamVisits(
  viewer: Viewer,
  area: string | undefined,
  rule: 'team' | 'leader',
  limit = 100,
) {
  if (!can(viewer.role, 'visit.view')) return null;
  const prefix = areaWithin(viewer, area);
  const today = chinaToday();
  const leader = rule === 'leader';
  return db.$queryRaw<
    {
      household_id: number;
      head_name: string;
      village: string;
      cadre_id: number | null;
      cadre_name: string | null;
      last_visit: Date | null;
    }[]
  >`
    SELECT h.id AS household_id, h.head_name, v.name AS village, ld.cadre_id, c.name AS cadre_name,
           (SELECT max(x.visited_on) FROM visit x JOIN posting ps ON ps.cadre_id = x.visitor_cadre_id AND ps.village_code = h.region_code AND ps.ended_on IS NULL
             WHERE x.household_id = h.id AND (NOT ${leader}::boolean OR ps.role = 'LEADER')) AS last_visit
      FROM household h
      JOIN work_team w ON w.village_code = h.region_code
      JOIN region v ON v.code = h.region_code
      LEFT JOIN posting ld ON ld.team_id = w.id AND ld.role = 'LEADER' AND ld.ended_on IS NULL
      LEFT JOIN cadre c ON c.id = ld.cadre_id
      LEFT JOIN policy pol ON pol.county_code = left(h.region_code, 6) AND pol.year = ${Number(today.slice(0, 4))}
     WHERE h.region_code LIKE ${`${prefix}%`}
       AND (NOT ${leader}::boolean OR h.status::text = ANY(${[...POOR_STATUSES]}))
       AND NOT EXISTS (
         SELECT 1 FROM visit x JOIN posting ps ON ps.cadre_id = x.visitor_cadre_id AND ps.village_code = h.region_code AND ps.ended_on IS NULL
          WHERE x.household_id = h.id AND (NOT ${leader}::boolean OR ps.role = 'LEADER')
            AND x.visited_on > ${dayOf(today)}::date - CASE WHEN ${leader}::boolean THEN coalesce(pol.leader_visit_days, ${DEFAULT_POLICY.leaderVisitDays})
                                                       ELSE coalesce(pol.team_visit_days, ${DEFAULT_POLICY.teamVisitDays}) END)
     ORDER BY last_visit NULLS FIRST, h.region_code, h.id
     LIMIT ${limit}`;
}
