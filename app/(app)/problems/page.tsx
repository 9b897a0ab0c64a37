import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageBody } from '@/components/layout/page-body';
import { RememberList } from '@/components/layout/remembered-list';
import { OpenProblemForm } from '@/components/problems/open-form';
import { OverdueBadge, ProblemStatusBadge } from '@/components/problems/problem-badge';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, NumCell, NumTh, Row, SortTh, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { PROBLEM_CATEGORIES, PROBLEM_SOURCES, PROBLEM_STATUSES, URGENCIES } from '@/lib/enums';
import { formatPercent } from '@/lib/figures/rules';
import { ledgerCounts, listProblems, PROBLEM_PAGE_SIZE, reportVillageOptions } from '@/lib/problems/data';
import { type FilterQuery, filterParams, parseFilters, queryString } from '@/lib/problems/filters';
import { regionTrail } from '@/lib/regions/data';
import { chinaToday } from '@/lib/time';

const short = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

export default async function ProblemsPage(props: { searchParams: Promise<FilterQuery> }) {
  const viewer = await requirePermission('problem.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <ClientMessages namespaces={['monitoring']}>
      <PageBody>
        <ProblemsContent {...props} viewer={viewer} />
      </PageBody>
    </ClientMessages>
  );
}

async function ProblemsContent({ viewer, searchParams }: { searchParams: Promise<FilterQuery> } & { viewer: Viewer }) {
  const query = await searchParams;
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const filters = parseFilters(query, thisYear);
  const [counts, list, t] = await Promise.all([
    ledgerCounts(viewer, filters),
    listProblems(viewer, filters),
    getTranslations(),
  ]);
  const mayReport = can(viewer.role, 'problem.report');
  const [trail, villages] = await Promise.all([
    regionTrail(viewer, counts.area),
    mayReport ? reportVillageOptions(viewer) : [],
  ]);
  const params = filterParams({ ...filters, area: counts.area === viewer.scopeCode ? undefined : counts.area });
  const href = (change: Record<string, string | undefined>) => `/problems?${queryString({ ...params, ...change })}`;
  const total = counts.total;
  const filtered = !!(
    filters.status ||
    filters.category ||
    filters.urgency ||
    filters.source ||
    filters.open ||
    filters.overdue ||
    filters.year
  );
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const red = (n: number) => (n > 0 ? 'font-semibold text-red-700' : '');
  return (
    <>
      <RememberList path="/problems" />
      <PageHeader
        title={t('problems.title')}
        description={
          <span role="group" className="flex flex-wrap items-center gap-1" aria-label={t('problems.area')}>
            {trail.map((r, i) => (
              <span key={r.code}>
                {i > 0 && (
                  <span aria-hidden className="px-1 text-slate-500">
                    ›
                  </span>
                )}
                {r.code === counts.area ? (
                  <span className="font-medium text-slate-800">{r.name}</span>
                ) : (
                  <TextLink href={href({ area: r.code === viewer.scopeCode ? undefined : r.code })}>{r.name}</TextLink>
                )}
              </span>
            ))}
            <span className="pl-2 text-slate-500">· {t('problems.rateHint')}</span>
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {mayReport && villages.length > 0 && (
              <a href="#new" className={buttonClass('primary')}>
                {t('problems.newProblem')}
              </a>
            )}
            {can(viewer.role, 'problem.export') && (
              <a
                href={`/api/problems/ledger?${queryString(params)}`}
                className={buttonClass('secondary')}
                download
                data-testid="problem-export"
              >
                {t('problems.export')}
              </a>
            )}
          </div>
        }
      />
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
          <Stat label={t('problems.found')} value={total.found} />
          <Stat
            label={t('problems.struckOff')}
            value={total.struckOff}
            hint={total.solved ? `${t('problems.solved')} ${total.solved}` : undefined}
          />
          <Stat
            label={t('problems.open')}
            value={total.open}
            hint={total.escalated ? `${t('problems.escalated')} ${total.escalated}` : undefined}
          />
          <Stat
            label={t('problems.overdue')}
            value={
              <span className={total.overdue ? 'text-red-700' : ''} data-testid="problem-overdue">
                {total.overdue}
              </span>
            }
          />
          <Stat
            label={t('problems.rate')}
            value={<span data-testid="problem-rate">{formatPercent(total.rate)}</span>}
          />
        </div>

        {counts.area.length < 12 && counts.groups.length > 0 && (
          <Card>
            <Table minWidth="36rem">
              <HeadRow>
                <Th>{t('problems.area')}</Th>
                <NumTh>{t('problems.found')}</NumTh>
                <NumTh>{t('problems.solved')}</NumTh>
                <NumTh>{t('problems.struckOff')}</NumTh>
                <NumTh>{t('problems.open')}</NumTh>
                <NumTh>{t('problems.overdue')}</NumTh>
                <NumTh>{t('problems.rate')}</NumTh>
              </HeadRow>
              <tbody>
                {counts.groups.map((g) => (
                  <Row hover key={g.code} data-area={g.code}>
                    <Td>
                      <TextLink href={href({ area: g.code })}>{g.name}</TextLink>
                    </Td>
                    <NumCell>{g.found}</NumCell>
                    <NumCell>{g.solved}</NumCell>
                    <NumCell>{g.struckOff}</NumCell>
                    <NumCell>{g.open}</NumCell>
                    <Td className={`text-right tabular-nums ${red(g.overdue)}`}>
                      {g.overdue > 0 && (
                        <span aria-hidden className="mr-1">
                          ●
                        </span>
                      )}
                      {g.overdue}
                    </Td>
                    <NumCell>{formatPercent(g.rate)}</NumCell>
                  </Row>
                ))}
              </tbody>
              <tfoot className="font-medium">
                <tr>
                  <Td>{t('common.total')}</Td>
                  <NumCell>{total.found}</NumCell>
                  <NumCell>{total.solved}</NumCell>
                  <NumCell>{total.struckOff}</NumCell>
                  <NumCell>{total.open}</NumCell>
                  <Td className={`text-right tabular-nums ${red(total.overdue)}`}>{total.overdue}</Td>
                  <NumCell>{formatPercent(total.rate)}</NumCell>
                </tr>
              </tfoot>
            </Table>
          </Card>
        )}

        <Card title={t('problems.filters')}>
          <form
            method="get"
            action="/problems"
            className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-8 lg:items-end"
          >
            {params.area && <input type="hidden" name="area" value={params.area} />}
            {params.sort && <input type="hidden" name="sort" value={params.sort} />}
            <SelectField
              id="filter-status"
              name="status"
              label={t('problems.status')}
              defaultValue={filters.status ?? ''}
            >
              <option value="">{t('problems.all')}</option>
              {PROBLEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`problems.statuses.${s}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="filter-category"
              name="category"
              label={t('problems.category')}
              defaultValue={filters.category ?? ''}
            >
              <option value="">{t('problems.all')}</option>
              {PROBLEM_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`problems.categories.${c}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="filter-urgency"
              name="urgency"
              label={t('problems.urgency')}
              defaultValue={filters.urgency ?? ''}
            >
              <option value="">{t('problems.all')}</option>
              {URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {t(`problems.urgencies.${u}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="filter-source"
              name="source"
              label={t('problems.source')}
              defaultValue={filters.source ?? ''}
            >
              <option value="">{t('problems.all')}</option>
              {PROBLEM_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`problems.sources.${s}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="filter-year"
              name="year"
              label={t('problems.year')}
              defaultValue={filters.year ? String(filters.year) : ''}
            >
              <option value="">{t('problems.allYears')}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </SelectField>
            <label className="flex min-h-10 items-center gap-2 text-sm font-medium text-slate-700">
              <input
                type="checkbox"
                id="filter-open"
                name="open"
                value="1"
                defaultChecked={!!filters.open}
                className="h-4 w-4 rounded border-slate-300"
              />
              {t('problems.onlyOpen')}
            </label>
            <label className="flex min-h-10 items-center gap-2 text-sm font-medium text-slate-700">
              <input
                type="checkbox"
                id="filter-overdue"
                name="overdue"
                value="1"
                defaultChecked={!!filters.overdue}
                className="h-4 w-4 rounded border-slate-300"
              />
              {t('problems.onlyOverdue')}
            </label>
            <div className="col-span-2 flex flex-wrap items-center gap-3 sm:col-span-1">
              <button type="submit" className={buttonClass('primary')}>
                {t('common.search')}
              </button>
              {filtered && (
                <TextLink href={`/problems?${queryString({ area: params.area })}`} className="text-sm">
                  {t('problems.clearFilters')}
                </TextLink>
              )}
            </div>
          </form>
        </Card>

        <Card title={t('problems.list', { total: list.total })}>
          {list.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t('problems.noProblems')}</p>
          ) : (
            <Table minWidth="60rem">
              <HeadRow>
                <SortTh
                  label={t('problems.foundOn')}
                  href={href({ sort: undefined, page: undefined })}
                  active={!filters.sort}
                  descending
                />
                <SortTh
                  label={t('problems.village')}
                  href={href({ sort: 'village', page: undefined })}
                  active={filters.sort === 'village'}
                />
                <Th>{t('problems.household')}</Th>
                <Th>{t('problems.category')}</Th>
                <Th>{t('problems.description')}</Th>
                <SortTh
                  label={t('problems.deadline')}
                  href={href({ sort: 'deadline', page: undefined })}
                  active={filters.sort === 'deadline'}
                />
                <Th>{t('problems.status')}</Th>
                <Th className="relative">
                  <span className="sr-only">{t('problems.view')}</span>
                </Th>
              </HeadRow>
              <tbody>
                {list.rows.map((p) => (
                  <Row hover key={p.id} className={p.overdue ? 'bg-red-50/40' : undefined} data-problem={p.id}>
                    <Td className="whitespace-nowrap tabular-nums">{p.foundOn}</Td>
                    <Td className="whitespace-nowrap">{p.villageName}</Td>
                    <Td className="whitespace-nowrap">
                      {p.household ? (
                        <TextLink href={`/households/${p.household.id}`}>{p.household.headName}</TextLink>
                      ) : (
                        <span className="text-slate-500">{t('problems.villageLevel')}</span>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">{t(`problems.categories.${p.category}`)}</Td>
                    <Td title={p.description}>
                      <Link href={`/problems/${p.id}`} className="hover:underline">
                        {short(p.description)}
                      </Link>
                    </Td>
                    <Td className="whitespace-nowrap tabular-nums">
                      <span className={p.overdue ? 'font-semibold text-red-700' : ''}>{p.deadline}</span>{' '}
                      {p.overdue && <OverdueBadge />}
                    </Td>
                    <Td>
                      <ProblemStatusBadge status={p.status} />
                    </Td>
                    <Td>
                      <TextLink href={`/problems/${p.id}`} className="whitespace-nowrap font-medium">
                        {t('problems.view')}
                      </TextLink>
                    </Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
          <Pagination
            page={list.page}
            pageSize={PROBLEM_PAGE_SIZE}
            total={list.total}
            basePath="/problems"
            params={params}
          />
        </Card>

        {mayReport && villages.length > 0 && (
          <div id="new" className="scroll-mt-4">
            <Card title={t('problems.newProblem')}>
              <OpenProblemForm villages={villages} />
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
