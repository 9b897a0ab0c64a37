import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { parsePage } from '@/lib/http';
import { INSPECTION_PAGE_SIZE, listDiscrepancies } from '@/lib/inspections/data';
import { chinaYear } from '@/lib/time';

export default async function DiscrepanciesPage(props: { searchParams: Promise<{ area?: string; year?: string }> }) {
  const viewer = await requirePermission('inspection.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <DiscrepanciesContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function DiscrepanciesContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ area?: string; year?: string; page?: string }> } & { viewer: Viewer }) {
  const query = await searchParams;
  const thisYear = chinaYear();
  const year = /^\d{4}$/.test(query.year ?? '') && Number(query.year) <= thisYear ? Number(query.year) : thisYear;
  const [data, t, ta] = await Promise.all([
    listDiscrepancies(viewer, { area: query.area, year }),
    getTranslations('inspections'),
    getTranslations('attendance'),
  ]);
  const page = parsePage(query.page);
  const rows = data.rows.slice((page - 1) * INSPECTION_PAGE_SIZE, page * INSPECTION_PAGE_SIZE);
  return (
    <>
      <PageHeader
        title={`${t('discrepancyTitle')}（${year}）`}
        description={t('discrepancyHint')}
        actions={
          <TextLink href="/inspections" className="text-sm">
            ← {t('title')}
          </TextLink>
        }
      />
      <Card title={t('discrepancyCount', { count: data.rows.length })}>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noDiscrepancies')}</p>
        ) : (
          <Table minWidth="40rem">
            <HeadRow>
              <Th>{t('day')}</Th>
              <Th>{t('member')}</Th>
              <Th>{t('village')}</Th>
              <Th>{t('claimed')}</Th>
              <Th>{t('inspection')}</Th>
              <Th>{t('note')}</Th>
            </HeadRow>
            <tbody>
              {rows.map((r) => (
                <Row key={r.id} data-discrepancy={r.id}>
                  <Td className="tabular-nums">{r.day}</Td>
                  <Td>
                    <TextLink href={`/teams/people/${r.cadreId}?year=${year}`} className="font-medium">
                      {r.name}
                    </TextLink>
                  </Td>
                  <Td>
                    {r.township} {r.village}
                  </Td>
                  <Td className="font-semibold text-red-700">{r.claimed ? ta(`kinds.${r.claimed}`) : '—'}</Td>
                  <Td>
                    <TextLink href={`/inspections/${r.inspectionId}`}>{t(`kinds.${r.inspectionKind}`)}</TextLink>
                  </Td>
                  <Td className="text-slate-600">{r.note ?? ''}</Td>
                </Row>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={page}
          pageSize={INSPECTION_PAGE_SIZE}
          total={data.rows.length}
          basePath="/inspections/discrepancies"
          params={{ area: query.area, year: year === thisYear ? undefined : String(year) }}
        />
      </Card>
    </>
  );
}
