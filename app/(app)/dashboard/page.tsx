import { getTranslations } from 'next-intl/server';
import { type AreaBarDatum, type AreaBarSeries, AreaBars } from '@/components/charts/area-bars';
import { MonthLines } from '@/components/charts/month-lines';
import { DashboardSection } from '@/components/dashboard/dashboard-section';
import { FiguresTable } from '@/components/dashboard/figures-table';
import { PendingVillages } from '@/components/dashboard/pending-villages';
import { DashboardTiles } from '@/components/dashboard/tiles';
import { WorstFirst } from '@/components/dashboard/worst-first';
import { PageBody } from '@/components/layout/page-body';
import { PrintPageSetup } from '@/components/layout/print-page-setup';
import { ProjectsSummaryCard } from '@/components/projects/summary-card';
import { Breadcrumb } from '@/components/regions/breadcrumb';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { PrintButton } from '@/components/ui/print-button';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import {
  type ColumnLabel,
  parseSort,
  SECTIONS,
  type Section,
  sectionMarkCounts,
  sortRows,
  worstFirst,
} from '@/lib/dashboard/columns';
import { type DashboardRow, dashboard } from '@/lib/dashboard/data';
import { projectOverview } from '@/lib/projects/data';
import { regionTrail } from '@/lib/regions/data';
import { areaPrefix } from '@/lib/regions/scope';
import { chinaYear } from '@/lib/time';

const drill = (code: string) => `/dashboard?area=${code}`;

// What each section's chart shows, by the next level down.
const CHARTS: Record<Section, { series: (AreaBarSeries & { label: ColumnLabel })[]; unit?: string; max?: number }> = {
  households: {
    series: [
      { key: 'incidence', label: 'incidence', color: '#1e40af' },
      { key: 'returnRate', label: 'returnRate', color: '#d97706' },
    ],
    unit: '%',
  },
  teams: {
    series: [
      { key: 'membersOnTrack', label: 'membersOnTrack', color: '#15803d', stack: 'm' },
      { key: 'membersAtRisk', label: 'membersAtRisk', color: '#d97706', stack: 'm' },
      { key: 'membersShort', label: 'membersShort', color: '#b91c1c', stack: 'm' },
    ],
  },
  pairings: { series: [{ key: 'pairingRate', label: 'pairingRate', color: '#1d4ed8' }], unit: '%', max: 100 },
  visits: {
    series: [
      { key: 'cadreVisitRate', label: 'cadreVisitRate', color: '#1d4ed8' },
      { key: 'teamVisitRate', label: 'teamVisitRate', color: '#0f766e' },
    ],
    unit: '%',
    max: 100,
  },
  oversight: {
    series: [
      { key: 'findings', label: 'findings', color: '#d97706' },
      { key: 'discrepancies', label: 'discrepancies', color: '#b91c1c' },
    ],
  },
  problems: {
    series: [
      { key: 'problemsStruckOff', label: 'problemsStruckOff', color: '#15803d', stack: 'p' },
      { key: 'problemsPending', label: 'problemsPending', color: '#94a3b8', stack: 'p' },
      { key: 'problemsOpenInTime', label: 'problemsOpenInTime', color: '#d97706', stack: 'p' },
      { key: 'problemsOverdue', label: 'problemsOverdue', color: '#b91c1c', stack: 'p' },
    ],
  },
  monitoring: {
    series: [
      { key: 'monitoredUnstable', label: 'monitoredUnstable', color: '#d97706', stack: 'm' },
      { key: 'monitoredMarginal', label: 'monitoredMarginal', color: '#1d4ed8', stack: 'm' },
      { key: 'monitoredSudden', label: 'monitoredSudden', color: '#b91c1c', stack: 'm' },
    ],
  },
};

type Search = { area?: string; sort?: string; desc?: string };

