import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { requireViewer } from '@/lib/auth/data';

export default async function ChangePasswordPage() {
  const viewer = await requireViewer({ allowPasswordChange: true });
  const t = await getTranslations('auth');
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">{t('changePassword')}</h2>
      {viewer.mustChangePassword && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('mustChange')}</p>
      )}
      <ChangePasswordForm />
    </div>
  );
}
