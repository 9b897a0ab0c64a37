'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { CADRE_RANKS, TEAM_ROLES } from '@/lib/enums';
import { addPosting, confirmDetached, endPosting } from '@/lib/teams/actions';

type Options = {
  units: { id: number; name: string }[];
  cadres: { id: number; name: string; unit: { name: string } }[];
  users: { id: number; username: string; displayName: string }[];
};

export function AddPostingForm({ teamId, options, today }: { teamId: number; options: Options; today: string }) {
  const t = useTranslations('teams');
  const { state, formAction, fieldError, defaultValue, defaultChecked, formKey } = useActionForm(addPosting);
  const threeYears = `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
  return (
    <form action={formAction} className="space-y-4" noValidate key={formKey()}>
      <input type="hidden" name="teamId" value={teamId} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          name="cadreId"
          label={t('cadre')}
          defaultValue={defaultValue('cadreId', '')}
          errors={fieldError('cadreId')}
        >
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
          defaultValue={defaultValue('name')}
          errors={fieldError('name')}
          autoComplete="off"
        />
        <SelectField
          name="rank"
          label={t('rank')}
          defaultValue={defaultValue('rank', 'ORDINARY')}
          errors={fieldError('rank')}
        >
          {CADRE_RANKS.map((rank) => (
            <option key={rank} value={rank}>
              {t(`ranks.${rank}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="phone"
          label={t('phone')}
          inputMode="tel"
          defaultValue={defaultValue('phone')}
          errors={fieldError('phone')}
        />
        <SelectField
          name="role"
          label={t('role')}
          defaultValue={defaultValue('role', 'MEMBER')}
          errors={fieldError('role')}
        >
          {TEAM_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="unitId"
          label={t('unit')}
          defaultValue={defaultValue('unitId')}
          errors={fieldError('unitId')}
        >
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
          defaultValue={defaultValue('startDate', today)}
          errors={fieldError('startDate')}
        />
        <TextField
          name="plannedEndDate"
          type="date"
          label={t('plannedEnd')}
          defaultValue={defaultValue('plannedEndDate', threeYears)}
          errors={fieldError('plannedEndDate')}
        />
        <SelectField
          name="userId"
          label={t('account')}
          defaultValue={defaultValue('userId', '')}
          errors={fieldError('userId')}
        >
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
          defaultChecked={defaultChecked('alsoFirstSecretary')}
          errors={fieldError('alsoFirstSecretary')}
        />
        <CheckboxField
          name="shortConfirmed"
          label={t('shortConfirmed')}
          defaultChecked={defaultChecked('shortConfirmed')}
          errors={fieldError('shortConfirmed')}
        />
      </div>
      <SubmitButton>{t('addPosting')}</SubmitButton>
    </form>
  );
}

export function EndPostingForm({
  posting,
  today,
  lastBeforeExit = false,
}: {
  posting: { id: number; version: number; name: string };
  today: string;
  /** The last active posting of a poor village not yet exited: ending it needs the county's decision. */
  lastBeforeExit?: boolean;
}) {
  const t = useTranslations('teams');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(endPosting);
  const id = (name: string) => `${name}-${posting.id}`;
  return (
    <form
      action={formAction}
      className="grid gap-3 sm:grid-cols-3 sm:items-end"
      noValidate
      key={formKey(posting.version)}
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
        defaultValue={defaultValue('endedOn', today)}
        errors={fieldError('endedOn')}
      />
      <TextField
        id={id('endReason')}
        name="endReason"
        label={t('endReason')}
        hint={t('endPostingHint')}
        defaultValue={defaultValue('endReason')}
        errors={fieldError('endReason')}
      />
      {lastBeforeExit && (
        <TextField
          id={id('endDecision')}
          name="endDecision"
          label={t('endDecision')}
          hint={t('endDecisionHint')}
          defaultValue={defaultValue('endDecision')}
          errors={fieldError('endDecision')}
        />
      )}
      <ConfirmSubmit variant="danger" label={t('endPosting')} question={t('endPostingAsk', { name: posting.name })} />
    </form>
  );
}

export function ConfirmDetachedButton({ posting }: { posting: { id: number; version: number } }) {
  const t = useTranslations('teams');
  const { state, formAction } = useActionForm(confirmDetached);
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
