// Pairings' reads: cadres, coverage (两个全覆盖), proposals, one household's cadres, "my households" and
// the roster's rows. 403 without the permission, 404 for a record outside the viewer's area; the writes
// (and the roster file, audited as an export) are in ./commands.ts.
import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { db, readDb, rows as run } from '@/lib/db';
import type { CadreRank, HouseholdStatus, LeaderRole } from '@/lib/enums';
import { found } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { maskPhone } from '@/lib/households/identity';
import { MUST_PAIR_STATUSES, needsLiaison, POOR_STATUSES } from '@/lib/households/rules';
import { decryptText } from '@/lib/personal-data';
import { policyValuesFor } from '@/lib/policy/data';
import { isWithinScope } from '@/lib/regions/rules';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { chinaYear, dayOf, isoDay } from '@/lib/time';
import {
  isOwnTownship,
  leaderMinimums,
  ownNumber,
  PAIRABLE_STATUSES,
  type ProposalTier,
  proposePairings,
  quotaOf,
} from './rules';
import { cadreLoadRows, cadresByLoad, candidateCadres } from './sql';

export const CADRE_PAGE_SIZE = 50;
const ACTIVE = { endedOn: null } as const;

/** Cadres are kept per county (or township); the county's policy sets their quotas. */
function cadreArea(viewer: Viewer): string {
  return viewer.scopeCode.slice(0, 6);
}

/** The county's pool of cadres, which those who pair households choose from. */
const countyPool = (viewer: Viewer) => scope.cadre({ scopeCode: cadreArea(viewer) });

/**
 * The cadres a viewer may list. Those who pair households (county and township offices) choose from the
 * county's pool, and county-level users see the county. Everyone else sees the cadres of their own area:
 * kept there, posted to a team there, or paired with a household there; a team leader sees the people
 * working in their village, not the county's thousands.
 */
function cadreScope(viewer: Viewer): Prisma.CadreWhereInput {
  if (can(viewer.role, 'pairing.manage') || viewer.scopeCode.length <= 6) return countyPool(viewer);
  return {
    OR: [
      scope.cadre(viewer),
      { postings: { some: { ...scope.posting(viewer), endedOn: null } } },
      { pairings: { some: { ...scope.pairing(viewer), endedOn: null } } },
    ],
  };
}

async function usedCounts(cadreIds: number[]): Promise<Map<number, number>> {
  if (cadreIds.length === 0) return new Map();
  const rows = await db.pairing.groupBy({
    by: ['cadreId'],
    where: { cadreId: { in: cadreIds }, endedOn: null },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.cadreId, r._count._all]));
}

export type CadreFilters = {
  q?: string;
  unitId?: number;
  rank?: CadreRank;
  load?: 'free' | 'full';
  left?: boolean;
  page?: number;
};

export async function listCadres(viewer: Viewer, filters: CadreFilters) {
  requireCan(viewer, 'cadre.view');
  const county = cadreArea(viewer);
  const policy = await policyValuesFor(county, chinaYear());
  const q = filters.q?.trim();
  const where: Prisma.CadreWhereInput = {
    ...cadreScope(viewer),
    active: !filters.left,
    ...(q ? (/^\d{3}[\dXx]$/.test(q) ? { idLast4: q.toUpperCase() } : { name: { startsWith: q } }) : {}),
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.rank ? { rank: filters.rank } : {}),
  };
  // "Free" / "full" compare a count with a rank-dependent quota: done in SQL so pages and totals stay right.
  if (filters.load) {
    const ids = await run(db, cadresByLoad(county, policy, filters.load === 'full'));
    where.id = { in: ids.map((r) => r.id) };
  }
  const page = Math.max(1, filters.page ?? 1);
  const [total, cadres] = await Promise.all([
    db.cadre.count({ where }),
    db.cadre.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * CADRE_PAGE_SIZE,
      take: CADRE_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        rank: true,
        regionCode: true,
        idLast4: true,
        phoneEnc: true,
        active: true,
        unit: { select: { name: true } },
      },
    }),
  ]);
  const used = await usedCounts(cadres.map((r) => r.id));
  return {
    total,
    page,
    rows: cadres.map((r) => ({
      id: r.id,
      name: r.name,
      rank: r.rank,
      regionCode: r.regionCode,
      unitName: r.unit.name,
      idLast4: r.idLast4,
      active: r.active,
      phone: r.phoneEnc ? maskPhone(decryptText(r.phoneEnc)) : null,
      used: used.get(r.id) ?? 0,
      quota: quotaOf(r.rank, policy),
    })),
  };
}

