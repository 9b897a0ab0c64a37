// The projects domain's reads: the overview by area with the lists behind each number, one project with what the
// viewer may do next, the ledgers, the county's shares of a year, the public board and notice, and the village
// mutual-aid funds. 403 without the permission, 404 outside the viewer's area; writes are in ./commands.ts.
import 'server-only';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { db, readDb, rows as run } from '@/lib/db';
import type { ProjectStage } from '@/lib/enums';
import { found } from '@/lib/errors';
import { actorLevelOf, HELPED_STATUSES } from '@/lib/households/rules';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { isWithinScope } from '@/lib/regions/rules';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { chinaToday, chinaYear, dayOf, isoDay } from '@/lib/time';
import type { ProjectFilters } from './filters';
import {
  ASSET_STAGES,
  AUDIT_DUE_STAGES,
  AUDIT_STAGES,
  availableMoves,
  isLoanOverdue,
  isProjectOverdue,
  PAYABLE_STAGES,
  sharePercent,
  spendingRate,
} from './rules';
import {
  assetLedger,
  assetTotals,
  beneficiariesByChild,
  beneficiaryHouseholds,
  fundsOf,
  mutualByVillage,
  type ProjectWhere,
  paymentLedger,
  paymentTotals,
  projectCountsByChild,
  projectIds,
  projectStages,
} from './sql';

export const PROJECT_PAGE_SIZE = 50;
/** The most rows a ledger page or file holds. */
export const LEDGER_LIMIT = 20_000;

function whereOf(viewer: Viewer, filters: ProjectFilters, today = chinaToday()): ProjectWhere {
  return {
    prefix: areaPrefix(viewer, filters.area),
    year: filters.year,
    stage: filters.stage ?? null,
    kind: filters.kind ?? null,
    funded: !!filters.funded,
    overdue: !!filters.overdue,
    unaudited: !!filters.unaudited,
    name: filters.q ?? null,
    today: dayOf(today),
  };
}

async function regionNames(codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(codes)];
  if (list.length === 0) return new Map();
  const regions = await db.region.findMany({ where: { code: { in: list } }, select: { code: true, name: true } });
  return new Map(regions.map((r) => [r.code, r.name]));
}

/** Township + village names of a code ('城关镇 东关村'), for lists spanning a county. */
async function placeNames(codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(codes)];
  const names = await regionNames(list.flatMap((c) => (c.length === 12 ? [c, c.slice(0, 9)] : [c])));
  return new Map(
    list.map((c) => [
      c,
      c.length === 12 ? `${names.get(c.slice(0, 9)) ?? ''} ${names.get(c) ?? c}`.trim() : (names.get(c) ?? c),
    ]),
  );
}

export type ProjectCounts = {
  code: string;
  name: string;
  /** The area's own projects spanning several of its parts. */
  ownLevel: boolean;
  projects: number;
  proposedFen: bigint;
  approvedFen: bigint;
  paidFen: bigint;
  rate: number | null;
  overdue: number;
  unaudited: number;
  inProgress: number;
  done: number;
  households: number;
};

const EMPTY = {
  projects: 0,
  proposedFen: 0n,
  approvedFen: 0n,
  paidFen: 0n,
  overdue: 0,
  unaudited: 0,
  inProgress: 0,
  done: 0,
};

/**
 * The overview of an area: per part of the next level down (and a row for the area's own projects spanning its
 * parts), projects, money proposed, approved and paid, the spending rate, overdue and unaudited projects, and
 * households benefiting; the rows add up to the total. The same filters apply as to the lists.
 */
