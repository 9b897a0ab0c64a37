// The coverage tables of the visits and pairings pages (走村不漏户, 两个全覆盖), read from the figures kept per
// village after the area's stale villages are refreshed, as the dashboard reads them: the same numbers on all
// three pages, and no pass over the area's households and visits on every view. Here, not in lib/visits or
// lib/pairings, because the kept figures are a floor above them (docs/architecture.md).
import 'server-only';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { readDb, rows } from '@/lib/db';
import { cadreLoad } from '@/lib/pairings/data';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { chinaToday } from '@/lib/time';
import { refreshStaleOf } from './commands';
import { figuresByChild } from './sql';

export type VisitCoverageRow = {
  code: string;
  name: string;
  cadreDue: number;
  cadreDone: number;
  teamDue: number;
  teamDone: number;
  leaderDue: number;
  leaderDone: number;
  /** Of the done, in person: phone visits (locked-door households) shown apart. */
  cadreInPerson: number;
  teamInPerson: number;
};

/**
 * Three rules, each over its own households, with the period from the county's policy for the year:
 * every paired household visited by its cadre; every household of a team village by someone of the
 * team; every poor household of a team village by the leader. Rows are the next level down. Read from the
 * figures kept per village (lib/figures), after the area's stale villages are refreshed, as the dashboard
 * reads them: the same numbers on both pages, and no pass over the area's visits on every view.
 */
export async function visitCoverage(viewer: Viewer, area?: string) {
  requireCan(viewer, 'visit.view');
  const prefix = areaPrefix(viewer, area);
  const today = chinaToday();
  const childLength = prefix.length < 6 ? 6 : prefix.length < 9 ? 9 : 12;
  await refreshStaleOf(prefix);
  const reader = await readDb(); // kept figures may be a moment old: a replica serves them when there is one
  const [counts, names] = await Promise.all([
    rows(reader, figuresByChild(prefix, childLength)),
    reader.region.findMany({
      where: {
        ...scope.region(viewer, prefix),
        level: childLength === 6 ? 'COUNTY' : childLength === 9 ? 'TOWNSHIP' : 'VILLAGE',
      },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    }),
  ]);
  const byChild = new Map(counts.map((r) => [r.code, r]));
  const groups: VisitCoverageRow[] = names
    .map((n) => {
      const r = byChild.get(n.code);
      return {
        code: n.code,
        name: n.name,
        cadreDue: r?.cadreVisitsDue ?? 0,
        cadreDone: r?.cadreVisitsDone ?? 0,
        teamDue: r?.teamVisitsDue ?? 0,
        teamDone: r?.teamVisitsDone ?? 0,
        leaderDue: r?.leaderVisitsDue ?? 0,
        leaderDone: r?.leaderVisitsDone ?? 0,
        cadreInPerson: r?.cadreVisitsInPerson ?? 0,
        teamInPerson: r?.teamVisitsInPerson ?? 0,
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
    cadreInPerson: sum('cadreInPerson'),
    teamInPerson: sum('teamInPerson'),
  };
  return { area: prefix, today, groups, total };
}

// ─────────────────────────── Pairings (两个全覆盖) ───────────────────────────

export type PairingCoverageRow = {
  code: string;
  name: string;
  mustPair: number;
  covered: number;
  villages: number;
  villagesWithoutLiaison: number;
};

/**
 * Households that must have a cadre and how many do, and villages with a liaison unit, per area
 * one level down. Each row counts its own households, so the rows add up to the total. Read from the
 * figures kept per village (lib/figures) after the area's stale villages are refreshed, as the dashboard
 * reads them: the same numbers on both pages.
 */
export async function pairingCoverage(viewer: Viewer, area?: string) {
  requireCan(viewer, 'cadre.view');
  const prefix = areaPrefix(viewer, area);
  const childLength = prefix.length < 6 ? 6 : prefix.length < 9 ? 9 : 12;
  await refreshStaleOf(prefix);
  const reader = await readDb(); // kept figures may be a moment old: a replica serves them when there is one
  const [figures, names] = await Promise.all([
    rows(reader, figuresByChild(prefix, childLength)),
    reader.region.findMany({
      where: {
        ...scope.region(viewer, area),
        level: childLength === 6 ? 'COUNTY' : childLength === 9 ? 'TOWNSHIP' : 'VILLAGE',
      },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    }),
  ]);
  const byChild = new Map(figures.map((r) => [r.code, r]));
  const coverage: PairingCoverageRow[] = names.map((n) => ({
    code: n.code,
    name: n.name,
    mustPair: byChild.get(n.code)?.mustPair ?? 0,
    covered: byChild.get(n.code)?.paired ?? 0,
    villages: byChild.get(n.code)?.villages ?? 0,
    villagesWithoutLiaison: byChild.get(n.code)?.villagesWithoutLiaison ?? 0,
  }));
  const total = { code: prefix, name: '', mustPair: 0, covered: 0, villages: 0, villagesWithoutLiaison: 0 };
  for (const r of coverage) {
    total.mustPair += r.mustPair;
    total.covered += r.covered;
    total.villages += r.villages;
    total.villagesWithoutLiaison += r.villagesWithoutLiaison;
  }
  return { area: prefix, rows: coverage, total, cadres: await cadreLoad(prefix) };
}
