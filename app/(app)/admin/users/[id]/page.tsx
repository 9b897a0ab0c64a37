import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import { AccountControls } from '@/components/users/account-controls';
import { UserForm } from '@/components/users/user-form';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { parseId } from '@/lib/http';
import { getUser, scopeOptions } from '@/lib/users/data';

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('user.manage');
  const user = await getUser(viewer, parseId((await params).id) ?? notFound());
  return (
    <PageBody>
      <UserContent viewer={viewer} user={user} />
    </PageBody>
  ); // the checks above set the status (403, 404) before the response starts
}

async function UserContent({ viewer, user }: { viewer: Viewer; user: Awaited<ReturnType<typeof getUser>> }) {
  const [scopes, t, format] = await Promise.all([scopeOptions(viewer), getTranslations(), getFormatter()]);
  const lockedUntil = user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil : null;
  const status = user.pendingApproval
    ? `${t('users.pending')}（${t(user.pendingApproval === 'CREATE' ? 'users.pendingCreate' : 'users.pendingReset')}）`
    : user.disabled
      ? t('users.disabled')
      : lockedUntil
        ? t('users.lockedUntil', { time: format.dateTime(lockedUntil, { timeStyle: 'short' }) })
        : t('users.active');
  return (
    <>
      <PageHeader
        title={`${user.displayName}（${user.username}）`}
        description={`${t(`roles.${user.role}`)} · ${user.scope.name} · ${status}`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('users.edit')}>
          <UserForm user={user} scopes={scopes} />
        </Card>
        {user.id !== viewer.userId && (
          <Card title={t('users.accessControls')}>
            <AccountControls user={user} />
          </Card>
        )}
      </div>
    </>
  );
}
