// The registry's reads for pages and routes: each checks the permission (403) and keeps to the viewer's
// area (a household outside it is not found, 404). Writes are in ./commands.ts.
import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { db, readDb } from '@/lib/db';
import { found } from '@/lib/errors';
import type { HouseholdStatus, Prisma } from '@/lib/generated/prisma/client';
import { decryptText } from '@/lib/personal-data';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { isWithinScope } from '@/lib/regions/rules';
import { areaPrefix, type Scoped, scope } from '@/lib/regions/scope';
import { chinaYear, dayOf, isoDay } from '@/lib/time';
import { maskIdNumber, maskPhone } from './identity';
import {
  type ExitFacts,
  GUARANTEE_COLUMNS,
  GUARANTEES,
  HELPED_STATUSES,
  type HouseholdSet,
  LIFTED_STATUSES,
  latestGuarantees,
  MUST_PAIR_STATUSES,
  NOTICE_PERIODS,
  type NoticeStatus,
  noticePeriod,
  POOR_STATUSES,
  perCapitaIncome,
  REMOVED_STATUSES,
  type StepDetails,
} from './rules';
import type { ALLOWANCES, POVERTY_CAUSES } from './schema';

export const HOUSEHOLD_PAGE_SIZE = 30;
const SORTS = {
  name: { headName: 'asc' },
  village: { regionCode: 'asc' },
  size: { memberCount: 'desc' },
  status: { status: 'asc' },
  updated: { updatedAt: 'desc' },
} as const;
export type HouseholdSort = keyof typeof SORTS;

export type HouseholdFilters = {
  q?: string;
  area?: string;
  group?: string;
  status?: HouseholdStatus;
  cause?: (typeof POVERTY_CAUSES)[number];
  allowance?: (typeof ALLOWANCES)[number];
  exitYear?: number;
  set?: HouseholdSet;
  sort?: HouseholdSort;
  page?: number;
};

/** How the search box is read: 4 digits (or 3 and X) → last 4 of an ID number; Latin letters → pinyin initials; else the head's name. */
export function searchWhere(q: string | undefined): Prisma.HouseholdWhereInput {
  const text = q?.trim();
  if (!text) return {};
  if (/^\d{3}[\dXx]$/.test(text)) return { members: { some: { idLast4: text.toUpperCase() } } };
  if (/^[a-zA-Z]+$/.test(text)) return { headInitials: { startsWith: text.toLowerCase() } };
  return { headName: { startsWith: text } };
}

