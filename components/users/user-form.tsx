'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { TextLink } from '@/components/ui/text-link';
import { useActionForm } from '@/components/ui/use-action-form';
import { ROLES } from '@/lib/auth/permissions';
import type { RegionLevel } from '@/lib/enums';
import { createUser, updateUser } from '@/lib/users/actions';
import { IssuedPassword } from './issued-password';

export type ScopeOption = { code: string; name: string; level: RegionLevel };
type ExistingUser = {
  id: number;
  version: number;
  username: string;
  displayName: string;
  role: string;
  scopeCode: string;
};

/** `cadres`: on a new account, the area's cadres without an account, for a team or pairing account to belong to. */
export function UserForm({
  user,
  scopes,
  cadres = [],
}: {
  user?: ExistingUser;
  scopes: ScopeOption[];
  cadres?: { id: number; label: string }[];
}) {
  const t = useTranslations();
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(user ? updateUser : createUser);
  const value = (name: 'username' | 'displayName' | 'role' | 'scopeCode') => defaultValue(name, user?.[name] ?? '');
  if (!user && state.ok && state.data)
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <IssuedPassword username={state.data.username} password={state.data.issuedPassword} />
        <TextLink href={`/admin/users/${state.data.userId}`} className="text-sm font-medium">
          {t('users.openAccount')} →
        </TextLink>
      </div>
    );
  return (
    <form action={formAction} className="space-y-4" noValidate key={formKey(user?.version)}>
      {user && <input type="hidden" name="id" value={user.id} />}
      {user && <input type="hidden" name="version" value={user.version} />}
      <FormMessage state={state} />
      {!user && (
        <TextField
          name="username"
          label={t('users.username')}
          autoCapitalize="none"
          hint={t('users.usernameRule')}
          defaultValue={value('username')}
          errors={fieldError('username')}
        />
      )}
      <TextField
        name="displayName"
        label={t('users.displayName')}
        defaultValue={value('displayName')}
        errors={fieldError('displayName')}
      />
      <SelectField name="role" label={t('users.role')} defaultValue={value('role')} errors={fieldError('role')}>
        <option value="">{t('common.choose')}</option>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="scopeCode"
        label={t('users.scope')}
        defaultValue={value('scopeCode')}
        errors={fieldError('scopeCode')}
        hint={t('users.scopeHint')}
      >
        <option value="">{t('common.choose')}</option>
        {scopes.map((scope) => (
          <option key={scope.code} value={scope.code}>
            {'\u3000'.repeat(Math.max(0, [4, 6, 9, 12].indexOf(scope.code.length)))}
            {scope.name}（{t(`levels.${scope.level}`)}）
          </option>
        ))}
      </SelectField>
      {!user && (
        <SelectField
          name="cadreId"
          label={t('users.cadre')}
          defaultValue={defaultValue('cadreId', '')}
          errors={fieldError('cadreId')}
          hint={t('users.cadreHint')}
        >
          <option value="">{t('users.cadreNone')}</option>
          {cadres.map((cadre) => (
            <option key={cadre.id} value={cadre.id}>
              {cadre.label}
            </option>
          ))}
        </SelectField>
      )}
      <SubmitButton>{user ? t('common.save') : t('users.create')}</SubmitButton>
    </form>
  );
}
