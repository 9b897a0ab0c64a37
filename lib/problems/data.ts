// The problem ledger's reads: the counts, a page of the list, one problem with what the viewer may do
// next, the export's rows and the villages a reporter may choose. 403 without the permission, 404 for a
// problem outside the viewer's area; the writes (and the ledger file, audited as an export) are in
// ./commands.ts.
import 'server-only';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { db, readDb, rows as run } from '@/lib/db';
import type { ProblemStatus } from '@/lib/enums';
import { found } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { actorLevelOf } from '@/lib/households/rules';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { chinaToday, dayOf, isoDay } from '@/lib/time';
import type { ProblemFilters, ProblemSort } from './filters';
import { availableSteps, isOverdue, OPEN_STATUSES, rectificationRate } from './rules';
import { ledgerCountsByChild } from './sql';

export const PROBLEM_PAGE_SIZE = 50;

/** Open and overdue narrow the status filter to the open statuses; they do not replace it. Null: any status. */
function statusesOf(filters: ProblemFilters): ProblemStatus[] | null {
  if (!filters.overdue && !filters.open) return filters.status ? [filters.status] : null;
  return OPEN_STATUSES.filter((s) => !filters.status || s === filters.status);
}

function whereOf(viewer: Viewer, filters: ProblemFilters, today: string): Prisma.ProblemWhereInput {
  const statuses = statusesOf(filters);
  return {
    ...scope.problem(viewer, filters.area),
    ...(statuses ? { status: { in: statuses } } : {}),
    ...(filters.overdue ? { deadline: { lt: dayOf(today) } } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.urgency ? { urgency: filters.urgency } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.year ? { foundOn: { gte: dayOf(`${filters.year}-01-01`), lte: dayOf(`${filters.year}-12-31`) } } : {}),
  };
}

export type LedgerCounts = {
  code: string;
  name: string;
  found: number;
  solved: number;
  struckOff: number;
  open: number;
  overdue: number;
  escalated: number;
  rate: number;
};

/**
 * found / solved (awaiting strike-off) / struck off / still open / overdue, and the rectification
 * rate, for the area's next level down and in total. Each row counts its own problems, so rows add
 * up to the total; the same filters apply as to the list.
 */
export async function ledgerCounts(viewer: Viewer, filters: ProblemFilters) {
  requireCan(viewer, 'problem.view');
  const prefix = areaPrefix(viewer, filters.area);
  const today = chinaToday();
  const childLength = prefix.length < 6 ? 6 : prefix.length < 9 ? 9 : 12;
  const counts = await run(
    await readDb(),
    ledgerCountsByChild({
      prefix,
      childLength,
      today: dayOf(today),
      year: filters.year ?? null,
      category: filters.category ?? null,
      urgency: filters.urgency ?? null,
      source: filters.source ?? null,
    }),
  );
  const names = await db.region.findMany({
    where: {
      ...scope.region(viewer, filters.area),
      level: childLength === 6 ? 'COUNTY' : childLength === 9 ? 'TOWNSHIP' : 'VILLAGE',
    },
    select: { code: true, name: true },
    orderBy: { code: 'asc' },
  });
  const byChild = new Map(counts.map((r) => [r.child, r]));
  const groups: LedgerCounts[] = names
    .map((n) => {
      const r = byChild.get(n.code);
      const found = r?.found ?? 0;
      const struckOff = r?.struck ?? 0;
      return {
        code: n.code,
        name: n.name,
        found,
        solved: r?.solved ?? 0,
        struckOff,
        open: r?.open ?? 0,
        overdue: r?.overdue ?? 0,
        escalated: r?.escalated ?? 0,
        rate: rectificationRate(found, struckOff),
      };
    })
    .filter((g) => childLength < 12 || g.found > 0);
  const sum = (key: 'found' | 'solved' | 'struckOff' | 'open' | 'overdue' | 'escalated') =>
    groups.reduce((s, g) => s + g[key], 0);
  const total: LedgerCounts = {
    code: prefix,
    name: '',
    found: sum('found'),
    solved: sum('solved'),
    struckOff: sum('struckOff'),
    open: sum('open'),
    overdue: sum('overdue'),
    escalated: sum('escalated'),
    rate: 0,
  };
  total.rate = rectificationRate(total.found, total.struckOff);
  return { area: prefix, today, groups, total };
}

