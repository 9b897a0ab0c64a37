// Visits' reads: the photos a viewer may see, the households to pick on the visit form, the lists, and the
// coverage of the three visiting rules (走村不漏户). Each checks the permission (403) and keeps to the
// viewer's area; writes are in ./commands.ts.
import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { db, rows } from '@/lib/db';
import { found } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { searchWhere } from '@/lib/households/data';
import { POOR_STATUSES } from '@/lib/households/rules';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { readStored } from '@/lib/storage';
import { chinaToday, chinaYear, dateOfDayNumber, dayNumber, dayOf, isoDay } from '@/lib/time';
import { overdueCadreRows, overdueTeamRows } from './sql';

// ─────────────────────────── Photos ───────────────────────────

/**
 * A stored photo the viewer may see: their own upload, or one of a visit or problem inside their area.
 * Anything else, or a photo whose file is gone, is "not found".
 */
export async function readAttachment(viewer: Viewer, id: number) {
  const row = found(await db.attachment.findUnique({ where: { id } }));
  let allowed = row.uploadedBy === viewer.userId;
  if (!allowed && row.visitId !== null && can(viewer.role, 'visit.view')) {
    allowed = (await db.visit.count({ where: { id: row.visitId, ...scope.visit(viewer) } })) > 0;
  }
  if (!allowed && row.stepId !== null && can(viewer.role, 'problem.view')) {
    allowed = (await db.problemStep.count({ where: { id: row.stepId, problem: scope.problem(viewer) } })) > 0;
  }
  if (!allowed && row.projectStepId !== null && can(viewer.role, 'project.view')) {
    allowed = (await db.projectStep.count({ where: { id: row.projectStepId, project: scope.project(viewer) } })) > 0;
  }
  if (!allowed) notFound();
  const bytes = found(await readStored(row.storageKey));
  return { bytes, contentType: row.contentType };
}

// ─────────────────────────── The visit form ───────────────────────────

type HouseholdOption = { id: number; headName: string; village: string; status: string };

/** Households to pick from: the viewer's paired households, their team village's, and a name search. */
export async function visitChoices(viewer: Viewer, q: string | undefined, householdId: number | undefined) {
  requireCan(viewer, 'visit.create');
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
          where: { ...scope.household(viewer), ...searchWhere(q) },
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
              scope.household(viewer),
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
/**
 * Above a county the list's count stops here: counting a province's 15 million visits took 2.6 s, a city's 180 ms.
 * A county and below are counted exactly.
 */
export const VISIT_COUNT_CAP = 10_000;

export async function listVisits(viewer: Viewer, options: { area?: string; householdId?: number; page?: number }) {
  requireCan(viewer, 'visit.view');
  const where = {
    ...scope.visit(viewer, options.area),
    ...(options.householdId ? { householdId: options.householdId } : {}),
  };
  const page = Math.max(1, options.page ?? 1);
  const capped = !options.householdId && areaPrefix(viewer, options.area).length < 6;
  const [counted, ids] = await Promise.all([
    db.visit.count({ where, ...(capped ? { take: VISIT_COUNT_CAP + 1 } : {}) }),
    visitPageIds(where, (page - 1) * VISIT_PAGE_SIZE, !options.householdId),
  ]);
  const rows = await db.visit.findMany({
    where: { id: { in: ids } },
    orderBy: VISITS_NEWEST_FIRST,
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
    },
  });
  // Counted for this page's visits only: a `_count` in the query above joins every problem of the database,
  // grouped, to the area's visits before their page is taken (about 1 s for a county of a province).
  const [photos, problemCounts] = await Promise.all([
    db.attachment.findMany({ where: { visitId: { in: ids } }, select: { id: true, visitId: true } }),
    db.problem.groupBy({ by: ['visitId'], where: { visitId: { in: ids } }, _count: { _all: true } }),
  ]);
  const problems = new Map(problemCounts.map((c) => [c.visitId, c._count._all]));
  return {
    total: capped ? Math.min(counted, VISIT_COUNT_CAP) : counted,
    /** More visits than `total` (counted up to VISIT_COUNT_CAP above a county). */
    more: capped && counted > VISIT_COUNT_CAP,
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
      problems: problems.get(r.id) ?? 0,
      photos: photos.filter((p) => p.visitId === r.id).map((p) => p.id),
    })),
  };
}

const VISITS_NEWEST_FIRST = [{ visitedOn: 'desc' as const }, { id: 'desc' as const }];
/**
 * Days back an area's list looks first, then further: its page of newest visits nearly always lies in the last
 * few days (at province scale a county's last 3 days hold about 3,200 visits, a city's 35,000).
 */
const RECENT_WINDOWS_DAYS = [3, 30];

/**
 * The ids of a page of visits, newest first, read from the index on (region, day, id) alone. An area's list looks
 * among the last few days first, and when those hold the whole page it is the page (every older visit sorts
 * after them); else it looks further, at last over all days, as for one household's few visits. Sorting all of
 * a county's visits for its newest 50 read each of them (174,000 at province scale: about 160 ms).
 */
async function visitPageIds(where: Prisma.VisitWhereInput, skip: number, recentFirst: boolean): Promise<bigint[]> {
  const page = (extra: Prisma.VisitWhereInput) =>
    db.visit
      .findMany({
        where: { ...where, ...extra },
        orderBy: VISITS_NEWEST_FIRST,
        skip,
        take: VISIT_PAGE_SIZE,
        select: { id: true },
      })
      .then((found) => found.map((v) => v.id));
  const today = dayNumber(chinaToday());
  for (const days of recentFirst ? RECENT_WINDOWS_DAYS : []) {
    const recent = await page({ visitedOn: { gte: dayOf(dateOfDayNumber(today - days)) } });
    if (recent.length === VISIT_PAGE_SIZE) return recent;
  }
  return page({});
}

/** Paired households their cadre has not visited within the period: who, and by whom they should be. */
export async function overdueCadreVisits(viewer: Viewer, area: string | undefined, limit = 100) {
  requireCan(viewer, 'visit.view');
  // Each county's own period, as in the kept figures (a city user sees several counties).
  return rows(
    db,
    overdueCadreRows({
      prefix: areaPrefix(viewer, area),
      today: dayOf(chinaToday()),
      year: chinaYear(),
      defaultDays: DEFAULT_POLICY.cadreVisitDays,
      limit,
    }),
  );
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
  requireCan(viewer, 'visit.view');
  return rows(
    db,
    overdueTeamRows({
      prefix: areaPrefix(viewer, area),
      today: dayOf(chinaToday()),
      year: chinaYear(),
      leader: rule === 'leader',
      poor: [...POOR_STATUSES],
      defaults: DEFAULT_POLICY,
      limit,
    }),
  );
}