export async function projectOverview(viewer: Viewer, filters: ProjectFilters) {
  requireCan(viewer, 'project.view');
  const where = whereOf(viewer, filters);
  const prefix = where.prefix;
  const childLength = prefix.length < 6 ? 6 : prefix.length < 9 ? 9 : 12;
  const reader = await readDb();
  const [counts, households, stages, children] = await Promise.all([
    run(reader, projectCountsByChild({ ...where, childLength })),
    run(reader, beneficiariesByChild({ ...where, childLength })),
    run(reader, projectStages(where)),
    prefix.length < 12
      ? reader.region.findMany({
          where: {
            ...scope.region(viewer, filters.area),
            level: childLength === 6 ? 'COUNTY' : childLength === 9 ? 'TOWNSHIP' : 'VILLAGE',
          },
          select: { code: true, name: true },
          orderBy: { code: 'asc' },
        })
      : [],
  ]);
  const byChild = new Map(counts.map((r) => [r.child, r]));
  const householdsOf = new Map(households.map((r) => [r.child, r.households]));
  const row = (code: string, name: string, ownLevel: boolean): ProjectCounts => {
    const r = byChild.get(code) ?? { ...EMPTY };
    const approvedFen = BigInt(r.approvedFen);
    const paidFen = BigInt(r.paidFen);
    return {
      code,
      name,
      ownLevel,
      projects: r.projects,
      proposedFen: BigInt(r.proposedFen),
      approvedFen,
      paidFen,
      rate: spendingRate(paidFen, approvedFen),
      overdue: r.overdue,
      unaudited: r.unaudited,
      inProgress: r.inProgress,
      done: r.done,
      households: ownLevel ? 0 : (householdsOf.get(code) ?? 0),
    };
  };
  const groups = children.map((c) => row(c.code, c.name, false));
  if (prefix.length >= 6 && byChild.has(prefix)) groups.push(row(prefix, '', true));
  const parts = prefix.length < 12 ? groups : [row(prefix, '', false)];
  const sum = <K extends 'projects' | 'overdue' | 'unaudited' | 'inProgress' | 'done' | 'households'>(key: K) =>
    parts.reduce((s, g) => s + g[key], 0);
  const sumFen = (key: 'proposedFen' | 'approvedFen' | 'paidFen') => parts.reduce((s, g) => s + g[key], 0n);
  const total = {
    projects: sum('projects'),
    proposedFen: sumFen('proposedFen'),
    approvedFen: sumFen('approvedFen'),
    paidFen: sumFen('paidFen'),
    rate: spendingRate(sumFen('paidFen'), sumFen('approvedFen')),
    overdue: sum('overdue'),
    unaudited: sum('unaudited'),
    inProgress: sum('inProgress'),
    done: sum('done'),
    households: sum('households'),
  };
  return {
    area: prefix,
    groups: prefix.length < 12 ? groups : [],
    total,
    stages: Object.fromEntries(stages.map((s) => [s.stage, s.projects])) as Partial<Record<ProjectStage, number>>,
  };
}

export type ProjectOverview = Awaited<ReturnType<typeof projectOverview>>;

/** A page of the filtered projects with their money and state. */
export async function listProjects(viewer: Viewer, filters: ProjectFilters) {
  requireCan(viewer, 'project.view');
  const page = Math.max(1, filters.page ?? 1);
  const { total, rows } = await projectRows(viewer, filters, PROJECT_PAGE_SIZE, (page - 1) * PROJECT_PAGE_SIZE);
  return { total, page, rows };
}

/** Every filtered project (up to the ledger limit), for the project library's file. */
export async function listProjectsForExport(viewer: Viewer, filters: ProjectFilters) {
  requireCan(viewer, 'project.view');
  return (await projectRows(viewer, filters, LEDGER_LIMIT, 0)).rows;
}

async function projectRows(viewer: Viewer, filters: ProjectFilters, limit: number, offset: number) {
  const today = chinaToday();
  const reader = await readDb();
  const ids = await run(reader, projectIds(whereOf(viewer, filters, today), limit, offset));
  const projects = await reader.project.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: {
      funds: { select: { amountFen: true } },
      payments: { select: { amountFen: true } },
      _count: { select: { audits: true, beneficiaries: true } },
      ownerUnit: { select: { name: true } },
    },
  });
  const byId = new Map(projects.map((p) => [p.id, p]));
  const places = await placeNames(projects.map((p) => p.regionCode));
  return {
    total: ids[0]?.total ?? 0,
    rows: ids.map(({ id }) => {
      const p = found(byId.get(id));
      return {
        id: p.id,
        year: p.year,
        name: p.name,
        kind: p.kind,
        stage: p.stage,
        place: places.get(p.regionCode) ?? p.regionCode,
        ownerUnit: p.ownerUnit.name,
        contactName: p.contactName,
        contactPhone: p.contactPhone,
        progressPercent: p.progressPercent,
        plannedEndOn: isoDay(p.plannedEndOn),
        budgetFen: p.funds.reduce((s, f) => s + f.amountFen, 0n),
        paidFen: p.payments.reduce((s, f) => s + f.amountFen, 0n),
        households: p._count.beneficiaries,
        audits: p._count.audits,
        overdue: isProjectOverdue(p.stage, isoDay(p.plannedEndOn), today),
        unaudited: AUDIT_DUE_STAGES.includes(p.stage) && p._count.audits === 0,
      };
    }),
  };
}