/** A cadre the viewer may list (cadreScope) with their households now and before; 404 for anyone else. */
export async function getCadre(viewer: Viewer, id: number) {
  requireCan(viewer, 'cadre.view');
  const cadre = found(
    await db.cadre.findFirst({
      where: { id, ...cadreScope(viewer) },
      include: {
        unit: { select: { id: true, name: true } },
        user: { select: { id: true, username: true, displayName: true } },
        // Only the households inside the viewer's area: a county cadre may be paired across townships.
        pairings: {
          where: scope.pairing(viewer),
          orderBy: [{ endedOn: { sort: 'desc', nulls: 'first' } }, { startedOn: 'desc' }],
          include: {
            household: {
              select: {
                id: true,
                headName: true,
                status: true,
                memberCount: true,
                regionCode: true,
                village: { select: { name: true } },
              },
            },
          },
        },
      },
    }),
  );
  const policy = await policyValuesFor(cadre.regionCode.slice(0, 6), chinaYear());
  const used = await db.pairing.count({ where: { cadreId: cadre.id, endedOn: null } }); // all of them: the quota is the cadre's
  return {
    id: cadre.id,
    version: cadre.version,
    name: cadre.name,
    rank: cadre.rank,
    leaderRole: cadre.leaderRole,
    regionCode: cadre.regionCode,
    unit: cadre.unit,
    user: cadre.user,
    idLast4: cadre.idLast4,
    phone: cadre.phoneEnc ? maskPhone(decryptText(cadre.phoneEnc)) : null,
    active: cadre.active,
    leftOn: cadre.leftOn ? isoDay(cadre.leftOn) : null,
    leftReason: cadre.leftReason,
    quota: quotaOf(cadre.rank, policy),
    used,
    editable: can(viewer.role, 'cadre.manage') && isWithinScope(cadre.regionCode, viewer.scopeCode),
    pairings: cadre.pairings.map((p) => ({
      id: p.id,
      householdId: p.householdId,
      headName: p.household.headName,
      status: p.household.status,
      memberCount: p.household.memberCount,
      villageName: p.household.village.name,
      villageCode: p.household.regionCode,
      inArea: isWithinScope(p.regionCode, viewer.scopeCode),
      startedOn: isoDay(p.startedOn),
      endedOn: p.endedOn ? isoDay(p.endedOn) : null,
      endReason: p.endReason,
    })),
  };
}

