import 'server-only';
import { complianceRowsOfVillages, MISSING_STATUSES, OK_STATUSES } from '@/lib/attendance/data';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { areaWithin } from '@/lib/teams/data';
import { chinaToday } from '@/lib/time';
import { figuresParams, monthFiguresParams, VILLAGE_FIGURES_SQL, VILLAGE_MONTH_FIGURES_SQL } from './figures-sql';
import {
  addFigures,
  childCodeLength,
  emptyFigures,
  FIGURE_KEYS,
  type FigureKey,
  type Figures,
  MONTH_KEYS,
  type MonthFigures,
  type RedMark,
  ratesOf,
  redMarks,
} from './rules';

// ─────────────────────────── Refresh ───────────────────────────
// Figures are kept per village in village_figures and recomputed when a write marks a village stale
// (database triggers fill figures_stale) or when a new day starts (visit periods and attendance
// projections move with the date). The server refreshes in the background every REFRESH_SECONDS
// (lib/dashboard/refresher.ts), and a dashboard first refreshes the stale villages of its own area.

export const REFRESH_SECONDS = 20;
const REFRESH_LOCK = 730_201; // one refresh at a time, across server instances
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Recomputes up to `limit` villages of the area: those a write marked stale, and (unless `onlyStale`)
 * those not yet computed today. One refresh runs at a time: with `wait` it queues for its turn (the
 * background loop), else it returns `busy` at once, holding no connection while another one runs.
 */
