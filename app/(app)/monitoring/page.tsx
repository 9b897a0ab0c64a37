import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { RememberList } from '@/components/layout/remembered-list';
import { RunWarningsForm } from '@/components/monitoring/forms';
import { WarningText } from '@/components/monitoring/warning-text';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import {
  MONITOR_STATES,
  MONITORING_PAGE_SIZE,
  type MonitoringFilters,
  monitoringFilters,
  monitoringOverview,
  WARNING_FILTERS,
} from '@/lib/monitoring/data';
import { MONITOR_KINDS, RISK_CAUSES } from '@/lib/monitoring/rules';
import { measuresDone } from '@/lib/plans/rules';
import { regionTrail } from '@/lib/regions/data';
import { isoDay } from '@/lib/time';

type Query = Record<string, string | string[] | undefined>;

export default async function MonitoringPage(props: { searchParams: Promise<Query> }) {
  const viewer = await requirePermission('monitor.view'); // before the response starts: a refusal answers 403
  return (
    <PageBody>
      <MonitoringContent {...props} viewer={viewer} />
    </PageBody>
  );
}

type ListFilters = Omit<MonitoringFilters, 'warningsPage' | 'monitoredPage'>;

/** The page's URL parameters; a list's page is kept only while its filters stay. */
function paramsOf(filters: ListFilters, pages: { wpage?: number; mpage?: number } = {}) {
  const params: Record<string, string | undefined> = { ...filters };
  if (pages.wpage && pages.wpage > 1) params.wpage = String(pages.wpage);
  if (pages.mpage && pages.mpage > 1) params.mpage = String(pages.mpage);
  return params;
}

function queryOf(filters: ListFilters, change: Partial<Record<keyof ListFilters, string | undefined>>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v) params.set(k, v);
  return `/monitoring?${params.toString()}`;
}