/** The villages a project may be proposed for (the viewer's area) and the units that may own it. */
export async function proposeOptions(viewer: Viewer) {
  requireCan(viewer, 'project.propose');
  const villages = await db.region.findMany({
    where: { ...scope.region(viewer), level: 'VILLAGE' },
    select: { code: true, name: true, isPoorVillage: true },
    orderBy: { code: 'asc' },
    take: 3000,
  });
  const places = await placeNames(villages.map((v) => v.code));
  const counties = [...new Set(villages.map((v) => v.code.slice(0, 6)))];
  const units = await db.unit.findMany({
    where: { countyCode: { in: counties } },
    select: { id: true, name: true },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
  });
  return {
    villages: villages.map((v) => ({ code: v.code, label: places.get(v.code) ?? v.name, poor: v.isPoorVillage })),
    units,
  };
}

/** One project of the viewer's area with its villages, money, people, assets, audits, steps and next steps. */
export async function getProject(viewer: Viewer, id: number) {
  requireCan(viewer, 'project.view');
  const project = found(
    await db.project.findFirst({
      where: { id, ...scope.project(viewer) },
      include: {
        ownerUnit: { select: { name: true } },
        villages: { select: { villageCode: true } },
        beneficiaries: {
          include: { household: { select: { id: true, headName: true, regionCode: true, status: true } } },
          orderBy: { householdId: 'asc' },
        },
        steps: { orderBy: { id: 'asc' } },
        payments: { orderBy: [{ paidOn: 'asc' }, { id: 'asc' }] },
        audits: { orderBy: { auditedOn: 'asc' } },
        assets: { include: { incomes: { orderBy: { paidOn: 'asc' } }, household: { select: { headName: true } } } },
      },
    }),
  );
  const today = chinaToday();
  const photos = await db.attachment.findMany({
    where: { projectStepId: { in: project.steps.map((s) => s.id) } },
    select: { id: true, projectStepId: true },
    orderBy: { id: 'asc' },
  });
  const funds = (await run(db, fundsOf(project.id))).map((f) => ({
    source: f.source,
    approvedFen: BigInt(f.approved),
    paidFen: BigInt(f.paid),
  }));
  const budgetFen = funds.reduce((s, f) => s + f.approvedFen, 0n);
  const paidFen = funds.reduce((s, f) => s + f.paidFen, 0n);
  const villageCodes = project.villages.map((v) => v.villageCode);
  const places = await placeNames([project.regionCode, ...villageCodes]);
  const level = actorLevelOf(viewer.scopeCode);
  const moves = can(viewer.role, 'project.implement')
    ? availableMoves(
        {
          stage: project.stage,
          progressPercent: project.progressPercent,
          noticeEndOn: project.noticeEndOn ? isoDay(project.noticeEndOn) : null,
          budgetFen,
          audits: project.audits.length,
          implementerIds: project.steps.filter((s) => s.kind === 'START' || s.kind === 'PROGRESS').map((s) => s.userId),
        },
        { userId: viewer.userId, level, county: level === 'COUNTY' && can(viewer.role, 'project.approve') },
        today,
      )
    : [];
  const open = project.stage !== 'CLOSED' && project.stage !== 'REJECTED';
  const mayAddPeople = can(viewer.role, 'project.implement') && open;
  const mayRegisterAsset = can(viewer.role, 'project.approve') && ASSET_STAGES.includes(project.stage);
  const households =
    mayAddPeople || mayRegisterAsset
      ? await db.household.findMany({
          where: { regionCode: { in: villageCodes }, status: { in: [...HELPED_STATUSES] } },
          select: { id: true, headName: true, regionCode: true },
          orderBy: [{ regionCode: 'asc' }, { id: 'asc' }],
          take: 2000,
        })
      : [];
  return {
    id: project.id,
    version: project.version,
    year: project.year,
    name: project.name,
    kind: project.kind,
    description: project.description,
    stage: project.stage,
    progressPercent: project.progressPercent,
    regionCode: project.regionCode,
    place: places.get(project.regionCode) ?? project.regionCode,
    villages: villageCodes.map((c) => ({ code: c, name: places.get(c) ?? c })),
    ownerUnit: project.ownerUnit.name,
    ownerUnitId: project.ownerUnitId,
    contactName: project.contactName,
    contactPhone: project.contactPhone,
    plannedEndOn: isoDay(project.plannedEndOn),
    noticeStartOn: project.noticeStartOn ? isoDay(project.noticeStartOn) : null,
    noticeEndOn: project.noticeEndOn ? isoDay(project.noticeEndOn) : null,
    acceptedOn: project.acceptedOn ? isoDay(project.acceptedOn) : null,
    closedOn: project.closedOn ? isoDay(project.closedOn) : null,
    overdue: isProjectOverdue(project.stage, isoDay(project.plannedEndOn), today),
    unaudited: AUDIT_DUE_STAGES.includes(project.stage) && project.audits.length === 0,
    funds,
    budgetFen,
    paidFen,
    rate: spendingRate(paidFen, budgetFen),
    steps: project.steps.map((s) => ({
      id: s.id.toString(),
      kind: s.kind,
      toStage: s.toStage,
      progressPercent: s.progressPercent,
      note: s.note,
      userName: s.userName,
      at: s.createdAt,
      photos: photos.filter((a) => a.projectStepId === s.id).map((a) => a.id),
    })),
    payments: project.payments.map((p) => ({
      id: p.id,
      reversesVoucher: p.reversesId ? (project.payments.find((o) => o.id === p.reversesId)?.voucherNo ?? '') : null,
      reversed: project.payments.some((o) => o.reversesId === p.id),
      reason: p.reason,
      source: p.source,
      kind: p.kind,
      paidOn: isoDay(p.paidOn),
      amountFen: p.amountFen,
      voucherNo: p.voucherNo,
      payee: p.payee,
    })),
    audits: project.audits.map((a) => ({
      id: a.id,
      auditedOn: isoDay(a.auditedOn),
      auditor: a.auditor,
      finding: a.finding,
      amountQuestionedFen: a.amountQuestionedFen,
    })),
    assets: project.assets.map((a) => ({
      id: a.id,
      kind: a.kind,
      name: a.name,
      ownerName: a.ownerName,
      custodian: a.custodian,
      valueFen: a.valueFen,
      household: a.household?.headName ?? null,
      registeredOn: isoDay(a.registeredOn),
      incomeFen: a.incomes.reduce((s, i) => s + i.amountFen, 0n),
      incomes: a.incomes.map((i) => ({
        id: i.id,
        paidOn: isoDay(i.paidOn),
        amountFen: i.amountFen,
        households: i.households,
      })),
    })),
    beneficiaries: project.beneficiaries.map((b) => ({
      householdId: b.householdId,
      headName: b.household.headName,
      village: places.get(b.household.regionCode) ?? b.household.regionCode,
      mechanism: b.mechanism,
    })),
    moves,
    may: {
      addPeople: mayAddPeople,
      pay: can(viewer.role, 'project.finance') && PAYABLE_STAGES.includes(project.stage),
      audit: can(viewer.role, 'project.finance') && AUDIT_STAGES.includes(project.stage),
      registerAsset: mayRegisterAsset,
      income: can(viewer.role, 'project.finance'),
    },
    householdOptions: households.map((h) => ({
      id: h.id,
      label: `${places.get(h.regionCode)?.split(' ').pop() ?? ''} ${h.headName}`,
    })),
    today,
  };
}

