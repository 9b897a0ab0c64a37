import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { AddMonitoredForm } from '@/components/monitoring/forms';
import { Card, PageHeader } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { requirePermission } from '@/lib/auth/guard';
import { parseId } from '@/lib/http';
import { cadresForVillage, householdForMonitoring } from '@/lib/monitoring/data';
import { suggestedKind } from '@/lib/monitoring/rules';
import { chinaToday } from '@/lib/time';

/** The township enters a household under monitoring (from the household's page). */
export default async function NewMonitoredPage({ searchParams }: { searchParams: Promise<{ household?: string }> }) {
  const viewer = await requirePermission('monitor.manage');
  const household = await householdForMonitoring(viewer, parseId((await searchParams).household) ?? notFound());
  const [cadres, t] = await Promise.all([
    cadresForVillage(viewer, household.regionCode),
    getTranslations('monitoring'),
  ]);
  return (
    <PageBody>
      <PageHeader
        title={t('addTitle')}
        description={
          <TextLink href={`/households/${household.id}`}>
            {t('addFor', { name: household.headName, village: `${household.village.name}${household.groupName}` })}
          </TextLink>
        }
      />
      <Card>
        {household.monitoring.length > 0 ? (
          <p className="text-sm">
            <TextLink href={`/monitoring/${household.monitoring[0].id}`}>{t('alreadyMonitored')}</TextLink>
          </p>
        ) : (
          <AddMonitoredForm
            householdId={household.id}
            kind={suggestedKind(household.status, 'OTHER')}
            cadres={cadres}
            today={chinaToday()}
          />
        )}
      </Card>
    </PageBody>
  );
}
