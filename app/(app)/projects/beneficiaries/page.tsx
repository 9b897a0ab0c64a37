import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { ProjectNav } from '@/components/projects/project-nav';
import { Card, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { beneficiaryPage, LEDGER_PAGE_SIZE } from '@/lib/projects/data';
import { type ProjectQuery, parseProjectFilters, projectParams } from '@/lib/projects/filters';
import { chinaYear } from '@/lib/time';

/** Households of the area benefiting from the filtered projects: the list behind the overview's figure. */
export default async function BeneficiariesPage({ searchParams }: { searchParams: Promise<ProjectQuery> }) {
  const viewer = await requirePermission('project.view');
  const filters = parseProjectFilters(await searchParams, chinaYear());
  const [ledger, t] = await Promise.all([beneficiaryPage(viewer, filters), getTranslations('projects')]);
  const list = ledger.rows;
  return (
    <PageBody>
      <PageHeader
        title={t('beneficiariesPageTitle')}
        description={t('yearLine', { year: filters.year ?? t('allYears') })}
      />
      <ProjectNav current="/projects/beneficiaries" />
      <Card title={t('householdsCount', { count: ledger.total })}>
        {list.length === 0 ? (
          <p className="text-sm text-slate-600">{t('none')}</p>
        ) : (
          <Table minWidth="40rem">
            <HeadRow>
              <Th>{t('household')}</Th>
              <Th>{t('place')}</Th>
              <Th>{t('projects')}</Th>
            </HeadRow>
            <tbody>
              {list.map((h) => (
                <Row key={h.id} hover data-household={h.id}>
                  <Td>
                    <TextLink href={`/households/${h.id}`}>{h.headName}</TextLink>
                  </Td>
                  <Td className="whitespace-nowrap">{h.place}</Td>
                  <Td>
                    {h.projects.map((p, i) => (
                      <span key={p.id}>
                        {i > 0 && '、'}
                        <TextLink href={`/projects/${p.id}`}>{p.name}</TextLink>（
                        {t(`mechanisms.${p.mechanism as 'DIVIDEND'}`)}）
                      </span>
                    ))}
                  </Td>
                </Row>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={ledger.page}
          pageSize={LEDGER_PAGE_SIZE}
          total={ledger.total}
          basePath="/projects/beneficiaries"
          params={projectParams(filters, chinaYear())}
        />
      </Card>
    </PageBody>
  );
}
