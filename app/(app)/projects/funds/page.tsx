import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { FundYearForm } from '@/components/projects/money-forms';
import { ProjectNav } from '@/components/projects/project-nav';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { YearPicker } from '@/components/ui/year-picker';
import { requirePermission } from '@/lib/auth/guard';
import { formatPercent } from '@/lib/figures/rules';
import { fundYearView } from '@/lib/projects/data';
import { formatWan, formatYuan } from '@/lib/projects/rules';
import { chinaYear } from '@/lib/time';

const plain = (fen: bigint) => (fen === 0n ? '' : formatYuan(fen).replace(/,/g, ''));

/** The county's shares of a year (seed 001): special poverty budget against new local revenue, poverty spending against county spending. */
export default async function FundsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const viewer = await requirePermission('project.view');
  const query = await searchParams;
  const thisYear = chinaYear();
  const year =
    query.year && /^\d{4}$/.test(query.year) && Number(query.year) <= thisYear + 1 ? Number(query.year) : thisYear;
  const [view, t] = await Promise.all([fundYearView(viewer, year), getTranslations('projects')]);
  const below = (share: number | null, line: number) => share !== null && share < line;
  return (
    <PageBody>
      <PageHeader
        title={t('fundsPageTitle')}
        description={t('fundsPageHint')}
        actions={
          <YearPicker
            years={Array.from({ length: 6 }, (_, i) => thisYear + 1 - i)}
            year={year}
            action="/projects/funds"
          />
        }
      />
      <ProjectNav current="/projects/funds" />
      {!view ? (
        <Card>
          <p className="text-sm text-slate-600">{t('fundsCountyOnly')}</p>
        </Card>
      ) : (
        <div className="space-y-4">
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            <Stat
              label={t('revenueShare')}
              value={
                <span
                  className={below(view.revenueShare, view.revenueSharePercent) ? 'text-red-700' : ''}
                  data-testid="revenue-share"
                >
                  {view.revenueShare === null ? '—' : formatPercent(view.revenueShare)}
                </span>
              }
              hint={t('revenueShareHint', {
                funds: formatWan(view.countyFundsFen),
                base: formatWan(view.revenueIncreaseFen),
                line: view.revenueSharePercent,
              })}
            />
            <Stat
              label={t('spendingShare')}
              value={
                <span
                  className={below(view.spendingShare, view.countySpendingSharePercent) ? 'text-red-700' : ''}
                  data-testid="spending-share"
                >
                  {view.spendingShare === null ? '—' : formatPercent(view.spendingShare)}
                </span>
              }
              hint={t('spendingShareHint', {
                poverty: formatWan(view.povertySpendingFen),
                base: formatWan(view.spendingFen),
                line: view.countySpendingSharePercent,
              })}
            />
          </div>
          {!view.entered && <p className="text-sm text-amber-800">{t('fundYearMissing', { year })}</p>}
          {view.mayEdit && (
            <Card title={t('fundYearForm')}>
              <FundYearForm
                year={year}
                values={{
                  localRevenueIncrease: plain(view.revenueIncreaseFen),
                  countySpending: plain(view.spendingFen),
                  countyPovertySpending: plain(view.povertySpendingFen),
                  complaintPhone: view.complaintPhone,
                }}
              />
            </Card>
          )}
        </div>
      )}
    </PageBody>
  );
}
