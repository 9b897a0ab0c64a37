import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { policiesFor, policyValuesFor } from '@/lib/policy/data';
import { isWithinScope } from '@/lib/regions/rules';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { chinaToday, chinaYear, dayNumber, dayOf, isoDay } from '@/lib/time';
import { dutyProgress, type TeamCoverage, teamCoverage, tuesdaysBetween } from './rules';

const ACTIVE = { endedOn: null } as const;

export type TeamRow = {
  id: number | null;
  villageCode: string;
  villageName: string;
  townshipName: string;
  leaderName: string | null;
  leaderDetached: boolean | null;
  coverage: TeamCoverage;
};

/** Teams a page of the list shows (a province has 23,000 poor villages: the whole list was 12 MB). */
export const TEAM_PAGE_SIZE = 100;

/**
 * Poor villages of the area with their team's coverage (a poor village without a team shows with
 * everything missing). `gapsOnly`: just the villages that miss a coverage or the team size.
 */
export async function listTeams(viewer: Viewer, options: { area?: string; gapsOnly?: boolean }): Promise<TeamRow[]> {
  requireCan(viewer, 'team.view');
  const villages = await db.region.findMany({
    where: { level: 'VILLAGE', isPoorVillage: true, ...scope.region(viewer, options.area) },
    orderBy: { code: 'asc' },
    select: {
      code: true,
      name: true,
      parent: { select: { name: true } },
      workTeam: {
        select: {
          id: true,
          postings: {
            where: ACTIVE,
            select: {
              role: true,
              alsoFirstSecretary: true,
              detachedConfirmed: true,
              cadre: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  const policyOf = await policiesFor(
    villages.map((village) => village.code),
    chinaYear(),
  );
  const rows: TeamRow[] = [];
  for (const village of villages) {
    const postings = village.workTeam?.postings ?? [];
    const leader = postings.find((p) => p.role === 'LEADER');
    rows.push({
      id: village.workTeam?.id ?? null,
      villageCode: village.code,
      villageName: village.name,
      townshipName: village.parent?.name ?? '',
      leaderName: leader?.cadre.name ?? null,
      leaderDetached: leader ? leader.detachedConfirmed : null,
      coverage: teamCoverage(postings, policyOf(village.code)),
    });
  }
  return options.gapsOnly ? rows.filter((row) => !row.coverage.complete || row.leaderDetached === false) : rows;
}

/** A team inside the viewer's area with every posting (active first); 404 outside the area. */
export async function getTeam(viewer: Viewer, id: number) {
  requireCan(viewer, 'team.view');
  const team = await db.workTeam.findFirst({
    where: { id, ...scope.workTeam(viewer) },
    include: {
      village: {
        select: {
          code: true,
          name: true,
          latitude: true,
          longitude: true,
          isPoorVillage: true,
          exitedYear: true,
          parent: { select: { name: true } },
        },
      },
      postings: {
        orderBy: [{ endedOn: { sort: 'desc', nulls: 'first' } }, { role: 'asc' }, { id: 'asc' }],
        include: {
          cadre: { select: { id: true, name: true, rank: true, userId: true, user: { select: { username: true } } } },
          unit: { select: { name: true, level: true } },
        },
      },
    },
  });
  if (!team) notFound();
  const policy = await policyValuesFor(team.villageCode.slice(0, 6), chinaYear());
  const active = team.postings.filter((p) => p.endedOn === null);
  return {
    id: team.id,
    version: team.version,
    formedOn: isoDay(team.formedOn),
    village: team.village,
    policy,
    coverage: teamCoverage(active, policy),
    postings: team.postings.map((p) => ({
      id: p.id,
      version: p.version,
      role: p.role,
      alsoFirstSecretary: p.alsoFirstSecretary,
      detachedConfirmed: p.detachedConfirmed,
      cadreId: p.cadre.id,
      name: p.cadre.name,
      rank: p.cadre.rank,
      username: p.cadre.user?.username ?? null,
      unitName: p.unit.name,
      unitLevel: p.unit.level,
      startDate: isoDay(p.startDate),
      plannedEndDate: isoDay(p.plannedEndDate),
      endedOn: p.endedOn ? isoDay(p.endedOn) : null,
      endReason: p.endReason,
    })),
  };
}

/** Choices for the posting form: the county's units, its cadres not posted now, and the village's unlinked accounts. */
export async function postingFormOptions(viewer: Viewer, villageCode: string) {
  requireCan(viewer, 'team.manage');
  if (!isWithinScope(villageCode, viewer.scopeCode)) notFound();
  const county = villageCode.slice(0, 6);
  const [units, cadres, users] = await Promise.all([
    db.unit.findMany({
      where: { countyCode: county },
      orderBy: [{ level: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, level: true },
    }),
    db.cadre.findMany({
      where: { regionCode: { startsWith: county }, active: true, postings: { none: ACTIVE } },
      orderBy: { name: 'asc' },
      take: 500,
      select: { id: true, name: true, unit: { select: { name: true } } },
    }),
    db.user.findMany({
      where: { scopeCode: villageCode, role: { in: ['TEAM_LEADER', 'TEAM_MEMBER'] }, disabled: false, cadre: null },
      orderBy: { username: 'asc' },
      select: { id: true, username: true, displayName: true },
    }),
  ]);
  return { units, cadres, users };
}

/** The county's dispatching units with how many people each has posted now. */
export async function listUnits(viewer: Viewer) {
  requireCan(viewer, 'team.view');
  const county = viewer.scopeCode.slice(0, 6);
  if (county.length < 6) return [];
  const units = await db.unit.findMany({
    where: { countyCode: county },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, level: true, _count: { select: { postings: { where: ACTIVE } } } },
  });
  return units.map((u) => ({ id: u.id, name: u.name, level: u.level, posted: u._count.postings }));
}

/** Poor villages of the area that have no team yet (for the "new team" form). */
export async function villagesWithoutTeam(viewer: Viewer) {
  requireCan(viewer, 'team.manage');
  return db.region.findMany({
    where: { level: 'VILLAGE', isPoorVillage: true, ...scope.region(viewer), workTeam: null },
    orderBy: { code: 'asc' },
    select: { code: true, name: true },
  });
}

/** The village's team in a line, for the village page; null when the village has no team. */
export async function teamOfVillage(viewer: Viewer, villageCode: string) {
  requireCan(viewer, 'team.view');
  if (!isWithinScope(villageCode, viewer.scopeCode)) notFound();
  const team = await db.workTeam.findUnique({
    where: { villageCode },
    select: {
      id: true,
      postings: { where: ACTIVE, select: { role: true, alsoFirstSecretary: true, cadre: { select: { name: true } } } },
    },
  });
  if (!team) return null;
  const policy = await policyValuesFor(villageCode.slice(0, 6), chinaYear());
  const leader = team.postings.find((p) => p.role === 'LEADER');
  return {
    id: team.id,
    leaderName: leader?.cadre.name ?? null,
    coverage: teamCoverage(team.postings, policy),
    size: { min: policy.teamSizeMin, max: policy.teamSizeMax },
  };
}

/**
 * Replacement requests after recalls in the area (open first, then filled, newest first), with the days
 * each has been open (to today, or to the day a posting filled it). `teamId` narrows to one team.
 */
export async function replacementRequests(
  viewer: Viewer,
  options: { area?: string; teamId?: number; openOnly?: boolean },
) {
  requireCan(viewer, 'team.view');
  const rows = await db.replacementRequest.findMany({
    where: {
      ...scope.replacementRequest(viewer, options.area),
      ...(options.teamId ? { teamId: options.teamId } : {}),
      ...(options.openOnly ? { filledPostingId: null } : {}),
    },
    orderBy: [{ filledOn: { sort: 'desc', nulls: 'first' } }, { openedOn: 'desc' }, { id: 'desc' }],
    take: 500,
    include: {
      unit: { select: { name: true } },
      team: { select: { village: { select: { name: true, parent: { select: { name: true } } } } } },
      followUp: { select: { cadreId: true, cadre: { select: { name: true } } } },
    },
  });
  const today = dayNumber(chinaToday());
  return rows.map((r) => ({
    id: r.id,
    teamId: r.teamId,
    villageName: r.team.village.name,
    townshipName: r.team.village.parent?.name ?? '',
    unitName: r.unit.name,
    role: r.role,
    recalledCadreId: r.followUp.cadreId,
    recalledName: r.followUp.cadre.name,
    openedOn: isoDay(r.openedOn),
    filledOn: r.filledOn ? isoDay(r.filledOn) : null,
    daysOpen: (r.filledOn ? dayNumber(isoDay(r.filledOn)) : today) - dayNumber(isoDay(r.openedOn)),
  }));
}

// ─────────────────────────── Duties from activity records ───────────────────────────

/**
 * The duties counted from activity records in the area for a year: each technician's guidance sessions and
 * days in households against the yearly numbers (seed 001, pro-rated to the posting); induction training of
 * the leaders, deputies and first secretaries posted now (seed 000); Tuesday work days by unit (seed 002).
 */
export async function dutyOverview(viewer: Viewer, options: { area?: string; year: number }) {
  requireCan(viewer, 'team.view');
  const prefix = areaPrefix(viewer, options.area);
  const { year } = options;
  const first = dayOf(`${year}-01-01`);
  const last = dayOf(`${year}-12-31`);
  const today = chinaToday();
  const [technicians, leaders, counts, training, workDays] = await Promise.all([
    db.posting.findMany({
      where: {
        role: 'TECHNICIAN',
        villageCode: { startsWith: prefix },
        startDate: { lte: last },
        OR: [{ endedOn: { gte: first } }, { endedOn: null, plannedEndDate: { gte: first } }],
      },
      orderBy: [{ villageCode: 'asc' }, { id: 'asc' }],
      include: { cadre: { select: { name: true } }, team: { select: { village: { select: { name: true } } } } },
    }),
    db.posting.findMany({
      where: {
        villageCode: { startsWith: prefix },
        endedOn: null,
        OR: [{ role: { in: ['LEADER', 'DEPUTY_LEADER', 'FIRST_SECRETARY'] } }, { alsoFirstSecretary: true }],
      },
      orderBy: [{ villageCode: 'asc' }, { id: 'asc' }],
      include: { cadre: { select: { name: true } }, team: { select: { village: { select: { name: true } } } } },
    }),
    db.cadreActivity.groupBy({
      by: ['cadreId', 'villageCode', 'kind'],
      where: {
        villageCode: { startsWith: prefix },
        kind: { in: ['GUIDANCE_SESSION', 'FARM_DAY'] },
        day: { gte: first, lte: last },
      },
      _count: { _all: true },
    }),
    db.cadreActivity.groupBy({
      by: ['cadreId', 'kind'],
      where: { kind: { in: ['INDUCTION_TRAINING', 'CITY_TRAINING'] }, villageCode: { startsWith: prefix } },
      _sum: { days: true },
      _count: { _all: true },
    }),
    db.cadreActivity.groupBy({
      by: ['cadreId'],
      where: { kind: 'WORK_DAY', villageCode: { startsWith: prefix }, day: { gte: first, lte: last } },
      _count: { _all: true },
    }),
  ]);
  const policyOf = await policiesFor(
    [prefix.padEnd(6, '0').slice(0, 6), ...technicians.map((p) => p.villageCode)],
    year,
  );
  const countOf = (cadreId: number, villageCode: string, kind: string) =>
    counts.find((c) => c.cadreId === cadreId && c.villageCode === villageCode && c.kind === kind)?._count._all ?? 0;
  const technicianRows = technicians.map((p) => {
    const policy = policyOf(p.villageCode);
    const span = { start: isoDay(p.startDate), end: isoDay(p.endedOn ?? p.plannedEndDate) };
    return {
      postingId: p.id,
      cadreId: p.cadreId,
      name: p.cadre.name,
      villageName: p.team.village.name,
      sessions: dutyProgress(
        countOf(p.cadreId, p.villageCode, 'GUIDANCE_SESSION'),
        policy.technicianSessionsPerYear,
        year,
        span,
        today,
      ),
      farmDays: dutyProgress(
        countOf(p.cadreId, p.villageCode, 'FARM_DAY'),
        policy.technicianFarmDaysPerYear,
        year,
        span,
        today,
      ),
    };
  });
  const trainingOf = (cadreId: number, kind: string) => training.find((t) => t.cadreId === cadreId && t.kind === kind);
  const leaderRows = leaders.map((p) => {
    const inductionDays = trainingOf(p.cadreId, 'INDUCTION_TRAINING')?._sum.days ?? 0;
    return {
      postingId: p.id,
      cadreId: p.cadreId,
      name: p.cadre.name,
      role: p.role,
      alsoFirstSecretary: p.alsoFirstSecretary,
      villageName: p.team.village.name,
      inductionDays,
      trained: inductionDays >= policyOf(p.villageCode).inductionTrainingDays,
      cityTrainings: trainingOf(p.cadreId, 'CITY_TRAINING')?._count._all ?? 0,
    };
  });
  // Tuesday work days by the unit of the cadre who went.
  const cadres = await db.cadre.findMany({
    where: { id: { in: workDays.map((w) => w.cadreId) } },
    select: { id: true, unit: { select: { id: true, name: true } } },
  });
  const units = new Map<number, { unitId: number; unitName: string; people: number; days: number }>();
  for (const w of workDays) {
    const unit = cadres.find((c) => c.id === w.cadreId)?.unit;
    if (!unit) continue;
    const row = units.get(unit.id) ?? { unitId: unit.id, unitName: unit.name, people: 0, days: 0 };
    row.people++;
    row.days += w._count._all;
    units.set(unit.id, row);
  }
  const lastCounted = today < `${year}-12-31` ? today : `${year}-12-31`;
  return {
    area: prefix,
    year,
    technicians: technicianRows,
    training: {
      rows: leaderRows.sort((a, b) => Number(a.trained) - Number(b.trained)),
      trained: leaderRows.filter((r) => r.trained).length,
      requiredDays: policyOf(prefix.padEnd(6, '0').slice(0, 6)).inductionTrainingDays,
    },
    workDays: {
      tuesdays: tuesdaysBetween(`${year}-01-01`, lastCounted),
      units: [...units.values()].sort((a, b) => b.days - a.days || a.unitName.localeCompare(b.unitName, 'zh')),
    },
  };
}

/** Choices for the activity form: cadres the viewer may record for, and the villages of the area. */
export async function activityFormOptions(viewer: Viewer) {
  requireCan(viewer, 'activity.record');
  const office = viewer.scopeCode.length <= 9;
  const [cadres, villages] = await Promise.all([
    office
      ? db.cadre.findMany({
          where: { regionCode: { startsWith: viewer.scopeCode.slice(0, 6) }, active: true },
          orderBy: [{ unitId: 'asc' }, { name: 'asc' }],
          take: 3000,
          select: { id: true, name: true, unit: { select: { name: true } } },
        })
      : db.cadre.findMany({
          where: { postings: { some: { role: 'TECHNICIAN', endedOn: null, ...scope.posting(viewer) } } },
          orderBy: { name: 'asc' },
          select: { id: true, name: true, unit: { select: { name: true } } },
        }),
    db.region.findMany({
      where: { level: 'VILLAGE', ...scope.region(viewer) },
      orderBy: { code: 'asc' },
      take: 3000,
      select: { code: true, name: true, parent: { select: { name: true } } },
    }),
  ]);
  return {
    office,
    cadres: cadres.map((c) => ({ id: c.id, label: `${c.name} · ${c.unit.name}` })),
    villages: villages.map((v) => ({ code: v.code, label: `${v.parent?.name ?? ''} ${v.name}` })),
  };
}
