import { getTranslations } from 'next-intl/server';
import { CreateHouseholdForm } from '@/components/households/create-household-form';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { villageOptions } from '@/lib/households/data';

export default async function NewHouseholdPage(props: { searchParams: Promise<{ village?: string }> }) {
  const viewer = await requirePermission('household.edit'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <NewHouseholdContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function NewHouseholdContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ village?: string }> } & { viewer: Viewer }) {
  const [villages, t, { village }] = await Promise.all([
    villageOptions(viewer),
    getTranslations('households'),
    searchParams,
  ]);
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
