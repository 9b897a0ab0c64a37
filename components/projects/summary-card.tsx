import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { formatPercent } from '@/lib/figures/rules';
import type { ProjectOverview } from '@/lib/projects/data';
import { formatWan } from '@/lib/projects/rules';

/**
 * The year's projects and money of an area on the dashboard, the same figures as /projects (the page reads them
 * with its own, side by side), each opening its list.
 */
export async function ProjectsSummaryCard({
  area,
  year,
  total,
}: {
  area: string;
  year: number;
  total: ProjectOverview['total'];
}) {
  const t = await getTranslations('projects');
  const link = (extra = '') => `/projects?area=${area}${extra}`;
  const items: [string, string, string, boolean][] = [
    [t('projects'), String(total.projects), link(), false],
    [t('approvedWan'), formatWan(total.approvedFen), link('&funded=1'), false],
    [t('paidWan'), formatWan(total.paidFen), `/projects/payments?area=${area}`, false],
    [t('spendingRate'), total.rate === null ? '—' : formatPercent(total.rate), link('&funded=1'), false],
    [t('overdue'), String(total.overdue), link('&overdue=1'), total.overdue > 0],
    [t('unaudited'), String(total.unaudited), link('&unaudited=1'), total.unaudited > 0],
    [t('households'), String(total.households), `/projects/beneficiaries?area=${area}`, false],
  ];
  return (
    <Card title={t('dashboardTitle', { year })}>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-7" data-testid="dashboard-projects">
        {items.map(([label, value, href, red]) => (
          <div key={label}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">
              <TextLink href={href} className={red ? 'text-red-700' : undefined}>
                {value}
              </TextLink>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
