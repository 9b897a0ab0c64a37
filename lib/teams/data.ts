import 'server-only';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { policyValuesFor } from '@/lib/policy/data';
import { chinaYear, isoDay } from '@/lib/time';
import { type TeamCoverage, teamCoverage } from './rules';

/** The viewer's area, narrowed to `area` when that lies inside it. */
export function areaWithin(viewer: Viewer, area: string | undefined): string {
  return area && /^\d+$/.test(area) && area.startsWith(viewer.scopeCode) ? area : viewer.scopeCode;
}

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

/**
 * Poor villages of the area with their team's coverage (a poor village without a team shows with
 * everything missing). `gapsOnly`: just the villages that miss a coverage or the team size.
 */
export async function listTeams(
  viewer: Viewer,
  options: { area?: string; gapsOnly?: boolean },
): Promise<TeamRow[] | null> {
  if (!can(viewer.role, 'team.view')) return null;
  const area = areaWithin(viewer, options.area);
  const villages = await db.region.findMany({
    where: { level: 'VILLAGE', isPoorVillage: true, code: { startsWith: area } },
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
  const policies = new Map<string, Awaited<ReturnType<typeof policyValuesFor>>>();
  const year = chinaYear();
  const rows: TeamRow[] = [];
  for (const village of villages) {
    const county = village.code.slice(0, 6);
    if (!policies.has(county)) policies.set(county, await policyValuesFor(county, year));
    const postings = village.workTeam?.postings ?? [];
    const leader = postings.find((p) => p.role === 'LEADER');
    rows.push({
      id: village.workTeam?.id ?? null,
      villageCode: village.code,
      villageName: village.name,
      townshipName: village.parent?.name ?? '',
      leaderName: leader?.cadre.name ?? null,
      leaderDetached: leader ? leader.detachedConfirmed : null,
      coverage: teamCoverage(postings, policies.get(county)!),
    });
  }
  return options.gapsOnly ? rows.filter((row) => !row.coverage.complete || row.leaderDetached === false) : rows;
}

/** A team inside the viewer's area with every posting (active first), or null. */
export async function getTeam(viewer: Viewer, id: number) {
  if (!can(viewer.role, 'team.view')) return null;
  const team = await db.workTeam.findFirst({
    where: { id, villageCode: { startsWith: viewer.scopeCode } },
    include: {
      village: {
        select: { code: true, name: true, latitude: true, longitude: true, parent: { select: { name: true } } },
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
  if (!team) return null;
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
  if (!can(viewer.role, 'team.manage') || !villageCode.startsWith(viewer.scopeCode)) return null;
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
  if (!can(viewer.role, 'team.view')) return null;
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
  if (!can(viewer.role, 'team.manage')) return [];
  return db.region.findMany({
    where: { level: 'VILLAGE', isPoorVillage: true, code: { startsWith: viewer.scopeCode }, workTeam: null },
    orderBy: { code: 'asc' },
    select: { code: true, name: true },
  });
}

/** The village's team in a line: for the village page. */
export async function teamOfVillage(viewer: Viewer, villageCode: string) {
  if (!can(viewer.role, 'team.view') || !villageCode.startsWith(viewer.scopeCode)) return null;
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
