// The dashboard's tables, column by column: what each shows, the list it drills into and when it is
// red. The page and the .xlsx export both read these, so paper and screen carry the same figures. Pure.

import type { Figures, Rates } from '@/lib/figures/rules';
import type { Messages } from '@/lib/i18n/messages';
import type { DashboardSections } from './data';
import type { AreaMarks, RedMark } from './rules';

export type Section = keyof DashboardSections;
/** A message key under dashboard.columns. */
export type ColumnLabel = keyof Messages['dashboard']['columns'];
export type Column = {
  key: string;
  label: ColumnLabel;
  value: (f: Figures, r: Rates) => number;
  percent?: boolean;
  decimals?: number;
  /** The list behind the figure for an area code; none for rates. */
  href?: (code: string) => string;
  mark?: RedMark;
};

const households = (set?: string) => (code: string) => `/households?area=${code}${set ? `&set=${set}` : ''}`;
const compliance = (status: string) => (code: string) => `/teams/compliance?area=${code}&status=${status}`;
const problems = (filter: string) => (code: string) => `/problems?area=${code}${filter}`;
const monitoring = (filter: string) => (code: string) => `/monitoring?area=${code}${filter}`;

export const SECTION_COLUMNS: Record<Section, Column[]> = {
  households: [
    { key: 'households', label: 'households', value: (f) => f.households, href: households() },
    { key: 'people', label: 'people', value: (f) => f.people },
    { key: 'poorHouseholds', label: 'poorHouseholds', value: (f) => f.poorHouseholds, href: households('poor') },
    { key: 'poorPeople', label: 'poorPeople', value: (f) => f.poorPeople, href: households('poor') },
    { key: 'incidence', label: 'incidence', value: (_, r) => r.incidence, percent: true, decimals: 2 },
    {
      key: 'liftedThisYearHouseholds',
      label: 'liftedThisYearHouseholds',
      value: (f) => f.liftedThisYearHouseholds,
      href: households('liftedThisYear'),
    },
    {
      key: 'liftedThisYearPeople',
      label: 'liftedThisYearPeople',
      value: (f) => f.liftedThisYearPeople,
      href: households('liftedThisYear'),
    },
    {
      key: 'returnedThisYearHouseholds',
      label: 'returnedThisYearHouseholds',
      value: (f) => f.returnedThisYearHouseholds,
      href: households('returnedThisYear'),
    },
    {
      key: 'returnBaseHouseholds',
      label: 'returnBaseHouseholds',
      value: (f) => f.returnBaseHouseholds,
      href: households('returnBase'),
    },
    { key: 'returnRate', label: 'returnRate', value: (_, r) => r.returnRate, percent: true, mark: 'returnRate' },
    // Wrongly registered households removed (清退): apart from exits, never in the lifted figures.
    {
      key: 'removedThisYearHouseholds',
      label: 'removedThisYearHouseholds',
      value: (f) => f.removedThisYearHouseholds,
      href: households('removedThisYear'),
    },
  ],
  teams: [
    { key: 'poorVillage', label: 'poorVillages', value: (f) => f.poorVillage },
    { key: 'teams', label: 'teams', value: (f) => f.teams, href: (code) => `/teams?area=${code}` },
    { key: 'members', label: 'members', value: (f) => f.members, href: compliance('all') },
    { key: 'membersOnTrack', label: 'membersOnTrack', value: (f) => f.membersOnTrack, href: compliance('OK') },
    {
      key: 'membersAtRisk',
      label: 'membersAtRisk',
      value: (f) => f.membersAtRisk,
      href: compliance('AT_RISK'),
      mark: 'attendanceAtRisk',
    },
    {
      key: 'membersShort',
      label: 'membersShort',
      value: (f) => f.membersShort,
      href: compliance('MISSING'),
      mark: 'attendanceShort',
    },
    { key: 'markedCheckins', label: 'markedCheckins', value: (f) => f.markedCheckins, href: compliance('all') },
    // Leaders and deputies short of the days of a month this year (seed 001: 每月到村不少于 20 天).
    {
      key: 'monthRuleMissed',
      label: 'monthRuleMissed',
      value: (f) => f.monthRuleMissed,
      href: compliance('MONTH_MISSED'),
      mark: 'monthRuleMissed',
    },
  ],
  pairings: [
    { key: 'mustPair', label: 'mustPair', value: (f) => f.mustPair, href: households('mustPair') },
    { key: 'paired', label: 'paired', value: (f) => f.paired },
    {
      key: 'unpaired',
      label: 'unpaired',
      value: (f) => f.mustPair - f.paired,
      href: households('unpaired'),
      mark: 'pairingGap',
    },
    { key: 'pairingRate', label: 'pairingRate', value: (_, r) => r.pairingRate, percent: true, mark: 'pairingGap' },
    // Every other household's liaison cadre (联户干部, seed 000's 两个全覆盖 of all households).
    { key: 'liaisonDue', label: 'liaisonDue', value: (f) => f.liaisonDue, href: households('liaisonDue') },
    {
      key: 'noLiaison',
      label: 'noLiaison',
      value: (f) => f.liaisonDue - f.liaisonCovered,
      href: households('noLiaison'),
      mark: 'householdLiaisonGap',
    },
    {
      key: 'liaisonRate',
      label: 'liaisonRate',
      value: (_, r) => r.liaisonRate,
      percent: true,
      mark: 'householdLiaisonGap',
    },
    {
      key: 'villagesWithoutLiaison',
      label: 'villagesWithoutLiaison',
      value: (f) => f.villagesWithoutLiaison,
      href: (code) => `/pairings?area=${code}`,
      mark: 'liaisonGap',
    },
  ],
  visits: [
    { key: 'cadreVisitsDue', label: 'cadreVisitsDue', value: (f) => f.cadreVisitsDue },
    {
      key: 'cadreVisitsMissing',
      label: 'cadreVisitsMissing',
      value: (f) => f.cadreVisitsDue - f.cadreVisitsDone,
      href: (code) => `/visits?area=${code}`,
      mark: 'cadreVisitGap',
    },
    {
      key: 'cadreVisitRate',
      label: 'cadreVisitRate',
      value: (_, r) => r.cadreVisitRate,
      percent: true,
      mark: 'cadreVisitGap',
    },
    // In person apart: a phone visit is for locked-door households only (seed 000).
    { key: 'cadreInPersonRate', label: 'cadreInPersonRate', value: (_, r) => r.cadreInPersonRate, percent: true },
    { key: 'teamVisitsDue', label: 'teamVisitsDue', value: (f) => f.teamVisitsDue },
    {
      key: 'teamVisitsMissing',
      label: 'teamVisitsMissing',
      value: (f) => f.teamVisitsDue - f.teamVisitsDone,
      href: (code) => `/visits?area=${code}&rule=team`,
      mark: 'teamVisitGap',
    },
    {
      key: 'teamVisitRate',
      label: 'teamVisitRate',
      value: (_, r) => r.teamVisitRate,
      percent: true,
      mark: 'teamVisitGap',
    },
    { key: 'teamInPersonRate', label: 'teamInPersonRate', value: (_, r) => r.teamInPersonRate, percent: true },
  ],
  problems: [
    { key: 'problemsFound', label: 'problemsFound', value: (f) => f.problemsFound, href: problems('') },
    {
      key: 'problemsStruckOff',
      label: 'problemsStruckOff',
      value: (f) => f.problemsStruckOff,
      href: problems('&status=STRUCK_OFF'),
    },
    { key: 'problemsOpen', label: 'problemsOpen', value: (f) => f.problemsOpen, href: problems('&open=1') },
    {
      key: 'problemsOverdue',
      label: 'problemsOverdue',
      value: (f) => f.problemsOverdue,
      href: problems('&overdue=1'),
      mark: 'overdue',
    },
    { key: 'rectificationRate', label: 'rectificationRate', value: (_, r) => r.rectificationRate, percent: true },
  ],
  oversight: [
    {
      key: 'inspections',
      label: 'inspections',
      value: (f) => f.inspections,
      href: (code) => `/inspections?area=${code}`,
    },
    { key: 'findings', label: 'findings', value: (f) => f.findings, href: (code) => `/inspections?area=${code}` },
    {
      key: 'discrepancies',
      label: 'discrepancies',
      value: (f) => f.discrepancies,
      href: (code) => `/inspections/discrepancies?area=${code}`,
      mark: 'discrepancy',
    },
    { key: 'householdChecks', label: 'householdChecks', value: (f) => f.householdChecks },
    { key: 'satisfactionRate', label: 'satisfactionRate', value: (_, r) => r.satisfactionRate, percent: true },
  ],
  monitoring: [
    {
      key: 'plannedPoorHouseholds',
      label: 'plannedPoorHouseholds',
      value: (f) => f.plannedPoorHouseholds,
      href: households('poor'),
    },
    { key: 'planRate', label: 'planRate', value: (_, r) => r.planRate, percent: true },
    {
      key: 'monitoredUnstable',
      label: 'monitoredUnstable',
      value: (f) => f.monitoredUnstable,
      href: monitoring('&kind=UNSTABLE_EXITED'),
    },
    {
      key: 'monitoredMarginal',
      label: 'monitoredMarginal',
      value: (f) => f.monitoredMarginal,
      href: monitoring('&kind=MARGINAL'),
    },
    {
      key: 'monitoredSudden',
      label: 'monitoredSudden',
      value: (f) => f.monitoredSudden,
      href: monitoring('&kind=SUDDEN_HARDSHIP'),
    },
    { key: 'warningsOpen', label: 'warningsOpen', value: (f) => f.warningsOpen, href: monitoring('&warnings=open') },
    {
      key: 'warningsOverdue',
      label: 'warningsOverdue',
      value: (f) => f.warningsOverdue,
      href: monitoring('&warnings=overdue'),
      mark: 'warningOverdue',
    },
    {
      key: 'risksClosed',
      label: 'risksClosed',
      value: (f) => f.risksClosed,
      href: monitoring('&state=closedThisYear'),
    },
  ],
};