async function MonitoringContent({ viewer, searchParams }: { viewer: Viewer; searchParams: Promise<Query> }) {
  const filters = monitoringFilters(await searchParams);
  const [data, t] = await Promise.all([monitoringOverview(viewer, filters), getTranslations('monitoring')]);
  const trail = await regionTrail(viewer, data.prefix);
  const { warningsPage, monitoredPage, ...listFilters } = filters;
  const here = { ...listFilters, area: data.prefix === viewer.scopeCode ? undefined : data.prefix };
  return (
    <>
      <RememberList path="/monitoring" />
      <PageHeader
        title={t('title')}
        description={
          <span className="flex flex-wrap items-center gap-1">
            {trail.map((r, i) => (
              <span key={r.code}>
                {i > 0 && (
                  <span aria-hidden className="px-1 text-slate-500">
                    ›
                  </span>
                )}
                {r.code === data.prefix ? (
                  <span className="font-medium text-slate-800">{r.name}</span>
                ) : (
                  <TextLink href={queryOf(here, { area: r.code === viewer.scopeCode ? undefined : r.code })}>
                    {r.name}
                  </TextLink>
                )}
              </span>
            ))}
          </span>
        }
      />
      <p className="mb-4 text-sm text-slate-600">{t('intro')}</p>
      <form
        method="get"
        className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-5"
      >
        {here.area && <input type="hidden" name="area" value={here.area} />}
        <SelectField name="state" label={t('filterState')} defaultValue={filters.state}>
          {MONITOR_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="kind" label={t('filterKind')} defaultValue={filters.kind ?? ''}>
          <option value="">{t('all')}</option>
          {MONITOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="warnings" label={t('filterWarnings')} defaultValue={filters.warnings}>
          {WARNING_FILTERS.map((w) => (
            <option key={w} value={w}>
              {t(`warningFilters.${w}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="cause" label={t('filterCause')} defaultValue={filters.cause ?? ''}>
          <option value="">{t('all')}</option>
          {RISK_CAUSES.map((c) => (
            <option key={c} value={c}>
              {t(`causes.${c}`)}
            </option>
          ))}
        </SelectField>
        <div className="flex items-end">
          <button type="submit" className={buttonClass('secondary')}>
            {t('filter')}
          </button>
        </div>
      </form>

      <div className="space-y-4">
        <Card title={t('warningsTitle', { count: data.warningCount })}>
          {data.warnings.length === 0 ? (
            <p className="text-sm text-slate-500">{t('noWarnings')}</p>
          ) : (
            <Table minWidth="48rem">
              <HeadRow>
                <Th>{t('household')}</Th>
                <Th>{t('village')}</Th>
                <Th>{t('cause')}</Th>
                <Th>{t('detail')}</Th>
                <Th>{t('cadre')}</Th>
                <Th>{t('dueOn')}</Th>
                <Th>{t('status')}</Th>
              </HeadRow>
              <tbody>
                {data.warnings.map((w) => (
                  <Row key={w.id} hover top>
                    <Td>
                      <TextLink href={`/monitoring/warnings/${w.id}`}>{w.household.headName}</TextLink>
                    </Td>
                    <Td>
                      {w.household.village.parent?.name} {w.household.village.name}
                      {w.household.groupName}
                    </Td>
                    <Td>{t(`causes.${w.cause}`)}</Td>
                    <Td className="text-slate-600">
                      <WarningText detail={w.detail} />
                    </Td>
                    <Td>{w.cadre?.name ?? '—'}</Td>
                    <Td className={w.overdue ? 'whitespace-nowrap font-semibold text-red-700' : 'whitespace-nowrap'}>
                      {isoDay(w.dueOn)}
                      {w.overdue && ` · ${t('overdue')}`}
                    </Td>
                    <Td>{t(`warningStatuses.${w.status}`)}</Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
          {data.warningCount > MONITORING_PAGE_SIZE && (
            <Pagination
              page={warningsPage}
              pageSize={MONITORING_PAGE_SIZE}
              total={data.warningCount}
              basePath="/monitoring"
              params={paramsOf(here, { mpage: monitoredPage })}
              param="wpage"
              label={t('warningsPages')}
            />
          )}
        </Card>

        <Card title={t('monitoredTitle', { count: data.monitoredCount })}>
          {data.monitored.length === 0 ? (
            <p className="text-sm text-slate-500">{t('noMonitored')}</p>
          ) : (
            <Table minWidth="48rem">
              <HeadRow>
                <Th>{t('household')}</Th>
                <Th>{t('village')}</Th>
                <Th>{t('kind')}</Th>
                <Th>{t('causesLabel')}</Th>
                <Th>{t('cadre')}</Th>
                <Th>{t('startedOn')}</Th>
                <Th>{t('measuresDone')}</Th>
                <Th>{t('state')}</Th>
              </HeadRow>
              <tbody>
                {data.monitored.map((m) => {
                  const done = measuresDone(m.measures);
                  return (
                    <Row key={m.id} hover top>
                      <Td>
                        <TextLink href={`/monitoring/${m.id}`}>{m.household.headName}</TextLink>
                      </Td>
                      <Td>
                        {m.household.village.parent?.name} {m.household.village.name}
                        {m.household.groupName}
                      </Td>
                      <Td>{t(`kinds.${m.kind}`)}</Td>
                      <Td>{m.causes.map((c) => t(`causes.${c}`)).join('、')}</Td>
                      <Td>
                        <TextLink href={`/cadres/${m.cadre.id}`}>{m.cadre.name}</TextLink>
                      </Td>
                      <Td className="whitespace-nowrap">{isoDay(m.startedOn)}</Td>
                      <Td className="tabular-nums">
                        {done.done}/{done.all}
                      </Td>
                      <Td>{m.closedOn ? t('closedOn', { date: isoDay(m.closedOn) }) : t('monitoring')}</Td>
                    </Row>
                  );
                })}
              </tbody>
            </Table>
          )}
          {data.monitoredCount > MONITORING_PAGE_SIZE && (
            <Pagination
              page={monitoredPage}
              pageSize={MONITORING_PAGE_SIZE}
              total={data.monitoredCount}
              basePath="/monitoring"
              params={paramsOf(here, { wpage: warningsPage })}
              param="mpage"
              label={t('monitoredPages')}
            />
          )}
        </Card>

        {can(viewer.role, 'monitor.run') && (
          <Card title={t('runTitle')}>
            <RunWarningsForm />
          </Card>
        )}
        {can(viewer.role, 'policy.view') && (
          <p className="text-sm">
            <Link href="/admin/policy" className="text-brand-700 underline">
              {t('policyLink')}
            </Link>
          </p>
        )}
      </div>
    </>
  );
}
