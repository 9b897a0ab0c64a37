'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { createTeam } from '@/lib/teams/actions';

export function CreateTeamForm({ villages }: { villages: { code: string; name: string }[] }) {
  const t = useTranslations('teams');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(createTeam);
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-3 sm:items-end" noValidate key={formKey()}>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
      <SelectField
        name="villageCode"
        label={t('village')}
        defaultValue={defaultValue('villageCode')}
        errors={fieldError('villageCode')}
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
        defaultValue={defaultValue('formedOn')}
        errors={fieldError('formedOn')}
      />
      <SubmitButton>{t('createTeam')}</SubmitButton>
    </form>
  );
}
