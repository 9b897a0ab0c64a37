import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { ProjectNav } from '@/components/projects/project-nav';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { queryString } from '@/lib/problems/filters';
import { assetPage, LEDGER_PAGE_SIZE } from '@/lib/projects/data';
import { type ProjectQuery, parseProjectFilters, projectParams } from '@/lib/projects/filters';
import { formatYuan } from '@/lib/projects/rules';
import { chinaYear } from '@/lib/time';

/** The asset ledger (扶贫资产台账): what the filtered projects created, who owns and keeps it, what it returned. */
export default async function AssetsPage({ searchParams }: { searchParams: Promise<ProjectQuery> }) {
  const viewer = await requirePermission('project.view');
  const filters = parseProjectFilters(await searchParams, chinaYear());
  const [ledger, t] = await Promise.all([assetPage(viewer, filters), getTranslations('projects')]);
  const params = projectParams(filters, chinaYear());
  const list = ledger.rows;
  return (
    <PageBody>
      <PageHeader
        title={t('assetsLedgerTitle')}
        description={t('yearLine', { year: filters.year ?? t('allYears') })}
        actions={
          can(viewer.role, 'project.export') ? (
            <a href={`/api/projects/assets?${queryString(params)}`} className={buttonClass('secondary')} download>
              {t('exportAssets')}
            </a>
          ) : undefined
        }
      />
      <ProjectNav current="/projects/assets" />
      <Card
        title={t('assetsTotal', {
          count: ledger.total,
          value: formatYuan(ledger.valueFen),
          income: formatYuan(ledger.incomeFen),
        })}
      >
        {list.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noAssets')}</p>
        ) : (
          <Table minWidth="60rem">
            <HeadRow>
              <Th>{t('assetName')}</Th>
              <Th>{t('assetKind')}</Th>
              <Th>{t('name')}</Th>
              <Th>{t('place')}</Th>
              <Th>{t('assetOwner')}</Th>
              <Th>{t('custodian')}</Th>
              <NumTh>{t('assetValue')}</NumTh>
              <NumTh>{t('incomeYuan')}</NumTh>
            </HeadRow>
            <tbody>
              {list.map((r) => (
                <Row key={r.id} hover>
                  <Td>{r.name}</Td>
                  <Td className="whitespace-nowrap">{t(`assetKinds.${r.kind}`)}</Td>
                  <Td>
                    <TextLink href={`/projects/${r.projectId}`}>{r.projectName}</TextLink>
                  </Td>
                  <Td className="whitespace-nowrap">{r.place}</Td>
                  <Td>{r.ownerName}</Td>
                  <Td>{r.custodian}</Td>
                  <NumCell>{formatYuan(r.valueFen)}</NumCell>
                  <NumCell>{formatYuan(r.incomeFen)}</NumCell>
                </Row>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={ledger.page}
          pageSize={LEDGER_PAGE_SIZE}
          total={ledger.total}
          basePath="/projects/assets"
          params={params}
        />
      </Card>
    </PageBody>
  );
}
