import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button-class';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { monitoringOfHousehold } from '@/lib/monitoring/data';
import { isoDay } from '@/lib/time';

/** The household page's monitoring: its open monitoring and warnings to verify, and a way in for the township. */
export async function HouseholdMonitoringCard({ viewer, householdId }: { viewer: Viewer; householdId: number }) {
  if (!can(viewer.role, 'monitor.view')) return null;
  const [{ open, warnings }, t] = await Promise.all([
    monitoringOfHousehold(viewer, householdId),
    getTranslations('monitoring'),
  ]);
  return (
    <Card title={t('householdCard')}>
      <div className="space-y-2 text-sm">
        {open && (
          <p>
            <TextLink href={`/monitoring/${open.id}`}>
              {t('monitoredSince', {
                date: isoDay(open.startedOn),
                kind: t(`kinds.${open.kind}`),
                cadre: open.cadre.name,
              })}
            </TextLink>
          </p>
        )}
        {warnings.length > 0 && (
          <div>
            <p className="font-medium">{t('openWarnings')}</p>
            <ul className="list-inside list-disc">
              {warnings.map((w) => (
                <li key={w.id}>
                  <TextLink href={`/monitoring/warnings/${w.id}`}>{t(`causes.${w.cause}`)}</TextLink>
                  {` · ${t('dueOn')} ${isoDay(w.dueOn)}`}
                </li>
              ))}
            </ul>
          </div>
        )}
        {!open && warnings.length === 0 && <p className="text-slate-500">{t('noneForHousehold')}</p>}
        {!open && can(viewer.role, 'monitor.manage') && (
          <Link href={`/monitoring/new?household=${householdId}`} className={buttonClass('secondary')}>
            {t('addLink')}
          </Link>
        )}
      </div>
    </Card>
  );
}