export default async function DashboardPage(props: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission('region.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <DashboardContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function DashboardContent({ viewer, searchParams }: { searchParams: Promise<Search> } & { viewer: Viewer }) {
  const { area, sort: sortParam, desc } = await searchParams;
  const sort = parseSort(sortParam, desc);
  // The area first (no query), so the figures, the trail and the projects are read side by side.
  const prefix = areaPrefix(viewer, area);
  const [data, t, trail, projects] = await Promise.all([
    dashboard(viewer, prefix),
    getTranslations('dashboard'),
    regionTrail(viewer, prefix),
    can(viewer.role, 'project.view') ? projectOverview(viewer, { area: prefix, year: chinaYear() }) : null,
  ]);
  const label = (key: ColumnLabel) => t(`columns.${key}`);
  const sections = SECTIONS.filter((s) => data.sections[s]);
  const isVillage = data.children.length === 0;
  const rows = isVillage ? [data.total] : data.children;
  // Only what a section's chart draws goes to the browser. Read key by key: copying every figure of every area
  // for each section was about 3 ms of a county's page.
  const chartValue = (c: DashboardRow, key: string): number => {
    const { figures: f } = c;
    if (key === 'problemsPending') return f.problemsFound - f.problemsStruckOff - f.problemsOpen;
    if (key === 'problemsOpenInTime') return f.problemsOpen - f.problemsOverdue;
    return key in c.rates ? c.rates[key as keyof typeof c.rates] : (f[key as keyof typeof f] as number);
  };
  const chartData = (section: Section) =>
    data.children.map((c) => {
      const point: AreaBarDatum = { code: c.code, name: c.name };
      for (const s of CHARTS[section].series) point[s.key] = chartValue(c, s.key);
      return point;
    });
  const monthNames = Array.from({ length: 12 }, (_, i) => t('month', { month: i + 1 }));
  const workSeries = [
    ...(data.sections.visits ? [{ key: 'visits', label: t('months.visits'), color: '#1d4ed8' }] : []),
    ...(data.sections.teams ? [{ key: 'villageDays', label: t('months.villageDays'), color: '#0f766e' }] : []),
  ];
  const outcomeSeries = [
    ...(data.sections.problems
      ? [
          { key: 'problemsFound', label: t('months.problemsFound'), color: '#d97706' },
          { key: 'problemsStruckOff', label: t('months.problemsStruckOff'), color: '#15803d' },
        ]
      : []),
    ...(data.sections.households
      ? [
          { key: 'liftedHouseholds', label: t('months.liftedHouseholds'), color: '#7c3aed' },
          { key: 'returnedHouseholds', label: t('months.returnedHouseholds'), color: '#b91c1c' },
        ]
      : []),
  ];
  // Only the series a role may see go to the browser.
  const monthsOf = (series: { key: string }[]) =>
    data.months.map((m) => ({
      month: m.month,
      ...Object.fromEntries(series.map((s) => [s.key, m[s.key as keyof typeof m]])),
    }));
  const areaName = trail.map((r) => r.name).join(' ') || data.area.name;
  const computedAt = data.computedAt
    ? new Intl.DateTimeFormat('zh-CN', {
        timeZone: 'Asia/Shanghai',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(data.computedAt)
    : null;
  return (
    <>
      <PrintPageSetup
        landscape
        header={`${t('printTitle', { area: areaName, year: data.year })} · ${t('printedOn', { date: data.today, time: computedAt ?? '—' })}`}
      />
      <div className="hidden print:mb-3 print:block print:border-b print:border-slate-400 print:pb-2">
        <p className="text-lg font-semibold">{t('printTitle', { area: areaName, year: data.year })}</p>
        <p className="text-sm">{t('printedOn', { date: data.today, time: computedAt ?? '—' })}</p>
      </div>
      <div className="no-print">
        <Breadcrumb trail={trail} label={t('breadcrumb')} href={drill} />
      </div>
      <PageHeader
        title={t('title', { area: data.area.name })}
        description={
          <span data-testid="dashboard-freshness" className="print:hidden">
            {computedAt ? t('freshness', { time: computedAt, year: data.year }) : t('computing')}
            <PendingVillages villages={data.pending} className="ml-2" />
          </span>
        }
        actions={
          <div className="no-print flex flex-wrap gap-2">
            <a href={`/api/dashboard/export?area=${data.area.code}`} className={buttonClass('secondary')} download>
              {t('export')}
            </a>
            <PrintButton label={t('print')} />
          </div>
        }
      />
      <div className="space-y-4">
        <DashboardTiles data={data} />
        {!isVillage && <WorstFirst areas={worstFirst(data.children, sections)} drillHref={drill} />}
        <p className="text-sm text-slate-600">
          {t('legend', { pairing: data.lines.pairingRedBelowPercent, visits: data.lines.visitRedBelowPercent })}
        </p>
        {sections.map((section) => {
          const chart = CHARTS[section];
          const counts = sectionMarkCounts(section, rows);
          const sorted = sort?.section === section;
          return (
            <DashboardSection
              key={section}
              id={section}
              title={t(`sections.${section}`)}
              forceOpen={sorted}
              summary={
                counts.missed + counts.atRisk === 0 ? (
                  <span className="text-slate-600">{t('sectionFine')}</span>
                ) : (
                  <>
                    {counts.missed > 0 && (
                      <span className="mr-3 text-red-700">● {t('sectionMissed', { count: counts.missed })}</span>
                    )}
                    {counts.atRisk > 0 && (
                      <span className="text-amber-800">▲ {t('sectionAtRisk', { count: counts.atRisk })}</span>
                    )}
                  </>
                )
              }
            >
              <FiguresTable
                section={section}
                rows={sorted ? sortRows(rows, sort) : rows}
                total={isVillage ? null : data.total}
                label={label}
                drillBase={drill('')}
                areaLabel={t('area')}
                totalLabel={t('total', { area: data.area.name })}
                missedLabel={t('missed')}
                atRiskLabel={t('atRisk')}
                sort={
                  isVillage
                    ? undefined
                    : {
                        area: data.area.code,
                        active: sorted ? sort.column : null,
                        descending: sorted ? sort.descending : false,
                      }
                }
              />
              {!isVillage && (
                <div className="break-inside-avoid">
                  <AreaBars
                    data={chartData(section)}
                    drillBase={drill('')}
                    unit={chart.unit}
                    max={chart.max}
                    label={t(`sections.${section}`)}
                    series={chart.series.map((s) => ({ ...s, label: label(s.label) }))}
                  />
                </div>
              )}
            </DashboardSection>
          );
        })}
        {projects && <ProjectsSummaryCard area={data.area.code} year={data.year} total={projects.total} />}
        <Card title={t('trends', { year: data.year })}>
          <div className="grid gap-4 lg:grid-cols-2">
            <MonthLines
              label={t('trendsWork')}
              data={monthsOf(workSeries)}
              monthNames={monthNames}
              series={workSeries}
            />
            <MonthLines
              label={t('trendsOutcomes')}
              data={monthsOf(outcomeSeries)}
              monthNames={monthNames}
              series={outcomeSeries}
            />
          </div>
        </Card>
        {isVillage && (
          <p className="no-print text-sm">
            <TextLink href={`/regions/${data.area.code}`}>{t('openVillage')} →</TextLink>
          </p>
        )}
      </div>
    </>
  );
}