/** Rows a ledger page shows; its file (the export) holds every row up to LEDGER_LIMIT. */
export const LEDGER_PAGE_SIZE = 100;
const ledgerPage = (filters: ProjectFilters) => Math.max(1, filters.page ?? 1);

async function paymentList(viewer: Viewer, filters: ProjectFilters, limit: number, offset: number) {
  requireCan(viewer, 'project.view');
  const list = await run(await readDb(), paymentLedger(whereOf(viewer, filters), limit, offset));
  const places = await placeNames(list.map((r) => r.regionCode));
  return list.map((r) => ({
    ...r,
    amountFen: BigInt(r.amountFen),
    paidOn: isoDay(r.paidOn),
    place: places.get(r.regionCode) ?? r.regionCode,
  }));
}

/** The vouchers of the filtered projects (the disbursement ledger, 资金拨付台账), with their places: its file. */
export const paymentRows = (viewer: Viewer, filters: ProjectFilters) => paymentList(viewer, filters, LEDGER_LIMIT, 0);

/** A page of the disbursement ledger, with the number and sum of all its vouchers. */
export async function paymentPage(viewer: Viewer, filters: ProjectFilters) {
  const page = ledgerPage(filters);
  const [rows, [totals]] = await Promise.all([
    paymentList(viewer, filters, LEDGER_PAGE_SIZE, (page - 1) * LEDGER_PAGE_SIZE),
    run(await readDb(), paymentTotals(whereOf(viewer, filters))),
  ]);
  return { page, rows, total: totals.count, amountFen: BigInt(totals.amountFen) };
}

