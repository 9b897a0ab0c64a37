import 'server-only';
import { writeAuditNow } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { CadreRank } from '@/lib/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import { maskPhone } from '@/lib/households/identity';
import { MUST_PAIR_STATUSES, POOR_STATUSES } from '@/lib/households/rules';
import type { Locale } from '@/lib/i18n/locales';
import { translateKey } from '@/lib/i18n/messages';
import { decryptText } from '@/lib/personal-data';
import { policyValuesFor } from '@/lib/policy/data';
import { areaWithin } from '@/lib/teams/data';
import { chinaYear, isoDay } from '@/lib/time';
import { PAIRABLE_STATUSES, type ProposalTier, proposePairings, quotaOf } from './rules';
import { pairingRosterXlsx, type RosterSheetLabels } from './sheet';

export const CADRE_PAGE_SIZE = 50;
const ACTIVE = { endedOn: null } as const;
const thisYear = () => chinaYear();

/** Cadres are kept per county (or township); the county's policy sets their quotas. */
function cadreArea(viewer: Viewer): string {
  return viewer.scopeCode.slice(0, 6);
}

/**
 * The cadres a viewer may list. Those who pair households (county and township offices) choose from the
 * county's pool, and county-level users see the county. Everyone else sees the cadres of their own area:
 * kept there, posted to a team there, or paired with a household there; a team leader sees the people
 * working in their village, not the county's thousands.
 */
