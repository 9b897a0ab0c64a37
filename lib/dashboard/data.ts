import 'server-only';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { readDb, rows } from '@/lib/db';
import { refreshStaleOf } from '@/lib/figures/commands';
import { addFigures, emptyFigures, type Figures, MONTH_KEYS, type MonthFigures, ratesOf } from '@/lib/figures/rules';
import { figuresByChild, monthsOfArea, pendingVillages } from '@/lib/figures/sql';
import { policiesFor } from '@/lib/policy/data';
import { areaPrefix } from '@/lib/regions/scope';
import { chinaToday } from '@/lib/time';
import { type AreaMarks, areaMarks, childCodeLength } from './rules';

// ─────────────────────────── The dashboard ───────────────────────────

/** Which parts a role sees: the figures behind each need the same permission as the lists behind them. */
export function dashboardSections(viewer: Viewer) {
  return {
    households: can(viewer.role, 'household.view'),
    teams: can(viewer.role, 'team.view'),
    pairings: can(viewer.role, 'cadre.view'),
    visits: can(viewer.role, 'visit.view'),
    problems: can(viewer.role, 'problem.view'),
    oversight: can(viewer.role, 'inspection.view'),
    monitoring: can(viewer.role, 'monitor.view'),
  };
}
export type DashboardSections = ReturnType<typeof dashboardSections>;

export type DashboardRow = {
  code: string;
  name: string;
  figures: Figures;
  rates: ReturnType<typeof ratesOf>;
  /** The rules it misses (red) and is behind on (amber). */
  marks: AreaMarks;
};

/** The figures of an area (inside the viewer's), its next level down, and the months of the year. */
export async function dashboard(viewer: Viewer, area?: string) {
  requireCan(viewer, 'region.view');
  const prefix = areaPrefix(viewer, area);
  const today = chinaToday();
  await refreshStaleOf(prefix);
  const childLength = childCodeLength(prefix) ?? 12;
  const year = Number(today.slice(0, 4));
  const reader = await readDb(); // the kept figures may be a moment old: a replica serves them when there is one
  const [groups, months, [regions, policyOf], pending] = await Promise.all([
    rows(reader, figuresByChild(prefix, childLength)),
    rows(reader, monthsOfArea(prefix)),
    reader.region
      .findMany({
        where: { OR: [{ code: prefix }, ...(prefix.length < 12 ? [{ parentCode: prefix }] : [])] },
        select: { code: true, name: true, level: true },
        orderBy: { code: 'asc' },
      })
      .then(async (regions) => [regions, await policiesFor([prefix, ...regions.map((r) => r.code)], year)] as const),
    rows(reader, pendingVillages(prefix, today)).then(([row]) => row.n),
  ]);
  const byCode = new Map(groups.map((g) => [g.code, g]));
  const row = (code: string, name: string, figures: Figures): DashboardRow => ({
    code,
    name,
    figures,
    rates: ratesOf(figures),
    marks: areaMarks(figures, policyOf(code)),
  });
  const self = regions.find((r) => r.code === prefix);
  const children =
    prefix.length < 12
      ? regions
          .filter((r) => r.code !== prefix)
          .map((r) => {
            const g = byCode.get(r.code);
            const figures = emptyFigures();
            if (g) addFigures(figures, g);
            return row(r.code, r.name, figures);
          })
      : [];
  const total =
    prefix.length < 12
      ? children.reduce((sum, c) => addFigures(sum, c.figures), emptyFigures())
      : addFigures(emptyFigures(), byCode.get(prefix) ?? emptyFigures());
  const oldest = groups.reduce<Date | null>((min, g) => (!min || g.computed_at < min ? g.computed_at : min), null);
  return {
    area: { code: prefix, name: self?.name ?? prefix, level: self?.level ?? null },
    year,
    today,
    total: row(prefix, self?.name ?? prefix, total),
    children,
    months: Array.from(
      { length: 12 },
      (_, i) =>
        months.find((m) => m.month === i + 1) ??
        ({ month: i + 1, ...Object.fromEntries(MONTH_KEYS.map((k) => [k, 0])) } as MonthFigures),
    ),
    // Nothing pending: every write so far is in (stale villages were just refreshed), so the figures are as of now.
    computedAt: pending === 0 ? new Date() : oldest,
    pending,
    sections: dashboardSections(viewer),
    // The lines the colours are drawn at, for the legend.
    lines: (({ returnRateMaxPercent, pairingRedBelowPercent, visitRedBelowPercent }) => ({
      returnRateMaxPercent,
      pairingRedBelowPercent,
      visitRedBelowPercent,
    }))(policyOf(prefix)),
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
