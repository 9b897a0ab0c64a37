import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requireViewer } from '@/lib/auth/data';

export default async function AccountPage() {
  const viewer = await requireViewer();
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t('nav.account')}
        description={`${viewer.username} · ${t(`roles.${viewer.role}`)} · ${viewer.scopeName}`}
      />
      <div className="max-w-md">
        <Card title={t('auth.changePassword')}>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
