import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { ProjectNav } from '@/components/projects/project-nav';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { queryString } from '@/lib/problems/filters';
import { LEDGER_PAGE_SIZE, paymentPage } from '@/lib/projects/data';
import { type ProjectQuery, parseProjectFilters, projectParams } from '@/lib/projects/filters';
import { formatYuan } from '@/lib/projects/rules';
import { chinaYear } from '@/lib/time';

/** The disbursement ledger (资金拨付台账): every voucher of the filtered projects, the total equal to the overview's. */
export default async function PaymentsPage({ searchParams }: { searchParams: Promise<ProjectQuery> }) {
  const viewer = await requirePermission('project.view');
  const filters = parseProjectFilters(await searchParams, chinaYear());
  const [ledger, t] = await Promise.all([paymentPage(viewer, filters), getTranslations('projects')]);
  const params = projectParams(filters, chinaYear());
  const list = ledger.rows;
  return (
    <PageBody>
      <PageHeader
        title={t('paymentsTitle')}
        description={t('yearLine', { year: filters.year ?? t('allYears') })}
        actions={
          can(viewer.role, 'project.export') ? (
            <a href={`/api/projects/payments?${queryString(params)}`} className={buttonClass('secondary')} download>
              {t('exportPayments')}
            </a>
          ) : undefined
        }
      />
      <ProjectNav current="/projects/payments" />
      <Card title={t('paymentsTotal', { count: ledger.total, amount: formatYuan(ledger.amountFen) })}>
        {list.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noPayments')}</p>
        ) : (
          <Table minWidth="60rem">
            <HeadRow>
              <Th>{t('paidOn')}</Th>
              <Th>{t('voucherNo')}</Th>
              <Th>{t('name')}</Th>
              <Th>{t('place')}</Th>
              <Th>{t('source')}</Th>
              <Th>{t('paymentKind')}</Th>
              <Th>{t('payee')}</Th>
              <NumTh>{t('amountYuan')}</NumTh>
            </HeadRow>
            <tbody>
              {list.map((r) => (
                <Row key={r.id} hover>
                  <Td className="whitespace-nowrap tabular-nums">{r.paidOn}</Td>
                  <Td className="whitespace-nowrap">{r.voucherNo}</Td>
                  <Td>
                    <TextLink href={`/projects/${r.projectId}`}>{r.projectName}</TextLink>
                  </Td>
                  <Td className="whitespace-nowrap">{r.place}</Td>
                  <Td className="whitespace-nowrap">{t(`sources.${r.source}`)}</Td>
                  <Td className="whitespace-nowrap">{t(`paymentKinds.${r.kind}`)}</Td>
                  <Td>{r.payee}</Td>
                  <Td className={`text-right tabular-nums ${r.amountFen < 0n ? 'text-red-700' : ''}`}>
                    {formatYuan(r.amountFen)}
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
          basePath="/projects/payments"
          params={params}
        />
      </Card>
    </PageBody>
  );
}
