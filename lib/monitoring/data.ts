// Reads of the monitoring for its pages: the monitored households and the warnings of the viewer's area
// (filtered), one monitored household, one warning, and the cadres a township may make responsible.
import 'server-only';
import { notFound } from 'next/navigation';
import type { Viewer } from '@/lib/auth/data';
import { requireCan } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { found } from '@/lib/errors';
import { parsePage } from '@/lib/http';
import { areaPrefix, scope } from '@/lib/regions/scope';
import { chinaToday, dayOf, isoDay } from '@/lib/time';
import {
  MONITOR_KINDS,
  type MonitorKind,
  RISK_CAUSES,
  type RiskCause,
  suggestedKind,
  type WarningDetail,
} from './rules';

/** Rows per page of each of the two lists (warnings, monitored households); each list pages on its own. */
export const MONITORING_PAGE_SIZE = 50;
export const MONITOR_STATES = ['open', 'closedThisYear', 'closed', 'all'] as const;
export const WARNING_FILTERS = ['open', 'overdue', 'verified', 'dismissed', 'all'] as const;

export type MonitoringFilters = {
  area?: string;
  kind?: MonitorKind;
  state: (typeof MONITOR_STATES)[number];
  warnings: (typeof WARNING_FILTERS)[number];
  cause?: RiskCause;
  /** The page of the warnings list (URL `wpage`) and of the monitored households (URL `mpage`). */
  warningsPage: number;
  monitoredPage: number;
};

/** Filters from the page's search parameters; anything unknown falls back to the default. */
export function monitoringFilters(params: Record<string, string | string[] | undefined>): MonitoringFilters {
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
  const pick = <T extends string>(list: readonly T[], v: string | undefined) =>
    list.includes(v as T) ? (v as T) : undefined;
  return {
    area: one('area'),
    kind: pick(MONITOR_KINDS, one('kind')),
    state: pick(MONITOR_STATES, one('state')) ?? 'open',
    warnings: pick(WARNING_FILTERS, one('warnings')) ?? 'open',
    cause: pick(RISK_CAUSES, one('cause')),
    warningsPage: parsePage(one('wpage')),
    monitoredPage: parsePage(one('mpage')),
  };
}

const householdSelect = {
  id: true,
  headName: true,
  groupName: true,
  status: true,
  village: { select: { name: true, parent: { select: { name: true } } } },
} as const;

/** A page of the monitored households (open first, newest first) and of the warnings (soonest due first) of the area. */
export async function monitoringOverview(viewer: Viewer, filters: MonitoringFilters) {
  requireCan(viewer, 'monitor.view');
  const today = chinaToday();
  const prefix = areaPrefix(viewer, filters.area);
  const monitoredWhere = {
    ...scope.monitoredHousehold(viewer, filters.area),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.cause ? { causes: { has: filters.cause } } : {}),
    ...(filters.state === 'open'
      ? { closedOn: null }
      : filters.state === 'closed'
        ? { closedOn: { not: null } }
        : filters.state === 'closedThisYear'
          ? { closedOn: { gte: dayOf(`${today.slice(0, 4)}-01-01`), lte: dayOf(`${today.slice(0, 4)}-12-31`) } }
          : {}),
  };
  const warningWhere = {
    ...scope.riskWarning(viewer, filters.area),
    ...(filters.cause ? { cause: filters.cause } : {}),
    ...(filters.warnings === 'open'
      ? { status: 'OPEN' as const }
      : filters.warnings === 'overdue'
        ? { status: 'OPEN' as const, dueOn: { lt: dayOf(today) } }
        : filters.warnings === 'verified'
          ? { status: 'VERIFIED' as const }
          : filters.warnings === 'dismissed'
            ? { status: 'DISMISSED' as const }
            : {}),
  };
  const [monitored, monitoredCount, warnings, warningCount] = await Promise.all([
    db.monitoredHousehold.findMany({
      where: monitoredWhere,
      orderBy: [{ closedOn: { sort: 'desc', nulls: 'first' } }, { startedOn: 'desc' }, { id: 'desc' }],
      skip: (filters.monitoredPage - 1) * MONITORING_PAGE_SIZE,
      take: MONITORING_PAGE_SIZE,
      include: {
        household: { select: householdSelect },
        cadre: { select: { id: true, name: true } },
        measures: { select: { status: true } },
      },
    }),
    db.monitoredHousehold.count({ where: monitoredWhere }),
    db.riskWarning.findMany({
      where: warningWhere,
      orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      skip: (filters.warningsPage - 1) * MONITORING_PAGE_SIZE,
      take: MONITORING_PAGE_SIZE,
      include: { household: { select: householdSelect }, cadre: { select: { id: true, name: true } } },
    }),
    db.riskWarning.count({ where: warningWhere }),
  ]);
  return {
    today,
    prefix,
    monitored,
    monitoredCount,
    warnings: warnings.map((w) => ({
      ...w,
      detail: JSON.parse(w.detail) as WarningDetail,
      overdue: w.status === 'OPEN' && isoDay(w.dueOn) < today,
    })),
    warningCount,
  };
}
export type MonitoringOverview = Awaited<ReturnType<typeof monitoringOverview>>;

