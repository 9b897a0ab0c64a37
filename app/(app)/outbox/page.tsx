import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { OutboxList } from '@/components/offline/outbox-list';
import { PageHeader } from '@/components/ui/card';
import { requireViewer } from '@/lib/auth/data';

/** The phone's outbox: every user has one, whatever the role; what it holds lives in this browser only. */
export default async function OutboxPage() {
  await requireViewer();
  const t = await getTranslations('outbox');
  return (
    <PageBody>
      <PageHeader title={t('title')} description={t('description')} />
      <OutboxList />
    </PageBody>
  );
}
