'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { CADRE_RANKS, TEAM_ROLES } from '@/lib/enums';
import { addPosting, confirmDetached, endPosting } from '@/lib/teams/actions';

type Options = {
  units: { id: number; name: string }[];
  cadres: { id: number; name: string; unit: { name: string } }[];
  users: { id: number; username: string; displayName: string }[];
};

export function AddPostingForm({ teamId, options, today }: { teamId: number; options: Options; today: string }) {
  const t = useTranslations('teams');
  const [state, formAction] = useActionState(addPosting, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const threeYears = `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
  return (
    <form action={formAction} className="space-y-4" noValidate key={state.attempt ?? 0}>
      <input type="hidden" name="teamId" value={teamId} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField name="cadreId" label={t('cadre')} defaultValue={v.cadreId ?? ''} errors={errors.cadreId}>
          <option value="">—</option>
          {options.cadres.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}（{c.unit.name}）
            </option>
          ))}
        </SelectField>
        <TextField
          name="name"
          label={`${t('newCadre')}：${t('name')}`}
          defaultValue={v.name}
          errors={errors.name}
          autoComplete="off"
        />
        <SelectField name="rank" label={t('rank')} defaultValue={v.rank ?? 'ORDINARY'} errors={errors.rank}>
          {CADRE_RANKS.map((rank) => (
            <option key={rank} value={rank}>
              {t(`ranks.${rank}`)}
            </option>
          ))}
        </SelectField>
        <TextField name="phone" label={t('phone')} inputMode="tel" defaultValue={v.phone} errors={errors.phone} />
        <SelectField name="role" label={t('role')} defaultValue={v.role ?? 'MEMBER'} errors={errors.role}>
          {TEAM_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="unitId" label={t('unit')} defaultValue={v.unitId} errors={errors.unitId}>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="startDate"
          type="date"
          label={t('start')}
          defaultValue={v.startDate ?? today}
          errors={errors.startDate}
        />
        <TextField
          name="plannedEndDate"
          type="date"
          label={t('plannedEnd')}
          defaultValue={v.plannedEndDate ?? threeYears}
          errors={errors.plannedEndDate}
        />
        <SelectField name="userId" label={t('account')} defaultValue={v.userId ?? ''} errors={errors.userId}>
          <option value="">{t('noAccount')}</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}（{u.username}）
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-wrap gap-6">
        <CheckboxField
          name="alsoFirstSecretary"
          label={t('alsoFirstSecretary')}
          defaultChecked={v.alsoFirstSecretary === 'on'}
          errors={errors.alsoFirstSecretary}
        />
        <CheckboxField
          name="shortConfirmed"
          label={t('shortConfirmed')}
          defaultChecked={v.shortConfirmed === 'on'}
          errors={errors.shortConfirmed}
        />
      </div>
      <SubmitButton>{t('addPosting')}</SubmitButton>
    </form>
  );
}

export function EndPostingForm({
  posting,
  today,
}: {
  posting: { id: number; version: number; name: string };
  today: string;
}) {
  const t = useTranslations('teams');
  const [state, formAction] = useActionState(endPosting, initialActionState);
  const errors = state.fieldErrors ?? {};
  const id = (name: string) => `${name}-${posting.id}`;
  return (
    <form
      action={formAction}
      className="grid gap-3 sm:grid-cols-3 sm:items-end"
      noValidate
      key={`${posting.version}-${state.attempt ?? 0}`}
      aria-label={`${t('endPosting')} ${posting.name}`}
    >
      <input type="hidden" name="postingId" value={posting.id} />
      <input type="hidden" name="version" value={posting.version} />
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
      <TextField
        id={id('endedOn')}
        name="endedOn"
        type="date"
        label={t('endedOn')}
        defaultValue={state.values?.endedOn ?? today}
        errors={errors.endedOn}
      />
      <TextField
        id={id('endReason')}
        name="endReason"
        label={t('endReason')}
        hint={t('endPostingHint')}
        defaultValue={state.values?.endReason}
        errors={errors.endReason}
      />
      <SubmitButton variant="danger">{t('endPosting')}</SubmitButton>
    </form>
  );
}

export function ConfirmDetachedButton({ posting }: { posting: { id: number; version: number } }) {
  const t = useTranslations('teams');
  const [state, formAction] = useActionState(confirmDetached, initialActionState);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="postingId" value={posting.id} />
      <input type="hidden" name="version" value={posting.version} />
      <SubmitButton variant="secondary">{t('confirmDetached')}</SubmitButton>
      {state.formError && (
        <span role="alert" className="text-sm text-red-700">
          {state.formError}
        </span>
      )}
    </form>
  );
}
