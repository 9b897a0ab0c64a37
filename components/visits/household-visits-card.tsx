import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button-class';
import { Card } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { listVisits } from '@/lib/visits/data';

/** The household's latest visits and the way to log one. */
export async function HouseholdVisitsCard({ viewer, householdId }: { viewer: Viewer; householdId: number }) {
  if (!can(viewer.role, 'visit.view')) return null;
  const [visits, t] = await Promise.all([listVisits(viewer, { householdId }), getTranslations()]);
  return (
    <Card
      title={`${t('visits.list')}（${visits.total}）`}
      actions={
        can(viewer.role, 'visit.create') ? (
          <Link href={`/visits/new?household=${householdId}`} className={buttonClass('primary')}>
            {t('visits.newVisit')}
          </Link>
        ) : null
      }
    >
      {visits.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('visits.noVisits')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {visits.rows.slice(0, 5).map((v) => (
            <li key={v.id} className="py-1.5">
              <span className="tabular-nums text-slate-500">{v.visitedOn}</span> · {t(`visits.kinds.${v.kind}`)} ·{' '}
              {v.visitorName}
              {v.findings && <span className="block text-slate-700">{v.findings}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
