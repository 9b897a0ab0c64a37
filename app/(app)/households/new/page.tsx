import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { villageOptions } from '@/lib/households/data';
import { Card, PageHeader } from '@/components/ui/card';
import { CreateHouseholdForm } from '@/components/households/create-household-form';

export default async function NewHouseholdPage({ searchParams }: { searchParams: Promise<{ village?: string }> }) {
  const viewer = await requirePermission('household.edit');
  const [villages, t, { village }] = await Promise.all([villageOptions(viewer), getTranslations('households'), searchParams]);
  return (
    <>
      <PageHeader title={t('create')} description={t('createNote')} />
      <div className="max-w-3xl">
        <Card>
          <CreateHouseholdForm villages={villages} defaultVillage={village} />
        </Card>
      </div>
    </>
  );
}