export async function refreshFigures(options: {
  area?: string;
  onlyStale?: boolean;
  limit: number;
  wait?: boolean;
}): Promise<{ refreshed: number; remaining: number; busy: boolean }> {
  const prefix = `${options.area ?? ''}%`;
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  return db.$transaction(
    async (tx) => {
      if (options.wait) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
      else {
        const [{ locked }] = await tx.$queryRaw<
          { locked: boolean }[]
        >`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS locked`;
        if (!locked) return { refreshed: 0, remaining: 0, busy: true };
      }
      // Marks are read, then exactly those rows deleted: one a writer adds meanwhile stays for next time.
      const marks = await tx.$queryRaw<{ id: bigint; code: string }[]>`
      SELECT id, village_code AS code FROM figures_stale WHERE village_code LIKE ${prefix} ORDER BY id LIMIT ${options.limit * 50}`;
      const rollover = options.onlyStale
        ? []
        : await tx.$queryRaw<{ code: string }[]>`
      SELECT v.code FROM region v LEFT JOIN village_figures f ON f.village_code = v.code
       WHERE v.level = 'VILLAGE' AND v.code LIKE ${prefix} AND (f.village_code IS NULL OR f.computed_on < ${today}::date OR f.year <> ${year})
       ORDER BY v.code LIMIT ${options.limit + 1}`;
      const due = [...new Set([...marks.map((m) => m.code), ...rollover.map((r) => r.code)])];
      const codes = due.slice(0, options.limit);
      if (codes.length === 0) return { refreshed: 0, remaining: 0, busy: false };
      const chosen = new Set(codes);
      const cleared = marks.filter((m) => chosen.has(m.code)).map((m) => m.id);
      if (cleared.length > 0) await tx.$executeRaw`DELETE FROM figures_stale WHERE id = ANY(${cleared}::bigint[])`;
      const [rows, months, compliance] = await Promise.all([
        tx.$queryRawUnsafe<Record<string, number | string>[]>(
          VILLAGE_FIGURES_SQL,
          ...figuresParams(codes, year, today),
        ),
        tx.$queryRawUnsafe<Record<string, number | string>[]>(
          VILLAGE_MONTH_FIGURES_SQL,
          ...monthFiguresParams(codes, year),
        ),
        complianceRowsOfVillages(codes, year),
      ]);
      const attendance = new Map<
        string,
        { members: number; membersOnTrack: number; membersAtRisk: number; membersShort: number; markedCheckins: number }
      >();
      for (const person of compliance) {
        const a = attendance.get(person.villageCode) ?? {
          members: 0,
          membersOnTrack: 0,
          membersAtRisk: 0,
          membersShort: 0,
          markedCheckins: 0,
        };
        a.members++; // everyone on the compliance list, including a posting not yet begun
        if (person.summary.status === 'AT_RISK') a.membersAtRisk++;
        else if (MISSING_STATUSES.includes(person.summary.status)) a.membersShort++;
        else if (OK_STATUSES.includes(person.summary.status)) a.membersOnTrack++;
        a.markedCheckins += person.marked;
        attendance.set(person.villageCode, a);
      }
      const computedAt = new Date().toISOString();
      const records = rows.map((row) => ({
        ...row,
        ...Object.fromEntries(
          Object.entries(
            attendance.get(row.code as string) ?? {
              members: 0,
              membersOnTrack: 0,
              membersAtRisk: 0,
              membersShort: 0,
              markedCheckins: 0,
            },
          ).map(([k, v]) => [snake(k), v]),
        ),
        village_code: row.code,
        year,
        computed_on: today,
        computed_at: computedAt,
      }));
      const columns = ['village_code', 'year', 'computed_on', 'computed_at', ...FIGURE_KEYS.map(snake)];
      await tx.$executeRaw`DELETE FROM village_figures WHERE village_code = ANY(${codes}) AND NOT village_code = ANY(${records.map((r) => r.village_code)})`;
      await tx.$executeRawUnsafe(
        `INSERT INTO village_figures (${columns.join(', ')})
       SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::village_figures, $1::json)
       ON CONFLICT (village_code) DO UPDATE SET ${columns
         .slice(1)
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}`,
        JSON.stringify(records),
      );
      await tx.$executeRaw`DELETE FROM village_month_figures WHERE village_code = ANY(${codes})`;
      await tx.$executeRawUnsafe(
        `INSERT INTO village_month_figures SELECT * FROM json_populate_recordset(NULL::village_month_figures, $1::json)`,
        JSON.stringify(months.map((m) => ({ ...m, village_code: m.code }))),
      );
      return { refreshed: codes.length, remaining: due.length - codes.length, busy: false };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Villages of the area whose figures are not current: written to since, or not computed today. */
async function pendingVillages(prefix: string, today: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM region v LEFT JOIN village_figures f ON f.village_code = v.code
     WHERE v.level = 'VILLAGE' AND v.code LIKE ${`${prefix}%`}
       AND (f.village_code IS NULL OR f.computed_on < ${today}::date
            OR EXISTS (SELECT 1 FROM figures_stale s WHERE s.village_code = v.code))`;
  return row.n;
}

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
  };
}
export type DashboardSections = ReturnType<typeof dashboardSections>;

export type DashboardRow = {
  code: string;
  name: string;
  figures: Figures;
  rates: ReturnType<typeof ratesOf>;
  marks: RedMark[];
};

// Stale villages refreshed before a dashboard is shown: a few recent writes, not a whole day's rollover.
const REFRESH_ON_READ = 60;

/**
 * Recent writes in the area, before its dashboard is shown. A plain read first: most requests find
 * nothing stale and need no transaction. When another refresh is running, waits a little for it
 * (without holding a connection); after that the page shows the villages still pending.
 */
async function refreshStaleOf(prefix: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [{ stale }] = await db.$queryRaw<
      { stale: boolean }[]
    >`SELECT EXISTS (SELECT 1 FROM figures_stale WHERE village_code LIKE ${`${prefix}%`}) AS stale`;
    if (!stale || !(await refreshFigures({ area: prefix, onlyStale: true, limit: REFRESH_ON_READ })).busy) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** The figures of an area, its next level down, and the months of the year; null without region.view. */
export async function dashboard(viewer: Viewer, area?: string) {
  if (!can(viewer.role, 'region.view')) return null;
  const prefix = areaWithin(viewer, area);
  const today = chinaToday();
  await refreshStaleOf(prefix);
  const childLength = childCodeLength(prefix) ?? 12;
  const sums = FIGURE_KEYS.map((k) => `sum(${snake(k)})::int AS "${k}"`).join(', ');
  const monthSums = MONTH_KEYS.map((k) => `sum(${snake(k)})::int AS "${k}"`).join(', ');
  const [groups, months, regions, pending, policies] = await Promise.all([
    db.$queryRawUnsafe<(Record<FigureKey, number> & { code: string; villages: number; computed_at: Date })[]>(
      `SELECT left(village_code, $2) AS code, count(*)::int AS villages, ${sums}, min(computed_at) AS computed_at
         FROM village_figures WHERE village_code LIKE $1 GROUP BY 1`,
      `${prefix}%`,
      childLength,
    ),
    db.$queryRawUnsafe<MonthFigures[]>(
      `SELECT month, ${monthSums} FROM village_month_figures WHERE village_code LIKE $1 GROUP BY 1 ORDER BY 1`,
      `${prefix}%`,
    ),
    db.region.findMany({
      where: { OR: [{ code: prefix }, ...(prefix.length < 12 ? [{ parentCode: prefix }] : [])] },
      select: { code: true, name: true, level: true },
      orderBy: { code: 'asc' },
    }),
    pendingVillages(prefix, today),
    db.policy.findMany({
      where: { countyCode: { startsWith: prefix.slice(0, 6) }, year: Number(today.slice(0, 4)) },
      select: { countyCode: true, returnRateMaxPercent: true },
    }),
  ]);
  const returnMax = (code: string) =>
    policies.find((p) => p.countyCode === code.slice(0, 6))?.returnRateMaxPercent ??
    DEFAULT_POLICY.returnRateMaxPercent;
  const byCode = new Map(groups.map((g) => [g.code, g]));
  const row = (code: string, name: string, figures: Figures): DashboardRow => ({
    code,
    name,
    figures,
    rates: ratesOf(figures),
    marks: [...redMarks(figures, { returnRateMaxPercent: returnMax(code) })],
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
    year: Number(today.slice(0, 4)),
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
  };
}
export type Dashboard = NonNullable<Awaited<ReturnType<typeof dashboard>>>;
