'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { CADRE_RANKS, LEADER_ROLES } from '@/lib/enums';
import { createCadre, updateCadre } from '@/lib/pairings/actions';

type Options = {
  units: { id: number; name: string }[];
  users: { id: number; username: string; displayName: string }[];
  areas: { code: string; name: string }[];
  /** The county office marks county-level leaders (seed 002). */
  leaderRoles: boolean;
};
type Cadre = {
  id: number;
  version: number;
  name: string;
  unit: { id: number };
  rank: string;
  leaderRole: string | null;
  user: { id: number } | null;
};

/** New cadre (with ID number and the area that keeps them) or an existing one's details. */
export function CadreForm({ options, cadre }: { options: Options; cadre?: Cadre }) {
  const t = useTranslations();
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(cadre ? updateCadre : createCadre);
  return (
    <form action={formAction} className="space-y-4" noValidate key={formKey(cadre?.version ?? 0)}>
      {cadre && <input type="hidden" name="id" value={cadre.id} />}
      {cadre && <input type="hidden" name="version" value={cadre.version} />}
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          name="name"
          label={t('teams.name')}
          defaultValue={defaultValue('name', cadre?.name)}
          errors={fieldError('name')}
          autoComplete="off"
        />
        {!cadre && (
          <TextField
            name="idNumber"
            label={t('pairings.idNumber')}
            defaultValue={defaultValue('idNumber')}
            errors={fieldError('idNumber')}
            autoComplete="off"
          />
        )}
        <SelectField
          name="rank"
          label={t('pairings.rank')}
          defaultValue={defaultValue('rank', cadre?.rank ?? 'ORDINARY')}
          errors={fieldError('rank')}
        >
          {CADRE_RANKS.map((rank) => (
            <option key={rank} value={rank}>
              {t(`teams.ranks.${rank}`)}
            </option>
          ))}
        </SelectField>
        {options.leaderRoles && (
          <SelectField
            name="leaderRole"
            label={t('pairings.leaderRole')}
            defaultValue={defaultValue('leaderRole', cadre?.leaderRole ?? '')}
            errors={fieldError('leaderRole')}
          >
            <option value="">{t('pairings.leaderRoleNone')}</option>
            {LEADER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`pairings.leaderRoles.${role}`)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          name="unitId"
          label={t('pairings.unit')}
          defaultValue={defaultValue('unitId', cadre ? String(cadre.unit.id) : undefined)}
          errors={fieldError('unitId')}
        >
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="phone"
          label={t('pairings.phone')}
          inputMode="tel"
          defaultValue={defaultValue('phone')}
          errors={fieldError('phone')}
          hint={cadre ? t('common.keepBlank') : undefined}
        />
        {!cadre && (
          <SelectField
            name="regionCode"
            label={t('pairings.keptBy')}
            defaultValue={defaultValue('regionCode')}
            errors={fieldError('regionCode')}
          >
            {options.areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          name="userId"
          label={t('pairings.account')}
          defaultValue={defaultValue('userId', cadre?.user ? String(cadre.user.id) : '')}
          errors={fieldError('userId')}
        >
          <option value="">{t('pairings.noAccount')}</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}（{u.username}）
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton>{cadre ? t('common.save') : t('pairings.newCadre')}</SubmitButton>
    </form>
  );
}
