import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import { ApprovalList } from '@/components/users/approval-list';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { chinaMoment } from '@/lib/time';
import { listPendingApprovals } from '@/lib/users/data';

export default async function ApprovalsPage() {
  const viewer = await requirePermission('user.approve');
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t('users.approvals')} description={t('users.approvalsDescription')} />
      <PageBody>
        <PendingRequests viewer={viewer} />
      </PageBody>
    </>
  );
}

async function PendingRequests({ viewer }: { viewer: Viewer }) {
  const requests = await listPendingApprovals(viewer);
  return (
    <Card>
      <ApprovalList
        requests={requests.map((request) => ({
          ...request,
          requestedAt: request.requestedAt ? chinaMoment(request.requestedAt) : '—',
        }))}
      />
    </Card>
  );
}
