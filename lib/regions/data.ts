import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { db, rows } from '@/lib/db';
import type { RegionLevel } from '@/lib/enums';
import { chinaYear } from '@/lib/time';
import { isWithinScope, lineageOf } from './rules';
import { scope } from './scope';
import { areaCounts, villageCountsByChild } from './sql';

const REGION_FIELDS = {
  code: true,
  name: true,
  level: true,
  parentCode: true,
  isPoorVillage: true,
  plannedExitYear: true,
  exitedYear: true,
  latitude: true,
  longitude: true,
  version: true,
} as const;

/** A region inside the viewer's area; anything else is "not found", so codes cannot be probed. */
export async function getRegion(viewer: Viewer, code: string) {
  if (!can(viewer.role, 'region.view') || !isWithinScope(code, viewer.scopeCode)) notFound();
  const region = await db.region.findUnique({ where: { code }, select: REGION_FIELDS });
  if (!region) notFound();
  return region;
}

/** The path from the viewer's own area down to `code`, for the breadcrumb. */
export async function regionTrail(viewer: Viewer, code: string) {
  const codes = lineageOf(code).filter((c) => isWithinScope(c, viewer.scopeCode));
  const regions = await db.region.findMany({
    where: { code: { in: codes } },
    select: { code: true, name: true, level: true },
  });
  return codes.map((c) => regions.find((row) => row.code === c)).filter((row) => row !== undefined);
}

/**
 * The places of the viewer's area an area picker lists. In a county: its townships by name and its villages as
 * "乡镇 村" (village names repeat within a county). Above a county: its counties by name and their townships as
 * "县 乡镇"; a province's 23,000 villages made the picker about 1 MB, and a village is reached from the dashboard
 * or the regions page (their links carry its code).
 */
export async function areaOptions(viewer: Viewer): Promise<{ code: string; label: string }[]> {
  const aboveCounty = viewer.scopeCode.length < 6;
  const [upper, lower] = aboveCounty ? (['COUNTY', 'TOWNSHIP'] as const) : (['TOWNSHIP', 'VILLAGE'] as const);
  const regions = await db.region.findMany({
    where: { ...scope.region(viewer), level: { in: [upper, lower] } },
    select: { code: true, name: true, level: true },
    orderBy: { code: 'asc' },
  });
  const parents = new Map(regions.filter((r) => r.level === upper).map((r) => [r.code, r.name]));
  const parentLength = aboveCounty ? 6 : 9;
  return regions.map((r) => ({
    code: r.code,
    label: r.level === lower ? `${parents.get(r.code.slice(0, parentLength)) ?? ''} ${r.name}`.trim() : r.name,
  }));
}

export type ChildSummary = {
  code: string;
  name: string;
  level: RegionLevel;
  isPoorVillage: boolean;
  plannedExitYear: number | null;
  villages: number;
  poorVillages: number;
  exitedPoorVillages: number;
};

/** The areas one level down with their village counts, in one grouped query. */
export async function childSummaries(viewer: Viewer, code: string): Promise<ChildSummary[]> {
  const parent = await getRegion(viewer, code);
  const children = await db.region.findMany({
    where: { parentCode: parent.code },
    orderBy: { code: 'asc' },
    select: { code: true, name: true, level: true, isPoorVillage: true, plannedExitYear: true },
  });
  if (children.length === 0) return [];
  const childLength = children[0].code.length;
  const counts = await rows(db, villageCountsByChild(parent.code, childLength));
  const byChild = new Map(counts.map((row) => [row.child, row]));
  return children.map((child) => {
    const row = byChild.get(child.code);
    return {
      ...child,
      villages: Number(row?.villages ?? 0),
      poorVillages: Number(row?.poor ?? 0),
      exitedPoorVillages: Number(row?.exited ?? 0),
    };
  });
}

/** Counts for the home page: what exists in the viewer's area so far ("this year" is China's). */
export async function areaSummary(viewer: Viewer) {
  requireCan(viewer, 'region.view');
  const [row] = await rows(db, areaCounts(viewer.scopeCode, chinaYear()));
  const users = await db.user.count({ where: { ...scope.user(viewer), disabled: false } });
  // A village-level user sees their own village's facts rather than counts of one.
  const village =
    viewer.scopeCode.length === 12
      ? await db.region.findUnique({
          where: { code: viewer.scopeCode },
          select: { isPoorVillage: true, plannedExitYear: true, exitedYear: true },
        })
      : null;
  return {
    village,
    townships: Number(row.townships),
    villages: Number(row.villages),
    poorVillages: Number(row.poor),
    exitedPoorVillages: Number(row.exited),
    plannedExitThisYear: Number(row.planned),
    activeUsers: users,
  };
}
