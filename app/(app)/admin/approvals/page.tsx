import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { listPendingApprovals } from '@/lib/users/data';
import { Card, PageHeader } from '@/components/ui/card';
import { ApprovalList } from '@/components/users/approval-list';

export default async function ApprovalsPage() {
  const viewer = await requirePermission('user.approve');
  const [requests, t, format] = await Promise.all([listPendingApprovals(viewer), getTranslations(), getFormatter()]);
  return (
    <>
      <PageHeader title={t('users.approvals')} description={t('users.approvalsDescription')} />
      <Card>
        <ApprovalList
          requests={(requests ?? []).map((request) => ({
            ...request,
            requestedAt: request.requestedAt ? format.dateTime(request.requestedAt, { dateStyle: 'short', timeStyle: 'short' }) : '—',
          }))}
        />
      </Card>
    </>
  );
}
