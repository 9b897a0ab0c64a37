'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { changeOwnPassword } from '@/lib/auth/actions';

export function ChangePasswordForm() {
  const t = useTranslations('auth');
  const { state, formAction, fieldError, formKey } = useActionForm(changeOwnPassword);
  return (
    <form action={formAction} className="space-y-4" noValidate key={formKey()}>
      <FormMessage state={state} />
      <TextField
        name="currentPassword"
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        errors={fieldError('currentPassword')}
      />
      <TextField
        name="newPassword"
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('passwordRule')}
        errors={fieldError('newPassword')}
      />
      <TextField
        name="confirmPassword"
        label={t('confirmPassword')}
        type="password"
        autoComplete="new-password"
        errors={fieldError('confirmPassword')}
      />
      <SubmitButton>{t('changePassword')}</SubmitButton>
    </form>
  );
}