/** The Prisma filter of a household set (see HOUSEHOLD_SETS); `year` is China's calendar year. */
export function setWhere(set: HouseholdSet | undefined, year: number): Prisma.HouseholdWhereInput {
  const during = { gte: new Date(`${year}-01-01T00:00:00+08:00`), lt: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
  const reached = (toStatus: HouseholdStatus) => ({ statusEvents: { some: { toStatus, at: during } } });
  switch (set) {
    case 'poor':
      return { status: { in: [...POOR_STATUSES] } };
    case 'lifted':
      return { status: { in: [...LIFTED_STATUSES] } };
    case 'liftedThisYear':
      return reached('LIFTED_OUT');
    case 'returnedThisYear':
      return reached('RETURNED_TO_POVERTY');
    case 'returnBase':
      return { OR: [{ status: { in: [...LIFTED_STATUSES] } }, reached('RETURNED_TO_POVERTY')] };
    case 'removed':
      return { status: { in: [...REMOVED_STATUSES] } };
    case 'removedThisYear':
      return reached('REMOVED');
    case 'mustPair':
      return { status: { in: [...MUST_PAIR_STATUSES] } };
    case 'unpaired':
      return { status: { in: [...MUST_PAIR_STATUSES] }, pairings: { none: { endedOn: null } } };
    case 'liaisonDue':
      return { status: { notIn: [...HELPED_STATUSES, 'REMOVED'] } };
    case 'noLiaison':
      return { status: { notIn: [...HELPED_STATUSES, 'REMOVED'] }, liaisons: { none: { endedOn: null } } };
    default:
      return {};
  }
}

export async function searchHouseholds(viewer: Viewer, filters: HouseholdFilters) {
  requireCan(viewer, 'household.view');
  const where: Prisma.HouseholdWhereInput = {
    ...scope.household(viewer, filters.area),
    ...searchWhere(filters.q),
    ...(filters.group ? { groupName: filters.group } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.cause ? { povertyCauses: { has: filters.cause } } : {}),
    ...(filters.allowance ? { allowance: filters.allowance } : {}),
    ...(filters.exitYear ? { exitYear: filters.exitYear } : {}),
    ...(filters.set ? { AND: [setWhere(filters.set, chinaYear())] } : {}),
  };
  const page = Math.max(1, filters.page ?? 1);
  const reader = await readDb(); // a list may be a moment old: a replica serves it when there is one
  const [total, people, rows] = await Promise.all([
    reader.household.count({ where }),
    // People only for a dashboard's set: the figure a leader drilled from counts them.
    filters.set
      ? reader.household.aggregate({ where, _sum: { memberCount: true } }).then((r) => r._sum.memberCount ?? 0)
      : null,
    reader.household.findMany({
      where,
      orderBy: [SORTS[filters.sort ?? 'name'], { id: 'asc' }],
      skip: (page - 1) * HOUSEHOLD_PAGE_SIZE,
      take: HOUSEHOLD_PAGE_SIZE,
      select: {
        id: true,
        version: true,
        regionCode: true,
        groupName: true,
        headName: true,
        status: true,
        memberCount: true,
        allowance: true,
        povertyCauses: true,
        exitYear: true,
        village: { select: { name: true, parent: { select: { name: true } } } },
        members: { where: { isHead: true }, select: { idLast4: true } },
      },
    }),
  ]);
  return {
    total,
    people,
    page,
    pageSize: HOUSEHOLD_PAGE_SIZE,
    rows: rows.map(({ members, village, ...row }) => ({
      ...row,
      villageName: village.name,
      townshipName: village.parent?.name ?? '',
      headIdMasked: members[0] ? `**************${members[0].idLast4}` : '',
    })),
  };
}

/** One household with everything its page shows; personal numbers masked, health only for roles that need it. */
export async function getHousehold(viewer: Viewer, id: number) {
  requireCan(viewer, 'household.view');
  if (!Number.isInteger(id)) notFound();
  const household = found(
    await db.household.findFirst({
      where: { id, ...scope.household(viewer) },
      include: {
        members: { orderBy: [{ isHead: 'desc' }, { birthDate: 'asc' }] },
        incomes: { orderBy: { year: 'desc' } },
        statusEvents: { orderBy: { at: 'desc' } },
        village: { select: { name: true, code: true } },
      },
    }),
  );
  const showHealth = can(viewer.role, 'health.view');
  const { phoneEnc, members, ...rest } = household;
  return {
    ...rest,
    phoneMasked: phoneEnc ? maskPhone(decryptText(phoneEnc)) : null,
    // No birth date: with the masked number, the county code and the check digit it gives the whole ID number.
    members: members.map(
      ({ idNumberEnc, idNumberHash: _hash, phoneEnc: memberPhone, health, labour, birthDate, ...member }) => ({
        ...member,
        age: ageOn(birthDate, new Date()),
        idMasked: maskIdNumber(decryptText(idNumberEnc)),
        phoneMasked: memberPhone ? maskPhone(decryptText(memberPhone)) : null,
        health: showHealth ? health : null,
        labour: showHealth ? labour : null,
      }),
    ),
  };
}

export type HouseholdDetail = Awaited<ReturnType<typeof getHousehold>>;

/** Whole years of age on `day`. */
function ageOn(birthDate: Date, day: Date): number {
  return Math.floor((day.getTime() - birthDate.getTime()) / (365.25 * 86_400_000));
}

/** Households and people by status in an area: the village page's figures. */
export async function statusCounts(viewer: Viewer, area: string) {
  requireCan(viewer, 'household.view');
  if (!isWithinScope(area, viewer.scopeCode)) notFound();
  const rows = await db.household.groupBy({
    by: ['status'],
    where: scope.household(viewer, area),
    _count: { _all: true },
    _sum: { memberCount: true },
    orderBy: { status: 'asc' }, // the enum's order: the path through registration and exit
  });
  return rows.map((row) => ({ status: row.status, households: row._count._all, people: row._sum.memberCount ?? 0 }));
}

/** Villages of the viewer's area for the household form's village choice. */
export async function villageOptions(viewer: Viewer) {
  requireCan(viewer, 'household.edit');
  return db.region.findMany({
    where: { ...scope.region(viewer), level: 'VILLAGE' },
    orderBy: { code: 'asc' },
    select: { code: true, name: true, parent: { select: { name: true } } },
  });
}

/**
 * Households on a notice or announcement (公示/公告) in an area, for the village board: masked ID numbers,
 * each one's period (posted on, over on: the county's days of the posting's year), the per-capita disposable
 * income of the assessed year on exit notices, the reason of a removal, the cause of a return.
 */
export async function noticeList(viewer: Viewer, area: string, kind: NoticeStatus) {
  requireCan(viewer, 'household.view');
  if (!isWithinScope(area, viewer.scopeCode)) notFound();
  const rows = await db.household.findMany({
    where: { ...scope.household(viewer, area), status: kind },
    orderBy: [{ regionCode: 'asc' }, { groupName: 'asc' }, { headName: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      regionCode: true,
      groupName: true,
      headName: true,
      memberCount: true,
      povertyCauses: true,
      statusSince: true,
      village: { select: { name: true, parent: { select: { name: true } } } },
      members: { where: { isHead: true }, select: { idNumberEnc: true } },
      incomes: { orderBy: { year: 'desc' }, take: 3 },
      statusEvents: {
        where: { toStatus: { in: ['EXIT_APPRAISED', 'REMOVAL_PROPOSED', 'RETURN_NOTICE'] } },
        orderBy: { at: 'desc' },
        take: 1,
        select: { details: true },
      },
    },
  });
  const policies = new Map<string, number>();
  const daysOf = async (county: string, year: number) => {
    const key = `${county}/${year}`;
    if (!policies.has(key)) policies.set(key, (await policyDays(county, year))[NOTICE_PERIODS[kind]]);
    return policies.get(key) ?? 7;
  };
  const result = [];
  for (const { members, incomes, village, statusEvents, ...row } of rows) {
    const details = statusEvents[0]?.details as StepDetails | null | undefined;
    const assessYear = details?.appraisal?.assessYear ?? chinaYear(row.statusSince);
    const income = incomes.find((i) => i.year === assessYear);
    const days = await daysOf(row.regionCode.slice(0, 6), chinaYear(row.statusSince));
    result.push({
      ...row,
      villageName: `${village.parent?.name ?? ''}${village.name}`,
      headIdMasked: members[0] ? maskIdNumber(decryptText(members[0].idNumberEnc)) : '',
      assessYear,
      perCapitaIncome: income ? perCapitaIncome(income, row.memberCount) : null,
      reason: details?.reason ?? null,
      cause: details?.cause ?? null,
      days,
      period: noticePeriod(row.statusSince, days),
    });
  }
  return result;
}

/** The notice periods of a county's year (defaults while it is not set): the policy table read directly, so a
 * team leader without policy.view can print the notice of their village. */
async function policyDays(countyCode: string, year: number) {
  const row = await db.policy.findUnique({ where: { countyCode_year: { countyCode, year } } });
  return row ?? DEFAULT_POLICY;
}

/**
 * The household's exit rule for a year, as the exit steps check it: that year's income against that year's
 * line, each guarantee's latest in-person check of the year (who and when), and open urgent problems.
 */
export async function exitCheckOf(viewer: Viewer, householdId: number, year: number) {
  requireCan(viewer, 'household.view');
  const household = found(
    await db.household.findFirst({
      where: { id: householdId, ...scope.household(viewer) },
      select: { id: true, regionCode: true, memberCount: true },
    }),
  );
  const [income, checks, urgent, policy, visits] = await Promise.all([
    db.householdIncome.findUnique({ where: { householdId_year: { householdId, year } } }),
    db.guaranteeCheck.findMany({
      where: { householdId, checkedOn: { gte: dayOf(`${year}-01-01`), lte: dayOf(`${year}-12-31`) } },
      orderBy: [{ checkedOn: 'desc' }, { id: 'desc' }],
    }),
    db.problem.count({
      where: { householdId, urgency: 'URGENT', status: { in: ['OPEN', 'IN_PROGRESS', 'ESCALATED'] } },
    }),
    policyDays(household.regionCode.slice(0, 6), year),
    db.visit.findMany({
      where: { householdId, kind: 'IN_PERSON' },
      orderBy: [{ visitedOn: 'desc' }, { id: 'desc' }],
      take: 10,
      select: { id: true, visitedOn: true, visitorName: true },
    }),
  ]);
  const facts: ExitFacts = {
    year,
    perCapitaIncomeYuan: income ? perCapitaIncome(income, household.memberCount) : null,
    incomeLineYuan: policy.incomeLineYuan,
    guarantees: latestGuarantees(checks),
    openUrgentProblems: urgent,
  };
  const lastCheck = Object.fromEntries(
    GUARANTEES.map((g) => {
      const check = checks.find((c) => c.item === GUARANTEE_COLUMNS[g]);
      return [g, check ? { met: check.met, by: check.checkedByName, on: isoDay(check.checkedOn) } : null];
    }),
  ) as Record<(typeof GUARANTEES)[number], { met: boolean; by: string; on: string } | null>;
  return {
    facts,
    lastCheck,
    visits: visits.map((v) => ({ id: String(v.id), on: isoDay(v.visitedOn), by: v.visitorName })),
  };
}

// ─────────────────────────── Duplicates across areas ───────────────────────────

/** Duplicate hits the viewer's area has to do with: entered in it, or of a person registered in it. */
export function duplicateHitsInArea(viewer: Scoped) {
  const area = { startsWith: areaPrefix(viewer) };
  return { OR: [{ areaCode: area }, { existingRegionCode: area }] };
}

/** Cross-area duplicates for the county office: hits entered in its area or of people registered in it, open ones first. */
export async function listDuplicateHits(viewer: Viewer) {
  requireCan(viewer, 'household.duplicates');
  const rows = await db.duplicateIdHit.findMany({
    where: duplicateHitsInArea(viewer),
    orderBy: [{ resolvedAt: { sort: 'desc', nulls: 'first' } }, { at: 'desc' }, { id: 'desc' }],
    take: 500,
  });
  const codes = [...new Set(rows.flatMap((r) => [r.areaCode, r.existingRegionCode, r.existingRegionCode.slice(0, 9)]))];
  const names = new Map(
    (await db.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })).map((r) => [
      r.code,
      r.name,
    ]),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    idMasked: r.idMasked,
    userName: r.userName,
    source: r.source,
    area: names.get(r.areaCode) ?? r.areaCode,
    existingVillage: `${names.get(r.existingRegionCode.slice(0, 9)) ?? ''}${names.get(r.existingRegionCode) ?? r.existingRegionCode}`,
    resolvedAt: r.resolvedAt,
    resolution: r.resolution,
  }));
}