export const SECTIONS = Object.keys(SECTION_COLUMNS) as Section[];

export function formatFigure(column: Column, value: number): string {
  return column.percent ? `${value.toFixed(column.decimals ?? 1)}%` : value.toLocaleString('zh-CN');
}

/** The section whose figures a mark makes red: a mark shows only to a role that may see that section. */
export function sectionOfMark(mark: RedMark): Section | undefined {
  return SECTIONS.find((section) => SECTION_COLUMNS[section].some((column) => column.mark === mark));
}

export type BehindArea = { code: string; name: string; missed: RedMark[]; atRisk: RedMark[] };

/**
 * The areas behind, worst first: most rules missed, then most at risk, then by code. Only marks of the
 * sections the viewer may see; areas with none are left out.
 */
export function worstFirst(
  rows: readonly { code: string; name: string; marks: AreaMarks }[],
  visible: readonly Section[],
): BehindArea[] {
  const shown = (mark: RedMark) => {
    const section = sectionOfMark(mark);
    return section !== undefined && visible.includes(section);
  };
  return rows
    .map((row) => ({
      code: row.code,
      name: row.name,
      missed: row.marks.missed.filter(shown),
      atRisk: row.marks.atRisk.filter(shown),
    }))
    .filter((area) => area.missed.length + area.atRisk.length > 0)
    .sort(
      (a, b) => b.missed.length - a.missed.length || b.atRisk.length - a.atRisk.length || a.code.localeCompare(b.code),
    );
}