async function assetList(viewer: Viewer, filters: ProjectFilters, limit: number, offset: number) {
  requireCan(viewer, 'project.view');
  const list = await run(await readDb(), assetLedger(whereOf(viewer, filters), limit, offset));
  const places = await placeNames(list.map((r) => r.regionCode));
  return list.map((r) => ({
    ...r,
    valueFen: BigInt(r.valueFen),
    incomeFen: BigInt(r.incomeFen),
    registeredOn: isoDay(r.registeredOn),
    place: places.get(r.regionCode) ?? r.regionCode,
  }));
}

/** The assets of the filtered projects (the asset ledger, 扶贫资产台账) with the income they returned: its file. */
export const assetRows = (viewer: Viewer, filters: ProjectFilters) => assetList(viewer, filters, LEDGER_LIMIT, 0);

/** A page of the asset ledger, with the number, value and income of all its assets. */
export async function assetPage(viewer: Viewer, filters: ProjectFilters) {
  const page = ledgerPage(filters);
  const [rows, [totals]] = await Promise.all([
    assetList(viewer, filters, LEDGER_PAGE_SIZE, (page - 1) * LEDGER_PAGE_SIZE),
    run(await readDb(), assetTotals(whereOf(viewer, filters))),
  ]);
  return {
    page,
    rows,
    total: totals.count,
    valueFen: BigInt(totals.valueFen),
    incomeFen: BigInt(totals.incomeFen),
  };
}

/**
 * A page of the households of the area benefiting from the filtered projects (approved or later), each with those
 * projects: the list behind the overview's figure, with the number of all such households.
 */
export async function beneficiaryPage(viewer: Viewer, filters: ProjectFilters) {
  requireCan(viewer, 'project.view');
  const where = whereOf(viewer, filters);
  const page = ledgerPage(filters);
  const reader = await readDb();
  const households = await run(reader, beneficiaryHouseholds(where, LEDGER_PAGE_SIZE, (page - 1) * LEDGER_PAGE_SIZE));
  const links = await reader.projectBeneficiary.findMany({
    where: {
      householdId: { in: households.map((h) => h.householdId) },
      villageCode: { startsWith: where.prefix },
      project: {
        stage: { notIn: ['PROPOSED', 'REJECTED'], ...(where.stage ? { equals: where.stage as ProjectStage } : {}) },
        ...(where.year !== null ? { year: where.year } : {}),
        ...(where.kind ? { kind: filters.kind } : {}),
        ...(where.name ? { name: { contains: where.name } } : {}),
        ...(where.overdue
          ? { stage: { in: ['APPROVED', 'NOTICED', 'IN_PROGRESS'] }, plannedEndOn: { lt: where.today } }
          : {}),
        ...(where.unaudited
          ? { stage: { in: ['ACCEPTED', 'ASSETS_REGISTERED', 'EVALUATED', 'CLOSED'] }, audits: { none: {} } }
          : {}),
      },
    },
    include: {
      household: { select: { id: true, headName: true, regionCode: true } },
      project: { select: { id: true, name: true } },
    },
    orderBy: [{ householdId: 'asc' }, { projectId: 'asc' }],
  });
  const places = await placeNames(links.map((l) => l.household.regionCode));
  const byHousehold = new Map<
    number,
    { id: number; headName: string; place: string; projects: { id: number; name: string; mechanism: string }[] }
  >();
  for (const l of links) {
    const entry = byHousehold.get(l.householdId) ?? {
      id: l.household.id,
      headName: l.household.headName,
      place: places.get(l.household.regionCode) ?? '',
      projects: [],
    };
    entry.projects.push({ id: l.project.id, name: l.project.name, mechanism: l.mechanism });
    byHousehold.set(l.householdId, entry);
  }
  return { page, rows: [...byHousehold.values()], total: households[0]?.total ?? 0 };
}

