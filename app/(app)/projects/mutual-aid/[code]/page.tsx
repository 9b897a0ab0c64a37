import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { CapitalForm, LoanForm, RepayForm } from '@/components/projects/mutual-forms';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { mutualVillage } from '@/lib/projects/data';
import { formatYuan } from '@/lib/projects/rules';

/** One village's mutual-aid fund: capital, loans with repayments, and the forms to keep them. */
export default async function MutualVillagePage({ params }: { params: Promise<{ code: string }> }) {
  const viewer = await requirePermission('project.view');
  const { code } = await params;
  const [v, t] = await Promise.all([mutualVillage(viewer, code), getTranslations('projects')]);
  return (
    <PageBody>
      <PageHeader
        title={t('mutualVillageTitle', { village: v.place })}
        actions={<TextLink href="/projects/mutual-aid">{t('backToList')}</TextLink>}
      />
      <div className="space-y-4">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Stat label={t('capitalYuan')} value={formatYuan(v.capitalFen)} />
          <Stat label={t('outstandingYuan')} value={formatYuan(v.outstandingFen)} />
          <Stat
            label={t('availableYuan')}
            value={<span data-testid="mutual-available">{formatYuan(v.availableFen)}</span>}
          />
        </div>
        <Card title={t('capitalEntries')}>
          <ul className="mb-3 space-y-1 text-sm">
            {v.capital.map((c) => (
              <li key={c.id}>
                <span className="tabular-nums">{c.receivedOn}</span> · {c.source} · {formatYuan(c.amountFen)}{' '}
                {t('yuan')}
              </li>
            ))}
          </ul>
          {v.mayManage && <CapitalForm villageCode={v.code} today={v.today} />}
        </Card>
        <Card title={t('loansTitle', { count: v.loans.length })}>
          {v.loans.length > 0 && (
            <Table minWidth="44rem">
              <HeadRow>
                <Th>{t('household')}</Th>
                <NumTh>{t('amountYuan')}</NumTh>
                <NumTh>{t('repaidYuan')}</NumTh>
                <Th>{t('lentOn')}</Th>
                <Th>{t('dueOn')}</Th>
                {v.mayManage && <Th>{t('repay')}</Th>}
              </HeadRow>
              <tbody>
                {v.loans.map((l) => (
                  <Row key={l.id} data-loan={l.id} className={l.overdue ? 'bg-red-50/40' : undefined}>
                    <Td>{l.headName}</Td>
                    <NumCell>{formatYuan(l.amountFen)}</NumCell>
                    <NumCell>{formatYuan(l.repaidFen)}</NumCell>
                    <Td className="tabular-nums">{l.lentOn}</Td>
                    <Td className={`tabular-nums ${l.overdue ? 'font-semibold text-red-700' : ''}`}>
                      {l.dueOn}
                      {l.overdue && <span className="ml-1 text-xs">{t('overdueBadge')}</span>}
                    </Td>
                    {v.mayManage && (
                      <Td>
                        {l.repaidFen < l.amountFen ? <RepayForm loanId={l.id} today={v.today} /> : t('repaidInFull')}
                      </Td>
                    )}
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
          {v.mayManage && (
            <div className="mt-4">
              <LoanForm villageCode={v.code} households={v.households} today={v.today} />
            </div>
          )}
        </Card>
      </div>
    </PageBody>
  );
}
