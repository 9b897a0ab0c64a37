// Reads of the kept figures beside the dashboard's: the coverage tables of the visits and pairings pages
// (走村不漏户, 两个全覆盖), read after the area's stale villages are refreshed, as the dashboard reads them: the
// same numbers on all three pages, and no pass over the area's households and visits on every view. Here, not
// in lib/visits or lib/pairings, because the kept figures are a floor above them (docs/architecture.md).
import 'server-only';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { readDb, rows } from '@/lib/db';
import { cadreLoad } from '@/lib/pairings/data';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { chinaToday } from '@/lib/time';
import { refreshStaleOf } from './commands';
import { figuresByChild, pendingVillages } from './sql';

/**
 * The area's kept figures summed per area one level down, beside every such area's name (an area without
 * figures gets none). The area's stale villages are refreshed first, as the dashboard does; `pending` counts
 * those still waiting (after a bulk import marked more than one read refreshes), for the page to say so.
 */
async function keptFiguresOfChildren(viewer: Viewer, prefix: string) {
  const childLength = prefix.length < 6 ? 6 : prefix.length < 9 ? 9 : 12;
  await refreshStaleOf(prefix);
  const reader = await readDb(); // kept figures may be a moment old: a replica serves them when there is one
  const [figures, names, [{ n: pending }]] = await Promise.all([
    rows(reader, figuresByChild(prefix, childLength)),
    reader.region.findMany({
      where: {
        ...scope.region(viewer, prefix),
        level: childLength === 6 ? 'COUNTY' : childLength === 9 ? 'TOWNSHIP' : 'VILLAGE',
      },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    }),
    rows(reader, pendingVillages(prefix, chinaToday())),
  ]);
  const byChild = new Map(figures.map((r) => [r.code, r]));
  return { childLength, pending, children: names.map((n) => ({ ...n, figures: byChild.get(n.code) })) };
}

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
 * team; every poor household of a team village by the leader. Rows are the next level down.
 */
export async function visitCoverage(viewer: Viewer, area?: string) {
  requireCan(viewer, 'visit.view');
  const prefix = areaPrefix(viewer, area);
  const today = chinaToday();
  const { childLength, pending, children } = await keptFiguresOfChildren(viewer, prefix);
  const groups: VisitCoverageRow[] = children
    .map(({ code, name, figures: r }) => ({
      code,
      name,
      cadreDue: r?.cadreVisitsDue ?? 0,
      cadreDone: r?.cadreVisitsDone ?? 0,
      teamDue: r?.teamVisitsDue ?? 0,
      teamDone: r?.teamVisitsDone ?? 0,
      leaderDue: r?.leaderVisitsDue ?? 0,
      leaderDone: r?.leaderVisitsDone ?? 0,
      cadreInPerson: r?.cadreVisitsInPerson ?? 0,
      teamInPerson: r?.teamVisitsInPerson ?? 0,
    }))
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
  return { area: prefix, today, groups, total, pending };
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
 * one level down. Each row counts its own households, so the rows add up to the total.
 */
export async function pairingCoverage(viewer: Viewer, area?: string) {
  requireCan(viewer, 'cadre.view');
  const prefix = areaPrefix(viewer, area);
  const { pending, children } = await keptFiguresOfChildren(viewer, prefix);
  const coverage: PairingCoverageRow[] = children.map(({ code, name, figures: r }) => ({
    code,
    name,
    mustPair: r?.mustPair ?? 0,
    covered: r?.paired ?? 0,
    villages: r?.villages ?? 0,
    villagesWithoutLiaison: r?.villagesWithoutLiaison ?? 0,
  }));
  const total = { code: prefix, name: '', mustPair: 0, covered: 0, villages: 0, villagesWithoutLiaison: 0 };
  for (const r of coverage) {
    total.mustPair += r.mustPair;
    total.covered += r.covered;
    total.villages += r.villages;
    total.villagesWithoutLiaison += r.villagesWithoutLiaison;
  }
  return { area: prefix, rows: coverage, total, pending, cadres: await cadreLoad(prefix) };
}
