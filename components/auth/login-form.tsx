'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { login } from '@/lib/auth/actions';

export function LoginForm() {
  const t = useTranslations('auth');
  const [state, formAction] = useActionState(login, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate key={state.attempt ?? 0}>
      <FormMessage state={state} />
      <TextField
        name="username"
        label={t('username')}
        autoComplete="username"
        autoCapitalize="none"
        required
        defaultValue={state.values?.username}
        errors={state.fieldErrors?.username}
      />
      <TextField
        name="password"
        label={t('password')}
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pendingText={t('signingIn')} className="w-full">
        {t('signIn')}
      </SubmitButton>
    </form>
  );
}
