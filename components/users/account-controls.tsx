'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { resetUserPassword, setUserDisabled } from '@/lib/users/actions';
import { IssuedPassword } from './issued-password';

export function AccountControls({ user }: { user: { id: number; version: number; disabled: boolean } }) {
  const t = useTranslations('users');
  const { state: disableState, formAction: disableAction } = useActionForm(setUserDisabled);
  const { state: resetState, formAction: resetAction } = useActionForm(resetUserPassword);
  return (
    <div className="space-y-4">
      <form action={disableAction} className="space-y-2">
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
        <FormMessage state={disableState} />
        <SubmitButton variant={user.disabled ? 'secondary' : 'danger'}>
          {user.disabled ? t('enable') : t('disable')}
        </SubmitButton>
      </form>
      <form action={resetAction} className="space-y-2">
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <FormMessage state={resetState} />
        <IssuedPassword password={resetState.data?.issuedPassword} />
        <SubmitButton variant="secondary">{t('resetPassword')}</SubmitButton>
      </form>
    </div>
  );
}