function cadreScope(viewer: Viewer): Prisma.CadreWhereInput {
  if (can(viewer.role, 'pairing.manage') || viewer.scopeCode.length <= 6)
    return { regionCode: { startsWith: cadreArea(viewer) } };
  const area = viewer.scopeCode;
  return {
    OR: [
      { regionCode: { startsWith: area } },
      { postings: { some: { villageCode: { startsWith: area }, endedOn: null } } },
      { pairings: { some: { regionCode: { startsWith: area }, endedOn: null } } },
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
  if (!can(viewer.role, 'cadre.view')) return null;
  const county = cadreArea(viewer);
  const policy = await policyValuesFor(county, thisYear());
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
    const ids = await db.$queryRaw<{ id: number }[]>`
      SELECT c.id FROM cadre c
        LEFT JOIN (SELECT cadre_id, count(*)::int AS n FROM pairing WHERE ended_on IS NULL GROUP BY cadre_id) u ON u.cadre_id = c.id
       WHERE c.region_code LIKE ${`${county}%`} AND c.active
         AND (coalesce(u.n, 0) >= CASE c.rank WHEN 'COUNTY_CHIEF' THEN ${policy.quotaCountyChief}::int WHEN 'COUNTY_DEPUTY' THEN ${policy.quotaCountyDeputy}::int
              WHEN 'SECTION_CHIEF' THEN ${policy.quotaSectionChief}::int WHEN 'SECTION_DEPUTY' THEN ${policy.quotaSectionDeputy}::int ELSE ${policy.quotaOrdinary}::int END) = ${filters.load === 'full'}::boolean`;
    where.id = { in: ids.map((r) => r.id) };
  }
  const page = Math.max(1, filters.page ?? 1);
  const [total, rows] = await Promise.all([
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
  const used = await usedCounts(rows.map((r) => r.id));
  return {
    total,
    page,
    rows: rows.map((r) => ({
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

/** A cadre of the viewer's county with their households now and before. */
export async function getCadre(viewer: Viewer, id: number) {
  if (!can(viewer.role, 'cadre.view')) return null;
  const cadre = await db.cadre.findFirst({
    where: { id, ...cadreScope(viewer) },
    include: {
      unit: { select: { id: true, name: true } },
      user: { select: { id: true, username: true, displayName: true } },
      // Only the households inside the viewer's area: a county cadre may be paired across townships.
      pairings: {
        where: { regionCode: { startsWith: viewer.scopeCode } },
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
  });
  if (!cadre) return null;
  const policy = await policyValuesFor(cadre.regionCode.slice(0, 6), thisYear());
  const used = await db.pairing.count({ where: { cadreId: cadre.id, endedOn: null } }); // all of them: the quota is the cadre's
  return {
    id: cadre.id,
    version: cadre.version,
    name: cadre.name,
    rank: cadre.rank,
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
    editable: can(viewer.role, 'cadre.manage') && cadre.regionCode.startsWith(viewer.scopeCode),
    pairings: cadre.pairings.map((p) => ({
      id: p.id,
      householdId: p.householdId,
      headName: p.household.headName,
      status: p.household.status,
      memberCount: p.household.memberCount,
      villageName: p.household.village.name,
      villageCode: p.household.regionCode,
      inArea: p.regionCode.startsWith(viewer.scopeCode),
      startedOn: isoDay(p.startedOn),
      endedOn: p.endedOn ? isoDay(p.endedOn) : null,
      endReason: p.endReason,
    })),
  };
}

/** Choices for the cadre form: the county's units and the area's accounts not linked to a cadre. */
export async function cadreFormOptions(viewer: Viewer, cadreId?: number) {
  if (!can(viewer.role, 'cadre.manage')) return null;
  const county = cadreArea(viewer);
  const [units, users, townships] = await Promise.all([
    db.unit.findMany({
      where: { countyCode: county },
      orderBy: [{ level: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: {
        scopeCode: { startsWith: viewer.scopeCode },
        role: { in: ['PAIRING_CADRE', 'TEAM_LEADER', 'TEAM_MEMBER'] },
        disabled: false,
        OR: [{ cadre: null }, ...(cadreId ? [{ cadre: { id: cadreId } }] : [])],
      },
      orderBy: { username: 'asc' },
      select: { id: true, username: true, displayName: true },
    }),
    db.region.findMany({
      where: { parentCode: county, code: { startsWith: viewer.scopeCode } },
      orderBy: { code: 'asc' },
      select: { code: true, name: true },
    }),
  ]);
  const areas = viewer.scopeCode.length === 6 ? [{ code: county, name: viewer.scopeName }, ...townships] : townships;
  return { units, users, areas };
}

// ─────────────────────────── Coverage (两个全覆盖) ───────────────────────────

export type CoverageRow = {
  code: string;
  name: string;
  mustPair: number;
  covered: number;
  villages: number;
  villagesWithoutLiaison: number;
};

/**
 * Households that must have a cadre and how many do, and villages with a liaison unit, per area
 * one level down. Each row counts its own households, so the rows add up to the total.
 */
export async function pairingCoverage(viewer: Viewer, area?: string) {
  if (!can(viewer.role, 'cadre.view')) return null;
  const prefix = areaWithin(viewer, area);
  const childLength = prefix.length < 6 ? 6 : prefix.length < 9 ? 9 : 12;
  const [households, villages, names] = await Promise.all([
    db.$queryRaw<{ child: string; must: number; covered: number }[]>`
      SELECT left(h.region_code, ${childLength}) AS child, count(*)::int AS must, count(p.id)::int AS covered
        FROM household h LEFT JOIN pairing p ON p.household_id = h.id AND p.ended_on IS NULL
       WHERE h.region_code LIKE ${`${prefix}%`} AND h.status::text = ANY(${[...MUST_PAIR_STATUSES]})
       GROUP BY 1`,
    db.$queryRaw<{ child: string; villages: number; without: number }[]>`
      SELECT left(v.code, ${childLength}) AS child, count(*)::int AS villages,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM village_liaison l WHERE l.village_code = v.code))::int AS without
        FROM region v WHERE v.level = 'VILLAGE' AND v.code LIKE ${`${prefix}%`} GROUP BY 1`,
    db.region.findMany({
      where: {
        code: { startsWith: prefix },
        level: childLength === 6 ? 'COUNTY' : childLength === 9 ? 'TOWNSHIP' : 'VILLAGE',
      },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    }),
  ]);
  const byHouse = new Map(households.map((r) => [r.child, r]));
  const byVillage = new Map(villages.map((r) => [r.child, r]));
  const rows: CoverageRow[] = names.map((n) => ({
    code: n.code,
    name: n.name,
    mustPair: byHouse.get(n.code)?.must ?? 0,
    covered: byHouse.get(n.code)?.covered ?? 0,
    villages: byVillage.get(n.code)?.villages ?? 0,
    villagesWithoutLiaison: byVillage.get(n.code)?.without ?? 0,
  }));
  const total = { code: prefix, name: '', mustPair: 0, covered: 0, villages: 0, villagesWithoutLiaison: 0 };
  for (const r of rows) {
    total.mustPair += r.mustPair;
    total.covered += r.covered;
    total.villages += r.villages;
    total.villagesWithoutLiaison += r.villagesWithoutLiaison;
  }
  return { area: prefix, rows, total, cadres: await cadreLoad(prefix) };
}

/** Active cadres kept in the area: how many have quota left and how many are at quota. */
async function cadreLoad(prefix: string) {
  const county = prefix.slice(0, 6);
  if (county.length < 6) return null;
  const policy = await policyValuesFor(county, thisYear());
  const rows = await db.$queryRaw<{ rank: CadreRank; n: number; used: number }[]>`
    SELECT c.rank, coalesce(u.n, 0)::int AS used, count(*)::int AS n
      FROM cadre c LEFT JOIN (SELECT cadre_id, count(*)::int AS n FROM pairing WHERE ended_on IS NULL GROUP BY cadre_id) u ON u.cadre_id = c.id
     WHERE c.region_code LIKE ${`${prefix}%`} AND c.active
     GROUP BY 1, 2`;
  let below = 0;
  let atQuota = 0;
  let over = 0;
  for (const row of rows) {
    const quota = quotaOf(row.rank, policy);
    if (row.used < quota) below += row.n;
    else if (row.used === quota) atQuota += row.n;
    else over += row.n;
  }
  return { total: below + atQuota + over, below, atQuota, over };
}

/** The must-pair households of the area without a cadre (the list behind "uncovered"). */
export async function uncoveredHouseholds(viewer: Viewer, area: string | undefined, limit = 200) {
  if (!can(viewer.role, 'cadre.view')) return null;
  const prefix = areaWithin(viewer, area);
  return db.household.findMany({
    where: { regionCode: { startsWith: prefix }, status: { in: [...MUST_PAIR_STATUSES] }, pairings: { none: ACTIVE } },
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
  if (!can(viewer.role, 'cadre.view')) return null;
  const prefix = areaWithin(viewer, area);
  return db.region.findMany({
    where: { level: 'VILLAGE', code: { startsWith: prefix }, liaisons: { none: {} } },
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
  const policy = await policyValuesFor(county, thisYear());
  const cadres = await db.$queryRaw<
    { id: number; unit_id: number; region_code: string; rank: CadreRank; name: string; unit: string; used: number }[]
  >`
    SELECT c.id, c.unit_id, c.region_code, c.rank::text AS rank, c.name, u.name AS unit, coalesce(p.n, 0)::int AS used
      FROM cadre c JOIN unit u ON u.id = c.unit_id
      LEFT JOIN (SELECT cadre_id, count(*)::int AS n FROM pairing WHERE ended_on IS NULL GROUP BY cadre_id) p ON p.cadre_id = c.id
     WHERE c.region_code LIKE ${`${county}%`} AND c.active AND c.id <> ${except ?? 0}
       AND NOT EXISTS (SELECT 1 FROM person m JOIN household h ON h.id = m.household_id
                        WHERE m.id_number_hash = c.id_number_hash AND h.status::text = ANY(${[...POOR_STATUSES]}))`;
  return cadres.map((c) => ({ ...c, quota: quotaOf(c.rank, policy) })).filter((c) => c.used < c.quota);
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
  for (const l of liaisons)
    (liaisonUnits.get(l.villageCode) ?? liaisonUnits.set(l.villageCode, new Set()).get(l.villageCode)!).add(l.unitId);
  const proposal = proposePairings({
    households: households.map((h) => ({ id: h.id, villageCode: h.regionCode })),
    cadres: pool.map((c) => ({ id: c.id, unitId: c.unit_id, regionCode: c.region_code, used: c.used, quota: c.quota })),
    liaisonUnits,
  });
  const byHousehold = new Map(households.map((h) => [h.id, h]));
  const byCadre = new Map(pool.map((c) => [c.id, c]));
  const used = new Map(pool.map((c) => [c.id, c.used]));
  return {
    area,
    pairs: proposal.pairs.map((p) => {
      const h = byHousehold.get(p.householdId)!;
      const c = byCadre.get(p.cadreId)!;
      used.set(c.id, used.get(c.id)! + 1);
      return {
        householdId: h.id,
        headName: h.headName,
        villageName: h.village.name,
        cadreId: c.id,
        cadreName: c.name,
        unitName: c.unit,
        rank: c.rank,
        tier: p.tier,
        usedAfter: used.get(c.id)!,
        quota: c.quota,
      };
    }),
    unassigned: proposal.unassigned.map((id) => ({
      id,
      headName: byHousehold.get(id)!.headName,
      villageName: byHousehold.get(id)!.village.name,
    })),
  };
}

/** Proposed cadres for every uncovered must-pair household of a village or township (or county). */
export async function coverProposal(viewer: Viewer, area: string | undefined): Promise<ProposalView | null> {
  if (!can(viewer.role, 'pairing.manage')) return null;
  const prefix = areaWithin(viewer, area);
  if (prefix.length < 6) return null;
  const households = await db.household.findMany({
    where: { regionCode: { startsWith: prefix }, status: { in: [...MUST_PAIR_STATUSES] }, pairings: { none: ACTIVE } },
    orderBy: [{ regionCode: 'asc' }, { id: 'asc' }],
    take: 5000,
    select: { id: true, headName: true, regionCode: true, village: { select: { name: true } } },
  });
  return buildProposal(prefix, households);
}

/** Proposed new cadres for every household of a departing cadre (the cadre excluded). */
export async function reassignProposal(viewer: Viewer, cadreId: number): Promise<ProposalView | null> {
  if (!can(viewer.role, 'pairing.manage')) return null;
  const pairings = await db.pairing.findMany({
    where: { cadreId, endedOn: null, regionCode: { startsWith: viewer.scopeCode } },
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

/** Who is responsible for a household now and before, and cadres to choose from (liaison-unit cadres first). */
export async function householdPairing(viewer: Viewer, householdId: number) {
  if (!can(viewer.role, 'household.view')) return null;
  const household = await db.household.findFirst({
    where: { id: householdId, regionCode: { startsWith: viewer.scopeCode } },
    select: { id: true, regionCode: true, status: true },
  });
  if (!household) return null;
  const pairings = await db.pairing.findMany({
    where: { householdId },
    orderBy: [{ endedOn: { sort: 'desc', nulls: 'first' } }, { startedOn: 'desc' }],
    include: {
      cadre: { select: { id: true, name: true, rank: true, phoneEnc: true, unit: { select: { name: true } } } },
    },
  });
  const rows = pairings.map((p) => ({
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
  if (can(viewer.role, 'pairing.manage') && pairable && !rows.some((r) => r.endedOn === null)) {
    const pool = await candidates(household.regionCode.slice(0, 6));
    const liaison = new Set(
      (
        await db.villageLiaison.findMany({ where: { villageCode: household.regionCode }, select: { unitId: true } })
      ).map((l) => l.unitId),
    );
    const township = household.regionCode.slice(0, 9);
    const rank = (c: (typeof pool)[number]) =>
      liaison.has(c.unit_id) ? 0 : c.region_code.startsWith(township) ? 1 : 2;
    // The proposal's order: liaison-unit cadres, then the township's, then the county's.
    options = pool
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh') || a.id - b.id)
      .slice(0, 300)
      .map((c) => ({ id: c.id, label: `${c.name} · ${c.unit} · ${c.used}/${c.quota}` }));
  }
  return { pairable, mustPair, pairings: rows, options };
}

/** The signed-in cadre's households now (phone). */
export async function myHouseholds(viewer: Viewer) {
  if (!can(viewer.role, 'pairing.own')) return null;
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
  const policy = await policyValuesFor(cadre.regionCode.slice(0, 6), thisYear());
  const lastVisits = await db.visit.groupBy({
    by: ['householdId'],
    where: { visitorCadreId: cadre.id, householdId: { in: pairings.map((p) => p.householdId) } },
    _max: { visitedOn: true },
  });
  const lastVisit = new Map(lastVisits.map((v) => [v.householdId, v._max.visitedOn]));
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
      lastVisit: lastVisit.get(p.householdId) ? isoDay(lastVisit.get(p.householdId)!) : null,
    })),
  };
}

/** Rows of the pairing roster (结对帮扶花名册): every active pairing in the area. */
export async function pairingRosterRows(viewer: Viewer, area: string | undefined) {
  if (!can(viewer.role, 'pairing.export')) return null;
  const prefix = areaWithin(viewer, area);
  const rows = await db.pairing.findMany({
    where: { regionCode: { startsWith: prefix }, endedOn: null },
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
    area: prefix,
    rows: rows.map((r) => ({
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

/** The roster as .xlsx, audited as an export; null when not allowed. */
export async function pairingRosterFile(viewer: Viewer, area: string | undefined, locale: Locale) {
  const roster = await pairingRosterRows(viewer, area);
  if (!roster) return null;
  const t = (key: string, params?: Record<string, string | number>) => translateKey(locale, key, params);
  const region = await db.region.findUnique({ where: { code: roster.area }, select: { name: true } });
  const title = t('pairings.sheetTitle', { area: region?.name ?? roster.area });
  const columns = Object.fromEntries(
    SHEET_COLUMNS.map((k) => [k, t(`pairings.sheetColumns.${k}`)]),
  ) as RosterSheetLabels['columns'];
  const buffer = await pairingRosterXlsx(
    roster.rows.map((r) => ({ ...r, status: t(`households.statuses.${r.status}`), rank: t(`teams.ranks.${r.rank}`) })),
    { title, columns },
  );
  await writeAuditNow(
    { userId: viewer.userId, username: viewer.username, role: viewer.role },
    {
      action: 'pairing.exportRoster',
      result: 'OK',
      entity: 'Pairing',
      regionCode: roster.area,
      changes: { rows: roster.rows.length },
    },
  );
  return { buffer, fileName: `${title}.xlsx`, asciiFileName: `pairings-${roster.area}.xlsx` };
}

const SHEET_COLUMNS = [
  'index',
  'township',
  'village',
  'group',
  'head',
  'status',
  'members',
  'cadre',
  'rank',
  'unit',
  'phone',
  'since',
] as const;