/** One monitored household of the area with its measures and the warnings it came from. */
export async function getMonitored(viewer: Viewer, id: number) {
  requireCan(viewer, 'monitor.view');
  if (!Number.isInteger(id)) notFound();
  const monitored = found(
    await db.monitoredHousehold.findFirst({
      where: { id, household: scope.household(viewer) },
      include: {
        household: { select: { ...householdSelect, memberCount: true, regionCode: true } },
        cadre: { select: { id: true, name: true } },
        measures: { orderBy: { id: 'asc' } },
        warnings: { orderBy: { id: 'asc' } },
      },
    }),
  );
  return {
    ...monitored,
    warnings: monitored.warnings.map((w) => ({ ...w, detail: JSON.parse(w.detail) as WarningDetail })),
  };
}

/** One warning of the area, with the kind its verification would suggest and whether it is overdue. */
export async function getWarning(viewer: Viewer, id: number) {
  requireCan(viewer, 'monitor.view');
  if (!Number.isInteger(id)) notFound();
  const warning = found(
    await db.riskWarning.findFirst({
      where: { id, household: scope.household(viewer) },
      include: {
        household: { select: { ...householdSelect, regionCode: true } },
        cadre: { select: { id: true, name: true } },
      },
    }),
  );
  const today = chinaToday();
  return {
    ...warning,
    detail: JSON.parse(warning.detail) as WarningDetail,
    overdue: warning.status === 'OPEN' && isoDay(warning.dueOn) < today,
    suggestedKind: suggestedKind(warning.household.status, warning.cause),
  };
}

/** A household of the area to enter under monitoring: its head, village, paired cadre and open monitoring. */
export async function householdForMonitoring(viewer: Viewer, householdId: number) {
  requireCan(viewer, 'monitor.manage');
  const household = found(
    await db.household.findFirst({
      where: { id: householdId, ...scope.household(viewer) },
      select: {
        ...householdSelect,
        regionCode: true,
        monitoring: { where: { closedOn: null }, select: { id: true } },
      },
    }),
  );
  return household;
}

/** Cadres who may be made responsible for a household of `villageCode`: paired or posted there, in the area. */
export async function cadresForVillage(viewer: Viewer, villageCode: string) {
  requireCan(viewer, 'monitor.manage');
  return db.cadre.findMany({
    where: {
      active: true,
      ...scope.cadre(viewer),
      OR: [
        { pairings: { some: { regionCode: villageCode, endedOn: null } } },
        { postings: { some: { villageCode, endedOn: null } } },
      ],
    },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
    take: 200,
  });
}

/** The household's open monitoring and open warnings, for its page (nothing without monitor.view). */
export async function monitoringOfHousehold(viewer: Viewer, householdId: number) {
  requireCan(viewer, 'monitor.view');
  const [open, warnings] = await Promise.all([
    db.monitoredHousehold.findFirst({
      where: { householdId, closedOn: null, household: scope.household(viewer) },
      select: { id: true, kind: true, startedOn: true, cadre: { select: { name: true } } },
    }),
    db.riskWarning.findMany({
      where: { householdId, status: 'OPEN', household: scope.household(viewer) },
      select: { id: true, cause: true, dueOn: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  return { open, warnings };
}
