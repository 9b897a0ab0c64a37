import { getTranslations } from 'next-intl/server';
import { CompliancePeopleTable } from '@/components/attendance/compliance-people-table';
import { PageBody } from '@/components/layout/page-body';
import { Breadcrumb } from '@/components/regions/breadcrumb';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, NumCell, NumTh, Row, SortTh, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { YearPicker } from '@/components/ui/year-picker';
import { COMPLIANCE_FILTERS, type ComplianceRow, compliance } from '@/lib/attendance/data';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { parsePage } from '@/lib/http';
import { policyValuesFor } from '@/lib/policy/data';
import { regionTrail } from '@/lib/regions/data';
import { chinaYear } from '@/lib/time';

const PAGE_SIZE = 50;

// Sorts of the people list besides the default (worst first): by name and village (as written), by days and
// nights done (fewest first), by shortfall (largest first).
const SORTS = ['name', 'village', 'days', 'nights', 'shortfall'] as const;
type Sort = (typeof SORTS)[number];
const byText = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
const SORTERS: Record<Sort, (a: ComplianceRow, b: ComplianceRow) => number> = {
  name: (a, b) => byText(a.name, b.name),
  village: (a, b) => a.villageCode.localeCompare(b.villageCode) || byText(a.name, b.name),
  days: (a, b) => a.summary.days.done - b.summary.days.done,
  nights: (a, b) => a.summary.nights.done - b.summary.nights.done,
  shortfall: (a, b) =>
    b.summary.days.shortfall + b.summary.nights.shortfall - (a.summary.days.shortfall + a.summary.nights.shortfall),
};

