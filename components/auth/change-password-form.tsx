'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { changeOwnPassword } from '@/lib/auth/actions';

export function ChangePasswordForm() {
  const t = useTranslations('auth');
  const [state, formAction] = useActionState(changeOwnPassword, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate key={state.attempt ?? 0}>
      <FormMessage state={state} />
      <TextField
        name="currentPassword"
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors?.currentPassword}
      />
      <TextField
        name="newPassword"
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('passwordRule')}
        errors={state.fieldErrors?.newPassword}
      />
      <TextField
        name="confirmPassword"
        label={t('confirmPassword')}
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors?.confirmPassword}
      />
      <SubmitButton>{t('changePassword')}</SubmitButton>
    </form>
  );
}
