'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { UNIT_LEVELS } from '@/lib/enums';
import { createUnit } from '@/lib/teams/actions';

export function CreateUnitForm() {
  const t = useTranslations('teams');
  const [state, formAction] = useActionState(createUnit, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-3 sm:items-end" noValidate key={state.attempt ?? 0}>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
      <TextField
        name="name"
        label={t('unitName')}
        defaultValue={state.ok ? '' : state.values?.name}
        errors={errors.name}
      />
      <SelectField name="level" label={t('level')} defaultValue={state.values?.level ?? 'COUNTY'} errors={errors.level}>
        {UNIT_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`unitLevels.${level}`)}
          </option>
        ))}
      </SelectField>
      <SubmitButton>{t('createUnit')}</SubmitButton>
    </form>
  );
}