/** Choices for the cadre form: the county's units and the area's accounts not linked to a cadre. */
export async function cadreFormOptions(viewer: Viewer, cadreId?: number) {
  requireCan(viewer, 'cadre.manage');
  const county = cadreArea(viewer);
  const [units, users, townships] = await Promise.all([
    db.unit.findMany({
      where: { countyCode: county },
      orderBy: [{ level: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: {
        ...scope.user(viewer),
        role: { in: ['PAIRING_CADRE', 'TEAM_LEADER', 'TEAM_MEMBER'] },
        disabled: false,
        OR: [{ cadre: null }, ...(cadreId ? [{ cadre: { id: cadreId } }] : [])],
      },
      orderBy: { username: 'asc' },
      select: { id: true, username: true, displayName: true },
    }),
    db.region.findMany({
      where: { parentCode: county, ...scope.region(viewer) },
      orderBy: { code: 'asc' },
      select: { code: true, name: true },
    }),
  ]);
  const areas = viewer.scopeCode.length === 6 ? [{ code: county, name: viewer.scopeName }, ...townships] : townships;
  // Who is a county-level leader is the county's to say (seed 002's 包抓).
  return { units, users, areas, leaderRoles: viewer.scopeCode.length <= 6 };
}

// ─────────────────────────── Cadre load (the coverage itself: lib/figures/data.ts) ───────────────────────────

/** Active cadres kept in the area: how many have quota left and how many are at quota. */
export async function cadreLoad(prefix: string) {
  const county = prefix.slice(0, 6);
  if (county.length < 6) return null;
  const policy = await policyValuesFor(county, chinaYear());
  const load = await run(db, cadreLoadRows(prefix));
  let below = 0;
  let atQuota = 0;
  let over = 0;
  for (const row of load) {
    const quota = quotaOf(row.rank, policy);
    if (row.used < quota) below += row.n;
    else if (row.used === quota) atQuota += row.n;
    else over += row.n;
  }
  return { total: below + atQuota + over, below, atQuota, over };
}

/** The must-pair households of the area without a cadre (the list behind "uncovered"). */
export async function uncoveredHouseholds(viewer: Viewer, area: string | undefined, limit = 200) {
  requireCan(viewer, 'cadre.view');
  return db.household.findMany({
    where: { ...scope.household(viewer, area), status: { in: [...MUST_PAIR_STATUSES] }, pairings: { none: ACTIVE } },
    orderBy: [{ regionCode: 'asc' }, { id: 'asc' }],
    take: limit,
    select: {
      id: true,
      headName: true,
      status: true,
      regionCode: true,
      village: { select: { name: true, parent: { select: { name: true } } } },
    },
  });
}

export async function villagesWithoutLiaison(viewer: Viewer, area?: string) {
  requireCan(viewer, 'cadre.view');
  return db.region.findMany({
    where: { level: 'VILLAGE', ...scope.region(viewer, area), liaisons: { none: {} } },
    orderBy: { code: 'asc' },
    take: 200,
    select: { code: true, name: true, parent: { select: { name: true } } },
  });
}

// ─────────────────────────── Proposals ───────────────────────────

export type ProposalView = {
  area: string;
  pairs: {
    householdId: number;
    headName: string;
    villageName: string;
    cadreId: number;
    cadreName: string;
    unitName: string;
    rank: CadreRank;
    tier: ProposalTier;
    usedAfter: number;
    quota: number;
  }[];
  unassigned: { id: number; headName: string; villageName: string }[];
};

/** Candidates: active cadres of the county with quota left who are not members of a poor household. */
async function candidates(county: string, except?: number) {
  const policy = await policyValuesFor(county, chinaYear());
  const cadres = await run(db, candidateCadres(county, except ?? 0, POOR_STATUSES));
  return cadres
    .map((c) => {
      const quota = ownNumber(c.rank, c.leader_role, policy);
      // A township cadre may take more of their own township's households (quotaFor).
      const backstop = c.region_code.length === 9 ? Math.max(quota, policy.quotaTownshipBackstop) : quota;
      return { ...c, quota, backstop };
    })
    .filter((c) => c.used < c.backstop);
}

async function buildProposal(
  area: string,
  households: { id: number; headName: string; regionCode: string; village: { name: string } }[],
  except?: number,
): Promise<ProposalView> {
  const county = area.slice(0, 6);
  const pool = await candidates(county, except);
  const villageCodes = [...new Set(households.map((h) => h.regionCode))];
  const liaisons = await db.villageLiaison.findMany({
    where: { villageCode: { in: villageCodes } },
    select: { villageCode: true, unitId: true },
  });
  const liaisonUnits = new Map<string, Set<number>>();
  for (const l of liaisons) {
    const units = liaisonUnits.get(l.villageCode) ?? new Set<number>();
    liaisonUnits.set(l.villageCode, units.add(l.unitId));
  }
  const proposal = proposePairings({
    households: households.map((h) => ({ id: h.id, villageCode: h.regionCode })),
    cadres: pool.map((c) => ({
      id: c.id,
      unitId: c.unit_id,
      regionCode: c.region_code,
      used: c.used,
      quota: c.quota,
      backstop: c.backstop,
    })),
    liaisonUnits,
  });
  const byHousehold = new Map(households.map((h) => [h.id, h]));
  const byCadre = new Map(pool.map((c) => [c.id, c]));
  const used = new Map(pool.map((c) => [c.id, c.used]));
  return {
    area,
    // Every id of the proposal is one of these households and cadres.
    pairs: proposal.pairs.flatMap((p) => {
      const h = byHousehold.get(p.householdId);
      const c = byCadre.get(p.cadreId);
      if (!h || !c) return [];
      const usedAfter = (used.get(c.id) ?? c.used) + 1;
      used.set(c.id, usedAfter);
      return [
        {
          householdId: h.id,
          headName: h.headName,
          villageName: h.village.name,
          cadreId: c.id,
          cadreName: c.name,
          unitName: c.unit,
          rank: c.rank,
          tier: p.tier,
          usedAfter,
          quota: p.tier === 'BACKSTOP' ? c.backstop : c.quota,
        },
      ];
    }),
    unassigned: proposal.unassigned.map((id) => ({
      id,
      headName: byHousehold.get(id)?.headName ?? '',
      villageName: byHousehold.get(id)?.village.name ?? '',
    })),
  };
}

/**
 * Proposed cadres for every uncovered must-pair household of a village or township (or county); cadres are
 * kept per county, so above a county there is no proposal (404).
 */
export async function coverProposal(viewer: Viewer, area: string | undefined): Promise<ProposalView> {
  requireCan(viewer, 'pairing.manage');
  const prefix = areaPrefix(viewer, area);
  if (prefix.length < 6) notFound();
  const households = await db.household.findMany({
    where: { ...scope.household(viewer, area), status: { in: [...MUST_PAIR_STATUSES] }, pairings: { none: ACTIVE } },
    orderBy: [{ regionCode: 'asc' }, { id: 'asc' }],
    take: 5000,
    select: { id: true, headName: true, regionCode: true, village: { select: { name: true } } },
  });
  return buildProposal(prefix, households);
}

/** Proposed new cadres for every household of a departing cadre (the cadre excluded). */
export async function reassignProposal(viewer: Viewer, cadreId: number): Promise<ProposalView> {
  requireCan(viewer, 'pairing.manage');
  const pairings = await db.pairing.findMany({
    where: { cadreId, endedOn: null, ...scope.pairing(viewer) },
    orderBy: [{ regionCode: 'asc' }, { householdId: 'asc' }],
    select: {
      household: { select: { id: true, headName: true, regionCode: true, village: { select: { name: true } } } },
    },
  });
  return buildProposal(
    viewer.scopeCode,
    pairings.map((p) => p.household),
    cadreId,
  );
}

// ─────────────────────────── One household, my households, roster ───────────────────────────

/**
 * Who is responsible for a household now and before, and cadres to choose from (liaison-unit cadres first);
 * 404 for a household outside the viewer's area.
 */
export async function householdPairing(viewer: Viewer, householdId: number) {
  requireCan(viewer, 'household.view');
  const household = found(
    await db.household.findFirst({
      where: { id: householdId, ...scope.household(viewer) },
      select: { id: true, regionCode: true, status: true },
    }),
  );
  const pairings = await db.pairing.findMany({
    where: { householdId },
    orderBy: [{ endedOn: { sort: 'desc', nulls: 'first' } }, { startedOn: 'desc' }],
    include: {
      cadre: { select: { id: true, name: true, rank: true, phoneEnc: true, unit: { select: { name: true } } } },
    },
  });
  const history = pairings.map((p) => ({
    id: p.id,
    cadreId: p.cadre.id,
    cadreName: p.cadre.name,
    rank: p.cadre.rank,
    unitName: p.cadre.unit.name,
    phone: p.cadre.phoneEnc ? maskPhone(decryptText(p.cadre.phoneEnc)) : null,
    startedOn: isoDay(p.startedOn),
    endedOn: p.endedOn ? isoDay(p.endedOn) : null,
    endReason: p.endReason,
  }));
  const pairable = (PAIRABLE_STATUSES as readonly string[]).includes(household.status);
  const mustPair = (MUST_PAIR_STATUSES as readonly string[]).includes(household.status);
  let options: { id: number; label: string }[] = [];
  if (can(viewer.role, 'pairing.manage') && pairable && !history.some((r) => r.endedOn === null)) {
    const pool = await candidates(household.regionCode.slice(0, 6));
    const liaison = new Set(
      (
        await db.villageLiaison.findMany({ where: { villageCode: household.regionCode }, select: { unitId: true } })
      ).map((l) => l.unitId),
    );
    const township = household.regionCode.slice(0, 9);
    const rank = (c: (typeof pool)[number]) =>
      liaison.has(c.unit_id) ? 0 : c.region_code.startsWith(township) ? 1 : 2;
    // The proposal's order: liaison-unit cadres, then the township's, then the county's; a township
    // cadre beyond their rank's number only for their own township's households (the backstop).
    const room = pool.reduce((sum, c) => sum + Math.max(0, c.quota - c.used), 0);
    const capOf = (c: (typeof pool)[number]) =>
      room === 0 && isOwnTownship(c.region_code, household.regionCode) ? c.backstop : c.quota;
    options = pool
      .filter((c) => c.used < capOf(c))
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh') || a.id - b.id)
      .slice(0, 300)
      .map((c) => ({ id: c.id, label: `${c.name} · ${c.unit} · ${c.used}/${capOf(c)}` }));
  }
  return { pairable, mustPair, pairings: history, options, liaison: await householdLiaisonOf(viewer, household) };
}

/**
 * The liaison cadre (联户干部) of a household no responsible cadre helps: who now, and the cadres to choose
 * from (the village's team members first, then the township's cadres, then the county's).
 */
async function householdLiaisonOf(
  viewer: Viewer,
  household: { id: number; regionCode: string; status: HouseholdStatus },
) {
  if (!needsLiaison(household.status)) return null;
  const current = await db.householdLiaison.findFirst({
    where: { householdId: household.id, endedOn: null },
    include: { cadre: { select: { id: true, name: true, unit: { select: { name: true } } } } },
  });
  const options = can(viewer.role, 'pairing.manage') ? await liaisonCadreOptions(viewer, household.regionCode) : [];
  return {
    current: current
      ? {
          id: current.id,
          cadreId: current.cadre.id,
          cadreName: current.cadre.name,
          unitName: current.cadre.unit.name,
          startedOn: isoDay(current.startedOn),
        }
      : null,
    options,
  };
}

/** The signed-in cadre's households now (phone); `cadre` null when the account is linked to no cadre. */
export async function myHouseholds(viewer: Viewer) {
  requireCan(viewer, 'pairing.own');
  const cadre = await db.cadre.findUnique({
    where: { userId: viewer.userId },
    select: { id: true, name: true, rank: true, regionCode: true },
  });
  if (!cadre) return { cadre: null, households: [] };
  const pairings = await db.pairing.findMany({
    where: { cadreId: cadre.id, endedOn: null },
    orderBy: [{ regionCode: 'asc' }, { householdId: 'asc' }],
    include: {
      household: {
        select: {
          id: true,
          headName: true,
          status: true,
          memberCount: true,
          groupName: true,
          phoneEnc: true,
          village: { select: { name: true } },
        },
      },
    },
  });
  const policy = await policyValuesFor(cadre.regionCode.slice(0, 6), chinaYear());
  const lastVisits = await db.visit.groupBy({
    by: ['householdId'],
    where: { visitorCadreId: cadre.id, householdId: { in: pairings.map((p) => p.householdId) } },
    _max: { visitedOn: true },
  });
  const lastVisit = new Map(lastVisits.map((v) => [v.householdId, v._max.visitedOn ? isoDay(v._max.visitedOn) : null]));
  return {
    cadre: { ...cadre, quota: quotaOf(cadre.rank, policy) },
    households: pairings.map((p) => ({
      id: p.household.id,
      headName: p.household.headName,
      status: p.household.status,
      memberCount: p.household.memberCount,
      village: `${p.household.village.name}${p.household.groupName}`,
      phone: p.household.phoneEnc ? decryptText(p.household.phoneEnc) : null,
      since: isoDay(p.startedOn),
      lastVisit: lastVisit.get(p.householdId) ?? null,
    })),
  };
}

/** Rows of the pairing roster (结对帮扶花名册): every active pairing in the area. */
export async function pairingRosterRows(viewer: Viewer, area: string | undefined) {
  requireCan(viewer, 'pairing.export');
  const pairings = await (await readDb()).pairing.findMany({
    where: { ...scope.pairing(viewer, area), endedOn: null },
    orderBy: [{ regionCode: 'asc' }, { householdId: 'asc' }],
    select: {
      startedOn: true,
      household: {
        select: {
          headName: true,
          status: true,
          memberCount: true,
          groupName: true,
          village: { select: { name: true, parent: { select: { name: true } } } },
        },
      },
      cadre: { select: { name: true, rank: true, phoneEnc: true, unit: { select: { name: true } } } },
    },
  });
  return {
    area: areaPrefix(viewer, area),
    rows: pairings.map((r) => ({
      township: r.household.village.parent?.name ?? '',
      village: r.household.village.name,
      group: r.household.groupName,
      headName: r.household.headName,
      status: r.household.status,
      memberCount: r.household.memberCount,
      cadreName: r.cadre.name,
      rank: r.cadre.rank,
      unitName: r.cadre.unit.name,
      phone: r.cadre.phoneEnc ? maskPhone(decryptText(r.cadre.phoneEnc)) : '',
      startedOn: isoDay(r.startedOn),
    })),
  };
}

// ─────────────────────────── County leaders' own villages and households ───────────────────────────

/**
 * The county-level leaders of the viewer's county (seed 002: 包抓): the poor villages each takes, the
 * households paired with them, their visits this year, against the minimums of their role; short first.
 */
export async function leaderDuties(viewer: Viewer) {
  requireCan(viewer, 'cadre.view');
  const county = viewer.scopeCode.slice(0, 6);
  if (county.length < 6) return { county: null, year: chinaYear(), rows: [], villages: [] };
  const year = chinaYear();
  const [policy, leaders, villages] = await Promise.all([
    policyValuesFor(county, year),
    db.cadre.findMany({
      where: { regionCode: { startsWith: county }, active: true, leaderRole: { not: null } },
      orderBy: [{ leaderRole: 'asc' }, { name: 'asc' }],
      include: {
        unit: { select: { name: true } },
        leaderVillages: {
          orderBy: { villageCode: 'asc' },
          include: { village: { select: { name: true, parent: { select: { name: true } } } } },
        },
      },
    }),
    db.region.findMany({
      where: { level: 'VILLAGE', isPoorVillage: true, code: { startsWith: county } },
      orderBy: { code: 'asc' },
      select: { code: true, name: true, parent: { select: { name: true } } },
    }),
  ]);
  const ids = leaders.map((l) => l.id);
  const [paired, visits] = await Promise.all([
    db.pairing.groupBy({ by: ['cadreId'], where: { cadreId: { in: ids }, endedOn: null }, _count: { _all: true } }),
    db.visit.groupBy({
      by: ['visitorCadreId'],
      where: {
        visitorCadreId: { in: ids },
        visitedOn: { gte: dayOf(`${year}-01-01`), lte: dayOf(`${year}-12-31`) },
      },
      _count: { _all: true },
    }),
  ]);
  const rows = leaders.map((l) => {
    const minimum = leaderMinimums(l.leaderRole, policy);
    const households = paired.find((p) => p.cadreId === l.id)?._count._all ?? 0;
    return {
      id: l.id,
      name: l.name,
      role: l.leaderRole as LeaderRole,
      rank: l.rank,
      unitName: l.unit.name,
      villages: l.leaderVillages.map((v) => ({
        id: v.id,
        code: v.villageCode,
        name: `${v.village.parent?.name ?? ''} ${v.village.name}`,
      })),
      households,
      visits: visits.find((v) => v.visitorCadreId === l.id)?._count._all ?? 0,
      minimum,
      short: l.leaderVillages.length < minimum.villages || households < minimum.households,
    };
  });
  return {
    county,
    year,
    rows: rows.sort((a, b) => Number(b.short) - Number(a.short)),
    villages: villages.map((v) => ({ code: v.code, label: `${v.parent?.name ?? ''} ${v.name}` })),
  };
}

/** Cadres who may be a village's liaison cadres: its team members first, then the township's cadres, then the county's. */
export async function liaisonCadreOptions(viewer: Viewer, villageCode: string) {
  requireCan(viewer, 'pairing.manage');
  if (!isWithinScope(villageCode, viewer.scopeCode) || villageCode.length !== 12) return [];
  const cadres = await db.cadre.findMany({
    where: { regionCode: { startsWith: villageCode.slice(0, 6) }, active: true },
    select: {
      id: true,
      name: true,
      regionCode: true,
      unit: { select: { name: true } },
      postings: { where: { endedOn: null, villageCode }, select: { id: true } },
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 3000,
  });
  const order = (c: (typeof cadres)[number]) =>
    c.postings.length ? 0 : c.regionCode.startsWith(villageCode.slice(0, 9)) ? 1 : 2;
  return cadres
    .sort((a, b) => order(a) - order(b))
    .slice(0, 300)
    .map((c) => ({ id: c.id, label: `${c.name} · ${c.unit.name}` }));
}