export default async function CompliancePage(props: {
  searchParams: Promise<{ area?: string; year?: string; status?: string; sort?: string; page?: string }>;
}) {
  const viewer = await requirePermission('team.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <ComplianceContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function ComplianceContent({
  viewer,
  searchParams,
}: {
  searchParams: Promise<{ area?: string; year?: string; status?: string; sort?: string; page?: string }>;
} & { viewer: Viewer }) {
  const query = await searchParams;
  const thisYear = chinaYear();
  const year =
    query.year && /^\d{4}$/.test(query.year) && Number(query.year) <= thisYear ? Number(query.year) : thisYear;
  const everyone = query.status === 'all';
  const filter = COMPLIANCE_FILTERS.find((f) => f === query.status) ?? 'SHORT';
  const table = await compliance(viewer, { area: query.area, year, status: everyone ? undefined : filter });
  const t = await getTranslations();
  const [policy, trail] = await Promise.all([
    policyValuesFor(table.area.slice(0, 6), year),
    regionTrail(viewer, table.area),
  ]);
  const areaName = trail.at(-1)?.name ?? viewer.scopeName;
  const page = parsePage(query.page);
  const sort = SORTS.find((key) => key === query.sort);
  const sorted = sort ? [...table.people].sort(SORTERS[sort]) : table.people; // by default worst first
  const people = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const href = (params: Record<string, string | undefined>) =>
    `/teams/compliance?${new URLSearchParams(Object.entries({ area: query.area, year: String(year), status: query.status, sort: query.sort, ...params }).filter((e): e is [string, string] => !!e[1]))}`;
  const sortTh = (key: Sort, label: string, numeric = false) => (
    <SortTh
      label={label}
      href={href({ sort: key === sort ? undefined : key, page: undefined })}
      active={key === sort}
      descending={key === 'shortfall'}
      numeric={numeric}
    />
  );
  const ok = (g: { byStatus: Record<string, number> }) => g.byStatus.MET + g.byStatus.ON_TRACK;
  const missing = (g: { byStatus: Record<string, number> }) => g.byStatus.WILL_MISS + g.byStatus.MISSED;
  return (
    <>
      <Breadcrumb
        trail={trail}
        label={t('regions.breadcrumb')}
        href={(code) => href({ area: code, page: undefined })}
      />
      <PageHeader
        title={`${areaName} · ${t('attendance.complianceTitle')}`}
        description={t('attendance.complianceHint', {
          year,
          days: policy.villageDaysPerYear,
          nights: policy.villageNightsPerYear,
        })}
        actions={
          <YearPicker
            action="/teams/compliance"
            year={year}
            years={Array.from({ length: 10 }, (_, i) => thisYear - i)}
            keep={{ area: query.area, status: query.status, sort: query.sort }}
          />
        }
      />
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-6">
          <Stat label={t('attendance.people')} value={table.total.people} />
          <Stat
            label={t('common.pair', { a: t('attendance.statuses.MET'), b: t('attendance.statuses.ON_TRACK') })}
            value={ok(table.total)}
          />
          <Stat
            label={t('attendance.statuses.AT_RISK')}
            value={
              <span className={table.total.byStatus.AT_RISK ? 'text-amber-700' : ''}>
                {table.total.byStatus.AT_RISK}
              </span>
            }
          />
          <Stat
            label={t('common.pair', { a: t('attendance.statuses.WILL_MISS'), b: t('attendance.statuses.MISSED') })}
            value={<span className={missing(table.total) ? 'text-red-700' : ''}>{missing(table.total)}</span>}
          />
          <Stat label={t('attendance.marked')} value={table.total.marked} />
          <Stat
            label={t('attendance.monthRuleStat')}
            value={
              <TextLink href={href({ status: 'MONTH_MISSED', page: undefined })}>
                <span className={table.total.monthMissed ? 'text-red-700' : ''}>
                  {table.total.monthMissed}/{table.total.monthRule}
                </span>
              </TextLink>
            }
          />
        </div>
        <p className="text-sm text-slate-600">{t('attendance.monthRuleHint', { days: policy.leaderDaysPerMonth })}</p>
        {table.groups.length > 1 && (
          <Card>
            <Table minWidth="36rem">
              <HeadRow>
                <Th>{t('attendance.area')}</Th>
                <NumTh>{t('attendance.people')}</NumTh>
                <NumTh>{t('attendance.statuses.ON_TRACK')}</NumTh>
                <NumTh>{t('attendance.statuses.AT_RISK')}</NumTh>
                <NumTh>{t('attendance.statuses.WILL_MISS')}</NumTh>
                <NumTh>{t('attendance.marked')}</NumTh>
                <NumTh>{t('attendance.monthRuleStat')}</NumTh>
              </HeadRow>
              <tbody>
                {table.groups.map((g) => (
                  <Row hover key={g.code} data-area={g.code}>
                    <Td>
                      {g.code.length < 12 ? (
                        <TextLink href={href({ area: g.code, page: undefined })}>{g.name}</TextLink>
                      ) : (
                        g.name
                      )}
                    </Td>
                    <NumCell>{g.people}</NumCell>
                    <NumCell>{ok(g)}</NumCell>
                    <Td className={`text-right tabular-nums ${g.byStatus.AT_RISK ? 'text-amber-700' : ''}`}>
                      {g.byStatus.AT_RISK}
                    </Td>
                    <Td className={`text-right tabular-nums ${missing(g) ? 'font-semibold text-red-700' : ''}`}>
                      {missing(g)}
                    </Td>
                    <NumCell>{g.marked}</NumCell>
                    <Td className={`text-right tabular-nums ${g.monthMissed ? 'font-semibold text-red-700' : ''}`}>
                      {g.monthMissed}/{g.monthRule}
                    </Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          </Card>
        )}
        <Card
          title={`${everyone ? t('attendance.allPeople') : t(`attendance.filters.${filter}`)}（${table.people.length}）`}
          actions={
            <div className="flex flex-wrap items-center gap-3">
              <TextLink href={href({ status: everyone ? undefined : 'all', page: undefined })} className="text-sm">
                {everyone ? t('attendance.onlyShort') : t('attendance.allPeople')}
              </TextLink>
              <a
                href={`/api/attendance/compliance?${new URLSearchParams({ area: table.area, year: String(year), status: query.status ?? '' })}`}
                className={buttonClass('secondary')}
                download
              >
                {t('attendance.exportCompliance')}
              </a>
            </div>
          }
        >
          {people.length === 0 ? (
            <p className="text-sm text-slate-600">{t('attendance.noRows')}</p>
          ) : (
            <CompliancePeopleTable
              head={
                <>
                  {sortTh('name', t('teams.name'))}
                  {sortTh('village', t('teams.village'))}
                  <Th>{t('teams.role')}</Th>
                  {sortTh('days', t('attendance.days'), true)}
                  {sortTh('nights', t('attendance.nights'), true)}
                  <NumTh>{t('attendance.projected')}</NumTh>
                  {sortTh('shortfall', t('attendance.shortfall'), true)}
                  <NumTh>{t('attendance.marked')}</NumTh>
                  <Th>{t('attendance.status')}</Th>
                  <Th>{t('attendance.monthRule')}</Th>
                </>
              }
              rows={people.map((p) => ({
                postingId: p.postingId,
                href: `/teams/people/${p.cadreId}?year=${year}`,
                name: p.name,
                place: `${p.townshipName} ${p.villageName}`,
                role: t(`teams.roles.${p.role}`),
                days: `${p.summary.days.done}/${p.summary.days.required}`,
                nights: `${p.summary.nights.done}/${p.summary.nights.required}`,
                projected: `${p.summary.days.projected ?? '—'}/${p.summary.nights.projected ?? '—'}`,
                shortfall: `${p.summary.days.shortfall}/${p.summary.nights.shortfall}`,
                marked: p.marked,
                status: p.summary.status,
                statusLabel: t(`attendance.statuses.${p.summary.status}`),
                monthCurrent: p.monthRule?.current
                  ? `${t('attendance.monthRuleCurrent', { done: p.monthRule.current.done, required: p.monthRule.current.required })} · ${t(`attendance.leaderStatuses.${p.monthRule.current.status}`)}`
                  : null,
                monthMissed: p.monthRule
                  ? {
                      text: t('attendance.monthRuleMissed', { missed: p.monthRule.missed }),
                      red: p.monthRule.missed > 0,
                    }
                  : null,
              }))}
            />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={table.people.length}
            basePath="/teams/compliance"
            params={{ area: query.area, year: String(year), status: query.status, sort: query.sort }}
          />
        </Card>
      </div>
    </>
  );
}
