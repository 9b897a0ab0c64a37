import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { scopeOptions } from '@/lib/users/data';
import { Card, PageHeader } from '@/components/ui/card';
import { UserForm } from '@/components/users/user-form';

export default async function NewUserPage() {
  const viewer = await requirePermission('user.manage');
  const [scopes, t] = await Promise.all([scopeOptions(viewer), getTranslations()]);
  return (
    <>
      <PageHeader title={t('users.create')} description={t('users.createNote')} />
      <div className="max-w-lg">
        <Card>
          <UserForm scopes={scopes} />
        </Card>
      </div>
    </>
  );
}