/**
 * The county's shares of a year (seed 001): its special poverty budget (the county's own funds approved for the
 * year's projects) against the increase in local revenue, and its poverty spending against all county spending.
 */
export async function fundYearView(viewer: Viewer, year: number) {
  requireCan(viewer, 'project.view');
  const countyCode = viewer.scopeCode.length >= 6 ? viewer.scopeCode.slice(0, 6) : null;
  if (!countyCode) return null;
  const reader = await readDb();
  const [entered, policy, countyFunds] = await Promise.all([
    reader.fundYear.findUnique({ where: { countyCode_year: { countyCode, year } } }),
    reader.policy.findUnique({ where: { countyCode_year: { countyCode, year } } }),
    reader.projectFund.aggregate({
      where: {
        source: 'COUNTY',
        project: { year, regionCode: { startsWith: countyCode }, stage: { notIn: ['PROPOSED', 'REJECTED'] } },
      },
      _sum: { amountFen: true },
    }),
  ]);
  const rules = policy ?? DEFAULT_POLICY;
  const countyFundsFen = countyFunds._sum.amountFen ?? 0n;
  const revenueIncreaseFen = entered?.localRevenueIncreaseFen ?? 0n;
  const spendingFen = entered?.countySpendingFen ?? 0n;
  const povertySpendingFen = entered?.countyPovertySpendingFen ?? 0n;
  return {
    countyCode,
    year,
    entered: !!entered,
    complaintPhone: entered?.complaintPhone ?? '',
    revenueIncreaseFen,
    spendingFen,
    povertySpendingFen,
    countyFundsFen,
    revenueShare: sharePercent(countyFundsFen, revenueIncreaseFen),
    spendingShare: sharePercent(povertySpendingFen, spendingFen),
    revenueSharePercent: rules.revenueSharePercent,
    countySpendingSharePercent: rules.countySpendingSharePercent,
    mayEdit: can(viewer.role, 'project.finance') && viewer.scopeCode.length === 6,
  };
}

/** A project's public board (公示牌): its facts, money, who benefits, and the county's complaint phone. */
export async function projectBoard(viewer: Viewer, id: number) {
  const project = await getProject(viewer, id);
  const phone = await db.fundYear.findFirst({
    where: { countyCode: project.regionCode.slice(0, 6), complaintPhone: { not: '' } },
    orderBy: { year: 'desc' },
    select: { complaintPhone: true },
  });
  return { project, complaintPhone: phone?.complaintPhone ?? null };
}

/** A village's notice of its projects of a year (approved or later, and proposals in notice). */
export async function villageNotice(viewer: Viewer, villageCode: string, year: number) {
  requireCan(viewer, 'project.view');
  if (!isWithinScope(villageCode, viewer.scopeCode) || villageCode.length !== 12) found(null);
  const village = found(await db.region.findFirst({ where: { code: villageCode, level: 'VILLAGE' } }));
  const projects = await db.project.findMany({
    where: { year, villages: { some: { villageCode } }, stage: { notIn: ['PROPOSED', 'REJECTED'] } },
    include: {
      funds: { select: { amountFen: true } },
      ownerUnit: { select: { name: true } },
      beneficiaries: { where: { household: { regionCode: villageCode } }, select: { householdId: true } },
    },
    orderBy: { id: 'asc' },
  });
  const phone = await db.fundYear.findFirst({
    where: { countyCode: villageCode.slice(0, 6), complaintPhone: { not: '' } },
    orderBy: { year: 'desc' },
    select: { complaintPhone: true },
  });
  const places = await placeNames([villageCode]);
  return {
    village: places.get(villageCode) ?? village.name,
    year,
    complaintPhone: phone?.complaintPhone ?? null,
    projects: projects.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      stage: p.stage,
      ownerUnit: p.ownerUnit.name,
      budgetFen: p.funds.reduce((s, f) => s + f.amountFen, 0n),
      households: p.beneficiaries.length,
      plannedEndOn: isoDay(p.plannedEndOn),
    })),
  };
}

// ─────────────────────────── Mutual-aid funds (互助资金) ───────────────────────────

/**
 * The villages of the area with a fund or that are poor (each poor village should have at least the policy's
 * amount, seed 001): capital, owed, available, loans overdue; short of the minimum marked.
 */
