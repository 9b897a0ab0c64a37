import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { ProjectNav } from '@/components/projects/project-nav';
import { Breadcrumb } from '@/components/regions/breadcrumb';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { PROJECT_KINDS, PROJECT_STAGES } from '@/lib/enums';
import { formatPercent } from '@/lib/figures/rules';
import { queryString } from '@/lib/problems/filters';
import { listProjects, PROJECT_PAGE_SIZE, projectOverview } from '@/lib/projects/data';
import { type ProjectQuery, parseProjectFilters, projectParams } from '@/lib/projects/filters';
import { formatWan } from '@/lib/projects/rules';
import { regionTrail } from '@/lib/regions/data';
import { chinaYear } from '@/lib/time';

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<ProjectQuery> }) {
  const viewer = await requirePermission('project.view');
  const thisYear = chinaYear();
  const filters = parseProjectFilters(await searchParams, thisYear);
  const [overview, list, t] = await Promise.all([
    projectOverview(viewer, filters),
    listProjects(viewer, filters),
    getTranslations(),
  ]);
  const trail = await regionTrail(viewer, overview.area);
  const params = projectParams(
    { ...filters, area: overview.area === viewer.scopeCode ? undefined : overview.area },
    thisYear,
  );
  const href = (change: Record<string, string | undefined>) => `/projects?${queryString({ ...params, ...change })}`;
  const listOf = (path: string) => `${path}?${queryString(params)}`;
  const red = (n: number) => (n > 0 ? 'font-semibold text-red-700' : '');
  const total = overview.total;
  const areaName = trail.at(-1)?.name ?? '';
  return (
    <PageBody>
      <Breadcrumb
        trail={trail}
        label={t('regions.breadcrumb')}
        href={(code) => href({ area: code === viewer.scopeCode ? undefined : code, page: undefined })}
      />
      <PageHeader
        title={t('projects.title')}
        description={t('projects.moneyHint')}
        actions={
          <div className="flex flex-wrap gap-2">
            {can(viewer.role, 'project.propose') && (
              <Link href="/projects/new" className={buttonClass('primary')}>
                {t('projects.propose')}
              </Link>
            )}
            {overview.area.length === 12 && (
              <Link
                href={`/projects/notice?village=${overview.area}&year=${filters.year ?? thisYear}`}
                className={buttonClass('secondary')}
              >
                {t('projects.villageNotice')}
              </Link>
            )}
            {can(viewer.role, 'project.export') && (
              <a
                href={`/api/projects/library?${queryString(params)}`}
                className={buttonClass('secondary')}
                download
                data-testid="project-export"
              >
                {t('projects.exportLibrary')}
              </a>
            )}
          </div>
        }
      />
      <ProjectNav current="/projects" />
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7">
          <Stat label={t('projects.projects')} value={<span data-testid="project-total">{total.projects}</span>} />
          <Stat
            label={t('projects.approvedWan')}
            value={<TextLink href={href({ funded: '1', page: undefined })}>{formatWan(total.approvedFen)}</TextLink>}
            hint={total.proposedFen > 0n ? `${t('projects.proposedWan')} ${formatWan(total.proposedFen)}` : undefined}
          />
          <Stat
            label={t('projects.paidWan')}
            value={
              <TextLink href={listOf('/projects/payments')} data-testid="project-paid">
                {formatWan(total.paidFen)}
              </TextLink>
            }
          />
          <Stat
            label={t('projects.spendingRate')}
            value={<span data-testid="project-rate">{total.rate === null ? '—' : formatPercent(total.rate)}</span>}
          />
          <Stat
            label={t('projects.overdue')}
            value={
              <TextLink
                href={href({ overdue: '1', page: undefined })}
                className={red(total.overdue)}
                data-testid="project-overdue"
              >
                {total.overdue}
              </TextLink>
            }
          />
          <Stat
            label={t('projects.unaudited')}
            value={
              <TextLink
                href={href({ unaudited: '1', page: undefined })}
                className={red(total.unaudited)}
                data-testid="project-unaudited"
              >
                {total.unaudited}
              </TextLink>
            }
          />
          <Stat
            label={t('projects.households')}
            value={
              <TextLink href={listOf('/projects/beneficiaries')} data-testid="project-households">
                {total.households}
              </TextLink>
            }
          />
        </div>

        <Card title={t('projects.byStage')}>
          <ul className="flex flex-wrap gap-2 text-sm">
            {PROJECT_STAGES.map((s) => (
              <li key={s}>
                <Link
                  href={href({ stage: filters.stage === s ? undefined : s, page: undefined })}
                  className={`inline-flex min-h-10 items-center gap-1 rounded-md border px-3 py-1 ${filters.stage === s ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
                >
                  {t(`projects.stages.${s}`)}{' '}
                  <span className="font-semibold tabular-nums">{overview.stages[s] ?? 0}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>

        {overview.groups.length > 0 && (
          <Card>
            <Table minWidth="52rem">
              <HeadRow>
                <Th>{t('projects.area')}</Th>
                <NumTh>{t('projects.projects')}</NumTh>
                <NumTh>{t('projects.approvedWan')}</NumTh>
                <NumTh>{t('projects.paidWan')}</NumTh>
                <NumTh>{t('projects.spendingRate')}</NumTh>
                <NumTh>{t('projects.inProgress')}</NumTh>
                <NumTh>{t('projects.overdue')}</NumTh>
                <NumTh>{t('projects.unaudited')}</NumTh>
                <NumTh>{t('projects.households')}</NumTh>
              </HeadRow>
              <tbody>
                {overview.groups.map((g) => (
                  <Row hover key={g.code + (g.ownLevel ? '-own' : '')} data-area={g.code}>
                    <Td>
                      {g.ownLevel ? (
                        <span className="text-slate-700">{t('projects.ownLevel', { area: areaName })}</span>
                      ) : (
                        <TextLink href={href({ area: g.code, page: undefined })}>{g.name}</TextLink>
                      )}
                    </Td>
                    <NumCell>{g.projects}</NumCell>
                    <NumCell>{formatWan(g.approvedFen)}</NumCell>
                    <NumCell>{formatWan(g.paidFen)}</NumCell>
                    <NumCell>{g.rate === null ? '—' : formatPercent(g.rate)}</NumCell>
                    <NumCell>{g.inProgress}</NumCell>
                    <Td className={`text-right tabular-nums ${red(g.overdue)}`}>{g.overdue}</Td>
                    <Td className={`text-right tabular-nums ${red(g.unaudited)}`}>{g.unaudited}</Td>
                    <NumCell>{g.ownLevel ? '—' : g.households}</NumCell>
                  </Row>
                ))}
              </tbody>
              <tfoot className="font-medium">
                <tr>
                  <Td>{t('common.total')}</Td>
                  <NumCell>{total.projects}</NumCell>
                  <NumCell>{formatWan(total.approvedFen)}</NumCell>
                  <NumCell>{formatWan(total.paidFen)}</NumCell>
                  <NumCell>{total.rate === null ? '—' : formatPercent(total.rate)}</NumCell>
                  <NumCell>{total.inProgress}</NumCell>
                  <Td className={`text-right tabular-nums ${red(total.overdue)}`}>{total.overdue}</Td>
                  <Td className={`text-right tabular-nums ${red(total.unaudited)}`}>{total.unaudited}</Td>
                  <NumCell>{total.households}</NumCell>
                </tr>
              </tfoot>
            </Table>
          </Card>
        )}

        <Card title={t('projects.filters')}>
          <form
            method="get"
            action="/projects"
            className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-8 lg:items-end"
          >
            {params.area && <input type="hidden" name="area" value={params.area} />}
            <TextField
              id="filter-q"
              name="q"
              label={t('projects.searchName')}
              defaultValue={filters.q ?? ''}
              maxLength={50}
            />
            <SelectField
              id="filter-year"
              name="year"
              label={t('projects.year')}
              defaultValue={filters.year === null ? 'all' : String(filters.year)}
            >
              <option value="all">{t('projects.allYears')}</option>
              {Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </SelectField>
            <SelectField id="filter-stage" name="stage" label={t('projects.stage')} defaultValue={filters.stage ?? ''}>
              <option value="">{t('projects.all')}</option>
              {PROJECT_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`projects.stages.${s}`)}
                </option>
              ))}
            </SelectField>
            <SelectField id="filter-kind" name="kind" label={t('projects.kind')} defaultValue={filters.kind ?? ''}>
              <option value="">{t('projects.all')}</option>
              {PROJECT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`projects.kinds.${k}`)}
                </option>
              ))}
            </SelectField>
            {(['funded', 'overdue', 'unaudited'] as const).map((f) => (
              <label key={f} className="flex min-h-10 items-center gap-2 text-sm font-medium text-slate-700">
                <input
                  type="checkbox"
                  name={f}
                  value="1"
                  defaultChecked={!!filters[f]}
                  className="h-4 w-4 rounded border-slate-300"
                />
                {t(`projects.only.${f}`)}
              </label>
            ))}
            <div>
              <button type="submit" className={buttonClass('primary')}>
                {t('common.search')}
              </button>
            </div>
          </form>
        </Card>

        <Card title={t('projects.list', { total: list.total })}>
          {list.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t('projects.none')}</p>
          ) : (
            <Table minWidth="64rem">
              <HeadRow>
                <Th>{t('projects.name')}</Th>
                <Th>{t('projects.place')}</Th>
                <Th>{t('projects.kind')}</Th>
                <NumTh>{t('projects.budgetWan')}</NumTh>
                <NumTh>{t('projects.paidWan')}</NumTh>
                <Th>{t('projects.stage')}</Th>
                <Th>{t('projects.plannedEndOn')}</Th>
              </HeadRow>
              <tbody>
                {list.rows.map((p) => (
                  <Row hover key={p.id} data-project={p.id} className={p.overdue ? 'bg-red-50/40' : undefined}>
                    <Td>
                      <TextLink href={`/projects/${p.id}`} className="font-medium">
                        {p.name}
                      </TextLink>
                      <span className="block text-xs text-slate-500">
                        {p.year} · {p.ownerUnit}
                      </span>
                    </Td>
                    <Td className="whitespace-nowrap">{p.place}</Td>
                    <Td className="whitespace-nowrap">{t(`projects.kinds.${p.kind}`)}</Td>
                    <NumCell>{formatWan(p.budgetFen)}</NumCell>
                    <NumCell>{formatWan(p.paidFen)}</NumCell>
                    <Td className="whitespace-nowrap">
                      {t(`projects.stages.${p.stage}`)}
                      {p.stage === 'IN_PROGRESS' && <span className="text-slate-500"> {p.progressPercent}%</span>}
                      {p.unaudited && (
                        <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">
                          {t('projects.unauditedBadge')}
                        </span>
                      )}
                    </Td>
                    <Td className={`whitespace-nowrap tabular-nums ${p.overdue ? 'font-semibold text-red-700' : ''}`}>
                      {p.plannedEndOn}
                      {p.overdue && <span className="ml-1 text-xs">{t('projects.overdueBadge')}</span>}
                    </Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
          <Pagination
            page={list.page}
            pageSize={PROJECT_PAGE_SIZE}
            total={list.total}
            basePath="/projects"
            params={params}
          />
        </Card>
      </div>
    </PageBody>
  );
}
