'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { createTeam } from '@/lib/teams/actions';

export function CreateTeamForm({ villages }: { villages: { code: string; name: string }[] }) {
  const t = useTranslations('teams');
  const [state, formAction] = useActionState(createTeam, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-3 sm:items-end" noValidate key={state.attempt ?? 0}>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
      <SelectField
        name="villageCode"
        label={t('village')}
        defaultValue={state.values?.villageCode}
        errors={errors.villageCode}
      >
        {villages.map((v) => (
          <option key={v.code} value={v.code}>
            {v.name}
          </option>
        ))}
      </SelectField>
      <TextField
        name="formedOn"
        type="date"
        label={t('formedOn')}
        defaultValue={state.values?.formedOn}
        errors={errors.formedOn}
      />
      <SubmitButton>{t('createTeam')}</SubmitButton>
    </form>
  );
}