export async function mutualOverview(viewer: Viewer, area?: string) {
  requireCan(viewer, 'project.view');
  const prefix = areaPrefix(viewer, area);
  const today = chinaToday();
  const [funds, poor] = await Promise.all([
    run(db, mutualByVillage(prefix, dayOf(today))),
    db.region.findMany({
      where: { ...scope.region(viewer, area), level: 'VILLAGE', isPoorVillage: true },
      select: { code: true },
    }),
  ]);
  const byVillage = new Map(funds.map((f) => [f.villageCode, f]));
  const codes = [...new Set([...funds.map((f) => f.villageCode), ...poor.map((p) => p.code)])].sort();
  const poorSet = new Set(poor.map((p) => p.code));
  const places = await placeNames(codes);
  const policies = new Map(
    (
      await db.policy.findMany({
        where: { year: chinaYear(), countyCode: { in: [...new Set(codes.map((c) => c.slice(0, 6)))] } },
        select: { countyCode: true, mutualFundMinYuan: true },
      })
    ).map((p) => [p.countyCode, p.mutualFundMinYuan]),
  );
  const villages = codes.map((code) => {
    const f = byVillage.get(code);
    const capitalFen = BigInt(f?.capitalFen ?? 0n);
    const outstandingFen = BigInt(f?.outstandingFen ?? 0n);
    const minFen = BigInt(policies.get(code.slice(0, 6)) ?? DEFAULT_POLICY.mutualFundMinYuan) * 100n;
    return {
      code,
      place: places.get(code) ?? code,
      poor: poorSet.has(code),
      capitalFen,
      outstandingFen,
      availableFen: capitalFen - outstandingFen,
      loans: f?.loans ?? 0,
      overdueLoans: f?.overdueLoans ?? 0,
      overdueFen: BigInt(f?.overdueFen ?? 0n),
      minFen,
      short: poorSet.has(code) && capitalFen < minFen,
    };
  });
  return { area: prefix, today, villages, mayManage: can(viewer.role, 'mutual.manage') };
}

/** One village's fund: capital entries, loans with repayments, the households it may lend to. */
export async function mutualVillage(viewer: Viewer, villageCode: string) {
  requireCan(viewer, 'project.view');
  if (!/^\d{12}$/.test(villageCode) || !isWithinScope(villageCode, viewer.scopeCode)) found(null);
  found(await db.region.findFirst({ where: { code: villageCode, level: 'VILLAGE' } }));
  const today = chinaToday();
  const [capital, loans, households, places] = await Promise.all([
    db.mutualFundCapital.findMany({ where: { villageCode }, orderBy: { receivedOn: 'asc' } }),
    db.mutualLoan.findMany({
      where: { villageCode },
      include: { household: { select: { headName: true } }, repayments: { orderBy: { paidOn: 'asc' } } },
      orderBy: [{ lentOn: 'desc' }, { id: 'desc' }],
    }),
    can(viewer.role, 'mutual.manage')
      ? db.household.findMany({
          where: { regionCode: villageCode, status: { not: 'REMOVED' } },
          select: { id: true, headName: true },
          orderBy: { id: 'asc' },
        })
      : [],
    placeNames([villageCode]),
  ]);
  const capitalFen = capital.reduce((s, c) => s + c.amountFen, 0n);
  const outstandingFen = loans.reduce((s, l) => s + (l.amountFen - l.repaidFen), 0n);
  return {
    code: villageCode,
    place: places.get(villageCode) ?? villageCode,
    today,
    capitalFen,
    outstandingFen,
    availableFen: capitalFen - outstandingFen,
    capital: capital.map((c) => ({
      id: c.id,
      receivedOn: isoDay(c.receivedOn),
      amountFen: c.amountFen,
      source: c.source,
    })),
    loans: loans.map((l) => ({
      id: l.id,
      headName: l.household.headName,
      amountFen: l.amountFen,
      repaidFen: l.repaidFen,
      lentOn: isoDay(l.lentOn),
      dueOn: isoDay(l.dueOn),
      overdue: isLoanOverdue({ amountFen: l.amountFen, repaidFen: l.repaidFen, dueOn: isoDay(l.dueOn) }, today),
      repayments: l.repayments.map((r) => ({ paidOn: isoDay(r.paidOn), amountFen: r.amountFen })),
    })),
    households,
    mayManage: can(viewer.role, 'mutual.manage'),
  };
}
