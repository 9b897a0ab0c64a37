import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PlanInspectionForm } from '@/components/inspections/inspection-forms';
import { OversightPaceCard } from '@/components/inspections/oversight-pace';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parsePage } from '@/lib/http';
import { INSPECTION_PAGE_SIZE, listInspections, oversightPace, planOptions } from '@/lib/inspections/data';
import { chinaToday } from '@/lib/time';

export default async function InspectionsPage(props: {
  searchParams: Promise<{ area?: string; year?: string; page?: string }>;
}) {
  const viewer = await requirePermission('inspection.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <InspectionsContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function InspectionsContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ area?: string; year?: string; page?: string }> } & { viewer: Viewer }) {
  const query = await searchParams;
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const year = /^\d{4}$/.test(query.year ?? '') && Number(query.year) <= thisYear ? Number(query.year) : thisYear;
  const [data, pace, options, t] = await Promise.all([
    listInspections(viewer, { area: query.area, year, page: parsePage(query.page) }),
    oversightPace(viewer, { area: query.area, year }),
    can(viewer.role, 'inspection.plan') ? planOptions(viewer) : null, // the plan form only for inspectors
    getTranslations('inspections'),
  ]);
  const area = query.area ? `&area=${data.area}` : '';
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/inspections/discrepancies?year=${year}${area}`} className={buttonClass('secondary')}>
              {t('discrepancyTitle')}
            </Link>
            <Link href={`/inspections/follow-ups?year=${year}${area}`} className={buttonClass('secondary')}>
              {t('followUps')}
            </Link>
            <Link
              href={`/inspections/notice?from=${year}-01-01&to=${today < `${year}-12-31` ? today : `${year}-12-31`}${area}`}
              className={buttonClass('secondary')}
            >
              {t('notice')}
            </Link>
            <Link href="/assessment" className={buttonClass('secondary')}>
              {t('assessment')}
            </Link>
          </div>
        }
      />
      <div className="space-y-4">
        {pace && <OversightPaceCard pace={pace} />}
        {options && (
          <Card title={t('plan')}>
            <PlanInspectionForm areas={options.areas} units={options.units} today={today} />
          </Card>
        )}
        <Card
          title={t('list', { year })}
          actions={
            <div className="flex gap-3 text-sm">
              <TextLink href={`/inspections?year=${year - 1}${area}`}>{year - 1}</TextLink>
              {year < thisYear && <TextLink href={`/inspections?year=${year + 1}${area}`}>{year + 1}</TextLink>}
            </div>
          }
        >
          {data.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t('none')}</p>
          ) : (
            <Table minWidth="44rem">
              <HeadRow>
                <Th>{t('plannedOn')}</Th>
                <Th>{t('kind')}</Th>
                <Th>{t('villages')}</Th>
                <NumTh>{t('findings')}</NumTh>
                <NumTh>{t('checks')}</NumTh>
                <NumTh>{t('discrepancies')}</NumTh>
                <Th>{t('status')}</Th>
              </HeadRow>
              <tbody>
                {data.rows.map((r) => (
                  <Row hover key={r.id} data-inspection={r.id}>
                    <Td>
                      <TextLink href={`/inspections/${r.id}`} className="font-medium">
                        {r.plannedOn}
                      </TextLink>
                    </Td>
                    <Td>{t(`kinds.${r.kind}`)}</Td>
                    <Td>{r.villages.join('、')}</Td>
                    <NumCell>{r.findings}</NumCell>
                    <NumCell>{r.checks}</NumCell>
                    <Td className={`text-right tabular-nums ${r.discrepancies ? 'font-semibold text-red-700' : ''}`}>
                      {r.discrepancies}
                    </Td>
                    <Td>
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs ${r.status === 'DONE' ? 'bg-slate-100 text-slate-700' : 'bg-amber-50 text-amber-800'}`}
                      >
                        {t(`statuses.${r.status}`)}
                      </span>
                    </Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
          <Pagination
            page={data.page}
            pageSize={INSPECTION_PAGE_SIZE}
            total={data.total}
            basePath="/inspections"
            params={{ area: query.area, year: year === thisYear ? undefined : String(year) }}
          />
        </Card>
      </div>
    </>
  );
}
