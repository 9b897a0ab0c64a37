'use client';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { login } from '@/lib/auth/actions';
import { clearKeptPages } from '@/lib/offline/pages';

/** `next`: the page to open after signing in (the one that asked for it). */
export function LoginForm({ next }: { next?: string | null }) {
  const t = useTranslations('auth');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(login);
  // Whoever signs in next on this phone starts with none of the last user's pages kept for offline.
  useEffect(() => {
    void clearKeptPages().catch(() => {});
  }, []);
  return (
    <form action={formAction} className="space-y-4" noValidate key={formKey()}>
      {next && <input type="hidden" name="next" value={next} />}
      <FormMessage state={state} />
      <TextField
        name="username"
        label={t('username')}
        autoComplete="username"
        autoCapitalize="none"
        required
        defaultValue={defaultValue('username')}
        errors={fieldError('username')}
      />
      <TextField
        name="password"
        label={t('password')}
        type="password"
        autoComplete="current-password"
        required
        errors={fieldError('password')}
      />
      <SubmitButton pendingText={t('signingIn')} className="w-full">
        {t('signIn')}
      </SubmitButton>
    </form>
  );
}
