import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import { UserForm } from '@/components/users/user-form';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { cadresWithoutAccount, scopeOptions } from '@/lib/users/data';

export default async function NewUserPage() {
  const viewer = await requirePermission('user.manage'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <NewUserContent viewer={viewer} />
    </PageBody>
  );
}

async function NewUserContent({ viewer }: { viewer: Viewer }) {
  const [scopes, cadres, t] = await Promise.all([
    scopeOptions(viewer),
    cadresWithoutAccount(viewer),
    getTranslations(),
  ]);
  return (
    <>
      <PageHeader title={t('users.create')} description={t('users.createNote')} />
      <div className="max-w-lg">
        <Card>
          <UserForm scopes={scopes} cadres={cadres} />
        </Card>
      </div>
    </>
  );
}