const LIST_SELECT = {
  id: true,
  regionCode: true,
  category: true,
  urgency: true,
  source: true,
  description: true,
  status: true,
  owner: true,
  deadline: true,
  foundOn: true,
  solvedOn: true,
  struckOffOn: true,
  household: { select: { id: true, headName: true } },
} as const;

const ORDER: Record<ProblemSort | 'found', Prisma.ProblemOrderByWithRelationInput[]> = {
  found: [{ foundOn: 'desc' }, { id: 'desc' }],
  deadline: [{ deadline: 'asc' }, { id: 'asc' }],
  village: [{ regionCode: 'asc' }, { foundOn: 'desc' }, { id: 'desc' }],
};

/** One page of the ledger in the order asked for (newest first by default), with the overdue flag. */
export async function listProblems(viewer: Viewer, filters: ProblemFilters) {
  requireCan(viewer, 'problem.view');
  const today = chinaToday();
  const where = whereOf(viewer, filters, today);
  const page = Math.max(1, filters.page ?? 1);
  const reader = await readDb(); // a list may be a moment old: a replica serves it when there is one
  const [total, problems] = await Promise.all([
    reader.problem.count({ where }),
    reader.problem.findMany({
      where,
      orderBy: ORDER[filters.sort ?? 'found'],
      skip: (page - 1) * PROBLEM_PAGE_SIZE,
      take: PROBLEM_PAGE_SIZE,
      select: LIST_SELECT,
    }),
  ]);
  const villages = new Map(
    (
      await db.region.findMany({
        where: { code: { in: [...new Set(problems.map((r) => r.regionCode))] } },
        select: { code: true, name: true },
      })
    ).map((v) => [v.code, v.name]),
  );
  return {
    total,
    page,
    rows: problems.map((r) => ({
      ...r,
      villageName: villages.get(r.regionCode) ?? r.regionCode,
      deadline: isoDay(r.deadline),
      foundOn: isoDay(r.foundOn),
      solvedOn: r.solvedOn ? isoDay(r.solvedOn) : null,
      struckOffOn: r.struckOffOn ? isoDay(r.struckOffOn) : null,
      overdue: isOverdue(r.status, isoDay(r.deadline), today),
    })),
  };
}

