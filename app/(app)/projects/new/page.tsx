import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { ProposeForm } from '@/components/projects/propose-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/guard';
import { proposeOptions } from '@/lib/projects/data';
import { chinaYear } from '@/lib/time';

export default async function NewProjectPage() {
  const viewer = await requirePermission('project.propose');
  const [options, t] = await Promise.all([proposeOptions(viewer), getTranslations('projects')]);
  return (
    <PageBody>
      <PageHeader title={t('propose')} description={t('proposeHint')} />
      <Card>
        <ProposeForm villages={options.villages} units={options.units} year={chinaYear()} />
      </Card>
    </PageBody>
  );
}
