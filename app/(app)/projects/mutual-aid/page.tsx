import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { ProjectNav } from '@/components/projects/project-nav';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { mutualOverview } from '@/lib/projects/data';
import { formatWan } from '@/lib/projects/rules';

/** Village mutual-aid funds (互助资金) of the area: capital against the minimum (seed 001), loans owed and overdue. */
export default async function MutualAidPage({ searchParams }: { searchParams: Promise<{ area?: string }> }) {
  const viewer = await requirePermission('project.view');
  const { area } = await searchParams;
  const [view, t] = await Promise.all([mutualOverview(viewer, area), getTranslations('projects')]);
  const short = view.villages.filter((v) => v.short).length;
  const overdue = view.villages.reduce((s, v) => s + v.overdueLoans, 0);
  const capital = view.villages.reduce((s, v) => s + v.capitalFen, 0n);
  const outstanding = view.villages.reduce((s, v) => s + v.outstandingFen, 0n);
  return (
    <PageBody>
      <PageHeader title={t('mutualTitle')} description={t('mutualHint')} />
      <ProjectNav current="/projects/mutual-aid" />
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={t('capitalWan')} value={formatWan(capital)} />
          <Stat label={t('outstandingWan')} value={formatWan(outstanding)} />
          <Stat label={t('overdueLoans')} value={<span className={overdue ? 'text-red-700' : ''}>{overdue}</span>} />
          <Stat
            label={t('villagesShort')}
            value={
              <span className={short ? 'text-red-700' : ''} data-testid="mutual-short">
                {short}
              </span>
            }
          />
        </div>
        <Card>
          {view.villages.length === 0 ? (
            <p className="text-sm text-slate-600">{t('none')}</p>
          ) : (
            <Table minWidth="48rem">
              <HeadRow>
                <Th>{t('village')}</Th>
                <NumTh>{t('capitalWan')}</NumTh>
                <NumTh>{t('outstandingWan')}</NumTh>
                <NumTh>{t('availableWan')}</NumTh>
                <NumTh>{t('loans')}</NumTh>
                <NumTh>{t('overdueLoans')}</NumTh>
              </HeadRow>
              <tbody>
                {view.villages.map((v) => (
                  <Row key={v.code} hover data-village={v.code}>
                    <Td>
                      <TextLink href={`/projects/mutual-aid/${v.code}`}>{v.place}</TextLink>
                      {v.poor && <span className="ml-1 text-xs text-slate-500">{t('poorVillage')}</span>}
                    </Td>
                    <Td className={`text-right tabular-nums ${v.short ? 'font-semibold text-red-700' : ''}`}>
                      {formatWan(v.capitalFen)}
                      {v.short && <span className="ml-1 text-xs">{t('belowMin', { min: formatWan(v.minFen) })}</span>}
                    </Td>
                    <NumCell>{formatWan(v.outstandingFen)}</NumCell>
                    <NumCell>{formatWan(v.availableFen)}</NumCell>
                    <NumCell>{v.loans}</NumCell>
                    <Td className={`text-right tabular-nums ${v.overdueLoans ? 'font-semibold text-red-700' : ''}`}>
                      {v.overdueLoans}
                    </Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </PageBody>
  );
}