/** A problem of the viewer's area with its steps and what the viewer may do next; 404 outside the area. */
export async function getProblem(viewer: Viewer, id: number) {
  requireCan(viewer, 'problem.view');
  const problem = found(
    await db.problem.findFirst({
      where: { id, ...scope.problem(viewer) },
      include: {
        household: { select: { id: true, headName: true } },
        visit: { select: { id: true, visitedOn: true, visitorName: true } },
        steps: { orderBy: { at: 'asc' } },
      },
    }),
  );
  const [village, units, photos] = await Promise.all([
    db.region.findUnique({
      where: { code: problem.regionCode },
      select: { name: true, parent: { select: { name: true } } },
    }),
    db.unit.findMany({
      where: { countyCode: problem.regionCode.slice(0, 6), level: 'COUNTY' },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    db.attachment.findMany({
      where: { stepId: { in: problem.steps.map((s) => s.id) } },
      select: { id: true, stepId: true },
    }),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const today = chinaToday();
  const steps = can(viewer.role, 'problem.work')
    ? availableSteps(
        problem.status,
        { userId: viewer.userId, level: actorLevelOf(viewer.scopeCode) },
        problem.solvedById,
      ).filter((s) => can(viewer.role, 'problem.review') || !['STRIKE_OFF', 'RETURN', 'REOPEN'].includes(s))
    : [];
  return {
    id: problem.id,
    version: problem.version,
    regionCode: problem.regionCode,
    villageName: village?.name ?? '',
    townshipName: village?.parent?.name ?? '',
    household: problem.household,
    visit: problem.visit && {
      id: problem.visit.id.toString(),
      visitedOn: isoDay(problem.visit.visitedOn),
      visitorName: problem.visit.visitorName,
    },
    category: problem.category,
    urgency: problem.urgency,
    source: problem.source,
    description: problem.description,
    status: problem.status,
    owner: problem.owner,
    ownerUnitName: problem.ownerUnitId ? (unitNames.get(problem.ownerUnitId) ?? null) : null,
    deadline: isoDay(problem.deadline),
    foundOn: isoDay(problem.foundOn),
    overdue: isOverdue(problem.status, isoDay(problem.deadline), today),
    solvedByMe: problem.solvedById === viewer.userId,
    steps: problem.steps.map((s) => ({
      id: s.id.toString(),
      kind: s.kind,
      toStatus: s.toStatus,
      at: s.at,
      userName: s.userName,
      note: s.note,
      evidence: s.evidence,
      owner: s.owner,
      ownerUnitName: s.ownerUnitId ? (unitNames.get(s.ownerUnitId) ?? null) : null,
      deadline: s.deadline ? isoDay(s.deadline) : null,
      photos: photos.filter((p) => p.stepId === s.id).map((p) => p.id),
    })),
    nextSteps: steps,
    departments: units,
  };
}

/** Rows of the rectification ledger (整改台账) for the export: every problem of the filters, oldest first. */
export async function rectificationRows(viewer: Viewer, filters: ProblemFilters) {
  requireCan(viewer, 'problem.export');
  const today = chinaToday();
  const problems = await (await readDb()).problem.findMany({
    where: whereOf(viewer, filters, today),
    orderBy: [{ regionCode: 'asc' }, { foundOn: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      regionCode: true,
      category: true,
      urgency: true,
      source: true,
      description: true,
      status: true,
      owner: true,
      ownerUnitId: true,
      deadline: true,
      foundOn: true,
      solvedOn: true,
      struckOffOn: true,
      household: { select: { headName: true } },
      steps: {
        where: { kind: { in: ['SOLVE', 'ESCALATE'] } },
        orderBy: { at: 'desc' },
        select: { kind: true, note: true, evidence: true },
      },
    },
  });
  const villages = new Map(
    (
      await db.region.findMany({
        where: { ...scope.region(viewer, filters.area), level: 'VILLAGE' },
        select: { code: true, name: true, parent: { select: { name: true } } },
      })
    ).map((v) => [v.code, v]),
  );
  return {
    area: areaPrefix(viewer, filters.area),
    today,
    rows: problems.map((r) => ({
      id: r.id,
      township: villages.get(r.regionCode)?.parent?.name ?? '',
      village: villages.get(r.regionCode)?.name ?? '',
      household: r.household?.headName ?? '',
      category: r.category,
      urgency: r.urgency,
      source: r.source,
      description: r.description,
      status: r.status,
      owner: r.owner,
      foundOn: isoDay(r.foundOn),
      deadline: isoDay(r.deadline),
      solvedOn: r.solvedOn ? isoDay(r.solvedOn) : '',
      struckOffOn: r.struckOffOn ? isoDay(r.struckOffOn) : '',
      measure: r.steps.find((s) => s.kind === 'SOLVE')?.note ?? '',
      explanation: r.steps.find((s) => s.kind === 'ESCALATE')?.note ?? '',
      overdue: isOverdue(r.status, isoDay(r.deadline), today),
    })),
  };
}

/** The villages a reporter may open a problem in: every village of their area (their own, for a village user). */
export async function reportVillageOptions(viewer: Viewer) {
  requireCan(viewer, 'problem.report');
  const villages = await db.region.findMany({
    where: { level: 'VILLAGE', ...scope.region(viewer) },
    orderBy: { code: 'asc' },
    select: { code: true, name: true, parent: { select: { name: true } } },
  });
  return villages.map((v) => ({ code: v.code, name: v.name, township: v.parent?.name ?? '' }));
}