export type DashboardSort = { section: Section; column: string; descending: boolean };

/** `sort=visits.cadreVisitRate` (and `desc=1`) from the address; anything else is no sort. */
export function parseSort(sort: string | undefined, desc: string | undefined): DashboardSort | null {
  const [section, column] = (sort ?? '').split('.');
  if (!SECTIONS.includes(section as Section)) return null;
  if (!SECTION_COLUMNS[section as Section].some((c) => c.key === column)) return null;
  return { section: section as Section, column, descending: desc === '1' };
}

/** The dashboard of `area` with one section's rows sorted by a column, opened at that section. */
export const dashboardSortHref = (area: string, section: Section, column: string, descending: boolean) =>
  `/dashboard?area=${area}&sort=${section}.${column}${descending ? '&desc=1' : ''}#section-${section}`;

/** A column's first sort puts the worst first: the lowest share, the highest count. */
export function worstFirstDescending(column: Column): boolean {
  return !column.percent;
}

/** The rows by one column's figure; ties keep the areas' code order. */
export function sortRows<T extends { code: string; figures: Figures; rates: Rates }>(
  rows: readonly T[],
  sort: DashboardSort,
): T[] {
  const column = SECTION_COLUMNS[sort.section].find((c) => c.key === sort.column);
  if (!column) return [...rows];
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort(
    (a, b) =>
      sign * (column.value(a.figures, a.rates) - column.value(b.figures, b.rates)) || a.code.localeCompare(b.code),
  );
}

/** How many of the rows miss a rule of the section (red), and how many more are behind on one (amber). */
export function sectionMarkCounts(section: Section, rows: readonly { marks: AreaMarks }[]) {
  const marks = new Set(SECTION_COLUMNS[section].flatMap((c) => (c.mark ? [c.mark] : [])));
  let missed = 0;
  let atRisk = 0;
  for (const row of rows) {
    if (row.marks.missed.some((m) => marks.has(m))) missed++;
    else if (row.marks.atRisk.some((m) => marks.has(m))) atRisk++;
  }
  return { missed, atRisk };
}
